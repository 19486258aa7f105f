#include "cevns/analysis/sterile_sensitivity.hpp"

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/core/units.hpp"
#include "cevns/physics/kinematics.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "cevns/stats/response_matrix.hpp"

namespace cevns {
namespace {

constexpr std::size_t panels_per_piece = 32;   // of 16 Gauss-Legendre nodes over each trapezoid piece
constexpr double max_phase_per_panel = 8.0;    // beyond: the average of sin^2 is 1/2 (fully averaged)
constexpr std::size_t max_cached_dm2 = 4096;
constexpr double impossible = 1e30;  // finite, so that Newton steps back

void validate(const SterileSetup& s) {
  auto positive = [](double v, const char* what) {
    if (!(v > 0.0) || !std::isfinite(v)) throw InputError(std::string("sterile setup: ") + what + " must be positive");
  };
  positive(s.flux_at_1m_per_cm2_s, "flux_at_1m_per_cm2_s");
  positive(s.mass_kg, "mass_kg");
  positive(s.exposure_kg_yr, "exposure_kg_yr");
  positive(s.threshold_eV, "threshold_eV");
  positive(s.energy_bin_MeV, "energy_bin_MeV");
  if (!(s.max_recoil_eV > s.threshold_eV)) throw InputError("sterile setup: max_recoil_eV must exceed threshold_eV");
  if (s.recoil_bins < 1) throw InputError("sterile setup: recoil_bins must be >= 1");
  if (!(s.background_ckkd >= 0.0)) throw InputError("sterile setup: background_ckkd must be >= 0");
  if (!(s.normalisation_uncertainty > 0.0))
    throw InputError("sterile setup: normalisation_uncertainty must be positive (inf: free normalisation)");
  if (s.distances_m.empty()) throw InputError("sterile setup: needs at least one detector distance");
  double sum = 0.0;
  for (const double f : s.fission_fractions) {
    if (!(f >= 0.0)) throw InputError("sterile setup: fission fractions must be >= 0");
    sum += f;
  }
  if (std::abs(sum - 1.0) > 1e-6) throw InputError("sterile setup: fission fractions must sum to 1");
  const double half = 0.5 * (s.core_length_m + s.detector_length_m);
  if (!(s.core_length_m >= 0.0) || !(s.detector_length_m >= 0.0))
    throw InputError("sterile setup: core and detector lengths must be >= 0");
  for (const double L : s.distances_m)
    if (!(L > half))
      throw InputError("sterile setup: distance " + std::to_string(L) + " m must exceed half the core plus detector length");
}

// Nodes and weights of u = x_det - x_core (uniform core of length c, uniform detector of length d):
// the density is a trapezoid on [-h, h], h = (c + d)/2, flat on [-g, g], g = |c - d|/2.
void trapezoid_nodes(double c, double d, double L, std::vector<double>& nodes, std::vector<double>& weights) {
  nodes.clear();
  weights.clear();
  const double h = 0.5 * (c + d), g = 0.5 * std::abs(c - d), top = 1.0 / std::max(c, d);
  if (h == 0.0) {
    nodes.push_back(0.0);
    weights.push_back(1.0);
    return;
  }
  auto density = [&](double u) { return std::abs(u) <= g ? top : (h - std::abs(u)) / (c * d); };
  const FixedQuadrature rule(16, 1);
  const double pieces[4] = {-h, -g, g, h};
  double sum = 0.0;
  for (int p = 0; p < 3; ++p) {
    const double a = pieces[p], b = pieces[p + 1];
    if (!(b > a)) continue;
    const double width = (b - a) / static_cast<double>(panels_per_piece);
    for (std::size_t q = 0; q < panels_per_piece; ++q)
      for (std::size_t i = 0; i < rule.size(); ++i) {
        const double u = a + width * (static_cast<double>(q) + rule.unit_nodes()[i]);
        const double w = width * rule.unit_weights()[i] * density(u) / ((L + u) * (L + u));
        nodes.push_back(u);
        weights.push_back(w);
        sum += w;
      }
  }
  for (auto& w : weights) w /= sum;
}

}  // namespace

const std::vector<std::string>& sterile_setup_keys() {
  static const std::vector<std::string> keys{
      "flux_at_1m_per_cm2_s", "mass_kg",        "exposure_kg_yr",    "threshold_eV",   "max_recoil_eV",
      "recoil_bins",          "background_ckkd", "core_length_m",    "detector_length_m", "fraction_U235",
      "fraction_U238",        "fraction_Pu239", "fraction_Pu241",    "captures_per_fission", "energy_bin_MeV"};
  return keys;
}

void set_sterile_setup_key(SterileSetup& s, const std::string& key, double v) {
  if (key == "flux_at_1m_per_cm2_s") s.flux_at_1m_per_cm2_s = v;
  else if (key == "mass_kg") s.mass_kg = v;
  else if (key == "exposure_kg_yr") s.exposure_kg_yr = v;
  else if (key == "threshold_eV") s.threshold_eV = v;
  else if (key == "max_recoil_eV") s.max_recoil_eV = v;
  else if (key == "recoil_bins") {
    if (!(v >= 1.0) || v != std::floor(v)) throw InputError("sterile setup: recoil_bins must be a positive integer");
    s.recoil_bins = static_cast<std::size_t>(v);
  } else if (key == "background_ckkd") s.background_ckkd = v;
  else if (key == "core_length_m") s.core_length_m = v;
  else if (key == "detector_length_m") s.detector_length_m = v;
  else if (key == "fraction_U235") s.fission_fractions[0] = v;
  else if (key == "fraction_U238") s.fission_fractions[1] = v;
  else if (key == "fraction_Pu239") s.fission_fractions[2] = v;
  else if (key == "fraction_Pu241") s.fission_fractions[3] = v;
  else if (key == "captures_per_fission") s.captures_per_fission = v;
  else if (key == "energy_bin_MeV") s.energy_bin_MeV = v;
  else throw InputError("unknown sterile setup key '" + key + "'" + did_you_mean(key, sterile_setup_keys()));
}

SterileSensitivity::SterileSensitivity(const SterileSetup& setup, const ReactorSpectrumModel& model,
                                       const Material& target)
    : setup_(setup) {
  validate(setup_);
  const MaterialCrossSection xs(target);
  const std::size_t K = setup_.recoil_bins, D = setup_.distances_m.size();
  // Recoil bins, logarithmic.
  recoil_edges_eV_.resize(K + 1);
  const double ratio = std::log(setup_.max_recoil_eV / setup_.threshold_eV);
  for (std::size_t k = 0; k <= K; ++k)
    recoil_edges_eV_[k] = setup_.threshold_eV * std::exp(ratio * static_cast<double>(k) / static_cast<double>(K));
  std::vector<double> recoil_edges;
  for (const double t : recoil_edges_eV_) recoil_edges.push_back(t * units::eV);
  // Neutrino-energy bins from the lowest energy that reaches the threshold (heaviest isotope).
  const Spectrum spectrum = reactor_spectrum_per_fission(model, setup_.fission_fractions, setup_.captures_per_fission);
  double heaviest = 0.0;
  for (const auto& iso : xs.isotopes()) heaviest = std::max(heaviest, iso.mass());
  const double e_lo = std::max(spectrum.min_energy(), kinematics::min_neutrino_energy(recoil_edges.front(), heaviest));
  const double e_hi = spectrum.max_energy();
  if (!(e_hi > e_lo)) throw InputError("sterile setup: threshold above the reactor spectrum's reach");
  std::vector<double> energy_edges{e_lo};
  const double step = setup_.energy_bin_MeV * units::MeV;
  while (energy_edges.back() + 0.5 * step < e_hi) energy_edges.push_back(std::min(e_hi, energy_edges.back() + step));
  if (energy_edges.back() < e_hi) energy_edges.back() = e_hi;
  for (std::size_t j = 0; j + 1 < energy_edges.size(); ++j)
    energy_centres_.push_back(0.5 * (energy_edges[j] + energy_edges[j + 1]));
  // Flux at 1 m per unit energy (natural units): the seed's integral flux with the reactor shape.
  const double flux_1m = setup_.flux_at_1m_per_cm2_s / (units::cm2 * units::s);
  const double total = spectrum.total();
  const auto phi = stats::bin_average([&](double E) { return flux_1m * spectrum.density(E) / total; }, energy_edges);
  // Counts per position: exposure / D kg yr.
  const double exposure = target.formula_units_per_kg() * setup_.exposure_kg_yr / static_cast<double>(D) * units::year;
  const auto resp = stats::build_response_matrix(xs, Neutrino{Flavour::e, true}, recoil_edges, energy_edges, exposure);
  const std::size_t J = energy_centres_.size();
  const double live_days = setup_.exposure_kg_yr / static_cast<double>(D) / setup_.mass_kg * 365.25;
  for (std::size_t d = 0; d < D; ++d) {
    const double L = setup_.distances_m[d];
    std::vector<double> w(J * K), s0(K, 0.0), b(K), n(K);
    for (std::size_t j = 0; j < J; ++j)
      for (std::size_t k = 0; k < K; ++k) {
        w[j * K + k] = resp.matrix(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(j)) * phi(static_cast<Eigen::Index>(j)) / (L * L);
        s0[k] += w[j * K + k];
      }
    for (std::size_t k = 0; k < K; ++k) {
      const double width_keV = (recoil_edges_eV_[k + 1] - recoil_edges_eV_[k]) * 1e-3;
      b[k] = setup_.background_ckkd * width_keV * setup_.mass_kg * live_days;
      n[k] = s0[k] + b[k];
    }
    weights_.push_back(std::move(w));
    unoscillated_.push_back(std::move(s0));
    background_.push_back(std::move(b));
    observed_.push_back(std::move(n));
    u_nodes_.emplace_back();
    u_weights_.emplace_back();
    trapezoid_nodes(setup_.core_length_m, setup_.detector_length_m, L, u_nodes_.back(), u_weights_.back());
  }
}

double SterileSensitivity::mean_sin2(std::size_t d, double dm2_eV2, double E) const {
  // Phase per metre: dm^2 L / (4 E) (the 1.267 dm^2[eV^2] L[m] / E[MeV] of the docs, exactly).
  const double k = dm2_eV2 * units::eV * units::eV * units::m / (4.0 * E);
  const double piece = std::max(setup_.core_length_m, setup_.detector_length_m);
  if (u_nodes_[d].size() > 1 && 2.0 * k * piece / static_cast<double>(panels_per_piece) > max_phase_per_panel)
    return 0.5;
  double sum = 0.0;
  const double L = setup_.distances_m[d];
  for (std::size_t q = 0; q < u_nodes_[d].size(); ++q) {
    const double s = std::sin(k * (L + u_nodes_[d][q]));
    sum += u_weights_[d][q] * s * s;
  }
  return sum;
}

double SterileSensitivity::averaged_survival(std::size_t d, const SterileParameters& p, double E) const {
  if (d >= setup_.distances_m.size()) throw InputError("sterile sensitivity: no such position");
  if (!(p.sin2_2theta >= 0.0 && p.sin2_2theta <= 1.0) || !(p.delta_m2_eV2 >= 0.0) || !(E > 0.0))
    throw InputError("sterile sensitivity: sin^2 2theta in [0, 1], dm^2 >= 0 and E > 0 required");
  return 1.0 - p.sin2_2theta * mean_sin2(d, p.delta_m2_eV2, E);
}

std::vector<std::vector<double>> SterileSensitivity::oscillated(double dm2) const {
  {
    const std::lock_guard lock(cache_mutex_);
    const auto it = cache_.find(dm2);
    if (it != cache_.end()) return it->second;
  }
  const std::size_t K = setup_.recoil_bins, J = energy_centres_.size();
  std::vector<std::vector<double>> o(setup_.distances_m.size(), std::vector<double>(K, 0.0));
  for (std::size_t d = 0; d < o.size(); ++d)
    for (std::size_t j = 0; j < J; ++j) {
      const double m = mean_sin2(d, dm2, energy_centres_[j]);
      for (std::size_t k = 0; k < K; ++k) o[d][k] += weights_[d][j * K + k] * m;
    }
  const std::lock_guard lock(cache_mutex_);
  if (cache_.size() >= max_cached_dm2) cache_.clear();
  cache_.emplace(dm2, o);
  return o;
}

std::vector<std::vector<double>> SterileSensitivity::signal(const SterileParameters& p) const {
  if (!(p.sin2_2theta >= 0.0 && p.sin2_2theta <= 1.0) || !(p.delta_m2_eV2 >= 0.0) || !std::isfinite(p.delta_m2_eV2))
    throw InputError("sterile sensitivity: sin^2 2theta must lie in [0, 1] and dm^2 >= 0, got " +
                     std::to_string(p.sin2_2theta) + ", " + std::to_string(p.delta_m2_eV2));
  auto s = unoscillated_;
  if (p.sin2_2theta == 0.0 || p.delta_m2_eV2 == 0.0) return s;
  const auto o = oscillated(p.delta_m2_eV2);
  for (std::size_t d = 0; d < s.size(); ++d)
    for (std::size_t k = 0; k < s[d].size(); ++k) s[d][k] -= p.sin2_2theta * o[d][k];
  return s;
}

// Newton iterations on the convex deviance in a; returns the minimum, a updated.
double SterileSensitivity::profile(const std::vector<std::vector<double>>& sig, double& a) const {
  const double inv_var = 1.0 / (setup_.normalisation_uncertainty * setup_.normalisation_uncertainty);
  auto deviance = [&](double x, double* d1, double* d2) {
    double f = inv_var * (x - 1.0) * (x - 1.0), g = 2.0 * inv_var * (x - 1.0), h = 2.0 * inv_var;
    for (std::size_t d = 0; d < sig.size(); ++d)
      for (std::size_t k = 0; k < sig[d].size(); ++k) {
        const double n = observed_[d][k], mu = x * sig[d][k] + background_[d][k];
        if (!(mu > 0.0)) return impossible;
        f += 2.0 * (mu - n + (n > 0.0 ? n * std::log(n / mu) : 0.0));
        g += 2.0 * sig[d][k] * (1.0 - n / mu);
        h += 2.0 * n * sig[d][k] * sig[d][k] / (mu * mu);
      }
    if (d1) *d1 = g;
    if (d2) *d2 = h;
    return f;
  };
  a = 1.0;
  double g = 0.0, h = 0.0;
  double f = deviance(a, &g, &h);
  for (int it = 0; it < 100 && h > 0.0; ++it) {
    double step = -g / h, trial = a + step, ft = deviance(trial, &g, &h);
    while (!(ft <= f) && std::abs(step) > 1e-15) {  // halve into the valid, descending region
      step *= 0.5;
      trial = a + step;
      ft = deviance(trial, &g, &h);
    }
    const bool done = std::abs(step) < 1e-13 * std::max(1.0, std::abs(a));
    if (ft <= f) {
      a = trial;
      f = ft;
    }
    deviance(a, &g, &h);
    if (done) break;
  }
  if (!std::isfinite(f)) throw NumericalError("sterile sensitivity: profiled deviance is not finite");
  return std::max(f, 0.0);
}

double SterileSensitivity::delta_chi2(const SterileParameters& p) const {
  double a = 1.0;
  return profile(signal(p), a);
}

double SterileSensitivity::best_normalisation(const SterileParameters& p) const {
  double a = 1.0;
  (void)profile(signal(p), a);
  return a;
}

double SterileSensitivity::sensitivity(double dm2_eV2, double level) const {
  if (!(level > 0.0)) throw InputError("sterile sensitivity: the Delta chi^2 level must be positive");
  auto at = [&](double s) { return delta_chi2({s, dm2_eV2}); };
  if (at(1.0) < level) return 1.0;
  double lo = 0.0, hi = 1.0;  // Delta chi^2 grows with s (quadratically for small s)
  for (int it = 0; it < 60 && hi - lo > 1e-6 * hi; ++it) {
    const double mid = 0.5 * (lo + hi);
    (at(mid) < level ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace cevns
