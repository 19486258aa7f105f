#include "cevns/sources/solar.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/source_data_reader.hpp"

namespace cevns {

TEST(SolarPee, VacuumAndMatterDominatedLimits) {
  const SolarOscillationParameters osc;
  const double s12 = osc.sin2_theta12, s13 = osc.sin2_theta13, c13 = 1 - s13;
  const double ne = electron_density_from_mol_per_cm3(90.0);
  // E -> 0: vacuum averaged, c13^2 (1 - 1/2 sin^2 2th12) + s13^2.
  EXPECT_NEAR(solar_pee(1e-6 * units::MeV, ne, osc), c13 * c13 * (1 - 2 * s12 * (1 - s12)) + s13 * s13, 1e-6);
  // E -> infinity: adiabatic nu_2, c13^2 sin^2 th12 + s13^2.
  EXPECT_NEAR(solar_pee(1e6 * units::MeV, ne, osc), c13 * c13 * s12 + s13 * s13, 1e-5);
  // No density: vacuum value at any energy.
  EXPECT_NEAR(solar_pee(10 * units::MeV, 0.0, osc), solar_pee(1e-6 * units::MeV, ne, osc), 1e-7);
}

TEST(SolarSource, OscillationConservesTheTotalFlux) {
  const auto& m = io::default_solar_model("GS98");
  for (const auto c : all_solar_components) {
    const auto osc = solar_source(m, {c});
    const auto raw = solar_source(m, {c}, {}, false);
    EXPECT_NEAR(osc.total() / raw.total(), 1.0, 1e-9) << to_string(c);
    EXPECT_NEAR(raw.total() / m.flux[static_cast<std::size_t>(c)], 1.0, 1e-6) << to_string(c);
    EXPECT_DOUBLE_EQ(osc.total({Flavour::mu, false}), osc.total({Flavour::tau, false}));
  }
  EXPECT_THROW(parse_solar_component("8b"), InputError);
  EXPECT_THROW(io::default_solar_model("GS99"), InputError);
}

}  // namespace cevns
