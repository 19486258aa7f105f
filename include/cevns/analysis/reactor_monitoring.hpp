#pragma once
// Reactor monitoring with CEvNS (docs/physics/statistics.md, "Reactor monitoring and sterile searches"):
// fit thermal power and fission fractions to a binned recoil spectrum of a Ge detector, and the
// significance with which a removal of 239Pu is seen. The Maneschg 2018 review (reactor-safety slide, TEXONO
// Kuo-Sheng fuel cycle, PRD 75, 012001) motivates it but quotes no numbers; the scenario is ours.
//
// Expected counts in recoil bin k (live time t, mass M, distance L, power P = p P0):
//   mu_k = N_f [ sum_i f_i t_ik + c t_ck ] + b B_k,   N_f = p P0 t / sum_i f_i E_i,
// t_ik the counts per fission of isotope i (Prediction of its per-fission spectrum / 4 pi L^2),
// t_ck per 238U capture (c captures per fission, fixed), E_i the energy per fission (Ma et al. 2013),
// B_k a flat background in counts/(keVnr kg d) with scale b. Fractions: f239, f238, f241 fitted,
// f235 = 1 - f239 - f238 - f241 (sum f = 1 exactly). Priors (auxiliary measurements, Gaussian):
// p (heat balance), f238 and f241 (core simulation), b (OFF data); width 0 fixes a parameter,
// infinity frees it. f239 is the parameter of interest (no prior).
//
// Pu removal: the declared core has fractions f; the actual core has f239 - delta moved to 235U at
// the same thermal power (fresh fuel replacing Pu-bearing fuel). With Asimov data of the actual
// core, Delta chi^2 = min(-2 ln L | f239 = declared) - min(-2 ln L), Z = sqrt(Delta chi^2).
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "cevns/nuclear/material.hpp"
#include "cevns/sources/reactor.hpp"
#include "cevns/stats/binned_likelihood.hpp"
#include "cevns/stats/fit.hpp"

namespace cevns {

struct ReactorMonitorSetup {
  double power_MW = 3000.0;          // thermal
  double distance_m = 20.0;
  double mass_kg = 10.0;             // Ge
  double exposure_days = 365.0;      // live time
  double threshold_eV = 100.0;       // nuclear recoil
  double max_recoil_eV = 3000.0;
  std::size_t recoil_bins = 20;      // logarithmic
  double background_ckkd = 1.0;      // flat, counts / (keVnr kg d)
  std::array<double, 4> fission_fractions = default_fission_fractions;  // declared core (U235, U238, Pu239, Pu241)
  double captures_per_fission = default_captures_per_fission;
  double power_uncertainty = 0.02;       // relative (heat balance)
  double f238_uncertainty = 0.01;        // absolute
  double f241_uncertainty = 0.02;        // absolute
  double background_uncertainty = 0.05;  // relative
};

// Parameter order of the likelihood.
struct MonitorIndex {
  static constexpr std::size_t power = 0, f239 = 1, f238 = 2, f241 = 3, background = 4;
};

struct CoreState {
  double power_scale = 1.0;
  std::array<double, 4> fractions = default_fission_fractions;
  double background_scale = 1.0;
};

struct MonitorFit {
  CoreState best;
  std::array<double, 5> errors{};  // in parameter order; 0 for fixed parameters
  double minimum = 0.0;            // -2 ln L
  bool covariance_ok = false;
};

struct PuRemoval {
  double delta_f239 = 0.0;
  double delta_chi2 = 0.0;
  double significance = 0.0;        // sqrt(delta_chi2)
  double signal_counts_declared = 0.0, signal_counts_actual = 0.0, background_counts = 0.0;
};

class ReactorMonitor {
 public:
  // InputError for non-positive power/distance/mass/exposure, bad fractions or bins.
  ReactorMonitor(const ReactorMonitorSetup& setup, const ReactorSpectrumModel& model, const Material& target);

  [[nodiscard]] std::vector<double> expected(const CoreState& s) const;
  [[nodiscard]] std::vector<double> signal(const CoreState& s) const;  // CEvNS only
  [[nodiscard]] CoreState declared() const;
  // The likelihood of `observed` with priors centred on the declared core.
  [[nodiscard]] stats::BinnedLikelihood likelihood(std::vector<double> observed) const;
  [[nodiscard]] MonitorFit fit(const std::vector<double>& observed, const stats::FitOptions& options = {}) const;
  // Toy fits: Poisson data from `truth` and fluctuated auxiliary measurements; fitted f239 per toy.
  [[nodiscard]] std::vector<double> toy_f239(const CoreState& truth, std::size_t toys, std::uint64_t seed) const;
  // The actual core of a removal of delta_f239 (moved to 235U), and its detection.
  [[nodiscard]] CoreState pu_removed(double delta_f239) const;
  [[nodiscard]] PuRemoval pu_removal(double delta_f239) const;

  [[nodiscard]] const std::vector<double>& recoil_edges_eV() const { return recoil_edges_eV_; }
  // Counts per fission of isotope i (all bins, mass and distance folded in), per capture, background.
  [[nodiscard]] const std::array<std::vector<double>, 4>& per_fission() const { return per_fission_; }
  [[nodiscard]] const std::vector<double>& per_capture() const { return per_capture_; }
  [[nodiscard]] const std::vector<double>& background() const { return background_; }
  [[nodiscard]] double fissions(const CoreState& s) const;  // N_f over the live time
  [[nodiscard]] const ReactorMonitorSetup& setup() const { return setup_; }

 private:
  ReactorMonitorSetup setup_;
  std::vector<double> recoil_edges_eV_;
  std::array<std::vector<double>, 4> per_fission_;
  std::vector<double> per_capture_, background_;
  std::array<double, 4> energy_per_fission_{};  // natural units
};

}  // namespace cevns
