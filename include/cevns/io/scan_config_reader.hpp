#pragma once
// Reads a scan file (YAML) into a ScanConfig. Unknown keys, missing fields and wrong types are
// ConfigErrors "file:line: key 'a.b': problem" with did-you-mean for misspelt keys.
#include <filesystem>

#include "cevns/scan/scan_config.hpp"

namespace cevns::io {

scan::ScanConfig read_scan_config(const std::filesystem::path& path);
// The same from YAML (or JSON) text; `name` stands for the file name in messages.
scan::ScanConfig read_scan_config_text(const std::string& yaml, const std::string& name = "<scan>");

}  // namespace cevns::io
