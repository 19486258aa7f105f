#pragma once
// Reads the published coherency table (data/coherency/kerman2016_coherency.csv).
#include <filesystem>
#include <string>
#include <vector>

namespace cevns::io {

struct PublishedCoherencyRow {
  std::string source;    // cevns source name, e.g. "solar:8B"
  std::string neutrino;  // "nue", ...
  std::vector<std::pair<std::string, double>> values;  // element -> <alpha>
};

std::vector<PublishedCoherencyRow> read_coherency_table(const std::filesystem::path& csv);

}  // namespace cevns::io
