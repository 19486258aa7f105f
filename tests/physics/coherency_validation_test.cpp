// Validation N06: the Maneschg 2018 review's coherency table (S. Kerman et al., PRD 93, 113006 (2016)), read from
// data/coherency/kerman2016_coherency.csv, against cevns with the Helm form factor.
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/io/coherency_table_reader.hpp"
#include "cevns/io/data_path.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_catalog.hpp"
#include "cevns/physics/coherency.hpp"

namespace cevns {
namespace {

struct Row {
  std::string source;
  Neutrino nu;
  std::string element;
  double published;
  double rate_weighted;
  double flux_weighted;
};

std::vector<Row> compute_rows() {
  std::vector<Row> rows;
  io::SourceOptions options;
  options.power_GW = {1.0};
  options.distance_m = {20.0};
  options.oscillate = false;
  for (const auto& p : io::read_coherency_table(io::data_file("coherency/kerman2016_coherency.csv"))) {
    const Neutrino nu = parse_neutrino(p.neutrino);
    const auto source = io::make_source(p.source, options);
    for (const auto& [element, value] : p.values) {
      const MaterialCrossSection target(Material::from_name(io::default_nuclear_database(), element));
      rows.push_back({p.source, nu, element, value, flux_averaged_coherency(target, nu, *source.spectrum(nu)),
                      flux_weighted_coherency(target, nu, *source.spectrum(nu))});
    }
  }
  return rows;
}

const std::vector<Row>& rows() {
  static const std::vector<Row> r = compute_rows();
  return r;
}

TEST(Validation, N06_ReactorAnd8BRowsReproduceWithTheRateWeightedDefinition) {
  // The definition, <sigma_F>/<sigma_{F=1}>: reactor and 8B rows within +-0.01 (the table
  // prints two decimals).
  int checked = 0;
  for (const auto& r : rows()) {
    if (r.source != "reactor" && r.source != "solar:8B") continue;
    EXPECT_NEAR(r.rate_weighted, r.published, 0.01) << r.source << " " << r.element;
    ++checked;
  }
  EXPECT_EQ(checked, 6);
}

TEST(Validation, N06_PionDecayRowsComeOutLowerWithTheRateWeightedDefinition) {
  // Rate weighting favours the high-energy tail, where F^2 is smallest: the Michel rows lie below
  // the published ones (validation.md N06: Xe nu_e 0.70 vs 0.76).
  for (const auto& r : rows()) {
    if (r.source != "sns" || (r.nu.flavour == Flavour::mu && !r.nu.anti)) continue;
    EXPECT_LT(r.rate_weighted, r.published - 0.03) << to_string(r.nu) << " " << r.element;
  }
}

TEST(Validation, N06_EveryRowReproducesWhenAlphaOfEIsAveragedOverTheFlux) {
  // Averaging alpha(E) = sigma_F(E)/sigma_1(E) over the flux (not the rate) reproduces all 15
  // entries of the table within 0.02: the π-DAR rows agree to 0.016 or better (Ar is the worst,
  // where Kerman et al.'s nuclear densities differ most from Helm with measured radii).
  for (const auto& r : rows()) EXPECT_NEAR(r.flux_weighted, r.published, 0.02) << r.source << " " << to_string(r.nu) << " " << r.element;
  EXPECT_EQ(rows().size(), 15u);
}

TEST(Coherency, EnergyLimitOfSeed000) {
  // Maneschg 2018 review: E <= 1/(2 R_A) ~ 197/(2.5 A^(1/3)) MeV
  for (int A : {40, 73, 131}) EXPECT_NEAR(coherent_energy_limit(A), 197.327 / (2.5 * std::cbrt(A)), 1e-3);
}

}  // namespace
}  // namespace cevns
