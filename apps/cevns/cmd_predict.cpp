// `cevns predict`: every catalog experiment on one line: our SM prediction, the published
// prediction and measurement, and their ratios.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <utility>
#include <vector>

#include "cevns/io/experiment_reader.hpp"
#include "cevns/rates/prediction.hpp"
#include "command.hpp"
#include "output.hpp"

namespace cevns::cli {

void add_predict_command(CLI::App& app) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("predict", "SM prediction of every catalog experiment vs published numbers");
  cmd->add_flag("--json", *json, "print one JSON object");
  cmd->callback([json] {
    nlohmann::json rows = nlohmann::json::array();
    std::vector<std::pair<std::string, std::string>> notes;  // printed under the table: how to read a ratio
    if (!*json)
      std::cout << fmt::format("{:<20} {:>12} {:>12} {:>8} {:>12} {:>8}\n", "id", "predicted", "published", "ratio",
                               "measured", "ratio");
    for (const auto& e : io::experiment_catalog()) {
      const Experiment x = io::read_experiment(e.path);
      const double n = Prediction(x).evaluate().signal_counts;
      nlohmann::json row = {{"id", x.id}, {"status", x.status}, {"signal_counts", n}};
      std::string pub = "-", pr = "-", mea = "-", mr = "-";
      if (x.published_prediction) {
        row["published_prediction_counts"] = x.published_prediction->value;
        row["ratio_to_published"] = n / x.published_prediction->value;
        pub = fmt::format("{:.4g}", x.published_prediction->value);
        pr = fmt::format("{:.3f}", n / x.published_prediction->value);
      }
      if (x.measured) {
        row["measured_counts"] = x.measured->value;
        row["ratio_to_measured"] = n / x.measured->value;
        mea = fmt::format("{:.4g}", x.measured->value);
        mr = fmt::format("{:.3f}", n / x.measured->value);
      }
      if (x.upper_limit) {  // a limit, not a measurement: shown as "< N"
        row["upper_limit_counts"] = x.upper_limit->value;
        row["ratio_to_upper_limit"] = n / x.upper_limit->value;
        mea = fmt::format("< {:.4g}", x.upper_limit->value);
        mr = fmt::format("{:.3f}", n / x.upper_limit->value);
      }
      if (!x.published_note.empty()) {
        row["note"] = x.published_note;
        notes.emplace_back(x.id, x.published_note);
      }
      rows.push_back(row);
      if (!*json) std::cout << fmt::format("{:<20} {:>12.5g} {:>12} {:>8} {:>12} {:>8}\n", x.id, n, pub, pr, mea, mr);
    }
    if (*json) {
      print_json({{"experiments", rows}, {"cevns", run_metadata({})}});
      return;
    }
    if (!notes.empty()) std::cout << "\nnotes (published.note of the catalog entry):\n";
    for (const auto& [id, note] : notes) std::cout << fmt::format("  {}: {}\n", id, note);
  });
}

}  // namespace cevns::cli
