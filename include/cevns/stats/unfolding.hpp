#pragma once
// Regularised unfolding (Tikhonov) of a binned spectrum, following J. Liao, H. Liu, D. Marfatia,
// PRD 107, 113002 (2023) [arXiv:2302.10460] and G. Cowan, "Statistical Data Analysis" (1998),
// ch. 11:
//   phi(nu) = chi^2(nu) + beta S(nu),  chi^2 = (R nu + h - n)^T V^-1 (R nu + h - n),  V = diag(n)
//   S(nu) = sum_{i=1}^{m-2} (-nu_i + 2 nu_{i+1} - nu_{i+2})^2 = nu^T G nu   (second differences)
//   D = R^T V^-1 R + beta G,  K = R^T V^-1 (n - h),  nu^ = D^-1 K
//   C = d nu^ / d n = D^-1 R^T V^-1,   U = cov(nu^) = C V C^T
//   bias estimate b^ = C (mu^ - n), mu^ = R nu^ + h;  W = (C R C - C) V (C R C - C)^T
//   B = sum_i b^_i^2 / W_ii   (B ~ m when the bias is statistically insignificant)
// h = the expected non-CEvNS counts (background). Empty bins use V_jj = 1 (a count of 0 has no
// Gaussian variance; documented in docs/physics/statistics.md). beta = 0 is the naive inversion
// (least squares when there are more recoil than energy bins).
#include <Eigen/Dense>
#include <vector>

namespace cevns::stats {

struct UnfoldingResult {
  double beta = 0.0;
  Eigen::VectorXd flux;        // nu^
  Eigen::MatrixXd covariance;  // U
  Eigen::VectorXd bias;        // b^
  Eigen::MatrixXd bias_covariance;  // W
  double bias_statistic = 0.0;      // B
  double chi2 = 0.0;
  bool positive = false;            // nu^_i > 0 for all i
};

Eigen::MatrixXd second_difference_matrix(Eigen::Index m);  // G = L^T L

UnfoldingResult tikhonov_unfold(const Eigen::MatrixXd& response, const Eigen::VectorXd& observed,
                                const Eigen::VectorXd& background, double beta);

// The smallest beta of `betas` (tried in increasing order) with a positive flux in every bin
// (the "physical criterion" of Liao et al.); the last one if none is.
UnfoldingResult smallest_positive_beta(const Eigen::MatrixXd& response, const Eigen::VectorXd& observed,
                                       const Eigen::VectorXd& background, std::vector<double> betas);

// Logarithmic grid lo..hi with n points (for beta scans).
std::vector<double> log_grid(double lo, double hi, std::size_t n);

}  // namespace cevns::stats
