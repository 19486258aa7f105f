#pragma once
// Profile-likelihood scans in one and two parameters, intervals where Delta(-2 ln L) crosses a
// level (linear interpolation between grid points) and 2-D contour points (crossings on the grid
// edges, the marching-squares vertices). Levels from delta_chi2_level (asymptotics.hpp): with
// Wilks' theorem a 1-D scan at 1.0 gives the 68.27 % interval, a 2-D scan at 2.30 the 68.27 %
// region (S.S. Wilks, Ann. Math. Stat. 9, 60 (1938); PDG review "Statistics", sec. 40.4.2).
#include <array>
#include <cstddef>
#include <vector>

#include "cevns/stats/binned_likelihood.hpp"
#include "cevns/stats/fit.hpp"

namespace cevns::stats {

struct Scan1D {
  std::vector<double> values;
  std::vector<double> delta;  // -2 ln L(profiled) - global minimum (>= 0)
  double best = 0.0;          // global best fit of the scanned parameter
  double minimum = 0.0;       // global -2 ln L minimum
};

struct Interval {
  double lower = 0.0;
  double upper = 0.0;
  bool lower_open = false;  // the curve is still below the level at the grid edge
  bool upper_open = false;
};

struct Scan2D {
  std::vector<double> x, y;
  std::vector<double> delta;  // row-major: delta[i * y.size() + j] at (x[i], y[j])
  double best_x = 0.0, best_y = 0.0, minimum = 0.0;
  [[nodiscard]] double at(std::size_t i, std::size_t j) const { return delta[i * y.size() + j]; }
};

// Evenly spaced grid of n points on [lo, hi].
std::vector<double> linear_grid(double lo, double hi, std::size_t n);

Scan1D profile_scan(const BinnedLikelihood& likelihood, std::size_t index, const std::vector<double>& grid,
                    const FitOptions& options = {});
// The interval around the best fit where delta < level.
Interval interval_at(const Scan1D& scan, double level);

Scan2D profile_scan_2d(const BinnedLikelihood& likelihood, std::size_t ix, std::size_t iy,
                       const std::vector<double>& xs, const std::vector<double>& ys, const FitOptions& options = {});
// Points where delta crosses `level` along grid edges.
std::vector<std::array<double, 2>> contour_points(const Scan2D& scan, double level);

}  // namespace cevns::stats
