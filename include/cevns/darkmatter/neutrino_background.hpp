#pragma once
// Neutrinos as the irreducible background of a dark-matter detector: the CEvNS recoil spectrum of
// each neutrino source on a target material, and the standard list of sources with the 1-sigma
// uncertainties of their normalisations that the neutrino floor/fog is built from (solar
// components, diffuse supernova background, atmospheric).
//
//   dR/dE_R = sum_isotopes n_i sum_species [ int dE dPhi/dE dsigma_i/dE_R + sum_lines Phi_l dsigma_i/dE_R(E_l) ]
//
// per kg of target: events per time and recoil energy for a flux, per recoil energy for a fluence
// (supernova burst). The neutrino-energy integral uses the source's own quadrature nodes, evaluated
// once at construction; the lower limit E_min(E_R) cuts a kink (dsigma/dE_R -> 0 there), not a
// step, so the fixed nodes stay accurate to O(h^2) (docs/physics/darkmatter.md).
// Standard-Model fast path: dsigma/dE_R = C(E_R) K(E, E_R) with the charge factor C independent of
// E and K = 1 - T/E - M T/(2E^2) + T^2/(2E^2), so the node sum is three suffix sums
// (sum w, sum w/E, sum w/E^2 over E >= E_min): one binary search per recoil, isotope and species.
#include <span>
#include <string>
#include <vector>

#include "cevns/physics/material_cross_section.hpp"
#include "cevns/sources/atmospheric.hpp"
#include "cevns/sources/dsnb.hpp"
#include "cevns/sources/neutrino_source.hpp"
#include "cevns/sources/solar.hpp"

namespace cevns {

class CevnsRecoilRate {
 public:
  CevnsRecoilRate(const MaterialCrossSection& xs, const NeutrinoSource& source);

  // dR/dE_R per kg (natural units) at one recoil energy and at many.
  [[nodiscard]] double differential_per_kg(double recoil) const;
  void differential_per_kg(std::span<const double> recoils, std::span<double> out) const;
  // int dR/dE_R dE_R over [from, to] per kg (Gauss-Legendre in ln E_R, split at the endpoint).
  [[nodiscard]] double integrated_per_kg(double from, double to) const;
  // The largest recoil the source can give on any isotope.
  [[nodiscard]] double max_recoil() const { return max_recoil_; }
  [[nodiscard]] Normalisation normalisation() const { return normalisation_; }

 private:
  struct Node {
    double energy = 0.0;
    double weight = 0.0;  // quadrature weight x dPhi/dE (or line intensity)
  };
  struct Species {
    Neutrino nu;
    std::vector<Node> nodes;  // continuum nodes and lines, sorted by energy
    // Suffix sums over nodes j.. : sum w, sum w/E, sum w/E^2 (one extra zero entry at the end).
    std::vector<double> w0, w1, w2;
  };
  [[nodiscard]] double isotope_species(std::size_t iso, const Species& sp, double recoil) const;
  bool standard_model_ = true;
  std::vector<CevnsCrossSection> isotopes_;
  std::vector<double> nuclei_per_kg_;
  std::vector<Species> species_;
  double max_recoil_ = 0.0;
  Normalisation normalisation_ = Normalisation::flux;
};

// One background component: a source at the detector and the relative 1-sigma uncertainty of its
// normalisation (a Gaussian-constrained nuisance parameter of the discovery-limit likelihood).
struct NeutrinoBackground {
  std::string name;  // "pp", "pep", "hep", "7Be", "8B", "13N", "15O", "17F", "DSNB", "atm"
  NeutrinoSource source;
  double relative_uncertainty = 0.0;
};

enum class BackgroundFluxes {
  ohare2021,  // totals and uncertainties of C.A.J. O'Hare, PRL 127, 251802 (2021) (default)
  model,      // totals of the models as built (B16 SSM, Beacom DSNB, FLUKA), same uncertainties
};

struct BackgroundNormalisation {
  std::string name;
  double total_per_cm2_s = 0.0;  // 0: keep the model's total (atmospheric)
  double relative_uncertainty = 0.0;
};

// O'Hare 2021 (github cajohare/NeutrinoFog src/Params.py; solar: B16-GS98 (N. Vinyoles et al., ApJ
// 835, 202 (2017)) with the 8B flux and error of the global fit of J. Bergstrom et al., JHEP 03
// (2016) 132): pp 5.98e10 (0.6 %), pep 1.44e8 (1 %), hep 7.98e3 (30 %), 7Be 4.93e8 + 4.50e9 (6 %),
// 8B 5.16e6 (2 %), 13N 2.78e8 (15 %), 15O 2.05e8 (17 %), 17F 5.29e6 (20 %), DSNB 85.7 (50 %),
// atmospheric (25 %; the FLUKA table's own total is kept, 10.55 below 1 GeV vs O'Hare's 10.7 to
// 10 GeV). Geoneutrinos and reactors (site dependent, recoils < 2 keV on Xe) are not included.
const std::vector<BackgroundNormalisation>& ohare2021_background_normalisations();

// The components in the order of ohare2021_background_normalisations(); every source has
// Normalisation::flux.
std::vector<NeutrinoBackground> dark_matter_neutrino_backgrounds(const SolarModel& solar, const AtmosphericFlux& atm,
                                                                 BackgroundFluxes fluxes = BackgroundFluxes::ohare2021,
                                                                 const DsnbModel& dsnb = DsnbModel::benchmark());

}  // namespace cevns
