// Likelihood analyses (analysis/likelihood_model.hpp, docs/performance.md): the COHERENT CsI 2017
// NSI analysis of examples/analyses/profile-coherent-csi.yaml (50 PE x 24 time bins, eps_uV and
// eps_dV, flux, quenching morphing and two background normalisations):
//   BM_AnalysisBuild          read the file, build the 18 template predictions, Asimov data
//   BM_AnalysisExpected       expected counts of all 1200 bins at a new parameter point
//   BM_AnalysisMinusTwoLnL    the same plus the Poisson deviance and constraints (one NLopt call)
//   BM_AnalysisProfiledPoint  one profiled point: four nuisances by BOBYQA (derivative-free)
//   BM_AnalysisProfiledPointGradient  the same by L-BFGS with the analytic gradient, as the
//                             profile_likelihood scan computes it
#include <benchmark/benchmark.h>

#include <optional>
#include <vector>

#include "cevns/analysis/analysis_fit.hpp"
#include "cevns/analysis/likelihood_model.hpp"
#include "cevns/io/analysis_config_reader.hpp"
#include "cevns/io/data_path.hpp"
#include "cevns/stats/fit.hpp"

namespace {

std::filesystem::path example() {
  return cevns::io::data_directory().parent_path() / "examples" / "analyses" / "profile-coherent-csi.yaml";
}

const cevns::analysis::LikelihoodModel& model() {
  static const cevns::analysis::LikelihoodModel m(cevns::io::read_analysis_config(example()));
  return m;
}

void BM_AnalysisBuild(benchmark::State& state) {
  for (auto _ : state) {
    const cevns::analysis::LikelihoodModel m(cevns::io::read_analysis_config(example()));
    benchmark::DoNotOptimize(m.bins());
  }
}
BENCHMARK(BM_AnalysisBuild)->Unit(benchmark::kMillisecond);

void BM_AnalysisExpected(benchmark::State& state) {
  const auto& m = model();
  std::vector<double> v = m.truth(), out(m.bins());
  for (auto _ : state) {
    v[0] += 1e-9;  // eps_uV
    m.expected(v, out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_AnalysisExpected)->Unit(benchmark::kMicrosecond);

void BM_AnalysisMinusTwoLnL(benchmark::State& state) {
  const auto& m = model();
  std::vector<double> v = m.truth();
  for (auto _ : state) {
    v[0] += 1e-9;
    benchmark::DoNotOptimize(m.likelihood()(v));
  }
}
BENCHMARK(BM_AnalysisMinusTwoLnL)->Unit(benchmark::kMicrosecond);

void BM_AnalysisProfiledPoint(benchmark::State& state) {
  const auto& m = model();
  auto options = cevns::analysis::fit_options(m.config());
  options.covariance = false;
  std::vector<std::optional<double>> fixed(m.parameter_names().size());
  fixed[0] = 0.1;   // eps_uV
  fixed[1] = 0.05;  // eps_dV
  int evaluations = 0;
  for (auto _ : state) {
    const auto fit = cevns::stats::minimize(m.likelihood(), options, fixed);
    evaluations = fit.evaluations;
    benchmark::DoNotOptimize(fit.minimum);
  }
  state.counters["evaluations"] = evaluations;
}
BENCHMARK(BM_AnalysisProfiledPoint)->Unit(benchmark::kMillisecond);

// The same point as profile_likelihood computes it: L-BFGS with the analytic gradient.
void BM_AnalysisProfiledPointGradient(benchmark::State& state) {
  const auto& m = model();
  auto options = cevns::analysis::fit_options(m.config());
  options.covariance = false;
  std::vector<std::optional<double>> fixed(m.parameter_names().size());
  fixed[0] = 0.1;
  fixed[1] = 0.05;
  int evaluations = 0;
  for (auto _ : state) {
    const auto fit = cevns::analysis::profile_fit(m, m.likelihood(), m.truth(), fixed, options);
    evaluations = fit.evaluations;
    benchmark::DoNotOptimize(fit.minimum);
  }
  state.counters["evaluations"] = evaluations;
}
BENCHMARK(BM_AnalysisProfiledPointGradient)->Unit(benchmark::kMillisecond);

}  // namespace
