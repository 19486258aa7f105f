#include "cevns/sources/tabulated_spectrum.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"

namespace cevns {
namespace {

constexpr double kInitialWidth = 1.0 / 32.0;  // first partition: width <= this x the panel's upper end
constexpr std::size_t kMinSubintervals = 4;    // per panel
constexpr int kHalvingsTowardZero = 12;
constexpr int kMaxDepth = 24;                  // halvings of a first-partition sub-interval
constexpr double kTolerance = 1e-8;            // relative to F_k at the point ...
constexpr double kFloor = 1e-13;               // ... plus this fraction of the whole F_k

const FixedQuadrature& node_rule() {
  static const FixedQuadrature rule(4, 1);
  return rule;
}

// A sub-interval: its ends, one-sided densities there, Gauss-Legendre nodes and weights x density,
// and the integrals of phi E^-k over it.
struct Piece {
  double lo = 0.0, hi = 0.0, phi_lo = 0.0, phi_hi = 0.0;
  std::array<double, 4> energy{}, weight{};
  std::array<double, 3> integral{};
};

// Builds the sub-intervals from the top of the spectrum down, so that F_k above each piece is known
// when it is checked: a piece is halved until the cubic Hermite interpolant of F_k at its midpoint
// (from the ends) agrees with the Gauss-Legendre value there to kTolerance relative to F_k (plus
// kFloor of the whole F_k, from a first pass). Steep ends of tables and spectra get short pieces;
// where the cubic is that accurate, the 4-node rule (exact to degree 7) is more so.
class Builder {
 public:
  explicit Builder(const Spectrum& s) : s_(s) {}

  // First pass: the first partition of every panel (top down), and the whole F_k from it.
  void panel(double a, double b) {
    const auto n = std::max<std::size_t>(kMinSubintervals, static_cast<std::size_t>(std::ceil((b - a) / (kInitialWidth * b))));
    const double h = (b - a) / static_cast<double>(n);
    std::vector<double> cuts{a};
    if (a == 0.0)  // geometric towards 0 inside the first sub-interval
      for (int j = kHalvingsTowardZero; j >= 1; --j) cuts.push_back(std::ldexp(h, -j));
    for (std::size_t i = 1; i <= n; ++i) cuts.push_back(i == n ? b : a + h * static_cast<double>(i));
    for (std::size_t i = cuts.size() - 1; i-- > 0;) {
      const double lo = cuts[i], hi = cuts[i + 1];
      // One-sided limits at the panel's ends: a step there belongs to the side it bounds.
      const double phi_lo = s_.density(i == 0 ? std::nextafter(lo, hi) : lo);
      const double phi_hi = s_.density(i + 2 == cuts.size() ? std::nextafter(hi, lo) : hi);
      first_.push_back(gauss(lo, hi, phi_lo, phi_hi));
      for (std::size_t k = 0; k < 3; ++k) floor_[k] += kFloor * first_.back().integral[k];
    }
  }
  // Second pass: refine the first partition, top down.
  void refine_all() {
    for (const auto& p : first_) refine(p, 0);
  }
  // Pieces from the top down.
  [[nodiscard]] const std::vector<Piece>& pieces() const { return pieces_; }

 private:
  Piece gauss(double lo, double hi, double phi_lo, double phi_hi) const {
    const auto& rule = node_rule();
    Piece p{lo, hi, phi_lo, phi_hi, {}, {}, {}};
    for (std::size_t i = 0; i < 4; ++i) {
      const double e = lo + (hi - lo) * rule.unit_nodes()[i];
      const double w = (hi - lo) * rule.unit_weights()[i] * s_.density(e);
      p.energy[i] = e;
      p.weight[i] = w;
      p.integral[0] += w;
      p.integral[1] += w / e;
      p.integral[2] += w / (e * e);
    }
    return p;
  }

  void refine(const Piece& p, int depth) {
    if (depth < kMaxDepth && p.lo > 0.0) {
      const double mid = 0.5 * (p.lo + p.hi), h = p.hi - p.lo;
      const double phi_mid = s_.density(mid);
      const Piece right = gauss(mid, p.hi, phi_mid, p.phi_hi);
      bool accurate = true;
      double power_lo = 1.0, power_hi = 1.0;
      for (std::size_t k = 0; k < 3 && accurate; ++k) {
        const double g_hi = above_[k], g_lo = above_[k] + p.integral[k];
        const double exact_mid = above_[k] + right.integral[k];
        // H(1/2) = (G_lo + G_hi) / 2 + h (G'_lo - G'_hi) / 8, G' = -phi x^-k.
        const double hermite = 0.5 * (g_lo + g_hi) + h * (-p.phi_lo * power_lo + p.phi_hi * power_hi) / 8.0;
        accurate = std::abs(hermite - exact_mid) <= kTolerance * exact_mid + floor_[k];
        power_lo /= p.lo;
        power_hi /= p.hi;
      }
      if (!accurate) {
        refine(right, depth + 1);
        refine(gauss(p.lo, mid, p.phi_lo, phi_mid), depth + 1);
        return;
      }
    }
    pieces_.push_back(p);
    for (std::size_t k = 0; k < 3; ++k) above_[k] += p.integral[k];
  }

  const Spectrum& s_;
  std::vector<Piece> first_, pieces_;
  std::array<double, 3> above_{}, floor_{};
};

}  // namespace

TabulatedSpectrum::TabulatedSpectrum(const Spectrum& s) {
  lines_ = s.lines();
  if (s.has_continuum()) {
    const auto& panels = s.panel_edges();
    panel_edges_ = panels;
    Builder builder(s);
    for (std::size_t p = panels.size() - 1; p-- > 0;) builder.panel(panels[p], panels[p + 1]);
    builder.refine_all();
    const auto& pieces = builder.pieces();
    const std::size_t n = pieces.size();
    edges_.reserve(n + 1);
    density_lo_.reserve(n);
    density_hi_.reserve(n);
    node_energy_.reserve(4 * n);
    node_weight_.reserve(4 * n);
    edges_.push_back(pieces.back().lo);
    for (std::size_t i = n; i-- > 0;) {
      const Piece& q = pieces[i];
      edges_.push_back(q.hi);
      density_lo_.push_back(q.phi_lo);
      density_hi_.push_back(q.phi_hi);
      node_energy_.insert(node_energy_.end(), q.energy.begin(), q.energy.end());
      node_weight_.insert(node_weight_.end(), q.weight.begin(), q.weight.end());
    }
  }
  finish();
}

void TabulatedSpectrum::finish() {
  std::sort(lines_.begin(), lines_.end(), [](const auto& x, const auto& y) { return x.energy < y.energy; });
  for (const auto& l : lines_)
    if (!(l.energy > 0.0) || !(l.intensity >= 0.0) || !std::isfinite(l.intensity))
      throw NumericalError("tabulated spectrum: a line needs E > 0 and a finite intensity >= 0");
  const std::size_t nl = lines_.size();
  for (auto& v : line_suffix_) v.assign(nl + 1, 0.0);
  for (std::size_t l = nl; l-- > 0;) {
    const double e = lines_[l].energy, w = lines_[l].intensity;
    line_suffix_[0][l] = line_suffix_[0][l + 1] + w;
    line_suffix_[1][l] = line_suffix_[1][l + 1] + w / e;
    line_suffix_[2][l] = line_suffix_[2][l + 1] + w / (e * e);
  }
  line_total_ = line_suffix_[0][0];
  const std::size_t n = edges_.empty() ? 0 : edges_.size() - 1;
  const std::size_t m = n == 0 ? 0 : node_energy_.size() / n;
  for (auto& v : cumulative_) v.assign(edges_.size(), 0.0);
  for (std::size_t k = n; k-- > 0;) {
    double s0 = 0.0, s1 = 0.0, s2 = 0.0;
    for (std::size_t i = k * m; i < (k + 1) * m; ++i) {
      const double e = node_energy_[i], w = node_weight_[i];
      if (!std::isfinite(w)) throw NumericalError("tabulated spectrum: the density is not finite");
      s0 += w;
      s1 += w / e;
      s2 += w / (e * e);
    }
    cumulative_[0][k] = cumulative_[0][k + 1] + s0;
    cumulative_[1][k] = cumulative_[1][k + 1] + s1;
    cumulative_[2][k] = cumulative_[2][k + 1] + s2;
  }
  continuum_total_ = n ? cumulative_[0][0] : 0.0;
  // Range: the continuum nodes with weight and the lines.
  min_energy_ = max_energy_ = 0.0;
  bool any = false;
  auto include = [&](double lo, double hi) {
    min_energy_ = any ? std::min(min_energy_, lo) : lo;
    max_energy_ = any ? std::max(max_energy_, hi) : hi;
    any = true;
  };
  for (std::size_t k = 0; k < n; ++k) {
    bool nonzero = density_lo_[k] != 0.0 || density_hi_[k] != 0.0;
    for (std::size_t i = k * m; i < (k + 1) * m && !nonzero; ++i) nonzero = node_weight_[i] != 0.0;
    if (nonzero) include(edges_[k], edges_[k + 1]);
  }
  for (const auto& l : lines_)
    if (l.intensity > 0.0) include(l.energy, l.energy);
}

std::array<double, 3> TabulatedSpectrum::moments_above(double x) const {
  std::array<double, 3> f{};
  const auto l = static_cast<std::size_t>(
      std::lower_bound(lines_.begin(), lines_.end(), x, [](const auto& a, double v) { return a.energy < v; }) -
      lines_.begin());
  for (std::size_t k = 0; k < 3; ++k) f[k] = line_suffix_[k][l];
  if (edges_.empty() || x >= edges_.back()) return f;
  if (x <= edges_.front()) {
    for (std::size_t k = 0; k < 3; ++k) f[k] += cumulative_[k][0];
    return f;
  }
  const auto s = static_cast<std::size_t>(std::upper_bound(edges_.begin(), edges_.end(), x) - edges_.begin()) - 1;
  const double a = edges_[s], b = edges_[s + 1], h = b - a, t = (x - a) / h;
  const double h00 = (1 + 2 * t) * (1 - t) * (1 - t), h10 = t * (1 - t) * (1 - t);
  const double h01 = t * t * (3 - 2 * t), h11 = t * t * (t - 1);
  // F_k' = -phi(x) x^-k at both ends.
  const double da = -density_lo_[s] * h, db = -density_hi_[s] * h;
  // At x_0 = 0 (the first 1/4096 of a panel from 0) the x^-k factors are dropped: spectra vanish there.
  const double ia = a > 0.0 ? 1.0 / a : 0.0, ib = 1.0 / b;
  double pa = 1.0, pb = 1.0;
  for (std::size_t k = 0; k < 3; ++k) {
    f[k] += h00 * cumulative_[k][s] + h01 * cumulative_[k][s + 1] + h10 * da * pa + h11 * db * pb;
    pa *= ia;
    pb *= ib;
  }
  return f;
}

TabulatedSpectrum TabulatedSpectrum::scaled(double factor) const {
  if (!(factor >= 0.0) || !std::isfinite(factor)) throw InputError("spectrum scale factor must be finite and >= 0");
  TabulatedSpectrum t = *this;
  for (auto& v : t.density_lo_) v *= factor;
  for (auto& v : t.density_hi_) v *= factor;
  for (auto& v : t.node_weight_) v *= factor;
  for (auto& l : t.lines_) l.intensity *= factor;
  t.finish();
  return t;
}

TabulatedSource::TabulatedSource(const NeutrinoSource& source) : normalisation(source.normalisation) {
  for (const auto nu : source.species()) {
    species.push_back(nu);
    spectra.emplace_back(*source.spectrum(nu));
  }
}

double TabulatedSource::max_energy() const {
  double e = 0.0;
  for (const auto& s : spectra) e = std::max(e, s.max_energy());
  return e;
}

}  // namespace cevns
