// Hot paths of the Standard-Model cross section (figures in docs/performance.md).
#include <benchmark/benchmark.h>

#include <vector>

#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/physics/cevns_cross_section.hpp"

namespace {

using namespace cevns;
constexpr Neutrino numu{Flavour::mu, false};

const CevnsCrossSection& cs133() {
  static const CevnsCrossSection xs(io::default_nuclear_database().isotope("Cs", 133));
  return xs;
}

// One dsigma/dT with the Helm form factor, over a sweep of recoils at 30 MeV.
void BM_DifferentialHelm(benchmark::State& state) {
  const auto& xs = cs133();
  std::vector<double> T(1024);
  const double tmax = xs.max_recoil(30.0);
  for (std::size_t i = 0; i < T.size(); ++i) T[i] = tmax * (static_cast<double>(i) + 0.5) / 1024.0;
  std::vector<double> out(T.size());
  for (auto _ : state) {
    xs.differential(numu, 30.0, T, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<long>(T.size()));
}
BENCHMARK(BM_DifferentialHelm);

// sigma(E) on 1000 energies from 1 to 60 MeV (fixed 128-node rule per energy).
void BM_TotalOn1000Energies(benchmark::State& state) {
  const auto& xs = cs133();
  std::vector<double> E(1000), out(1000);
  for (std::size_t i = 0; i < E.size(); ++i) E[i] = 1.0 + 59.0 * static_cast<double>(i) / 999.0;
  for (auto _ : state) {
    xs.total(numu, E, out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_TotalOn1000Energies)->Unit(benchmark::kMillisecond);

// The same 1000 energies with adaptive Gauss-Kronrod at 1e-10: what most Python codes do.
void BM_TotalOn1000EnergiesAdaptive(benchmark::State& state) {
  const auto& xs = cs133();
  std::vector<double> E(1000);
  for (std::size_t i = 0; i < E.size(); ++i) E[i] = 1.0 + 59.0 * static_cast<double>(i) / 999.0;
  for (auto _ : state) {
    double sum = 0.0;
    for (double e : E)
      sum += adaptive_integral([&](double T) { return xs.differential(numu, e, T); }, 0.0, xs.max_recoil(e), 1e-10);
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(BM_TotalOn1000EnergiesAdaptive)->Unit(benchmark::kMillisecond);

}  // namespace
