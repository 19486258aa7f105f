// `cevns experiments`: the experiment catalog (data/experiments/*.yaml).
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cevns/io/experiment_reader.hpp"
#include "command.hpp"
#include "output.hpp"

namespace cevns::cli {

void add_experiments_command(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("experiments", "list the experiment catalog (data/experiments/)");
  cmd->add_flag("--json", *json, "print one JSON object");
  cmd->callback([json] {
    const auto catalog = io::experiment_catalog();
    if (*json) {
      nlohmann::json rows = nlohmann::json::array();
      for (const auto& e : catalog)
        rows.push_back({{"id", e.id}, {"name", e.name}, {"target", e.target}, {"source", e.source},
                        {"status", e.status}, {"reference", e.reference}, {"file", e.path.filename().string()}});
      print_json({{"experiments", rows}, {"cevns", run_metadata({})}});
      return;
    }
    std::cout << fmt::format("{:<20} {:<14} {:<10} {:<10} {}\n", "id", "target", "source", "status", "reference");
    for (const auto& e : catalog)
      std::cout << fmt::format("{:<20} {:<14} {:<10} {:<10} {}\n", e.id, e.target, e.source, e.status, e.reference);
  });
}

}  // namespace cevns::cli
