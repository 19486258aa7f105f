#include "cevns/io/source_data_reader.hpp"

#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>

#include "cevns/core/constants.hpp"
#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/data_path.hpp"
#include "cevns/io/text_table.hpp"

namespace cevns::io {
namespace {

TabulatedFunction read_shape(const std::filesystem::path& path, const std::string& what) {
  const auto t = TextTable::read(path, TextTable::Delimiter::comma, false);
  std::vector<double> x, y;
  for (std::size_t r = 0; r < t.rows().size(); ++r) {
    const double e = t.number(r, 0), v = t.number(r, 1);
    if (!x.empty() && !(e > x.back())) throw ConfigError(t.where(r) + ": energies must increase strictly");
    if (v < 0.0) throw ConfigError(t.where(r) + ": negative spectral density");
    x.push_back(e * units::MeV);
    y.push_back(v);
  }
  return TabulatedFunction(std::move(x), std::move(y), what);
}

}  // namespace

std::vector<SpallationFacility> read_facilities(const std::filesystem::path& csv) {
  const auto t = TextTable::read(csv, TextTable::Delimiter::comma, true);
  const auto c_name = t.column("name"), c_ep = t.column("proton_energy_GeV"), c_p = t.column("beam_power_MW"),
             c_rr = t.column("repetition_rate_Hz"), c_pw = t.column("pulse_width_ns"),
             c_y = t.column("nu_per_flavour_per_proton"), c_fr = t.column("facility_ref"),
             c_yr = t.column("yield_ref");
  std::vector<SpallationFacility> out;
  for (std::size_t r = 0; r < t.rows().size(); ++r) {
    SpallationFacility f;
    f.name = t.text(r, c_name);
    f.proton_energy = t.number(r, c_ep) * units::GeV;
    // 1 MW = 1e6 J/s = 1e6 / (1e6 eV/MeV x J/eV) MeV/s
    f.beam_power = t.number(r, c_p) / constants::electron_volt_J * units::MeV / units::s;
    f.repetition_rate = t.number(r, c_rr) / units::s;
    f.pulse_width = t.number(r, c_pw) * units::ns;
    if (!t.text(r, c_y).empty()) f.nu_per_flavour_per_proton = t.number(r, c_y);
    f.facility_reference = t.text(r, c_fr);
    f.yield_reference = t.text(r, c_yr);
    if (!(f.proton_energy > 0.0) || !(f.beam_power > 0.0))
      throw ConfigError(t.where(r) + ": proton energy and beam power must be positive");
    out.push_back(std::move(f));
  }
  return out;
}

const std::vector<SpallationFacility>& default_facilities() {
  static const auto facilities = read_facilities(data_file("decay_at_rest/facilities.csv"));
  return facilities;
}

ReactorSpectrumModel read_reactor_model(const std::filesystem::path& coefficients_csv,
                                        const std::filesystem::path& low_energy_table) {
  ReactorSpectrumModel m;
  const auto t = TextTable::read(coefficients_csv, TextTable::Delimiter::comma, true);
  const auto c_iso = t.column("isotope");
  std::array<bool, 4> seen{};
  for (std::size_t r = 0; r < t.rows().size(); ++r) {
    const std::string name = t.text(r, c_iso);
    std::size_t i = 4;
    for (const auto iso : all_fission_isotopes)
      if (to_string(iso) == name) i = static_cast<std::size_t>(iso);
    if (i == 4) throw ConfigError(t.where(r) + ": unknown fission isotope '" + name + "'");
    for (std::size_t k = 0; k < 6; ++k) m.fit_coefficients[i][k] = t.number(r, t.column("a" + std::to_string(k)));
    seen[i] = true;
  }
  for (std::size_t i = 0; i < 4; ++i)
    if (!seen[i]) throw ConfigError(coefficients_csv.string() + ": no row for " + to_string(all_fission_isotopes[i]));
  const auto k = TextTable::read(low_energy_table, TextTable::Delimiter::whitespace, false);
  std::vector<double> x, y;
  for (std::size_t r = 0; r < k.rows().size(); ++r) {
    const double e = k.number(r, 0), v = k.number(r, 1);
    if (!x.empty() && !(e * units::MeV > x.back())) throw ConfigError(k.where(r) + ": energies must increase strictly");
    x.push_back(e * units::MeV);
    y.push_back(v / units::MeV);
  }
  m.low_energy_total = TabulatedFunction(std::move(x), std::move(y), low_energy_table.string());
  m.captures_per_fission_in_low_energy_table = default_captures_per_fission;
  m.join_energy = 2.0 * units::MeV;
  m.max_energy = 10.0 * units::MeV;
  m.references = {"P. Huber, PRC 84, 024617 (2011)", "Th.A. Mueller et al., PRC 83, 054615 (2011)",
                  "V.I. Kopeikin, Phys. At. Nucl. 75, 143 (2012) (low-energy reactor spectrum; attribution to confirm)"};
  return m;
}

const ReactorSpectrumModel& default_reactor_model() {
  static const auto model = read_reactor_model(data_file("reactor/huber_mueller_coefficients.csv"),
                                               data_file("reactor/kopeikin_spectrum.txt"));
  return model;
}

SolarModel read_solar_model(const std::filesystem::path& dir, const std::string& composition) {
  std::size_t column = 0;
  if (composition == "GS98") column = 0;
  else if (composition == "AGSS09met") column = 2;
  else throw InputError("unknown solar composition '" + composition + "' (use GS98 or AGSS09met)");
  SolarModel m;
  m.name = "B16-" + composition;
  const auto f = TextTable::read(dir / "fluxes_b16.dat", TextTable::Delimiter::whitespace, false);
  if (f.rows().size() != 8) throw ConfigError((dir / "fluxes_b16.dat").string() + ": expected 8 flux rows");
  // Row units of the B16 table (its header): pp 1e10, pep 1e8, hep 1e3, 7Be 1e9, 8B 1e6, 13N, 15O 1e8, 17F 1e6.
  const std::array<double, 8> unit{1e10, 1e8, 1e3, 1e9, 1e6, 1e8, 1e8, 1e6};
  for (std::size_t i = 0; i < 8; ++i) m.flux[i] = f.number(i, column) * unit[i] / (units::cm2 * units::s);
  const auto ne = TextTable::read(dir / "production_electron_density_b16.csv", TextTable::Delimiter::comma, true);
  const auto c_ne = ne.column(composition);
  for (std::size_t r = 0; r < ne.rows().size(); ++r) {
    const auto c = parse_solar_component(ne.text(r, 0));
    m.electron_density[static_cast<std::size_t>(c)] = electron_density_from_mol_per_cm3(ne.number(r, c_ne));
  }
  const std::map<SolarComponent, std::string> shapes{{SolarComponent::pp, "pp_shape.csv"},
                                                     {SolarComponent::hep, "hep_shape.csv"},
                                                     {SolarComponent::B8, "8B_shape_Winter_et_al.csv"},
                                                     {SolarComponent::N13, "n13_shape.csv"},
                                                     {SolarComponent::O15, "o15_shape.csv"},
                                                     {SolarComponent::F17, "f17_shape.csv"}};
  for (const auto& [c, file] : shapes) m.shapes[static_cast<std::size_t>(c)] = read_shape(dir / file, file);
  m.references = {"N. Vinyoles et al., ApJ 835, 202 (2017) (B16 fluxes)",
                  "W.T. Winter et al., PRC 73, 025503 (2006) (8B shape)",
                  "J.N. Bahcall, PRC 56, 3391 (1997) (pp, hep, pep)",
                  "J.N. Bahcall, R.K. Ulrich, RMP 60, 297 (1988) (CNO shapes)",
                  "J.N. Bahcall, PRD 49, 3923 (1994) (7Be lines)"};
  return m;
}

const SolarModel& default_solar_model(const std::string& composition) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<SolarModel>> cache;
  std::lock_guard lock(mutex);
  auto& slot = cache[composition];
  if (!slot) {
    try {
      slot = std::make_unique<SolarModel>(read_solar_model(data_file("solar/fluxes_b16.dat").parent_path(), composition));
    } catch (...) {
      cache.erase(composition);
      throw;
    }
  }
  return *slot;
}

NeutrinoSource read_spectrum_table(const std::filesystem::path& path, Normalisation normalisation, double scale) {
  if (!(scale > 0.0) || !std::isfinite(scale)) throw InputError("spectrum table scale must be positive");
  // Comma-separated if the first content line has a comma.
  auto delimiter = TextTable::Delimiter::whitespace;
  {
    std::ifstream in(path);
    if (!in) throw DataError("cannot open spectrum table " + path.string());
    std::string line;
    while (std::getline(in, line)) {
      const auto content = line.substr(0, line.find('#'));
      if (content.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (content.find(',') != std::string::npos) delimiter = TextTable::Delimiter::comma;
      break;
    }
  }
  const auto t = TextTable::read(path, delimiter, true);
  const auto& h = t.header();
  if (h.size() < 2 || h[0] != "E_MeV")
    throw ConfigError(path.string() + ":1: header must be 'E_MeV' followed by species names (nue, nuebar, ...)");
  std::vector<Neutrino> species;
  for (std::size_t c = 1; c < h.size(); ++c) {
    try {
      species.push_back(parse_neutrino(h[c]));
    } catch (const InputError& e) {
      throw ConfigError(path.string() + ": header column " + std::to_string(c + 1) + ": " + e.what());
    }
  }
  std::vector<double> x;
  std::vector<std::vector<double>> y(species.size());
  for (std::size_t r = 0; r < t.rows().size(); ++r) {
    if (t.rows()[r].fields.size() != h.size())
      throw ConfigError(t.where(r) + ": expected " + std::to_string(h.size()) + " columns, found " +
                        std::to_string(t.rows()[r].fields.size()));
    const double e = t.number(r, 0);
    if (e < 0.0) throw ConfigError(t.where(r) + ": negative energy");
    if (!x.empty() && !(e * units::MeV > x.back()))
      throw ConfigError(t.where(r) + ": energies must increase strictly (" + std::to_string(e) + " MeV after " +
                        std::to_string(x.back() / units::MeV) + " MeV)");
    x.push_back(e * units::MeV);
    for (std::size_t s = 0; s < species.size(); ++s) {
      const double v = t.number(r, s + 1);
      if (v < 0.0) throw ConfigError(t.where(r) + ": negative spectral density in column " + std::to_string(s + 2));
      y[s].push_back(v * scale * normalisation_unit(normalisation) / units::MeV);
    }
  }
  if (x.size() < 2) throw ConfigError(path.string() + ": a spectrum table needs at least 2 rows");
  NeutrinoSource src;
  src.name = "table:" + path.string();
  src.normalisation = normalisation;
  src.references = {"user table " + path.string()};
  for (std::size_t s = 0; s < species.size(); ++s) {
    auto f = std::make_shared<TabulatedFunction>(x, y[s], path.string());
    std::vector<double> breaks;  // at most ~64 panels: the interpolant is C1 between them
    for (std::size_t k = 0; k < x.size(); k += std::max<std::size_t>(1, x.size() / 64)) breaks.push_back(x[k]);
    src.add(species[s], Spectrum([f](double E) { return (*f)(E); }, x.front(), x.back(), breaks));
  }
  return src;
}

}  // namespace cevns::io
