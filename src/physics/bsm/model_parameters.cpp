#include "cevns/physics/bsm/model_parameters.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <optional>
#include <utility>

#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/core/units.hpp"

namespace cevns {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

constexpr std::array<const char*, 3> flavour_names{"e", "mu", "tau"};

// "ee" -> (0,0), "emu" -> (0,1), "mue" -> (1,0), ...
std::optional<std::pair<std::size_t, std::size_t>> parse_flavour_pair(std::string_view s) {
  for (std::size_t a = 0; a < 3; ++a)
    for (std::size_t b = 0; b < 3; ++b)
      if (s == std::string(flavour_names[a]) + flavour_names[b]) return std::pair{a, b};
  return std::nullopt;
}

[[noreturn]] void unknown_key(std::string_view key, std::string_view what, const std::vector<std::string>& names) {
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i == 12) {
      list += ", ...";
      break;
    }
    list += (i == 0 ? "" : ", ") + names[i];
  }
  throw InputError("unknown " + std::string(what) + " parameter '" + std::string(key) + "'" +
                   did_you_mean(key, names) + "; accepted: " + list);
}

}  // namespace

std::vector<KeyValue> parse_key_values(std::string_view text, std::string_view what) {
  std::vector<KeyValue> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(',', start), text.size());
    const std::string_view item = trim(text.substr(start, end - start));
    start = end + 1;
    if (item.empty()) {
      if (end >= text.size() && !out.empty()) break;
      throw InputError(std::string(what) + ": empty item in '" + std::string(text) + "' (expected key=value,...)");
    }
    const std::size_t eq = item.find('=');
    if (eq == std::string_view::npos)
      throw InputError(std::string(what) + ": '" + std::string(item) + "' is not key=value");
    KeyValue kv{std::string(trim(item.substr(0, eq))), std::string(trim(item.substr(eq + 1)))};
    if (kv.key.empty() || kv.value.empty())
      throw InputError(std::string(what) + ": '" + std::string(item) + "' needs both a key and a value");
    for (const auto& seen : out)
      if (seen.key == kv.key) throw InputError(std::string(what) + ": '" + kv.key + "' is given twice");
    out.push_back(std::move(kv));
    if (end >= text.size()) break;
  }
  return out;
}

double parse_parameter_number(std::string_view value, std::string_view key, double bound) {
  double v = 0.0;
  const auto* first = value.data();
  const auto* last = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(first, last, v);
  if (ec != std::errc() || ptr != last || !std::isfinite(v))
    throw InputError("parameter '" + std::string(key) + "' needs a finite number, got '" + std::string(value) + "'");
  if (std::abs(v) > bound)
    throw InputError(fmt::format("parameter '{}' must lie within +-{:g}, got {}", key, bound, value));
  return v;
}

std::vector<std::string> nsi_parameter_names(std::string_view types) {
  std::vector<std::string> names;
  static constexpr std::array<const char*, 6> pairs{"ee", "mumu", "tautau", "emu", "etau", "mutau"};
  for (char type : types) {
    if (type == 'S') {
      for (const char* p : {"ee", "mumu", "tautau"}) names.push_back(std::string("eps_") + p + "_S");
      continue;
    }
    for (const char* p : pairs)
      for (const char* q : {"u", "d"}) names.push_back(std::string("eps_") + p + "_" + q + type);
  }
  return names;
}

void apply_nsi(InteractionModel& model, std::string_view text, std::string_view types) {
  const auto names = nsi_parameter_names(types);
  for (const auto& [key, value] : parse_key_values(text, "NSI")) {
    // eps_<pair>_<q><T> or eps_<aa>_S
    const std::string_view k = key;
    const std::size_t second = k.rfind('_');
    if (k.substr(0, 4) != "eps_" || second == std::string_view::npos || second <= 4) unknown_key(key, "NSI", names);
    const auto pair = parse_flavour_pair(k.substr(4, second - 4));
    const std::string_view tail = k.substr(second + 1);
    if (!pair) unknown_key(key, "NSI", names);
    const auto [a, b] = *pair;
    const double v = parse_parameter_number(value, key, 1e3);
    if (tail == "S" && types.find('S') != std::string_view::npos) {
      if (a != b) throw InputError("scalar NSI '" + key + "' must be flavour-diagonal (eps_ee_S, ...)");
      model.scalar_nsi[a] = v;
      continue;
    }
    if (tail.size() != 2 || (tail[0] != 'u' && tail[0] != 'd') || types.find(tail[1]) == std::string_view::npos ||
        (tail[1] != 'V' && tail[1] != 'T'))
      unknown_key(key, "NSI", names);
    FlavourMatrix& m = tail[1] == 'V' ? (tail[0] == 'u' ? model.vector_u : model.vector_d)
                                      : (tail[0] == 'u' ? model.tensor_u : model.tensor_d);
    m[a][b] = v;
    m[b][a] = v;
  }
}

void apply_zprime(InteractionModel& model, std::string_view text) {
  static const std::vector<std::string> names{"mass_MeV", "coupling", "model", "q_nue", "q_numu", "q_nutau",
                                              "q_u", "q_d"};
  auto& z = model.zprime;
  bool has_mass = false, has_coupling = false;
  for (const auto& [key, value] : parse_key_values(text, "Z'")) {
    if (key == "model") {
      z.model = parse_zprime_model(value);
      continue;
    }
    if (std::find(names.begin(), names.end(), key) == names.end()) unknown_key(key, "Z'", names);
    const double v = parse_parameter_number(value, key, key == "mass_MeV" ? 1e9 : key == "coupling" ? 10.0 : 1e3);
    if (key == "mass_MeV") {
      if (!(v >= 0.0)) throw InputError("Z' mass_MeV must be non-negative, got " + value);
      z.mass = v * units::MeV;
      has_mass = true;
    } else if (key == "coupling") {
      z.coupling = v;
      has_coupling = true;
    } else if (key == "q_nue") {
      z.neutrino_charge[0] = v;
    } else if (key == "q_numu") {
      z.neutrino_charge[1] = v;
    } else if (key == "q_nutau") {
      z.neutrino_charge[2] = v;
    } else if (key == "q_u") {
      z.up_charge = v;
    } else if (key == "q_d") {
      z.down_charge = v;
    }
  }
  if (!has_mass || !has_coupling) throw InputError("Z' needs both mass_MeV and coupling (e.g. mass_MeV=10,coupling=1e-5)");
}

void apply_scalar(InteractionModel& model, std::string_view text) {
  static const std::vector<std::string> names{"mass_MeV", "coupling"};
  bool has_mass = false, has_coupling = false;
  for (const auto& [key, value] : parse_key_values(text, "scalar")) {
    if (std::find(names.begin(), names.end(), key) == names.end()) unknown_key(key, "scalar", names);
    const double v = parse_parameter_number(value, key, key == "mass_MeV" ? 1e9 : 10.0);
    if (key == "mass_MeV") {
      if (!(v >= 0.0)) throw InputError("scalar mass_MeV must be non-negative, got " + value);
      model.scalar.mass = v * units::MeV;
      has_mass = true;
    } else {
      model.scalar.coupling = v;
      has_coupling = true;
    }
  }
  if (!has_mass || !has_coupling)
    throw InputError("scalar mediator needs both mass_MeV and coupling (e.g. mass_MeV=10,coupling=1e-5)");
}

}  // namespace cevns
