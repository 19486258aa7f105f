#pragma once
// The reactor-flux unfolding study of J. Liao, H. Liu, D. Marfatia, PRD 107, 113002 (2023)
// [arXiv:2302.10460] with NUCLEUS-type scenarios (seed 003):
//   1: 1 kg yr,   100 counts/(keV kg d), threshold 5 eV
//   2: 3 kg yr,   1 count/(keV kg d),    threshold 5 eV
//   3: 300 kg yr, 1 count/(keV kg d),    threshold 1 eV
// Our assumptions (docs/physics/statistics.md): natural Ge, 100 % efficiency, flat background in
// recoil energy, the two 4.25 GW Chooz cores at 72 m and 102 m (NUCLEUS, EPJC 79, 1018 (2019)),
// energy bins of 0.3 MeV from the kinematic minimum to 2.4 MeV, then 0.6-2 MeV up to 10 MeV, two recoil bins
// per energy bin (edges at T_max of the energy edges and midpoints), pseudo-data one seeded
// Poisson toy (or Asimov). nu is unfolded per fission and per MeV.
#include <cstdint>
#include <vector>

#include "cevns/nuclear/material.hpp"
#include "cevns/sources/reactor.hpp"
#include "cevns/stats/unfolding.hpp"

namespace cevns::stats {

struct UnfoldingScenario {
  int id = 1;
  double exposure_kg_yr = 1.0;
  double background_per_keV_kg_day = 100.0;
  double threshold = 0.0;  // natural units
};

// InputError unless id is 1, 2 or 3.
UnfoldingScenario nucleus_scenario(int id);

struct ReactorUnfoldingOptions {
  std::vector<ReactorCore> cores;  // empty: Chooz, 2 x 4.25 GW at 72 m and 102 m
  bool asimov = false;
  std::uint64_t seed = 1;
  std::vector<double> betas;       // empty: log grid 1e-3 .. 1e5, 57 points
  double fixed_beta = 20.0;        // also reported (Liao et al.: beta = 20 in scenario 3)
  double low_energy_cut = 0.0;     // natural units; 0: 1.8 MeV (IBD threshold)
  double capture_cut = 0.0;        // natural units; 0: 1.5 MeV (239U/239Np endpoints below)
};

struct LowEnergySummary {
  double unfolded = 0.0;        // int nu dE over bins below the cut (per fission)
  double error = 0.0;
  double truth = 0.0;           // with 238U captures
  double truth_no_capture = 0.0;
  double upper_90 = 0.0;        // unfolded + 1.2816 error
};

struct ReactorUnfoldingResult {
  UnfoldingScenario scenario;
  std::vector<double> energy_edges, recoil_edges;  // natural units
  Eigen::VectorXd truth, truth_no_capture;         // per fission per MeV (natural)
  Eigen::VectorXd observed, background;
  Eigen::MatrixXd response;
  UnfoldingResult chosen;      // smallest beta with positive flux
  UnfoldingResult at_fixed;    // beta = options.fixed_beta
  UnfoldingResult naive;       // beta = 0
  LowEnergySummary low_chosen, low_fixed;       // below low_energy_cut
  double capture_separation_chosen = 0.0;  // (unfolded - truth_no_capture)/error below capture_cut
  double capture_separation_fixed = 0.0;
};

ReactorUnfoldingResult unfold_reactor_scenario(const UnfoldingScenario& scenario, const Material& target,
                                               const ReactorSpectrumModel& model,
                                               const ReactorUnfoldingOptions& options = {});

}  // namespace cevns::stats
