// `cevns release-fit --release coherent-csi-2017|coherent-csi-2021 [--json]`: the COHERENT CsI
// observations refitted from their public data releases (data/coherent_csi_2017, _2021), beside
// the published numbers. The likelihoods are in src/analysis/coherent_csi20*_fit.cpp; the
// comparison with the papers is docs/validation/experiments.md.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "cevns/analysis/coherent_csi2017_fit.hpp"
#include "cevns/analysis/coherent_csi2021_fit.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/data_path.hpp"
#include "command.hpp"
#include "output.hpp"
#include "physics_options.hpp"

namespace cevns::cli {
namespace {

const std::vector<std::string> kReleases = {"coherent-csi-2017", "coherent-csi-2021"};

struct ReleaseFitOptions {
  std::string release = "coherent-csi-2017";
  std::optional<std::string> data_dir;  // default: the release copy under data/
  bool json = false;
  PhysicsOptions physics;
};

nlohmann::json published(double value, double error, const std::string& source) {
  return {{"value", value}, {"error", error}, {"source", source}};
}

// The keys both release fits share.
template <class Fit>
nlohmann::json fit_json(const ReleaseFitOptions& opt, const std::filesystem::path& dir, const Fit& r) {
  return {{"release", opt.release},
          {"data_directory", dir.string()},
          {"predicted_events", r.predicted_events},
          {"fitted_events", r.fitted_events},
          {"fitted_events_error", r.fitted_events_error},
          {"significance_sigma", r.significance_sigma},
          {"steady_state_events", r.steady_state_events},
          {"steady_state_slope_per_us", r.steady_state_slope_per_us},
          {"deviance", r.deviance},
          {"bins", r.bins}};
}

void run_2017(const ReleaseFitOptions& opt, const std::filesystem::path& dir, const CevnsSettings& settings) {
  const auto r = analysis::fit_coherent_csi_2017(dir, {}, "coherent-csi-2017", settings);
  const std::string paper = "D. Akimov et al. (COHERENT), Science 357, 1123 (2017), arXiv:1708.01294";
  if (opt.json) {
    auto doc = fit_json(opt, dir, r);
    doc.update({{"prompt_neutron_events", r.prompt_neutron_events},
                {"observed_in_window", r.observed_in_window},
                {"anticoincidence_in_window", r.anticoincidence_in_window},
                {"published",
                 {{"fitted_events", published(134.0, 22.0, paper)},
                  {"significance_sigma", published(6.7, 0.0, paper)},
                  {"predicted_events", published(173.0, 48.0, paper)}}},
                {"cevns", run_metadata({paper, "COHERENT CsI 2017 data release, arXiv:1804.09459",
                                        "S. Baker, R.D. Cousins, NIM 221, 437 (1984)"})}});
    print_json(doc);
    return;
  }
  std::cout << fmt::format("COHERENT CsI 2017 refitted from its data release ({})\n", dir.string());
  std::cout << fmt::format("  SM prediction in the window: {:.1f} events (published 173 +- 48 over all energies)\n",
                           r.predicted_events);
  std::cout << fmt::format("  fitted CEvNS: {:.1f} +- {:.1f} events (published 134 +- 22)\n", r.fitted_events,
                           r.fitted_events_error);
  std::cout << fmt::format("  significance against no CEvNS: {:.2f} sigma (published 6.7)\n", r.significance_sigma);
  std::cout << fmt::format("  steady state {:.1f} events (slope {:.3f}/us), prompt neutrons {:.1f} events\n",
                           r.steady_state_events, r.steady_state_slope_per_us, r.prompt_neutron_events);
}

void run_2021(const ReleaseFitOptions& opt, const std::filesystem::path& dir, const CevnsSettings& settings) {
  const auto r = analysis::fit_coherent_csi_2021(dir, {}, "coherent-csi-2021", settings);
  const std::string paper = "D. Akimov et al. (COHERENT), PRL 129, 081801 (2022), arXiv:2110.07730";
  constexpr double e40 = 1e-40;
  const double sm = r.sm_flux_averaged_cm2, meas = r.measured_flux_averaged_cm2;
  if (opt.json) {
    auto doc = fit_json(opt, dir, r);
    doc.update({{"brn_events", r.brn_events},
                {"nin_events", r.nin_events},
                {"sm_flux_averaged_cm2", sm},
                {"measured_flux_averaged_cm2", meas},
                {"measured_flux_averaged_error_cm2", r.measured_flux_averaged_error_cm2},
                {"sin2_theta_w", r.sin2_theta_w},
                {"sin2_theta_w_lower", r.sin2_theta_w_lower},
                {"sin2_theta_w_upper", r.sin2_theta_w_upper},
                {"published",
                 {{"fitted_events", published(306.0, 20.0, paper)},
                  {"significance_sigma", published(11.6, 0.0, paper)},
                  {"sm_flux_averaged_cm2", published(189e-40, 6e-40, paper)},
                  {"measured_flux_averaged_cm2", published(165e-40, 30e-40, paper + " (+30/-25)")},
                  {"sin2_theta_w", published(0.220, 0.028, "Wagner 2022 review (COHERENT CsI full data set)")}}},
                {"cevns", run_metadata({paper, "COHERENT CsI 2021 data release (data/coherent_csi_2021/SOURCES.md)",
                                        "S. Baker, R.D. Cousins, NIM 221, 437 (1984)"})}});
    print_json(doc);
    return;
  }
  std::cout << fmt::format("COHERENT CsI full data set (2021) refitted from its data release ({})\n", dir.string());
  std::cout << fmt::format("  SM prediction in the window: {:.1f} events (published 341 +- 11 +- 42)\n",
                           r.predicted_events);
  std::cout << fmt::format("  fitted CEvNS: {:.1f} +- {:.1f} events (published 306 +- 20)\n", r.fitted_events,
                           r.fitted_events_error);
  std::cout << fmt::format("  significance against no CEvNS: {:.2f} sigma (published 11.6)\n", r.significance_sigma);
  std::cout << fmt::format("  flux-averaged cross section: SM {:.1f}e-40 cm2 (published 189 +- 6), measured "
                           "{:.1f} +- {:.1f}e-40 cm2 (published 165 +30 -25)\n",
                           sm / e40, meas / e40, r.measured_flux_averaged_error_cm2 / e40);
  std::cout << fmt::format("  sin2(theta_W) = {:.4f} [{:.4f}, {:.4f}] (published 0.220 +- 0.028)\n", r.sin2_theta_w,
                           r.sin2_theta_w_lower, r.sin2_theta_w_upper);
}

void run_release_fit(const ReleaseFitOptions& opt) {
  if (std::find(kReleases.begin(), kReleases.end(), opt.release) == kReleases.end())
    throw InputError("unknown release '" + opt.release + "'" + did_you_mean(opt.release, kReleases) +
                     " (known: coherent-csi-2017, coherent-csi-2021)");
  const bool is2017 = opt.release == "coherent-csi-2017";
  const std::filesystem::path dir =
      opt.data_dir ? std::filesystem::path(*opt.data_dir)
                   : io::data_directory() / (is2017 ? "coherent_csi_2017" : "coherent_csi_2021");
  if (!std::filesystem::is_directory(dir)) throw DataError("release directory not found: " + dir.string());
  const CevnsSettings settings = opt.physics.settings();
  if (is2017)
    run_2017(opt, dir, settings);
  else
    run_2021(opt, dir, settings);
}

}  // namespace

void add_release_fit_command(CLI::App& app) {
  auto opt = std::make_shared<ReleaseFitOptions>();
  auto* cmd = app.add_subcommand("release-fit",
                                 "refit a published CEvNS observation from its public data release (COHERENT CsI)");
  cmd->add_option("--release", opt->release, "coherent-csi-2017 or coherent-csi-2021")->capture_default_str();
  cmd->add_option("--data-dir", opt->data_dir, "directory of the release files (default: the copy under data/)");
  opt->physics.add_to(*cmd);
  cmd->add_flag("--json", opt->json, "print one JSON object");
  cmd->callback([opt] { run_release_fit(*opt); });
}

}  // namespace cevns::cli
