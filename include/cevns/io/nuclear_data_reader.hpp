#pragma once
// Builds the NuclearDatabase from data/nuclear: isotopes.csv (AME2020 masses, IUPAC abundances)
// and charge_radii_angeli2013.csv (Angeli & Marinova 2013). Sources: data/nuclear/SOURCES.md.
#include <filesystem>

#include "cevns/nuclear/nuclear_database.hpp"

namespace cevns::io {

NuclearDatabase read_nuclear_database(const std::filesystem::path& isotopes_csv,
                                      const std::filesystem::path& radii_csv);

// The database from the installed data directory, read once and shared (thread-safe).
const NuclearDatabase& default_nuclear_database();

}  // namespace cevns::io
