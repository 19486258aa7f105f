#pragma once
// Backgrounds as binned shapes in the observable (docs/physics/detectors.md):
//   flat   a rate in counts / (keV kg day) ("ckkd"), keV of the observable's energy scale
//          (keVee for keVee and pe observables, keVnr for keVnr); counts in bin k =
//          rate x width_k[keV] x mass[kg] x live time[day]  (pe widths converted with the light yield)
//   table  counts (or a shape) at observable bin centres, scaled to total_counts over the table;
//          each entry goes to the analysis bin that contains its centre
// Timing, for pulsed (pi-DAR) sources: steady-state backgrounds are uniform in time; beam-related
// ones follow the prompt or delayed neutrino timing or a tabulated time shape.
#include <string>
#include <vector>

#include "cevns/detector/detector_response.hpp"
#include "cevns/sources/decay_at_rest_timing.hpp"

namespace cevns {

enum class BackgroundShape { flat, table };
enum class BackgroundTiming { steady, prompt, delayed, table };

struct Background {
  std::string name;
  BackgroundShape shape = BackgroundShape::flat;
  double rate_ckkd = 0.0;                       // flat
  std::vector<double> table_x, table_counts;    // table (observable units)
  double total_counts = 0.0;                    // table: sum of the table after scaling
  BackgroundTiming timing = BackgroundTiming::steady;
  std::vector<double> time_table_us, time_table_weight;  // timing table: bin centres (us), weights

  [[nodiscard]] bool beam_related() const { return timing != BackgroundTiming::steady; }
  // Counts per observable bin of `response` for a detector of mass_kg over live_days.
  [[nodiscard]] std::vector<double> binned_counts(const DetectorResponse& response, double mass_kg,
                                                  double live_days) const;
  // Fraction of the counts in each time bin [edges_i, edges_{i+1}) (natural units); the fractions
  // of a steady background are widths / total window, so they sum to 1 over the window.
  [[nodiscard]] std::vector<double> time_fractions(const std::vector<double>& time_edges,
                                                   const DecayAtRestTiming& timing) const;
};

const char* to_string(BackgroundTiming t);

}  // namespace cevns
