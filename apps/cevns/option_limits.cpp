#include "option_limits.hpp"

#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <limits>
#include <stdexcept>

#include "cevns/core/error.hpp"
#include "cevns/physics/bsm/interaction_model.hpp"
#include "cevns/physics/bsm/model_parameters.hpp"

namespace cevns::cli {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

OptionLimit number(std::string name, std::string unit, double min, double max, bool min_open = true) {
  return {std::move(name), ValueKind::number, std::move(unit), min, max, min_open};
}
OptionLimit whole(std::string name, double min, double max) {
  return {std::move(name), ValueKind::integer, "", min, max, false};
}
OptionLimit model(std::string name) { return {std::move(name), ValueKind::model, "", 0, 0, false}; }
OptionLimit text(std::string name) { return {std::move(name), ValueKind::text, "", 0, 0, false}; }
OptionLimit path(std::string name) { return {std::move(name), ValueKind::path, "", 0, 0, false}; }

std::string range_text(const OptionLimit& l) {
  const std::string unit = l.unit.empty() ? "" : " " + l.unit;
  if (l.kind == ValueKind::integer) return fmt::format("a whole number from {:g} to {:g}", l.min, l.max);
  return fmt::format("a number{} in {}{:g}, {:g}]", unit.empty() ? "" : " (" + l.unit + ")", l.min_open ? "(" : "[",
                     l.min, l.max);
}

// "" when `s` is acceptable, else why not.
std::string check(const OptionLimit& l, const std::string& s) {
  if (s.empty()) return "empty value";
  if (l.kind == ValueKind::model) {
    // parsed now, into a scratch model, so that a bad key or value stops the program before any work
    try {
      InteractionModel m;
      if (l.name == "--zprime") apply_zprime(m, s);
      else if (l.name == "--scalar") apply_scalar(m, s);
      else apply_nsi(m, s, l.name == "--tensor" ? "T" : "VTS");
      m.validate();
    } catch (const InputError& e) {
      return e.what();
    }
    return "";
  }
  if (l.kind == ValueKind::text || l.kind == ValueKind::path) return "";
  double v = 0.0;
  const char* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (ec == std::errc::result_out_of_range) return "'" + s + "' is out of the range of numbers; expected " + range_text(l);
  if (ec != std::errc() || ptr != end) return "'" + s + "' is not a number; expected " + range_text(l);
  if (!std::isfinite(v)) return "'" + s + "' is not a finite number; expected " + range_text(l);
  if (l.kind == ValueKind::integer && v != std::floor(v)) return "'" + s + "' is not a whole number; expected " + range_text(l);
  const bool low = l.min_open ? !(v > l.min) : !(v >= l.min);
  if (low || v > l.max) return "'" + s + "' is outside the allowed range: expected " + range_text(l);
  return "";
}

}  // namespace

// Physical ranges: generous enough for every use the documentation describes, tight enough that
// no formula overflows (docs/reliability.md lists them). Units as in the option names.
const std::vector<OptionLimit>& option_limits() {
  static const std::vector<OptionLimit> table{
      // energies and kinematics
      number("--enu", "MeV", 0.0, 1e5),
      number("--recoil", "keV", 0.0, 1e6, false),
      number("--min-recoil-keV", "keV", 0.0, 1e6, false),
      number("--threshold-keV", "keV", 0.0, 1e4),
      number("--max-recoil-keV", "keV", 0.0, 1e5),
      number("--threshold-eV", "eV", 0.0, 1e7),
      // sources
      number("--distance-m", "m", 1e-3, 1e8, false),
      number("--distance-kpc", "kpc", 1e-6, 1e5, false),
      number("--power-GW", "GW", 0.0, 1e3),
      number("--power-MW", "MW", 0.0, 1e6),
      number("--beam-power-MW", "MW", 0.0, 1e3),
      number("--nu-per-proton", "", 0.0, 10.0),
      number("--nu-per-fission", "", 0.0, 20.0),
      number("--captures-per-fission", "", 0.0, 5.0, false),
      number("--activity-MCi", "MCi", 0.0, 1e3),
      number("--total-energy-erg", "erg", 0.0, 1e56),
      number("--scale", "", 0.0, 1e40),
      whole("--grid", 2, 1e6),
      // physics choices
      number("--sin2w", "", 0.0, 1.0),
      number("--neutron-radius-fm", "fm", 0.0, 20.0),
      number("--neutron-skin-fm", "fm", -5.0, 5.0, false),
      number("--deformation-beta2", "", -0.6, 0.6, false),
      number("--magnetic-moment", "Bohr magnetons", -1.0, 1.0, false),
      number("--millicharge", "e", -1.0, 1.0, false),
      number("--charge-radius-cm2", "cm2", -1e-24, 1e-24, false),
      model("--nsi"), model("--tensor"), model("--zprime"), model("--scalar"),
      text("--form-factor"), text("--couplings"), text("--radii"), text("--flavour"),
      // detectors and exposure
      number("--mass-kg", "kg", 0.0, 1e9),
      number("--background-ckkd", "counts/(keV kg day)", 0.0, 1e12, false),
      number("--exposure-days", "days", 0.0, 1e7),
      number("--delta-pu239", "", 0.0, 1.0, false),
      number("--power-prior", "", 0.0, 10.0, false),
      number("--efficiency", "", 0.0, 1.0),
      // dark matter
      number("--masses", "GeV", 1e-3, 1e8, false),
      number("--mass-min-GeV", "GeV", 1e-3, 1e8, false),
      number("--mass-max-GeV", "GeV", 1e-3, 1e8, false),
      whole("--mass-points", 1, 1e5),
      whole("--bins", 1, 1e4),
      number("--exposure-min-ton-year", "t yr", 0.0, 1e20),
      number("--exposure-max-ton-year", "t yr", 0.0, 1e20),
      whole("--exposures-per-decade", 1, 1000),
      number("--significance", "sigma", 0.0, 40.0),
      number("--v0-km-s", "km/s", 0.0, 3e5),
      number("--vesc-km-s", "km/s", 0.0, 3e5),
      number("--vlab-km-s", "km/s", 0.0, 3e5, false),
      number("--rho-GeV-cm3", "GeV/cm3", 0.0, 1e3),
      text("--halo"), text("--fluxes"), text("--solar-model"),
      // statistics
      number("--on", "events", 0.0, 1e15, false),
      number("--off", "events", 0.0, 1e15, false),
      number("--on-exposure", "", 0.0, 1e15),
      number("--off-exposure", "", 0.0, 1e15),
      number("--cl", "", 0.0, 1.0),
      whole("--count", 1, 1e8),
      whole("--seed", 0, 1.8e19),
      whole("--scenario", 1, 3),
      number("--beta", "", 0.0, 1e12, false),
      whole("--threads", 0, 4096),
      // names
      text("--target"), text("--source"), text("--experiment"), text("--ibd-model"), text("--average-over"),
      text("--release"), text("--x"), text("--y"), text("--value"), text("name"), text("kind"),
      // files
      path("file"), path("FILE"), path("--out"), path("--csv"), path("--data-dir"),
  };
  return table;
}

void validate_options(CLI::App& app) {
  for (auto* option : app.get_options()) {
    if (option->get_expected_max() == 0) continue;  // a flag
    const auto& longs = option->get_lnames();
    const std::string name = !longs.empty() ? "--" + longs.front() : option->get_name();
    if (name == "--help" || name == "--help-all" || name == "--version") continue;
    const auto& table = option_limits();
    const auto it = std::find_if(table.begin(), table.end(), [&](const OptionLimit& l) { return l.name == name; });
    if (it == table.end())
      throw std::logic_error("option " + name + " of '" + app.get_name() + "' has no entry in option_limits()");
    const OptionLimit limit = *it;
    option->check(CLI::Validator(
        [limit](std::string& value) {
          const auto problem = check(limit, value);
          return problem;
        },
        limit.kind == ValueKind::number || limit.kind == ValueKind::integer ? range_text(limit) : ""));
  }
  for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) validate_options(*sub);
}

}  // namespace cevns::cli
