#pragma once
// Output helpers shared by the subcommands: JSON documents carry a "cevns" block with version and
// git hash; numbers that are not finite are an error, never printed.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cevns::cli {

// {"version": ..., "git_hash": ..., "references": [...]}
nlohmann::json run_metadata(const std::vector<std::string>& references);

// Prints the document to stdout (2-space indent); NumericalError if any number is NaN or inf.
void print_json(const nlohmann::json& document);

}  // namespace cevns::cli
