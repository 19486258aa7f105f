#include "cevns/core/quadrature.hpp"

#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <string>

#include "cevns/core/error.hpp"

namespace cevns {
namespace {

// Boost stores the non-negative half of the symmetric rule on [-1, 1].
template <unsigned N>
void append_rule(std::vector<double>& x, std::vector<double>& w) {
  using Rule = boost::math::quadrature::gauss<double, N>;
  const auto& abscissa = Rule::abscissa();
  const auto& weights = Rule::weights();
  for (std::size_t i = 0; i < abscissa.size(); ++i) {
    x.push_back(abscissa[i]);
    w.push_back(weights[i]);
    if (abscissa[i] != 0.0) {
      x.push_back(-abscissa[i]);
      w.push_back(weights[i]);
    }
  }
}

void symmetric_rule(std::size_t n, std::vector<double>& x, std::vector<double>& w) {
  switch (n) {
    case 4: append_rule<4>(x, w); break;
    case 8: append_rule<8>(x, w); break;
    case 16: append_rule<16>(x, w); break;
    case 20: append_rule<20>(x, w); break;
    case 24: append_rule<24>(x, w); break;
    case 32: append_rule<32>(x, w); break;
    case 48: append_rule<48>(x, w); break;
    case 64: append_rule<64>(x, w); break;
    default:
      throw InputError("Gauss-Legendre rule with " + std::to_string(n) +
                       " points is not available (use 4, 8, 16, 20, 24, 32, 48 or 64)");
  }
}

}  // namespace

FixedQuadrature::FixedQuadrature(std::size_t points_per_panel, std::size_t panels) {
  if (panels == 0) throw InputError("a quadrature needs at least one panel");
  std::vector<double> x, w;
  symmetric_rule(points_per_panel, x, w);
  nodes_.reserve(x.size() * panels);
  weights_.reserve(x.size() * panels);
  const double panel_width = 1.0 / static_cast<double>(panels);
  for (std::size_t p = 0; p < panels; ++p) {
    const double left = static_cast<double>(p) * panel_width;
    for (std::size_t i = 0; i < x.size(); ++i) {
      nodes_.push_back(left + 0.5 * (x[i] + 1.0) * panel_width);
      weights_.push_back(0.5 * w[i] * panel_width);
    }
  }
}

double adaptive_integral(const std::function<double(double)>& f, double a, double b,
                         double relative_tolerance) {
  double error = 0.0;
  const double value = boost::math::quadrature::gauss_kronrod<double, 61>::integrate(
      f, a, b, 15, relative_tolerance, &error);
  if (!std::isfinite(value)) throw NumericalError("adaptive integral is not finite");
  return value;
}

}  // namespace cevns
