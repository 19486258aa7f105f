#include "cevns/io/text_output.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "cevns/core/error.hpp"

namespace cevns::io {

void write_text_file(const std::filesystem::path& path, const std::string& text) {
  auto reason = [] { return std::string(std::strerror(errno ? errno : EIO)); };
  errno = 0;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) throw OutputError("cannot write " + path.string() + ": " + reason());
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0;
  const std::string why = written ? "" : reason();
  const bool closed = std::fclose(f) == 0;
  if (!written || !closed) throw OutputError("cannot write " + path.string() + ": " + (written ? reason() : why));
}

void create_output_directory(const std::filesystem::path& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir))
    throw OutputError("cannot create the output folder " + dir.string() + ": " +
                      (ec ? ec.message() : std::string("a file of that name exists")));
}

}  // namespace cevns::io
