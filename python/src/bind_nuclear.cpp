// Bindings of include/cevns/nuclear: targets (isotopes, formulas) and their nuclear data.
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/nuclear/material.hpp"
#include "cevns/physics/coherency.hpp"
#include "cevns/physics/nuclear_shape.hpp"
#include "common.hpp"

namespace cevns::python {

namespace {

// The keys of `cevns target NAME --json`.
py::dict target_dict(const std::string& name, const std::map<std::string, IsotopicComposition>& compositions) {
  const Material material = Material::from_name(io::default_nuclear_database(), name, compositions);
  py::list isotopes;
  for (std::size_t i = 0; i < material.components().size(); ++i) {
    const auto& c = material.components()[i];
    const auto& n = c.nuclide;
    py::dict row;
    row["isotope"] = n.name();
    row["symbol"] = n.symbol;
    row["Z"] = n.Z;
    row["N"] = n.N;
    row["A"] = n.A();
    row["atomic_mass_u"] = n.atomic_mass_u;
    row["nuclear_mass_MeV"] = n.nuclear_mass();
    row["abundance"] = n.abundance;
    row["atoms_per_molecule"] = c.atoms_per_formula_unit;
    row["charge_radius_fm"] = n.charge_radius_fm;
    row["charge_radius_measured"] = n.charge_radius_measured;
    row["point_proton_radius_fm"] = point_proton_rms_radius_fm(n);
    row["coherent_energy_limit_MeV"] = coherent_energy_limit(n.A()) / units::MeV;
    row["nuclei_per_kg"] = material.nuclei_per_kg(i);
    isotopes.append(row);
  }
  py::dict out;
  out["target"] = material.name();
  out["molar_mass_g_per_mol"] = material.formula_mass_u();
  out["molecules_per_kg"] = material.formula_units_per_kg();
  out["isotopes"] = isotopes;
  return out;
}

}  // namespace

void bind_nuclear(py::module_& m) {
  m.def("target", &target_dict, py::arg("name"),
        py::arg("compositions") = std::map<std::string, IsotopicComposition>{},
        "Isotopes of a target (isotope, element or formula) with their nuclear data; the keys of "
        "`cevns target --json`. compositions: {element: {A: fraction}} overrides natural abundances.");
  m.def("isotope_names", [] { return io::default_nuclear_database().isotope_names(); },
        "Every isotope name of the nuclear database.");
  m.def("elements", [] { return io::default_nuclear_database().elements(); },
        "Element symbols of the nuclear database, in order of Z.");
}

}  // namespace cevns::python
