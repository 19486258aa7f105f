#pragma once
// Everything a prediction needs about one experiment, built in code or by io/experiment_reader.hpp
// from a catalog YAML file: target, exposure (already folded into the source), detector response,
// backgrounds, time binning for pulsed sources, and the published numbers to compare with.
#include <optional>
#include <string>
#include <vector>

#include "cevns/detector/background.hpp"
#include "cevns/detector/detector_response.hpp"
#include "cevns/nuclear/material.hpp"
#include "cevns/sources/decay_at_rest_timing.hpp"
#include "cevns/sources/neutrino_source.hpp"

namespace cevns {

struct PublishedNumber {
  double value = 0.0;
  double uncertainty = 0.0;  // 0 = not given
  std::string source;        // citation
};

// One detector of a multi-detector experiment (CONUS+'s C2, C3 and C5; NUCLEUS's CaWO4 and Al2O3
// arrays): its own target, mass and response, binned in the experiment's observable bins.
struct DetectorModule {
  std::string name;
  Material material;
  double mass_kg = 0.0;
  DetectorResponse response;
};

struct Experiment {
  std::string id, name, status, reference;
  // The detector. With modules, material and response are the first module's and mass_kg is the
  // sum over modules (for display); predictions use the modules.
  std::optional<Material> material;
  double mass_kg = 0.0;
  std::vector<DetectorModule> modules;  // empty: one detector (material, mass_kg, response)
  // Time-integrated neutrino source: the density is neutrinos per area and energy over the whole
  // exposure (flux x live time, or POT x yield / 4 pi L^2 for pi-DAR).
  NeutrinoSource fluence;
  double live_days = 0.0;  // detector live time (steady-state backgrounds)
  // pi-DAR: time bins (natural units, from the pulse) and the arrival-time model. Empty = no time axis.
  bool pulsed = false;
  DecayAtRestTiming timing;
  std::vector<double> time_edges;
  // Efficiency of a cut on the event time, averaged over each time bin; it multiplies the CEvNS
  // signal only (catalog backgrounds are given after cuts). Empty = 1.
  std::vector<double> time_efficiency;
  DetectorResponse response;
  std::vector<Background> backgrounds;
  std::optional<PublishedNumber> published_prediction;
  std::optional<PublishedNumber> measured;
  std::optional<PublishedNumber> upper_limit;  // a published upper limit on the CEvNS counts (no measurement)
  std::string published_note;  // how to read the comparison (a best fit, a preliminary excess, ...)
  std::vector<std::string> references;

  // "CsI", or the modules' distinct targets joined by " + " ("CaWO4 + Al2O3").
  [[nodiscard]] std::string target_name() const;
  // Scales the quenching of the detector and of every module (a quenching nuisance parameter).
  void scale_quenching(double factor);
};

}  // namespace cevns
