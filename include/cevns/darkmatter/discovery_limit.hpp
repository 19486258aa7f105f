#pragma once
// Median discovery limit of a counting experiment with K background components whose
// normalisations are Gaussian-constrained nuisance parameters (the neutrino floor statistics of
// J. Billard, L. Strigari, E. Figueroa-Feliciano, PRD 89, 023524 (2014) and C.A.J. O'Hare, PRL
// 127, 251802 (2021)).
//
// Per bin i, per unit exposure: background B_ki of component k at its nominal normalisation, signal
// s_i per unit cross section. Asimov data for exposure X and cross section sigma:
//   n_i = X (b_i + sigma s_i),  b_i = sum_k B_ki.
// Background-only model with relative shifts u_k of each normalisation (theta_k = 1 + u_k):
//   mu_i = X m_i,  m_i = b_i + sum_k u_k B_ki,
//   q0 = 2 min_u { X sum_i m_i h(r_i) + sum_k u_k^2 / (2 delta_k^2) },  r_i = (n_i - mu_i)/mu_i,
//   h(r) = (1 + r) ln(1 + r) - r   (the Poisson deviance, written so that n ~ mu loses no digits).
// The objective is convex in u (Poisson with linear expectations plus Gaussians), so the profile is
// a damped Newton iteration with the analytic gradient and Hessian (a few steps, warm-started).
// Discovery at Z sigma: q0 = Z^2 (3 sigma: 9), solved for ln sigma (TOMS 748, Boost). As in O'Hare's
// code, at least `min_signal_events` signal events are required: where the likelihood alone would
// claim a discovery with fewer (background-free regime), the limit is that event count.
//
// The fog index n = -(d ln sigma / d ln X)^-1 (X proportional to the number of background events)
// follows exactly from the implicit-function theorem and the envelope theorem (the profiled u is
// stationary): n = sigma X sum_i s_i ln(1 + r_i) / (X sum_i m_i h(r_i)); n = 1 background-free,
// 2 Poisson-limited, > 2 when the background uncertainties saturate the limit.
#include <span>
#include <vector>

namespace cevns {

struct DiscoveryOptions {
  double significance = 3.0;        // Z (one-sided, q0 = Z^2)
  double min_signal_events = 0.5;   // > 0 (O'Hare 2021, src/like/like.f95)
};

struct DiscoveryPoint {
  double cross_section = 0.0;      // in the unit the signal is given per
  double fog_index = 1.0;          // n
  double signal_events = 0.0;
  double background_events = 0.0;
  bool count_limited = false;      // limit set by min_signal_events
};

class AsimovDiscovery {
 public:
  // backgrounds[k][i]: counts per unit exposure; relative_uncertainties[k] >= 0 (0: fixed).
  // InputError on ragged or negative input.
  AsimovDiscovery(std::vector<std::vector<double>> backgrounds, std::vector<double> relative_uncertainties,
                  DiscoveryOptions options = {});

  // Warm-start state of the profile (reuse along a scan; one per thread).
  struct Workspace {
    std::vector<double> shifts;
  };

  // q0 of the Asimov data (+inf if signal falls in a bin without any background).
  [[nodiscard]] double q0(std::span<const double> signal, double cross_section, double exposure) const;
  [[nodiscard]] double q0(std::span<const double> signal, double cross_section, double exposure,
                          Workspace& ws) const;
  // The smallest cross section discovered at the set significance for this exposure, with its
  // fog index. `guess` (0: none) starts the bracket.
  [[nodiscard]] DiscoveryPoint discovery(std::span<const double> signal, double exposure, Workspace& ws,
                                         double guess = 0.0) const;

  [[nodiscard]] std::size_t bins() const { return total_.size(); }
  [[nodiscard]] const std::vector<double>& total_background() const { return total_; }
  [[nodiscard]] const DiscoveryOptions& options() const { return options_; }

 private:
  struct Profile {
    double q0 = 0.0;
    double poisson = 0.0;  // X sum m h(r) at the minimum
    double slope = 0.0;    // sigma X sum s ln(1 + r)
  };
  [[nodiscard]] Profile profile(std::span<const double> signal, double cross_section, double exposure,
                                Workspace& ws) const;

  std::vector<std::vector<double>> b_;  // free components only, [k][i]
  std::vector<double> inv_var_;         // 1/delta_k^2
  std::vector<double> total_;           // b_i, all components
  DiscoveryOptions options_;
};

}  // namespace cevns
