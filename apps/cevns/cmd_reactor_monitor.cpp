// `cevns reactor-monitor`: Asimov fit of thermal power and fission fractions from the CEvNS recoil
// spectrum of a Ge detector, and the significance of a 239Pu removal (analysis/reactor_monitoring.hpp).
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <limits>
#include <memory>

#include "cevns/analysis/reactor_monitoring.hpp"
#include "cevns/core/error.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "command.hpp"
#include "output.hpp"

namespace cevns::cli {
namespace {

struct MonitorOptions {
  ReactorMonitorSetup setup;
  double delta_pu239 = 0.1;
  bool free_power = false;
  bool json = false;
};

void run_reactor_monitor(const MonitorOptions& opt) {
  auto setup = opt.setup;
  if (opt.free_power) setup.power_uncertainty = std::numeric_limits<double>::infinity();
  const ReactorMonitor monitor(setup, io::default_reactor_model(),
                               Material::from_name(io::default_nuclear_database(), "Ge"));
  const auto declared = monitor.declared();
  if (!(opt.delta_pu239 >= 0.0 && opt.delta_pu239 <= declared.fractions[2]))
    throw InputError(fmt::format("--delta-pu239 must lie in [0, {}] (the declared 239Pu fission fraction), got {}",
                                 declared.fractions[2], opt.delta_pu239));
  const auto fit = monitor.fit(monitor.expected(declared));
  const auto removal = monitor.pu_removal(opt.delta_pu239);
  const std::array<const char*, 4> names{"U235", "U238", "Pu239", "Pu241"};
  const auto& s = setup;
  if (opt.json) {
    nlohmann::json fractions = nlohmann::json::object();
    for (std::size_t i = 0; i < 4; ++i) fractions[names[i]] = declared.fractions[i];
    auto width = [](double w) { return std::isfinite(w) ? nlohmann::json(w) : nlohmann::json("free"); };
    print_json(
        {{"setup",
          {{"power_MW", s.power_MW},
           {"distance_m", s.distance_m},
           {"mass_kg", s.mass_kg},
           {"exposure_days", s.exposure_days},
           {"threshold_eV", s.threshold_eV},
           {"max_recoil_eV", s.max_recoil_eV},
           {"recoil_bins", s.recoil_bins},
           {"background_ckkd", s.background_ckkd},
           {"fission_fractions", fractions},
           {"captures_per_fission", s.captures_per_fission},
           {"power_prior_relative", width(s.power_uncertainty)},
           {"f238_prior", width(s.f238_uncertainty)},
           {"f241_prior", width(s.f241_uncertainty)},
           {"background_prior_relative", width(s.background_uncertainty)}}},
         {"signal_counts", removal.signal_counts_declared},
         {"background_counts", removal.background_counts},
         {"asimov_fit",
          {{"power_MW", fit.best.power_scale * s.power_MW},
           {"power_error_MW", fit.errors[MonitorIndex::power] * s.power_MW},
           {"f239", fit.best.fractions[2]},
           {"f239_error", fit.errors[MonitorIndex::f239]},
           {"f235", fit.best.fractions[0]},
           {"f238", fit.best.fractions[1]},
           {"f241", fit.best.fractions[3]},
           {"covariance_ok", fit.covariance_ok}}},
         {"pu_removal",
          {{"delta_f239", removal.delta_f239},
           {"signal_counts_actual", removal.signal_counts_actual},
           {"delta_chi2", removal.delta_chi2},
           {"significance_sigma", removal.significance}}},
         {"cevns", run_metadata({"P. Huber, PRC 84, 024617 (2011)", "Th.A. Mueller et al., PRC 83, 054615 (2011)",
                                 "X.B. Ma et al., PRC 88, 014605 (2013)",
                                 "F.P. An et al. (Daya Bay), PRL 116, 061801 (2016)",
                                 "S. Baker, R.D. Cousins, NIM 221, 437 (1984)"})}});
    return;
  }
  std::cout << fmt::format("Reactor monitoring: {} kg Ge at {} m from a {} MW core, {} live days, threshold {} eVnr\n",
                           s.mass_kg, s.distance_m, s.power_MW, s.exposure_days, s.threshold_eV);
  std::cout << fmt::format("  CEvNS counts {:.1f}, background {:.1f}\n", removal.signal_counts_declared,
                           removal.background_counts);
  std::cout << fmt::format("  Asimov fit: power {:.1f} +- {:.1f} MW, f239 {:.4f} +- {:.4f}\n",
                           fit.best.power_scale * s.power_MW, fit.errors[MonitorIndex::power] * s.power_MW,
                           fit.best.fractions[2], fit.errors[MonitorIndex::f239]);
  std::cout << fmt::format("  239Pu removal of {} in fission fraction: Delta chi^2 = {:.3f} ({:.2f} sigma)\n",
                           removal.delta_f239, removal.delta_chi2, removal.significance);
}

}  // namespace

void add_reactor_monitor_command(CLI::App& app) {
  auto opt = std::make_shared<MonitorOptions>();
  auto* cmd = app.add_subcommand("reactor-monitor",
                                 "fit reactor power and fission fractions from a Ge CEvNS spectrum; 239Pu removal");
  auto& s = opt->setup;
  cmd->add_option("--power-MW", s.power_MW, "thermal power in MW")->capture_default_str();
  cmd->add_option("--distance-m", s.distance_m, "core-detector distance in m")->capture_default_str();
  cmd->add_option("--mass-kg", s.mass_kg, "Ge detector mass in kg")->capture_default_str();
  cmd->add_option("--threshold-eV", s.threshold_eV, "nuclear-recoil threshold in eV")->capture_default_str();
  cmd->add_option("--background-ckkd", s.background_ckkd, "flat background, counts/(keVnr kg day)")
      ->capture_default_str();
  cmd->add_option("--exposure-days", s.exposure_days, "live time in days")->capture_default_str();
  cmd->add_option("--delta-pu239", opt->delta_pu239,
                  "239Pu fission fraction removed (moved to 235U at the same power)")
      ->capture_default_str();
  cmd->add_option("--power-prior", s.power_uncertainty, "relative prior width on the thermal power")
      ->capture_default_str();
  cmd->add_flag("--free-power", opt->free_power, "no prior on the thermal power");
  cmd->add_flag("--json", opt->json, "print one JSON object");
  cmd->callback([opt] { run_reactor_monitor(*opt); });
}

}  // namespace cevns::cli
