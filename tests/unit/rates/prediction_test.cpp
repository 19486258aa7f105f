// Prediction against an independent adaptive double integral over recoil and neutrino energy.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/quadrature.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_catalog.hpp"
#include "cevns/rates/prediction.hpp"

using namespace cevns;

namespace {

// N in [t1, t2] = M sum_i n_i sum_a int dT [sum_lines I dsigma + int_{Emin(T)} phi dsigma dE], adaptive.
double adaptive_counts(const Experiment& x, double t1, double t2) {
  const MaterialCrossSection xs(*x.material);
  double total = 0.0;
  for (std::size_t i = 0; i < xs.isotopes().size(); ++i) {
    const auto& iso = xs.isotopes()[i];
    for (const auto nu : x.fluence.species()) {
      const Spectrum& s = *x.fluence.spectrum(nu);
      auto density = [&](double t) {
        double v = 0.0;
        for (const auto& l : s.lines())
          if (l.energy > iso.min_neutrino_energy(t)) v += l.intensity * iso.differential(nu, l.energy, t);
        if (s.has_continuum()) {
          const auto& e = s.panel_edges();
          for (std::size_t p = 0; p + 1 < e.size(); ++p) {
            const double a = std::max(e[p], iso.min_neutrino_energy(t));
            if (e[p + 1] > a)
              v += adaptive_integral([&](double E) { return s.density(E) * iso.differential(nu, E, t); }, a, e[p + 1],
                                     1e-9);
          }
        }
        return v;
      };
      // Split the recoil range at the kinks (T_max of lines and spectrum edges) for the reference too.
      std::vector<double> cuts{t1, t2};
      for (const auto& l : s.lines()) cuts.push_back(iso.max_recoil(l.energy));
      if (s.has_continuum())
        for (const double e : s.panel_edges()) cuts.push_back(iso.max_recoil(e));
      std::sort(cuts.begin(), cuts.end());
      for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
        const double a = std::max(cuts[c], t1), b = std::min(cuts[c + 1], t2);
        if (b > a) total += x.mass_kg * xs.material().nuclei_per_kg(i) * adaptive_integral(density, a, b, 1e-8);
      }
    }
  }
  return total;
}

Experiment recoil_binned(const std::string& target, NeutrinoSource fluence, std::vector<double> edges_keV) {
  Experiment x;
  x.id = "test";
  x.material = Material::from_name(io::default_nuclear_database(), target);
  x.mass_kg = 2.0;
  x.fluence = std::move(fluence);
  x.response.observable = Observable::keVnr;
  x.response.bin_edges = std::move(edges_keV);
  return x;
}

}  // namespace

TEST(Prediction, DecayAtRestOnCsIMatchesAdaptiveDoubleIntegral) {
  io::SourceOptions o;
  o.distance_m = {19.3};
  const auto src = io::make_source("sns", o).scaled(30 * units::day);
  const auto x = recoil_binned("CsI", src, {1, 5, 12, 25, 50});
  const Prediction p(x);
  const auto r = p.evaluate();
  for (std::size_t k = 0; k < r.energy_bins; ++k) {
    const double ref = adaptive_counts(x, x.response.bin_edges[k] * units::keV, x.response.bin_edges[k + 1] * units::keV);
    EXPECT_NEAR(r.signal[k] / ref, 1.0, 1e-4) << "bin " << k << " ref " << ref;
  }
  // The recoil kernel alone: all recoils.
  const double all = adaptive_counts(x, 0.0, p.kernel().recoil_max());
  EXPECT_NEAR(p.recoil_counts() / all, 1.0, 1e-4);
}

TEST(Prediction, ReactorOnGermaniumMatchesAdaptiveDoubleIntegral) {
  io::SourceOptions o;
  o.power_GW = {3.9};
  o.distance_m = {17.1};
  const auto src = io::make_source("reactor", o).scaled(1 * units::day);
  const auto x = recoil_binned("Ge", src, {0.2, 0.5, 1.0, 2.0});
  const Prediction p(x);
  const auto r = p.evaluate();
  for (std::size_t k = 0; k < r.energy_bins; ++k) {
    const double ref = adaptive_counts(x, x.response.bin_edges[k] * units::keV, x.response.bin_edges[k + 1] * units::keV);
    EXPECT_NEAR(r.signal[k] / ref, 1.0, 1e-4) << "bin " << k << " ref " << ref;
  }
}

TEST(Prediction, ScalesAreLinearAndTimeFractionsFollowTheBeam) {
  io::SourceOptions o;
  o.distance_m = {20.0};
  auto x = recoil_binned("Ar", io::make_source("sns", o).scaled(units::day), {0, 20, 40, 80});
  x.pulsed = true;
  x.time_edges = {0.0, 1 * units::us, 6 * units::us};
  Background b;
  b.name = "flat";
  b.rate_ckkd = 1.0;
  x.backgrounds.push_back(b);
  x.live_days = 10;
  const Prediction p(x);
  const auto base = p.evaluate();
  PredictionScales s;
  s.signal = 2.0;
  s.backgrounds = {3.0};
  const auto r = p.evaluate(s);
  EXPECT_NEAR(r.signal_counts, 2.0 * base.signal_counts, 1e-9 * base.signal_counts);
  EXPECT_NEAR(r.background_counts, 3.0 * 1.0 * 80 * 2.0 * 10, 1e-9);
  std::vector<double> out(p.bins());
  p.expected(s, out);
  for (std::size_t n = 0; n < out.size(); ++n) EXPECT_NEAR(out[n], r.total[n], 1e-9 * (1 + r.total[n]));
  // Species fractions: nu_mu (prompt) in [0, 6 us] vs the timing model's own fraction.
  const DecayAtRestTiming t;
  const auto& sp = p.species();
  const auto all = Prediction(recoil_binned("Ar", x.fluence, {0, 20, 40, 80})).evaluate();
  for (std::size_t a = 0; a < sp.size(); ++a)
    EXPECT_NEAR(base.species_counts[a] / all.species_counts[a], t.fraction(sp[a], 0.0, 6 * units::us), 1e-12);
}

// Several detectors binned alike (NUCLEUS's CaWO4 and Al2O3 arrays, CONUS+'s three Ge diodes): the
// prediction must be the sum of the single-detector predictions, bin by bin, with each detector's
// own target, mass and threshold; nuclides shared by two targets (O16) counted together; a flat
// background per kg above each detector's threshold, a table background once.
TEST(Prediction, DetectorModulesAddUpToTheSingleDetectorPredictions) {
  io::SourceOptions o;
  o.power_GW = {4.25};
  o.distance_m = {72.0};
  const auto fluence = io::make_source("reactor", o).scaled(365.25 * units::day);
  const std::vector<double> edges{0.01, 0.05, 0.1, 0.3, 1.0};
  auto a = recoil_binned("CaWO4", fluence, edges);
  a.mass_kg = 0.00684;
  a.response.threshold = 0.02;
  auto b = recoil_binned("Al2O3", fluence, edges);
  b.mass_kg = 0.00449;
  b.response.threshold = 0.04;
  Background flat;
  flat.name = "flat";
  flat.rate_ckkd = 100.0;
  Background table;
  table.name = "table";
  table.shape = BackgroundShape::table;
  table.table_x = {0.03, 0.2};
  table.table_counts = {1.0, 3.0};
  table.total_counts = 8.0;
  for (auto* x : {&a, &b}) {
    x->live_days = 365.25;
    x->backgrounds = {flat};
  }
  Experiment both = a;
  both.id = "both";
  both.modules = {{"CaWO4", *a.material, a.mass_kg, a.response}, {"Al2O3", *b.material, b.mass_kg, b.response}};
  both.backgrounds = {flat, table};
  const Prediction pa(a), pb(b), p(both);
  const auto ra = pa.evaluate(), rb = pb.evaluate();
  const auto r = p.evaluate();
  ASSERT_EQ(p.modules(), 2u);
  EXPECT_EQ(p.module_name(1), "Al2O3");
  ASSERT_EQ(r.signal.size(), ra.signal.size());
  for (std::size_t k = 0; k < r.signal.size(); ++k)
    EXPECT_NEAR(r.signal[k], ra.signal[k] + rb.signal[k], 1e-12 * r.signal[k]) << k;
  EXPECT_NEAR(r.module_counts[0], ra.signal_counts, 1e-12 * ra.signal_counts);
  EXPECT_NEAR(r.module_counts[1], rb.signal_counts, 1e-12 * rb.signal_counts);
  // O16 is in both targets: one entry holding both modules' oxygen recoils.
  const auto& names = p.isotope_names();
  const auto o16 = static_cast<std::size_t>(std::find(names.begin(), names.end(), "O16") - names.begin());
  ASSERT_LT(o16, names.size());
  EXPECT_EQ(std::count(names.begin(), names.end(), "O16"), 1);
  double oa = 0.0, ob = 0.0;
  for (std::size_t i = 0; i < pa.isotope_names().size(); ++i)
    if (pa.isotope_names()[i] == "O16") oa = ra.isotope_counts[i];
  for (std::size_t i = 0; i < pb.isotope_names().size(); ++i)
    if (pb.isotope_names()[i] == "O16") ob = rb.isotope_counts[i];
  EXPECT_NEAR(r.isotope_counts[o16], oa + ob, 1e-12 * (oa + ob));
  // Flat: 100 /(keV kg d) x width above each threshold x mass x days, summed; table: 8 counts once.
  const double flat_expected = 100.0 * 365.25 * ((1.0 - 0.02) * a.mass_kg + (1.0 - 0.04) * b.mass_kg);
  EXPECT_NEAR(r.background_component_counts[0], flat_expected, 1e-12 * flat_expected);
  EXPECT_NEAR(r.background_component_counts[1], 8.0, 1e-12);
  EXPECT_NEAR(p.recoil_counts(), pa.recoil_counts() + pb.recoil_counts(), 1e-12 * p.recoil_counts());
  // Detectors must share the observable bins.
  both.modules[1].response.bin_edges = {0.01, 1.0};
  EXPECT_THROW(Prediction{both}, InputError);
}
