#pragma once
// The command line's one validation layer: every option that takes a value is checked before any
// work starts — numbers are finite and inside a documented physical range (the message names the
// option, the unit and the range), integers are whole, text and paths are not empty. The ranges
// live in one table (option_limits.cpp, listed in docs/reliability.md); an option that has no entry
// stops the program at start-up, so a new option cannot skip validation.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace cevns::cli {

// model: a key=value BSM specification (--nsi, --zprime, ...), parsed and validated at once.
enum class ValueKind { number, integer, text, path, model };

struct OptionLimit {
  std::string name;  // as declared: "--enu", "file", ...
  ValueKind kind = ValueKind::number;
  std::string unit;  // for numbers: "MeV", "m", "" (dimensionless)
  double min = 0.0, max = 0.0;
  bool min_open = false;  // min excluded
};

// The whole table (documentation and tests read it too).
const std::vector<OptionLimit>& option_limits();

// Attaches the checks to every option of `app` and its subcommands. std::logic_error naming an
// option without a table entry.
void validate_options(CLI::App& app);

}  // namespace cevns::cli
