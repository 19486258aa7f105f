#pragma once
// Command-line options that choose the Standard-Model cross-section settings, shared by every
// subcommand that computes cross sections or rates.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "cevns/physics/physics_choices.hpp"

namespace cevns::cli {

// The physics choices (physics/physics_choices.hpp) bound to command-line options.
struct PhysicsOptions : PhysicsChoices {
  void add_to(CLI::App& command);
  // Validated settings; InputError naming the choice on a bad value.
  [[nodiscard]] CevnsSettings settings() const { return make_cevns_settings(*this); }
};

}  // namespace cevns::cli
