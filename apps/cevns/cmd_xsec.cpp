// `cevns xsec`: CEvNS cross section on an isotope or a material at one neutrino energy.
#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <memory>
#include <optional>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_catalog.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "command.hpp"
#include "output.hpp"
#include "physics_options.hpp"

namespace cevns::cli {
namespace {

// Q_W at q = 0, or null where a millicharge or massless mediator makes it infinite.
nlohmann::json weak_charge_at_zero(const CevnsCrossSection& iso, Neutrino nu, const CevnsSettings& settings) {
  const auto& m = settings.bsm;
  if (m.has_millicharge() || (m.has_zprime() && m.zprime.mass == 0.0)) return nullptr;
  return iso.weak_charge(nu, 0.0);
}

// The BSM options as given (null for the Standard Model).
nlohmann::json bsm_json(const PhysicsOptions& p) {
  nlohmann::json j = nlohmann::json::object();
  if (p.nsi) j["nsi"] = *p.nsi;
  if (p.tensor) j["tensor"] = *p.tensor;
  if (p.zprime) j["zprime"] = *p.zprime;
  if (p.scalar) j["scalar"] = *p.scalar;
  if (p.magnetic_moment_bohr) j["magnetic_moment_bohr"] = *p.magnetic_moment_bohr;
  if (p.millicharge_e) j["millicharge_e"] = *p.millicharge_e;
  if (p.charge_radius_cm2) j["charge_radius_cm2"] = *p.charge_radius_cm2;
  if (p.min_recoil_keV) j["min_recoil_keV"] = *p.min_recoil_keV;
  if (p.running_sin2w) j["running_sin2w"] = true;
  if (j.empty()) return nullptr;
  return j;
}

struct XsecOptions {
  std::string target;
  double enu_MeV = 0.0;
  std::optional<double> recoil_keV;
  std::string flavour = "nue";
  bool json = false;
  std::optional<std::string> average_over;
  PhysicsOptions physics;
};

// Flux-averaged cross section <sigma> = sum_nu int Phi_nu sigma_nu dE / sum_nu int Phi_nu dE over the
// species of a source (normalisation cancels: unit distance/power/activity are used).
void run_average(const XsecOptions& opt) {
  io::SourceOptions so;
  so.power_GW = {1.0};
  so.distance_m = {1.0};
  so.activity_MCi = 1.0;
  const NeutrinoSource src = io::make_source(*opt.average_over, so);
  const CevnsSettings settings = opt.physics.settings();
  const MaterialCrossSection xs(Material::from_name(io::default_nuclear_database(), opt.target), settings);
  const double flux = src.total();
  if (!(flux > 0.0)) throw InputError("source '" + *opt.average_over + "' has no flux");
  nlohmann::json per_isotope = nlohmann::json::array();
  double per_molecule = 0.0;
  for (std::size_t i = 0; i < xs.isotopes().size(); ++i) {
    const auto& iso = xs.isotopes()[i];
    double folded = 0.0;
    for (const auto nu : src.species())
      folded += src.spectrum(nu)->integrate([&](double E) { return iso.total(nu, E); });
    const double avg = folded / flux;
    per_molecule += xs.weight(i) * avg;
    per_isotope.push_back({{"isotope", iso.nuclide().name()},
                           {"atoms_per_molecule", xs.weight(i)},
                           {"flux_averaged_cm2", avg / units::cm2}});
  }
  const double per_nucleus = per_molecule / xs.nuclei_per_formula_unit();
  if (opt.json) {
    auto refs = src.references;
    refs.push_back("D.Z. Freedman, PRD 9, 1389 (1974)");
    print_json({{"target", xs.material().name()},
                {"average_over", src.name},
                {"form_factor", opt.physics.form_factor},
                {"couplings", opt.physics.couplings},
                {"sin2w", settings.sin2_theta_w},
                {"bsm", bsm_json(opt.physics)},
                {"flux_averaged_cm2", per_nucleus / units::cm2},
                {"flux_averaged_per_molecule_cm2", per_molecule / units::cm2},
                {"per", "nucleus (averaged over the material's nuclei)"},
                {"isotopes", per_isotope},
                {"cevns", run_metadata(refs)}});
    return;
  }
  std::cout << fmt::format("CEvNS on {} averaged over the {} flux\n", xs.material().name(), src.name);
  std::cout << fmt::format("  flux-averaged cross section  {:.6e} cm^2 per nucleus\n", per_nucleus / units::cm2);
  for (const auto& row : per_isotope)
    std::cout << fmt::format("    {:<8} {:.6e} cm^2\n", row["isotope"].get<std::string>(),
                             row["flux_averaged_cm2"].get<double>());
}

void run_xsec(const XsecOptions& opt) {
  if (opt.average_over) return run_average(opt);
  if (opt.enu_MeV == 0.0) throw InputError("--enu is required (or --average-over SOURCE)");
  if (!(opt.enu_MeV > 0.0) || !std::isfinite(opt.enu_MeV))
    throw InputError("--enu must be a positive energy in MeV, got " + std::to_string(opt.enu_MeV));
  if (opt.recoil_keV && !(*opt.recoil_keV >= 0.0 && std::isfinite(*opt.recoil_keV)))
    throw InputError("--recoil must be a non-negative energy in keV, got " + std::to_string(*opt.recoil_keV));
  const Neutrino nu = parse_neutrino(opt.flavour);
  const CevnsSettings settings = opt.physics.settings();
  const MaterialCrossSection xs(Material::from_name(io::default_nuclear_database(), opt.target), settings);
  const double E = opt.enu_MeV * units::MeV;

  double largest_tmax = 0.0;
  for (const auto& iso : xs.isotopes()) largest_tmax = std::max(largest_tmax, iso.max_recoil(E));
  if (opt.recoil_keV && *opt.recoil_keV * units::keV > largest_tmax)
    throw InputError(fmt::format("--recoil {} keV is beyond the largest recoil T_max = {:.6g} keV of {} at "
                                 "E = {} MeV",
                                 *opt.recoil_keV, largest_tmax / units::keV, opt.target, opt.enu_MeV));

  nlohmann::json per_isotope = nlohmann::json::array();
  double total = 0.0, first_moment = 0.0, differential = 0.0;
  for (std::size_t i = 0; i < xs.isotopes().size(); ++i) {
    const auto& iso = xs.isotopes()[i];
    const double sigma = iso.total(nu, E);
    const double mean_T = iso.mean_recoil(nu, E);
    total += xs.weight(i) * sigma;
    first_moment += xs.weight(i) * sigma * mean_T;
    nlohmann::json row = {{"isotope", iso.nuclide().name()},
                          {"atoms_per_molecule", xs.weight(i)},
                          {"total_cm2", sigma / units::cm2},
                          {"tmax_keV", iso.max_recoil(E) / units::keV},
                          {"mean_recoil_keV", mean_T / units::keV},
                          {"weak_charge_q0", weak_charge_at_zero(iso, nu, settings)}};
    if (opt.recoil_keV) {
      const double d = iso.differential(nu, E, *opt.recoil_keV * units::keV);
      differential += xs.weight(i) * d;
      row["dsigma_dT_cm2_per_keV"] = d / (units::cm2 / units::keV);
    }
    per_isotope.push_back(row);
  }
  const double mean_recoil = total > 0.0 ? first_moment / total : 0.0;

  if (opt.json) {
    nlohmann::json out = {{"target", xs.material().name()},
                          {"enu_MeV", opt.enu_MeV},
                          {"neutrino", to_string(nu)},
                          {"form_factor", opt.physics.form_factor},
                          {"couplings", opt.physics.couplings},
                          {"sin2w", settings.sin2_theta_w},
                          {"bsm", bsm_json(opt.physics)},
                          {"total_cm2", total / units::cm2},
                          {"tmax_keV", largest_tmax / units::keV},
                          {"mean_recoil_keV", mean_recoil / units::keV},
                          {"per", xs.isotopes().size() == 1 ? "nucleus" : "molecule"},
                          {"isotopes", per_isotope},
                          {"cevns", run_metadata({"D.Z. Freedman, PRD 9, 1389 (1974)",
                                                  "J. Erler, S. Su, Prog. Part. Nucl. Phys. 71, 119 (2013)",
                                                  "J.D. Lewin, P.F. Smith, Astropart. Phys. 6, 87 (1996)"})}};
    if (opt.recoil_keV) {
      out["recoil_keV"] = *opt.recoil_keV;
      out["dsigma_dT_cm2_per_keV"] = differential / (units::cm2 / units::keV);
    }
    print_json(out);
    return;
  }
  std::cout << fmt::format("CEvNS {} on {} at E = {} MeV ({} form factor, {} couplings)\n", to_string(nu),
                           xs.material().name(), opt.enu_MeV, opt.physics.form_factor, opt.physics.couplings);
  std::cout << fmt::format("  total cross section   {:.6e} cm^2 per {}\n", total / units::cm2,
                           xs.isotopes().size() == 1 ? "nucleus" : "molecule");
  std::cout << fmt::format("  T_max                 {:.6g} keV\n", largest_tmax / units::keV);
  std::cout << fmt::format("  mean recoil <T>       {:.6g} keV\n", mean_recoil / units::keV);
  if (opt.recoil_keV)
    std::cout << fmt::format("  dsigma/dT at {} keV  {:.6e} cm^2/keV\n", *opt.recoil_keV,
                             differential / (units::cm2 / units::keV));
}

}  // namespace

void add_xsec_command(CLI::App& app) {
  auto opt = std::make_shared<XsecOptions>();
  auto* cmd = app.add_subcommand("xsec", "CEvNS cross section at one neutrino energy");
  cmd->add_option("--target", opt->target, "isotope (Ar40), element (Xe) or formula (CsI)")->required();
  auto* enu = cmd->add_option("--enu", opt->enu_MeV, "neutrino energy in MeV");
  auto* average = cmd->add_option("--average-over", opt->average_over,
                                  "flux-average over a source's spectra (see cevns flux --list)");
  enu->excludes(average);
  cmd->add_option("--recoil", opt->recoil_keV, "nuclear recoil energy in keV: also print dsigma/dT");
  cmd->add_option("--flavour,--flavor", opt->flavour, "nue, nuebar, numu, numubar, nutau, nutaubar")
      ->capture_default_str();
  cmd->add_flag("--json", opt->json, "print one JSON object");
  opt->physics.add_to(*cmd);
  cmd->callback([opt] { run_xsec(*opt); });
}

}  // namespace cevns::cli
