// `cevns unfold`: Tikhonov unfolding of the reactor antineutrino spectrum from a simulated CEvNS
// recoil spectrum (Liao, Liu, Marfatia, arXiv:2302.10460; NUCLEUS-type scenarios 1-3).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/stats/reactor_unfolding.hpp"
#include "command.hpp"
#include "output.hpp"

namespace cevns::cli {
namespace {

struct UnfoldOptions {
  int scenario = 1;
  std::string target = "Ge";
  bool asimov = false;
  std::uint64_t seed = 1;
  double beta = 20.0;
  bool json = false;
};

nlohmann::json low_json(const stats::LowEnergySummary& s) {
  return {{"unfolded_per_fission", s.unfolded},      {"error_per_fission", s.error},
          {"upper_90_per_fission", s.upper_90},      {"truth_per_fission", s.truth},
          {"truth_no_capture_per_fission", s.truth_no_capture}};
}

nlohmann::json solution_json(const stats::UnfoldingResult& u) {
  std::vector<double> flux, err, bias;
  for (Eigen::Index i = 0; i < u.flux.size(); ++i) {
    flux.push_back(u.flux(i));
    err.push_back(std::sqrt(std::max(u.covariance(i, i), 0.0)));
    bias.push_back(u.bias(i));
  }
  return {{"beta", u.beta},           {"flux_per_fission_MeV", flux}, {"error_per_fission_MeV", err},
          {"bias_estimate", bias},    {"bias_statistic_B", u.bias_statistic},
          {"chi2", u.chi2},           {"positive", u.positive}};
}

void run_unfold(const UnfoldOptions& opt) {
  const auto sc = stats::nucleus_scenario(opt.scenario);
  const Material target = Material::from_name(io::default_nuclear_database(), opt.target);
  stats::ReactorUnfoldingOptions ro;
  ro.asimov = opt.asimov;
  ro.seed = opt.seed;
  ro.fixed_beta = opt.beta;
  const auto r = stats::unfold_reactor_scenario(sc, target, io::default_reactor_model(), ro);
  std::vector<double> edges, truth, truth_nc, observed, background, recoil;
  for (double e : r.energy_edges) edges.push_back(e / units::MeV);
  for (double t : r.recoil_edges) recoil.push_back(t / units::keV);
  for (Eigen::Index i = 0; i < r.truth.size(); ++i) truth.push_back(r.truth(i)), truth_nc.push_back(r.truth_no_capture(i));
  for (Eigen::Index j = 0; j < r.observed.size(); ++j) observed.push_back(r.observed(j)), background.push_back(r.background(j));
  const auto m = r.truth.size();
  if (opt.json) {
    print_json({{"scenario",
                 {{"id", sc.id},
                  {"exposure_kg_yr", sc.exposure_kg_yr},
                  {"background_per_keV_kg_day", sc.background_per_keV_kg_day},
                  {"threshold_eV", sc.threshold / units::eV},
                  {"target", target.name()},
                  {"pseudo_data", opt.asimov ? "asimov" : fmt::format("poisson toy, seed {}", opt.seed)}}},
                {"energy_edges_MeV", edges},
                {"recoil_edges_keV", recoil},
                {"observed_counts", observed},
                {"background_counts", background},
                {"true_flux_per_fission_MeV", truth},
                {"true_flux_no_capture_per_fission_MeV", truth_nc},
                {"bins", m},
                {"smallest_positive_beta", solution_json(r.chosen)},
                {"fixed_beta", solution_json(r.at_fixed)},
                {"below_1p8_MeV", {{"smallest_positive_beta", low_json(r.low_chosen)}, {"fixed_beta", low_json(r.low_fixed)}}},
                {"capture_separation_sigma",
                 {{"smallest_positive_beta", r.capture_separation_chosen}, {"fixed_beta", r.capture_separation_fixed}}},
                {"cevns", run_metadata({"J. Liao, H. Liu, D. Marfatia, PRD 107, 113002 (2023) [arXiv:2302.10460]",
                                        "NUCLEUS, EPJC 79, 1018 (2019): Chooz very-near site"})}});
    return;
  }
  std::cout << fmt::format("scenario {}: {} kg yr, {} /(keV kg d), threshold {} eV, {} energy bins\n", sc.id,
                           sc.exposure_kg_yr, sc.background_per_keV_kg_day, sc.threshold / units::eV, m);
  for (const auto* u : {&r.chosen, &r.at_fixed}) {
    std::cout << fmt::format("beta = {:.4g}: B = {:.3g} (m = {}), chi2 = {:.4g}, positive = {}\n", u->beta,
                             u->bias_statistic, m, u->chi2, u->positive);
    for (Eigen::Index i = 0; i < m; ++i)
      std::cout << fmt::format("  {:6.3f}-{:6.3f} MeV  {:10.4g} +- {:9.3g}   (true {:.4g})\n", edges[static_cast<std::size_t>(i)],
                               edges[static_cast<std::size_t>(i) + 1], u->flux(i), std::sqrt(u->covariance(i, i)), r.truth(i));
  }
  std::cout << fmt::format("flux below 1.8 MeV per fission: {:.3g} +- {:.3g} (90% upper {:.3g}), true {:.3g}\n",
                           r.low_chosen.unfolded, r.low_chosen.error, r.low_chosen.upper_90, r.low_chosen.truth);
  std::cout << fmt::format("capture component: {:.2f} sigma (smallest positive beta), {:.2f} sigma (beta = {:g})\n",
                           r.capture_separation_chosen, r.capture_separation_fixed, opt.beta);
}

}  // namespace

void add_unfold_command(CLI::App& app) {
  auto opt = std::make_shared<UnfoldOptions>();
  auto* cmd = app.add_subcommand("unfold", "unfold the reactor antineutrino spectrum from CEvNS (arXiv:2302.10460)");
  cmd->add_option("--scenario", opt->scenario, "NUCLEUS-type scenario 1, 2 or 3")->capture_default_str();
  cmd->add_option("--target", opt->target, "target material")->capture_default_str();
  cmd->add_flag("--asimov", opt->asimov, "use the expected counts instead of a Poisson toy");
  cmd->add_option("--seed", opt->seed, "seed of the Poisson pseudo-data")->capture_default_str();
  cmd->add_option("--beta", opt->beta, "regularisation strength also reported")->capture_default_str();
  cmd->add_flag("--json", opt->json, "print one JSON object");
  cmd->callback([opt] { run_unfold(*opt); });
}

}  // namespace cevns::cli
