#pragma once
// Reads an unfolding file (YAML, docs/configuration.md "Unfolding files") into a
// ReactorUnfoldingConfig for `cevns unfold FILE`. Unknown keys, missing fields, wrong types and
// impossible values are ConfigErrors "file:line: key 'a.b': problem" with did-you-mean for
// misspelt keys. The counts file and output.csv are relative to the unfolding file's folder.
#include <filesystem>
#include <string>

#include "cevns/stats/reactor_unfolding.hpp"

namespace cevns::io {

stats::ReactorUnfoldingConfig read_unfolding_config(const std::filesystem::path& path);
// The same from YAML text; `name` stands for the file name in messages (relative paths are then
// relative to the current directory).
stats::ReactorUnfoldingConfig read_unfolding_config_text(const std::string& yaml, const std::string& name = "<unfold>");

}  // namespace cevns::io
