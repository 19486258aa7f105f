#include "cevns/io/text_table.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <sstream>

#include "cevns/core/error.hpp"

namespace cevns::io {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split(const std::string& line, TextTable::Delimiter delimiter) {
  std::vector<std::string> out;
  if (delimiter == TextTable::Delimiter::comma) {
    std::stringstream ss(line);
    std::string field;
    while (std::getline(ss, field, ',')) out.push_back(trim(field));
    if (!line.empty() && line.back() == ',') out.emplace_back();
  } else {
    std::istringstream ss(line);
    std::string field;
    while (ss >> field) out.push_back(field);
  }
  return out;
}

}  // namespace

TextTable TextTable::read(const std::filesystem::path& path, Delimiter delimiter, bool has_header) {
  std::ifstream in(path);
  if (!in) throw DataError("cannot open table file " + path.string());
  TextTable table;
  table.path_ = path;
  std::string line;
  std::size_t number = 0;
  bool header_pending = has_header;
  while (std::getline(in, line)) {
    ++number;
    const auto hash = line.find('#');
    const std::string content = trim(hash == std::string::npos ? line : line.substr(0, hash));
    if (content.empty()) continue;
    auto fields = split(content, delimiter);
    if (header_pending) {
      table.header_ = std::move(fields);
      header_pending = false;
      continue;
    }
    table.rows_.push_back({number, std::move(fields)});
  }
  if (table.rows_.empty()) throw ConfigError(path.string() + ": table has no data rows");
  return table;
}

std::size_t TextTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < header_.size(); ++i)
    if (header_[i] == name) return i;
  throw ConfigError(path_.string() + ": no column named '" + name + "'");
}

std::string TextTable::where(std::size_t r) const {
  return path_.string() + ":" + std::to_string(rows_.at(r).line);
}

std::string TextTable::text(std::size_t r, std::size_t col) const {
  const auto& f = rows_.at(r).fields;
  return col < f.size() ? f[col] : std::string();
}

double TextTable::number(std::size_t r, std::size_t col) const {
  const auto& f = rows_.at(r).fields;
  if (col >= f.size())
    throw ConfigError(where(r) + ": expected at least " + std::to_string(col + 1) + " columns, found " +
                      std::to_string(f.size()));
  const std::string& s = f[col];
  double value = 0.0;
  const auto* begin = s.data();
  const auto* end = s.data() + s.size();
  if (!s.empty() && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value))
    // the field itself is not quoted: a table named by a user file may be any file on the machine
    throw ConfigError(where(r) + ": column " + std::to_string(col + 1) + " is not a finite number (a field of " +
                      std::to_string(s.size()) + " characters)");
  return value;
}

std::vector<double> TextTable::numeric_column(std::size_t col) const {
  std::vector<double> out;
  out.reserve(rows_.size());
  for (std::size_t r = 0; r < rows_.size(); ++r) out.push_back(number(r, col));
  return out;
}

}  // namespace cevns::io
