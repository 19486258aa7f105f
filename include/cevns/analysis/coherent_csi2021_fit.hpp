#pragma once
// The COHERENT CsI[Na] full data set (D. Akimov et al., PRL 129, 081801 (2022), arXiv:2110.07730)
// refitted from its public release (data/coherent_csi_2021): a binned Poisson profile likelihood
// in reconstructed energy (PE) x recoil time of the beam-on coincidence (C) events, jointly with
// the anti-coincidence (AC) events that measure the steady state:
//   C_kt:  mu = s (1 + delta) S_kt(x) + b_k g_t(lambda) + n_B B_k B_t e_t + n_N N_k N_t e_t,
//   AC_kt: mu = b_k g_t(lambda),
//   S(x)  the cevns prediction for data/experiments/coherent-csi-2021.yaml (release quenching
//         polynomial, PE efficiency, timing-cut efficiency) at sin^2 theta_W = x,
//   b_k   the steady state per PE bin (free), g_t = exp(-lambda t) normalised over the window
//         (lambda free; flat with exponential_steady_state = false),
//   B, N  the release's BRN and NIN PE and time distributions (brnPE/brnTrec, ninPE/ninTrec; the
//         time files carry the expected counts), e_t the timing-cut efficiency of the catalog
//         entry; n_B ~ 1 +- 0.25, n_N ~ 1 +- 0.36 (Gaussian constraints),
//   delta ~ 0 +- signal_uncertainty: the normalisation systematics of the SM prediction (flux,
//         quenching, efficiency), used only where the prediction's normalisation matters (the
//         weak-mixing-angle profile; it is added in quadrature to the cross-section error).
// Results: the fitted CEvNS count s * sum S (SM), sqrt(q0) against s = 0, the flux-averaged cross
// section <sigma>_meas = s <sigma>_SM with <sigma>_SM = sum_a int Phi_a sigma dE / sum_a int Phi_a dE
// over the catalog's SNS flux (per nucleus), and sin^2 theta_W from the profile of
// -2 ln L(x) with s = 1 over a grid of x (S(x) exactly quadratic in x per bin: Q_W is linear in
// sin^2 theta_W at fixed q, also with the radiative couplings of physics/weak_charge.hpp).
// Formulas: docs/physics/statistics.md; numbers vs the paper: docs/validation/experiments.md.
#include <filesystem>
#include <string>

#include "cevns/physics/cevns_cross_section.hpp"
#include "cevns/rates/experiment.hpp"

namespace cevns::analysis {

struct CoherentCsi2021Options {
  double max_pe = 60.0;             // fit window 0..max_pe (multiple of pe_bin_width)
  double pe_bin_width = 4.0;        // multiple of the catalog's 1-PE bins
  bool exponential_steady_state = true;
  // > 0: the steady state is the AC projection per PE bin (taken as exact) times one normalisation
  // constrained to 1 +- steady_state_prior, and the AC bins leave the likelihood.
  double steady_state_prior = 0.0;
  double signal_uncertainty = 0.127;  // 42 (exp) and 11 (theory) of 341 SM events, in quadrature
  bool scan_sin2_theta_w = true;
  double sin2_min = 0.10, sin2_max = 0.40, sin2_step = 0.005;
};

struct CoherentCsi2021Fit {
  double predicted_events = 0.0;     // SM CEvNS in the window
  double fitted_events = 0.0;        // s * predicted
  double fitted_events_error = 0.0;  // Hessian
  double significance_sigma = 0.0;   // sqrt(q0), s = 0 vs free
  double brn_events = 0.0, nin_events = 0.0, steady_state_events = 0.0;  // fitted, C window
  double steady_state_slope_per_us = 0.0;
  double deviance = 0.0;
  std::size_t bins = 0;  // C bins
  double observed_in_window = 0.0, anticoincidence_in_window = 0.0;
  double observed_total = 0.0, anticoincidence_total = 0.0;  // whole release
  // Flux-averaged cross sections (per nucleus, cm^2).
  double sm_flux_averaged_cm2 = 0.0;
  double measured_flux_averaged_cm2 = 0.0;
  double measured_flux_averaged_error_cm2 = 0.0;  // fit error (+) signal_uncertainty
  // Weak mixing angle: minimum of the profile and the Delta(-2 ln L) = 1 crossings (0 if not scanned).
  double sin2_theta_w = 0.0, sin2_theta_w_lower = 0.0, sin2_theta_w_upper = 0.0;
};

CoherentCsi2021Fit fit_coherent_csi_2021(const std::filesystem::path& release_dir,
                                         const CoherentCsi2021Options& options = {},
                                         const std::string& experiment = "coherent-csi-2021",
                                         const CevnsSettings& settings = {});

// <sigma> per nucleus over the experiment's (pi-DAR) flux, all species, natural units (area).
double flux_averaged_cross_section(const Experiment& experiment, const CevnsSettings& settings = {});

}  // namespace cevns::analysis
