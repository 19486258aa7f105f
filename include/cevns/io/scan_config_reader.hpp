#pragma once
// Reads a scan file (YAML) into a ScanConfig. Unknown keys, missing fields and wrong types are
// ConfigErrors "file:line: key 'a.b': problem" with did-you-mean for misspelt keys.
#include <filesystem>

#include "cevns/scan/scan_config.hpp"

namespace cevns::io {

scan::ScanConfig read_scan_config(const std::filesystem::path& path);
// The same from YAML (or JSON) text; `name` stands for the file name in messages.
scan::ScanConfig read_scan_config_text(const std::string& yaml, const std::string& name = "<scan>");

// The text a checkpoint's definition hash is taken from: the scan file as parsed (comments and
// layout do not count) and every file it refers to (analysis file, experiment files), so that
// --resume refuses a checkpoint of a different scan.
std::string scan_definition_text(const std::filesystem::path& scan_file, const scan::ScanConfig& config);
// The same for a YAML file alone (toys: the analysis file).
std::string yaml_definition_text(const std::filesystem::path& file);

}  // namespace cevns::io
