// `cevns rate`: expected CEvNS and background counts of one experiment (catalog id or YAML file),
// binned in recoil, observable and (pi-DAR) time.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <sstream>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/io/text_output.hpp"
#include "cevns/rates/prediction.hpp"
#include "command.hpp"
#include "output.hpp"
#include "physics_options.hpp"

namespace cevns::cli {
namespace {

struct RateOptions {
  std::string experiment;
  bool json = false;
  std::string csv_dir;
  PhysicsOptions physics;
};

void write_csv(const std::filesystem::path& dir, const Experiment& x, const Prediction& p, const PredictionResult& r) {
  io::create_output_directory(dir);
  const std::string unit = to_string(x.response.observable);
  {
    std::ostringstream f;
    f << "bin_low_" << unit << ",bin_high_" << unit << ",signal_counts,background_counts,total_counts\n";
    for (std::size_t k = 0; k < r.energy_bins; ++k) {
      double s = 0, b = 0, t = 0;
      for (std::size_t j = 0; j < r.time_bins; ++j) {
        const auto n = k * r.time_bins + j;
        s += r.signal[n];
        t += r.total[n];
      }
      b = t - s;
      f << fmt::format("{},{},{:.8g},{:.8g},{:.8g}\n", x.response.bin_edges[k], x.response.bin_edges[k + 1], s, b, t);
    }
    io::write_text_file(dir / "observable.csv", f.str());
  }
  {
    // One detector: recoil, density. Several: each detector's own recoil nodes, led by its name.
    std::ostringstream f;
    const bool several = !x.modules.empty();
    f << (several ? "detector," : "") << "recoil_keVnr,signal_counts_per_keVnr\n";
    for (std::size_t m = 0; m < p.modules(); ++m) {
      const auto d = p.recoil_spectrum(m);
      for (std::size_t j = 0; j < d.recoil.size(); ++j)
        f << (several ? p.module_name(m) + "," : "")
          << fmt::format("{:.8g},{:.8g}\n", d.recoil[j] / units::keV, d.density[j] * units::keV);
    }
    io::write_text_file(dir / "recoil.csv", f.str());
  }
  if (r.time_bins > 1) {
    std::ostringstream f;
    f << "bin_low_" << unit << ",time_low_us,signal_counts,background_counts,total_counts\n";
    for (std::size_t k = 0; k < r.energy_bins; ++k)
      for (std::size_t j = 0; j < r.time_bins; ++j) {
        const auto n = k * r.time_bins + j;
        f << fmt::format("{},{},{:.8g},{:.8g},{:.8g}\n", x.response.bin_edges[k], x.time_edges[j] / units::us,
                         r.signal[n], r.total[n] - r.signal[n], r.total[n]);
      }
    io::write_text_file(dir / "observable_time.csv", f.str());
  }
}

void run_rate(const RateOptions& opt) {
  const CevnsSettings settings = opt.physics.settings();
  const Experiment x = io::load_experiment(opt.experiment);
  const Prediction p(x, settings);
  const PredictionResult r = p.evaluate();
  if (!opt.csv_dir.empty()) write_csv(opt.csv_dir, x, p, r);
  nlohmann::json isotopes = nlohmann::json::object();
  for (std::size_t i = 0; i < r.isotope_counts.size(); ++i) isotopes[p.isotope_names()[i]] = r.isotope_counts[i];
  nlohmann::json flavours = nlohmann::json::object();
  for (std::size_t s = 0; s < r.species_counts.size(); ++s) flavours[to_string(p.species()[s])] = r.species_counts[s];
  nlohmann::json backgrounds = nlohmann::json::object();
  for (std::size_t b = 0; b < x.backgrounds.size(); ++b) backgrounds[x.backgrounds[b].name] = r.background_component_counts[b];
  std::vector<double> sig_e(r.energy_bins, 0.0), tot_e(r.energy_bins, 0.0), sig_t(r.time_bins, 0.0), tot_t(r.time_bins, 0.0);
  for (std::size_t k = 0; k < r.energy_bins; ++k)
    for (std::size_t j = 0; j < r.time_bins; ++j) {
      const auto n = k * r.time_bins + j;
      sig_e[k] += r.signal[n];
      tot_e[k] += r.total[n];
      sig_t[j] += r.signal[n];
      tot_t[j] += r.total[n];
    }
  const std::string unit = to_string(x.response.observable);
  if (opt.json) {
    nlohmann::json doc = {{"experiment", x.id},
                          {"name", x.name},
                          {"target", x.target_name()},
                          {"mass_kg", x.mass_kg},
                          {"signal_counts", r.signal_counts},
                          {"background_counts", r.background_counts},
                          {"total_counts", r.signal_counts + r.background_counts},
                          {"recoil_counts_before_response", p.recoil_counts()},
                          {"isotope_signal_counts", isotopes},
                          {"flavour_signal_counts", flavours},
                          {"background_component_counts", backgrounds},
                          {"observable",
                           {{"quantity", unit},
                            {"bin_edges_" + unit, x.response.bin_edges},
                            {"signal_counts", sig_e},
                            {"total_counts", tot_e}}}};
    const auto recoil = [&](std::size_t m) {
      std::vector<double> t_keV, d_keV;
      const auto d = p.recoil_spectrum(m);
      for (std::size_t j = 0; j < d.recoil.size(); ++j) {
        t_keV.push_back(d.recoil[j] / units::keV);
        d_keV.push_back(d.density[j] * units::keV);
      }
      return nlohmann::json{{"recoil_keVnr", t_keV}, {"signal_counts_per_keVnr", d_keV}};
    };
    if (x.modules.empty()) doc["recoil"] = recoil(0);
    // Several detectors: each with its own target, mass, counts and recoil spectrum (own nodes).
    for (std::size_t m = 0; m < x.modules.size(); ++m)
      doc["detectors"].push_back({{"name", x.modules[m].name},
                                  {"target", x.modules[m].material.name()},
                                  {"mass_kg", x.modules[m].mass_kg},
                                  {"signal_counts", r.module_counts[m]},
                                  {"recoil", recoil(m)}});
    if (r.time_bins > 1) {
      std::vector<double> e_us;
      for (const double t : x.time_edges) e_us.push_back(t / units::us);
      doc["time"] = {{"bin_edges_us", e_us}, {"signal_counts", sig_t}, {"total_counts", tot_t}};
    }
    if (x.published_prediction) doc["published_prediction_counts"] = x.published_prediction->value;
    if (x.measured) doc["measured_counts"] = x.measured->value;
    doc["cevns"] = run_metadata(x.references);
    print_json(doc);
    return;
  }
  std::cout << fmt::format("{} ({}; {} {:.4g} kg)\n", x.id, x.name, x.target_name(), x.mass_kg);
  std::cout << fmt::format("  signal_counts      {:.6g}\n  background_counts  {:.6g}\n", r.signal_counts,
                           r.background_counts);
  for (std::size_t m = 0; m < x.modules.size(); ++m)
    std::cout << fmt::format("  detector {:<10} {:.6g}  ({} {:.4g} kg)\n", x.modules[m].name, r.module_counts[m],
                             x.modules[m].material.name(), x.modules[m].mass_kg);
  for (const auto& [k, v] : isotopes.items()) std::cout << fmt::format("  isotope {:<10} {:.6g}\n", k, v.get<double>());
  for (const auto& [k, v] : flavours.items()) std::cout << fmt::format("  flavour {:<10} {:.6g}\n", k, v.get<double>());
  for (const auto& [k, v] : backgrounds.items())
    std::cout << fmt::format("  background {:<10} {:.6g}\n", k, v.get<double>());
  if (x.published_prediction)
    std::cout << fmt::format("  published prediction {:.6g} (ratio ours/published {:.3f})\n", x.published_prediction->value,
                             r.signal_counts / x.published_prediction->value);
  std::cout << fmt::format("  {:>10} {:>10} {:>12} {:>12}\n", "low_" + unit, "high_" + unit, "signal", "total");
  for (std::size_t k = 0; k < r.energy_bins; ++k)
    std::cout << fmt::format("  {:>10.4g} {:>10.4g} {:>12.5g} {:>12.5g}\n", x.response.bin_edges[k],
                             x.response.bin_edges[k + 1], sig_e[k], tot_e[k]);
}

}  // namespace

void add_rate_command(CLI::App& app) {
  auto opt = std::make_shared<RateOptions>();
  auto* cmd = app.add_subcommand("rate", "expected CEvNS and background counts of an experiment");
  cmd->add_option("--experiment", opt->experiment, "catalog id (cevns experiments) or path to a YAML file")->required();
  cmd->add_flag("--json", opt->json, "print one JSON object");
  cmd->add_option("--csv", opt->csv_dir, "write observable.csv, recoil.csv (and observable_time.csv) into DIR");
  opt->physics.add_to(*cmd);
  cmd->callback([opt] { run_rate(*opt); });
}

}  // namespace cevns::cli
