#pragma once
// Inside analysis/ only: what the COHERENT CsI 2017 and 2021 release fits share.
#include <cmath>

namespace cevns::analysis::coherent_release {

// Both releases bin time in 0.5-us bins.
inline constexpr double time_width_us = 0.5;

// Fraction of exp(-lambda t) over [0, T] falling in [t0, t1] (flat for lambda -> 0).
inline double exponential_fraction(double lambda, double t0, double t1, double T) {
  if (std::abs(lambda * T) < 1e-9) return (t1 - t0) / T;
  return (std::exp(-lambda * t0) - std::exp(-lambda * t1)) / -std::expm1(-lambda * T);
}

}  // namespace cevns::analysis::coherent_release
