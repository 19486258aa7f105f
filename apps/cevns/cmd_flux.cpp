// `cevns flux`: the neutrino flux (or fluence) of a named source, per species, with lines and the
// continuum on a grid; `--list` names every source.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>
#include <optional>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/source_catalog.hpp"
#include "command.hpp"
#include "output.hpp"

namespace cevns::cli {
namespace {

struct FluxOptions {
  std::string source;
  bool list = false;
  int grid = 50;
  bool json = false;
  io::SourceOptions source_options;
};

void run_list(const FluxOptions& opt) {
  const auto catalog = io::source_catalog();
  if (opt.json) {
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& e : catalog) rows.push_back({{"name", e.name}, {"description", e.description}});
    print_json({{"sources", rows}, {"cevns", run_metadata({})}});
    return;
  }
  for (const auto& e : catalog) std::cout << fmt::format("{:<14} {}\n", e.name, e.description);
}

void run_flux(const FluxOptions& opt) {
  if (opt.list) return run_list(opt);
  if (opt.source.empty()) throw InputError("give --source NAME (or --list)");
  if (opt.grid < 0 || opt.grid > 100000) throw InputError("--grid must be between 0 and 100000 points");
  io::reject_unused_source_options(opt.source, opt.source_options);
  const NeutrinoSource src = io::make_source(opt.source, opt.source_options);
  const double unit = normalisation_unit(src.normalisation);
  const std::string suffix = normalisation_suffix(src.normalisation);
  nlohmann::json species = nlohmann::json::array();
  for (const auto nu : src.species()) {
    const Spectrum& s = *src.spectrum(nu);
    nlohmann::json lines = nlohmann::json::array();
    for (const auto& l : s.lines()) lines.push_back({{"energy_MeV", l.energy / units::MeV}, {suffix, l.intensity / unit}});
    nlohmann::json row = {{"neutrino", to_string(nu)},
                          {"total_" + suffix, s.total() / unit},
                          {"mean_energy_MeV", s.mean_energy() / units::MeV},
                          {"lines", lines}};
    if (s.has_continuum() && opt.grid > 0) {
      std::vector<double> e, d;
      const double lo = s.min_energy(), hi = s.max_energy();
      for (int i = 0; i < opt.grid; ++i) {
        const double E = opt.grid == 1 ? lo : lo + (hi - lo) * i / (opt.grid - 1);
        e.push_back(E / units::MeV);
        d.push_back(s.density(E) / (unit / units::MeV));
      }
      row["spectrum"] = {{"enu_MeV", e}, {"density_" + suffix + "_MeV", d}};
    }
    species.push_back(row);
  }
  if (opt.json) {
    print_json({{"source", src.name},
                {"normalisation", src.normalisation == Normalisation::flux ? "flux" : "fluence"},
                {"total_" + suffix, src.total() / unit},
                {"species", species},
                {"cevns", run_metadata(src.references)}});
    return;
  }
  std::cout << fmt::format("{}: total {:.6e} /cm^2{}\n", src.name, src.total() / unit,
                           src.normalisation == Normalisation::flux ? "/s" : "");
  for (const auto& row : species) {
    std::cout << fmt::format("  {:<9} {:.6e}  <E> = {:.4g} MeV", row["neutrino"].get<std::string>(),
                             row["total_" + suffix].get<double>(), row["mean_energy_MeV"].get<double>());
    if (!row["lines"].empty()) std::cout << fmt::format("  ({} lines)", row["lines"].size());
    std::cout << '\n';
  }
  std::cout << "references:\n";
  for (const auto& r : src.references) std::cout << "  " << r << '\n';
}

}  // namespace

void add_flux_command(CLI::App& app) {
  auto opt = std::make_shared<FluxOptions>();
  auto& so = opt->source_options;
  auto* cmd = app.add_subcommand("flux", "neutrino flux of a source at the detector (cevns flux --list)");
  cmd->add_option("--source", opt->source, "source name (see --list), or table:PATH");
  cmd->add_flag("--list", opt->list, "list the available sources");
  cmd->add_option("--power-GW", so.power_GW, "reactor thermal power per core (GW)");
  cmd->add_option("--distance-m", so.distance_m, "distance to the source / to each reactor core (m)");
  cmd->add_option("--distance-kpc", so.distance_kpc, "supernova distance (kpc, default 10)");
  cmd->add_option("--beam-power-MW", so.beam_power_MW, "spallation beam power (MW), overrides the preset");
  cmd->add_option("--nu-per-proton", so.nu_per_proton, "DAR neutrinos per flavour per proton");
  cmd->add_option("--nu-per-fission", so.nu_per_fission, "reactor: rescale to this many antineutrinos per fission");
  cmd->add_option("--captures-per-fission", so.captures_per_fission, "reactor: 238U captures per fission (0.6)");
  cmd->add_option("--activity-MCi", so.activity_MCi, "radioactive source activity (MCi)");
  cmd->add_option("--total-energy-erg", so.total_energy_erg, "supernova total neutrino energy (erg, 3e53)");
  cmd->add_option("--solar-model", so.solar_composition, "GS98 or AGSS09met")->capture_default_str();
  cmd->add_flag("--no-oscillation{false}", so.oscillate, "solar: nu_e at production, no MSW");
  cmd->add_option("--scale", so.table_scale, "table:PATH: multiply the table by this factor");
  cmd->add_option("--grid", opt->grid, "points of the printed continuum grid")->capture_default_str();
  cmd->add_flag("--json", opt->json, "print one JSON object");
  cmd->callback([opt] { run_flux(*opt); });
}

}  // namespace cevns::cli
