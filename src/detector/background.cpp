#include "cevns/detector/background.hpp"

#include <algorithm>
#include <numeric>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"

namespace cevns {

std::vector<double> Background::binned_counts(const DetectorResponse& response, double mass_kg,
                                              double live_days) const {
  const std::size_t nb = response.bins();
  std::vector<double> out(nb, 0.0);
  const auto& e = response.bin_edges;
  if (shape == BackgroundShape::flat) {
    // keV per observable unit: 1 for keV observables, 1/Y for photoelectrons.
    const double kev_per_unit =
        response.observable == Observable::pe ? 1.0 / response.light_yield_pe_per_keVee : 1.0;
    for (std::size_t k = 0; k < nb; ++k) {
      const double lo = std::max(e[k], response.threshold);
      const double width = std::max(0.0, e[k + 1] - lo) * kev_per_unit;
      out[k] = rate_ckkd * width * mass_kg * live_days;
    }
    return out;
  }
  const double sum = std::accumulate(table_counts.begin(), table_counts.end(), 0.0);
  if (!(sum > 0.0)) throw InputError("background '" + name + "': the table sums to zero");
  for (std::size_t i = 0; i < table_x.size(); ++i) {
    const double x = table_x[i];
    if (x < response.threshold) continue;
    const auto it = std::upper_bound(e.begin(), e.end(), x);
    if (it == e.begin() || it == e.end()) continue;
    out[static_cast<std::size_t>(it - e.begin()) - 1] += total_counts * table_counts[i] / sum;
  }
  return out;
}

std::vector<double> Background::time_fractions(const std::vector<double>& edges,
                                               const DecayAtRestTiming& t) const {
  const std::size_t n = edges.size() < 2 ? 0 : edges.size() - 1;
  std::vector<double> out(n, 0.0);
  if (n == 0) return out;
  switch (timing) {
    case BackgroundTiming::steady: {
      const double window = edges.back() - edges.front();
      for (std::size_t i = 0; i < n; ++i) out[i] = (edges[i + 1] - edges[i]) / window;
      break;
    }
    case BackgroundTiming::prompt:
      for (std::size_t i = 0; i < n; ++i) out[i] = t.prompt_fraction(edges[i], edges[i + 1]);
      break;
    case BackgroundTiming::delayed:
      for (std::size_t i = 0; i < n; ++i) out[i] = t.delayed_fraction(edges[i], edges[i + 1]);
      break;
    case BackgroundTiming::table: {
      const double sum = std::accumulate(time_table_weight.begin(), time_table_weight.end(), 0.0);
      if (!(sum > 0.0)) throw InputError("background '" + name + "': the time table sums to zero");
      for (std::size_t j = 0; j < time_table_us.size(); ++j) {
        const double tj = time_table_us[j] * units::us;
        const auto it = std::upper_bound(edges.begin(), edges.end(), tj);
        if (it == edges.begin() || it == edges.end()) continue;
        out[static_cast<std::size_t>(it - edges.begin()) - 1] += time_table_weight[j] / sum;
      }
      break;
    }
  }
  return out;
}

const char* to_string(BackgroundTiming t) {
  switch (t) {
    case BackgroundTiming::steady: return "steady";
    case BackgroundTiming::prompt: return "prompt";
    case BackgroundTiming::delayed: return "delayed";
    case BackgroundTiming::table: return "table";
  }
  return "steady";
}

}  // namespace cevns
