// `cevns unfold`: Tikhonov unfolding of the reactor antineutrino spectrum from a simulated CEvNS
// recoil spectrum (Liao, Liu, Marfatia, arXiv:2302.10460; NUCLEUS-type scenarios 1-3), or of a
// study described in an unfolding file (`cevns unfold FILE`, docs/configuration.md).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/text_output.hpp"
#include "cevns/io/unfolding_config_reader.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/stats/reactor_unfolding.hpp"
#include "command.hpp"
#include "output.hpp"

namespace cevns::cli {
namespace {

struct UnfoldOptions {
  std::string file;
  std::string csv_dir;
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

nlohmann::json capture_json(const stats::CaptureSeparation& c) {
  return {{"excess_per_fission", c.excess},
          {"error_per_fission", c.error},
          {"bias_null_asimov_per_fission", c.bias_null},
          {"bias_true_asimov_per_fission", c.bias_true},
          {"bias_estimate_per_fission", c.bias_estimate},
          {"bias_estimate_error_per_fission", c.bias_estimate_error},
          {"naive_sigma", c.naive_sigma},
          {"bias_included_sigma", c.bias_included_sigma},
          {"bias_estimate_sigma", c.estimate_sigma}};
}

// energy edges, flux, error, bias estimate and truth of one solution per row (per fission per MeV).
void write_csv(const std::filesystem::path& dir, const stats::ReactorUnfoldingResult& r) {
  io::create_output_directory(dir);
  const auto write = [&](const std::string& name, const stats::UnfoldingResult& u) {
    std::ostringstream f;
    f << "# beta = " << fmt::format("{:.10g}", u.beta) << "\n";
    f << "energy_low_MeV,energy_high_MeV,flux_per_fission_MeV,error_per_fission_MeV,bias_estimate,"
         "true_flux_per_fission_MeV,true_flux_no_capture_per_fission_MeV\n";
    for (Eigen::Index i = 0; i < u.flux.size(); ++i) {
      const auto k = static_cast<std::size_t>(i);
      f << fmt::format("{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g},{:.10g}\n", r.energy_edges[k] / units::MeV,
                       r.energy_edges[k + 1] / units::MeV, u.flux(i), std::sqrt(std::max(u.covariance(i, i), 0.0)),
                       u.bias(i), r.truth(i), r.truth_no_capture(i));
    }
    io::write_text_file(dir / name, f.str());
  };
  write("unfolded_smallest_positive_beta.csv", r.chosen);
  write("unfolded_fixed_beta.csv", r.at_fixed);
  for (std::size_t k = 0; k < r.scanned.size(); ++k) write(fmt::format("unfolded_scan_{}.csv", k), r.scanned[k]);
}

void run_unfold(const UnfoldOptions& opt) {
  stats::ReactorUnfoldingConfig config;
  if (opt.file.empty()) {
    config.scenario = stats::nucleus_scenario(opt.scenario);
    config.target = opt.target;
    config.options.asimov = opt.asimov;
    config.options.seed = opt.seed;
    config.options.fixed_beta = opt.beta;
    config.data_description = opt.asimov ? "asimov" : fmt::format("poisson toy, seed {}", opt.seed);
  } else {
    config = io::read_unfolding_config(opt.file);
  }
  if (!opt.csv_dir.empty()) config.csv_dir = opt.csv_dir;
  const auto& sc = config.scenario;
  const Material target = Material::from_name(io::default_nuclear_database(), config.target);
  const auto r = stats::unfold_reactor_scenario(sc, target, io::default_reactor_model(), config.options);
  if (!config.csv_dir.empty()) write_csv(config.csv_dir, r);
  std::vector<double> edges, truth, truth_nc, observed, background, recoil;
  for (double e : r.energy_edges) edges.push_back(e / units::MeV);
  for (double t : r.recoil_edges) recoil.push_back(t / units::keV);
  for (Eigen::Index i = 0; i < r.truth.size(); ++i) truth.push_back(r.truth(i)), truth_nc.push_back(r.truth_no_capture(i));
  for (Eigen::Index j = 0; j < r.observed.size(); ++j) observed.push_back(r.observed(j)), background.push_back(r.background(j));
  const auto m = r.truth.size();
  nlohmann::json scan = nlohmann::json::array();
  for (const auto& u : r.scanned) scan.push_back(solution_json(u));
  if (opt.json) {
    print_json({{"scenario",
                 {{"id", sc.id},
                  {"exposure_kg_yr", sc.exposure_kg_yr},
                  {"background_per_keV_kg_day", sc.background_per_keV_kg_day},
                  {"threshold_eV", sc.threshold / units::eV},
                  {"target", target.name()},
                  {"pseudo_data", config.data_description}}},
                {"file", opt.file.empty() ? nlohmann::json(nullptr) : nlohmann::json(opt.file)},
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
                {"capture_separation_bias_included_sigma",
                 {{"smallest_positive_beta", r.capture_chosen.bias_included_sigma},
                  {"fixed_beta", r.capture_fixed.bias_included_sigma}}},
                {"capture_test",
                 {{"smallest_positive_beta", capture_json(r.capture_chosen)}, {"fixed_beta", capture_json(r.capture_fixed)}}},
                {"beta_scan", scan},
                {"cevns", run_metadata({"J. Liao, H. Liu, D. Marfatia, PRD 107, 113002 (2023) [arXiv:2302.10460]",
                                        "NUCLEUS, EPJC 79, 1018 (2019): Chooz very-near site",
                                        "G. Cowan, Statistical Data Analysis (1998), sec. 11.7 (bias estimate)"})}});
    return;
  }
  const std::string what = opt.file.empty() ? fmt::format("scenario {}", sc.id) : opt.file;
  std::cout << fmt::format("{}: {} kg yr, {} /(keV kg d), threshold {} eV, {} energy bins, {}\n", what,
                           sc.exposure_kg_yr, sc.background_per_keV_kg_day, sc.threshold / units::eV, m,
                           config.data_description);
  std::vector<const stats::UnfoldingResult*> shown{&r.chosen, &r.at_fixed};
  for (const auto& u : r.scanned) shown.push_back(&u);
  for (const auto* u : shown) {
    std::cout << fmt::format("beta = {:.4g}: B = {:.3g} (m = {}), chi2 = {:.4g}, positive = {}\n", u->beta,
                             u->bias_statistic, m, u->chi2, u->positive);
    for (Eigen::Index i = 0; i < m; ++i)
      std::cout << fmt::format("  {:6.3f}-{:6.3f} MeV  {:10.4g} +- {:9.3g}   (true {:.4g})\n", edges[static_cast<std::size_t>(i)],
                               edges[static_cast<std::size_t>(i) + 1], u->flux(i), std::sqrt(u->covariance(i, i)), r.truth(i));
  }
  std::cout << fmt::format("flux below 1.8 MeV per fission: {:.3g} +- {:.3g} (90% upper {:.3g}), true {:.3g}\n",
                           r.low_chosen.unfolded, r.low_chosen.error, r.low_chosen.upper_90, r.low_chosen.truth);
  std::cout << fmt::format("capture component: {:.2f} sigma (smallest positive beta), {:.2f} sigma (beta = {:g})\n",
                           r.capture_separation_chosen, r.capture_separation_fixed, r.at_fixed.beta);
  std::cout << fmt::format("  minus the null hypothesis' regularisation bias: {:.2f} sigma, {:.2f} sigma\n",
                           r.capture_chosen.bias_included_sigma, r.capture_fixed.bias_included_sigma);
  std::cout << fmt::format("  with the estimated bias as a systematic (sigma^2 + b^2 + W): {:.2f} sigma, {:.2f} sigma\n",
                           r.capture_chosen.estimate_sigma, r.capture_fixed.estimate_sigma);
  if (!config.csv_dir.empty()) std::cout << "CSV written to " << config.csv_dir << "\n";
}

}  // namespace

void add_unfold_command(CLI::App& app) {
  auto opt = std::make_shared<UnfoldOptions>();
  auto* cmd = app.add_subcommand("unfold", "unfold the reactor antineutrino spectrum from CEvNS (arXiv:2302.10460)");
  auto* file = cmd->add_option("FILE", opt->file, "unfolding file (YAML, docs/configuration.md)");
  // The scenario options describe a study; a file describes all of it.
  cmd->add_option("--scenario", opt->scenario, "NUCLEUS-type scenario 1, 2 or 3")->capture_default_str()->excludes(file);
  cmd->add_option("--target", opt->target, "target material")->capture_default_str()->excludes(file);
  cmd->add_flag("--asimov", opt->asimov, "use the expected counts instead of a Poisson toy")->excludes(file);
  cmd->add_option("--seed", opt->seed, "seed of the Poisson pseudo-data")->capture_default_str()->excludes(file);
  cmd->add_option("--beta", opt->beta, "regularisation strength also reported")->capture_default_str()->excludes(file);
  cmd->add_flag("--json", opt->json, "print one JSON object");
  cmd->add_option("--csv", opt->csv_dir, "write the unfolded spectra as CSV into DIR");
  cmd->callback([opt] { run_unfold(*opt); });
}

}  // namespace cevns::cli
