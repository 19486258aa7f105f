#include "cevns/darkmatter/recoil_binning.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"

namespace cevns {

void RecoilBinning::validate() const {
  if (!(threshold > 0.0) || !std::isfinite(threshold)) throw InputError("recoil threshold must be positive");
  if (!(max_recoil > threshold) || !std::isfinite(max_recoil))
    throw InputError("the maximum recoil energy must exceed the threshold");
  if (bins < 1 || bins > 10000) throw InputError("the number of recoil bins must be between 1 and 10000");
  if (!(efficiency > 0.0) || efficiency > 1.0) throw InputError("the efficiency must be in (0, 1]");
}

std::vector<double> RecoilBinning::edges() const {
  validate();
  std::vector<double> e(static_cast<std::size_t>(bins) + 1);
  const double la = std::log(threshold), lb = std::log(max_recoil);
  for (std::size_t i = 0; i < e.size(); ++i) e[i] = std::exp(la + (lb - la) * static_cast<double>(i) / bins);
  e.front() = threshold;
  e.back() = max_recoil;
  return e;
}

std::vector<double> RecoilBinning::integrate(const std::function<double(double)>& f, double support_max) const {
  static const FixedQuadrature rule(16, 1);
  const auto e = edges();
  std::vector<double> out(static_cast<std::size_t>(bins), 0.0);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const double hi = std::min(e[i + 1], support_max);
    if (!(hi > e[i])) break;
    out[i] = efficiency * rule.integrate(
                              [&](double l) {
                                const double t = std::exp(l);
                                double v = t * f(t);
                                if (efficiency_curve) {
                                  const double eps = efficiency_curve(t);
                                  if (!(eps >= 0.0) || eps > 1.0)
                                    throw InputError("efficiency curve outside [0, 1] at " +
                                                     std::to_string(t / units::keV) + " keV");
                                  v *= eps;
                                }
                                return v;
                              },
                              std::log(e[i]), std::log(hi));
  }
  return out;
}

}  // namespace cevns
