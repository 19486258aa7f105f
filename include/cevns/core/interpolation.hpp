#pragma once
// Piecewise-linear interpolation in a table with the end values held outside it: the user tables
// of detector response (quenching factor, efficiency, resolution) read this way. Boost.Math's
// interpolators are all smooth (pchip, makima, splines); a user table of a measured curve wants
// no overshoot and no extrapolation.
#include <span>

namespace cevns {

// y(at) for x strictly increasing (>= 2 points, as the table constructors check).
double linear_interpolation(std::span<const double> x, std::span<const double> y, double at);

}  // namespace cevns
