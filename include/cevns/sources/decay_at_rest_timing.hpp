#pragma once
// Arrival-time distributions of pi-DAR neutrinos for one beam pulse.
//
// The proton pulse is a Gaussian (mean mu, width sigma); the prompt nu_mu follows the pion decay,
// so its time PDF is the Gaussian convolved with an exponential of the pion lifetime, an
// exponentially modified Gaussian (EMG):
//   g(t; tau) = 1/(2 tau) exp(sigma^2/(2 tau^2) - (t - mu)/tau) erfc((mu + sigma^2/tau - t)/(sqrt2 sigma)).
// The delayed nu_e and anti-nu_mu follow the muon decay as well: Gaussian (x) Exp(tau_pi) (x)
// Exp(tau_mu) = (tau_mu g(t; tau_mu) - tau_pi g(t; tau_pi)) / (tau_mu - tau_pi).
// CDFs: G(t; tau) = Phi((t - mu)/sigma) - tau g(t; tau), combined the same way.
// Defaults: COHERENT LAr release (arXiv:2006.12659): POT trace Gaussian, mean 440 ns, width 150 ns;
// lifetimes PDG 2022 (constants.hpp). Times are natural units (units::ns).
#include "cevns/core/flavour.hpp"

namespace cevns {

class DecayAtRestTiming {
 public:
  DecayAtRestTiming();  // COHERENT/SNS defaults
  DecayAtRestTiming(double pulse_mean, double pulse_sigma, double pion_lifetime, double muon_lifetime);

  // Normalised time PDFs (per unit time) of the prompt and delayed components.
  [[nodiscard]] double prompt_pdf(double t) const;
  [[nodiscard]] double delayed_pdf(double t) const;
  // Fractions of each component in the window [t1, t2].
  [[nodiscard]] double prompt_fraction(double t1, double t2) const;
  [[nodiscard]] double delayed_fraction(double t1, double t2) const;
  // PDF / fraction for one species: nu_mu is prompt, nu_e and anti-nu_mu delayed, others 0.
  [[nodiscard]] double pdf(Neutrino nu, double t) const;
  [[nodiscard]] double fraction(Neutrino nu, double t1, double t2) const;

 private:
  [[nodiscard]] double emg_pdf(double t, double tau) const;
  [[nodiscard]] double emg_cdf(double t, double tau) const;
  [[nodiscard]] double prompt_cdf(double t) const;
  [[nodiscard]] double delayed_cdf(double t) const;
  double mean_, sigma_, tau_pi_, tau_mu_;
};

}  // namespace cevns
