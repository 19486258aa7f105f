#pragma once
// Short-baseline 3+1 sensitivity of a movable CEvNS detector at a research reactor (Maneschg 2018 review:
// 1 MW TRIGA, 1.5e12 /cm^2 s at 1 m, 100 kg Ge at 2-10 m, 10-100 eV threshold, 1-100 counts/(keV kg d),
// 100-1000 kg yr; B. Dutta et al., PRD 94, 093002 (2016) [arXiv:1511.02834]). docs/physics/statistics.md,
// section "Reactor monitoring and sterile searches".
//
// Positions d = 1..D share the total exposure equally. Expected counts in recoil bin k at position d:
//   mu_dk(a) = a S_dk(dm^2, s) + B_dk,   S_dk = sum_j A_kj phi_j (L0/L_d)^2 Rbar_d(E_j),
// A the CEvNS response (stats/response_matrix.hpp) on fine neutrino-energy bins j, phi the reactor
// spectrum normalised to the flux at L0 = 1 m, and Rbar_d = <P/L^2>/<1/L^2> the survival probability
// averaged over a uniform core and a uniform detector along the line of sight (the same average as
// physics/bsm/sterile_oscillation.hpp, computed here as one 1-D integral over u = x_det - x_core, whose
// density is the trapezoid of the two uniform extents). Because S is linear in s = sin^2 2theta,
//   S = S0 - s O_d(dm^2),  O_dk = sum_j A_kj phi_j (L0/L_d)^2 <sin^2(1.267 dm^2 L / E)>_d.
// Asimov data n = S0 + B; a is one flux normalisation common to all positions (Gaussian prior of width
// sigma_a, or free): the multi-baseline ratio cancels it. The statistic is the Poisson deviance
// (Baker & Cousins) profiled over a,
//   Delta chi^2 = min_a { 2 sum_dk [mu - n + n ln(n/mu)] + ((a - 1)/sigma_a)^2 }.
#include <array>
#include <cstddef>
#include <limits>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "cevns/nuclear/material.hpp"
#include "cevns/physics/bsm/sterile_oscillation.hpp"
#include "cevns/sources/reactor.hpp"

namespace cevns {

struct SterileSetup {
  double flux_at_1m_per_cm2_s = 1.5e12;          // Maneschg 2018 review, 1 MW TRIGA
  std::vector<double> distances_m{2, 4, 6, 8, 10};  // detector positions (core centre to detector centre)
  double mass_kg = 100.0;
  double exposure_kg_yr = 1000.0;                 // total, split equally over the positions
  double threshold_eV = 100.0;                    // nuclear recoil
  double max_recoil_eV = 3000.0;                  // upper analysis edge (T_max of 70Ge at 10 MeV: 3.06 keV)
  std::size_t recoil_bins = 20;                   // logarithmic between threshold and max_recoil_eV
  double background_ckkd = 10.0;                  // flat, counts / (keVnr kg day)
  double core_length_m = 0.5;                     // TRIGA core extent along the line of sight
  double detector_length_m = 0.3;                 // 100 kg Ge ~ 19 l: a 0.27 m cube
  double normalisation_uncertainty = std::numeric_limits<double>::infinity();  // sigma_a; inf = free
  std::array<double, 4> fission_fractions{1.0, 0.0, 0.0, 0.0};  // LEU TRIGA: 235U fissions dominate
  double captures_per_fission = default_captures_per_fission;
  double energy_bin_MeV = 0.02;                   // fine neutrino-energy bins of the response
};

// The names of SterileSetup's scalar keys as scan files spell them (docs/configuration.md).
const std::vector<std::string>& sterile_setup_keys();
// Sets one scalar key; InputError (with did-you-mean) for unknown names, bad values in validate().
void set_sterile_setup_key(SterileSetup& setup, const std::string& key, double value);

class SterileSensitivity {
 public:
  // InputError for inconsistent setups (no positions, position inside the core, threshold >= max, ...).
  SterileSensitivity(const SterileSetup& setup, const ReactorSpectrumModel& model, const Material& target);

  // Asimov Delta chi^2 against no oscillation, normalisation profiled.
  [[nodiscard]] double delta_chi2(const SterileParameters& p) const;
  // The profiled normalisation at p (diagnostics, tests).
  [[nodiscard]] double best_normalisation(const SterileParameters& p) const;
  // Expected CEvNS counts [position][bin] at p (no normalisation factor).
  [[nodiscard]] std::vector<std::vector<double>> signal(const SterileParameters& p) const;
  [[nodiscard]] const std::vector<std::vector<double>>& background() const { return background_; }
  [[nodiscard]] const std::vector<double>& recoil_edges_eV() const { return recoil_edges_eV_; }
  // Rbar_d(E) for position d (the fast 1-D average; tests compare it with sterile_oscillation.hpp).
  [[nodiscard]] double averaged_survival(std::size_t position, const SterileParameters& p, double energy) const;
  // The sin^2 2theta where Delta chi^2 reaches `level` at dm^2 (bisection; 1 if never reached).
  [[nodiscard]] double sensitivity(double dm2_eV2, double level) const;
  [[nodiscard]] const SterileSetup& setup() const { return setup_; }

 private:
  // O_dk (counts lost per unit sin^2 2theta) at dm^2, cached (scan threads share it).
  [[nodiscard]] std::vector<std::vector<double>> oscillated(double dm2_eV2) const;
  [[nodiscard]] double mean_sin2(std::size_t position, double dm2_eV2, double energy) const;
  [[nodiscard]] double profile(const std::vector<std::vector<double>>& sig, double& a) const;

  SterileSetup setup_;
  std::vector<double> recoil_edges_eV_;
  std::vector<double> energy_centres_;                 // natural units
  std::vector<std::vector<double>> weights_;           // W_d[j * bins + k]
  std::vector<std::vector<double>> unoscillated_;      // S0 [position][bin]
  std::vector<std::vector<double>> background_;        // B [position][bin]
  std::vector<std::vector<double>> observed_;          // Asimov n = S0 + B
  // Trapezoid nodes in u (metres) and weights p(u)/L^2 normalised to 1, per position.
  std::vector<std::vector<double>> u_nodes_, u_weights_;
  mutable std::mutex cache_mutex_;
  mutable std::map<double, std::vector<std::vector<double>>> cache_;  // dm^2 -> O
};

}  // namespace cevns
