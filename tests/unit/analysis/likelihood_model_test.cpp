// The likelihood model of an analysis: the quadratic coefficient templates reproduce a full
// prediction (re-integrated at the point) to 1e-10, template morphing reproduces the full
// prediction at the +-1 sigma quenching scales, and a fit to Asimov data recovers the injected
// values.
#include "cevns/analysis/likelihood_model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cevns/analysis/analysis_fit.hpp"
#include "cevns/core/error.hpp"
#include "cevns/stats/fit.hpp"

namespace cevns::analysis {
namespace {

Background flat(const std::string& name, double rate_ckkd, BackgroundTiming timing) {
  Background b;
  b.name = name;
  b.rate_ckkd = rate_ckkd;
  b.timing = timing;
  return b;
}

ParameterInput parameter(const std::string& name, double initial, double lower, double upper) {
  ParameterInput p;
  p.name = name;
  p.initial = initial;
  p.lower = lower;
  p.upper = upper;
  return p;
}

ParameterInput nuisance(const std::string& name, double width) {
  ParameterInput p = parameter(name, 1.0, std::max(0.0, 1.0 - 5.0 * width), 1.0 + 5.0 * width);
  p.constraint = stats::Constraint::gaussian;
  p.center = 1.0;
  p.width = width;
  return p;
}

// COHERENT CsI 2017 (50 PE x 24 time bins) with two flat backgrounds, every parameter of interest
// and four nuisances free.
AnalysisConfig csi_config() {
  AnalysisConfig c;
  ExperimentInput e;
  e.experiment = "coherent-csi-2017";
  e.asimov = true;
  e.extra_backgrounds = {flat("steady", 0.02, BackgroundTiming::steady), flat("neutrons", 0.002, BackgroundTiming::prompt)};
  c.experiments = {e};
  c.parameters = {parameter("signal_scale", 1.0, 0.0, 3.0), parameter("sin2w", 0.23857, 0.1, 0.4),
                  parameter("eps_uV", 0.0, -1.0, 1.0),      parameter("eps_dV", 0.0, -1.0, 1.0),
                  nuisance("flux", 0.1),                     nuisance("quenching", 0.189),
                  nuisance("background:steady", 0.03),       nuisance("background:neutrons", 0.25)};
  return c;
}

const LikelihoodModel& csi_model() {
  static const LikelihoodModel m(csi_config());
  return m;
}

std::size_t index_of(const LikelihoodModel& m, const std::string& name) {
  const auto& n = m.parameter_names();
  return static_cast<std::size_t>(std::find(n.begin(), n.end(), name) - n.begin());
}

// Largest |a - b| / |b| over bins with counts (and |a - b| relative to the largest bin elsewhere).
double worst_relative(const std::vector<double>& a, const std::vector<double>& b) {
  const double scale = *std::max_element(b.begin(), b.end());
  double worst = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double d = std::abs(a[i] - b[i]);
    worst = std::max(worst, b[i] > 1e-9 * scale ? d / b[i] : d / scale);
  }
  return worst;
}

TEST(LikelihoodModel, TemplatesReproduceTheFullPredictionOffGrid) {
  const auto& m = csi_model();
  ASSERT_EQ(m.bins(), 50u * 24u);
  ASSERT_EQ(m.parameter_names().size(), 8u);
  // An off-grid point in every parameter entering the weak charge, normalisations away from 1,
  // quenching at nominal.
  std::vector<double> v{0.93, 0.2432, 0.137, -0.081, 1.05, 1.0, 1.1, 0.8};
  const auto templated = m.expected(v);
  const auto full = m.full_prediction(v, 0);
  EXPECT_LT(worst_relative(templated, full), 1e-10);
  // Far from the SM (the nu_e charge flips sign) the quadratic form is still exact.
  v = {1.0, 0.31, 0.45, -0.3, 1.0, 1.0, 1.0, 1.0};
  EXPECT_LT(worst_relative(m.expected(v), m.full_prediction(v, 0)), 1e-10);
}

TEST(LikelihoodModel, MorphingIsExactAtPlusMinusOneSigma) {
  const auto& m = csi_model();
  const std::size_t q = index_of(m, "quenching");
  for (const double scale : {1.0 + 0.189, 1.0 - 0.189}) {
    std::vector<double> v{1.1, 0.235, -0.05, 0.12, 0.97, scale, 1.0, 1.2};
    ASSERT_EQ(v.size(), m.parameter_names().size());
    v[q] = scale;
    EXPECT_LT(worst_relative(m.expected(v), m.full_prediction(v, 0)), 1e-10) << "quenching scale " << scale;
  }
  // In between, the quadratic interpolation is an approximation: at half a sigma the total counts
  // agree with the re-integrated prediction to 5e-4 (measured 2.1e-4; single bins to < 1 %; see
  // docs/physics/statistics.md).
  std::vector<double> v{1.0, 0.23857, 0.0, 0.0, 1.0, 1.0 + 0.5 * 0.189, 1.0, 1.0};
  const auto morph = m.expected(v), full = m.full_prediction(v, 0);
  double sm = 0.0, sf = 0.0;
  for (std::size_t i = 0; i < morph.size(); ++i) sm += morph[i], sf += full[i];
  EXPECT_NEAR(sm / sf, 1.0, 5e-4);
}

TEST(LikelihoodModel, AsimovFitRecoversInjectedValues) {
  AnalysisConfig c = csi_config();
  // Free: eps_uV (injected 0.08), the flux (0.95) and the quenching scale (1.06) and backgrounds;
  // signal_scale, sin2w and eps_dV held fixed (they are degenerate with eps_uV for one target).
  for (auto& p : c.parameters) {
    if (p.name == "signal_scale" || p.name == "sin2w" || p.name == "eps_dV") p.fixed = true;
    if (p.name == "eps_uV") p.truth = 0.08;
    if (p.name == "flux") p.truth = 0.95;
    if (p.name == "quenching") p.truth = 1.06;
  }
  const LikelihoodModel m(c);
  ASSERT_EQ(m.parameter_names().size(), 5u);
  const auto fit = run_fit(m);
  ASSERT_TRUE(fit.covariance_ok);
  EXPECT_LT(fit.minus_two_lnl, 1e-6);
  for (std::size_t k = 0; k < fit.parameters.size(); ++k) {
    const auto& p = fit.parameters[k];
    EXPECT_GT(p.error, 0.0) << p.name;
    EXPECT_NEAR(p.value, m.truth()[k], 0.02 * p.error) << p.name;
  }
  EXPECT_EQ(m.truth()[index_of(m, "eps_uV")], 0.08);
}

TEST(LikelihoodModel, AnalyticGradientMatchesFiniteDifferences) {
  const auto& m = csi_model();
  const auto& L = m.likelihood();
  // Every parameter free and away from its nominal value; quenching inside (1.1) and beyond
  // (1.3: linear extrapolation) the +-1 sigma templates.
  for (const double q : {1.1, 1.3}) {
    const std::vector<double> v{0.93, 0.2432, 0.137, -0.081, 1.05, q, 1.1, 0.8};
    std::vector<double> g(v.size());
    const double value = m.minus_two_lnl(L, v, g);
    EXPECT_EQ(value, L(v));  // the same number as the likelihood's
    for (std::size_t k = 0; k < v.size(); ++k) {
      const double h = 1e-6 * std::max(1.0, std::abs(v[k]));
      auto p = v, n = v;
      p[k] += h;
      n[k] -= h;
      const double numeric = (L(p) - L(n)) / (2.0 * h);
      EXPECT_NEAR(g[k], numeric, 1e-5 * std::max(1.0, std::abs(numeric))) << m.parameter_names()[k] << " q " << q;
    }
  }
}

TEST(LikelihoodModel, GradientProfileFitAgreesWithBobyqa) {
  const auto& m = csi_model();
  const auto& L = m.likelihood();
  std::vector<std::optional<double>> fixed(L.size());
  fixed[1] = 0.2432;  // sin2w
  fixed[2] = 0.15;    // eps_uV
  fixed[3] = -0.05;   // eps_dV
  stats::FitOptions o;
  o.covariance = false;
  const auto bobyqa = stats::minimize(L, o, fixed);
  const auto lbfgs = profile_fit(m, L, m.truth(), fixed, o);
  EXPECT_NEAR(lbfgs.minimum, bobyqa.minimum, 1e-6 * (1.0 + bobyqa.minimum));
  EXPECT_LT(lbfgs.evaluations, bobyqa.evaluations);
}

TEST(LikelihoodModel, InconsistentConfigurationsAreInputErrors) {
  AnalysisConfig c = csi_config();
  c.parameters.push_back(nuisance("background:stedy", 0.1));
  try {
    (void)LikelihoodModel(c);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("no experiment of the analysis has a background 'stedy' (did you mean steady?)"),
              std::string::npos)
        << e.what();
  }
  c = csi_config();
  c.parameters.push_back(nuisance("flux:coherent-lar-2020", 0.1));
  EXPECT_THROW((void)LikelihoodModel(c), InputError);
  c = csi_config();
  c.experiments[0].asimov = false;
  EXPECT_THROW((void)LikelihoodModel(c), InputError);
}

TEST(LikelihoodModel, ExperimentSpecificNuisancesWinOverShared) {
  // flux:<id> takes the experiment; the shared flux then acts on nothing, which is an error
  // (whatever the order of the two).
  AnalysisConfig c = csi_config();
  c.parameters.insert(c.parameters.begin() + 4, nuisance("flux:coherent-csi-2017", 0.05));
  try {
    (void)LikelihoodModel(c);
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("parameter 'flux' applies to no experiment"), std::string::npos) << e.what();
  }
  c.parameters.erase(c.parameters.begin() + 5);  // drop the shared flux
  const LikelihoodModel m(c);
  auto v = m.truth();
  const auto nominal = m.expected(v);
  v[index_of(m, "flux:coherent-csi-2017")] = 1.3;
  const auto scaled = m.expected(v);
  auto off = m.truth();
  off[index_of(m, "signal_scale")] = 0.0;
  const auto background = m.expected(off);
  for (std::size_t i = 0; i < nominal.size(); ++i)
    EXPECT_NEAR(scaled[i] - nominal[i], 0.3 * (nominal[i] - background[i]), 1e-12 * (1.0 + nominal[i]));
}

}  // namespace
}  // namespace cevns::analysis
