#pragma once
// Neutrinos as the irreducible background of a dark-matter detector: the standard list of sources,
// with the 1-sigma uncertainties of their normalisations, that the neutrino floor/fog is built from
// (solar components, diffuse supernova background, atmospheric). Their CEvNS recoil spectra come
// from the rate engine (rates/recoil_rate.hpp), like every other prediction.
#include <string>
#include <vector>

#include "cevns/sources/atmospheric.hpp"
#include "cevns/sources/dsnb.hpp"
#include "cevns/sources/neutrino_source.hpp"
#include "cevns/sources/solar.hpp"

namespace cevns {

// One background component: a source at the detector and the relative 1-sigma uncertainty of its
// normalisation (a Gaussian-constrained nuisance parameter of the discovery-limit likelihood).
struct NeutrinoBackground {
  std::string name;  // "pp", "pep", "hep", "7Be", "8B", "13N", "15O", "17F", "DSNB", "atm"
  NeutrinoSource source;
  double relative_uncertainty = 0.0;
};

enum class BackgroundFluxes {
  ohare2021,  // totals and uncertainties of C.A.J. O'Hare, PRL 127, 251802 (2021) (default)
  model,      // totals of the models as built (B16 SSM, Beacom DSNB, FLUKA), same uncertainties
};

struct BackgroundNormalisation {
  std::string name;
  double total_per_cm2_s = 0.0;  // 0: keep the model's total (atmospheric)
  double relative_uncertainty = 0.0;
};

// O'Hare 2021 (github cajohare/NeutrinoFog src/Params.py; solar: B16-GS98 (N. Vinyoles et al., ApJ
// 835, 202 (2017)) with the 8B flux and error of the global fit of J. Bergstrom et al., JHEP 03
// (2016) 132): pp 5.98e10 (0.6 %), pep 1.44e8 (1 %), hep 7.98e3 (30 %), 7Be 4.93e8 + 4.50e9 (6 %),
// 8B 5.16e6 (2 %), 13N 2.78e8 (15 %), 15O 2.05e8 (17 %), 17F 5.29e6 (20 %), DSNB 85.7 (50 %),
// atmospheric (25 %; the FLUKA table's own total is kept, 10.55 below 1 GeV vs O'Hare's 10.7 to
// 10 GeV). Geoneutrinos and reactors (site dependent, recoils < 2 keV on Xe) are not included.
const std::vector<BackgroundNormalisation>& ohare2021_background_normalisations();

// The components in the order of ohare2021_background_normalisations(); every source has
// Normalisation::flux.
std::vector<NeutrinoBackground> dark_matter_neutrino_backgrounds(const SolarModel& solar, const AtmosphericFlux& atm,
                                                                 BackgroundFluxes fluxes = BackgroundFluxes::ohare2021,
                                                                 const DsnbModel& dsnb = DsnbModel::benchmark());

}  // namespace cevns
