#pragma once
// The neutrino fog of a dark-matter target: for each WIMP mass, the spin-independent discovery
// limit (3 sigma, Asimov, profiled neutrino normalisations; darkmatter/discovery_limit.hpp) as the
// exposure grows, its fog index n = -(d ln sigma / d ln N)^-1 and the neutrino floor, the cross
// section where n first reaches 2 (C.A.J. O'Hare, PRL 127, 251802 (2021)).
//
// Fast by construction: the binned CEvNS rate of every background component is computed once, the
// binned WIMP spectrum once per mass; each exposure is then a 1-D root find over a Newton profile
// of ~10 nuisances on ~50 bins, and masses run in parallel threads.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cevns/darkmatter/discovery_limit.hpp"
#include "cevns/darkmatter/halo_model.hpp"
#include "cevns/darkmatter/neutrino_background.hpp"
#include "cevns/darkmatter/recoil_binning.hpp"
#include "cevns/darkmatter/wimp_spectrum.hpp"
#include "cevns/physics/cevns_cross_section.hpp"

namespace cevns {

struct FogOptions {
  RecoilBinning binning;                    // O'Hare: 1e-4 to 200 keV, 50 log bins
  double exposure_min_ton_year = 1e-6;
  double exposure_max_ton_year = 1e12;
  int exposures_per_decade = 10;
  DiscoveryOptions discovery;
  double floor_index = 2.0;                 // n that defines the floor
  unsigned threads = 0;                     // 0: std::thread::hardware_concurrency()
  void validate() const;                    // InputError
};

struct FogCurve {
  double mass_GeV = 0.0;
  std::vector<double> exposure_ton_year;
  std::vector<double> cross_section_cm2;   // discovery limit at each exposure
  std::vector<double> fog_index;           // n
  std::vector<double> neutrino_events;     // expected background events at that exposure
  std::vector<double> signal_events;       // at the discovery limit
  std::optional<double> floor_cross_section_cm2;   // where n first reaches floor_index
  std::optional<double> floor_exposure_ton_year;
};

class NeutrinoFog {
 public:
  NeutrinoFog(const Material& target, const std::vector<NeutrinoBackground>& backgrounds,
              const StandardHaloModel& halo = StandardHaloModel::baxter2021(), FogOptions options = {},
              const CevnsSettings& settings = {});

  [[nodiscard]] const std::vector<std::string>& background_names() const { return names_; }
  // Per component, per bin: events per ton-year at the nominal normalisation.
  [[nodiscard]] const std::vector<std::vector<double>>& background_counts() const { return counts_; }
  [[nodiscard]] const std::vector<double>& background_uncertainties() const { return uncertainties_; }
  [[nodiscard]] std::vector<double> bin_edges_keV() const;
  // Per bin: WIMP events per ton-year for sigma_n = 1 cm^2 (InputError if the WIMP gives no
  // event above threshold: the caller reports the mass as out of reach).
  [[nodiscard]] std::vector<double> signal_counts(double mass_GeV) const;
  // Total signal events per ton-year per cm^2 above threshold (0 below the kinematic reach).
  [[nodiscard]] double signal_total(double mass_GeV) const;
  [[nodiscard]] FogCurve curve(double mass_GeV) const;
  // Several masses in parallel (options.threads).
  [[nodiscard]] std::vector<FogCurve> curves(std::span<const double> masses_GeV) const;

  [[nodiscard]] const FogOptions& options() const { return options_; }
  [[nodiscard]] const WimpRecoilSpectrum& wimp() const { return wimp_; }
  [[nodiscard]] const AsimovDiscovery& statistics() const { return stats_; }

 private:
  FogOptions options_;
  WimpRecoilSpectrum wimp_;
  std::vector<std::string> names_;
  std::vector<std::vector<double>> counts_;
  std::vector<double> uncertainties_;
  AsimovDiscovery stats_;
};

}  // namespace cevns
