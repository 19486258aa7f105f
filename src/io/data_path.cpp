#include "cevns/io/data_path.hpp"

#include <cstdlib>
#include <string>

#include "cevns/build_info.hpp"
#include "cevns/core/error.hpp"

namespace cevns::io {

std::filesystem::path data_directory() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("CEVNS_DATA_DIR"); env && *env) {
    if (!fs::is_directory(env))
      throw DataError(std::string("CEVNS_DATA_DIR=") + env + " is not a directory");
    return env;
  }
  const fs::path installed = fs::path(build_info::install_prefix) / build_info::install_data_dir;
  const fs::path source = build_info::source_data_dir;
  // A build tree prefers its own sources; an installed copy whose source tree is gone uses share/.
  if (fs::is_directory(source / "nuclear")) return source;
  if (fs::is_directory(installed / "nuclear")) return installed;
  throw DataError("cevns data directory not found (looked in " + source.string() + " and " +
                  installed.string() + "); set CEVNS_DATA_DIR");
}

std::filesystem::path data_file(std::string_view relative) {
  const auto path = data_directory() / relative;
  if (!std::filesystem::is_regular_file(path))
    throw DataError("data file not found: " + path.string());
  return path;
}

}  // namespace cevns::io
