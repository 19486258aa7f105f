// One point of the scan quantities whose points are not template dot products
// (docs/performance.md, "Scan quantities"): each job is built once from its example file, as
// `cevns scan` does, and a point in the middle of its grid is evaluated.
//   BM_ZprimeAsimovPoint   bsm_asimov_delta_chi2 (examples/analyses/scan-zprime.yaml): a full
//                          prediction of COHERENT CsI and LAr with the point's Z' propagator, and the
//                          normalisation profiled
//   BM_SterileAsimovPoint  sterile_asimov_delta_chi2 (examples/scans/sterile-triga.yaml): five
//                          baselines, oscillation averaged over core and detector size
//   BM_CoherentToy         one toy of examples/analyses/fit-coherent-csi.yaml: Poisson data, fit
//                          and the profile ratio at the truth (as `cevns toys` runs it)
#include <benchmark/benchmark.h>

#include <memory>

#include "cevns/analysis/likelihood_model.hpp"
#include "cevns/analysis/toy_study.hpp"
#include "cevns/io/analysis_config_reader.hpp"
#include "cevns/io/data_path.hpp"
#include "cevns/io/scan_config_reader.hpp"
#include "cevns/scan/scan_config.hpp"

namespace {

std::filesystem::path example(const char* relative) {
  return cevns::io::data_directory().parent_path() / "examples" / relative;
}

void run_middle_point(benchmark::State& state, const char* file) {
  const auto job = cevns::scan::make_scan_job(cevns::io::read_scan_config(example(file)));
  const auto& point = job.space.point(job.space.size() / 2);
  for (auto _ : state) benchmark::DoNotOptimize(job.evaluate(point));
}

void BM_ZprimeAsimovPoint(benchmark::State& state) { run_middle_point(state, "analyses/scan-zprime.yaml"); }
BENCHMARK(BM_ZprimeAsimovPoint)->Unit(benchmark::kMillisecond);

void BM_SterileAsimovPoint(benchmark::State& state) { run_middle_point(state, "scans/sterile-triga.yaml"); }
BENCHMARK(BM_SterileAsimovPoint)->Unit(benchmark::kMicrosecond);

void BM_CoherentToy(benchmark::State& state) {
  const auto model = std::make_shared<const cevns::analysis::LikelihoodModel>(
      cevns::io::read_analysis_config(example("analyses/fit-coherent-csi.yaml")));
  const auto job = cevns::analysis::make_toy_job(model, 1000, 1);
  std::size_t k = 0;
  for (auto _ : state) benchmark::DoNotOptimize(job.evaluate(job.space.point(k++ % job.space.size())));
}
BENCHMARK(BM_CoherentToy)->Unit(benchmark::kMillisecond);

}  // namespace
