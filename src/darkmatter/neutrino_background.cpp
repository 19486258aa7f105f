#include "cevns/darkmatter/neutrino_background.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"

namespace cevns {

CevnsRecoilRate::CevnsRecoilRate(const MaterialCrossSection& xs, const NeutrinoSource& source)
    : isotopes_(xs.isotopes()), normalisation_(source.normalisation) {
  const double per_formula = xs.material().formula_units_per_kg();
  for (std::size_t i = 0; i < isotopes_.size(); ++i) nuclei_per_kg_.push_back(xs.weight(i) * per_formula);
  std::vector<double> e, w;
  double max_energy = 0.0;
  for (const auto nu : source.species()) {
    const Spectrum& s = *source.spectrum(nu);
    Species sp;
    sp.nu = nu;
    s.continuum_nodes(e, w);
    for (std::size_t j = 0; j < e.size(); ++j) {
      const double weight = w[j] * s.density(e[j]);
      if (weight > 0.0) sp.nodes.push_back({e[j], weight});
    }
    for (const auto& l : s.lines())
      if (l.intensity > 0.0) sp.nodes.push_back({l.energy, l.intensity});
    std::sort(sp.nodes.begin(), sp.nodes.end(), [](const Node& a, const Node& b) { return a.energy < b.energy; });
    if (sp.nodes.empty()) continue;
    const std::size_t n = sp.nodes.size();
    sp.w0.assign(n + 1, 0.0);
    sp.w1.assign(n + 1, 0.0);
    sp.w2.assign(n + 1, 0.0);
    for (std::size_t j = n; j-- > 0;) {
      const double e_j = sp.nodes[j].energy, wj = sp.nodes[j].weight;
      sp.w0[j] = sp.w0[j + 1] + wj;
      sp.w1[j] = sp.w1[j + 1] + wj / e_j;
      sp.w2[j] = sp.w2[j + 1] + wj / (e_j * e_j);
    }
    max_energy = std::max(max_energy, sp.nodes.back().energy);
    species_.push_back(std::move(sp));
  }
  for (const auto& iso : isotopes_) {
    if (max_energy > 0.0) max_recoil_ = std::max(max_recoil_, iso.max_recoil(max_energy));
    standard_model_ = standard_model_ && iso.interaction_model().is_standard_model();
  }
}

double CevnsRecoilRate::isotope_species(std::size_t i, const Species& sp, double recoil) const {
  const auto& xs = isotopes_[i];
  const double e_min = xs.min_neutrino_energy(recoil);
  const auto it = std::lower_bound(sp.nodes.begin(), sp.nodes.end(), e_min,
                                   [](const Node& n, double v) { return n.energy < v; });
  if (it == sp.nodes.end()) return 0.0;
  if (!standard_model_) {
    double sum = 0.0;
    for (auto jt = it; jt != sp.nodes.end(); ++jt) sum += jt->weight * xs.differential(sp.nu, jt->energy, recoil);
    return sum;
  }
  // C(T) from one evaluation at the highest node, where K > 0 (T below its endpoint).
  const double e_hi = sp.nodes.back().energy;
  const double M = xs.mass();
  const auto kin = [&](double E) { return 1.0 - recoil / E - M * recoil / (2.0 * E * E) + recoil * recoil / (2.0 * E * E); };
  const double k_hi = kin(e_hi);
  if (!(k_hi > 1e-6)) {  // at the very endpoint: direct sum over the few nodes left
    double sum = 0.0;
    for (auto jt = it; jt != sp.nodes.end(); ++jt) sum += jt->weight * xs.differential(sp.nu, jt->energy, recoil);
    return sum;
  }
  const double charge = xs.differential(sp.nu, e_hi, recoil) / k_hi;
  const auto j = static_cast<std::size_t>(it - sp.nodes.begin());
  const double node_sum = sp.w0[j] - recoil * sp.w1[j] - 0.5 * (M * recoil - recoil * recoil) * sp.w2[j];
  return charge * std::max(node_sum, 0.0);
}

double CevnsRecoilRate::differential_per_kg(double recoil) const {
  if (!(recoil > 0.0) || recoil > max_recoil_) return 0.0;
  double sum = 0.0;
  for (std::size_t i = 0; i < isotopes_.size(); ++i) {
    double iso_sum = 0.0;
    for (const auto& sp : species_) iso_sum += isotope_species(i, sp, recoil);
    sum += nuclei_per_kg_[i] * iso_sum;
  }
  return sum;
}

void CevnsRecoilRate::differential_per_kg(std::span<const double> recoils, std::span<double> out) const {
  if (recoils.size() != out.size()) throw InputError("CevnsRecoilRate: output size differs from input size");
  for (std::size_t k = 0; k < recoils.size(); ++k) out[k] = differential_per_kg(recoils[k]);
}

double CevnsRecoilRate::integrated_per_kg(double from, double to) const {
  if (!(from > 0.0) || !(to > from)) throw InputError("recoil range must satisfy 0 < from < to");
  const double hi = std::min(to, max_recoil_);
  if (!(hi > from)) return 0.0;
  // Gauss-Legendre in ln E_R, one 16-point panel per factor ~3 in energy.
  static const FixedQuadrature rule(16, 1);
  const double la = std::log(from), lb = std::log(hi);
  const int panels = std::max(1, static_cast<int>(std::ceil((lb - la) / 1.1)));
  double sum = 0.0;
  for (int p = 0; p < panels; ++p) {
    const double a = la + (lb - la) * p / panels, b = la + (lb - la) * (p + 1) / panels;
    sum += rule.integrate([&](double l) { const double t = std::exp(l); return t * differential_per_kg(t); }, a, b);
  }
  return sum;
}

const std::vector<BackgroundNormalisation>& ohare2021_background_normalisations() {
  static const std::vector<BackgroundNormalisation> table{
      {"pp", 5.98e10, 0.006},  {"pep", 1.44e8, 0.01},  {"hep", 7.98e3, 0.30}, {"7Be", 4.93e8 + 4.50e9, 0.06},
      {"8B", 5.16e6, 0.02},    {"13N", 2.78e8, 0.15},  {"15O", 2.05e8, 0.17}, {"17F", 5.29e6, 0.20},
      {"DSNB", 85.7, 0.50},    {"atm", 0.0, atmospheric_flux_uncertainty}};
  return table;
}

std::vector<NeutrinoBackground> dark_matter_neutrino_backgrounds(const SolarModel& solar, const AtmosphericFlux& atm,
                                                                 BackgroundFluxes fluxes, const DsnbModel& dsnb) {
  std::vector<NeutrinoBackground> out;
  const double flux_unit = 1.0 / (units::cm2 * units::s);
  for (const auto& n : ohare2021_background_normalisations()) {
    NeutrinoSource src;
    if (n.name == "DSNB") {
      src = dsnb_source(dsnb);
    } else if (n.name == "atm") {
      src = atmospheric_source(atm);
    } else {
      src = solar_source(solar, {parse_solar_component(n.name)});
      src.name = "solar:" + n.name;
    }
    if (fluxes == BackgroundFluxes::ohare2021 && n.total_per_cm2_s > 0.0) {
      const double total = src.total();
      if (!(total > 0.0)) throw DataError("neutrino background '" + n.name + "' has zero flux");
      src = src.scaled(n.total_per_cm2_s * flux_unit / total);
      src.references.push_back("total rescaled to C.A.J. O'Hare, PRL 127, 251802 (2021)");
    }
    out.push_back({n.name, std::move(src), n.relative_uncertainty});
  }
  return out;
}

}  // namespace cevns
