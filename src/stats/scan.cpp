#include "cevns/stats/scan.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"

namespace cevns::stats {

std::vector<double> linear_grid(double lo, double hi, std::size_t n) {
  if (n < 2 || !(hi > lo)) throw InputError("a scan grid needs >= 2 points and hi > lo");
  std::vector<double> g(n);
  for (std::size_t i = 0; i < n; ++i) g[i] = lo + (hi - lo) * static_cast<double>(i) / static_cast<double>(n - 1);
  return g;
}

Scan1D profile_scan(const BinnedLikelihood& likelihood, std::size_t index, const std::vector<double>& grid,
                    const FitOptions& options) {
  if (grid.size() < 2) throw InputError("a scan needs at least two points");
  FitOptions quiet = options;
  quiet.covariance = false;
  const FitResult best = minimize(likelihood, quiet);
  Scan1D s;
  s.values = grid;
  s.best = best.values.at(index);
  double minimum = best.minimum;
  std::vector<double> raw;
  for (double v : grid) {
    const double m = profile(likelihood, index, v, quiet, best.values).minimum;
    raw.push_back(m);
    minimum = std::min(minimum, m);  // a grid point can undercut a poorly converged global fit
  }
  s.minimum = minimum;
  for (double m : raw) s.delta.push_back(m - minimum);
  return s;
}

Interval interval_at(const Scan1D& scan, double level) {
  const auto& x = scan.values;
  const auto& d = scan.delta;
  const std::size_t imin = static_cast<std::size_t>(std::min_element(d.begin(), d.end()) - d.begin());
  auto cross = [&](std::size_t a, std::size_t b) {
    const double t = (level - d[a]) / (d[b] - d[a]);
    return x[a] + t * (x[b] - x[a]);
  };
  Interval out;
  std::size_t i = imin;
  while (i > 0 && d[i - 1] < level) --i;
  if (i == 0) {
    out.lower = x.front();
    out.lower_open = d.front() < level;
  } else {
    out.lower = cross(i - 1, i);
  }
  std::size_t j = imin;
  while (j + 1 < x.size() && d[j + 1] < level) ++j;
  if (j + 1 == x.size()) {
    out.upper = x.back();
    out.upper_open = d.back() < level;
  } else {
    out.upper = cross(j, j + 1);
  }
  return out;
}

Scan2D profile_scan_2d(const BinnedLikelihood& likelihood, std::size_t ix, std::size_t iy,
                       const std::vector<double>& xs, const std::vector<double>& ys, const FitOptions& options) {
  if (ix == iy) throw InputError("a 2-D scan needs two different parameters");
  if (xs.size() < 2 || ys.size() < 2) throw InputError("a 2-D scan needs at least 2 x 2 points");
  FitOptions quiet = options;
  quiet.covariance = false;
  const FitResult best = minimize(likelihood, quiet);
  Scan2D s;
  s.x = xs;
  s.y = ys;
  s.best_x = best.values.at(ix);
  s.best_y = best.values.at(iy);
  double minimum = best.minimum;
  std::vector<std::optional<double>> fixed(likelihood.size());
  FitOptions warm = quiet;
  for (double xv : xs) {
    for (double yv : ys) {
      fixed[ix] = xv;
      fixed[iy] = yv;
      const double m = minimize(likelihood, warm, fixed).minimum;
      s.delta.push_back(m);
      minimum = std::min(minimum, m);
    }
  }
  for (double& v : s.delta) v -= minimum;
  s.minimum = minimum;
  return s;
}

std::vector<std::array<double, 2>> contour_points(const Scan2D& s, double level) {
  std::vector<std::array<double, 2>> pts;
  const std::size_t nx = s.x.size(), ny = s.y.size();
  for (std::size_t i = 0; i < nx; ++i) {
    for (std::size_t j = 0; j < ny; ++j) {
      const double v = s.at(i, j) - level;
      if (i + 1 < nx) {
        const double w = s.at(i + 1, j) - level;
        if ((v < 0.0) != (w < 0.0)) pts.push_back({s.x[i] + v / (v - w) * (s.x[i + 1] - s.x[i]), s.y[j]});
      }
      if (j + 1 < ny) {
        const double w = s.at(i, j + 1) - level;
        if ((v < 0.0) != (w < 0.0)) pts.push_back({s.x[i], s.y[j] + v / (v - w) * (s.y[j + 1] - s.y[j])});
      }
    }
  }
  return pts;
}

}  // namespace cevns::stats
