// The rate engine (docs/performance.md, "One rate engine"):
//   BM_CatalogEntry/<id>        every catalog entry: tabulate the source, build kernels, responses and
//                               templates, evaluate (the experiment file already read)
//   BM_CatalogEntryCold/<id>    the same including reading the YAML file and its data tables
//   BM_FullPredictionPoint/<m>  one scan point with a full prediction of COHERENT CsI (2017) under a
//                               BSM model: Prediction::signal(settings) on the stored moments
//   BM_TabulateReactor          the reactor source of CONUS (3.9 GW, 17.1 m) tabulated once
//   BM_RecoilLevel/<setup>      the peers' benchmark setups at recoil level (no detector response):
//                               CsI, 14.6 kg at 19.3 m from the SNS, 1-keVnr bins to 50 keVnr; Ge,
//                               1 kg at 17 m from a 3.9 GW reactor, 10-eVnr bins to 3 keVnr; one
//                               year; source, kernel and bins built and evaluated
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "cevns/core/units.hpp"
#include "cevns/io/experiment_reader.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_catalog.hpp"
#include "cevns/physics/physics_choices.hpp"
#include "cevns/rates/prediction.hpp"
#include "cevns/sources/tabulated_spectrum.hpp"

namespace {

void BM_CatalogEntry(benchmark::State& state, const std::string& id) {
  const auto x = cevns::io::load_experiment(id);
  for (auto _ : state) {
    const cevns::Prediction p(x);
    benchmark::DoNotOptimize(p.evaluate().signal_counts);
  }
}

void BM_CatalogEntryCold(benchmark::State& state, const std::string& id) {
  for (auto _ : state) {
    const cevns::Prediction p(cevns::io::load_experiment(id));
    benchmark::DoNotOptimize(p.evaluate().signal_counts);
  }
}

cevns::CevnsSettings model(const std::string& name) {
  cevns::PhysicsChoices c;
  if (name == "zprime") c.zprime = "mass_MeV=10,coupling=1e-4";
  if (name == "scalar") c.scalar = "mass_MeV=10,coupling=1e-4";
  if (name == "nsi") c.nsi = "eps_ee_uV=0.1,eps_ee_dV=-0.05";
  if (name == "magnetic_moment") c.magnetic_moment_bohr = 1e-9;
  if (name == "millicharge") c.millicharge_e = 1e-8;
  return cevns::make_cevns_settings(c);
}

void BM_FullPredictionPoint(benchmark::State& state, const std::string& name) {
  const cevns::Prediction sm(cevns::io::load_experiment("coherent-csi-2017"));
  const auto settings = model(name);
  for (auto _ : state) benchmark::DoNotOptimize(sm.signal(settings).data());
}

void BM_TabulateReactor(benchmark::State& state) {
  cevns::io::SourceOptions o;
  o.power_GW = {3.9};
  o.distance_m = {17.1};
  const auto source = cevns::io::make_source("reactor", o);
  for (auto _ : state) {
    const cevns::TabulatedSource t(source);
    benchmark::DoNotOptimize(t.spectra.front().total());
  }
}
BENCHMARK(BM_TabulateReactor)->Unit(benchmark::kMillisecond);

cevns::Experiment recoil_level(const std::string& target, double mass_kg, const cevns::NeutrinoSource& flux,
                               double bin_keV, double top_keV) {
  cevns::Experiment x;
  x.id = "recoil-level";
  x.material = cevns::Material::from_name(cevns::io::default_nuclear_database(), target);
  x.mass_kg = mass_kg;
  x.fluence = flux.scaled(cevns::units::year);
  x.response.observable = cevns::Observable::keVnr;
  for (double t = 0.0; t <= top_keV * (1 + 1e-12); t += bin_keV) x.response.bin_edges.push_back(t);
  return x;
}

void BM_RecoilLevel(benchmark::State& state, const std::string& setup) {
  cevns::io::SourceOptions o;
  o.distance_m = {setup == "csi-sns" ? 19.3 : 17.0};
  if (setup != "csi-sns") o.power_GW = {3.9};
  const auto flux = cevns::io::make_source(setup == "csi-sns" ? "sns" : "reactor", o);
  const auto x = setup == "csi-sns" ? recoil_level("CsI", 14.6, flux, 1.0, 50.0) : recoil_level("Ge", 1.0, flux, 0.01, 3.0);
  for (auto _ : state) {
    const cevns::Prediction p(x);
    benchmark::DoNotOptimize(p.evaluate().signal_counts);
  }
}

const bool registered = [] {
  for (const auto& e : cevns::io::experiment_catalog()) {
    benchmark::RegisterBenchmark(("BM_CatalogEntry/" + e.id).c_str(), BM_CatalogEntry, e.id)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark(("BM_CatalogEntryCold/" + e.id).c_str(), BM_CatalogEntryCold, e.id)
        ->Unit(benchmark::kMillisecond);
  }
  for (const char* setup : {"csi-sns", "ge-reactor"})
    benchmark::RegisterBenchmark((std::string("BM_RecoilLevel/") + setup).c_str(), BM_RecoilLevel, std::string(setup))
        ->Unit(benchmark::kMillisecond);
  for (const char* m : {"zprime", "scalar", "nsi", "magnetic_moment", "millicharge"})
    benchmark::RegisterBenchmark((std::string("BM_FullPredictionPoint/") + m).c_str(), BM_FullPredictionPoint,
                                 std::string(m))
        ->Unit(benchmark::kMicrosecond);
  return true;
}();

}  // namespace
