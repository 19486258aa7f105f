#include "cevns/scan/parameter_space.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "cevns/core/error.hpp"

namespace cevns::scan {
namespace {

// Position u in [0, 1] along an axis, linear or logarithmic.
double along(const ParameterAxis& a, double u) {
  if (a.logarithmic) return a.min * std::pow(a.max / a.min, u);
  return a.min + (a.max - a.min) * u;
}

void validate(const ParameterAxis& a, Sampling sampling) {
  if (a.name.empty()) throw InputError("scan axis without a name");
  if (!std::isfinite(a.min) || !std::isfinite(a.max) || a.max < a.min)
    throw InputError("scan axis '" + a.name + "': need finite min <= max");
  if (a.logarithmic && !(a.min > 0.0)) throw InputError("scan axis '" + a.name + "': logarithmic axis needs min > 0");
  if (sampling == Sampling::grid && a.points == 0) throw InputError("scan axis '" + a.name + "': points must be >= 1");
}

}  // namespace

Sampling parse_sampling(const std::string& name) {
  if (name == "grid") return Sampling::grid;
  if (name == "random") return Sampling::random;
  if (name == "latin-hypercube") return Sampling::latin_hypercube;
  throw InputError("unknown sampling '" + name + "' (use grid, random or latin-hypercube)");
}

ParameterSpace::ParameterSpace(std::vector<ParameterAxis> axes, Sampling sampling, std::size_t samples,
                               std::uint64_t seed)
    : axes_(std::move(axes)), grid_(sampling == Sampling::grid) {
  if (axes_.empty()) throw InputError("a scan needs at least one parameter axis");
  for (const auto& a : axes_) validate(a, sampling);
  const std::size_t dims = axes_.size();
  if (grid_) {
    size_ = 1;
    for (const auto& a : axes_) size_ *= a.points;
    return;
  }
  if (samples == 0) throw InputError("random and latin-hypercube scans need samples > 0");
  size_ = samples;
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  sampled_.resize(samples * dims);
  if (sampling == Sampling::random) {
    for (std::size_t i = 0; i < samples; ++i)
      for (std::size_t d = 0; d < dims; ++d) sampled_[i * dims + d] = along(axes_[d], uniform(engine));
    return;
  }
  // Latin hypercube: each axis is cut into `samples` strata, each stratum used once.
  for (std::size_t d = 0; d < dims; ++d) {
    std::vector<std::size_t> strata(samples);
    std::iota(strata.begin(), strata.end(), 0);
    std::shuffle(strata.begin(), strata.end(), engine);
    for (std::size_t i = 0; i < samples; ++i)
      sampled_[i * dims + d] =
          along(axes_[d], (static_cast<double>(strata[i]) + uniform(engine)) / static_cast<double>(samples));
  }
}

void ParameterSpace::point(std::size_t index, std::vector<double>& out) const {
  if (index >= size_)
    throw InputError("scan point " + std::to_string(index) + " of a space of " + std::to_string(size_));
  const std::size_t dims = axes_.size();
  out.resize(dims);
  if (!grid_) {
    std::copy_n(sampled_.begin() + static_cast<std::ptrdiff_t>(index * dims), dims, out.begin());
    return;
  }
  std::size_t rest = index;  // last axis fastest
  for (std::size_t d = dims; d-- > 0;) {
    const auto& a = axes_[d];
    const std::size_t k = rest % a.points;
    rest /= a.points;
    const double u = a.points == 1 ? 0.0 : static_cast<double>(k) / static_cast<double>(a.points - 1);
    out[d] = along(a, u);
  }
}

std::vector<double> ParameterSpace::point(std::size_t index) const {
  std::vector<double> p;
  point(index, p);
  return p;
}

}  // namespace cevns::scan
