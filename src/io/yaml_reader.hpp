#pragma once
// Inside io/ only (not installed): what every YAML reader of the library shares, so that the
// scan, analysis, unfolding and experiment files all report errors the same way:
// ConfigError "file:line: key 'a.b': problem".
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"

namespace cevns::io {

// Throws InputError "<kind> file not found: PATH" or ConfigError "PATH:line: malformed YAML: ...".
YAML::Node load_yaml_file(const std::filesystem::path& path, const std::string& kind);
// The same for YAML text; `name` stands for the file in messages.
YAML::Node load_yaml_text(const std::string& yaml, const std::string& name);

// Runs a reader body; a yaml-cpp exception that escapes a shape check (a node used as a map
// that is a scalar, ...) becomes ConfigError "FILE:line: malformed YAML: ...", never a stray
// exception.
template <class F>
auto with_yaml_errors(const std::string& file, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const YAML::Exception& e) {
    throw ConfigError(file + (e.mark.is_null() ? std::string() : ":" + std::to_string(e.mark.line + 1)) +
                      ": malformed YAML: " + e.msg);
  }
}

// Keys are named by `where` (the dotted path of the enclosing mapping, "" at the top level) and the key.
class YamlReader {
 public:
  // `path` locates relative file names (empty: relative to the working folder); `file` prefixes messages.
  YamlReader(std::filesystem::path path, std::string file) : path_(std::move(path)), file_(std::move(file)) {}

  [[noreturn]] void fail(const YAML::Node& node, const std::string& key, const std::string& problem) const;
  static std::string join(const std::string& where, const std::string& key) {
    return where.empty() ? key : where + "." + key;
  }
  // Rejects keys outside `allowed`, suggesting the nearest one.
  void only_keys(const YAML::Node& map, const std::string& where, const std::vector<std::string>& allowed) const;

  template <class T>
  T get(const YAML::Node& map, const std::string& key, const std::string& where) const {
    const auto node = map[key];
    if (!node) fail(map, join(where, key), "missing");
    try {
      return node.as<T>();
    } catch (const YAML::Exception&) {
      fail(node, join(where, key), "wrong type (value '" + YAML::Dump(node) + "')");
    }
  }
  // A finite number; one whose key is in yaml_limits() must lie inside its range.
  double number(const YAML::Node& map, const std::string& key, const std::string& where) const;
  // A non-empty list of such numbers.
  std::vector<double> numbers(const YAML::Node& map, const std::string& key, const std::string& where) const;
  // A whole number from `min` to `max` (tightened by the key's yaml_limits() entry): never a
  // negative value read as a huge unsigned one.
  std::size_t count(const YAML::Node& map, const std::string& key, const std::string& where, double min = 0.0,
                    double max = 1e15) const;
  double positive(const YAML::Node& map, const std::string& key, const std::string& where,
                  const std::string& problem = "must be positive") const;
  std::optional<double> optional(const YAML::Node& map, const std::string& key, const std::string& where) const;
  double optional(const YAML::Node& map, const std::string& key, const std::string& where, double fallback) const;
  // One of the named options.
  template <class E>
  E choose(const YAML::Node& map, const std::string& key, const std::string& where,
           const std::vector<std::pair<std::string, E>>& options) const {
    const auto v = get<std::string>(map, key, where);
    std::vector<std::string> names;
    for (const auto& [n, e] : options) {
      if (n == v) return e;
      names.push_back(n);
    }
    fail(map[key], join(where, key), "unknown value '" + v + "'" + did_you_mean(v, names));
  }
  // A path relative to the file's folder.
  [[nodiscard]] std::filesystem::path relative(const std::string& name) const;
  // An experiment named in the file: a catalog id as it is, a path (ending in .yaml/.yml or holding
  // a '/') relative to the file's folder; ConfigError naming `node` if that file does not exist.
  [[nodiscard]] std::string experiment(const YAML::Node& node, const std::string& key, const std::string& name) const;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] const std::string& file() const { return file_; }

 private:
  std::filesystem::path path_;
  std::string file_;
};

}  // namespace cevns::io
