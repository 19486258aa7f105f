#include "cevns/darkmatter/neutrino_fog.hpp"

#include <atomic>
#include <cmath>
#include <exception>
#include <numeric>
#include <thread>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/rates/recoil_rate.hpp"

namespace cevns {
namespace {

// Natural-unit rate per kg -> events per ton-year.
constexpr double per_ton_year = 1000.0 * units::year;
// Signal counts are handled per 1e-45 cm^2 internally (well-scaled numbers).
constexpr double sigma_ref_cm2 = 1e-45;

struct BinnedBackgrounds {
  std::vector<std::string> names;
  std::vector<std::vector<double>> counts;
  std::vector<double> uncertainties;
};

BinnedBackgrounds bin_backgrounds(const Material& target, const std::vector<NeutrinoBackground>& backgrounds,
                                  const RecoilBinning& binning, const CevnsSettings& settings) {
  binning.validate();
  if (backgrounds.empty()) throw InputError("neutrino fog: no neutrino background given");
  const MaterialCrossSection xs(target, settings);
  BinnedBackgrounds out;
  for (const auto& bg : backgrounds) {
    if (bg.source.normalisation != Normalisation::flux)
      throw InputError("neutrino fog: background '" + bg.name + "' must be a flux, not a fluence");
    const RecoilRate rate(xs, TabulatedSource(bg.source));
    auto c = binning.integrate([&](double t) { return rate.differential_per_kg(t); }, rate.max_recoil());
    for (double& v : c) v *= per_ton_year;
    out.names.push_back(bg.name);
    out.counts.push_back(std::move(c));
    out.uncertainties.push_back(bg.relative_uncertainty);
  }
  return out;
}

}  // namespace

void FogOptions::validate() const {
  binning.validate();
  if (!(exposure_min_ton_year > 0.0) || !(exposure_max_ton_year > exposure_min_ton_year) ||
      !std::isfinite(exposure_max_ton_year))
    throw InputError("exposure range must satisfy 0 < min < max");
  if (exposures_per_decade < 1 || exposures_per_decade > 1000)
    throw InputError("exposures per decade must be between 1 and 1000");
  if (std::log10(exposure_max_ton_year / exposure_min_ton_year) * exposures_per_decade > 1e5)
    throw InputError("too many exposure points");
  if (!(floor_index > 1.0) || !std::isfinite(floor_index)) throw InputError("the floor index must exceed 1");
}

NeutrinoFog::NeutrinoFog(const Material& target, const std::vector<NeutrinoBackground>& backgrounds,
                         const StandardHaloModel& halo, FogOptions options, const CevnsSettings& settings)
    : options_((options.validate(), std::move(options))),
      wimp_(target, halo),
      stats_([&] {
        auto b = bin_backgrounds(target, backgrounds, options_.binning, settings);
        names_ = std::move(b.names);
        uncertainties_ = b.uncertainties;
        counts_ = b.counts;
        return AsimovDiscovery(std::move(b.counts), std::move(b.uncertainties), options_.discovery);
      }()) {}

std::vector<double> NeutrinoFog::bin_edges_keV() const {
  auto e = options_.binning.edges();
  for (double& v : e) v /= units::keV;
  return e;
}

double NeutrinoFog::signal_total(double mass_GeV) const {
  if (!(mass_GeV > 0.0) || !std::isfinite(mass_GeV)) throw InputError("WIMP mass must be positive");
  const double m = mass_GeV * units::GeV;
  const auto c = options_.binning.integrate(
      [&](double t) { return wimp_.differential_per_kg(m, units::cm2, t); }, wimp_.max_recoil(m));
  return std::accumulate(c.begin(), c.end(), 0.0) * per_ton_year;
}

std::vector<double> NeutrinoFog::signal_counts(double mass_GeV) const {
  if (!(mass_GeV > 0.0) || !std::isfinite(mass_GeV)) throw InputError("WIMP mass must be positive");
  const double m = mass_GeV * units::GeV;
  auto c = options_.binning.integrate([&](double t) { return wimp_.differential_per_kg(m, units::cm2, t); },
                                      wimp_.max_recoil(m));
  double total = 0.0;
  for (double& v : c) {
    v *= per_ton_year;
    total += v;
  }
  if (!(total > 0.0))
    throw InputError("a WIMP of " + std::to_string(mass_GeV) + " GeV gives no recoil above the threshold");
  return c;
}

FogCurve NeutrinoFog::curve(double mass_GeV) const {
  FogCurve out;
  out.mass_GeV = mass_GeV;
  auto s = signal_counts(mass_GeV);
  for (double& v : s) v *= sigma_ref_cm2;  // per 1e-45 cm^2
  const double decades = std::log10(options_.exposure_max_ton_year / options_.exposure_min_ton_year);
  const auto points = static_cast<std::size_t>(std::ceil(decades * options_.exposures_per_decade - 1e-9)) + 1;
  AsimovDiscovery::Workspace ws;
  double guess = 0.0;
  for (std::size_t j = 0; j < points; ++j) {
    const double x = options_.exposure_min_ton_year *
                     std::pow(10.0, decades * static_cast<double>(j) / static_cast<double>(points - 1));
    const DiscoveryPoint p = stats_.discovery(s, x, ws, guess);
    out.exposure_ton_year.push_back(x);
    out.cross_section_cm2.push_back(p.cross_section * sigma_ref_cm2);
    out.fog_index.push_back(p.fog_index);
    out.neutrino_events.push_back(p.background_events);
    out.signal_events.push_back(p.signal_events);
    // Next guess from the local power law sigma ~ X^(-1/n).
    const double ratio = std::pow(10.0, decades / static_cast<double>(points - 1));
    guess = p.cross_section * std::pow(ratio, -1.0 / std::max(p.fog_index, 1.0));
  }
  const double nf = options_.floor_index;
  const auto& n = out.fog_index;
  for (std::size_t j = 0; j < n.size(); ++j) {
    if (n[j] < nf) continue;
    if (j == 0) {
      out.floor_cross_section_cm2 = out.cross_section_cm2[0];
      out.floor_exposure_ton_year = out.exposure_ton_year[0];
    } else {
      const double t = (nf - n[j - 1]) / (n[j] - n[j - 1]);
      const auto lerp = [t](double a, double b) { return std::exp(std::log(a) + t * (std::log(b) - std::log(a))); };
      out.floor_cross_section_cm2 = lerp(out.cross_section_cm2[j - 1], out.cross_section_cm2[j]);
      out.floor_exposure_ton_year = lerp(out.exposure_ton_year[j - 1], out.exposure_ton_year[j]);
    }
    break;
  }
  return out;
}

std::vector<FogCurve> NeutrinoFog::curves(std::span<const double> masses_GeV) const {
  std::vector<FogCurve> out(masses_GeV.size());
  unsigned threads = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, masses_GeV.size())));
  std::atomic<std::size_t> next{0};
  std::vector<std::exception_ptr> errors(threads);
  const auto work = [&](unsigned id) {
    try {
      for (std::size_t i = next++; i < masses_GeV.size(); i = next++) out[i] = curve(masses_GeV[i]);
    } catch (...) {
      errors[id] = std::current_exception();
      next = masses_GeV.size();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (auto& t : pool) t.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  return out;
}

}  // namespace cevns
