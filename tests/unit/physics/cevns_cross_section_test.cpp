#include "cevns/physics/cevns_cross_section.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/kinematics.hpp"

namespace cevns {
namespace {

const Nuclide& isotope(const char* symbol, int A) {
  return io::default_nuclear_database().isotope(symbol, A);
}
constexpr Neutrino nue{Flavour::e, false};
constexpr Neutrino numu{Flavour::mu, false};

CevnsSettings tree_point() {
  CevnsSettings s;
  s.couplings = CouplingScheme::tree_level;
  s.shape.model = FormFactorModel::point;
  return s;
}

TEST(Kinematics, MaxRecoilAndMinimumEnergyAreInverse) {
  const double M = 37215.5;
  for (double E : {0.5, 5.0, 30.0, 300.0}) {
    const double tmax = kinematics::max_recoil(E, M);
    EXPECT_NEAR(kinematics::min_neutrino_energy(tmax, M) / E, 1.0, 1e-12);
  }
}

TEST(CevnsCrossSection, LowEnergyLimitIsGF2QW2E2Over4Pi) {
  // Point nucleus, E << M: sigma -> G_F^2 Q_W^2 E^2 / (4 pi), Q_W = N - (1 - 4 s^2) Z (NUCLEUS INFN presentation).
  const CevnsCrossSection xs(isotope("Ar", 40), tree_point());
  const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
  const double s2 = constants::sin2_theta_w_default;
  const double qw = 22.0 - (1.0 - 4.0 * s2) * 18.0;
  for (double E : {0.1, 1.0, 3.0}) {
    const double expected = gf * gf * qw * qw * E * E / (4 * std::numbers::pi);
    // corrections are O(E/M) ~ 1e-4 at 3 MeV
    EXPECT_NEAR(xs.total(nue, E * units::MeV) / expected, 1.0, 2.0 * E / xs.mass()) << E;
  }
}

TEST(CevnsCrossSection, MeanRecoilTendsToTwoThirdsE2OverM) {
  // <T> = (2/3) E^2 / M for a point nucleus at E << M (Maneschg 2018 review, NUCLEUS INFN presentation).
  const CevnsCrossSection xs(isotope("Ge", 72), tree_point());
  for (double E : {0.5, 2.0, 8.0}) {
    EXPECT_NEAR(xs.mean_recoil(nue, E) / (2.0 / 3.0 * E * E / xs.mass()), 1.0, 3.0 * E / xs.mass());
  }
}

TEST(CevnsCrossSection, DifferentialAtZeroRecoil) {
  const CevnsCrossSection xs(isotope("Xe", 132));
  const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
  const double qw = xs.weak_charge(numu, 0.0);
  EXPECT_NEAR(xs.differential(numu, 10.0, 0.0) / (gf * gf * xs.mass() * qw * qw / (4 * std::numbers::pi)), 1.0,
              1e-14);
  EXPECT_EQ(xs.differential(numu, 10.0, 1.01 * xs.max_recoil(10.0)), 0.0);
}

TEST(CevnsCrossSection, FixedQuadratureMatchesAdaptiveTo1e6) {
  // The accuracy requirement: fast rule vs adaptive Gauss-Kronrod, 1e-6 relative,
  // over targets from 16O to 208Pb and energies through the decoherent region.
  for (auto [symbol, A] : {std::pair{"O", 16}, {"Ar", 40}, {"Ge", 76}, {"Cs", 133}, {"Xe", 136}, {"Pb", 208}}) {
    for (auto model : {FormFactorModel::helm, FormFactorModel::symmetrized_fermi, FormFactorModel::klein_nystrand}) {
      CevnsSettings s;
      s.shape.model = model;
      s.shape.neutron_skin_fm = 0.2;
      const CevnsCrossSection xs(isotope(symbol, A), s);
      for (double E : {1.0, 10.0, 30.0, 52.8, 100.0, 300.0}) {
        const double fast = xs.total(numu, E);
        const double tmax = xs.max_recoil(E);
        const double reference = adaptive_integral([&](double T) { return xs.differential(numu, E, T); }, 0.0, tmax, 1e-12);
        EXPECT_NEAR(fast / reference, 1.0, 1e-6) << symbol << A << " " << to_string(model) << " E=" << E;
      }
    }
  }
}

TEST(CevnsCrossSection, FormFactorSuppressesOnlyAtHighEnergy) {
  const CevnsCrossSection helm(isotope("Cs", 133));
  CevnsSettings point;
  point.shape.model = FormFactorModel::point;
  const CevnsCrossSection bare(isotope("Cs", 133), point);
  // reactor energies: qR < 0.15, so 1 - F^2 < q^2 R^2 / 3 averages below 5e-3
  EXPECT_NEAR(helm.total(nue, 3.0) / bare.total(nue, 3.0), 1.0, 5e-3);
  EXPECT_LT(helm.total(nue, 50.0) / bare.total(nue, 50.0), 0.8);        // pi-DAR endpoint: not
}

TEST(CevnsCrossSection, NeutronSkinLowersTheCrossSection) {
  CevnsSettings thin, thick;
  thick.shape.neutron_skin_fm = 0.3;
  const CevnsCrossSection a(isotope("Pb", 208), thin), b(isotope("Pb", 208), thick);
  EXPECT_LT(b.total(numu, 40.0), a.total(numu, 40.0));
  CevnsSettings direct;
  direct.shape.neutron_rms_radius_fm = a.shape().protons.rms_radius_fm() + 0.3;
  const CevnsCrossSection c(isotope("Pb", 208), direct);
  EXPECT_NEAR(c.total(numu, 40.0) / b.total(numu, 40.0), 1.0, 1e-14);
}

TEST(CevnsCrossSection, ArraysEqualPointwise) {
  const CevnsCrossSection xs(isotope("Ge", 74));
  const std::vector<double> T{0.0, 1e-3, 5e-3, 1e-2};
  std::vector<double> out(T.size());
  xs.differential(nue, 20.0, T, out);
  for (std::size_t i = 0; i < T.size(); ++i) EXPECT_EQ(out[i], xs.differential(nue, 20.0, T[i]));
  const std::vector<double> E{1.0, 10.0, 40.0};
  std::vector<double> sig(E.size());
  xs.total(nue, E, sig);
  for (std::size_t i = 0; i < E.size(); ++i) EXPECT_EQ(sig[i], xs.total(nue, E[i]));
}

TEST(CevnsCrossSection, BadEnergiesThrow) {
  const CevnsCrossSection xs(isotope("Ge", 74));
  EXPECT_THROW((void)xs.total(nue, -1.0), InputError);
  EXPECT_THROW((void)xs.total(nue, std::nan("")), InputError);
  EXPECT_THROW((void)xs.min_neutrino_energy(-1.0), InputError);
}

}  // namespace
}  // namespace cevns
