// `cevns significance`: ON/OFF counting analysis (excess, its error, significance by three
// methods, the profile-likelihood interval on the excess). docs/physics/statistics.md.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cevns/stats/on_off.hpp"
#include "command.hpp"
#include "output.hpp"

namespace cevns::cli {
namespace {

struct SignificanceOptions {
  stats::OnOffData data;
  double cl = 0.9;
  bool json = false;
};

const std::vector<std::string> kReferences = {
    "T.-P. Li, Y.-Q. Ma, ApJ 272, 317 (1983), eq. 17",
    "W.A. Rolke, A.M. Lopez, J. Conrad, NIM A 551, 493 (2005): bounded profile-likelihood interval",
    "G. Cowan, K. Cranmer, E. Gross, O. Vitells, EPJC 71, 1554 (2011)"};

void run_significance(const SignificanceOptions& opt) {
  const auto r = stats::analyse_on_off(opt.data, opt.cl);
  const auto method = [&](double z) {
    return nlohmann::json{{"excess", r.excess}, {"excess_error", r.excess_error}, {"significance_sigma", z}};
  };
  if (opt.json) {
    print_json({{"input",
                 {{"on", opt.data.n_on},
                  {"on_exposure", opt.data.exposure_on},
                  {"off", opt.data.n_off},
                  {"off_exposure", opt.data.exposure_off}}},
                {"alpha", r.alpha},
                {"background_on", r.background_on},
                {"excess", r.excess},
                {"excess_error", r.excess_error},
                {"methods",
                 {{"profile_likelihood", method(r.significance_profile)},
                  {"li_ma_17", method(r.significance_li_ma)},
                  {"simple", method(r.significance_simple)}}},
                {"upper_limit", r.interval.upper},
                {"cl", r.interval.cl},
                {"interval",
                 {{"method", "Rolke-Lopez-Conrad bounded profile likelihood"},
                  {"cl", r.interval.cl},
                  {"lower", r.interval.lower},
                  {"upper", r.interval.upper}}},
                {"cevns", run_metadata(kReferences)}});
    return;
  }
  std::cout << fmt::format("alpha = t_on / t_off = {:.6g}; background in ON = {:.4g}\n", r.alpha, r.background_on);
  std::cout << fmt::format("excess = {:.4g} +- {:.4g} events\n", r.excess, r.excess_error);
  std::cout << fmt::format("significance: profile likelihood {:.3f} sigma, Li & Ma eq. 17 {:.3f} sigma, "
                           "simple {:.3f} sigma\n",
                           r.significance_profile, r.significance_li_ma, r.significance_simple);
  std::cout << fmt::format("{:g} % CL interval on the excess (Rolke et al. 2005): [{:.4g}, {:.4g}]\n",
                           100.0 * r.interval.cl, r.interval.lower, r.interval.upper);
}

}  // namespace

void add_significance_command(CLI::App& app) {
  auto opt = std::make_shared<SignificanceOptions>();
  auto* cmd = app.add_subcommand("significance", "ON/OFF counting: excess, significance, limits");
  cmd->add_option("--on", opt->data.n_on, "events with the source on")->required();
  cmd->add_option("--on-exposure", opt->data.exposure_on, "ON exposure (e.g. kg d)")->required();
  cmd->add_option("--off", opt->data.n_off, "events with the source off")->required();
  cmd->add_option("--off-exposure", opt->data.exposure_off, "OFF exposure (same unit)")->required();
  cmd->add_option("--cl", opt->cl, "confidence level of the interval")->capture_default_str();
  cmd->add_flag("--json", opt->json, "print one JSON object");
  cmd->callback([opt] { run_significance(*opt); });
}

}  // namespace cevns::cli
