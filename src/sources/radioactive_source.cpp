#include "cevns/sources/radioactive_source.hpp"

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {
namespace {
// K- and L1-shell binding energies of the daughter atoms (keV): V 5.465, 0.626; Cl 2.822, 0.270
// (J.A. Bearden, A.F. Burr, Rev. Mod. Phys. 39, 125 (1967)).
constexpr double kQ_Cr51 = 752.39, kLevel_V51 = 320.08, kK_V = 5.465, kL_V = 0.626;
constexpr double kQ_Ar37 = 813.87, kK_Cl = 2.822, kL_Cl = 0.270;
}  // namespace

ElectronCaptureIsotope chromium51() {
  return {"cr51",
          {{(kQ_Cr51 - kK_V) * units::keV, 0.8163},
           {(kQ_Cr51 - kL_V) * units::keV, 0.0849},
           {(kQ_Cr51 - kLevel_V51 - kK_V) * units::keV, 0.0895},
           {(kQ_Cr51 - kLevel_V51 - kL_V) * units::keV, 0.0093}},
          {"W. Hampel et al. (GALLEX), PLB 420, 114 (1998) (51Cr line intensities)",
           "M. Wang et al., Chin. Phys. C 45, 030003 (2021) (AME2020 Q values)"}};
}

ElectronCaptureIsotope argon37() {
  return {"ar37",
          {{(kQ_Ar37 - kK_Cl) * units::keV, 0.902}, {(kQ_Ar37 - kL_Cl) * units::keV, 0.098}},
          {"J.N. Abdurashitov et al. (SAGE), PRC 73, 045805 (2006) (37Ar lines)",
           "M. Wang et al., Chin. Phys. C 45, 030003 (2021) (AME2020 Q values)"}};
}

NeutrinoSource radioactive_source(const ElectronCaptureIsotope& isotope, double activity, double distance) {
  if (!(activity > 0.0) || !std::isfinite(activity)) throw InputError("source activity must be positive");
  NeutrinoSource s;
  s.name = isotope.name;
  s.normalisation = Normalisation::flux;
  s.references = isotope.references;
  s.add({Flavour::e, false}, Spectrum::line_only(isotope.lines).scaled(activity * inverse_square(distance)));
  return s;
}

}  // namespace cevns
