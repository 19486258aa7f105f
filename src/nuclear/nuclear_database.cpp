#include "cevns/nuclear/nuclear_database.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

#include "cevns/core/error.hpp"

namespace cevns {
namespace {

std::string canonical_symbol(std::string_view text) {
  std::string s(text);
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

}  // namespace

NuclearDatabase::NuclearDatabase(std::vector<Nuclide> nuclides) : nuclides_(std::move(nuclides)) {
  std::sort(nuclides_.begin(), nuclides_.end(), [](const Nuclide& a, const Nuclide& b) {
    return a.Z != b.Z ? a.Z < b.Z : a.A() < b.A();
  });
}

std::vector<std::string> NuclearDatabase::elements() const {
  std::vector<std::string> out;
  for (const auto& n : nuclides_)
    if (out.empty() || out.back() != n.symbol) out.push_back(n.symbol);
  return out;
}

bool NuclearDatabase::has_element(std::string_view symbol) const {
  return std::any_of(nuclides_.begin(), nuclides_.end(),
                     [&](const Nuclide& n) { return n.symbol == symbol; });
}

std::vector<Nuclide> NuclearDatabase::isotopes_of(std::string_view symbol) const {
  std::vector<Nuclide> out;
  for (const auto& n : nuclides_)
    if (n.symbol == symbol && n.abundance > 0.0) out.push_back(n);
  if (out.empty()) throw InputError("unknown element '" + std::string(symbol) + "'");
  return out;
}

const Nuclide& NuclearDatabase::isotope(std::string_view symbol, int A) const {
  for (const auto& n : nuclides_)
    if (n.symbol == symbol && n.A() == A) return n;
  throw InputError("unknown isotope '" + std::string(symbol) + std::to_string(A) + "'");
}

std::optional<Nuclide> NuclearDatabase::find_isotope(std::string_view name) const {
  // "Ar40", "Ar-40", "40Ar", "40-Ar", any letter case.
  static const std::regex symbol_first(R"(^([A-Za-z]{1,2})[-_]?([0-9]{1,3})$)");
  static const std::regex mass_first(R"(^([0-9]{1,3})[-_]?([A-Za-z]{1,2})$)");
  const std::string text(name);
  std::smatch m;
  std::string symbol, digits;
  if (std::regex_match(text, m, symbol_first)) {
    symbol = m[1];
    digits = m[2];
  } else if (std::regex_match(text, m, mass_first)) {
    digits = m[1];
    symbol = m[2];
  } else {
    return std::nullopt;
  }
  symbol = canonical_symbol(symbol);
  const int A = std::stoi(digits);
  for (const auto& n : nuclides_)
    if (n.symbol == symbol && n.A() == A) return n;
  return std::nullopt;
}

std::vector<std::string> NuclearDatabase::isotope_names() const {
  std::vector<std::string> out;
  out.reserve(nuclides_.size());
  for (const auto& n : nuclides_) out.push_back(n.name());
  return out;
}

}  // namespace cevns
