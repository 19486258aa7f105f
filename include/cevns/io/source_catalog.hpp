#pragma once
// The named neutrino sources of the command line, built from data/ and user options: one place
// that maps a name ("reactor", "sns", "solar:8B", "table:PATH", ...) to a NeutrinoSource.
// Options carry their unit in the name, as at every boundary.
#include <optional>
#include <string>
#include <vector>

#include "cevns/sources/neutrino_source.hpp"

namespace cevns::io {

struct SourceOptions {
  std::vector<double> power_GW;     // reactor cores (one value is used for every distance)
  std::vector<double> distance_m;   // reactor cores, DAR, radioactive sources
  std::optional<double> distance_kpc;          // supernova (default 10)
  std::optional<double> beam_power_MW;         // DAR: overrides the facility preset
  std::optional<double> nu_per_proton;         // DAR: nu per flavour per proton
  std::optional<double> nu_per_fission;        // reactor: rescale to this many antineutrinos per fission
  std::optional<double> captures_per_fission;  // reactor: 238U captures per fission (default 0.6)
  std::optional<double> activity_MCi;          // cr51, ar37
  std::optional<double> total_energy_erg;      // supernova
  std::string solar_composition = "GS98";
  bool oscillate = true;                       // solar
  double table_scale = 1.0;                    // table:PATH
};

// InputError naming an option that was given but does not apply to source `name` (the command
// line's --activity-MCi for a reactor, say). Unknown names pass: make_source reports them.
void reject_unused_source_options(const std::string& name, const SourceOptions& options);

struct SourceEntry {
  std::string name;
  std::string description;
};

// Every name `make_source` accepts (table:PATH as the literal "table:PATH").
std::vector<SourceEntry> source_catalog();

// InputError for unknown names (with did-you-mean) and missing/invalid options.
NeutrinoSource make_source(const std::string& name, const SourceOptions& options);

}  // namespace cevns::io
