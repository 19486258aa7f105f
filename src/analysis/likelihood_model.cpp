#include "cevns/analysis/likelihood_model.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <set>

#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/io/analysis_config_reader.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/rates/prediction.hpp"

namespace cevns::analysis {
namespace {

constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
constexpr std::size_t max_linear = 3;                                         // sin2w, eps_uV, eps_dV
constexpr std::size_t max_monomials = 1 + 2 * max_linear + max_linear * (max_linear - 1) / 2;  // 10
constexpr std::size_t max_variants = 3;                                       // quenching 1, 1+d, 1-d

Flavour parse_flavour(const std::string& name) {
  if (name == "e") return Flavour::e;
  if (name == "mu") return Flavour::mu;
  if (name == "tau") return Flavour::tau;
  throw InputError("unknown NSI flavour '" + name + "' (use e, mu or tau)");
}

// Steps of the design points in each linear parameter: large enough that rounding in the
// coefficients stays ~1e-15 of the counts, any value works (the polynomial is exact).
double design_step(const std::string& name) { return name == "sin2w" ? 0.05 : 0.5; }

// Morphing weights of the (nominal, +1, -1) templates at alpha (likelihood_model.hpp).
std::array<double, 3> morph_weights(double a, MorphInterpolation interpolation) {
  if (interpolation == MorphInterpolation::linear) {
    if (a >= 0.0) return {1.0 - a, a, 0.0};
    return {1.0 + a, 0.0, -a};
  }
  if (a > 1.0) return {-2.0 * (a - 1.0), 1.0 + 1.5 * (a - 1.0), 0.5 * (a - 1.0)};
  if (a < -1.0) return {2.0 * (a + 1.0), -0.5 * (a + 1.0), 1.0 - 1.5 * (a + 1.0)};
  return {1.0 - a * a, 0.5 * (a * a + a), 0.5 * (a * a - a)};
}

// d(weights)/d(alpha).
std::array<double, 3> morph_weight_slopes(double a, MorphInterpolation interpolation) {
  if (interpolation == MorphInterpolation::linear) {
    if (a >= 0.0) return {-1.0, 1.0, 0.0};
    return {1.0, 0.0, -1.0};
  }
  if (a > 1.0) return {-2.0, 1.5, 0.5};
  if (a < -1.0) return {2.0, -0.5, -1.5};
  return {-2.0 * a, a + 0.5, a - 0.5};
}

}  // namespace

struct LikelihoodModel::Core {
  struct Linear {
    std::string name;
    std::size_t index = none;  // into `all`
    double center = 0.0, step = 1.0;
  };
  struct Block {
    ExperimentBlock info;
    Experiment experiment;
    std::size_t flux = none, quenching = none;   // into `all`
    std::vector<std::size_t> background_scale;   // per component, into `all` (none: 1)
    std::size_t variants = 1;
    double delta = 0.0;
    MorphInterpolation interpolation = MorphInterpolation::quadratic;
    std::vector<double> coefficients;  // [bin][variant][monomial]
    std::size_t signal_offset = 0;     // into the signal terms (signal_terms)
    std::vector<double> backgrounds;   // [bin][component]
  };

  std::vector<ParameterInput> all;     // config order
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

  void expected(std::span<const double> v, std::span<double> out) const {
    std::array<double, max_monomials> m{};
    monomials_at(v, m);
    const std::vector<double>& S = signal_cache(m);
    const double a = value_or(v, signal_scale, 1.0);
    for (const Block& b : blocks) {
      const double norm = a * value_or(v, b.flux, 1.0);
      std::array<double, 3> w{1.0, 0.0, 0.0};
      if (b.variants == 3) w = morph_weights((value(v, b.quenching) - 1.0) / b.delta, b.interpolation);
      const std::size_t nb = b.background_scale.size();
      std::array<double, 64> scale{};
      std::vector<double> heap;
      double* s = scale.data();
      if (nb > scale.size()) s = (heap = std::vector<double>(nb)).data();
      for (std::size_t c = 0; c < nb; ++c) s[c] = value_or(v, b.background_scale[c], 1.0);
      const double* signal = S.data() + b.signal_offset;
      const double* background = b.backgrounds.data();
      double* o = out.data() + b.info.offset;
      const std::size_t n = b.info.bins(), nv = b.variants;
      for (std::size_t i = 0; i < n; ++i, signal += nv, background += nb) {
        double x = 0.0;
        for (std::size_t q = 0; q < nv; ++q) x += w[q] * signal[q];
        double mu = norm * x;
        for (std::size_t c = 0; c < nb; ++c) mu += s[c] * background[c];
        o[i] = mu;
      }
    }
  }

  // -2 ln L of `likelihood` at v and its gradient (same value as likelihood(v): same expected
  // counts, same deviance and constraint code).
  double minus_two_lnl(const stats::BinnedLikelihood& likelihood, std::span<const double> v,
                       std::span<double> gradient, const std::vector<bool>& held) const {
    thread_local std::vector<double> scratch;
    std::vector<double>& mu = scratch;  // one TLS lookup, not one per bin
    mu.resize(bins);
    expected(v, mu);
    const auto& n = likelihood.observed();
    const double total = stats::poisson_deviance(mu, n) + likelihood.constraint_term(v);
    if (gradient.empty()) return total;
    std::fill(gradient.begin(), gradient.end(), 0.0);
    if (!(total < stats::impossible_deviance)) return total;
    std::array<double, max_monomials> m{};
    monomials_at(v, m);
    const std::vector<double>& S = signal_cache(m);
    // d m / d x_k for the free linear parameters.
    const std::size_t nl = linear.size();
    std::array<std::array<double, max_monomials>, max_linear> dm{};
    std::array<std::size_t, max_linear> dpos{};
    std::array<double, max_linear> t{};
    for (std::size_t k = 0; k < nl; ++k) t[k] = (value(v, linear[k].index) - linear[k].center) / linear[k].step;
    for (std::size_t k = 0; k < nl; ++k) {
      dpos[k] = free_position[linear[k].index];
      if (dpos[k] != none && dpos[k] < held.size() && held[dpos[k]]) dpos[k] = none;  // not wanted
      const double h = 1.0 / linear[k].step;
      dm[k][1 + k] = h;
      dm[k][1 + nl + k] = 2.0 * t[k] * h;
      std::size_t j = 1 + 2 * nl;
      for (std::size_t p = 0; p < nl; ++p)
        for (std::size_t q = p + 1; q < nl; ++q, ++j) dm[k][j] = ((p == k ? t[q] : 0.0) + (q == k ? t[p] : 0.0)) * h;
    }
    const double a = value_or(v, signal_scale, 1.0);
    const std::size_t ga = signal_scale == none ? none : free_position[signal_scale];
    for (const Block& b : blocks) {
      const double f = value_or(v, b.flux, 1.0), norm = a * f;
      const std::size_t gf = b.flux == none ? none : free_position[b.flux];
      std::array<double, 3> w{1.0, 0.0, 0.0}, dw{0.0, 0.0, 0.0};
      std::size_t gq = none;
      if (b.variants == 3) {
        const double alpha = (value(v, b.quenching) - 1.0) / b.delta;
        w = morph_weights(alpha, b.interpolation);
        dw = morph_weight_slopes(alpha, b.interpolation);
        for (auto& x : dw) x /= b.delta;
        gq = free_position[b.quenching];
      }
      const std::size_t nb = b.background_scale.size(), nv = b.variants, nbins = b.info.bins();
      const double* signal = S.data() + b.signal_offset;
      const double* coefficient = b.coefficients.data();
      const double* background = b.backgrounds.data();
      const double* observed = n.data() + b.info.offset;
      const double* expected_counts = mu.data() + b.info.offset;
      // Sums kept in locals (no loop-carried stores), added to the gradient after the bins.
      double sum_a = 0.0, sum_q = 0.0;
      std::array<double, 64> sum_b_small{};
      std::vector<double> sum_b_large;
      double* sum_b = sum_b_small.data();
      if (nb > sum_b_small.size()) sum_b = (sum_b_large = std::vector<double>(nb, 0.0)).data();
      std::array<double, max_linear> sum_x{};
      bool any_linear = false;
      for (std::size_t k = 0; k < nl; ++k) any_linear = any_linear || dpos[k] != none;
      for (std::size_t i = 0; i < nbins; ++i, signal += nv, background += nb) {
        const double r = observed[i] > 0.0 ? 2.0 * (1.0 - observed[i] / expected_counts[i]) : 2.0;  // d dev / d mu
        double x = 0.0, dx = 0.0;
        for (std::size_t q = 0; q < nv; ++q) {
          x += w[q] * signal[q];
          dx += dw[q] * signal[q];
        }
        sum_a += r * x;
        sum_q += r * dx;
        for (std::size_t c = 0; c < nb; ++c) sum_b[c] += r * background[c];
        if (!any_linear) continue;
        for (std::size_t k = 0; k < nl; ++k) {
          if (dpos[k] == none) continue;
          double ds = 0.0;
          for (std::size_t q = 0; q < nv; ++q) {
            const double* c = coefficient + (i * nv + q) * monomials;
            double d = 0.0;
            for (std::size_t j = 0; j < monomials; ++j) d += c[j] * dm[k][j];
            ds += w[q] * d;
          }
          sum_x[k] += r * ds;
        }
      }
      if (ga != none) gradient[ga] += f * sum_a;
      if (gf != none) gradient[gf] += a * sum_a;
      if (gq != none) gradient[gq] += norm * sum_q;
      for (std::size_t c = 0; c < nb; ++c) {
        const std::size_t i = b.background_scale[c];
        if (i != none && free_position[i] != none) gradient[free_position[i]] += sum_b[c];
      }
      for (std::size_t k = 0; k < nl; ++k)
        if (dpos[k] != none) gradient[dpos[k]] += norm * sum_x[k];
    }
    // Constraint terms.
    const auto& parameters = likelihood.parameters();
    for (std::size_t k = 0; k < parameters.size(); ++k) {
      const auto& p = parameters[k];
      if (p.constraint == stats::Constraint::gaussian) {
        gradient[k] += 2.0 * (v[k] - p.center) / (p.width * p.width);
      } else if (p.constraint == stats::Constraint::log_normal) {
        gradient[k] += 2.0 * std::log(v[k] / p.center) / (p.width * p.width * v[k]);
      }
    }
    return total;
  }

  [[nodiscard]] CevnsSettings settings_at(std::span<const double> v) const {
    CevnsSettings s = settings;
    const auto f = static_cast<std::size_t>(flavour);
    for (const auto& l : linear) {
      const double x = value(v, l.index);
      if (l.name == "sin2w") s.sin2_theta_w = x;
      else if (l.name == "eps_uV") s.bsm.vector_u[f][f] = x;
      else s.bsm.vector_d[f][f] = x;
    }
    return s;
  }
};

namespace {

using Core = LikelihoodModel::Core;

// Where a nuisance name points: kind (flux, quenching, background), an experiment id or "", and a
// background component name.
struct NuisanceTarget {
  std::string kind, experiment, component;
};

NuisanceTarget parse_nuisance(const std::string& name, const std::vector<std::string>& ids) {
  const auto colon = name.find(':');
  const std::string kind = name.substr(0, colon);
  const std::vector<std::string> kinds{"flux", "quenching", "background"};
  if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
    std::vector<std::string> known(std::begin(poi_names), std::end(poi_names));
    known.insert(known.end(), kinds.begin(), kinds.end());
    throw InputError("unknown parameter '" + name + "'" + did_you_mean(kind, known) +
                     " (parameters of interest: signal_scale, sin2w, eps_uV, eps_dV; nuisances: flux[:ID], "
                     "quenching[:ID], background[:ID]:NAME)");
  }
  NuisanceTarget t{kind, "", ""};
  const std::string rest = colon == std::string::npos ? "" : name.substr(colon + 1);
  if (kind != "background") {
    if (colon != std::string::npos) {
      if (std::find(ids.begin(), ids.end(), rest) == ids.end())
        throw InputError("parameter '" + name + "': no experiment '" + rest + "' in the analysis" +
                         did_you_mean(rest, ids));
      t.experiment = rest;
    }
    return t;
  }
  if (rest.empty()) throw InputError("parameter '" + name + "': name the component, background:NAME");
  const auto second = rest.find(':');
  if (second != std::string::npos && std::find(ids.begin(), ids.end(), rest.substr(0, second)) != ids.end()) {
    t.experiment = rest.substr(0, second);
    t.component = rest.substr(second + 1);
  } else {
    t.component = rest;
  }
  return t;
}

void check_finite(const ParameterInput& p) {
  for (const double x : {p.initial, p.lower, p.upper, p.center})
    if (!std::isfinite(x)) throw InputError("parameter '" + p.name + "': values must be finite");
}

// Signal per bin at the design points of the linear parameters, turned into coefficients.
std::vector<std::vector<double>> coefficient_templates(const Core& core, const Experiment& experiment) {
  const std::size_t n = core.linear.size();
  // Design points in t: 0, +e_k, -e_k, e_k + e_l.
  std::vector<std::array<double, max_linear>> points{{}};
  for (std::size_t k = 0; k < n; ++k) {
    std::array<double, max_linear> p{}, q{};
    p[k] = 1.0;
    q[k] = -1.0;
    points.push_back(p);
    points.push_back(q);
  }
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t l = k + 1; l < n; ++l) {
      std::array<double, max_linear> p{};
      p[k] = p[l] = 1.0;
      points.push_back(p);
    }
  const auto f = static_cast<std::size_t>(core.flavour);
  std::vector<std::vector<double>> S;
  for (const auto& t : points) {
    CevnsSettings s = core.settings;
    for (std::size_t k = 0; k < n; ++k) {
      const double x = core.linear[k].center + t[k] * core.linear[k].step;
      if (core.linear[k].name == "sin2w") {
        if (!(x > 0.0 && x < 1.0)) throw InputError("sin2w design point outside (0, 1): nominal sin2w too close to 0 or 1");
        s.sin2_theta_w = x;
      } else if (core.linear[k].name == "eps_uV") {
        s.bsm.vector_u[f][f] = x;
      } else {
        s.bsm.vector_d[f][f] = x;
      }
    }
    S.push_back(Prediction(experiment, s).evaluate().signal);
  }
  // Coefficients per bin, monomial order (1, t_k, t_k^2, t_k t_l).
  const std::size_t bins = S[0].size();
  std::vector<std::vector<double>> c(core.monomials, std::vector<double>(bins, 0.0));
  for (std::size_t i = 0; i < bins; ++i) {
    const double s0 = S[0][i];
    c[0][i] = s0;
    for (std::size_t k = 0; k < n; ++k) {
      const double plus = S[1 + 2 * k][i], minus = S[2 + 2 * k][i];
      c[1 + k][i] = 0.5 * (plus - minus);
      c[1 + n + k][i] = 0.5 * (plus + minus) - s0;
    }
    std::size_t j = 1 + 2 * n, p = 1 + 2 * n;
    for (std::size_t k = 0; k < n; ++k)
      for (std::size_t l = k + 1; l < n; ++l, ++j, ++p)
        c[j][i] = S[p][i] - s0 - c[1 + k][i] - c[1 + l][i] - c[1 + n + k][i] - c[1 + n + l][i];
  }
  return c;
}

std::shared_ptr<Core> build_core(const AnalysisConfig& config) {
  auto core = std::make_shared<Core>();
  if (config.experiments.empty()) throw InputError("an analysis needs at least one experiment");
  core->flavour = parse_flavour(config.flavour);
  core->settings = make_cevns_settings(config.physics);
  core->all = config.parameters;

  // Experiments.
  std::vector<std::string> ids;
  for (const auto& input : config.experiments) {
    Core::Block b;
    b.experiment = io::load_experiment(input.experiment);
    for (const auto& extra : input.extra_backgrounds) {
      for (const auto& existing : b.experiment.backgrounds)
        if (existing.name == extra.name)
          throw InputError("experiment '" + b.experiment.id + "' already has a background named '" + extra.name + "'");
      b.experiment.backgrounds.push_back(extra);
    }
    if (std::find(ids.begin(), ids.end(), b.experiment.id) != ids.end())
      throw InputError("experiment '" + b.experiment.id + "' appears twice in the analysis");
    ids.push_back(b.experiment.id);
    b.info.id = b.experiment.id;
    for (const auto& g : b.experiment.backgrounds) b.info.backgrounds.push_back(g.name);
    b.background_scale.assign(b.experiment.backgrounds.size(), none);
    core->blocks.push_back(std::move(b));
  }

  // Parameters: names, free positions, linear parameters, nuisance targets.
  std::set<std::string> seen;
  const auto f = static_cast<std::size_t>(core->flavour);
  std::vector<std::pair<std::size_t, NuisanceTarget>> targets;
  for (std::size_t i = 0; i < core->all.size(); ++i) {
    const ParameterInput& p = core->all[i];
    check_finite(p);
    if (!seen.insert(p.name).second) throw InputError("parameter '" + p.name + "' is given twice");
    core->free_position.push_back(p.fixed ? none : core->free_to_all.size());
    if (!p.fixed) {
      core->free_to_all.push_back(i);
      core->free_names.push_back(p.name);
    }
    if (is_parameter_of_interest(p.name)) {
      if (!p.fixed) core->interest.push_back(core->free_to_all.size() - 1);
      if (p.name == "signal_scale") {
        core->signal_scale = i;
      } else {
        const double center = p.name == "sin2w"    ? core->settings.sin2_theta_w
                              : p.name == "eps_uV" ? core->settings.bsm.vector_u[f][f]
                                                   : core->settings.bsm.vector_d[f][f];
        core->linear.push_back({p.name, i, center, design_step(p.name)});
      }
      continue;
    }
    targets.emplace_back(i, parse_nuisance(p.name, ids));
  }
  // Experiment-specific nuisances first, so that they win over shared ones whatever the order.
  std::stable_partition(targets.begin(), targets.end(), [](const auto& t) { return !t.second.experiment.empty(); });
  for (const auto& [i, target] : targets) {
    const ParameterInput& p = core->all[i];
    bool used = false;
    for (auto& b : core->blocks) {
      if (!target.experiment.empty() && target.experiment != b.info.id) continue;
      if (target.kind == "flux") {
        if (b.flux != none) continue;
        b.flux = i;
        used = true;
      } else if (target.kind == "quenching") {
        if (b.quenching != none) continue;
        if (b.experiment.response.observable == Observable::keVnr)
          throw InputError("parameter '" + p.name + "': experiment '" + b.info.id +
                           "' observes nuclear-recoil energy (keVnr), which quenching does not change");
        b.quenching = i;
        used = true;
      } else {
        for (std::size_t c = 0; c < b.info.backgrounds.size(); ++c) {
          if (b.info.backgrounds[c] != target.component || b.background_scale[c] != none) continue;
          b.background_scale[c] = i;
          used = true;
        }
      }
    }
    if (!used) {
      if (target.kind == "background") {
        std::vector<std::string> names;
        for (const auto& b : core->blocks) names.insert(names.end(), b.info.backgrounds.begin(), b.info.backgrounds.end());
        throw InputError("parameter '" + p.name + "': no experiment of the analysis has a background '" +
                         target.component + "'" + did_you_mean(target.component, names) +
                         (names.empty() ? " (the experiments have no backgrounds)" : ""));
      }
      throw InputError("parameter '" + p.name + "' applies to no experiment (each has its own)");
    }
  }
  std::sort(core->linear.begin(), core->linear.end(), [](const auto& a, const auto& b) {
    auto rank = [](const std::string& n) { return n == "sin2w" ? 0 : n == "eps_uV" ? 1 : 2; };
    return rank(a.name) < rank(b.name);
  });
  const std::size_t n = core->linear.size();
  core->monomials = 1 + 2 * n + n * (n - 1) / 2;

  // Templates.
  for (auto& b : core->blocks) {
    const Prediction nominal(b.experiment, core->settings);
    b.info.energy_bins = nominal.energy_bins();
    b.info.time_bins = nominal.time_bins();
    b.info.offset = core->bins;
    core->bins += b.info.bins();
    const auto result = nominal.evaluate();
    const std::size_t nb = result.background.size(), bins = b.info.bins();
    b.backgrounds.assign(bins * nb, 0.0);
    for (std::size_t i = 0; i < bins; ++i)
      for (std::size_t c = 0; c < nb; ++c) b.backgrounds[i * nb + c] = result.background[c][i];

    std::vector<double> scales{1.0};
    if (b.quenching != none) {
      const ParameterInput& q = core->all[b.quenching];
      b.delta = q.morph_width > 0.0 ? q.morph_width : q.width;
      if (!(b.delta > 0.0 && b.delta < 1.0))
        throw InputError("parameter '" + q.name + "': the morphing width (morph_width, default the constraint "
                         "width) must lie in (0, 1), got " + std::to_string(b.delta));
      b.interpolation = q.interpolation;
      b.variants = 3;
      scales = {1.0, 1.0 + b.delta, 1.0 - b.delta};
    }
    const std::size_t width = b.variants * core->monomials;
    b.coefficients.assign(bins * width, 0.0);
    for (std::size_t v = 0; v < b.variants; ++v) {
      Experiment x = b.experiment;
      x.scale_quenching(scales[v]);
      const auto c = coefficient_templates(*core, x);
      for (std::size_t i = 0; i < bins; ++i)
        for (std::size_t j = 0; j < core->monomials; ++j) b.coefficients[i * width + v * core->monomials + j] = c[j][i];
    }
  }

  static std::atomic<std::uint64_t> next_id{1};
  core->id = next_id++;
  for (auto& b : core->blocks) {
    core->infos.push_back(b.info);
    b.signal_offset = core->signal_size;
    core->signal_size += b.info.bins() * b.variants;
  }
  // Truth point.
  for (const std::size_t i : core->free_to_all) {
    const ParameterInput& p = core->all[i];
    double t = p.center;
    if (p.name == "signal_scale") t = 1.0;
    for (const auto& l : core->linear)
      if (l.index == i) t = l.center;
    if (p.truth) t = *p.truth;
    if (!(t >= p.lower && t <= p.upper))
      throw InputError("parameter '" + p.name + "': truth " + std::to_string(t) + " outside its bounds [" +
                       std::to_string(p.lower) + ", " + std::to_string(p.upper) + "]");
    core->truth.push_back(t);
  }
  return core;
}

}  // namespace

LikelihoodModel::LikelihoodModel(AnalysisConfig config) : config_(std::move(config)) {
  auto core = build_core(config_);
  core_ = core;
  // Observed data.
  std::vector<double> observed;
  std::vector<double> asimov(core->bins);
  core->expected(core->truth, asimov);
  for (std::size_t k = 0; k < config_.experiments.size(); ++k) {
    const auto& input = config_.experiments[k];
    const auto& block = core->blocks[k].info;
    if (input.asimov == input.data.has_value())
      throw InputError("experiment '" + block.id + "': give either data (a count table) or asimov: true");
    if (input.asimov) {
      observed.insert(observed.end(), asimov.begin() + static_cast<long>(block.offset),
                      asimov.begin() + static_cast<long>(block.offset + block.bins()));
    } else {
      const auto counts = io::read_observed_counts(*input.data, block.energy_bins, block.time_bins);
      observed.insert(observed.end(), counts.begin(), counts.end());
    }
  }
  // An Asimov data set is complete with its auxiliary measurements at the truth (CCGV sec. 3.2):
  // when every experiment is Asimov, constraint centers are the truth values.
  const bool all_asimov = std::all_of(config_.experiments.begin(), config_.experiments.end(),
                                  [](const ExperimentInput& e) { return e.asimov; });
  std::vector<stats::Parameter> parameters;
  for (std::size_t k = 0; k < core->free_to_all.size(); ++k) {
    const ParameterInput& p = core->all[core->free_to_all[k]];
    double center = p.center;
    if (all_asimov && p.constraint != stats::Constraint::none) center = core->truth[k];
    if (p.constraint == stats::Constraint::log_normal && !(center > 0.0))
      throw InputError("parameter '" + p.name + "': a log-normal constraint needs a positive truth");
    parameters.push_back({p.name, p.initial, p.lower, p.upper, p.constraint, center, p.width});
  }
  std::shared_ptr<const Core> shared = core;
  likelihood_ = std::make_shared<const stats::BinnedLikelihood>(
      [shared](std::span<const double> v) {
        std::vector<double> out(shared->bins);
        shared->expected(v, out);
        return out;
      },
      std::move(parameters), std::move(observed));
}

std::size_t LikelihoodModel::bins() const { return core_->bins; }
const std::vector<std::string>& LikelihoodModel::parameter_names() const { return core_->free_names; }
const std::vector<std::size_t>& LikelihoodModel::interest_indices() const { return core_->interest; }
const std::vector<double>& LikelihoodModel::truth() const { return core_->truth; }
const ParameterInput& LikelihoodModel::parameter_input(std::size_t k) const {
  return core_->all.at(core_->free_to_all.at(k));
}

void LikelihoodModel::expected(std::span<const double> values, std::span<double> out) const {
  if (values.size() != core_->free_to_all.size())
    throw InputError("expected " + std::to_string(core_->free_to_all.size()) + " parameter values, got " +
                     std::to_string(values.size()));
  if (out.size() != core_->bins) throw InputError("output span must have " + std::to_string(core_->bins) + " bins");
  core_->expected(values, out);
}

std::vector<double> LikelihoodModel::expected(std::span<const double> values) const {
  std::vector<double> out(core_->bins);
  expected(values, out);
  return out;
}

double LikelihoodModel::minus_two_lnl(const stats::BinnedLikelihood& likelihood, std::span<const double> values,
                                      std::span<double> gradient, const std::vector<bool>& held) const {
  if (values.size() != core_->free_to_all.size() || likelihood.size() != values.size() ||
      likelihood.bins() != core_->bins)
    throw InputError("minus_two_lnl: the likelihood or the values do not match this model");
  if (!gradient.empty() && gradient.size() != values.size())
    throw InputError("minus_two_lnl: the gradient must have one entry per free parameter");
  return core_->minus_two_lnl(likelihood, values, gradient, held);
}

const std::vector<ExperimentBlock>& LikelihoodModel::experiments() const { return core_->infos; }

const Experiment& LikelihoodModel::experiment(std::size_t k) const { return core_->blocks.at(k).experiment; }

ExperimentCounts LikelihoodModel::counts(std::span<const double> values, std::size_t experiment) const {
  const auto& b = core_->blocks.at(experiment);
  const auto mu = expected(values);
  ExperimentCounts c;
  const std::size_t nb = b.background_scale.size();
  c.background_components.assign(nb, 0.0);
  for (std::size_t i = 0; i < b.info.bins(); ++i)
    for (std::size_t k = 0; k < nb; ++k)
      c.background_components[k] += core_->value_or(values, b.background_scale[k], 1.0) * b.backgrounds[i * nb + k];
  c.background = std::accumulate(c.background_components.begin(), c.background_components.end(), 0.0);
  const auto first = mu.begin() + static_cast<long>(b.info.offset);
  c.signal = std::accumulate(first, first + static_cast<long>(b.info.bins()), 0.0) - c.background;
  const auto& n = likelihood_->observed();
  const auto data = n.begin() + static_cast<long>(b.info.offset);
  c.observed = std::accumulate(data, data + static_cast<long>(b.info.bins()), 0.0);
  return c;
}

std::vector<double> LikelihoodModel::full_prediction(std::span<const double> values, std::size_t experiment) const {
  if (values.size() != core_->free_to_all.size())
    throw InputError("expected " + std::to_string(core_->free_to_all.size()) + " parameter values");
  const auto& b = core_->blocks.at(experiment);
  Experiment x = b.experiment;
  if (b.quenching != Core::npos) x.scale_quenching(core_->value(values, b.quenching));
  PredictionScales scales;
  scales.signal = core_->value_or(values, core_->signal_scale, 1.0) * core_->value_or(values, b.flux, 1.0);
  for (const std::size_t i : b.background_scale) scales.backgrounds.push_back(core_->value_or(values, i, 1.0));
  return Prediction(x, core_->settings_at(values)).evaluate(scales).total;
}

}  // namespace cevns::analysis
