#include "cevns/stats/unfolding.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"

namespace cevns::stats {

Eigen::MatrixXd second_difference_matrix(Eigen::Index m) {
  if (m < 3) return Eigen::MatrixXd::Zero(m, m);
  Eigen::MatrixXd L = Eigen::MatrixXd::Zero(m - 2, m);
  for (Eigen::Index i = 0; i < m - 2; ++i) {
    L(i, i) = -1.0;
    L(i, i + 1) = 2.0;
    L(i, i + 2) = -1.0;
  }
  return L.transpose() * L;
}

UnfoldingResult tikhonov_unfold(const Eigen::MatrixXd& R, const Eigen::VectorXd& n, const Eigen::VectorXd& h,
                                double beta) {
  if (R.rows() != n.size() || h.size() != n.size())
    throw InputError("unfolding: response rows, observed and background bins differ");
  if (R.rows() < R.cols()) throw InputError("unfolding: fewer observed bins than unfolded bins");
  if (!(beta >= 0.0) || !std::isfinite(beta)) throw InputError("unfolding: beta must be >= 0");
  if ((n.array() < 0.0).any() || !n.allFinite()) throw InputError("unfolding: counts must be finite and >= 0");
  const Eigen::VectorXd v = n.array().max(1.0);  // V = diag(n), empty bins -> 1
  const Eigen::VectorXd vinv = v.cwiseInverse();
  const Eigen::MatrixXd RtVinv = R.transpose() * vinv.asDiagonal();
  const Eigen::MatrixXd D = RtVinv * R + beta * second_difference_matrix(R.cols());
  const Eigen::VectorXd K = RtVinv * (n - h);
  Eigen::FullPivLU<Eigen::MatrixXd> lu(D);
  if (!lu.isInvertible()) throw NumericalError("unfolding: D is singular (increase beta or the data)");
  UnfoldingResult r;
  r.beta = beta;
  r.flux = lu.solve(K);
  const Eigen::MatrixXd C = lu.solve(RtVinv);
  r.covariance = C * v.asDiagonal() * C.transpose();
  const Eigen::VectorXd mu = R * r.flux + h;
  r.bias = C * (mu - n);
  const Eigen::MatrixXd A = C * R * C - C;
  r.bias_covariance = A * v.asDiagonal() * A.transpose();
  r.bias_statistic = 0.0;
  for (Eigen::Index i = 0; i < r.flux.size(); ++i) {
    const double w = r.bias_covariance(i, i);
    if (w > 0.0) r.bias_statistic += r.bias(i) * r.bias(i) / w;
  }
  r.chi2 = ((mu - n).array().square() * vinv.array()).sum();
  r.positive = (r.flux.array() > 0.0).all();
  if (!r.flux.allFinite() || !r.covariance.allFinite()) throw NumericalError("unfolding produced non-finite values");
  return r;
}

UnfoldingResult smallest_positive_beta(const Eigen::MatrixXd& R, const Eigen::VectorXd& n, const Eigen::VectorXd& h,
                                       std::vector<double> betas) {
  if (betas.empty()) throw InputError("unfolding: no beta values to try");
  std::sort(betas.begin(), betas.end());
  UnfoldingResult last;
  for (double b : betas) {
    last = tikhonov_unfold(R, n, h, b);
    if (last.positive) return last;
  }
  return last;
}

std::vector<double> log_grid(double lo, double hi, std::size_t n) {
  if (!(lo > 0.0 && hi > lo) || n < 2) throw InputError("log grid needs 0 < lo < hi and n >= 2");
  std::vector<double> g(n);
  for (std::size_t i = 0; i < n; ++i)
    g[i] = lo * std::pow(hi / lo, static_cast<double>(i) / static_cast<double>(n - 1));
  return g;
}

}  // namespace cevns::stats
