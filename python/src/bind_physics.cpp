// Bindings of include/cevns/physics: form factors, the CEvNS cross section on a material, the
// comparison channels (IBD, nu-e) and coherency. Arrays in, arrays out; the loops run here with
// the GIL released. Results are dicts whose keys name their units, as `cevns ... --json` does.
#include <algorithm>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cevns/core/checks.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/channel_comparison.hpp"
#include "cevns/physics/coherency.hpp"
#include "cevns/physics/cross_section_table.hpp"
#include "cevns/physics/electron_scattering.hpp"
#include "cevns/physics/form_factor.hpp"
#include "cevns/physics/ibd_cross_section.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "cevns/physics/nuclear_shape.hpp"
#include "common.hpp"
#include "cevns/physics/channel_comparison.hpp"

namespace cevns::python {

namespace {

constexpr double cm2 = units::cm2;
constexpr double cm2_per_keV = units::cm2 / units::keV;

Material material_from_name(const std::string& target) {
  return Material::from_name(io::default_nuclear_database(), target);
}

void require_energies(std::span<const double> enu) {
  for (const double e : enu) require_neutrino_energy(e * units::MeV);
}

// ---------------------------------------------------------------- form factors

py::dict form_factor(const std::string& model, double rms_radius_fm, const DoubleArray& q_MeV,
                     double helm_skin_fm, double fermi_diffuseness_fm, double klein_nystrand_range_fm) {
  const auto q = view(q_MeV, "q_MeV");
  require_non_negative(q, "momentum transfer q", "MeV");
  FormFactorSurface surface;
  surface.helm_skin_fm = helm_skin_fm;
  surface.fermi_diffuseness_fm = fermi_diffuseness_fm;
  surface.klein_nystrand_range_fm = klein_nystrand_range_fm;
  const FormFactorModel parsed = parse_form_factor_model(model);
  FormFactor ff;
  if (parsed != FormFactorModel::point) {
    if (!(rms_radius_fm > 0.0) || !std::isfinite(rms_radius_fm))
      throw InputError("rms_radius_fm must be a positive radius in fm, got " + std::to_string(rms_radius_fm));
    ff = FormFactor::from_rms_radius(parsed, rms_radius_fm, surface);
  }
  DoubleArray values = new_array(q.size());
  auto out = writable(values);
  {
    py::gil_scoped_release release;
    for (std::size_t i = 0; i < q.size(); ++i) out[i] = ff(q[i] * units::MeV);
  }
  py::dict d;
  d["F"] = values;
  d["model"] = to_string(ff.model());
  d["rms_radius_fm"] = ff.rms_radius_fm();
  d["size_fm"] = ff.size_fm();
  d["surface_fm"] = ff.surface_fm();
  return d;
}

// Proton and neutron form factors of one isotope with the cross section's nuclear shape.
py::dict isotope_form_factors(const std::string& isotope, const DoubleArray& q_MeV, const PhysicsOptions& physics) {
  const auto q = view(q_MeV, "q_MeV");
  require_non_negative(q, "momentum transfer q", "MeV");
  const auto nuclide = io::default_nuclear_database().find_isotope(isotope);
  if (!nuclide) throw InputError("'" + isotope + "' is not an isotope name (e.g. Ar40, Cs133)");
  const NuclearShape shape = make_nuclear_shape(*nuclide, physics.settings().shape);
  DoubleArray fp = new_array(q.size()), fn = new_array(q.size());
  auto p = writable(fp), n = writable(fn);
  {
    py::gil_scoped_release release;
    for (std::size_t i = 0; i < q.size(); ++i) {
      p[i] = shape.protons(q[i] * units::MeV);
      n[i] = shape.neutrons(q[i] * units::MeV);
    }
  }
  py::dict d;
  d["isotope"] = nuclide->name();
  d["protons"] = fp;
  d["neutrons"] = fn;
  d["proton_model"] = to_string(shape.protons.model());
  d["neutron_model"] = to_string(shape.neutrons.model());
  d["proton_rms_radius_fm"] = shape.protons.rms_radius_fm();
  d["neutron_rms_radius_fm"] = shape.neutrons.rms_radius_fm();
  return d;
}

// ---------------------------------------------------------------- CEvNS

// Total, T_max, <T> over an energy grid and dsigma/dT over the (energy x recoil) grid, per isotope
// and per formula unit, with the keys of `cevns xsec --json`.
py::dict xsec(const std::string& target, const DoubleArray& enu_MeV, const std::optional<DoubleArray>& recoil_keV,
              const std::string& flavour, const PhysicsOptions& physics, bool totals) {
  const auto enu = view(enu_MeV, "enu_MeV");
  require_energies(enu);
  std::span<const double> recoil;
  if (recoil_keV) {
    recoil = view(*recoil_keV, "recoil_keV");
    require_non_negative(recoil, "recoil energy", "keV");
  }
  const Neutrino nu = parse_neutrino(flavour);
  const CevnsSettings settings = physics.settings();
  const MaterialCrossSection xs(material_from_name(target), settings);
  const std::size_t n_iso = xs.isotopes().size(), n_e = enu.size(), n_t = recoil.size();

  struct Columns {
    DoubleArray total, tmax, mean, differential;
  };
  auto make = [&] {
    return Columns{totals ? new_array(n_e) : new_array(0), new_array(n_e), totals ? new_array(n_e) : new_array(0),
                   recoil_keV ? new_array(n_e, n_t) : new_array(0)};
  };
  Columns sum = make();
  std::vector<Columns> per(n_iso);
  for (auto& c : per) c = make();

  // Views are taken while the GIL is held; the loops below touch no Python object.
  auto s_total = writable(sum.total), s_tmax = writable(sum.tmax), s_mean = writable(sum.mean),
       s_diff = writable(sum.differential);
  std::vector<std::span<double>> total_of, tmax_of, mean_of, diff_of;
  for (auto& c : per) {
    total_of.push_back(writable(c.total));
    tmax_of.push_back(writable(c.tmax));
    mean_of.push_back(writable(c.mean));
    diff_of.push_back(writable(c.differential));
  }
  {
    py::gil_scoped_release release;
    std::fill(s_total.begin(), s_total.end(), 0.0);
    std::fill(s_tmax.begin(), s_tmax.end(), 0.0);
    std::fill(s_mean.begin(), s_mean.end(), 0.0);
    std::fill(s_diff.begin(), s_diff.end(), 0.0);
    std::vector<double> energies(n_e), recoil_natural(n_t), sigma(totals ? n_e : 0), mean_T(totals ? n_e : 0);
    for (std::size_t k = 0; k < n_e; ++k) energies[k] = enu[k] * units::MeV;
    for (std::size_t j = 0; j < n_t; ++j) recoil_natural[j] = recoil[j] * units::keV;
    std::vector<double> grid(n_e * n_t);
    for (std::size_t i = 0; i < n_iso; ++i) {
      const auto& iso = xs.isotopes()[i];
      const double w = xs.weight(i);
      auto total = total_of[i], tmax = tmax_of[i], mean = mean_of[i], diff = diff_of[i];
      // sigma and <T> only when asked for (tabulated from 64 energies on: batch_cross_sections).
      if (totals) batch_cross_sections(iso, nu, energies, sigma, mean_T);
      for (std::size_t k = 0; k < n_e; ++k) {
        tmax[k] = iso.max_recoil(energies[k]) / units::keV;
        s_tmax[k] = std::max(s_tmax[k], tmax[k]);
        if (!totals) continue;
        total[k] = sigma[k] / cm2;
        mean[k] = mean_T[k] / units::keV;
        s_total[k] += w * sigma[k] / cm2;
        s_mean[k] += w * sigma[k] * mean_T[k];  // first moment; divided below
      }
      if (n_t > 0) {
        iso.differential_grid(nu, energies, recoil_natural, grid);
        for (std::size_t m = 0; m < grid.size(); ++m) {
          diff[m] = grid[m] / cm2_per_keV;
          s_diff[m] += w * grid[m] / cm2_per_keV;
        }
      }
    }
    if (totals)
      for (std::size_t k = 0; k < n_e; ++k)
        s_mean[k] = s_total[k] > 0.0 ? s_mean[k] / (s_total[k] * cm2) / units::keV : 0.0;
  }

  py::list isotopes;
  for (std::size_t i = 0; i < n_iso; ++i) {
    const auto& iso = xs.isotopes()[i];
    py::dict row;
    row["isotope"] = iso.nuclide().name();
    row["atoms_per_molecule"] = xs.weight(i);
    if (totals) row["total_cm2"] = per[i].total;
    row["tmax_keV"] = per[i].tmax;
    if (totals) row["mean_recoil_keV"] = per[i].mean;
    row["weak_charge_q0"] = iso.weak_charge(nu, 0.0);
    if (recoil_keV) row["dsigma_dT_cm2_per_keV"] = per[i].differential;
    isotopes.append(row);
  }
  py::dict out;
  out["target"] = xs.material().name();
  out["neutrino"] = to_string(nu);
  out["form_factor"] = physics.form_factor;
  out["couplings"] = physics.couplings;
  out["radii"] = physics.radii;
  out["sin2w"] = settings.sin2_theta_w;
  if (totals) out["total_cm2"] = sum.total;
  out["tmax_keV"] = sum.tmax;
  if (totals) out["mean_recoil_keV"] = sum.mean;
  if (recoil_keV) out["dsigma_dT_cm2_per_keV"] = sum.differential;
  out["per"] = n_iso == 1 ? "nucleus" : "molecule";
  out["isotopes"] = isotopes;
  return out;
}

// dsigma/dT per nucleus (one isotope) or per molecule at the pairs (enu_MeV[i], recoil_keV[i]), in
// cm^2/keV: nothing else is computed.
DoubleArray dsigma_dT_pairs(const std::string& target, const DoubleArray& enu_MeV, const DoubleArray& recoil_keV,
                            const std::string& flavour, const PhysicsOptions& physics) {
  const auto enu = view(enu_MeV, "enu_MeV");
  const auto recoil = view(recoil_keV, "recoil_keV");
  require_energies(enu);
  require_non_negative(recoil, "recoil energy", "keV");
  if (enu.size() != recoil.size()) throw InputError("dsigma_dT: enu_MeV and recoil_keV differ in length");
  const Neutrino nu = parse_neutrino(flavour);
  const MaterialCrossSection xs(material_from_name(target), physics.settings());
  DoubleArray out = new_array(enu.size());
  auto o = writable(out);
  {
    py::gil_scoped_release release;
    std::vector<double> e(enu.size()), t(recoil.size()), d(enu.size());
    for (std::size_t i = 0; i < e.size(); ++i) {
      e[i] = enu[i] * units::MeV;
      t[i] = recoil[i] * units::keV;
    }
    std::fill(o.begin(), o.end(), 0.0);
    // Large arrays are split over the hardware threads (each pair costs two form factors).
    const std::size_t n = e.size();
    const std::size_t threads = n < (1u << 14) ? 1 : std::max(1u, std::thread::hardware_concurrency());
    auto work = [&](std::size_t from, std::size_t to) {
      const std::span<const double> es(e.data() + from, to - from), ts(t.data() + from, to - from);
      const std::span<double> ds(d.data() + from, to - from);
      for (std::size_t k = 0; k < xs.isotopes().size(); ++k) {
        xs.isotopes()[k].differential_pairs(nu, es, ts, ds);
        for (std::size_t i = from; i < to; ++i) o[i] += xs.weight(k) * d[i] / cm2_per_keV;
      }
    };
    std::vector<std::thread> pool;
    for (std::size_t p = 1; p < threads; ++p) pool.emplace_back(work, n * p / threads, n * (p + 1) / threads);
    work(0, n / threads);
    for (auto& th : pool) th.join();
  }
  return out;
}

// ---------------------------------------------------------------- comparison channels

py::dict ibd_xsec(const DoubleArray& enu_MeV, const std::string& model, const std::string& flavour) {
  const auto enu = view(enu_MeV, "enu_MeV");
  require_energies(enu);
  const IbdCrossSection ibd(parse_ibd_model(model));
  const Neutrino nu = parse_neutrino(flavour);
  DoubleArray total = new_array(enu.size());
  auto t = writable(total);
  {
    py::gil_scoped_release release;
    for (std::size_t k = 0; k < enu.size(); ++k) t[k] = ibd.total(nu, enu[k] * units::MeV) / cm2;
  }
  py::dict d;
  d["neutrino"] = to_string(nu);
  d["ibd_model"] = to_string(ibd.model());
  d["threshold_MeV"] = ibd.threshold() / units::MeV;
  d["total_cm2"] = total;
  d["per"] = "free proton";
  return d;
}

py::dict electron_xsec(const DoubleArray& enu_MeV, const std::optional<DoubleArray>& recoil_keV,
                       const std::string& flavour, std::optional<double> sin2w, double threshold_keV) {
  const auto enu = view(enu_MeV, "enu_MeV");
  require_energies(enu);
  std::span<const double> recoil;
  if (recoil_keV) {
    recoil = view(*recoil_keV, "recoil_keV");
    require_non_negative(recoil, "electron recoil energy", "keV");
  }
  PhysicsOptions options;  // the same check of sin2w as everywhere
  options.sin2w = sin2w;
  const ElectronScattering es(options.settings().sin2_theta_w);
  const Neutrino nu = parse_neutrino(flavour);
  const std::size_t n_e = enu.size(), n_t = recoil.size();
  DoubleArray total = new_array(n_e), tmax = new_array(n_e);
  DoubleArray diff = recoil_keV ? new_array(n_e, n_t) : new_array(0);
  auto t = writable(total), tm = writable(tmax), d = writable(diff);
  {
    py::gil_scoped_release release;
    for (std::size_t k = 0; k < n_e; ++k) {
      const double E = enu[k] * units::MeV;
      t[k] = es.total(nu, E, threshold_keV * units::keV) / cm2;
      tm[k] = es.max_recoil(E) / units::keV;
      for (std::size_t j = 0; j < n_t; ++j) d[k * n_t + j] = es.differential(nu, E, recoil[j] * units::keV) / cm2_per_keV;
    }
  }
  const auto g = es.couplings(nu);
  py::dict out;
  out["neutrino"] = to_string(nu);
  out["sin2w"] = es.sin2_theta_w();
  out["g_L"] = g.left;
  out["g_R"] = g.right;
  out["threshold_keV"] = threshold_keV;
  out["total_cm2"] = total;
  out["tmax_keV"] = tmax;
  if (recoil_keV) out["dsigma_dT_cm2_per_keV"] = diff;
  out["per"] = "electron";
  return out;
}

// CEvNS beside IBD and nu-e scattering per target particle and per kg: `cevns compare --json`, with
// one array per column instead of one row per energy.
py::dict compare(const std::string& target, const DoubleArray& enu_MeV, const std::string& flavour,
                 const std::string& ibd_model, const PhysicsOptions& physics) {
  const auto enu = view(enu_MeV, "enu_MeV");
  require_energies(enu);
  const Neutrino nu = parse_neutrino(flavour);
  const CevnsSettings settings = physics.settings();
  const ChannelComparison channels(material_from_name(target), nu, settings, parse_ibd_model(ibd_model));
  const Material& material = channels.material();
  const IbdCrossSection& ibd = channels.ibd();
  const double molecules_per_kg = channels.molecules_per_kg();
  const double protons_per_kg = channels.free_protons_per_kg();
  const double electrons_per_kg = channels.electrons_per_kg();
  py::list notes;
  for (const auto& note : channels.notes()) notes.append(note);

  const std::size_t n = enu.size();
  DoubleArray c_mol = new_array(n), c_kg = new_array(n), i_p = new_array(n), i_kg = new_array(n),
              e_e = new_array(n), e_kg = new_array(n);
  auto cm = writable(c_mol), ck = writable(c_kg), ip = writable(i_p), ik = writable(i_kg), ee = writable(e_e),
       ek = writable(e_kg);
  {
    py::gil_scoped_release release;
    for (std::size_t k = 0; k < n; ++k) {
      const auto r = channels.at(enu[k] * units::MeV);
      cm[k] = r.cevns_per_molecule / cm2;
      ck[k] = r.cevns_per_kg / cm2;
      ip[k] = r.ibd_per_proton / cm2;
      ik[k] = r.ibd_per_kg / cm2;
      ee[k] = r.electron_per_electron / cm2;
      ek[k] = r.electron_per_kg / cm2;
    }
  }
  py::dict out;
  out["target"] = material.name();
  out["neutrino"] = to_string(nu);
  out["form_factor"] = physics.form_factor;
  out["couplings"] = physics.couplings;
  out["sin2w"] = settings.sin2_theta_w;
  out["ibd_model"] = to_string(ibd.model());
  out["ibd_threshold_MeV"] = ibd.threshold() / units::MeV;
  out["molecules_per_kg"] = molecules_per_kg;
  out["free_protons_per_kg"] = protons_per_kg;
  out["electrons_per_kg"] = electrons_per_kg;
  out["cevns_cm2_per_molecule"] = c_mol;
  out["cevns_cm2_per_kg"] = c_kg;
  out["ibd_cm2_per_proton"] = i_p;
  out["ibd_cm2_per_kg"] = i_kg;
  out["electron_cm2_per_electron"] = e_e;
  out["electron_cm2_per_kg"] = e_kg;
  out["notes"] = notes;
  return out;
}

// ---------------------------------------------------------------- coherency

// alpha(E) = sigma_F(E) / sigma_{F=1}(E) on a material (per formula unit) over an energy grid.
py::dict coherency_vs_energy(const std::string& target, const DoubleArray& enu_MeV, const std::string& flavour,
                             const PhysicsOptions& physics) {
  const auto enu = view(enu_MeV, "enu_MeV");
  require_energies(enu);
  const Neutrino nu = parse_neutrino(flavour);
  const MaterialCrossSection xs(material_from_name(target), physics.settings());
  const std::size_t n = enu.size();
  DoubleArray alpha = new_array(n), with_ff = new_array(n), point = new_array(n);
  auto a = writable(alpha), f = writable(with_ff), p = writable(point);
  {
    py::gil_scoped_release release;
    for (std::size_t k = 0; k < n; ++k) {
      const double E = enu[k] * units::MeV;
      double sf = 0.0, s1 = 0.0;
      for (std::size_t i = 0; i < xs.isotopes().size(); ++i) {
        sf += xs.weight(i) * xs.isotopes()[i].total(nu, E);
        s1 += xs.weight(i) * xs.isotopes()[i].total_point_nucleus(nu, E);
      }
      f[k] = sf / cm2;
      p[k] = s1 / cm2;
      a[k] = s1 > 0.0 ? sf / s1 : 1.0;
    }
  }
  int largest_a = 0;
  for (const auto& iso : xs.isotopes()) largest_a = std::max(largest_a, iso.nuclide().A());
  py::dict out;
  out["target"] = xs.material().name();
  out["neutrino"] = to_string(nu);
  out["form_factor"] = physics.form_factor;
  out["alpha"] = alpha;
  out["total_cm2"] = with_ff;
  out["total_point_nucleus_cm2"] = point;
  out["coherent_energy_limit_MeV"] = coherent_energy_limit(largest_a) / units::MeV;
  return out;
}

// Flux-averaged coherency of one species of a source (physics/coherency.hpp, `cevns coherency`).
py::dict coherency(const std::string& target, const Source& source, const std::string& flavour,
                   const PhysicsOptions& physics) {
  const Neutrino nu = parse_neutrino(flavour);
  const Spectrum* spectrum = source.source.spectrum(nu);
  if (!spectrum) throw InputError("source '" + source.source.name + "' has no " + to_string(nu) + " spectrum");
  const MaterialCrossSection xs(material_from_name(target), physics.settings());
  double alpha = 0.0, alpha_flux = 0.0, mean = 0.0;
  {
    py::gil_scoped_release release;
    alpha = flux_averaged_coherency(xs, nu, *spectrum);
    alpha_flux = flux_weighted_coherency(xs, nu, *spectrum);
    mean = spectrum->mean_energy() / units::MeV;
  }
  py::dict out;
  out["target"] = xs.material().name();
  out["source"] = source.source.name;
  out["neutrino"] = to_string(nu);
  out["form_factor"] = physics.form_factor;
  out["alpha"] = alpha;
  out["alpha_flux_weighted"] = alpha_flux;
  out["mean_energy_MeV"] = mean;
  return out;
}

}  // namespace

void bind_physics(py::module_& m) {
  py::class_<PhysicsOptions>(m, "PhysicsOptions",
                             "Cross-section settings, as the command line's --form-factor, --couplings, "
                             "--radii, --sin2w, --neutron-radius-fm, --neutron-skin-fm, --deformation-beta2.")
      .def(py::init([](std::string form_factor, std::string couplings, std::string radii,
                       std::optional<double> sin2w, std::optional<double> neutron_radius_fm,
                       double neutron_skin_fm, double deformation_beta2, std::optional<std::string> nsi,
                       std::optional<std::string> tensor,
                       std::optional<std::string> zprime, std::optional<std::string> scalar,
                       std::optional<double> magnetic_moment_bohr, std::optional<double> millicharge_e,
                       std::optional<double> charge_radius_cm2, std::optional<double> min_recoil_keV,
                       bool running_sin2w) {
             PhysicsOptions p;
             p.form_factor = std::move(form_factor);
             p.couplings = std::move(couplings);
             p.radii = std::move(radii);
             p.sin2w = sin2w;
             p.neutron_radius_fm = neutron_radius_fm;
             p.neutron_skin_fm = neutron_skin_fm;
             p.deformation_beta2 = deformation_beta2;
             p.nsi = std::move(nsi);
             p.tensor = std::move(tensor);
             p.zprime = std::move(zprime);
             p.scalar = std::move(scalar);
             p.magnetic_moment_bohr = magnetic_moment_bohr;
             p.millicharge_e = millicharge_e;
             p.charge_radius_cm2 = charge_radius_cm2;
             p.min_recoil_keV = min_recoil_keV;
             p.running_sin2w = running_sin2w;
             (void)p.settings();  // validate now: errors name the keyword
             return p;
           }),
           py::kw_only(), py::arg("form_factor") = "helm", py::arg("couplings") = "radiative",
           py::arg("radii") = "measured", py::arg("sin2w") = py::none(),
           py::arg("neutron_radius_fm") = py::none(), py::arg("neutron_skin_fm") = 0.0,
           py::arg("deformation_beta2") = 0.0, py::arg("nsi") = py::none(), py::arg("tensor") = py::none(),
           py::arg("zprime") = py::none(),
           py::arg("scalar") = py::none(), py::arg("magnetic_moment_bohr") = py::none(),
           py::arg("millicharge_e") = py::none(), py::arg("charge_radius_cm2") = py::none(),
           py::arg("min_recoil_keV") = py::none(), py::arg("running_sin2w") = false)
      .def_readonly("form_factor", &PhysicsOptions::form_factor)
      .def_readonly("couplings", &PhysicsOptions::couplings)
      .def_readonly("radii", &PhysicsOptions::radii)
      .def_readonly("sin2w", &PhysicsOptions::sin2w)
      .def_readonly("neutron_radius_fm", &PhysicsOptions::neutron_radius_fm)
      .def_readonly("neutron_skin_fm", &PhysicsOptions::neutron_skin_fm)
      .def_readonly("deformation_beta2", &PhysicsOptions::deformation_beta2);

  m.attr("sin2w_default") = constants::sin2_theta_w_default;
  m.def("form_factor", &form_factor, py::arg("model"), py::arg("rms_radius_fm"), py::arg("q_MeV"),
        py::arg("helm_skin_fm") = 0.9, py::arg("fermi_diffuseness_fm") = 0.52,
        py::arg("klein_nystrand_range_fm") = 0.7);
  m.def("isotope_form_factors", &isotope_form_factors, py::arg("isotope"), py::arg("q_MeV"), py::arg("physics"));
  m.def("xsec", &xsec, py::arg("target"), py::arg("enu_MeV"), py::arg("recoil_keV"), py::arg("flavour"),
        py::arg("physics"), py::arg("totals"));
  m.def("dsigma_dT", &dsigma_dT_pairs, py::arg("target"), py::arg("enu_MeV"), py::arg("recoil_keV"),
        py::arg("flavour"), py::arg("physics"));
  m.def("ibd_xsec", &ibd_xsec, py::arg("enu_MeV"), py::arg("model"), py::arg("flavour"));
  m.def("electron_xsec", &electron_xsec, py::arg("enu_MeV"), py::arg("recoil_keV"), py::arg("flavour"),
        py::arg("sin2w"), py::arg("threshold_keV"));
  m.def("compare", &compare, py::arg("target"), py::arg("enu_MeV"), py::arg("flavour"), py::arg("ibd_model"),
        py::arg("physics"));
  m.def("coherency_vs_energy", &coherency_vs_energy, py::arg("target"), py::arg("enu_MeV"), py::arg("flavour"),
        py::arg("physics"));
  m.def("coherency", &coherency, py::arg("target"), py::arg("source"), py::arg("flavour"), py::arg("physics"));
}

}  // namespace cevns::python
