// Tikhonov unfolding: closed-form limits (beta = 0 is the weighted least-squares inverse, zero
// bias; large beta flattens to a straight line) and the regularisation operator.
#include <gtest/gtest.h>

#include "cevns/core/error.hpp"
#include "cevns/stats/unfolding.hpp"

using namespace cevns::stats;

TEST(Unfolding, SecondDifferenceOperator) {
  const auto G = second_difference_matrix(4);
  const Eigen::Vector4d line(1, 2, 3, 4), kink(0, 1, 0, 0);
  EXPECT_NEAR(line.dot(G * line), 0.0, 1e-12);       // S vanishes on straight lines
  EXPECT_NEAR(kink.dot(G * kink), 4.0 + 1.0, 1e-12);  // (-0 + 2 - 0)^2 + (-1 + 0 - 0)^2
}

TEST(Unfolding, ZeroBetaInvertsExactly) {
  Eigen::MatrixXd R(4, 3);
  R << 10, 2, 0, 3, 12, 1, 0, 4, 9, 1, 1, 5;
  const Eigen::Vector3d nu(20, 15, 8);
  const Eigen::Vector4d h(5, 5, 5, 5);
  const Eigen::VectorXd n = R * nu + h;
  const auto u = tikhonov_unfold(R, n, h, 0.0);
  EXPECT_LT((u.flux - nu).norm(), 1e-9 * nu.norm());
  EXPECT_LT(u.bias.norm(), 1e-9);
  EXPECT_TRUE(u.positive);
  // Square, well conditioned: U = R^-1 V R^-T.
  const Eigen::MatrixXd Rs = R.topRows(3);
  const Eigen::VectorXd ns = n.head(3);
  const auto us = tikhonov_unfold(Rs, ns, h.head(3), 0.0);
  const Eigen::MatrixXd Ri = Rs.inverse();
  const Eigen::MatrixXd U = Ri * ns.asDiagonal() * Ri.transpose();
  EXPECT_LT((us.covariance - U).norm(), 1e-9 * U.norm());
}

TEST(Unfolding, LargeBetaGivesStraightLineAndSmallerVariance) {
  Eigen::MatrixXd R = Eigen::MatrixXd::Identity(5, 5) * 100.0;
  Eigen::VectorXd nu(5);
  nu << 1, 4, 2, 5, 3;
  const Eigen::VectorXd n = R * nu, h = Eigen::VectorXd::Zero(5);
  const auto loose = tikhonov_unfold(R, n, h, 0.0);
  const auto stiff = tikhonov_unfold(R, n, h, 1e9);
  const auto G = second_difference_matrix(5);
  EXPECT_LT(stiff.flux.dot(G * stiff.flux), 1e-6);
  EXPECT_LT(stiff.covariance.trace(), loose.covariance.trace());
  EXPECT_GT(stiff.bias.norm(), 0.0);
  EXPECT_THROW(tikhonov_unfold(R, n, h, -1.0), cevns::InputError);
}
