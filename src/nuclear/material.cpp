#include "cevns/nuclear/material.hpp"

#include <cctype>
#include <cmath>
#include <numeric>
#include <regex>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"

namespace cevns {
namespace {

using Counts = std::vector<std::pair<std::string, double>>;

void add_count(Counts& counts, const std::string& symbol, double n) {
  for (auto& [s, c] : counts)
    if (s == symbol) {
      c += n;
      return;
    }
  counts.emplace_back(symbol, n);
}

// Recursive-descent parser: formula := group*, group := (element | '(' formula ')') number?
Counts parse_group_list(std::string_view f, std::size_t& pos, std::string_view whole, int depth) {
  Counts counts;
  auto read_number = [&]() {
    std::size_t start = pos;
    while (pos < f.size() && (std::isdigit(static_cast<unsigned char>(f[pos])) || f[pos] == '.'))
      ++pos;
    if (start == pos) return 1.0;
    const double n = std::stod(std::string(f.substr(start, pos - start)));
    if (!(n > 0.0))
      throw InputError("chemical formula '" + std::string(whole) + "': count must be positive");
    return n;
  };
  while (pos < f.size()) {
    const char c = f[pos];
    if (c == '(') {
      ++pos;
      Counts inner = parse_group_list(f, pos, whole, depth + 1);
      if (pos >= f.size() || f[pos] != ')')
        throw InputError("chemical formula '" + std::string(whole) + "': unbalanced '('");
      ++pos;
      const double n = read_number();
      for (const auto& [s, k] : inner) add_count(counts, s, k * n);
    } else if (c == ')') {
      if (depth == 0)
        throw InputError("chemical formula '" + std::string(whole) + "': unbalanced ')'");
      return counts;
    } else if (std::isupper(static_cast<unsigned char>(c))) {
      std::string symbol(1, c);
      ++pos;
      while (pos < f.size() && std::islower(static_cast<unsigned char>(f[pos]))) symbol += f[pos++];
      add_count(counts, symbol, read_number());
    } else {
      throw InputError("chemical formula '" + std::string(whole) + "': unexpected character '" +
                       std::string(1, c) + "'");
    }
  }
  return counts;
}

}  // namespace

Counts parse_chemical_formula(std::string_view formula) {
  if (formula.empty()) throw InputError("empty chemical formula");
  std::size_t pos = 0;
  Counts counts = parse_group_list(formula, pos, formula, 0);
  if (pos != formula.size())
    throw InputError("chemical formula '" + std::string(formula) + "': unbalanced ')'");
  return counts;
}

Material::Material(std::string name, std::vector<MaterialComponent> components)
    : name_(std::move(name)), components_(std::move(components)) {
  if (components_.empty()) throw InputError("material '" + name_ + "' has no nuclei");
}

Material Material::from_name(const NuclearDatabase& db, std::string_view name,
                             const std::map<std::string, IsotopicComposition>& compositions) {
  if (auto iso = db.find_isotope(name)) {
    return Material(iso->name(), {MaterialComponent{*iso, 1.0}});
  }
  // "Ar41" or "Xe2" reads as an isotope name, never as a one-element formula with a count.
  static const std::regex isotope_like(R"(^[A-Z][a-z]?-?[0-9]{1,3}$|^[0-9]{1,3}-?[A-Za-z]{1,2}$)");
  if (std::regex_match(std::string(name), isotope_like)) {
    std::string symbol;
    for (char ch : name)
      if (std::isalpha(static_cast<unsigned char>(ch))) symbol += ch;
    std::string isotopes;
    if (db.has_element(symbol))
      for (const auto& iso : db.isotopes_of(symbol)) isotopes += (isotopes.empty() ? "" : ", ") + iso.name();
    throw InputError("unknown isotope '" + std::string(name) + "'" +
                     (isotopes.empty() ? did_you_mean(name, db.isotope_names())
                                       : " (natural isotopes of " + symbol + ": " + isotopes + ")"));
  }
  Counts counts;
  try {
    counts = parse_chemical_formula(name);
  } catch (const InputError&) {
    counts.clear();
  }
  bool known = !counts.empty();
  for (const auto& [symbol, n] : counts) known = known && db.has_element(symbol);
  if (!known) {
    std::vector<std::string> candidates = db.isotope_names();
    for (const auto& e : db.elements()) candidates.push_back(e);
    for (const char* m : {"CsI", "NaI", "CaWO4", "Al2O3", "Li2WO4", "Ge", "Si", "Ar", "Xe"})
      candidates.emplace_back(m);
    throw InputError("unknown target '" + std::string(name) + "'" +
                     did_you_mean(name, candidates) +
                     " (an isotope such as Ar40, an element such as Xe, or a formula such as CaWO4)");
  }
  for (const auto& [element, composition] : compositions) {
    bool used = false;
    for (const auto& [symbol, n] : counts) used = used || symbol == element;
    if (!used)
      throw InputError("isotopic composition given for " + element + ", which is not in '" +
                       std::string(name) + "'");
  }
  std::vector<MaterialComponent> components;
  for (const auto& [symbol, count] : counts) {
    const auto it = compositions.find(symbol);
    if (it == compositions.end()) {
      for (const auto& iso : db.isotopes_of(symbol))
        components.push_back({iso, count * iso.abundance});
      continue;
    }
    double total = 0.0;
    for (const auto& [A, fraction] : it->second) {
      if (!(fraction >= 0.0) || !std::isfinite(fraction))
        throw InputError("isotopic fraction of " + symbol + std::to_string(A) +
                         " must be a non-negative number");
      total += fraction;
    }
    if (!(total > 0.0)) throw InputError("isotopic composition of " + symbol + " sums to zero");
    for (const auto& [A, fraction] : it->second)
      if (fraction > 0.0) components.push_back({db.isotope(symbol, A), count * fraction / total});
  }
  return Material(std::string(name), std::move(components));
}

double Material::formula_mass_u() const {
  return std::accumulate(components_.begin(), components_.end(), 0.0,
                         [](double sum, const MaterialComponent& c) {
                           return sum + c.atoms_per_formula_unit * c.nuclide.atomic_mass_u;
                         });
}

double Material::formula_units_per_kg() const {
  return 1.0 / (formula_mass_u() * constants::atomic_mass_unit_kg);
}

double Material::nuclei_per_kg(std::size_t i) const {
  return components_.at(i).atoms_per_formula_unit * formula_units_per_kg();
}

}  // namespace cevns
