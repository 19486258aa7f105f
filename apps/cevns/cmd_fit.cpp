// `cevns fit FILE [--json]`: maximum-likelihood fit of an analysis file (docs/configuration.md,
// "Analysis files"): best fit, Hessian errors and correlations, -2 ln L, profile-likelihood tests
// of the parameters of interest with a null value, and 1-D profile scans with 68 % intervals.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cevns/analysis/analysis_fit.hpp"
#include "cevns/analysis/likelihood_model.hpp"
#include "cevns/io/analysis_config_reader.hpp"
#include "command.hpp"
#include "output.hpp"

namespace cevns::cli {
namespace {

struct FitCommandOptions {
  std::string file;
  bool json = false;
};

const char* to_string(analysis::TestSidedness s) {
  return s == analysis::TestSidedness::one_sided ? "one-sided" : "two-sided";
}

std::vector<std::string> references_of(const analysis::LikelihoodModel& model) {
  std::vector<std::string> refs;
  for (std::size_t k = 0; k < model.experiments().size(); ++k)
    for (const auto& r : model.experiment(k).references)
      if (std::find(refs.begin(), refs.end(), r) == refs.end()) refs.push_back(r);
  refs.emplace_back("S. Baker, R.D. Cousins, NIM 221, 437 (1984) (Poisson deviance)");
  refs.emplace_back("G. Cowan, K. Cranmer, E. Gross, O. Vitells, EPJC 71, 1554 (2011) (test statistics)");
  refs.emplace_back("M.J.D. Powell, BOBYQA, Cambridge NA Report NA2009/06 (NLopt LN_BOBYQA)");
  return refs;
}

nlohmann::json to_json(const analysis::FitSummary& s, const analysis::LikelihoodModel& model, const std::string& file) {
  nlohmann::json parameters = nlohmann::json::array();
  std::vector<std::string> names;
  for (const auto& p : s.parameters) {
    names.push_back(p.name);
    parameters.push_back({{"name", p.name},
                          {"interest", p.interest},
                          {"value", p.value},
                          {"error", p.error},
                          {"min", p.lower},
                          {"max", p.upper},
                          {"at_bound", p.at_bound}});
  }
  nlohmann::json tests = nlohmann::json::array();
  for (const auto& t : s.tests)
    tests.push_back({{"parameter", t.parameter},
                     {"null_value", t.null_value},
                     {"test", to_string(t.sidedness)},
                     {"best", t.best},
                     {"q", t.q},
                     {"p_value", t.p_value},
                     {"significance_sigma", t.significance_sigma},
                     {"conditional_minus_two_lnl", t.conditional_minus_two_lnl}});
  nlohmann::json scans = nlohmann::json::array();
  for (const auto& c : s.scans)
    scans.push_back({{"parameter", c.parameter},
                     {"values", c.values},
                     {"delta_chi2", c.delta_chi2},
                     {"best", c.best},
                     {"level", c.level},
                     {"interval_68", {{"lower", c.lower}, {"upper", c.upper}, {"lower_open", c.lower_open},
                                      {"upper_open", c.upper_open}}}});
  nlohmann::json experiments = nlohmann::json::array();
  for (const auto& e : s.experiments) {
    nlohmann::json backgrounds = nlohmann::json::object();
    for (std::size_t k = 0; k < e.background_names.size(); ++k) backgrounds[e.background_names[k]] = e.background_components[k];
    experiments.push_back({{"id", e.id},
                           {"bins", e.bins},
                           {"observed_counts", e.observed},
                           {"signal_counts", e.signal},
                           {"background_counts", e.background},
                           {"background_components", backgrounds}});
  }
  return {{"file", file},
          {"bins", s.bins},
          {"minus_two_lnl", s.minus_two_lnl},
          {"covariance_ok", s.covariance_ok},
          {"evaluations", s.evaluations},
          {"parameters", parameters},
          {"correlation", {{"names", names}, {"matrix", s.correlation}}},
          {"tests", tests},
          {"scans", scans},
          {"experiments", experiments},
          {"fit_seed", model.config().fit.seed},
          {"cevns", run_metadata(references_of(model))}};
}

void print_text(const analysis::FitSummary& s, const std::string& file) {
  std::cout << fmt::format("fit {}: {} bins, -2 ln L = {:.6g}{}\n", file, s.bins, s.minus_two_lnl,
                           s.covariance_ok ? "" : " (Hessian not positive definite: errors unavailable)");
  std::cout << fmt::format("{:<32} {:>14} {:>12} {:>24}\n", "parameter", "value", "error", "range");
  for (const auto& p : s.parameters)
    std::cout << fmt::format("{:<32} {:>14.6g} {:>12.4g} {:>24}{}\n", (p.interest ? "* " : "  ") + p.name, p.value,
                             p.error, fmt::format("[{:.4g}, {:.4g}]", p.lower, p.upper), p.at_bound ? "  at bound" : "");
  if (s.parameters.size() > 1) {
    std::cout << "correlation:\n";
    for (std::size_t a = 0; a < s.parameters.size(); ++a) {
      std::cout << fmt::format("  {:<30}", s.parameters[a].name);
      for (std::size_t b = 0; b <= a; ++b) std::cout << fmt::format(" {:>6.3f}", s.correlation[a][b]);
      std::cout << '\n';
    }
  }
  for (const auto& t : s.tests)
    std::cout << fmt::format("test {} = {:g} ({}): best {:.6g}, q = {:.4g}, p = {:.3g}, significance {:.3f} sigma\n",
                             t.parameter, t.null_value, to_string(t.sidedness), t.best, t.q, t.p_value,
                             t.significance_sigma);
  for (const auto& c : s.scans)
    std::cout << fmt::format("profile scan {}: best {:.6g}, 68.27 % interval [{}{:.6g}, {:.6g}{}] ({} points)\n",
                             c.parameter, c.best, c.lower_open ? "<=" : "", c.lower, c.upper,
                             c.upper_open ? " or beyond" : "", c.values.size());
  for (const auto& e : s.experiments)
    std::cout << fmt::format("experiment {}: observed {:.6g}, fitted signal {:.6g} + background {:.6g}\n", e.id,
                             e.observed, e.signal, e.background);
}

void run_fit_command(const FitCommandOptions& opt) {
  const analysis::LikelihoodModel model(io::read_analysis_config(opt.file));
  const auto summary = analysis::run_fit(model);
  if (opt.json) {
    print_json(to_json(summary, model, opt.file));
  } else {
    print_text(summary, opt.file);
  }
}

}  // namespace

void add_fit_command(CLI::App& app) {
  auto opt = std::make_shared<FitCommandOptions>();
  auto* cmd = app.add_subcommand("fit", "likelihood fit of an analysis file: best fit, errors, tests, profile scans");
  cmd->add_option("file", opt->file, "analysis file (YAML), e.g. examples/analyses/profile-coherent-csi.yaml")->required();
  cmd->add_flag("--json", opt->json, "print one JSON object");
  cmd->callback([opt] { run_fit_command(*opt); });
}

}  // namespace cevns::cli
