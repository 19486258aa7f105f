// The neutrino fog of one target (figures in docs/performance.md, section "Neutrino fog").
#include <benchmark/benchmark.h>

#include <cmath>
#include <vector>

#include "cevns/darkmatter/neutrino_fog.hpp"
#include "cevns/io/atmospheric_data_reader.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"

namespace {

using namespace cevns;

const std::vector<NeutrinoBackground>& backgrounds() {
  static const auto b = dark_matter_neutrino_backgrounds(io::default_solar_model(), io::default_atmospheric_flux());
  return b;
}

std::vector<double> masses(int n) {
  std::vector<double> m;
  for (int i = 0; i < n; ++i) m.push_back(0.1 * std::pow(1e5, static_cast<double>(i) / (n - 1)));
  return m;
}

// Set-up: binned CEvNS rates of the ten neutrino components on natural xenon (9 isotopes).
void BM_FogSetupXenon(benchmark::State& state) {
  const Material xe = Material::from_name(io::default_nuclear_database(), "Xe");
  for (auto _ : state) {
    NeutrinoFog fog(xe, backgrounds(), StandardHaloModel::baxter2021());
    benchmark::DoNotOptimize(&fog);
  }
}
BENCHMARK(BM_FogSetupXenon)->Unit(benchmark::kMillisecond);

// The whole fog: set-up plus 100 masses (0.1-1e4 GeV) x 181 exposures (1e-6-1e12 t y), all threads.
void BM_FogXenon100Masses(benchmark::State& state) {
  const Material xe = Material::from_name(io::default_nuclear_database(), "Xe");
  const auto m = masses(100);
  for (auto _ : state) {
    NeutrinoFog fog(xe, backgrounds(), StandardHaloModel::baxter2021());
    auto curves = fog.curves(m);
    benchmark::DoNotOptimize(curves.data());
  }
}
BENCHMARK(BM_FogXenon100Masses)->Unit(benchmark::kMillisecond)->UseRealTime();

// One mass, one thread: the cost of a discovery-limit curve (181 root finds).
void BM_FogCurveOneMass(benchmark::State& state) {
  static const NeutrinoFog fog(Material::from_name(io::default_nuclear_database(), "Xe"), backgrounds(),
                               StandardHaloModel::baxter2021());
  for (auto _ : state) {
    auto c = fog.curve(100.0);
    benchmark::DoNotOptimize(c.cross_section_cm2.data());
  }
}
BENCHMARK(BM_FogCurveOneMass)->Unit(benchmark::kMillisecond);

}  // namespace
