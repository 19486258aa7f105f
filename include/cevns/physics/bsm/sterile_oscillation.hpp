#pragma once
// Active-to-sterile oscillation in the 3+1 scheme at short baselines (docs/physics/bsm.md):
//   P(L, E) = 1 - sin^2(2 theta) sin^2(1.267 dm^2[eV^2] L[m] / E[MeV]).
// CEvNS is flavour blind, so it sees only the loss to the sterile state; the same P applies to every
// active species of the source (nu_e disappearance with sin^2 2theta_ee for reactors, etc.).
//
// A real core and detector have extent: the emission point is uniform along the line of sight over
// core_length and the interaction point uniform over detector_length (independent), so
// L = distance + x_det - x_core; the flux weight 1/L^2 is kept. The observable is the ratio
//   R(E) = <P(L, E) / L^2> / <1 / L^2>,
// which multiplies a spectrum already normalised at the centre distance.
#include "cevns/sources/spectrum.hpp"

namespace cevns {

struct SterileParameters {
  double sin2_2theta = 0.0;   // sin^2(2 theta)
  double delta_m2_eV2 = 0.0;  // Delta m^2_41 in eV^2
};

struct BaselineGeometry {
  double distance_m = 0.0;         // centre of core to centre of detector
  double core_length_m = 0.0;      // extent of the emission region along the line of sight
  double detector_length_m = 0.0;  // extent of the detector along the line of sight
};

// P at one baseline (metres) and energy (natural units). InputError for sin^2 2theta outside
// [0, 1], negative dm^2, L or E <= 0.
double sterile_survival_probability(const SterileParameters& p, double baseline_m, double neutrino_energy);

// R(E) above; equals P(distance, E) for point-like core and detector. InputError if the extents
// reach the core (distance <= (core + detector)/2) or are negative.
double averaged_survival_probability(const SterileParameters& p, const BaselineGeometry& g, double neutrino_energy);

// The spectrum with continuum density and line intensities multiplied by R(E).
Spectrum apply_sterile_oscillation(const Spectrum& spectrum, const SterileParameters& p, const BaselineGeometry& g);

}  // namespace cevns
