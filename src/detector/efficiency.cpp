#include "cevns/detector/efficiency.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "cevns/core/error.hpp"
#include "cevns/core/interpolation.hpp"

namespace cevns {

Efficiency Efficiency::logistic(double a, double k, double x0, double d) {
  if (!std::isfinite(a) || !std::isfinite(k) || !std::isfinite(x0) || !std::isfinite(d))
    throw InputError("logistic efficiency: parameters must be finite");
  Efficiency e;
  e.model = EfficiencyModel::logistic;
  e.a = a;
  e.k = k;
  e.x0 = x0;
  e.d = d;
  return e;
}

Efficiency Efficiency::table(std::vector<double> x, std::vector<double> efficiency) {
  if (x.size() < 2 || x.size() != efficiency.size())
    throw InputError("efficiency table needs >= 2 rows of (x, efficiency)");
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (i > 0 && !(x[i] > x[i - 1])) throw InputError("efficiency table: x must increase");
    if (!(efficiency[i] >= 0.0 && efficiency[i] <= 1.0)) throw InputError("efficiency table: values must be in [0, 1]");
  }
  Efficiency e;
  e.model = EfficiencyModel::table;
  e.table_x = std::move(x);
  e.table_efficiency = std::move(efficiency);
  return e;
}

double Efficiency::operator()(double x) const {
  switch (model) {
    case EfficiencyModel::none:
      return 1.0;
    case EfficiencyModel::logistic: {
      if (step_zero_below && x < *step_zero_below) return 0.0;
      double v = a / (1.0 + std::exp(-k * (x - x0))) + d;
      if (step_half_below && x < *step_half_below) v *= 0.5;
      return std::clamp(v, 0.0, 1.0);
    }
    case EfficiencyModel::table:
      return linear_interpolation(table_x, table_efficiency, x);
  }
  return 1.0;
}

std::vector<double> Efficiency::breakpoints() const {
  std::vector<double> out;
  if (model == EfficiencyModel::table) out = table_x;
  if (model == EfficiencyModel::logistic) {
    if (step_zero_below) out.push_back(*step_zero_below);
    if (step_half_below) out.push_back(*step_half_below);
    // a / (1 + exp(-k (x - x0))) + d = level (clamping at 0 and 1, or 2 under the half step)
    for (const double level : {0.0, 1.0, 2.0}) {
      const double r = a / (level - d) - 1.0;
      if ((level - d) != 0.0 && r > 0.0 && k != 0.0) {
        const double x = x0 - std::log(r) / k;
        if (std::isfinite(x)) out.push_back(x);
      }
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

double Efficiency::zero_below() const {
  constexpr double none = -std::numeric_limits<double>::infinity();
  switch (model) {
    case EfficiencyModel::none: return none;
    case EfficiencyModel::table: {
      if (table_efficiency.front() > 0.0) return none;
      std::size_t i = 0;
      while (i + 1 < table_efficiency.size() && table_efficiency[i + 1] == 0.0) ++i;
      return i + 1 == table_efficiency.size() ? std::numeric_limits<double>::infinity() : table_x[i];
    }
    case EfficiencyModel::logistic: {
      double x = step_zero_below ? *step_zero_below : none;
      // Increasing logistic with d < 0 < a + d: zero up to a / (1 + exp(-k (x - x0))) = -d.
      if (a > 0.0 && k > 0.0 && d < 0.0 && a + d > 0.0) x = std::max(x, x0 - std::log(a / -d - 1.0) / k);
      return x;
    }
  }
  return none;
}

}  // namespace cevns
