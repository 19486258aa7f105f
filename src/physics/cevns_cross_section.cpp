#include "cevns/physics/cevns_cross_section.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "cevns/core/checks.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/physics/kinematics.hpp"

namespace cevns {
const FixedQuadrature& CevnsCrossSection::recoil_rule() {
  // 4 panels x 32 points: < 1e-8 relative against adaptive integration for every target up to
  // E = 300 MeV, where Helm's F^2 has several zeros below T_max (tests/unit/physics).
  static const FixedQuadrature rule(32, 4);
  return rule;
}

CevnsCrossSection::CevnsCrossSection(const Nuclide& nuclide, const CevnsSettings& settings)
    : nuclide_(nuclide), mass_(nuclide.nuclear_mass()), shape_settings_(settings.shape),
      shape_(make_nuclear_shape(nuclide, settings.shape)) {
  for (const auto& nu : all_neutrinos)
    couplings_[index_of(nu)] = standard_model_couplings(nu, settings.couplings, settings.sin2_theta_w);
  const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
  prefactor_ = gf * gf * mass_ / (4.0 * std::numbers::pi);
  if (settings.bsm.is_standard_model()) return;
  // BSM: precompute per-flavour constants (docs/physics/bsm.md), evaluate by branches.
  settings.bsm.validate();
  bsm_ = settings.bsm;
  bsm_active_ = true;
  sin2_zero_ = settings.sin2_theta_w;
  const double Z = nuclide.Z, N = nuclide.N;
  const double sqrt2_gf = std::sqrt(2.0) * gf;
  const double alpha = constants::fine_structure_alpha;
  const double pi = std::numbers::pi;
  const double me = constants::electron_mass_MeV * units::MeV;
  const ZprimeCharges zc = zprime_charges(bsm_.zprime);
  const double g2 = bsm_.zprime.coupling * bsm_.zprime.coupling;
  for (std::size_t a = 0; a < 3; ++a) {
    auto& t = terms_[a];
    t.dp_nsi = 2.0 * bsm_.vector_u[a][a] + bsm_.vector_d[a][a];
    t.dn_nsi = bsm_.vector_u[a][a] + 2.0 * bsm_.vector_d[a][a];
    t.dp = t.dp_nsi - std::sqrt(2.0) * pi * alpha / (3.0 * gf) * bsm_.charge_radius_sq[a];
    t.dn = t.dn_nsi;
    for (std::size_t b = 0; b < 3; ++b) {
      const double ap = Z * (2.0 * bsm_.vector_u[a][b] + bsm_.vector_d[a][b]);
      const double an = N * (bsm_.vector_u[a][b] + 2.0 * bsm_.vector_d[a][b]);
      if (b != a) {
        t.off_pp += ap * ap;
        t.off_pn += ap * an;
        t.off_nn += an * an;
      }
      const double tp = Z * (2.0 * bsm_.tensor_u[a][b] + bsm_.tensor_d[a][b]);
      const double tn = N * (bsm_.tensor_u[a][b] + 2.0 * bsm_.tensor_d[a][b]);
      t.ten_pp += tp * tp;
      t.ten_pn += tp * tn;
      t.ten_nn += tn * tn;
    }
    if (bsm_.has_zprime()) {
      t.zp_p = g2 * zc.neutrino[a] * (2.0 * zc.up + zc.down) / sqrt2_gf;
      t.zp_n = g2 * zc.neutrino[a] * (zc.up + 2.0 * zc.down) / sqrt2_gf;
      if (bsm_.zprime.model == ZprimeModel::lmu_minus_ltau) t.zp_loop = g2 * zc.neutrino[a] / sqrt2_gf;
    }
    t.millicharge = 2.0 * std::sqrt(2.0) * pi * alpha * bsm_.millicharge_e[a] / gf;
    t.scalar_nsi = sqrt2_gf * bsm_.scalar_nsi[a];
    const double mu = bsm_.magnetic_moment_bohr[a];
    // Billard et al., JCAP 11 (2018) 016 (NUCLEUS INFN presentation): pi alpha^2 mu^2 Z^2/m_e^2 (1/T - 1/E + T/(4E^2)) F^2.
    t.magnetic = pi * alpha * alpha * mu * mu * Z * Z / (me * me);
  }
  zprime_mass2_ = bsm_.zprime.mass * bsm_.zprime.mass;
  scalar_mass2_ = bsm_.scalar.mass * bsm_.scalar.mass;
  scalar_g2_ = bsm_.scalar.coupling * bsm_.scalar.coupling;
  double lightest = 0.0;
  if (bsm_.has_zprime()) lightest = bsm_.zprime.mass;
  if (bsm_.has_scalar() && (lightest == 0.0 || bsm_.scalar.mass < lightest)) lightest = bsm_.scalar.mass;
  peak_recoil_ = lightest * lightest / (2.0 * mass_);
  log_recoil_ = bsm_.infrared_divergent() || bsm_.has_zprime() || bsm_.has_scalar();
  tensor_ = bsm_.has_tensor_nsi();
  scalar_ = bsm_.has_scalar();
  zprime_ = bsm_.has_zprime();
}

double CevnsCrossSection::coherent_charge(Neutrino nu, double q, double fp, double fn) const {
  const auto& g = couplings_[index_of(nu)];
  const auto& t = terms_[static_cast<std::size_t>(nu.flavour)];
  double gp = g.proton + t.dp;
  double gn = g.neutron + t.dn;
  if (bsm_.running_weak_mixing) {
    // Held at its 2 m_pi value above, where hadronic loops would start.
    const double scale = std::min(q, 2.0 * constants::charged_pion_mass_MeV * units::MeV);
    gp -= 2.0 * (sin2_theta_w_running(scale, sin2_zero_) - sin2_zero_);
  }
  if (zprime_) {
    const double denominator = q * q + zprime_mass2_;
    gp += t.zp_p / denominator;
    gn += t.zp_n / denominator;
    if (t.zp_loop != 0.0) gp += t.zp_loop * lmu_ltau_proton_coupling_per_g2(q) / denominator;
  }
  if (t.millicharge != 0.0) gp += t.millicharge / (q * q);
  return 2.0 * (nuclide_.Z * gp * fp + nuclide_.N * gn * fn);
}

EnergyExpansion CevnsCrossSection::bsm_expansion(Neutrino nu, double T, FormFactorPair ff) const {
  if (T == 0.0 && (bsm_.infrared_divergent() || (zprime_ && zprime_mass2_ == 0.0) || (scalar_ && scalar_mass2_ == 0.0)))
    throw InputError("dsigma/dT with a neutrino magnetic moment, millicharge or massless mediator diverges at zero recoil");
  const double q = kinematics::momentum_transfer(T, mass_);
  const double fp = ff.protons, fn = ff.neutrons;
  const auto& t = terms_[static_cast<std::size_t>(nu.flavour)];
  const double qc = coherent_charge(nu, q, fp, fn);
  const double off = 4.0 * (t.off_pp * fp * fp + 2.0 * t.off_pn * fp * fn + t.off_nn * fn * fn);
  // Vector part: P (Q^2 + off-diagonal) (1 - T/E - (M T - T^2) / (2 E^2)).
  const double vector = prefactor_ * (qc * qc + off);
  EnergyExpansion x{vector, -vector * T, -0.5 * vector * (mass_ * T - T * T)};
  if (tensor_) {
    // CONUS JHEP 05 (2022) 085: (4 G_F^2/pi) Q_T^2 M (1 - M T/(4 E^2)); prefactor_ = G_F^2 M/(4 pi).
    const double qt2 = t.ten_pp * fp * fp + 2.0 * t.ten_pn * fp * fn + t.ten_nn * fn * fn;
    x.c0 += 16.0 * prefactor_ * qt2;
    x.c2 -= 4.0 * prefactor_ * qt2 * mass_ * T;
  }
  if (scalar_ || t.scalar_nsi != 0.0) {
    // Cerdeno et al. JHEP 05 (2016) 118: g^4 Q_phi^2 M^2 T/(4 pi E^2 (q^2+m^2)^2), contact limit
    // g^2/m^2 -> sqrt2 G_F eps^S.
    const double amplitude = (scalar_ ? scalar_g2_ / (q * q + scalar_mass2_) : 0.0) + t.scalar_nsi;
    const double qphi = 15.1 * nuclide_.Z * fp + 14.0 * nuclide_.N * fn;
    x.c2 += amplitude * amplitude * qphi * qphi * mass_ * mass_ * T / (4.0 * std::numbers::pi);
  }
  if (t.magnetic != 0.0 && T > 0.0) {
    // pi alpha^2 mu^2 Z^2/m_e^2 (1/T - 1/E + T/(4E^2)) F_p^2.
    const double m = t.magnetic * fp * fp;
    x.c0 += m / T;
    x.c1 -= m;
    x.c2 += 0.25 * m * T;
  }
  return x;
}

FormFactorPair CevnsCrossSection::form_factors(double recoil) const {
  const double q = kinematics::momentum_transfer(recoil, mass_);
  return {shape_.protons(q), shape_.neutrons(q)};
}

EnergyExpansion CevnsCrossSection::energy_expansion(Neutrino nu, double T, FormFactorPair ff) const {
  if (bsm_active_) return bsm_expansion(nu, T, ff);
  const auto& g = couplings_[index_of(nu)];
  const double qw = 2.0 * (nuclide_.Z * g.proton * ff.protons + nuclide_.N * g.neutron * ff.neutrons);
  const double v = prefactor_ * qw * qw;
  return {v, -v * T, -0.5 * v * (mass_ * T - T * T)};
}

bool CevnsCrossSection::same_form_factors(const CevnsCrossSection& other) const {
  return nuclide_.Z == other.nuclide_.Z && nuclide_.N == other.nuclide_.N && mass_ == other.mass_ &&
         shape_settings_ == other.shape_settings_;
}

template <class F>
double CevnsCrossSection::integrate_recoil(F&& f, double E) const {
  const double lo = bsm_.min_recoil;
  const double hi = kinematics::max_recoil(E, mass_);
  if (!(hi > lo)) return 0.0;
  if (!log_recoil_) return recoil_rule().integrate(f, lo, hi);
  if (bsm_.infrared_divergent() && !(lo > 0.0))
    throw InputError("the recoil integral with a neutrino magnetic moment or millicharge diverges at T -> 0: "
                     "give a recoil cutoff (--min-recoil-keV)");
  // Below the mediator scale m^2/(2M) the integrand is flat; above it falls like a power of T:
  // linear nodes below, nodes uniform in ln T above (8 panels x 32 points).
  static const FixedQuadrature log_rule(32, 8);
  const double split = std::min(hi, std::max(lo, peak_recoil_));
  double sum = split > lo ? recoil_rule().integrate(f, lo, split) : 0.0;
  if (hi > split && split > 0.0)
    sum += log_rule.integrate(
        [&](double u) {
          const double T = std::exp(u);
          return T * f(T);
        },
        std::log(split), std::log(hi));
  return sum;
}

VectorNsiExpansion CevnsCrossSection::vector_nsi_expansion(Neutrino nu, double q) const {
  const double fp = shape_.protons(q), fn = shape_.neutrons(q);
  const double Z = nuclide_.Z, N = nuclide_.N;
  VectorNsiExpansion x;
  x.c_u = 2.0 * (2.0 * Z * fp + N * fn);
  x.c_d = 2.0 * (Z * fp + 2.0 * N * fn);
  if (!bsm_active_) {
    x.base = weak_charge(nu, q);
    return x;
  }
  const auto& t = terms_[static_cast<std::size_t>(nu.flavour)];
  x.base = coherent_charge(nu, q, fp, fn) - 2.0 * (Z * t.dp_nsi * fp + N * t.dn_nsi * fn);
  return x;
}

VectorNsiQuadraticForm CevnsCrossSection::vector_nsi_quadratic_form(Neutrino nu, double E) const {
  require_neutrino_energy(E);
  VectorNsiQuadraticForm form;
  if (E == 0.0) return form;
  auto moment = [&](auto product) {
    return integrate_recoil(
        [&](double T) {
          const auto x = vector_nsi_expansion(nu, kinematics::momentum_transfer(T, mass_));
          return prefactor_ * kinematic_factor(E, T) * product(x);
        },
        E);
  };
  form.s00 = moment([](const VectorNsiExpansion& x) { return x.base * x.base; });
  form.s0u = moment([](const VectorNsiExpansion& x) { return x.base * x.c_u; });
  form.s0d = moment([](const VectorNsiExpansion& x) { return x.base * x.c_d; });
  form.suu = moment([](const VectorNsiExpansion& x) { return x.c_u * x.c_u; });
  form.sud = moment([](const VectorNsiExpansion& x) { return x.c_u * x.c_d; });
  form.sdd = moment([](const VectorNsiExpansion& x) { return x.c_d * x.c_d; });
  return form;
}

double VectorNsiQuadraticForm::evaluate(Flavour incoming, const FlavourMatrix& eps_u,
                                        const FlavourMatrix& eps_d) const {
  const auto a = static_cast<std::size_t>(incoming);
  double sigma = s00 + 2.0 * (s0u * eps_u[a][a] + s0d * eps_d[a][a]);
  for (std::size_t b = 0; b < 3; ++b)
    sigma += suu * eps_u[a][b] * eps_u[a][b] + 2.0 * sud * eps_u[a][b] * eps_d[a][b] +
             sdd * eps_d[a][b] * eps_d[a][b];
  return sigma;
}

double CevnsCrossSection::max_recoil(double neutrino_energy) const {
  require_neutrino_energy(neutrino_energy);
  return kinematics::max_recoil(neutrino_energy, mass_);
}

double CevnsCrossSection::min_neutrino_energy(double recoil) const {
  if (!(recoil >= 0.0) || !std::isfinite(recoil))
    throw InputError("recoil energy must be a non-negative number, got " +
                     std::to_string(recoil / units::keV) + " keV");
  return kinematics::min_neutrino_energy(recoil, mass_);
}

double CevnsCrossSection::weak_charge(Neutrino nu, double q) const {
  if (bsm_active_) return coherent_charge(nu, q, shape_.protons(q), shape_.neutrons(q));
  const auto& g = couplings_[index_of(nu)];
  return 2.0 * (nuclide_.Z * g.proton * shape_.protons(q) + nuclide_.N * g.neutron * shape_.neutrons(q));
}

double CevnsCrossSection::kinematic_factor(double E, double T) const {
  const double factor = 1.0 - T / E - mass_ * T / (2.0 * E * E) + T * T / (2.0 * E * E);
  return factor > 0.0 ? factor : 0.0;
}

double CevnsCrossSection::differential(Neutrino nu, double E, double T) const {
  if (!(E > 0.0) || !(T >= 0.0) || T > kinematics::max_recoil(E, mass_)) return 0.0;
  // Non-negative for E >= E_min(T); the clamp removes rounding at the kinematic endpoint.
  return std::max(0.0, energy_expansion(nu, T).at(E));
}

void CevnsCrossSection::differential(Neutrino nu, double E, std::span<const double> recoils,
                                     std::span<double> out) const {
  if (out.size() != recoils.size()) throw InputError("dsigma/dT: output size differs from input size");
  require_neutrino_energy(E);
  for (std::size_t i = 0; i < recoils.size(); ++i) out[i] = differential(nu, E, recoils[i]);
}

void CevnsCrossSection::differential_grid(Neutrino nu, std::span<const double> energies,
                                          std::span<const double> recoils, std::span<double> out) const {
  if (out.size() != energies.size() * recoils.size())
    throw InputError("dsigma/dT: output size differs from energies x recoils");
  for (const double E : energies) require_neutrino_energy(E);
  const std::size_t nt = recoils.size();
  for (std::size_t j = 0; j < nt; ++j) {
    const double T = recoils[j];
    if (!(T >= 0.0) || !std::isfinite(T)) {
      for (std::size_t i = 0; i < energies.size(); ++i) out[i * nt + j] = 0.0;
      continue;
    }
    const EnergyExpansion c = energy_expansion(nu, T);
    for (std::size_t i = 0; i < energies.size(); ++i) {
      const double E = energies[i];
      out[i * nt + j] = E > 0.0 && T <= kinematics::max_recoil(E, mass_) ? std::max(0.0, c.at(E)) : 0.0;
    }
  }
}

void CevnsCrossSection::differential_pairs(Neutrino nu, std::span<const double> energies,
                                           std::span<const double> recoils, std::span<double> out) const {
  if (out.size() != energies.size() || recoils.size() != energies.size())
    throw InputError("dsigma/dT: energies, recoils and output differ in size");
  for (std::size_t i = 0; i < energies.size(); ++i) {
    require_neutrino_energy(energies[i]);
    out[i] = differential(nu, energies[i], recoils[i]);
  }
}

double CevnsCrossSection::differential_point_nucleus(Neutrino nu, double E, double T) const {
  if (!(E > 0.0) || !(T >= 0.0) || T > kinematics::max_recoil(E, mass_)) return 0.0;
  if (bsm_active_) return std::max(0.0, bsm_expansion(nu, T, FormFactorPair{}).at(E));
  const auto& g = couplings_[index_of(nu)];
  const double qw = 2.0 * (nuclide_.Z * g.proton + nuclide_.N * g.neutron);
  return prefactor_ * qw * qw * kinematic_factor(E, T);
}

double CevnsCrossSection::total(Neutrino nu, double E) const {
  require_neutrino_energy(E);
  if (E == 0.0) return 0.0;
  if (bsm_active_) return integrate_recoil([&](double T) { return differential(nu, E, T); }, E);
  const double tmax = kinematics::max_recoil(E, mass_);
  return recoil_rule().integrate([&](double T) { return differential(nu, E, T); }, 0.0, tmax);
}

void CevnsCrossSection::total(Neutrino nu, std::span<const double> energies, std::span<double> out) const {
  if (out.size() != energies.size()) throw InputError("sigma(E): output size differs from input size");
  for (std::size_t i = 0; i < energies.size(); ++i) out[i] = total(nu, energies[i]);
}

double CevnsCrossSection::total_point_nucleus(Neutrino nu, double E) const {
  require_neutrino_energy(E);
  if (E == 0.0) return 0.0;
  if (bsm_active_) return integrate_recoil([&](double T) { return differential_point_nucleus(nu, E, T); }, E);
  const double tmax = kinematics::max_recoil(E, mass_);
  return recoil_rule().integrate([&](double T) { return differential_point_nucleus(nu, E, T); }, 0.0,
                                 tmax);
}

double CevnsCrossSection::mean_recoil(Neutrino nu, double E) const {
  require_neutrino_energy(E);
  if (E == 0.0) return 0.0;
  if (bsm_active_) {
    const double first = integrate_recoil([&](double T) { return T * differential(nu, E, T); }, E);
    const double zeroth = integrate_recoil([&](double T) { return differential(nu, E, T); }, E);
    return zeroth > 0.0 ? first / zeroth : 0.0;
  }
  const double tmax = kinematics::max_recoil(E, mass_);
  const auto& rule = recoil_rule();
  const double first = rule.integrate([&](double T) { return T * differential(nu, E, T); }, 0.0, tmax);
  const double zeroth = rule.integrate([&](double T) { return differential(nu, E, T); }, 0.0, tmax);
  return zeroth > 0.0 ? first / zeroth : 0.0;
}

}  // namespace cevns
