#pragma once
// Reading the plain-text tables under data/ and user-supplied tables: comma- or
// whitespace-separated columns, '#' comments, an optional header line. Every parse error names
// file and line.
#include <filesystem>
#include <string>
#include <vector>

namespace cevns::io {

struct TextTableRow {
  std::size_t line = 0;              // 1-based line number in the file
  std::vector<std::string> fields;
};

class TextTable {
 public:
  enum class Delimiter { comma, whitespace };

  // Reads `path`. With `has_header`, the first non-comment line gives column names.
  static TextTable read(const std::filesystem::path& path, Delimiter delimiter, bool has_header);

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] const std::vector<std::string>& header() const { return header_; }
  [[nodiscard]] const std::vector<TextTableRow>& rows() const { return rows_; }
  // Column index by header name; ConfigError naming the file if absent.
  [[nodiscard]] std::size_t column(const std::string& name) const;
  // Field `col` of row `r` as a finite number; ConfigError "file:line: ..." otherwise.
  [[nodiscard]] double number(std::size_t r, std::size_t col) const;
  // Field `col` of row `r` as text, or "" if the row is shorter.
  [[nodiscard]] std::string text(std::size_t r, std::size_t col) const;
  // Whole column as numbers (rows must have it).
  [[nodiscard]] std::vector<double> numeric_column(std::size_t col) const;
  // "file:line" of row r, for error messages.
  [[nodiscard]] std::string where(std::size_t r) const;

 private:
  std::filesystem::path path_;
  std::vector<std::string> header_;
  std::vector<TextTableRow> rows_;
};

}  // namespace cevns::io
