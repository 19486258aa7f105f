// `cevns compare`: CEvNS beside the channels talks compare it with, inverse beta decay on free
// protons and neutrino-electron elastic scattering, per target particle and per kg of a material.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/channel_comparison.hpp"
#include "cevns/physics/electron_scattering.hpp"
#include "cevns/physics/ibd_cross_section.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "command.hpp"
#include "output.hpp"
#include "physics_options.hpp"

namespace cevns::cli {
namespace {

struct CompareOptions {
  std::string target;
  std::vector<double> enu_MeV;
  std::string flavour = "nuebar";
  std::string ibd_model = "strumia-vissani";
  bool json = false;
  PhysicsOptions physics;
};

void run_compare(const CompareOptions& opt) {
  for (double e : opt.enu_MeV)
    if (!(e > 0.0) || !std::isfinite(e))
      throw InputError("--enu must be positive energies in MeV, got " + std::to_string(e));
  const Neutrino nu = parse_neutrino(opt.flavour);
  const CevnsSettings settings = opt.physics.settings();
  const ChannelComparison channels(Material::from_name(io::default_nuclear_database(), opt.target), nu, settings,
                                   parse_ibd_model(opt.ibd_model));
  const Material& material = channels.material();
  const IbdCrossSection& ibd = channels.ibd();
  const double molecules_per_kg = channels.molecules_per_kg();
  const double protons_per_kg = channels.free_protons_per_kg();
  const double electrons_per_kg = channels.electrons_per_kg();
  const std::vector<std::string>& notes = channels.notes();

  constexpr double cm2 = units::cm2;
  nlohmann::json rows = nlohmann::json::array();
  for (double e : opt.enu_MeV) {
    const auto r = channels.at(e * units::MeV);
    rows.push_back({{"enu_MeV", e},
                    {"cevns_cm2_per_molecule", r.cevns_per_molecule / cm2},
                    {"cevns_cm2_per_kg", r.cevns_per_kg / cm2},
                    {"ibd_cm2_per_proton", r.ibd_per_proton / cm2},
                    {"ibd_cm2_per_kg", r.ibd_per_kg / cm2},
                    {"electron_cm2_per_electron", r.electron_per_electron / cm2},
                    {"electron_cm2_per_kg", r.electron_per_kg / cm2}});
  }

  if (opt.json) {
    print_json({{"target", material.name()},
                {"neutrino", to_string(nu)},
                {"form_factor", opt.physics.form_factor},
                {"couplings", opt.physics.couplings},
                {"sin2w", settings.sin2_theta_w},
                {"ibd_model", to_string(ibd.model())},
                {"ibd_threshold_MeV", ibd.threshold() / units::MeV},
                {"molecules_per_kg", molecules_per_kg},
                {"free_protons_per_kg", protons_per_kg},
                {"electrons_per_kg", electrons_per_kg},
                {"energies", rows},
                {"notes", notes},
                {"cevns", run_metadata({"D.Z. Freedman, PRD 9, 1389 (1974)",
                                        "A. Strumia, F. Vissani, PLB 564, 42 (2003)",
                                        "P. Vogel, J.F. Beacom, PRD 60, 053003 (1999)",
                                        "G. 't Hooft, PLB 37, 195 (1971)",
                                        "P. Vogel, J. Engel, PRD 39, 3378 (1989)"})}});
    return;
  }
  std::cout << fmt::format("{} on {}: CEvNS, inverse beta decay ({}), nu-e elastic scattering\n",
                           to_string(nu), material.name(), to_string(ibd.model()));
  std::cout << fmt::format("  IBD threshold {:.5f} MeV; per kg: {:.6e} molecules, {:.6e} free protons, "
                           "{:.6e} electrons\n",
                           ibd.threshold() / units::MeV, molecules_per_kg, protons_per_kg, electrons_per_kg);
  std::cout << fmt::format("{:>10} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14}\n", "E [MeV]",
                           "CEvNS/molec.", "CEvNS/kg", "IBD/proton", "IBD/kg", "nu-e/electron",
                           "nu-e/kg");
  for (const auto& r : rows)
    std::cout << fmt::format("{:>10.4g} {:>14.4e} {:>14.4e} {:>14.4e} {:>14.4e} {:>14.4e} {:>14.4e}\n",
                             r["enu_MeV"].get<double>(), r["cevns_cm2_per_molecule"].get<double>(),
                             r["cevns_cm2_per_kg"].get<double>(), r["ibd_cm2_per_proton"].get<double>(),
                             r["ibd_cm2_per_kg"].get<double>(), r["electron_cm2_per_electron"].get<double>(),
                             r["electron_cm2_per_kg"].get<double>());
  std::cout << "  (cross sections in cm^2; per kg = summed over the targets in one kg)\n";
  for (const auto& n : notes) std::cout << "  note: " << n << '\n';
}

}  // namespace

void add_compare_command(CLI::App& app) {
  auto opt = std::make_shared<CompareOptions>();
  auto* cmd = app.add_subcommand("compare", "CEvNS beside inverse beta decay and nu-e scattering");
  cmd->add_option("--target", opt->target, "isotope (Ar40), element (Ge) or formula (H2O, CsI)")->required();
  cmd->add_option("--enu", opt->enu_MeV, "neutrino energies in MeV (one or more)")->required();
  cmd->add_option("--flavour,--flavor", opt->flavour, "nue, nuebar, numu, numubar, nutau, nutaubar")
      ->capture_default_str();
  cmd->add_option("--ibd-model", opt->ibd_model, "strumia-vissani or zeroth-order (Vogel-Beacom)")
      ->capture_default_str();
  cmd->add_flag("--json", opt->json, "print one JSON object");
  opt->physics.add_to(*cmd);
  cmd->callback([opt] { run_compare(*opt); });
}

}  // namespace cevns::cli
