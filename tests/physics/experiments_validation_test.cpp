// Experiment-level validation: our SM predictions from the catalog inputs against the
// collaborations' published predictions (docs/validation/experiments.md).
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cevns/io/data_path.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/rates/prediction.hpp"

using namespace cevns;

namespace {
double predicted(const std::string& id) { return Prediction(io::load_experiment(id)).evaluate().signal_counts; }

// First row of numbers of a COHERENT CsI 2021 release coefficient file ('#' comments): the nominal model.
std::vector<double> nominal_row(const std::string& file) {
  std::ifstream in(io::data_file("coherent_csi_2021/" + file));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream row(line);
    std::vector<double> v;
    for (double x = 0.0; row >> x;) v.push_back(x);
    if (!v.empty()) return v;
  }
  return {};
}
}  // namespace

// E01: COHERENT CsI[Na] 2017, Science 357, 1123 (2017): SM prediction 173 +- 48 events.
// Class M (validation.md): COHERENT used its GEANT4 flux and own MC; with the release inputs
// (constant QF, Poisson PE, release acceptance) we expect agreement within ~10 %.
TEST(ExperimentsValidation, CoherentCsI2017PublishedPrediction) {
  EXPECT_NEAR(predicted("coherent-csi-2017") / 173.0, 1.0, 0.10);
}

// E04: COHERENT LAr 2020 Analysis A, PRL 126, 012002 (2021) / release arXiv:2006.12659:
// SM prediction 128 +- 17 (13 % uncertainty). Class M: within 10 % with the release inputs.
TEST(ExperimentsValidation, CoherentLAr2020PublishedPrediction) {
  EXPECT_NEAR(predicted("coherent-lar-2020") / 128.0, 1.0, 0.10);
}

// E03: COHERENT CsI[Na] full data set, PRL 129, 081801 (2022), arXiv:2110.07730: SM prediction
// 341 +- 11 (theory) +- 42 (experiment) events as validation.md reads it (a secondary source quotes 333;
// the paper body could not be read with the workplace tools). Inputs: 3.198e23 POT, 0.0848 nu/flavour/
// proton, 14.6 kg at 19.3 m, the release's nominal quenching polynomial and PE efficiency, 13.35 PE/keVee,
// 0-60 PE, 0-6 us, the release's gamma PE response and the analysis' timing efficiency (flat to 520 ns,
// then exp(-0.0494/us dt)). Class M (validation.md, as E01/E04: COHERENT's GEANT4 flux and own
// detector MC): 10 %. The 10 % band contains 333 too (333/341 = 0.977), so it does not decide
// between the two readings.
TEST(ExperimentsValidation, CoherentCsI2021PublishedPrediction) {
  EXPECT_NEAR(predicted("coherent-csi-2021") / 341.0, 1.0, 0.10);
}

// The catalog's CsI 2021 response must be the release's nominal models (arXiv:2110.07730v2 ancillary
// files, copies in data/coherent_csi_2021), not a retyped or tuned variant.
TEST(ExperimentsValidation, CoherentCsI2021UsesReleaseNominalModels) {
  const auto x = io::load_experiment("coherent-csi-2021");
  const auto eff = nominal_row("effCoefficients.txt");
  ASSERT_EQ(eff.size(), 4u);
  EXPECT_DOUBLE_EQ(x.response.efficiency.a, eff[0]);
  EXPECT_DOUBLE_EQ(x.response.efficiency.k, eff[1]);
  EXPECT_DOUBLE_EQ(x.response.efficiency.x0, eff[2]);
  EXPECT_DOUBLE_EQ(x.response.efficiency.d, eff[3]);
  const auto qf = nominal_row("scintRespCoefficients.txt");
  ASSERT_EQ(qf.size(), 4u);
  ASSERT_EQ(x.response.quenching.coefficients.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_DOUBLE_EQ(x.response.quenching.coefficients[i], qf[i]) << i;
}

// E15/XENONnT 8B, PRL 133, 191002 (2024), arXiv:2408.02877 abstract: 37 events observed above 0.5 keV
// on 26.4 (+1.4 -1.3) expected background, i.e. an excess of 10.6 +- 6.1 (Poisson on 37). The catalog
// entry uses the collaboration's released NR detection efficiency (XENONnT/cevns_data_release,
// data/detectors/xenonnt_8b_2024). The SM expectation itself was not in a source we could read, so
// this is a consistency check against the measured excess within its 1-sigma statistical error,
// not a 10 % validation; without the efficiency (hard 1 keVnr cut) we predicted 359.
TEST(ExperimentsValidation, XenonNT8BWithinMeasuredExcess) {
  EXPECT_NEAR(predicted("xenonnt-8b"), 10.6, 6.1);
}

// E16/NUCLEUS: arXiv:2509.03559 (NUCLEUS background prediction, abstract): in the CEvNS region of
// interest 10-100 eV the full setup is expected to leave ~250 counts/(d kg keV) in the CaWO4 targets,
// "a signal-to-background ratio >~ 1". With the catalog's Chooz VNS source (two 4.25 GW cores at 72 and
// 102 m, NUCLEUS INFN presentation / EPJC 79, 1018) our CaWO4 signal in 10-100 eV must therefore be of order that
// background, 250 x 0.09 keV = 22.5 counts/(kg d). ">~ 1" is an order-one statement, not a number with
// an error: we require 0.8 <= S/B <= 2.5 (20 % below 1 for the "~"; above 2.5 the collaboration would
// have had no reason to call the ratio order one). Neither the flux model nor the fission fractions of
// NUCLEUS were read, so this is a consistency check, not a 10 % validation (no count was published).
TEST(ExperimentsValidation, Nucleus10gSignalToBackgroundOrderOne) {
  auto x = io::load_experiment("nucleus-10g");
  ASSERT_EQ(x.modules.size(), 2u);
  ASSERT_EQ(x.modules[0].material.name(), "CaWO4");
  for (auto& m : x.modules) {
    m.response.threshold = 0.0;
    m.response.bin_edges = {0.010, 0.100};  // keVnr: the 10-100 eV region of interest
  }
  const double signal = Prediction(x).evaluate().module_counts[0];  // the CaWO4 targets
  const double per_kg_day = signal / (x.modules[0].mass_kg * x.live_days);
  const double background_per_kg_day = 250.0 * (0.100 - 0.010);
  const double ratio = per_kg_day / background_per_kg_day;
  EXPECT_GE(ratio, 0.8) << per_kg_day << " counts/(kg d)";
  EXPECT_LE(ratio, 2.5) << per_kg_day << " counts/(kg d)";
}

// Every catalog entry must load and give a finite, positive prediction (schema + physics chain).
TEST(ExperimentsValidation, EveryCatalogEntryPredicts) {
  for (const auto& e : io::experiment_catalog()) {
    const double n = Prediction(io::read_experiment(e.path)).evaluate().signal_counts;
    EXPECT_TRUE(n > 0.0 && std::isfinite(n)) << e.id;
  }
}
