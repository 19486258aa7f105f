#include "cevns/io/source_catalog.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/atmospheric_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/sources/decay_at_rest.hpp"
#include "cevns/sources/dsnb.hpp"
#include "cevns/sources/radioactive_source.hpp"
#include "cevns/sources/reactor.hpp"
#include "cevns/sources/solar.hpp"
#include "cevns/sources/supernova.hpp"

namespace cevns::io {
namespace {

double positive(double v, const std::string& option) {
  if (!(v > 0.0) || !std::isfinite(v))
    throw InputError(option + " must be a positive number, got " + std::to_string(v));
  return v;
}

double single_distance(const SourceOptions& o, const std::string& source) {
  if (o.distance_m.size() != 1) throw InputError("source '" + source + "' needs exactly one --distance-m");
  return positive(o.distance_m.front(), "--distance-m") * units::m;
}

}  // namespace

std::vector<SourceEntry> source_catalog() {
  std::vector<SourceEntry> out{
      {"reactor", "reactor antineutrinos: --power-GW P --distance-m L (repeat for several cores)"}};
  for (const auto& f : default_facilities())
    out.push_back({f.name, "pi-DAR at " + f.name + ": --distance-m L [--beam-power-MW] [--nu-per-proton]"});
  out.push_back({"solar", "all solar components at Earth, B16 (--solar-model GS98|AGSS09met), MSW-LMA"});
  for (const auto c : all_solar_components) out.push_back({"solar:" + to_string(c), "one solar component"});
  out.push_back({"supernova", "pinched Fermi-Dirac fluence per burst [--distance-kpc 10] [--total-energy-erg 3e53]"});
  out.push_back({"atmospheric", "atmospheric nu_e, nu_mu and antineutrinos below 1 GeV, FLUKA (Battistoni et al. 2005)"});
  out.push_back({"dsnb", "diffuse supernova neutrino background (Beacom 2010 / Horiuchi et al. 2009)"});
  out.push_back({"cr51", "51Cr electron-capture lines: --activity-MCi A --distance-m L"});
  out.push_back({"ar37", "37Ar electron-capture lines: --activity-MCi A --distance-m L"});
  out.push_back({"table:PATH", "user table: E_MeV and per-species dPhi/dE in /cm^2/s/MeV [--scale F]"});
  return out;
}

namespace {

// An option given for a source that does not use it is an error, not silently ignored.
void reject_unused(const SourceOptions& o, const std::string& name, const std::vector<std::string>& used) {
  const std::vector<std::pair<std::string, bool>> given{
      {"--power-GW", !o.power_GW.empty()},
      {"--distance-m", !o.distance_m.empty()},
      {"--distance-kpc", o.distance_kpc.has_value()},
      {"--beam-power-MW", o.beam_power_MW.has_value()},
      {"--nu-per-proton", o.nu_per_proton.has_value()},
      {"--nu-per-fission", o.nu_per_fission.has_value()},
      {"--captures-per-fission", o.captures_per_fission.has_value()},
      {"--activity-MCi", o.activity_MCi.has_value()},
      {"--total-energy-erg", o.total_energy_erg.has_value()},
      {"--scale", o.table_scale != 1.0},
      {"--solar-model", o.solar_composition != "GS98"},
      {"--no-oscillation", !o.oscillate}};
  for (const auto& [option, present] : given) {
    if (!present || std::find(used.begin(), used.end(), option) != used.end()) continue;
    std::string takes;
    for (const auto& u : used) takes += (takes.empty() ? "" : ", ") + u;
    throw InputError(option + " does not apply to source '" + name + "'" +
                     (takes.empty() ? std::string(" (it takes no options)") : " (it takes " + takes + ")"));
  }
}

}  // namespace

void reject_unused_source_options(const std::string& name, const SourceOptions& o) {
  if (name.rfind("table:", 0) == 0) return reject_unused(o, "table:PATH", {"--scale"});
  if (name == "reactor")
    return reject_unused(o, name, {"--power-GW", "--distance-m", "--captures-per-fission", "--nu-per-fission"});
  for (const auto& f : default_facilities())
    if (f.name == name) return reject_unused(o, name, {"--distance-m", "--beam-power-MW", "--nu-per-proton"});
  if (name == "supernova") return reject_unused(o, name, {"--distance-kpc", "--total-energy-erg"});
  if (name == "cr51" || name == "ar37") return reject_unused(o, name, {"--activity-MCi", "--distance-m"});
  if (name == "solar" || name.rfind("solar:", 0) == 0) return reject_unused(o, name, {"--solar-model", "--no-oscillation"});
  if (name == "dsnb" || name == "atmospheric") return reject_unused(o, name, {});
}

NeutrinoSource make_source(const std::string& name, const SourceOptions& o) {
  if (name.rfind("table:", 0) == 0) {
    if (name.size() <= 6) throw InputError("table: needs a path, e.g. table:my_flux.csv");
    return read_spectrum_table(name.substr(6), Normalisation::flux, o.table_scale);
  }
  if (name == "reactor") {
    if (o.power_GW.empty() || o.distance_m.empty())
      throw InputError("source 'reactor' needs --power-GW and --distance-m");
    if (o.power_GW.size() != 1 && o.power_GW.size() != o.distance_m.size())
      throw InputError("give one --power-GW for all cores or one per --distance-m");
    std::vector<ReactorCore> cores;
    for (std::size_t i = 0; i < o.distance_m.size(); ++i) {
      ReactorCore c;
      const double gw = positive(o.power_GW[o.power_GW.size() == 1 ? 0 : i], "--power-GW");
      c.thermal_power = gw * 1e9 / constants::electron_volt_J * units::eV / units::s;
      c.distance = positive(o.distance_m[i], "--distance-m") * units::m;
      if (o.captures_per_fission) {
        if (!(*o.captures_per_fission >= 0.0)) throw InputError("--captures-per-fission must be >= 0");
        c.captures_per_fission = *o.captures_per_fission;
      }
      if (o.nu_per_fission) c.antineutrinos_per_fission = positive(*o.nu_per_fission, "--nu-per-fission");
      cores.push_back(c);
    }
    return reactor_source(default_reactor_model(), cores);
  }
  for (const auto& f : default_facilities()) {
    if (f.name != name) continue;
    SpallationFacility facility = f;
    if (o.beam_power_MW)
      facility.beam_power = positive(*o.beam_power_MW, "--beam-power-MW") * 1e6 / constants::electron_volt_J *
                            units::eV / units::s;
    std::optional<double> y;
    if (o.nu_per_proton) y = positive(*o.nu_per_proton, "--nu-per-proton");
    return decay_at_rest_source(facility, single_distance(o, name), y);
  }
  if (name == "solar" || name.rfind("solar:", 0) == 0) {
    std::vector<SolarComponent> comps;
    if (name != "solar") comps.push_back(parse_solar_component(name.substr(6)));
    NeutrinoSource s = solar_source(default_solar_model(o.solar_composition), comps, {}, o.oscillate);
    s.name = name;
    return s;
  }
  if (name == "supernova") {
    const double kpc = o.distance_kpc ? positive(*o.distance_kpc, "--distance-kpc") : 10.0;
    const double e = o.total_energy_erg ? positive(*o.total_energy_erg, "--total-energy-erg") : 3e53;
    return supernova_source(SupernovaModel::benchmark(e), kpc * units::kpc);
  }
  if (name == "dsnb") return dsnb_source();
  if (name == "cr51" || name == "ar37") {
    if (!o.activity_MCi) throw InputError("source '" + name + "' needs --activity-MCi");
    const double a = positive(*o.activity_MCi, "--activity-MCi") * decays_per_s_per_MCi / units::s;
    return radioactive_source(name == "cr51" ? chromium51() : argon37(), a, single_distance(o, name));
  }
  if (name == "atmospheric") return atmospheric_source(default_atmospheric_flux());
  std::vector<std::string> names;
  for (const auto& e : source_catalog()) names.push_back(e.name);
  throw InputError("unknown source '" + name + "'" + did_you_mean(name, names) + " (see cevns flux --list)");
}

}  // namespace cevns::io
