#pragma once
// Reads the FLUKA atmospheric-neutrino tables of data/atmospheric (SOURCES.md there): per species
// a headerless comma-separated file, energy in MeV and flux in cm^-2 s^-1 MeV^-1.
#include <filesystem>

#include "cevns/sources/atmospheric.hpp"

namespace cevns::io {

// The four tables fluka_AtmNu_{e,ebar,mu,mubar}.txt in `directory`; ConfigError "file:line" on
// malformed rows, non-increasing energies or negative fluxes.
AtmosphericFlux read_atmospheric_flux(const std::filesystem::path& directory);

// From the installed data directory, read once and shared (thread-safe).
const AtmosphericFlux& default_atmospheric_flux();

}  // namespace cevns::io
