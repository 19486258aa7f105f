#include "output.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

#include "cevns/build_info.hpp"
#include "cevns/core/error.hpp"

namespace cevns::cli {
namespace {

void check_finite(const nlohmann::json& j, const std::string& path) {
  if (j.is_number_float() && !std::isfinite(j.get<double>()))
    throw NumericalError("result '" + path + "' is not a finite number");
  if (j.is_object())
    for (const auto& [key, value] : j.items()) check_finite(value, path.empty() ? key : path + "." + key);
  if (j.is_array())
    for (std::size_t i = 0; i < j.size(); ++i) check_finite(j[i], path + "[" + std::to_string(i) + "]");
}

}  // namespace

nlohmann::json run_metadata(const std::vector<std::string>& references) {
  return {{"version", build_info::version}, {"git_hash", build_info::git_hash},
          {"references", references}};
}

void print_json(const nlohmann::json& document) {
  check_finite(document, "");
  std::cout << document.dump(2) << '\n';
}

namespace {

std::ostringstream* captured = nullptr;
std::streambuf* original = nullptr;

void write_stdout(const std::string& text) {
  if (text.empty()) return;
  if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0)
    throw OutputError(std::string("cannot write to standard output: ") + std::strerror(errno ? errno : EIO));
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

std::string non_finite_token(const std::string& text) {
  for (std::size_t i = 0; i + 3 <= text.size(); ++i) {
    const std::string w = text.substr(i, 3);
    const bool nan = (w[0] == 'n' || w[0] == 'N') && (w[1] == 'a' || w[1] == 'A') && (w[2] == 'n' || w[2] == 'N');
    const bool inf = (w[0] == 'i' || w[0] == 'I') && (w[1] == 'n' || w[1] == 'N') && (w[2] == 'f' || w[2] == 'F');
    if (!nan && !inf) continue;
    if (i > 0 && word_char(text[i - 1])) continue;
    if (i + 3 < text.size() && word_char(text[i + 3])) continue;
    const std::size_t from = i > 0 && (text[i - 1] == '-' || text[i - 1] == '+') ? i - 1 : i;
    return text.substr(from, i + 3 - from);
  }
  return "";
}

CapturedStdout::CapturedStdout() {
  captured = new std::ostringstream;
  original = std::cout.rdbuf(captured->rdbuf());
}

CapturedStdout::~CapturedStdout() {
  if (!captured) return;
  std::cout.rdbuf(original);
  delete captured;
  captured = nullptr;
}

void CapturedStdout::deliver(const std::string& command) {
  if (!captured) return;
  std::cout.rdbuf(original);
  const std::string text = captured->str();
  delete captured;
  captured = nullptr;
  if (const auto token = non_finite_token(text); !token.empty())
    throw NumericalError("`cevns " + command + "` computed a non-finite result ('" + token +
                         "'); nothing was printed: check the inputs against the ranges of docs/reliability.md");
  write_stdout(text);
}

void flush_captured_stdout() {
  if (!captured) return;
  std::cout.rdbuf(original);
  const std::string text = captured->str();
  delete captured;
  captured = nullptr;
  write_stdout(text);
}

}  // namespace cevns::cli
