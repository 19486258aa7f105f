#pragma once
// The unit convention of cevns (docs/units.md).
//
// Inside the library every quantity is a double in natural units, hbar = c = 1, with energy in MeV:
// lengths and times are MeV^-1, cross sections MeV^-2. Multiply by a unit to enter a value and
// divide by it to read one out, as in CLHEP/Geant4:
//     double T = 5 * units::keV;            // a recoil of 5 keV, stored as 0.005 (MeV)
//     double s = xs.total(30 * units::MeV) / units::cm2;   // cross section read in cm^2
// At every boundary (command line, JSON, YAML, Python) the unit is part of the name:
// neutrino energies in MeV (enu_MeV), recoils in keV (recoil_keV), cross sections in cm^2
// (total_cm2, dsigma_dT_cm2_per_keV).
#include "cevns/core/constants.hpp"

namespace cevns::units {

// energy
inline constexpr double MeV = 1.0;
inline constexpr double eV = 1e-6 * MeV;
inline constexpr double keV = 1e-3 * MeV;
inline constexpr double GeV = 1e3 * MeV;

// length (hbar c = 1: 1 fm = 1/197.3 MeV^-1)
inline constexpr double fm = 1.0 / constants::hbar_c_MeV_fm;
inline constexpr double cm = 1e13 * fm;
inline constexpr double m = 1e2 * cm;
inline constexpr double km = 1e3 * m;
inline constexpr double parsec_m = 3.0856775814913673e16;  // IAU 2015 Resolution B2 (exact)
inline constexpr double kpc = 1e3 * parsec_m * m;

// area
inline constexpr double fm2 = fm * fm;
inline constexpr double cm2 = cm * cm;

// time (hbar = 1: 1 s = 1/6.58e-22 MeV^-1)
inline constexpr double s = 1.0 / constants::hbar_MeV_s;
inline constexpr double ns = 1e-9 * s;
inline constexpr double us = 1e-6 * s;
inline constexpr double day = 86400.0 * s;
inline constexpr double year = 365.25 * day;  // Julian year

// mass of matter in a detector is not a natural-unit quantity: counts of nuclei are per kg,
// so masses of targets stay in kg (nuclei_per_kg) and are never multiplied into MeV.

}  // namespace cevns::units
