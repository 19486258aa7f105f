#pragma once
// Expected counts per observable bin (and per time bin for pi-DAR) of an Experiment:
//
//   N_{k,t} = sum_a s_a f_a(t) sum_i M sum_j R_kj k_{i,a}(T_j)  +  sum_b s_b B_{b,k} g_b(t)
//
// M the mass (kg), k the recoil kernel (rates/recoil_kernel.hpp), R the detector response matrix,
// f_a(t) the DecayAtRestTiming fraction of species a in time bin t (1 without a time axis),
// B_b the binned background b with time fractions g_b, and s the normalisation scales.
// The kernel, R and the per-species binned templates R k_a are computed once at construction;
// evaluate() with new scales is a product of the (bins x components) template matrix with the
// scale vector (docs/physics/detectors.md, docs/performance.md).
#include <span>
#include <string>
#include <vector>

#include "cevns/physics/cevns_cross_section.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "cevns/rates/experiment.hpp"
#include "cevns/rates/recoil_kernel.hpp"

namespace cevns {

// Normalisation scales: empty vectors mean 1 for every component.
struct PredictionScales {
  double signal = 1.0;
  std::vector<double> species;      // one per Prediction::species()
  std::vector<double> backgrounds;  // one per experiment background
};

struct PredictionResult {
  std::size_t energy_bins = 0, time_bins = 1;
  std::vector<double> signal;                   // [energy * time_bins + time]
  std::vector<std::vector<double>> background;  // per component, same layout
  std::vector<double> total;
  double signal_counts = 0.0;
  double background_counts = 0.0;
  std::vector<double> isotope_counts;  // per isotope of the material
  std::vector<double> species_counts;  // per Prediction::species()
  std::vector<double> background_component_counts;
};

class Prediction {
 public:
  explicit Prediction(const Experiment& experiment, const CevnsSettings& settings = {});

  [[nodiscard]] PredictionResult evaluate(const PredictionScales& scales = {}) const;
  // The hot path: total expected counts per (energy, time) bin into `out` (size bins()).
  void expected(const PredictionScales& scales, std::span<double> out) const;
  [[nodiscard]] std::size_t bins() const { return energy_bins_ * time_bins_; }
  [[nodiscard]] std::size_t energy_bins() const { return energy_bins_; }
  [[nodiscard]] std::size_t time_bins() const { return time_bins_; }
  [[nodiscard]] const std::vector<Neutrino>& species() const { return kernel_.species(); }
  [[nodiscard]] const RecoilKernel& kernel() const { return kernel_; }
  [[nodiscard]] const ResponseMatrix& response() const { return response_; }
  [[nodiscard]] const MaterialCrossSection& cross_section() const { return xs_; }
  // Counts of CEvNS recoils before any detector response (all recoils, all isotopes).
  [[nodiscard]] double recoil_counts() const;
  // dN/dT (counts per unit recoil, natural units) at the kernel nodes, before detector response.
  [[nodiscard]] std::vector<double> recoil_spectrum() const;
  // Counts before response in recoil bins [edges_i, edges_i+1) (natural units): exact when the
  // edges were recoil breakpoints (the kernel's panels), else to the panel's resolution.
  [[nodiscard]] std::vector<double> recoil_binned(const std::vector<double>& edges) const;

 private:
  double mass_kg_;
  MaterialCrossSection xs_;
  RecoilKernel kernel_;
  ResponseMatrix response_;
  std::size_t energy_bins_ = 0, time_bins_ = 1;
  std::vector<std::vector<double>> species_time_;       // f_a(t) per species
  std::vector<std::vector<double>> species_templates_;  // R k_a M, per species (energy bins)
  std::vector<std::vector<double>> isotope_species_;    // R k_{i,a} M, [i * species + a]
  std::vector<std::vector<double>> background_templates_;  // B_b (x) g_b, full layout
};

}  // namespace cevns
