// `cevns coherency`: flux-averaged coherency <alpha> = <sigma(F)> / <sigma(F = 1)> for the
// sources of the Maneschg 2018 review's table, set beside the published values (Kerman et al. 2016).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/coherency_table_reader.hpp"
#include "cevns/io/data_path.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_catalog.hpp"
#include "cevns/physics/coherency.hpp"
#include "command.hpp"
#include "output.hpp"
#include "physics_options.hpp"

namespace cevns::cli {
namespace {

struct CoherencyOptions {
  std::vector<std::string> targets{"Ar", "Ge", "Xe"};
  bool json = false;
  PhysicsOptions physics;
};

// The spectrum shape of one row; normalisations cancel in <alpha>.
Spectrum row_spectrum(const std::string& source, Neutrino nu) {
  io::SourceOptions options;
  options.power_GW = {1.0};
  options.distance_m = {20.0};
  options.oscillate = false;  // the table's 8B row is the nu_e spectrum as produced
  const NeutrinoSource s = io::make_source(source, options);
  const Spectrum* spectrum = s.spectrum(nu);
  if (!spectrum) throw DataError("source " + source + " has no " + to_string(nu) + " spectrum");
  return *spectrum;
}

void run_coherency(const CoherencyOptions& opt) {
  const auto published = io::read_coherency_table(io::data_file("coherency/kerman2016_coherency.csv"));
  const auto settings = opt.physics.settings();
  std::vector<MaterialCrossSection> targets;
  for (const auto& t : opt.targets)
    targets.emplace_back(Material::from_name(io::default_nuclear_database(), t), settings);

  nlohmann::json rows = nlohmann::json::array();
  if (!opt.json) {
    std::cout << "flux-averaged coherency <alpha> = <sigma(F)>/<sigma(F=1)>  (" << opt.physics.form_factor
              << " form factor)\nrate: <sigma_F>/<sigma_1> weighted by the rate; flux: <sigma_F(E)/sigma_1(E)> weighted by the\nflux; (pub): Kerman et al. 2016\n\n";
    std::cout << fmt::format("{:<10} {:<8}", "source", "nu");
    for (const auto& t : opt.targets) std::cout << fmt::format(" {:>20}", t + ": rate flux (pub)");
    std::cout << '\n';
  }
  for (const auto& row : published) {
    const Neutrino nu = parse_neutrino(row.neutrino);
    const Spectrum spectrum = row_spectrum(row.source, nu);
    nlohmann::json values;
    std::string text = fmt::format("{:<10} {:<8}", row.source, row.neutrino);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const double alpha = flux_averaged_coherency(targets[i], nu, spectrum);
      const double alpha_flux = flux_weighted_coherency(targets[i], nu, spectrum);
      nlohmann::json v = {{"cevns", alpha}, {"cevns_flux_weighted", alpha_flux}};
      std::string pub = "   ";
      for (const auto& [element, value] : row.values)
        if (element == opt.targets[i]) {
          v["published"] = value;
          pub = fmt::format("{:.2f}", value);
        }
      values[opt.targets[i]] = v;
      text += fmt::format(" {:>6.3f} {:>6.3f} ({:>4})", alpha, alpha_flux, pub);
    }
    rows.push_back({{"source", row.source}, {"neutrino", row.neutrino},
                    {"mean_energy_MeV", spectrum.mean_energy() / units::MeV}, {"alpha", values}});
    if (!opt.json) std::cout << text << '\n';
  }
  if (opt.json)
    print_json({{"definition", "flux-averaged sigma with form factor / sigma of a point nucleus"},
                {"form_factor", opt.physics.form_factor},
                {"rows", rows},
                {"cevns", run_metadata({"S. Kerman et al., PRD 93, 113006 (2016) (published values)"})}});
}

}  // namespace

void add_coherency_command(CLI::App& app) {
  auto opt = std::make_shared<CoherencyOptions>();
  auto* cmd = app.add_subcommand("coherency", "flux-averaged coherency <alpha> beside the published table (Kerman et al., PRD 93, 113006 (2016))");
  cmd->add_option("--target", opt->targets, "targets (default Ar Ge Xe)");
  cmd->add_flag("--json", opt->json, "print one JSON object");
  opt->physics.add_to(*cmd);
  cmd->callback([opt] { run_coherency(*opt); });
}

}  // namespace cevns::cli
