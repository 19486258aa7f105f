#pragma once
// ON/OFF counting analysis: N_on events in exposure t_on (signal + background), N_off events in
// exposure t_off (background only), alpha = t_on / t_off. Exposures in any common unit (kg d).
//
// Three significance estimates, side by side (docs/physics/statistics.md):
//   simple      (N_on - alpha N_off) / sqrt(N_on + alpha^2 N_off)   (Gaussian error propagation,
//               Li & Ma, ApJ 272, 317 (1983), eq. 5 with the variance of eq. 4)
//   li_ma       Li & Ma (1983) eq. 17, the closed-form likelihood-ratio significance
//   profile     sqrt(q0) from the Poisson likelihood of both counts with the background rate
//               profiled (Rolke, Lopez, Conrad, NIM A 551, 493 (2005), model of sec. 2.1);
//               algebraically equal to eq. 17, computed here by a different route as a check.
// Interval on the excess: the bounded profile-likelihood interval of Rolke et al. (2005):
//   -2 ln[L(s, b^(s)) / L(s^, b^)] = chi2_1 quantile(CL), with s^ clamped at 0.
// Signed significances: negative when the excess is negative.
namespace cevns::stats {

struct OnOffData {
  double n_on = 0.0;
  double exposure_on = 0.0;
  double n_off = 0.0;
  double exposure_off = 0.0;
};

struct OnOffInterval {
  double lower = 0.0;  // excess, in ON-exposure events
  double upper = 0.0;
  double cl = 0.0;
};

struct OnOffResult {
  double alpha = 0.0;                  // t_on / t_off
  double background_on = 0.0;          // alpha N_off
  double excess = 0.0;                 // N_on - alpha N_off
  double excess_error = 0.0;           // sqrt(N_on + alpha^2 N_off)
  double significance_simple = 0.0;
  double significance_li_ma = 0.0;
  double significance_profile = 0.0;
  OnOffInterval interval;              // Rolke et al. bounded profile likelihood
};

// InputError if a count is negative or not finite, or an exposure is not positive.
void validate(const OnOffData& d);

double simple_significance(const OnOffData& d);
double li_ma_significance(const OnOffData& d);
// -2 ln L(s, b) of the two Poisson counts (deviance form: 0 at the saturated model);
// s = expected excess in the ON exposure, b = expected background in the OFF exposure.
double on_off_deviance(const OnOffData& d, double s, double b);
// b^(s): the background (OFF-exposure events) maximising L at fixed s (closed form, root of a
// quadratic; Rolke et al. 2005).
double profiled_background(const OnOffData& d, double s);
// q(s) = -2 ln lambda(s) with s^ unconstrained.
double on_off_profile_q(const OnOffData& d, double s);
double profile_significance(const OnOffData& d);
OnOffInterval profile_interval(const OnOffData& d, double cl);

OnOffResult analyse_on_off(const OnOffData& d, double cl = 0.9);

}  // namespace cevns::stats
