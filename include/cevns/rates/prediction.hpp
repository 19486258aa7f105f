#pragma once
// Expected counts per observable bin (and per time bin for pi-DAR) of an Experiment:
//
//   N_{k,t} = sum_a s_a f_a(t) sum_p sum_i M_p sum_j R^p_kj k^p_{i,a}(T^p_j)  +  sum_b s_b B_{b,k} g_b(t)
//
// p the detector modules (one for a single detector), M_p their masses (kg), k^p the recoil kernel
// of module p's target (rates/recoil_kernel.hpp) on its own recoil nodes, which cover only the
// recoils module p can detect (DetectorResponse::detectable_recoils: below and above them every
// recoil is counted with probability < 1e-12), R^p its response matrix,
// f_a(t) the DecayAtRestTiming fraction of species a in time bin t (1 without a time axis),
// B_b the binned background b with time fractions g_b (a flat rate summed over the modules, each
// with its own threshold; a table once), and s the normalisation scales.
// The source is tabulated once (sources/tabulated_spectrum.hpp); the kernel, R and the per-species
// binned templates R k_a are computed once at construction; evaluate() with new scales is a product
// of the (bins x components) template matrix with the scale vector, and signal(settings) for other
// couplings or BSM models re-evaluates the kernels' stored moments and form factors, without
// rebuilding source, nodes or response (docs/physics/detectors.md, docs/performance.md).
#include <span>
#include <string>
#include <vector>

#include "cevns/physics/cevns_cross_section.hpp"
#include "cevns/physics/material_cross_section.hpp"
#include "cevns/rates/experiment.hpp"
#include "cevns/rates/recoil_kernel.hpp"
#include "cevns/sources/tabulated_spectrum.hpp"

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
  std::vector<double> isotope_counts;  // per Prediction::isotope_names()
  std::vector<double> species_counts;  // per Prediction::species()
  std::vector<double> module_counts;   // per detector module (one entry for a single detector)
  std::vector<double> background_component_counts;
};

// dN/dT of all recoils of one module before any response, on the nodes of a full-range kernel
// (increasing recoil, natural units: counts per unit recoil).
struct RecoilSpectrum {
  std::vector<double> recoil;
  std::vector<double> density;
};

// Which recoils the kernels cover: only those the detector can count (the default: the threshold
// rule of DetectorResponse::detectable_recoils), or all of them (the reference the rule is tested
// against; slower).
enum class KernelRange { detectable, full };

class Prediction {
 public:
  explicit Prediction(const Experiment& experiment, const CevnsSettings& settings = {},
                      KernelRange range = KernelRange::detectable);

  // The signal per (energy, time) bin (layout of PredictionResult::signal) for other physics
  // settings (sin^2 theta_W, nuclear shape, any InteractionModel) on this prediction's source table,
  // nodes and response: a scan point with a full prediction. Thread-safe (const, no shared state).
  [[nodiscard]] std::vector<double> signal(const CevnsSettings& settings) const;
  // The settings the prediction was built with.
  [[nodiscard]] const CevnsSettings& settings() const { return settings_; }

  [[nodiscard]] PredictionResult evaluate(const PredictionScales& scales = {}) const;
  // The hot path: total expected counts per (energy, time) bin into `out` (size bins()).
  void expected(const PredictionScales& scales, std::span<double> out) const;
  [[nodiscard]] std::size_t bins() const { return energy_bins_ * time_bins_; }
  [[nodiscard]] std::size_t energy_bins() const { return energy_bins_; }
  [[nodiscard]] std::size_t time_bins() const { return time_bins_; }
  [[nodiscard]] const std::vector<Neutrino>& species() const { return modules_.front().kernel.species(); }
  // Nuclides ("Cs133") of PredictionResult::isotope_counts: every module's, each once (a nuclide in
  // two modules' targets, like O16 in CaWO4 and Al2O3, is counted together).
  [[nodiscard]] const std::vector<std::string>& isotope_names() const { return isotope_names_; }
  // Detector modules: Experiment::modules, or the single detector (named after the experiment id).
  [[nodiscard]] std::size_t modules() const { return modules_.size(); }
  [[nodiscard]] const std::string& module_name(std::size_t m) const { return modules_.at(m).name; }
  [[nodiscard]] const RecoilKernel& kernel(std::size_t module = 0) const { return modules_.at(module).kernel; }
  [[nodiscard]] const ResponseMatrix& response(std::size_t module = 0) const { return modules_.at(module).response; }
  [[nodiscard]] const MaterialCrossSection& cross_section(std::size_t module = 0) const {
    return modules_.at(module).xs;
  }
  // Counts of CEvNS recoils before any detector response (all recoils, isotopes and modules; from
  // full-range kernels, built on each call).
  [[nodiscard]] double recoil_counts() const;
  // dN/dT of one module before response, over all recoils (built on each call).
  [[nodiscard]] RecoilSpectrum recoil_spectrum(std::size_t module = 0) const;
  // Counts before response in recoil bins [edges_i, edges_i+1) (natural units), all modules (the
  // edges are panel breakpoints of the full-range kernels built for it: exact to the quadrature).
  [[nodiscard]] std::vector<double> recoil_binned(const std::vector<double>& edges) const;

 private:
  struct Module {
    std::string name;
    double mass_kg;
    MaterialCrossSection xs;
    RecoilKernel kernel;
    ResponseMatrix response;
  };
  // Binned signal per species (energy bins) of module m from kernel cells in RecoilKernel layout.
  void add_species_templates(const Module& m, std::span<const double> cells, std::vector<double>& out) const;

  CevnsSettings settings_;
  TabulatedSource source_;
  std::vector<Module> modules_;
  std::vector<std::string> isotope_names_;
  std::size_t energy_bins_ = 0, time_bins_ = 1;
  std::vector<std::vector<double>> species_time_;       // f_a(t) per species
  std::vector<std::vector<double>> species_templates_;  // sum_p R^p k^p_a M_p, per species (energy bins)
  std::vector<std::vector<double>> isotope_species_;    // R k_{i,a} M summed over modules, [i * species + a]
  std::vector<double> module_species_;                  // sum_k R^p k^p_a M_p, [p * species + a]
  std::vector<std::vector<double>> background_templates_;  // B_b (x) g_b, full layout
};

}  // namespace cevns
