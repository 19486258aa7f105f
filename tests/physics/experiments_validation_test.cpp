// Experiment-level validation: our SM predictions from the catalog inputs against the
// collaborations' published predictions (docs/validation/experiments.md).
#include <gtest/gtest.h>

#include <cmath>

#include "cevns/io/experiment_reader.hpp"
#include "cevns/rates/prediction.hpp"

using namespace cevns;

namespace {
double predicted(const std::string& id) { return Prediction(io::load_experiment(id)).evaluate().signal_counts; }
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

// E15/XENONnT 8B, PRL 133, 191002 (2024), arXiv:2408.02877 abstract: 37 events observed above 0.5 keV
// on 26.4 (+1.4 -1.3) expected background, i.e. an excess of 10.6 +- 6.1 (Poisson on 37). The catalog
// entry uses the collaboration's released NR detection efficiency (XENONnT/cevns_data_release,
// data/detectors/xenonnt_8b_2024). The SM expectation itself was not in a source we could read, so
// this is a consistency check against the measured excess within its 1-sigma statistical error,
// not a 10 % validation; without the efficiency (hard 1 keVnr cut) we predicted 359.
TEST(ExperimentsValidation, XenonNT8BWithinMeasuredExcess) {
  EXPECT_NEAR(predicted("xenonnt-8b"), 10.6, 6.1);
}

// Every catalog entry must load and give a finite, positive prediction (schema + physics chain).
TEST(ExperimentsValidation, EveryCatalogEntryPredicts) {
  for (const auto& e : io::experiment_catalog()) {
    const double n = Prediction(io::read_experiment(e.path)).evaluate().signal_counts;
    EXPECT_TRUE(n > 0.0 && std::isfinite(n)) << e.id;
  }
}
