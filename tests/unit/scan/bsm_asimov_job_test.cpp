// The scan quantity bsm_asimov_delta_chi2 (scan/bsm_asimov_job.hpp): the profile over the signal
// normalisation against brute force, the SM and decoupling limits, and a heavy Z' against the
// equivalent contact NSI of nsi_asimov_delta_chi2 (an independent, quadratic-form route).
#include "cevns/scan/bsm_asimov_job.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/rates/prediction.hpp"
#include "cevns/scan/nsi_sensitivity.hpp"
#include "cevns/scan/scan_config.hpp"
#include "cevns/stats/binned_likelihood.hpp"

namespace cevns {
namespace {

const std::vector<std::string> csi{"coherent-csi-2017"};

// g^2 / (sqrt2 G_F m^2): the contact NSI of a heavy vector mediator with unit charges
// (physics/bsm/interaction_model.hpp).
double contact_epsilon(double mass, double coupling) {
  const double gf = constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV);
  return coupling * coupling / (std::sqrt(2.0) * gf * mass * mass);
}

TEST(BsmAsimovChi2, ProfileEqualsBruteForceMinimum) {
  const scan::BsmAsimovChi2 chi2(csi, 0.1);
  const Experiment experiment = io::load_experiment("coherent-csi-2017");
  const auto sm = Prediction(experiment).evaluate();
  // A distorted signal: 20 % more in the first half of the bins, 10 % less in the rest.
  std::vector<double> S = sm.signal;
  for (std::size_t i = 0; i < S.size(); ++i) S[i] *= i < S.size() / 2 ? 1.2 : 0.9;
  auto statistic = [&](double a) {
    std::vector<double> mu(S.size());
    for (std::size_t i = 0; i < S.size(); ++i) mu[i] = a * S[i] + (sm.total[i] - sm.signal[i]);
    return stats::poisson_deviance(mu, sm.total) + (a - 1.0) * (a - 1.0) / 0.01;
  };
  // A grid over [0.5, 1.5], then a finer one (steps of 1e-6) around its best point.
  double best = 1e300, best_a = 0.0;
  for (int k = 0; k <= 2000; ++k)
    if (const double a = 0.5 + k / 2000.0, v = statistic(a); v < best) best = v, best_a = a;
  const double centre = best_a;
  for (int k = -1000; k <= 1000; ++k) best = std::min(best, statistic(centre + 1e-6 * k));
  EXPECT_GT(best, 0.1);
  EXPECT_NEAR(chi2.profiled(0, S), best, 1e-6 * best);
}

TEST(BsmAsimovChi2, PearsonProfileOfAPureScaleIsAnalytic) {
  // S = (1 + d) A: min_b g0 (b - 1)^2 + (b/(1+d) - 1)^2 / sigma^2 = d^2 g0 w / (g0 + w),
  // w = 1 / (sigma (1 + d))^2, g0 = sum A^2 / n.
  const double sigma = 0.1, d = 0.3;
  const scan::BsmAsimovChi2 chi2(csi, sigma, scan::AsimovStatistic::pearson);
  const auto sm = Prediction(io::load_experiment("coherent-csi-2017")).evaluate();
  double g0 = 0.0;
  std::vector<double> S = sm.signal;
  for (std::size_t i = 0; i < S.size(); ++i) {
    if (sm.total[i] > 0.0) g0 += S[i] * S[i] / sm.total[i];
    S[i] *= 1.0 + d;
  }
  const double w = 1.0 / ((sigma * (1.0 + d)) * (sigma * (1.0 + d)));
  EXPECT_NEAR(chi2.profiled(0, S), d * d * g0 * w / (g0 + w), 1e-10 * d * d * w);
}

TEST(BsmAsimovChi2, VanishesAtTheStandardModelAndForADecoupledZprime) {
  const scan::BsmAsimovChi2 chi2(csi, 0.1);
  EXPECT_NEAR(chi2(CevnsSettings{}), 0.0, 1e-9);
  const auto heavy_weak = scan::bsm_point_settings({"zprime_mass_MeV", "zprime_coupling"}, {1e4, 1e-6});
  EXPECT_NEAR(chi2(heavy_weak), 0.0, 1e-6);
  const auto light_strong = scan::bsm_point_settings({"zprime_mass_MeV", "zprime_coupling"}, {10.0, 1e-4});
  EXPECT_GT(chi2(light_strong), 25.0);
}

// A Z' coupled to nu_e only (custom charges) at 10 GeV with eps^u_ee = eps^d_ee = g^2/(sqrt2 G_F m^2).
CevnsSettings heavy_electron_zprime(double eps) {
  const double mass = 10.0 * units::GeV;
  const double coupling =
      std::sqrt(eps * std::sqrt(2.0) * constants::fermi_constant_per_GeV2 / (units::GeV * units::GeV)) * mass;
  EXPECT_NEAR(contact_epsilon(mass, coupling), eps, 1e-12 * eps);
  CevnsSettings s;
  s.bsm.zprime.mass = mass;
  s.bsm.zprime.coupling = coupling;
  s.bsm.zprime.model = ZprimeModel::custom;
  s.bsm.zprime.neutrino_charge = {1.0, 0.0, 0.0};
  return s;
}

TEST(BsmAsimovChi2, HeavyZprimeEqualsContactNsiOfNsiAsimovChi2) {
  // nsi_asimov_delta_chi2 uses Pearson's chi^2 (weights 1/n); the same statistic here agrees up to
  // the Z' propagator's q^2/m^2 < (100 MeV / 10 GeV)^2 = 1e-4.
  const scan::NsiAsimovChi2 nsi(csi, Flavour::e, 0.1);
  const scan::BsmAsimovChi2 pearson(csi, 0.1, scan::AsimovStatistic::pearson);
  const scan::BsmAsimovChi2 poisson(csi, 0.1);
  std::vector<double> relative;
  for (double eps : {0.08, 0.04, 0.02}) {
    const auto zprime = heavy_electron_zprime(eps);
    const double reference = nsi(eps, eps);
    ASSERT_GT(reference, 0.1);
    EXPECT_NEAR(pearson(zprime), reference, 1e-3 * reference) << eps;
    relative.push_back(poisson(zprime) / reference - 1.0);
  }
  // Poisson against Pearson: per bin 2 n [d - ln(1 + d)] = n d^2 (1 - 2d/3 + ...), d = mu/n - 1
  // proportional to eps, so the relative difference is first order in eps: it halves with eps.
  for (std::size_t k = 0; k + 1 < relative.size(); ++k) {
    EXPECT_NEAR(relative[k + 1] / relative[k], 0.5, 0.1) << relative[k] << " " << relative[k + 1];
  }
  EXPECT_LT(std::abs(relative.back()), 0.05);
}

TEST(BsmAsimovChi2, UniversalHeavyZprimeEqualsNsiInEveryFlavourFromTheParser) {
  const double mass_MeV = 1e4, coupling = 1e-2;
  const double eps = contact_epsilon(mass_MeV * units::MeV, coupling);
  const auto zprime = scan::bsm_point_settings({"zprime_mass_MeV", "zprime_coupling"}, {mass_MeV, coupling});
  std::vector<std::string> names;
  std::vector<double> values;
  for (const char* f : {"ee", "mumu", "tautau"})
    for (const char* q : {"u", "d"}) {
      names.push_back(std::string("eps_") + f + "_" + q + "V");
      values.push_back(eps);
    }
  const auto nsi = scan::bsm_point_settings(names, values);
  const scan::BsmAsimovChi2 chi2({"coherent-csi-2017", "coherent-lar-2020"}, 0.1);
  const double reference = chi2(nsi);
  ASSERT_GT(reference, 1.0);
  EXPECT_NEAR(chi2(zprime), reference, 1e-3 * reference);
}

TEST(BsmAsimovJob, RejectsHalfAMediatorAndUnknownParameters) {
  scan::ScanConfig c;
  c.quantity = "bsm_asimov_delta_chi2";
  c.experiments = csi;
  c.axes = {{"zprime_mass_MeV", 1.0, 10.0, 2, true}};
  EXPECT_THROW((void)scan::make_scan_job(c), InputError);
  c.axes = {{"zprime_mas_MeV", 1.0, 10.0, 2, true}};
  try {
    (void)scan::make_scan_job(c);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean zprime_mass_MeV"), std::string::npos) << e.what();
  }
  c.axes = {{"magnetic_moment_bohr", 0.0, 3e-8, 2, false}};
  c.zprime_model = "b-l";
  const auto job = scan::make_scan_job(c);
  EXPECT_EQ(job.space.size(), 2u);
  EXPECT_NEAR(job.evaluate(job.space.point(0))[0], 0.0, 1e-9);
  EXPECT_GT(job.evaluate(job.space.point(1))[0], 0.0);
}

}  // namespace
}  // namespace cevns
