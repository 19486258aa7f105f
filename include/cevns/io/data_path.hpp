#pragma once
// Where cevns finds its data tables (data/ in the source tree, share/cevns/data once installed).
//
// Lookup order: the environment variable CEVNS_DATA_DIR; <prefix>/share/cevns/data next to an
// installed library or program; the source tree the library was built from.
#include <filesystem>
#include <string_view>

namespace cevns::io {

std::filesystem::path data_directory();

// data_directory() / relative; DataError naming the full path if the file does not exist.
std::filesystem::path data_file(std::string_view relative);

}  // namespace cevns::io
