#include "yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string_view>

#include "cevns/core/error.hpp"
#include "cevns/io/yaml_limits.hpp"

namespace cevns::io {

namespace {

int line_of(const YAML::Node& node) { return node.Mark().line >= 0 ? node.Mark().line + 1 : 0; }

// Keys must be scalars and appear once per mapping (yaml-cpp keeps the first of two equal keys and
// accepts a mapping as a key; both would silently change what a file means).
void check_keys(const YAML::Node& node, const std::string& name, const std::string& where) {
  if (node.IsMap()) {
    std::vector<std::pair<std::string, int>> seen;
    for (const auto& kv : node) {
      if (!kv.first.IsScalar())
        throw ConfigError(name + ":" + std::to_string(line_of(kv.first)) + ": " +
                          (where.empty() ? std::string("a key") : "a key under '" + where + "'") +
                          " is a mapping or a list; keys must be plain names");
      const auto key = kv.first.Scalar();
      const auto first = std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == key; });
      const std::string path = where.empty() ? key : where + "." + key;
      if (first != seen.end())
        throw ConfigError(name + ":" + std::to_string(line_of(kv.first)) + ": key '" + path +
                          "' appears twice (first at line " + std::to_string(first->second) + ")");
      seen.emplace_back(key, line_of(kv.first));
      check_keys(kv.second, name, path);
    }
  } else if (node.IsSequence()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      check_keys(node[i], name, where + "[" + std::to_string(i) + "]");
  }
}

YAML::Node one_document(std::vector<YAML::Node> documents, const std::string& name) {
  if (documents.size() > 1)
    throw ConfigError(name + ":" + std::to_string(line_of(documents[1])) +
                      ": a second YAML document ('---'); a file holds one");
  YAML::Node root = documents.empty() ? YAML::Node() : documents.front();
  check_keys(root, name, "");
  return root;
}

// Inputs on which yaml-cpp 0.7 (Debian 12) loops for ever or exhausts memory instead of reporting an
// error, found by fuzzing (fuzz/crashes/): a document whose first token is a ',' (", a: 1}").
// They are refused with a message before yaml-cpp sees them. Also a size limit: configuration
// files are small, and a multi-gigabyte file is a mistake.
void reject_parser_traps(const std::string& text, const std::string& name) {
  constexpr std::size_t max_bytes = 16u << 20;
  if (text.size() > max_bytes)
    throw ConfigError(name + ": " + std::to_string(text.size()) + " bytes; a YAML file of cevns holds at most 16 MiB");
  bool document_start = true;
  std::size_t line = 0, pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    ++line;
    const std::string_view l(text.data() + pos, end - pos);
    const auto first = l.find_first_not_of(" \t\r\xef\xbb\xbf");
    if (first != std::string_view::npos && l[first] != '#') {
      if (l.substr(first, 3) == "---") document_start = true;
      else if (l[first] == '%') {
      } else if (document_start) {
        if (l[first] == ',')
          throw ConfigError(name + ":" + std::to_string(line) + ": malformed YAML: a document cannot start with ','");
        document_start = false;
      }
    }
    pos = end + 1;
  }
}

}  // namespace

YAML::Node load_yaml_file(const std::filesystem::path& path, const std::string& kind) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) throw InputError(kind + " file not found: " + path.string());
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read " + kind + " file " + path.string() + ": " + std::strerror(errno));
  std::error_code size_ec;
  const auto size = std::filesystem::file_size(path, size_ec);
  if (!size_ec && size > (16u << 20))
    throw ConfigError(path.string() + ": " + std::to_string(size) + " bytes; a YAML file of cevns holds at most 16 MiB");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError("cannot read " + kind + " file " + path.string() + ": " + std::strerror(errno));
  reject_parser_traps(text, path.string());
  try {
    return one_document(YAML::LoadAll(text), path.string());
  } catch (const YAML::ParserException& e) {
    throw ConfigError(path.string() + ":" + std::to_string(e.mark.line + 1) + ": malformed YAML: " + e.msg);
  }
}

YAML::Node load_yaml_text(const std::string& yaml, const std::string& name) {
  reject_parser_traps(yaml, name);
  try {
    return one_document(YAML::LoadAll(yaml), name);
  } catch (const YAML::ParserException& e) {
    throw ConfigError(name + ":" + std::to_string(e.mark.line + 1) + ": malformed YAML: " + e.msg);
  }
}

void YamlReader::fail(const YAML::Node& node, const std::string& key, const std::string& problem) const {
  const int line = node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
  throw ConfigError(file_ + ":" + std::to_string(line) + ": key '" + key + "': " + problem);
}

void YamlReader::only_keys(const YAML::Node& map, const std::string& where,
                           const std::vector<std::string>& allowed) const {
  if (!map.IsMap()) fail(map, where.empty() ? "(top level)" : where, "expected a mapping");
  for (const auto& kv : map) {
    if (!kv.first.IsScalar()) fail(kv.first, where.empty() ? "(top level)" : where, "a key must be a plain name");
    const auto key = kv.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      fail(kv.first, join(where, key), "unknown key" + did_you_mean(key, allowed));
  }
}

double YamlReader::number(const YAML::Node& map, const std::string& key, const std::string& where) const {
  const double v = get<double>(map, key, where);
  if (!std::isfinite(v)) fail(map[key], join(where, key), "not a finite number");
  if (const auto* l = yaml_limit(key)) {
    if (const auto problem = yaml_limit_problem(*l, v); !problem.empty()) fail(map[key], join(where, key), problem);
  }
  return v;
}

std::vector<double> YamlReader::numbers(const YAML::Node& map, const std::string& key, const std::string& where) const {
  const auto node = map[key];
  if (!node) fail(map, join(where, key), "missing");
  if (!node.IsSequence()) fail(node, join(where, key), "expected a list of numbers");
  if (node.size() == 0) fail(node, join(where, key), "empty list");
  std::vector<double> out;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const std::string item = join(where, key) + "[" + std::to_string(i) + "]";
    double v = 0.0;
    try {
      v = node[i].as<double>();
    } catch (const YAML::Exception&) {
      fail(node[i], item, "wrong type (value '" + YAML::Dump(node[i]) + "')");
    }
    if (!std::isfinite(v)) fail(node[i], item, "not a finite number");
    if (const auto* l = yaml_limit(key)) {
      if (const auto problem = yaml_limit_problem(*l, v); !problem.empty()) fail(node[i], item, problem);
    }
    out.push_back(v);
  }
  return out;
}

std::size_t YamlReader::count(const YAML::Node& map, const std::string& key, const std::string& where, double min,
                              double max) const {
  const double v = get<double>(map, key, where);
  if (const auto* l = yaml_limit(key)) {
    min = std::max(min, l->min);
    max = std::min(max, l->max);
  }
  if (!std::isfinite(v) || v != std::floor(v) || v < min || v > max)
    fail(map[key], join(where, key),
         fmt::format("expected a whole number from {:g} to {:g}, got '{}'", min, max, map[key].Scalar()));
  return static_cast<std::size_t>(v);
}

double YamlReader::positive(const YAML::Node& map, const std::string& key, const std::string& where,
                            const std::string& problem) const {
  const double v = number(map, key, where);
  if (!(v > 0.0)) fail(map[key], join(where, key), problem);
  return v;
}

std::optional<double> YamlReader::optional(const YAML::Node& map, const std::string& key,
                                           const std::string& where) const {
  if (!map[key]) return std::nullopt;
  return number(map, key, where);
}

double YamlReader::optional(const YAML::Node& map, const std::string& key, const std::string& where,
                            double fallback) const {
  return map[key] ? number(map, key, where) : fallback;
}

std::string YamlReader::experiment(const YAML::Node& node, const std::string& key, const std::string& name) const {
  const std::filesystem::path p(name);
  const bool path_like = p.extension() == ".yaml" || p.extension() == ".yml" || name.find('/') != std::string::npos;
  if (!path_like) return name;
  const auto local = relative(name);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(local, ec))
    fail(node, key, "experiment file not found: " + local.string() + " (paths are relative to this file's folder)");
  return local.string();
}

std::filesystem::path YamlReader::relative(const std::string& name) const {
  const std::filesystem::path p(name);
  return p.is_absolute() || path_.empty() ? p : path_.parent_path() / p;
}

}  // namespace cevns::io
