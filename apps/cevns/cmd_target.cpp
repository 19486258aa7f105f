// `cevns target NAME`: the isotopes of a target with their nuclear data and nuclei per kg.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/nuclear/material.hpp"
#include "cevns/physics/nuclear_shape.hpp"
#include "command.hpp"
#include "output.hpp"

namespace cevns::cli {
namespace {

struct TargetOptions {
  std::string name;
  bool json = false;
};

void run_target(const TargetOptions& opt) {
  const auto& db = io::default_nuclear_database();
  const Material material = Material::from_name(db, opt.name);
  nlohmann::json isotopes = nlohmann::json::array();
  for (std::size_t i = 0; i < material.components().size(); ++i) {
    const auto& c = material.components()[i];
    const auto& n = c.nuclide;
    isotopes.push_back({{"isotope", n.name()}, {"Z", n.Z}, {"N", n.N}, {"A", n.A()},
                        {"atomic_mass_u", n.atomic_mass_u}, {"nuclear_mass_MeV", n.nuclear_mass()},
                        {"abundance", n.abundance}, {"atoms_per_molecule", c.atoms_per_formula_unit},
                        {"charge_radius_fm", n.charge_radius_fm},
                        {"charge_radius_measured", n.charge_radius_measured},
                        {"point_proton_radius_fm", point_proton_rms_radius_fm(n)},
                        {"nuclei_per_kg", material.nuclei_per_kg(i)}});
  }
  if (opt.json) {
    print_json({{"target", material.name()},
                {"molar_mass_g_per_mol", material.formula_mass_u()},
                {"molecules_per_kg", material.formula_units_per_kg()},
                {"isotopes", isotopes},
                {"cevns", run_metadata({"AME2020: M. Wang et al., Chin. Phys. C 45, 030003 (2021)",
                                        "IUPAC 2009: M. Berglund, M.E. Wieser, Pure Appl. Chem. 83, 397 (2011)",
                                        "I. Angeli, K.P. Marinova, At. Data Nucl. Data Tables 99, 69 (2013)"})}});
    return;
  }
  std::cout << fmt::format("target {}: {:.4f} g/mol, {:.6e} molecules/kg\n", material.name(),
                           material.formula_mass_u(), material.formula_units_per_kg());
  std::cout << fmt::format("{:>8} {:>4} {:>4} {:>14} {:>10} {:>9} {:>10} {:>13}\n", "isotope", "Z",
                           "N", "mass [u]", "abundance", "atoms/mol", "r_ch [fm]", "nuclei/kg");
  for (std::size_t i = 0; i < material.components().size(); ++i) {
    const auto& c = material.components()[i];
    std::cout << fmt::format("{:>8} {:>4} {:>4} {:>14.8f} {:>10.6f} {:>9.5f} {:>9.4f}{} {:>13.6e}\n",
                             c.nuclide.name(), c.nuclide.Z, c.nuclide.N, c.nuclide.atomic_mass_u,
                             c.nuclide.abundance, c.atoms_per_formula_unit, c.nuclide.charge_radius_fm,
                             c.nuclide.charge_radius_measured ? " " : "*", material.nuclei_per_kg(i));
  }
  std::cout << "(* radius estimated from a neighbouring isotope)\n";
}

}  // namespace

void add_target_command(CLI::App& app) {
  auto opt = std::make_shared<TargetOptions>();
  auto* cmd = app.add_subcommand("target", "isotopes, masses, abundances, radii and nuclei per kg of a target");
  cmd->add_option("name", opt->name, "isotope (Ar40), element (Xe) or formula (CaWO4)")->required();
  cmd->add_flag("--json", opt->json, "print one JSON object");
  cmd->callback([opt] { run_target(*opt); });
}

}  // namespace cevns::cli
