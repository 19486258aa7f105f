#pragma once
// Readers that build the source models of include/cevns/sources/ from the tables under data/
// (decay_at_rest/, reactor/, solar/; provenance in each SOURCES.md) and from user spectrum tables.
#include <filesystem>
#include <string>
#include <vector>

#include "cevns/sources/decay_at_rest.hpp"
#include "cevns/sources/reactor.hpp"
#include "cevns/sources/solar.hpp"

namespace cevns::io {

// data/decay_at_rest/facilities.csv
std::vector<SpallationFacility> read_facilities(const std::filesystem::path& csv);
const std::vector<SpallationFacility>& default_facilities();

// data/reactor/huber_mueller_coefficients.csv + kopeikin_spectrum.txt
ReactorSpectrumModel read_reactor_model(const std::filesystem::path& coefficients_csv,
                                        const std::filesystem::path& low_energy_table);
const ReactorSpectrumModel& default_reactor_model();

// data/solar: "GS98" or "AGSS09met" (InputError otherwise).
SolarModel read_solar_model(const std::filesystem::path& directory, const std::string& composition);
const SolarModel& default_solar_model(const std::string& composition = "GS98");

// A user spectrum table: '#' comments, a header line "E_MeV <species>..." (species names as in
// core/flavour.hpp: nue, nuebar, numu, numubar, nutau, nutaubar), comma- or whitespace-separated
// rows with energies strictly increasing and densities >= 0 in neutrinos per MeV per `unit`
// (per cm^2 s for flux). Interpolated with TabulatedFunction (Steffen monotone cubic) and
// multiplied by `scale`. ConfigError "file:line: ..." for malformed content.
NeutrinoSource read_spectrum_table(const std::filesystem::path& path, Normalisation normalisation,
                                   double scale = 1.0);

}  // namespace cevns::io
