#include "cevns/physics/coherency.hpp"

#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {

double coherent_energy_limit(int mass_number) {
  if (mass_number < 1) throw InputError("mass number must be positive");
  const double radius = 1.25 * std::cbrt(static_cast<double>(mass_number)) * units::fm;
  return 1.0 / (2.0 * radius);
}

double flux_averaged_coherency(const MaterialCrossSection& target, Neutrino nu, const Spectrum& spectrum) {
  double with_form_factor = 0.0, point_nucleus = 0.0;
  for (std::size_t i = 0; i < target.isotopes().size(); ++i) {
    const auto& xs = target.isotopes()[i];
    with_form_factor += target.weight(i) * spectrum.integrate([&](double E) { return xs.total(nu, E); });
    point_nucleus += target.weight(i) * spectrum.integrate([&](double E) { return xs.total_point_nucleus(nu, E); });
  }
  if (!(point_nucleus > 0.0)) throw NumericalError("coherency: the spectrum gives no CEvNS rate");
  return with_form_factor / point_nucleus;
}

double flux_weighted_coherency(const MaterialCrossSection& target, Neutrino nu, const Spectrum& spectrum) {
  const double flux = spectrum.total();
  if (!(flux > 0.0)) throw NumericalError("coherency: empty spectrum");
  auto alpha = [&](double E) {
    double with_form_factor = 0.0, point_nucleus = 0.0;
    for (std::size_t i = 0; i < target.isotopes().size(); ++i) {
      with_form_factor += target.weight(i) * target.isotopes()[i].total(nu, E);
      point_nucleus += target.weight(i) * target.isotopes()[i].total_point_nucleus(nu, E);
    }
    return point_nucleus > 0.0 ? with_form_factor / point_nucleus : 1.0;
  };
  return spectrum.integrate(alpha) / flux;
}

}  // namespace cevns
