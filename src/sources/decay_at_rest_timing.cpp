#include "cevns/sources/decay_at_rest_timing.hpp"

#include <cmath>
#include <numbers>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {
namespace {

// exp(a) erfc(z), stable when a is large and erfc(z) underflows (z >> 1): the asymptotic series
// erfc(z) = exp(-z^2)/(z sqrt(pi)) (1 - 1/(2z^2) + 3/(4z^4) - 15/(8z^6)), error < 1e-9 for z > 8.
double exp_times_erfc(double a, double z) {
  if (z < 8.0) return std::exp(a) * std::erfc(z);
  const double z2 = z * z;
  const double series = 1.0 - 1.0 / (2 * z2) + 3.0 / (4 * z2 * z2) - 15.0 / (8 * z2 * z2 * z2);
  return std::exp(a - z2) / (z * std::sqrt(std::numbers::pi)) * series;
}

}  // namespace

DecayAtRestTiming::DecayAtRestTiming()
    : DecayAtRestTiming(440.0 * units::ns, 150.0 * units::ns, constants::charged_pion_lifetime_s * units::s,
                        constants::muon_lifetime_s * units::s) {}

DecayAtRestTiming::DecayAtRestTiming(double pulse_mean, double pulse_sigma, double pion_lifetime,
                                     double muon_lifetime)
    : mean_(pulse_mean), sigma_(pulse_sigma), tau_pi_(pion_lifetime), tau_mu_(muon_lifetime) {
  if (!(pulse_sigma > 0.0) || !(pion_lifetime > 0.0) || !(muon_lifetime > pion_lifetime) ||
      !std::isfinite(pulse_mean))
    throw InputError("DAR timing needs pulse width > 0 and 0 < tau_pi < tau_mu");
}

double DecayAtRestTiming::emg_pdf(double t, double tau) const {
  const double a = sigma_ * sigma_ / (2 * tau * tau) - (t - mean_) / tau;
  const double z = (mean_ + sigma_ * sigma_ / tau - t) / (std::numbers::sqrt2 * sigma_);
  return exp_times_erfc(a, z) / (2 * tau);
}

double DecayAtRestTiming::emg_cdf(double t, double tau) const {
  const double phi = 0.5 * std::erfc(-(t - mean_) / (std::numbers::sqrt2 * sigma_));
  return phi - tau * emg_pdf(t, tau);
}

double DecayAtRestTiming::prompt_pdf(double t) const { return emg_pdf(t, tau_pi_); }
double DecayAtRestTiming::prompt_cdf(double t) const { return emg_cdf(t, tau_pi_); }

double DecayAtRestTiming::delayed_pdf(double t) const {
  return (tau_mu_ * emg_pdf(t, tau_mu_) - tau_pi_ * emg_pdf(t, tau_pi_)) / (tau_mu_ - tau_pi_);
}

double DecayAtRestTiming::delayed_cdf(double t) const {
  return (tau_mu_ * emg_cdf(t, tau_mu_) - tau_pi_ * emg_cdf(t, tau_pi_)) / (tau_mu_ - tau_pi_);
}

double DecayAtRestTiming::prompt_fraction(double t1, double t2) const {
  if (!(t2 >= t1)) throw InputError("time window needs t1 <= t2");
  return prompt_cdf(t2) - prompt_cdf(t1);
}

double DecayAtRestTiming::delayed_fraction(double t1, double t2) const {
  if (!(t2 >= t1)) throw InputError("time window needs t1 <= t2");
  return delayed_cdf(t2) - delayed_cdf(t1);
}

double DecayAtRestTiming::pdf(Neutrino nu, double t) const {
  if (nu == Neutrino{Flavour::mu, false}) return prompt_pdf(t);
  if (nu == Neutrino{Flavour::e, false} || nu == Neutrino{Flavour::mu, true}) return delayed_pdf(t);
  return 0.0;
}

double DecayAtRestTiming::fraction(Neutrino nu, double t1, double t2) const {
  if (nu == Neutrino{Flavour::mu, false}) return prompt_fraction(t1, t2);
  if (nu == Neutrino{Flavour::e, false} || nu == Neutrino{Flavour::mu, true}) return delayed_fraction(t1, t2);
  return 0.0;
}

}  // namespace cevns
