#pragma once
// Likelihood-ratio test statistics and their asymptotic (Wilks / Wald) distributions, following
// G. Cowan, K. Cranmer, E. Gross, O. Vitells, EPJC 71, 1554 (2011) [arXiv:1007.1727] ("CCGV"):
//   q0  = -2 ln lambda(0)   if mu^ >= 0, else 0        (eq. 12);  Z = sqrt(q0)   (eq. 53)
//   q_mu = -2 ln lambda(mu) if mu^ <= mu, else 0       (eq. 14);  p_mu = 1 - Phi(sqrt(q_mu)) (eq. 59)
//   CLs = p_mu / (1 - p_b),  1 - p_b = Phi(sqrt(q_mu,A) - sqrt(q_mu))  (A.L. Read, J. Phys. G 28,
//         2693 (2002); asymptotic form from CCGV sec. 3.7 with sigma^2 = mu^2 / q_mu,A, eq. 32)
//   Asimov data set: the expected counts of a hypothesis (CCGV sec. 3.2); median expected
//   significance Z_A = sqrt(q0,A) (eq. 97 for one bin: sqrt(2((s+b) ln(1+s/b) - s))).
// Delta-chi^2 levels for intervals and contours come from Boost's chi_squared quantile.
#include <cstddef>
#include <vector>

#include "cevns/stats/binned_likelihood.hpp"
#include "cevns/stats/fit.hpp"

namespace cevns::stats {

// Phi^-1 and friends (Boost normal).
double normal_cdf(double z);
double normal_quantile(double p);
// Two-sided Gaussian sigma -> CL: 2 Phi(n) - 1 (1 sigma -> 0.6827).
double sigma_to_cl(double n_sigma);
// Delta(-2 ln L) that bounds a CL region with `dof` parameters (1 dof, 0.6827 -> 1.0;
// 2 dof, 0.6827 -> 2.30; 1 dof, 0.9 -> 2.706).
double delta_chi2_level(double cl, int dof);
// p-value of a chi^2 statistic with `dof` degrees of freedom (Wilks' theorem).
double chi2_p_value(double chi2, int dof);
// One-sided p-value <-> significance Z.
double p_value_to_z(double p);
double z_to_p_value(double z);

// Median discovery significance of one counting bin (CCGV eq. 97).
double asimov_significance(double signal, double background);

struct TestStatistic {
  double value = 0.0;          // q0 or q_mu
  double mu_hat = 0.0;         // unconditional best fit of the parameter of interest
  double significance = 0.0;   // sqrt(value) (q0) / p-value in Gaussian sigma
  double p_value = 0.0;
  FitResult free_fit;
  FitResult conditional_fit;
};

// q0 for parameter `poi` tested at `null_value` (0: background only), one-sided (CCGV eq. 12).
TestStatistic discovery_q0(const BinnedLikelihood& likelihood, std::size_t poi, double null_value = 0.0,
                           const FitOptions& options = {});
// q_mu for an upper limit on `poi` at `mu` (CCGV eq. 14).
TestStatistic limit_q_mu(const BinnedLikelihood& likelihood, std::size_t poi, double mu,
                         const FitOptions& options = {});

// Asimov data: the model's expected counts at `values`.
std::vector<double> asimov_dataset(const BinnedLikelihood& likelihood, const std::vector<double>& values);

// Median expected discovery significance sqrt(q0,A) for the hypothesis `truth` (parameter
// values, with the poi at its signal value); the likelihood's data are restored afterwards.
double median_discovery_significance(BinnedLikelihood likelihood, std::size_t poi,
                                     const std::vector<double>& truth, const FitOptions& options = {});

// Asymptotic CLs of `mu` from the observed q_mu and the Asimov (background-only) q_mu,A.
double cls_asymptotic(double q_mu, double q_mu_asimov);

struct UpperLimit {
  double cls = 0.0;          // CLs upper limit (asymptotic)
  double delta_chi2 = 0.0;   // plain profile-likelihood limit: q_mu = delta_chi2_level(2 CL - 1, 1)
  double median_expected = 0.0;  // CLs limit of the background-only Asimov data
};

// Upper limits at confidence level `cl` on `poi` (lower bound of the poi taken as 0).
// `background_values`: parameter values of the background-only hypothesis (for Asimov).
UpperLimit upper_limits(const BinnedLikelihood& likelihood, std::size_t poi, double cl,
                        const std::vector<double>& background_values, const FitOptions& options = {});

}  // namespace cevns::stats
