// Form-factor model dependence at equal rms radius (seed 003, after D. Aristizabal Sierra, J. Liao,
// D. Marfatia, JHEP 06 (2019) 141: "FF uncertainties are relevant for q >~ 20 MeV; percentage
// uncertainties reach maximum at q ~ 65 MeV"). Spread = (max - min)/max of F^2 over Helm,
// symmetrized Fermi and Klein-Nystrand with the same rms radius (the measured point-proton radius).
// Findings (docs/validation/bsm.md): < 1e-4 below 20 MeV (reproduced); 0.5% (Cs) / 0.36% (Ar) at
// 65 MeV; the relative spread grows monotonically up to the first zero of F (~155 MeV for Cs), and
// the absolute spread of F^2 peaks near 95 MeV for 133Cs -- a maximum at 65 MeV is not reproduced
// by the model spread alone (their band also varies the radius).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/form_factor.hpp"
#include "cevns/physics/nuclear_shape.hpp"

namespace cevns {
namespace {

struct Spread {
  double relative;  // (max - min)/max of F^2
  double absolute;  // max - min of F^2
};

Spread spread(double rms_fm, double q) {
  double lo = 1e300, hi = -1e300;
  for (auto model : {FormFactorModel::helm, FormFactorModel::symmetrized_fermi, FormFactorModel::klein_nystrand}) {
    const double f = FormFactor::from_rms_radius(model, rms_fm)(q);
    lo = std::min(lo, f * f);
    hi = std::max(hi, f * f);
  }
  return {(hi - lo) / hi, hi - lo};
}

double radius(const char* symbol, int A) {
  return point_proton_rms_radius_fm(io::default_nuclear_database().isotope(symbol, A));
}

TEST(BsmFormFactorSpread, SmallBelowTwentyMeVAndGrowingBeyond) {
  for (auto [sym, A] : {std::pair{"Cs", 133}, std::pair{"Ar", 40}}) {
    const double r = radius(sym, A);
    for (double q = 1.0; q <= 20.0; q += 1.0) EXPECT_LT(spread(r, q).relative, 1e-4) << sym << A << " q=" << q;
    const double at65 = spread(r, 65.0).relative;
    EXPECT_GT(at65, 2e-3) << sym << A;
    EXPECT_LT(at65, 1e-2) << sym << A;
    double previous = 0.0;
    for (double q = 20.0; q <= 130.0; q += 5.0) {
      const double s = spread(r, q).relative;
      EXPECT_GT(s, previous) << sym << A << " q=" << q;
      previous = s;
    }
  }
}

TEST(BsmFormFactorSpread, AbsoluteSpreadPeaksBeforeTheFirstZero) {
  const double r = radius("Cs", 133);
  double best_q = 0.0, best = 0.0;
  for (double q = 10.0; q <= 140.0; q += 1.0) {
    const double s = spread(r, q).absolute;
    if (s > best) {
      best = s;
      best_q = q;
    }
  }
  EXPECT_GT(best_q, 80.0);
  EXPECT_LT(best_q, 110.0);
  EXPECT_LT(best, 5e-3);  // models agree to < 0.5% of F^2(0) everywhere
}

}  // namespace
}  // namespace cevns
