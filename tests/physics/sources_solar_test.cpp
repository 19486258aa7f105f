// Solar source against published numbers (docs/validation/sources.md, ids S01, S02).
#include <gtest/gtest.h>

#include "cevns/core/units.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/sources/solar.hpp"

namespace cevns {
namespace {
const double per_cm2_s = 1.0 / (units::cm2 * units::s);
const Neutrino nue{Flavour::e, false};
}  // namespace

TEST(SourcesSolar, S01B16Fluxes) {
  // S01: Vinyoles et al. ApJ 835, 202 (2017), Table 6, GS98 / AGSS09met (exact to the quoted digits).
  const std::array<double, 8> gs98{5.98e10, 1.44e8, 7.98e3, 4.93e9, 5.46e6, 2.78e8, 2.05e8, 5.28e6};
  const std::array<double, 8> agss{6.03e10, 1.46e8, 8.25e3, 4.50e9, 4.50e6, 2.04e8, 1.44e8, 3.26e6};
  for (const auto c : all_solar_components) {
    const auto i = static_cast<std::size_t>(c);
    const std::string name = "solar:" + to_string(c);
    EXPECT_NEAR(solar_source(io::default_solar_model("GS98"), {c}).total() / per_cm2_s / gs98[i], 1.0, 1e-6) << name;
    EXPECT_NEAR(solar_source(io::default_solar_model("AGSS09met"), {c}).total() / per_cm2_s / agss[i], 1.0, 1e-6)
        << name;
  }
  // 7Be lines: 0.8618 MeV carries 89.7 % (Bahcall PRD 49, 3923 (1994)).
  const auto be7 = solar_source(io::default_solar_model(), {SolarComponent::Be7}, {}, false);
  ASSERT_EQ(be7.spectrum(nue)->lines().size(), 2u);
  EXPECT_NEAR(be7.spectrum(nue)->lines()[0].intensity / be7.total(), 0.897, 1e-12);
}

TEST(SourcesSolar, S02Boron8ShapeOfWinter2006) {
  // S02: Winter et al. PRC 73, 025503 (2006): peak at 6.5 MeV (table step 0.1 MeV), <E> ~ 6.77 MeV.
  // Our <E> comes from the interpolated table: 0.5 % tolerance for the quoted 3 digits and the
  // interpolation between 0.1-MeV points.
  const auto s = solar_source(io::default_solar_model(), {SolarComponent::B8}, {}, false);
  const auto* sp = s.spectrum(nue);
  EXPECT_NEAR(sp->mean_energy() / units::MeV, 6.77, 0.005 * 6.77);
  double best = 0.0, peak = 0.0;
  for (double E = 5.0; E < 8.0; E += 0.01)
    if (sp->density(E * units::MeV) > best) best = sp->density(E * units::MeV), peak = E;
  EXPECT_NEAR(peak, 6.5, 0.1);
}

TEST(SourcesSolar, SurvivalProbabilityAgainstSnoAndBorexino) {
  // SNO combined analysis (B. Aharmim et al., PRC 88, 025501 (2013)): day-time 8B survival
  // probability at 10 MeV, P_ee = c0 = 0.317 +- 0.016. Tolerance 2 sigma (0.032): our adiabatic
  // P_ee uses NuFIT 5.2 parameters, not SNO's fit.
  const auto& m = io::default_solar_model();
  const double ne8B = m.electron_density[static_cast<std::size_t>(SolarComponent::B8)];
  EXPECT_NEAR(solar_pee(10 * units::MeV, ne8B), 0.317, 0.032);
  // Low energy (pp, 0.3 MeV): vacuum-dominated ~0.55 (Borexino, Nature 562, 505 (2018): 0.57 +- 0.09).
  const double nepp = m.electron_density[static_cast<std::size_t>(SolarComponent::pp)];
  EXPECT_NEAR(solar_pee(0.3 * units::MeV, nepp), 0.57, 0.09);
}

}  // namespace cevns
