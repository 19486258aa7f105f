#pragma once
// The COHERENT CsI[Na] 2017 observation refitted from its public data release
// (data/coherent_csi_2017, arXiv:1804.09459): a binned Poisson profile-likelihood fit in
// reconstructed energy (2-PE bins) x arrival time (0.5-us bins) of the beam-on coincidence (C)
// data, jointly with the beam-on anti-coincidence (AC) data that measure the steady state:
//   C_kt:  mu = s S_kt + b_k g_t(lambda) + n P_k T_t,     AC_kt:  mu = b_k g_t(lambda),
//   S   the cevns prediction for data/experiments/coherent-csi-2017.yaml (SM, rebinned to 2 PE),
//       each species' energy spectrum times the release's arrival-time PDF (prompt / delayed),
//   b_k the steady state in energy bin k (free), g_t its time shape in the window,
//       exponential ~ exp(-lambda t) normalised over the fitted window (lambda free): the AC data
//       are not flat in time (the events per 0.5-us bin fall from ~75 to ~35 over 0-12 us), so a
//       flat shape pushes steady-state events into the prompt bins and inflates the CEvNS fit,
//   P_k the release's prompt-neutron PE spectrum (promptPDF.txt, per GW hr, times the acceptance
//       at the 1-PE bin centre and the 7.48 GW hr exposure), T_t its arrival-time PDF; n is
//       Gaussian-constrained to 1 +- 0.25 (release).
// lambda is shared with the beam-off C and AC time projections (steady state only; one
// normalisation each), which show the same slope. Variants (options): a flat steady state
// (lambda = 0, the cause of the old ~212-event / ~11 sigma result), or a free steady state b_kt in
// every (energy, time) bin profiled analytically from C and AC (the on/off likelihood per bin).
// The significance against no CEvNS is sqrt(q0) of the profile likelihood (Wilks, one-sided).
// Formulas and the comparison with the paper: docs/physics/statistics.md,
// docs/validation/experiments.md.
#include <filesystem>

#include "cevns/physics/cevns_cross_section.hpp"

namespace cevns::analysis {

enum class SteadyStateTime { flat, exponential, per_bin };

struct CoherentCsi2017Options {
  double min_pe = 6.0, max_pe = 30.0;  // fit window in PE (multiples of 2)
  double max_time_us = 12.0;           // fit window 0..max_time_us (multiple of 0.5)
  SteadyStateTime steady_state = SteadyStateTime::exponential;
  bool release_neutron_spectrum = true;  // false: prompt neutrons flat in PE (before acceptance)
  bool beam_off_slope = true;  // also fit lambda to the beam-off C and AC time projections
};

struct CoherentCsi2017Fit {
  double predicted_events = 0.0;     // SM prediction in the fit window
  double fitted_events = 0.0;        // s * predicted
  double fitted_events_error = 0.0;  // from the Hessian of the profile
  double significance_sigma = 0.0;   // sqrt(q0) against s = 0
  double steady_state_events = 0.0;  // fitted steady state in the C window
  double steady_state_slope_per_us = 0.0;  // lambda (0 unless exponential)
  double prompt_neutron_scale = 0.0;
  double prompt_neutron_events = 0.0;
  double deviance = 0.0;              // -2 ln L at the best fit (Baker-Cousins, C and AC bins)
  std::size_t bins = 0;               // C bins in the fit window
  double observed_total = 0.0, anticoincidence_total = 0.0;        // whole release window
  double observed_in_window = 0.0, anticoincidence_in_window = 0.0;  // fit window
};

// `release_dir` holds the release files; `experiment` the catalog id or YAML giving the signal.
CoherentCsi2017Fit fit_coherent_csi_2017(const std::filesystem::path& release_dir,
                                         const CoherentCsi2017Options& options = {},
                                         const std::string& experiment = "coherent-csi-2017",
                                         const CevnsSettings& settings = {});

}  // namespace cevns::analysis
