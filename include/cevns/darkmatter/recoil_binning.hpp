#pragma once
// The recoil-energy window of a dark-matter analysis and the simple detector response applied to
// every spectrum: a threshold, an upper end, logarithmic bins, a flat efficiency and an optional
// efficiency curve. Energy resolution is not modelled (the neutrino-fog convention of O'Hare 2021:
// perfect resolution, 50 log bins from 1e-4 to 200 keV).
#include <functional>
#include <vector>

#include "cevns/core/units.hpp"

namespace cevns {

struct RecoilBinning {
  double threshold = 1e-4 * units::keV;   // natural units
  double max_recoil = 200.0 * units::keV;
  int bins = 50;
  double efficiency = 1.0;                          // flat, 0 < eff <= 1
  std::function<double(double)> efficiency_curve;   // optional eps(E_R) in [0, 1], multiplies

  // InputError for 0 >= threshold, max <= threshold, bins < 1 or > 10000, efficiency outside (0, 1].
  void validate() const;
  // bins + 1 edges, log-spaced.
  [[nodiscard]] std::vector<double> edges() const;
  // Per bin: int eps(E) f(E) dE over the bin, f taken as zero above `support_max` (the spectrum's
  // endpoint, so that a spectrum ending inside a bin is integrated up to its end only). Gauss-
  // Legendre, 16 nodes in ln E per bin.
  [[nodiscard]] std::vector<double> integrate(const std::function<double(double)>& f, double support_max) const;
};

}  // namespace cevns
