// COHERENT CsI 2017 prediction: cold start (read catalog YAML, build source, kernel, response
// matrix, templates) and re-evaluation after a change of normalisation; CsI 2021 cold start with
// the release's gamma PE response (docs/performance.md).
#include <benchmark/benchmark.h>

#include <vector>

#include "cevns/io/experiment_reader.hpp"
#include "cevns/rates/prediction.hpp"

namespace {

void BM_PredictionColdStart(benchmark::State& state) {
  for (auto _ : state) {
    const cevns::Prediction p(cevns::io::load_experiment("coherent-csi-2017"));
    benchmark::DoNotOptimize(p.evaluate().signal_counts);
  }
}
BENCHMARK(BM_PredictionColdStart)->Unit(benchmark::kMillisecond);

void BM_PredictionColdStartGammaResponse(benchmark::State& state) {
  for (auto _ : state) {
    const cevns::Prediction p(cevns::io::load_experiment("coherent-csi-2021"));
    benchmark::DoNotOptimize(p.evaluate().signal_counts);
  }
}
BENCHMARK(BM_PredictionColdStartGammaResponse)->Unit(benchmark::kMillisecond);

void BM_PredictionBuildOnly(benchmark::State& state) {
  const auto x = cevns::io::load_experiment("coherent-csi-2017");
  for (auto _ : state) {
    const cevns::Prediction p(x);
    benchmark::DoNotOptimize(p.bins());
  }
}
BENCHMARK(BM_PredictionBuildOnly)->Unit(benchmark::kMillisecond);

void BM_PredictionReevaluate(benchmark::State& state) {
  const cevns::Prediction p(cevns::io::load_experiment("coherent-csi-2017"));
  std::vector<double> out(p.bins());
  cevns::PredictionScales s;
  double a = 1.0;
  for (auto _ : state) {
    s.signal = (a += 1e-9);
    p.expected(s, out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_PredictionReevaluate)->Unit(benchmark::kMicrosecond);

}  // namespace
