#include "likelihood_core_builder.hpp"

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

using Core = LikelihoodModel::Core;
using likelihood_detail::max_linear;
using likelihood_detail::max_monomials;
using likelihood_detail::max_variants;
using likelihood_detail::none;

Flavour parse_flavour(const std::string& name) {
  if (name == "e") return Flavour::e;
  if (name == "mu") return Flavour::mu;
  if (name == "tau") return Flavour::tau;
  throw InputError("unknown NSI flavour '" + name + "' (use e, mu or tau)");
}

// Steps of the design points in each linear parameter: large enough that rounding in the
// coefficients stays ~1e-15 of the counts, any value works (the polynomial is exact).
double design_step(const std::string& name) { return name == "sin2w" ? 0.05 : 0.5; }

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
  const Prediction base(experiment, core.settings);  // design points re-evaluate its kernels
  for (const auto& t : points) {
    CevnsSettings s = core.settings;
    for (std::size_t k = 0; k < n; ++k) {
      const double x = core.linear[k].center + t[k] * core.linear[k].step;
      if (core.linear[k].name == "sin2w") {
        if (!(x > 0.0 && x < 1.0))
          throw InputError("sin2w design point outside (0, 1): nominal sin2w too close to 0 or 1");
        s.sin2_theta_w = x;
      } else if (core.linear[k].name == "eps_uV") {
        s.bsm.vector_u[f][f] = x;
      } else {
        s.bsm.vector_d[f][f] = x;
      }
    }
    S.push_back(base.signal(s));
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

}  // namespace

std::shared_ptr<LikelihoodModel::Core> build_likelihood_core(const AnalysisConfig& config) {
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
        for (const auto& b : core->blocks)
          names.insert(names.end(), b.info.backgrounds.begin(), b.info.backgrounds.end());
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
        throw InputError("parameter '" + q.name +
                         "': the morphing width (morph_width, default the constraint "
                         "width) must lie in (0, 1), got " +
                         std::to_string(b.delta));
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

}  // namespace cevns::analysis
