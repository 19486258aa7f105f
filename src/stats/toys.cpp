#include "cevns/stats/toys.hpp"

#include <cmath>

#include "cevns/core/error.hpp"

namespace cevns::stats {

std::mt19937_64 toy_engine(std::uint64_t seed, std::uint64_t toy_index) {
  std::seed_seq seq{static_cast<std::uint32_t>(seed & 0xffffffffu), static_cast<std::uint32_t>(seed >> 32),
                    static_cast<std::uint32_t>(toy_index & 0xffffffffu), static_cast<std::uint32_t>(toy_index >> 32)};
  return std::mt19937_64(seq);
}

std::vector<double> poisson_toy(std::span<const double> expected, std::mt19937_64& engine) {
  std::vector<double> out;
  out.reserve(expected.size());
  for (double mu : expected) {
    if (!std::isfinite(mu) || mu < 0.0) throw InputError("toy: expected counts must be finite and >= 0");
    out.push_back(mu > 0.0 ? static_cast<double>(std::poisson_distribution<long long>(mu)(engine)) : 0.0);
  }
  return out;
}

Toy generate_toy(const BinnedLikelihood& likelihood, const std::vector<double>& truth, std::uint64_t seed,
                 std::uint64_t toy_index) {
  auto engine = toy_engine(seed, toy_index);
  Toy t;
  t.observed = poisson_toy(likelihood.expected(truth), engine);
  std::normal_distribution<double> gauss(0.0, 1.0);
  for (std::size_t k = 0; k < likelihood.size(); ++k) {
    const Parameter& p = likelihood.parameters()[k];
    switch (p.constraint) {
      case Constraint::none:
        t.centers.push_back(p.center);
        break;
      case Constraint::gaussian:
        t.centers.push_back(truth[k] + p.width * gauss(engine));
        break;
      case Constraint::log_normal:
        t.centers.push_back(truth[k] * std::exp(p.width * gauss(engine)));
        break;
    }
  }
  return t;
}

BinnedLikelihood with_toy(BinnedLikelihood likelihood, const Toy& toy) {
  likelihood.set_observed(toy.observed);
  for (std::size_t k = 0; k < likelihood.size(); ++k)
    if (likelihood.parameters()[k].constraint != Constraint::none) likelihood.set_constraint_center(k, toy.centers[k]);
  return likelihood;
}

std::vector<double> toy_distribution(const BinnedLikelihood& likelihood, const std::vector<double>& truth,
                                     std::size_t n_toys, std::uint64_t seed,
                                     const std::function<double(const BinnedLikelihood&)>& statistic) {
  std::vector<double> out;
  out.reserve(n_toys);
  for (std::size_t k = 0; k < n_toys; ++k) out.push_back(statistic(with_toy(likelihood, generate_toy(likelihood, truth, seed, k))));
  return out;
}

}  // namespace cevns::stats
