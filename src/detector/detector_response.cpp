#include "cevns/detector/detector_response.hpp"

#include <boost/math/distributions/gamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/interpolation.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/core/units.hpp"

namespace cevns {
namespace {

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

const FixedQuadrature& smearing_rule() {
  static const FixedQuadrature rule(16, 1);
  return rule;
}

// int_lo^hi f(x) dx on panels no wider than `step`, broken at `breaks` (the efficiency's steps and
// kinks): the integrand is smooth on each panel, where Gauss-Legendre is accurate.
template <class F>
double panel_integral(const F& f, double lo, double hi, double step, const std::vector<double>& breaks) {
  const auto& rule = smearing_rule();
  double s = 0.0;
  auto b = std::upper_bound(breaks.begin(), breaks.end(), lo);
  while (lo < hi) {
    const double end = (b != breaks.end() && *b < hi) ? *b++ : hi;
    const auto panels = static_cast<std::size_t>(std::clamp(std::ceil((end - lo) / step), 1.0, 256.0));
    const double w = (end - lo) / static_cast<double>(panels);
    for (std::size_t p = 0; p < panels; ++p)
      s += rule.integrate(f, lo + w * static_cast<double>(p), lo + w * static_cast<double>(p + 1));
    lo = end;
  }
  return s;
}

// Probability of x in [lo, hi) under a gamma distribution, each x weighted by eff(x). From x = 0 the
// panels are graded: x^(kappa-1) has an infinite derivative there for kappa < 2.
template <class Eff>
double gamma_bin(const boost::math::gamma_distribution<>& g, double lo, double hi, bool flat, const Eff& eff,
                 const std::vector<double>& breaks) {
  if (flat) return boost::math::cdf(g, hi) - boost::math::cdf(g, lo);
  // The density in closed form with its normalisation computed once: boost::math::pdf recomputes
  // it per call, and this integrand is evaluated ~10^5 times per response matrix.
  const double kappa = g.shape(), theta = g.scale();
  const double log_norm = std::lgamma(kappa) + kappa * std::log(theta);
  const auto f = [&](double x) { return eff(x) * std::exp((kappa - 1.0) * std::log(x) - x / theta - log_norm); };
  const double step = 0.5 * boost::math::standard_deviation(g);
  double s = 0.0;
  if (lo == 0.0) {
    const double first = std::min(hi, step);
    double b = first;
    for (int m = 0; m < 30; ++m, b *= 0.5) s += panel_integral(f, 0.5 * b, b, step, breaks);
    s += smearing_rule().integrate(f, 0.0, b);
    lo = first;
  }
  return hi > lo ? s + panel_integral(f, lo, hi, step, breaks) : s;
}

}  // namespace

const char* to_string(Observable o) {
  switch (o) {
    case Observable::keVnr: return "keVnr";
    case Observable::keVee: return "keVee";
    case Observable::pe: return "pe";
  }
  return "keVnr";
}

Observable parse_observable(const std::string& name) {
  if (name == "keVnr") return Observable::keVnr;
  if (name == "keVee") return Observable::keVee;
  if (name == "pe") return Observable::pe;
  throw InputError("unknown observable '" + name + "'" + did_you_mean(name, {"keVnr", "keVee", "pe"}) +
                   " (keVnr, keVee or pe)");
}

Resolution Resolution::table(std::vector<double> mu_keV, std::vector<double> sigma_keV) {
  if (mu_keV.size() < 2 || mu_keV.size() != sigma_keV.size())
    throw InputError("resolution table needs >= 2 rows of (mean_keV, sigma_keV)");
  for (std::size_t i = 0; i < mu_keV.size(); ++i) {
    if (i > 0 && !(mu_keV[i] > mu_keV[i - 1])) throw InputError("resolution table: mean energies must increase");
    if (!(sigma_keV[i] >= 0.0) || !std::isfinite(sigma_keV[i]))
      throw InputError("resolution table: sigma must be finite and >= 0 (row " + std::to_string(i + 1) + ")");
  }
  Resolution r;
  r.model = ResolutionModel::table;
  r.table_mu_keV = std::move(mu_keV);
  r.table_sigma_keV = std::move(sigma_keV);
  return r;
}

double Resolution::sigma(double mu_keV) const {
  const double mu = std::max(mu_keV, 0.0);
  switch (model) {
    case ResolutionModel::none: return 0.0;
    case ResolutionModel::sqrt: return std::max(0.0, a_sqrt_keV * std::sqrt(mu) + b_keV);
    case ResolutionModel::fano:
      return std::sqrt(sigma0_keV * sigma0_keV + fano_factor * pair_energy_keV * mu);
    case ResolutionModel::gamma: return 0.0;
    case ResolutionModel::table:
      return linear_interpolation(table_mu_keV, table_sigma_keV, mu);
  }
  return 0.0;
}

void ResponseMatrix::apply(std::span<const double> v, std::span<double> out) const {
  const bool banded = first.size() == bins && last.size() == bins;
  for (std::size_t k = 0; k < bins; ++k) {
    const double* row = values.data() + k * nodes;
    double s = 0.0;
    const std::size_t j0 = banded ? first[k] : 0, j1 = banded ? last[k] : nodes;
    for (std::size_t j = j0; j < j1; ++j) s += row[j] * v[j];
    out[k] = s;
  }
}

void ResponseMatrix::find_bands() {
  first.assign(bins, 0);
  last.assign(bins, 0);
  for (std::size_t k = 0; k < bins; ++k) {
    const double* row = values.data() + k * nodes;
    std::size_t a = 0, b = nodes;
    while (a < nodes && row[a] == 0.0) ++a;
    while (b > a && row[b - 1] == 0.0) --b;
    first[k] = a;
    last[k] = b;
  }
}

void DetectorResponse::validate() const {
  if (bin_edges.size() < 2) throw InputError("detector: at least one observable bin is needed");
  for (std::size_t i = 1; i < bin_edges.size(); ++i)
    if (!(bin_edges[i] > bin_edges[i - 1])) throw InputError("detector: bin edges must increase");
  if (observable == Observable::pe && !(light_yield_pe_per_keVee > 0.0))
    throw InputError("detector: observable pe needs a positive light yield (PE/keVee)");
  const bool gamma = resolution.model == ResolutionModel::gamma;
  if (observable == Observable::pe && resolution.model != ResolutionModel::none && !gamma)
    throw InputError("detector: observable pe is smeared by Poisson photo-statistics or a gamma response; "
                     "resolution model must be none or gamma");
  const auto& table = resolution.table_mu_keV;
  if (resolution.model == ResolutionModel::table &&
      (table.size() < 2 || table.size() != resolution.table_sigma_keV.size()))
    throw InputError("detector: the resolution table needs >= 2 rows of (mean_keV, sigma_keV)");
  if (gamma && observable != Observable::pe)
    throw InputError("detector: the gamma resolution model is for observable pe only");
  if (gamma && !(resolution.gamma_shape_per_keVee >= 0.0 && std::isfinite(resolution.gamma_shape_per_keVee)))
    throw InputError("detector: gamma shape_per_keVee must be >= 0");
  if (!(threshold >= 0.0) || !std::isfinite(threshold)) throw InputError("detector: threshold must be >= 0");
}

double DetectorResponse::mean_observable(double recoil) const {
  switch (observable) {
    case Observable::keVnr: return recoil / units::keV;
    case Observable::keVee: return quenching.electron_equivalent(recoil) / units::keV;
    case Observable::pe: return light_yield_pe_per_keVee * quenching.electron_equivalent(recoil) / units::keV;
  }
  return 0.0;
}

std::vector<double> DetectorResponse::recoil_breakpoints(double recoil_max) const {
  std::vector<double> out;
  if (observable == Observable::pe || resolution.model != ResolutionModel::none) return out;
  std::vector<double> levels = bin_edges;
  levels.push_back(threshold);
  const double mu_max = mean_observable(recoil_max);
  for (const double x : levels) {
    if (!(x > 0.0) || !(x < mu_max)) continue;
    double lo = 0.0, hi = recoil_max;  // mu(T) increasing: bisection
    for (int it = 0; it < 200 && hi - lo > 1e-15 * recoil_max; ++it) {
      const double mid = 0.5 * (lo + hi);
      (mean_observable(mid) < x ? lo : hi) = mid;
    }
    out.push_back(0.5 * (lo + hi));
  }
  std::sort(out.begin(), out.end());
  return out;
}

void DetectorResponse::response_column(double recoil, std::span<double> out) const {
  const std::size_t nb = bins();
  std::fill(out.begin(), out.end(), 0.0);
  const double mu = mean_observable(recoil);
  if (observable == Observable::pe && resolution.model == ResolutionModel::gamma) {
    if (!(mu > 0.0)) return;
    const double kappa = 1.0 + resolution.gamma_shape_per_keVee * mu / light_yield_pe_per_keVee;
    const boost::math::gamma_distribution<> g(kappa, mu / kappa);
    const double top = mu + 25.0 * boost::math::standard_deviation(g);  // tail beyond: < 1e-10
    const bool flat = efficiency.model == EfficiencyModel::none;
    const auto eff = [&](double x) { return efficiency(x + pe_efficiency_offset); };
    auto breaks = efficiency.breakpoints();
    for (auto& b : breaks) b -= pe_efficiency_offset;
    for (std::size_t k = 0; k < nb; ++k) {
      const double lo = std::max({bin_edges[k], threshold, 0.0}), hi = std::min(bin_edges[k + 1], top);
      if (hi > lo) out[k] = gamma_bin(g, lo, hi, flat, eff, breaks);
    }
    return;
  }
  if (observable == Observable::pe) {
    // Poisson in n; sum only where the probability is not negligible.
    const double spread = 10.0 * std::sqrt(mu + 1.0) + 10.0;
    const double n_lo = std::max({0.0, std::ceil(std::max(bin_edges.front(), threshold)), std::floor(mu - spread)});
    const double n_hi = std::min(std::ceil(bin_edges.back()) - 1.0, std::ceil(mu + spread));
    std::size_t k = 0;
    for (double n = n_lo; n <= n_hi; n += 1.0) {
      while (k < nb && !(n < bin_edges[k + 1])) ++k;
      if (k >= nb) break;
      if (n < bin_edges[k] || n < threshold) continue;
      const double p = mu > 0.0 ? std::exp(n * std::log(mu) - mu - std::lgamma(n + 1.0)) : (n == 0.0 ? 1.0 : 0.0);
      out[k] += p * efficiency(n + pe_efficiency_offset);
    }
    return;
  }
  const double sigma = resolution.sigma(mu);
  if (!(sigma > 0.0)) {
    if (mu < threshold) return;
    const auto it = std::upper_bound(bin_edges.begin(), bin_edges.end(), mu);
    if (it == bin_edges.begin() || it == bin_edges.end()) return;
    out[static_cast<std::size_t>(it - bin_edges.begin()) - 1] = efficiency(mu);
    return;
  }
  const bool flat = efficiency.model == EfficiencyModel::none;
  const auto breaks = efficiency.breakpoints();
  for (std::size_t k = 0; k < nb; ++k) {
    const double lo = std::max({bin_edges[k], threshold, mu - 10.0 * sigma});
    const double hi = std::min(bin_edges[k + 1], mu + 10.0 * sigma);
    if (!(hi > lo)) continue;
    if (flat) {
      out[k] = normal_cdf((hi - mu) / sigma) - normal_cdf((lo - mu) / sigma);
      continue;
    }
    const auto f = [&](double x) {
      const double z = (x - mu) / sigma;
      return efficiency(x) * std::exp(-0.5 * z * z);
    };
    out[k] = panel_integral(f, lo, hi, 0.5 * sigma, breaks) / (sigma * std::sqrt(2.0 * M_PI));
  }
}

namespace {

// Lowest observable value that can be counted: the threshold, the first bin edge and where the
// efficiency starts (Poisson and gamma PE evaluate the efficiency at x + pe_efficiency_offset).
double lowest_counted(const DetectorResponse& r) {
  double x = std::max(r.threshold, r.bin_edges.front());
  double z = r.efficiency.zero_below();
  if (r.observable == Observable::pe) z -= r.pe_efficiency_offset;
  return std::max(x, z);
}

}  // namespace

double DetectorResponse::probability_above_lowest(double recoil) const {
  const double x = lowest_counted(*this);
  const double mu = mean_observable(recoil);
  if (observable == Observable::pe && resolution.model == ResolutionModel::gamma) {
    if (!(mu > 0.0)) return 0.0;
    if (!(x > 0.0)) return 1.0;
    const double kappa = 1.0 + resolution.gamma_shape_per_keVee * mu / light_yield_pe_per_keVee;
    return boost::math::gamma_q(kappa, x * kappa / mu);
  }
  if (observable == Observable::pe) {
    const double n = std::ceil(std::max(x, 0.0));  // P(count >= n | mu)
    if (n <= 0.0) return 1.0;
    return mu > 0.0 ? boost::math::gamma_p(n, mu) : 0.0;
  }
  const double sigma = resolution.sigma(mu);
  if (!(sigma > 0.0)) return mu >= x ? 1.0 : 0.0;
  return normal_cdf((mu - x) / sigma);
}

double DetectorResponse::probability_below_top(double recoil) const {
  const double x = bin_edges.back();
  const double mu = mean_observable(recoil);
  if (observable == Observable::pe && resolution.model == ResolutionModel::gamma) {
    if (!(mu > 0.0)) return 1.0;
    const double kappa = 1.0 + resolution.gamma_shape_per_keVee * mu / light_yield_pe_per_keVee;
    return boost::math::gamma_p(kappa, x * kappa / mu);
  }
  if (observable == Observable::pe) {
    const double n = std::ceil(x) - 1.0;  // P(count <= n | mu)
    if (n < 0.0) return 0.0;
    return mu > 0.0 ? boost::math::gamma_q(n + 1.0, mu) : 1.0;
  }
  const double sigma = resolution.sigma(mu);
  if (!(sigma > 0.0)) return mu < x ? 1.0 : 0.0;
  return normal_cdf((x - mu) / sigma);
}

RecoilInterval DetectorResponse::detectable_recoils(double recoil_max, double tail) const {
  validate();
  RecoilInterval r{0.0, recoil_max};
  if (!(recoil_max > 0.0)) return r;
  // Bisection in ln T for the crossing of `tail`, assuming the probability is monotonic in T; the
  // result is then checked on a grid beyond it and dropped (no cut) if the check fails.
  constexpr double kBottom = 1e-9;  // relative to recoil_max: below, no cut is sought
  const double l_min = std::log(kBottom * recoil_max), l_max = std::log(recoil_max);
  auto crossing = [&](auto&& p, bool rising) {
    double a = l_min, b = l_max;  // rising: p(a) < tail <= p(b); falling: p(a) >= tail > p(b)
    for (int it = 0; it < 100 && b - a > 1e-12; ++it) {
      const double m = 0.5 * (a + b);
      ((p(std::exp(m)) < tail) == rising ? a : b) = m;
    }
    return rising ? std::exp(a) : std::exp(b);
  };
  const auto above = [&](double t) { return probability_above_lowest(t); };
  const auto below = [&](double t) { return probability_below_top(t); };
  auto holds = [&](auto&& p, double from, double to) {  // p < tail on a grid over [from, to]
    for (int g = 0; g <= 64; ++g)
      if (!(p(from * std::pow(to / from, g / 64.0)) < tail)) return false;
    return true;
  };
  if (!(above(recoil_max) >= tail)) return {recoil_max, recoil_max};
  if (above(kBottom * recoil_max) < tail) {
    const double lo = crossing(above, true);
    if (holds(above, kBottom * recoil_max, lo)) r.lo = lo;
  }
  if (below(recoil_max) < tail) {
    const double hi = crossing(below, false);
    if (hi > r.lo && holds(below, hi, recoil_max)) r.hi = hi;
  }
  return r;
}

ResponseMatrix DetectorResponse::response_matrix(std::span<const double> recoils) const {
  validate();
  ResponseMatrix r;
  r.bins = bins();
  r.nodes = recoils.size();
  r.values.assign(r.bins * r.nodes, 0.0);
  std::vector<double> column(r.bins);
  for (std::size_t j = 0; j < r.nodes; ++j) {
    response_column(recoils[j], column);
    for (std::size_t k = 0; k < r.bins; ++k) r.values[k * r.nodes + j] = column[k];
  }
  r.find_bands();
  return r;
}

}  // namespace cevns
