#pragma once
// Inside analysis/ only (not installed): LikelihoodModel's shared state (docs/physics/statistics.md,
// "Likelihood analyses"). Per experiment block: exact quadratic signal coefficients in the linear
// parameters (sin2w, eps_uV, eps_dV) for each quenching variant, and the binned backgrounds; the
// expected counts and the analytic gradient of -2 ln L are evaluated from them. Built by
// likelihood_core_builder.hpp, read-only afterwards (shared by copies, threads and the likelihood).
#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "cevns/analysis/likelihood_model.hpp"
#include "cevns/stats/binned_likelihood.hpp"

namespace cevns::analysis {
namespace likelihood_detail {

inline constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
inline constexpr std::size_t max_linear = 3;  // sin2w, eps_uV, eps_dV
inline constexpr std::size_t max_monomials = 1 + 2 * max_linear + max_linear * (max_linear - 1) / 2;  // 10
inline constexpr std::size_t max_variants = 3;  // quenching 1, 1+d, 1-d

// Morphing weights of the (nominal, +1, -1) templates at alpha (likelihood_model.hpp), and their
// derivatives in alpha.
std::array<double, 3> morph_weights(double a, MorphInterpolation interpolation);
std::array<double, 3> morph_weight_slopes(double a, MorphInterpolation interpolation);

}  // namespace likelihood_detail

struct LikelihoodModel::Core {
  static constexpr std::size_t none = likelihood_detail::none;
  static constexpr std::size_t max_linear = likelihood_detail::max_linear;
  static constexpr std::size_t max_monomials = likelihood_detail::max_monomials;

  struct Linear {
    std::string name;
    std::size_t index = none;  // into `all`
    double center = 0.0, step = 1.0;
  };
  struct Block {
    ExperimentBlock info;
    Experiment experiment;
    std::size_t flux = none, quenching = none;  // into `all`
    std::vector<std::size_t> background_scale;  // per component, into `all` (none: 1)
    std::size_t variants = 1;
    double delta = 0.0;
    MorphInterpolation interpolation = MorphInterpolation::quadratic;
    std::vector<double> coefficients;  // [bin][variant][monomial]
    std::size_t signal_offset = 0;     // into the signal terms (signal_terms)
    std::vector<double> backgrounds;   // [bin][component]
  };

  std::vector<ParameterInput> all;         // config order
  std::vector<std::size_t> free_position;  // per `all`: position among the free parameters, or none
  std::vector<std::size_t> free_to_all;
  std::vector<std::string> free_names;
  std::vector<std::size_t> interest;
  std::vector<double> truth;  // free parameters
  CevnsSettings settings;     // nominal physics
  Flavour flavour = Flavour::e;
  std::vector<Linear> linear;
  std::size_t monomials = 1;
  std::size_t signal_scale = none;
  std::vector<Block> blocks;
  std::size_t bins = 0;
  std::vector<ExperimentBlock> infos;
  std::size_t signal_size = 0;  // sum of bins x variants
  std::uint64_t id = 0;         // unique per Core (signal-term cache key)
  static constexpr std::size_t npos = none;

  [[nodiscard]] double value(std::span<const double> v, std::size_t i) const {
    return free_position[i] == none ? all[i].initial : v[free_position[i]];
  }
  [[nodiscard]] double value_or(std::span<const double> v, std::size_t i, double fallback) const {
    return i == none ? fallback : value(v, i);
  }
  // Monomials (1, t_k, t_k^2, t_k t_l) of the linear parameters at v.
  void monomials_at(std::span<const double> v, std::array<double, max_monomials>& m) const {
    const std::size_t n = linear.size();
    std::array<double, max_linear> t{};
    for (std::size_t k = 0; k < n; ++k) t[k] = (value(v, linear[k].index) - linear[k].center) / linear[k].step;
    m[0] = 1.0;
    for (std::size_t k = 0; k < n; ++k) {
      m[1 + k] = t[k];
      m[1 + n + k] = t[k] * t[k];
    }
    std::size_t j = 1 + 2 * n;
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t l = k + 1; l < n; ++l) m[j++] = t[k] * t[l];
  }

  // Signal of every variant in every bin at the monomials m: S_{v,i} = sum_j c_{i,v,j} m_j,
  // [block signal_offset + i * variants + v].
  void signal_terms(const std::array<double, max_monomials>& m, std::vector<double>& S) const {
    S.resize(signal_size);
    for (const Block& b : blocks) {
      const double* coefficient = b.coefficients.data();
      double* out = S.data() + b.signal_offset;
      const std::size_t rows = b.info.bins() * b.variants;
      for (std::size_t r = 0; r < rows; ++r, coefficient += monomials) {
        double x = 0.0;
        for (std::size_t j = 0; j < monomials; ++j) x += coefficient[j] * m[j];
        out[r] = x;
      }
    }
  }

  // The signal terms at m. They depend only on the parameters in the weak charge, which a profile
  // fit holds fixed: each thread keeps the last ones (same arithmetic either way, so results do
  // not depend on what a thread evaluated before).
  [[nodiscard]] const std::vector<double>& signal_cache(const std::array<double, max_monomials>& m) const {
    struct Cache {
      std::uint64_t id = 0;
      std::array<double, max_monomials> m{};
      std::vector<double> S;
    };
    thread_local Cache cache;
    if (cache.id != id || cache.m != m) {
      signal_terms(m, cache.S);
      cache.id = id;
      cache.m = m;
    }
    return cache.S;
  }

  // Expected counts of every bin at v (templates, morphing and normalisations).
  void expected(std::span<const double> v, std::span<double> out) const;
  // -2 ln L of `likelihood` at v and its gradient (same value as likelihood(v): same expected
  // counts, same deviance and constraint code).
  double minus_two_lnl(const stats::BinnedLikelihood& likelihood, std::span<const double> v, std::span<double> gradient,
                       const std::vector<bool>& held) const;

  [[nodiscard]] CevnsSettings settings_at(std::span<const double> v) const {
    CevnsSettings s = settings;
    const auto f = static_cast<std::size_t>(flavour);
    for (const auto& l : linear) {
      const double x = value(v, l.index);
      if (l.name == "sin2w")
        s.sin2_theta_w = x;
      else if (l.name == "eps_uV")
        s.bsm.vector_u[f][f] = x;
      else
        s.bsm.vector_d[f][f] = x;
    }
    return s;
  }
};

}  // namespace cevns::analysis
