#pragma once
// Writing result files: the whole text in one go, checked, so that a full disk, a missing folder or
// a closed pipe is an OutputError naming the path and the system's reason, never a silent loss.
#include <filesystem>
#include <string>

namespace cevns::io {

// Writes `text` to `path` (replacing it); OutputError "cannot write PATH: REASON" on any failure.
void write_text_file(const std::filesystem::path& path, const std::string& text);
// Creates `dir` (and its parents) if missing; OutputError naming it otherwise.
void create_output_directory(const std::filesystem::path& dir);

}  // namespace cevns::io
