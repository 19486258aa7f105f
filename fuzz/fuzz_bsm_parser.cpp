// Fuzzes the key=value BSM parser (--nsi, --tensor, --zprime, --scalar and the same strings in
// YAML): the first byte picks the parser, the rest is the text. A model that the parser and
// validate() accept must give finite cross sections on Xe-132 over the whole range of neutrino
// energies the library allows (1 keV .. 100 GeV). Seeds: fuzz/corpus/bsm_parser/.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/bsm/interaction_model.hpp"
#include "cevns/physics/bsm/model_parameters.hpp"
#include "cevns/physics/cevns_cross_section.hpp"
#include "fuzz_target.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 || size > 4096) return -1;
  const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
  cevns::fuzz::accept_only_cevns_errors([&] {
    cevns::CevnsSettings s;
    switch (data[0] % 4) {
      case 0: cevns::apply_nsi(s.bsm, text, "VTS"); break;
      case 1: cevns::apply_nsi(s.bsm, text, "T"); break;
      case 2: cevns::apply_zprime(s.bsm, text); break;
      default: cevns::apply_scalar(s.bsm, text); break;
    }
    s.bsm.validate();
    static const auto& xe = cevns::io::default_nuclear_database().isotope("Xe", 132);
    const cevns::CevnsCrossSection xs(xe, s);
    for (const double e_MeV : {1e-3, 10.0, 1e5}) {
      const double e = e_MeV * cevns::units::MeV;
      const double t = 0.5 * xs.max_recoil(e);
      const double d = xs.differential(cevns::Neutrino{cevns::Flavour::e, false}, e, t);
      if (!std::isfinite(d)) {
        std::fprintf(stderr, "fuzz finding: non-finite dsigma/dT %g for '%s' at E = %g MeV\n", d, text.c_str(), e_MeV);
        std::abort();
      }
    }
  });
  return 0;
}
