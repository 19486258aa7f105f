#include "cevns/physics/bsm/interaction_model.hpp"

#include <cmath>
#include <numbers>
#include <vector>

#include "cevns/core/constants.hpp"
#include <fmt/format.h>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/physics/kinematics.hpp"

namespace cevns {
namespace {

bool any_nonzero(const FlavourMatrix& m) {
  for (const auto& row : m)
    for (double v : row)
      if (v != 0.0) return true;
  return false;
}

bool any_nonzero(const std::array<double, 3>& a) { return a[0] != 0.0 || a[1] != 0.0 || a[2] != 0.0; }

void require_finite(double v, const std::string& what) {
  if (!std::isfinite(v)) throw InputError(what + " must be a finite number");
}

// |v| <= bound: beyond, cross sections overflow or the model has left any physical meaning
// (docs/reliability.md lists the bounds).
void require_bounded(double v, double bound, const std::string& what, const std::string& unit = "") {
  require_finite(v, what);
  if (std::abs(v) > bound)
    throw InputError(fmt::format("{} must lie within +-{:g}{}, got {:g}", what, bound, unit.empty() ? "" : " " + unit, v));
}

void require_symmetric_finite(const FlavourMatrix& m, const std::string& what) {
  for (std::size_t a = 0; a < 3; ++a)
    for (std::size_t b = 0; b < 3; ++b) {
      require_bounded(m[a][b], 1e3, what);
      if (m[a][b] != m[b][a]) throw InputError(what + " must be symmetric in the flavour indices");
    }
}

constexpr double pi = std::numbers::pi;

}  // namespace

std::string to_string(ZprimeModel model) {
  switch (model) {
    case ZprimeModel::universal: return "universal";
    case ZprimeModel::b_minus_l: return "b-l";
    case ZprimeModel::lmu_minus_ltau: return "lmu-ltau";
    case ZprimeModel::custom: return "custom";
  }
  return "universal";
}

ZprimeModel parse_zprime_model(std::string_view name) {
  if (name == "universal") return ZprimeModel::universal;
  if (name == "b-l" || name == "B-L") return ZprimeModel::b_minus_l;
  if (name == "lmu-ltau" || name == "Lmu-Ltau") return ZprimeModel::lmu_minus_ltau;
  if (name == "custom") return ZprimeModel::custom;
  throw InputError("unknown Z' model '" + std::string(name) + "' (use universal, b-l, lmu-ltau or custom)" +
                   did_you_mean(name, {"universal", "b-l", "lmu-ltau", "custom"}));
}

bool InteractionModel::has_vector_nsi() const { return any_nonzero(vector_u) || any_nonzero(vector_d); }
bool InteractionModel::has_tensor_nsi() const { return any_nonzero(tensor_u) || any_nonzero(tensor_d); }
bool InteractionModel::has_scalar_nsi() const { return any_nonzero(scalar_nsi); }
bool InteractionModel::has_magnetic_moment() const { return any_nonzero(magnetic_moment_bohr); }
bool InteractionModel::has_millicharge() const { return any_nonzero(millicharge_e); }
bool InteractionModel::has_charge_radius() const { return any_nonzero(charge_radius_sq); }

bool InteractionModel::is_standard_model() const {
  return !has_vector_nsi() && !has_tensor_nsi() && !has_scalar_nsi() && !has_zprime() && !has_scalar() &&
         !has_magnetic_moment() && !has_millicharge() && !has_charge_radius() && !running_weak_mixing;
}

void InteractionModel::validate() const {
  require_symmetric_finite(vector_u, "vector NSI eps^uV");
  require_symmetric_finite(vector_d, "vector NSI eps^dV");
  require_symmetric_finite(tensor_u, "tensor NSI eps^uT");
  require_symmetric_finite(tensor_d, "tensor NSI eps^dT");
  const double cm2 = units::cm2;
  for (std::size_t a = 0; a < 3; ++a) {
    require_bounded(scalar_nsi[a], 1e3, "scalar NSI eps^S");
    require_bounded(magnetic_moment_bohr[a], 1.0, "neutrino magnetic moment", "Bohr magnetons");
    require_bounded(millicharge_e[a], 1.0, "neutrino millicharge", "e");
    require_bounded(charge_radius_sq[a] / cm2, 1e-24, "neutrino charge radius <r^2>", "cm^2");
    require_bounded(zprime.neutrino_charge[a], 1e3, "Z' neutrino charge");
  }
  require_bounded(zprime.coupling, 10.0, "Z' coupling");
  require_bounded(zprime.up_charge, 1e3, "Z' up-quark charge");
  require_bounded(zprime.down_charge, 1e3, "Z' down-quark charge");
  require_bounded(scalar.coupling, 10.0, "scalar coupling");
  if (!(zprime.mass >= 0.0) || !(zprime.mass <= 1e7 * units::MeV))
    throw InputError(fmt::format("Z' mass must be a number of MeV in [0, 1e7], got {:g}", zprime.mass / units::MeV));
  if (!(scalar.mass >= 0.0) || !(scalar.mass <= 1e7 * units::MeV))
    throw InputError(
        fmt::format("scalar mediator mass must be a number of MeV in [0, 1e7], got {:g}", scalar.mass / units::MeV));
  // A massless mediator makes the recoil integral diverge at T -> 0 unless a cutoff is given.
  if (has_zprime() && zprime.mass == 0.0 && !(min_recoil > 0.0))
    throw InputError("a massless Z' needs a positive recoil cutoff (min_recoil)");
  if (has_scalar() && scalar.mass == 0.0 && !(min_recoil > 0.0))
    throw InputError("a massless scalar mediator needs a positive recoil cutoff (min_recoil)");
  if (!(min_recoil >= 0.0) || !(min_recoil <= 1e3 * units::MeV))
    throw InputError(fmt::format("recoil cutoff must be an energy in [0, 1e6] keV, got {:g} keV", min_recoil / units::keV));
}

ZprimeCharges zprime_charges(const LightVectorMediator& zprime) {
  switch (zprime.model) {
    case ZprimeModel::universal: return {{1.0, 1.0, 1.0}, 1.0, 1.0};
    case ZprimeModel::b_minus_l: return {{-1.0, -1.0, -1.0}, 1.0 / 3.0, 1.0 / 3.0};
    case ZprimeModel::lmu_minus_ltau: return {{0.0, 1.0, -1.0}, 0.0, 0.0};
    case ZprimeModel::custom: return {zprime.neutrino_charge, zprime.up_charge, zprime.down_charge};
  }
  return {};
}

double lmu_ltau_proton_coupling_per_g2(double q) {
  // e^2/(2 pi^2) = 2 alpha / pi; the x integral with a fixed 16-point rule (smooth integrand).
  static const FixedQuadrature rule(16, 1);
  const double mm2 = constants::muon_mass_MeV * constants::muon_mass_MeV;
  const double mt2 = constants::tau_mass_MeV * constants::tau_mass_MeV;
  const double q2 = q * q;
  const double integral = rule.integrate(
      [&](double x) {
        const double w = x * (1.0 - x);
        return w * std::log((mt2 + w * q2) / (mm2 + w * q2));
      },
      0.0, 1.0);
  return 2.0 * constants::fine_structure_alpha / pi * integral;
}

namespace {
double alpha_ratio(double scale) {
  // alpha(mu)/alpha(0) with e and mu loops, MS-bar decoupling at the lepton masses.
  double inverse = 1.0 / constants::fine_structure_alpha;
  for (double m : {constants::electron_mass_MeV, constants::muon_mass_MeV})
    if (scale > m) inverse -= 2.0 / (3.0 * pi) * std::log(scale / m);
  return (1.0 / constants::fine_structure_alpha) / inverse;
}

void require_running_scale(double scale) {
  const double limit = 2.0 * constants::charged_pion_mass_MeV;
  if (!(scale >= 0.0) || !std::isfinite(scale) || scale > limit)
    throw InputError("the running of sin^2 theta_W is implemented for 0 <= mu <= 2 m_pi = " +
                     std::to_string(limit) + " MeV (hadronic loops above), got " + std::to_string(scale) +
                     " MeV");
}
}  // namespace

double sin2_theta_w_running(double scale, double sin2_at_zero) {
  require_running_scale(scale);
  return 0.25 + (sin2_at_zero - 0.25) * alpha_ratio(scale);
}

double sin2_theta_w_at_zero(double scale, double sin2_at_scale) {
  require_running_scale(scale);
  return 0.25 + (sin2_at_scale - 0.25) / alpha_ratio(scale);
}

double magnetic_moment_electron_differential(double mu_nu_bohr, double E, double T) {
  const double me = constants::electron_mass_MeV;
  if (!(E > 0.0) || !(T > 0.0) || T > kinematics::max_recoil(E, me)) return 0.0;
  const double a = constants::fine_structure_alpha;
  return pi * a * a / (me * me) * mu_nu_bohr * mu_nu_bohr * (1.0 / T - 1.0 / E);
}

}  // namespace cevns
