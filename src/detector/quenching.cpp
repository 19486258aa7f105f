#include "cevns/detector/quenching.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/interpolation.hpp"
#include "cevns/core/units.hpp"

namespace cevns {

Quenching Quenching::constant(double q) {
  if (!(q > 0.0) || !std::isfinite(q)) throw InputError("quenching factor must be positive");
  Quenching r;
  r.model = QuenchingModel::constant;
  r.factor = q;
  return r;
}

Quenching Quenching::lindhard(double k, double z) {
  if (!(k > 0.0) || !(z >= 1.0)) throw InputError("Lindhard quenching needs k > 0 and Z >= 1");
  Quenching r;
  r.model = QuenchingModel::lindhard;
  r.lindhard_k = k;
  r.lindhard_z = z;
  return r;
}

Quenching Quenching::polynomial(std::vector<double> c) {
  if (c.empty()) throw InputError("polynomial quenching needs at least one coefficient");
  Quenching r;
  r.model = QuenchingModel::polynomial;
  r.coefficients = std::move(c);
  return r;
}

Quenching Quenching::linear(double a, double b_per_keV) {
  Quenching r;
  r.model = QuenchingModel::linear;
  r.linear_a = a;
  r.linear_b_per_keV = b_per_keV;
  return r;
}

Quenching Quenching::table(std::vector<double> recoil_keV, std::vector<double> factor) {
  if (recoil_keV.size() < 2 || recoil_keV.size() != factor.size())
    throw InputError("quenching table needs >= 2 rows of (recoil_keVnr, factor)");
  for (std::size_t i = 1; i < recoil_keV.size(); ++i)
    if (!(recoil_keV[i] > recoil_keV[i - 1])) throw InputError("quenching table: recoil energies must increase");
  Quenching r;
  r.model = QuenchingModel::table;
  r.table_recoil_keV = std::move(recoil_keV);
  r.table_factor = std::move(factor);
  return r;
}

double Quenching::factor_at(double recoil) const {
  if (!(recoil > 0.0)) return model == QuenchingModel::none ? 1.0 : 0.0;
  return electron_equivalent(recoil) / recoil;
}

double Quenching::electron_equivalent(double recoil) const { return scale * unscaled_electron_equivalent(recoil); }

double Quenching::unscaled_electron_equivalent(double recoil) const {
  if (!(recoil > 0.0)) return 0.0;
  const double t_keV = recoil / units::keV;
  switch (model) {
    case QuenchingModel::none:
      return recoil;
    case QuenchingModel::constant:
      return factor * recoil;
    case QuenchingModel::lindhard: {
      const double eps = 11.5 * std::pow(lindhard_z, -7.0 / 3.0) * t_keV;
      const double g = 3.0 * std::pow(eps, 0.15) + 0.7 * std::pow(eps, 0.6) + eps;
      return recoil * lindhard_k * g / (1.0 + lindhard_k * g);
    }
    case QuenchingModel::polynomial: {
      // Horner in T (MeV): E = T (c1 + T (c2 + T (c3 + ...)))
      const double t = recoil / units::MeV;
      double p = 0.0;
      for (auto it = coefficients.rbegin(); it != coefficients.rend(); ++it) p = p * t + *it;
      return std::max(0.0, p * t) * units::MeV;
    }
    case QuenchingModel::linear:
      return std::max(0.0, (linear_a + linear_b_per_keV * t_keV) * recoil);
    case QuenchingModel::table: {
      const double q = linear_interpolation(table_recoil_keV, table_factor, t_keV);
      return std::max(0.0, q * recoil);
    }
  }
  return 0.0;
}

const char* to_string(QuenchingModel m) {
  switch (m) {
    case QuenchingModel::none: return "none";
    case QuenchingModel::constant: return "constant";
    case QuenchingModel::lindhard: return "lindhard";
    case QuenchingModel::polynomial: return "polynomial";
    case QuenchingModel::linear: return "linear";
    case QuenchingModel::table: return "table";
  }
  return "none";
}

}  // namespace cevns
