#include "cevns/io/experiment_reader.hpp"

#include "experiment_yaml.hpp"
#include "yaml_reader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

#include "cevns/core/error.hpp"
#include "cevns/core/suggest.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/data_path.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_catalog.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/io/text_table.hpp"
#include "cevns/sources/decay_at_rest.hpp"

namespace cevns::io {
namespace {

// The shared reader plus the catalog's own checks: citations, edges and tables.
class Reader : public YamlReader {
 public:
  explicit Reader(const std::filesystem::path& p) : YamlReader(p, p.string()) {}

  // Rejects keys outside `allowed`; requires a `source:` citation when `cited`.
  void keys(const YAML::Node& map, const std::string& where, const std::vector<std::string>& allowed,
            bool cited = true) const {
    only_keys(map, where, allowed);
    if (cited && !map["source"]) fail(map, where + ".source", "missing: every number needs a citation");
  }
  // A number or a list of numbers.
  std::vector<double> numbers(const YAML::Node& map, const std::string& key, const std::string& where) const {
    const auto node = map[key];
    if (!node) fail(map, where + "." + key, "missing");
    if (node.IsSequence()) {
      auto v = get<std::vector<double>>(map, key, where);
      if (v.empty()) fail(node, where + "." + key, "empty list");
      return v;
    }
    return {number(map, key, where)};
  }
  // Edges from a list or from {min, max, width}.
  std::vector<double> edges(const YAML::Node& map, const std::string& key, const std::string& where) const {
    const auto node = map[key];
    const std::string k = where + "." + key;
    std::vector<double> e;
    if (node.IsMap()) {
      keys(node, k, {"min", "max", "width"}, false);
      const double lo = number(node, "min", k), hi = number(node, "max", k), w = positive(node, "width", k);
      if (!(hi > lo)) fail(node, k, "max must exceed min");
      const auto n = static_cast<std::size_t>(std::llround((hi - lo) / w));
      if (n == 0 || n > 100000 || std::abs(lo + static_cast<double>(n) * w - hi) > 1e-9 * (hi - lo))
        fail(node, k, "(max - min) must be a whole number (<= 100000) of widths");
      for (std::size_t i = 0; i <= n; ++i) e.push_back(lo + w * static_cast<double>(i));
    } else {
      e = get<std::vector<double>>(map, key, where);
      if (e.size() < 2) fail(node, k, "at least two edges are needed");
    }
    for (std::size_t i = 1; i < e.size(); ++i)
      if (!(e[i] > e[i - 1])) fail(node, k, "edges must increase");
    return e;
  }
  // A table file: relative to the YAML file's folder if it exists there, else to data/.
  TextTable table(const YAML::Node& map, const std::string& where) const {
    const auto name = get<std::string>(map, "file", where);
    std::filesystem::path p = path().parent_path() / name;
    if (!std::filesystem::is_regular_file(p)) {
      try {
        p = data_file(name);
      } catch (const DataError&) {
        fail(map["file"], where + ".file", "table '" + name + "' not found next to the file or under data/");
      }
    }
    return TextTable::read(p, TextTable::Delimiter::whitespace, false);
  }
  std::vector<double> column(const TextTable& t, const YAML::Node& map, const std::string& key,
                             std::size_t fallback, const std::string& where) const {
    const std::size_t c = map[key] ? get<std::size_t>(map, key, where) : fallback;
    std::vector<double> v;
    for (std::size_t r = 0; r < t.rows().size(); ++r) v.push_back(t.number(r, c));
    return v;
  }
};

const std::vector<std::string> kTopKeys{"id",          "name",       "status",     "reference", "target",
                                        "neutrino_source", "exposure", "quenching", "observable",
                                        "resolution",  "efficiency", "timing",     "backgrounds", "published",
                                        "notes",       "detectors"};

void read_header(const Reader& r, const YAML::Node& root, ExperimentEntry& e) {
  r.keys(root, "experiment", kTopKeys, false);
  e.id = r.get<std::string>(root, "id", "experiment");
  e.name = r.get<std::string>(root, "name", "experiment");
  e.reference = r.get<std::string>(root, "reference", "experiment");
  e.status = r.choose<std::string>(root, "status", "experiment",
                                   {{"published", "published"}, {"running", "running"}, {"proposal", "proposal"}});
  const auto t = root["target"];
  if (!t) r.fail(root, "target", "missing");
  e.target = r.get<std::string>(t, "material", "target");
  // Several detectors: their distinct targets ("CaWO4 + Al2O3"), as Experiment::target_name().
  if (const auto list = root["detectors"]; list && list.IsSequence()) {
    std::vector<std::string> names;
    for (const auto& n : list) {
      const auto m = n.IsMap() && n["material"] && n["material"].IsScalar() ? n["material"].as<std::string>() : e.target;
      if (std::find(names.begin(), names.end(), m) == names.end()) names.push_back(m);
    }
    if (!names.empty()) {
      e.target = names.front();
      for (std::size_t i = 1; i < names.size(); ++i) e.target += " + " + names[i];
    }
  }
  const auto s = root["neutrino_source"];
  if (!s) r.fail(root, "neutrino_source", "missing");
  e.source = r.get<std::string>(s, "name", "neutrino_source");
}

bool is_dar_facility(const std::string& name) {
  const auto& f = default_facilities();
  return std::any_of(f.begin(), f.end(), [&](const SpallationFacility& x) { return x.name == name; });
}

void read_source(const Reader& r, const YAML::Node& root, Experiment& x) {
  const auto s = root["neutrino_source"];
  r.keys(s, "neutrino_source",
         {"source", "name", "distance_m", "power_GW", "nu_per_flavour_per_proton", "beam_power_MW", "solar_model",
          "nu_per_fission"});
  const auto name = r.get<std::string>(s, "name", "neutrino_source");
  const auto ex = root["exposure"];
  if (!ex) r.fail(root, "exposure", "missing");
  r.keys(ex, "exposure", {"source", "live_days", "protons_on_target", "beam_energy_GWh", "proton_energy_GeV"});
  x.live_days = r.positive(ex, "live_days", "exposure");
  SourceOptions o;
  if (s["distance_m"]) o.distance_m = r.numbers(s, "distance_m", "neutrino_source");
  if (s["power_GW"]) o.power_GW = r.numbers(s, "power_GW", "neutrino_source");
  if (s["nu_per_flavour_per_proton"]) o.nu_per_proton = r.positive(s, "nu_per_flavour_per_proton", "neutrino_source");
  if (s["beam_power_MW"]) o.beam_power_MW = r.positive(s, "beam_power_MW", "neutrino_source");
  if (s["nu_per_fission"]) o.nu_per_fission = r.positive(s, "nu_per_fission", "neutrino_source");
  if (s["solar_model"]) o.solar_composition = r.get<std::string>(s, "solar_model", "neutrino_source");
  x.pulsed = is_dar_facility(name);
  const bool pot = ex["protons_on_target"] || ex["beam_energy_GWh"];
  try {
    if (pot) {
      if (!x.pulsed) r.fail(ex, "exposure", "protons_on_target/beam_energy_GWh need a pi-DAR source");
      if (!o.nu_per_proton) r.fail(s, "neutrino_source.nu_per_flavour_per_proton", "missing (needed with protons on target)");
      if (o.distance_m.size() != 1) r.fail(s, "neutrino_source.distance_m", "exactly one distance is needed");
      double n_pot = 0.0;
      if (ex["protons_on_target"]) {
        n_pot = r.positive(ex, "protons_on_target", "exposure");
      } else {
        const double gwh = r.positive(ex, "beam_energy_GWh", "exposure");
        const double ep = r.positive(ex, "proton_energy_GeV", "exposure");
        n_pot = protons_on_target(gwh * 1e9 * 3600.0 / constants::electron_volt_J * units::eV, ep * units::GeV);
      }
      x.fluence = decay_at_rest_source(n_pot, *o.nu_per_proton, o.distance_m.front() * units::m, name);
    } else {
      const NeutrinoSource src = make_source(name, o);
      x.fluence = src.normalisation == Normalisation::flux ? src.scaled(x.live_days * units::day) : src;
    }
  } catch (const InputError& e) {
    r.fail(s, "neutrino_source", e.what());
  }
}

Quenching read_quenching(const Reader& r, const YAML::Node& q, const Material& m, const std::string& w) {
  r.keys(q, w, {"source", "model", "factor", "k", "atomic_number", "coefficients_MeVee", "a", "b_per_keVnr", "file",
                "recoil_column", "factor_column"});
  const auto model = r.choose<QuenchingModel>(q, "model", w,
                                              {{"none", QuenchingModel::none},
                                               {"constant", QuenchingModel::constant},
                                               {"lindhard", QuenchingModel::lindhard},
                                               {"polynomial", QuenchingModel::polynomial},
                                               {"linear", QuenchingModel::linear},
                                               {"table", QuenchingModel::table}});
  switch (model) {
    case QuenchingModel::none: return {};
    case QuenchingModel::constant: return Quenching::constant(r.positive(q, "factor", w));
    case QuenchingModel::lindhard: {
      // Default Z: the heaviest-abundance element is ambiguous for compounds; ask for it there.
      double z = 0.0;
      if (q["atomic_number"]) z = r.positive(q, "atomic_number", w);
      else {
        const auto& c = m.components();
        z = c.front().nuclide.Z;
        for (const auto& x : c)
          if (x.nuclide.Z != c.front().nuclide.Z) r.fail(q, w + ".atomic_number", "missing (compound target)");
      }
      return Quenching::lindhard(r.positive(q, "k", w), z);
    }
    case QuenchingModel::polynomial:
      return Quenching::polynomial(r.get<std::vector<double>>(q, "coefficients_MeVee", w));
    case QuenchingModel::linear: return Quenching::linear(r.number(q, "a", w), r.number(q, "b_per_keVnr", w));
    case QuenchingModel::table: {
      const auto t = r.table(q, w);
      try {
        return Quenching::table(r.column(t, q, "recoil_column", 0, w), r.column(t, q, "factor_column", 1, w));
      } catch (const InputError& e) {
        r.fail(q["file"], w + ".file", e.what());
      }
    }
  }
  return {};
}

// resolution: block into d; `offset_given`: whether the observable block set pe_efficiency_offset.
void read_resolution(const Reader& r, const YAML::Node& rs, DetectorResponse& d, const std::string& wr,
                     bool offset_given) {
  r.keys(rs, wr, {"source", "model", "a_sqrt_keV", "b_keV", "sigma0_keV", "fano_factor", "pair_energy_eV",
                  "shape_per_keVee", "file", "mean_column", "sigma_column"});
  d.resolution = Resolution{};
  d.resolution.model = r.choose<ResolutionModel>(rs, "model", wr,
                                                 {{"none", ResolutionModel::none},
                                                  {"sqrt", ResolutionModel::sqrt},
                                                  {"fano", ResolutionModel::fano},
                                                  {"gamma", ResolutionModel::gamma},
                                                  {"table", ResolutionModel::table}});
  d.resolution.a_sqrt_keV = r.optional(rs, "a_sqrt_keV", wr, 0.0);
  d.resolution.b_keV = r.optional(rs, "b_keV", wr, 0.0);
  d.resolution.sigma0_keV = r.optional(rs, "sigma0_keV", wr, 0.0);
  d.resolution.fano_factor = r.optional(rs, "fano_factor", wr, 0.0);
  d.resolution.pair_energy_keV = r.optional(rs, "pair_energy_eV", wr, 0.0) * 1e-3;
  if (d.resolution.model == ResolutionModel::table) {
    const auto t = r.table(rs, wr);
    try {
      d.resolution = Resolution::table(r.column(t, rs, "mean_column", 0, wr), r.column(t, rs, "sigma_column", 1, wr));
    } catch (const InputError& e) {
      r.fail(rs["file"], wr + ".file", e.what());
    }
  }
  if (d.resolution.model == ResolutionModel::gamma) {
    d.resolution.gamma_shape_per_keVee = r.number(rs, "shape_per_keVee", wr);
    // A continuous reconstructed PE: the efficiency is read at x itself unless told otherwise.
    if (!offset_given) d.pe_efficiency_offset = 0.0;
  }
}

void read_efficiency(const Reader& r, const YAML::Node& ef, DetectorResponse& d, const std::string& we) {
  r.keys(ef, we, {"source", "model", "a", "k", "x0", "d", "zero_below", "half_below", "file", "x_column",
                  "efficiency_column"});
  const auto model = r.choose<EfficiencyModel>(
      ef, "model", we,
      {{"none", EfficiencyModel::none}, {"logistic", EfficiencyModel::logistic}, {"table", EfficiencyModel::table}});
  d.efficiency = Efficiency{};
  if (model == EfficiencyModel::logistic) {
    d.efficiency = Efficiency::logistic(r.number(ef, "a", we), r.number(ef, "k", we), r.number(ef, "x0", we),
                                        r.optional(ef, "d", we, 0.0));
    if (ef["zero_below"]) d.efficiency.step_zero_below = r.number(ef, "zero_below", we);
    if (ef["half_below"]) d.efficiency.step_half_below = r.number(ef, "half_below", we);
  } else if (model == EfficiencyModel::table) {
    const auto t = r.table(ef, we);
    try {
      d.efficiency = Efficiency::table(r.column(t, ef, "x_column", 0, we), r.column(t, ef, "efficiency_column", 1, we));
    } catch (const InputError& e) {
      r.fail(ef["file"], we + ".file", e.what());
    }
  }
}

void validate_response(const Reader& r, const YAML::Node& at, const DetectorResponse& d, const std::string& where) {
  try {
    d.validate();
  } catch (const InputError& e) {
    r.fail(at, where, e.what());
  }
}

void read_detector(const Reader& r, const YAML::Node& root, Experiment& x) {
  auto& d = x.response;
  if (root["quenching"]) d.quenching = read_quenching(r, root["quenching"], *x.material, "quenching");
  const auto ob = root["observable"];
  if (!ob) r.fail(root, "observable", "missing");
  const std::string w = "observable";
  r.keys(ob, w, {"source", "quantity", "light_yield_pe_per_keVee", "bin_edges_keVnr", "bin_edges_keVee", "bin_edges_pe",
                 "threshold_keVnr", "threshold_keVee", "threshold_pe", "pe_efficiency_offset"});
  d.observable = r.choose<Observable>(ob, "quantity", w,
                                      {{"keVnr", Observable::keVnr}, {"keVee", Observable::keVee}, {"pe", Observable::pe}});
  const std::string q = to_string(d.observable);
  for (const auto& other : {"keVnr", "keVee", "pe"})
    if (q != other && (ob[std::string("bin_edges_") + other] || ob[std::string("threshold_") + other]))
      r.fail(ob, w, std::string("unit '") + other + "' does not match quantity '" + q + "'");
  d.bin_edges = r.edges(ob, "bin_edges_" + q, w);
  d.threshold = r.optional(ob, "threshold_" + q, w, 0.0);
  d.pe_efficiency_offset = r.optional(ob, "pe_efficiency_offset", w, 0.5);
  if (d.observable == Observable::pe) d.light_yield_pe_per_keVee = r.positive(ob, "light_yield_pe_per_keVee", w);
  if (const auto rs = root["resolution"]) read_resolution(r, rs, d, "resolution", static_cast<bool>(ob["pe_efficiency_offset"]));
  if (const auto ef = root["efficiency"]) read_efficiency(r, ef, d, "efficiency");
  validate_response(r, ob, d, w);
}

// detectors: several detectors binned alike, each inheriting the top-level target material,
// quenching, threshold, resolution and efficiency unless it gives its own.
void read_modules(const Reader& r, const YAML::Node& root, Experiment& x) {
  const auto list = root["detectors"];
  if (!list) return;
  if (!list.IsSequence() || list.size() == 0) r.fail(list, "detectors", "expected a non-empty list");
  const std::string q = to_string(x.response.observable);
  const bool offset_given = static_cast<bool>(root["observable"]["pe_efficiency_offset"]);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto n = list[i];
    const std::string w = "detectors[" + std::to_string(i) + "]";
    r.keys(n, w, {"source", "name", "material", "mass_kg", "threshold_keVnr", "threshold_keVee", "threshold_pe",
                  "quenching", "resolution", "efficiency"});
    for (const auto& other : {"keVnr", "keVee", "pe"})
      if (q != other && n[std::string("threshold_") + other])
        r.fail(n, w, std::string("unit '") + other + "' does not match quantity '" + q + "'");
    DetectorModule m{r.get<std::string>(n, "name", w), *x.material, r.positive(n, "mass_kg", w), x.response};
    for (const auto& other : x.modules)
      if (other.name == m.name) r.fail(n["name"], w + ".name", "'" + m.name + "' is used twice");
    if (n["material"]) {
      try {
        m.material = Material::from_name(default_nuclear_database(), r.get<std::string>(n, "material", w));
      } catch (const InputError& e) {
        r.fail(n["material"], w + ".material", e.what());
      }
    }
    if (n["threshold_" + q]) m.response.threshold = r.number(n, "threshold_" + q, w);
    if (n["quenching"]) m.response.quenching = read_quenching(r, n["quenching"], m.material, w + ".quenching");
    if (n["resolution"]) read_resolution(r, n["resolution"], m.response, w + ".resolution", offset_given);
    if (n["efficiency"]) read_efficiency(r, n["efficiency"], m.response, w + ".efficiency");
    validate_response(r, n, m.response, w);
    x.modules.push_back(std::move(m));
  }
  // The experiment-level view: first detector's target and response, total mass.
  x.material = x.modules.front().material;
  x.response = x.modules.front().response;
  x.mass_kg = 0.0;
  for (const auto& m : x.modules) x.mass_kg += m.mass_kg;
}

void read_timing(const Reader& r, const YAML::Node& root, Experiment& x) {
  const auto t = root["timing"];
  if (!t) {
    x.pulsed = false;  // time-integrated prediction
    return;
  }
  r.keys(t, "timing", {"source", "time_edges_us", "pulse_mean_ns", "pulse_sigma_ns", "efficiency_flat_until_ns",
                       "efficiency_decay_per_us"});
  if (!x.pulsed) r.fail(t, "timing", "a time axis needs a pi-DAR source");
  const auto edges_us = r.edges(t, "time_edges_us", "timing");
  for (const double e : edges_us) x.time_edges.push_back(e * units::us);
  x.timing = DecayAtRestTiming(r.optional(t, "pulse_mean_ns", "timing", 440.0) * units::ns,
                               r.positive(t, "pulse_sigma_ns", "timing") * units::ns,
                               constants::charged_pion_lifetime_s * units::s, constants::muon_lifetime_s * units::s);
  // Timing-cut efficiency (COHERENT CsI 2021): 1 before t0, exp(-b (t - t0)) after; bin averages.
  const bool flat = static_cast<bool>(t["efficiency_flat_until_ns"]);
  const bool decay = static_cast<bool>(t["efficiency_decay_per_us"]);
  if (flat != decay)
    r.fail(t, flat ? "timing.efficiency_decay_per_us" : "timing.efficiency_flat_until_ns",
           "missing (the timing efficiency needs both efficiency_flat_until_ns and efficiency_decay_per_us)");
  if (!flat) return;
  const double t0 = r.number(t, "efficiency_flat_until_ns", "timing") * 1e-3;  // us
  const double b = r.number(t, "efficiency_decay_per_us", "timing");
  if (b < 0.0) r.fail(t["efficiency_decay_per_us"], "timing.efficiency_decay_per_us", "must be >= 0");
  // Integral of the efficiency from t0 to u >= t0 (us).
  const auto tail = [&](double u) { return b > 0.0 ? -std::expm1(-b * (u - t0)) / b : u - t0; };
  for (std::size_t i = 0; i + 1 < edges_us.size(); ++i) {
    const double lo = edges_us[i], hi = edges_us[i + 1];
    const double integral =
        (std::min(hi, t0) - std::min(lo, t0)) + tail(std::max(hi, t0)) - tail(std::max(lo, t0));
    x.time_efficiency.push_back(integral / (hi - lo));
  }
}

std::vector<Background> read_background_list(const Reader& r, const YAML::Node& bs, const std::string& where) {
  if (!bs.IsSequence()) r.fail(bs, where, "expected a list");
  std::vector<Background> out;
  for (std::size_t i = 0; i < bs.size(); ++i) {
    const auto b = bs[i];
    const std::string w = where + "[" + std::to_string(i) + "]";
    r.keys(b, w, {"source", "name", "shape", "rate_ckkd", "file", "x_column", "counts_column", "total_counts", "timing",
                  "time_file"});
    Background g;
    g.name = r.get<std::string>(b, "name", w);
    g.shape = r.choose<BackgroundShape>(b, "shape", w, {{"flat", BackgroundShape::flat}, {"table", BackgroundShape::table}});
    if (g.shape == BackgroundShape::flat) {
      g.rate_ckkd = r.number(b, "rate_ckkd", w);
      if (g.rate_ckkd < 0.0) r.fail(b["rate_ckkd"], w + ".rate_ckkd", "must be >= 0");
    } else {
      const auto t = r.table(b, w);
      g.table_x = r.column(t, b, "x_column", 0, w);
      g.table_counts = r.column(t, b, "counts_column", 1, w);
      g.total_counts = r.positive(b, "total_counts", w);
    }
    g.timing = b["timing"] ? r.choose<BackgroundTiming>(b, "timing", w,
                                                        {{"steady", BackgroundTiming::steady},
                                                         {"prompt", BackgroundTiming::prompt},
                                                         {"delayed", BackgroundTiming::delayed},
                                                         {"table", BackgroundTiming::table}})
                           : BackgroundTiming::steady;
    if (g.timing == BackgroundTiming::table) {
      YAML::Node tf;
      tf["file"] = r.get<std::string>(b, "time_file", w);
      const auto t = r.table(tf, w + ".time_file");
      for (std::size_t k = 0; k < t.rows().size(); ++k) {
        g.time_table_us.push_back(t.number(k, 0));
        g.time_table_weight.push_back(t.number(k, 1));
      }
    }
    out.push_back(std::move(g));
  }
  return out;
}

void read_backgrounds(const Reader& r, const YAML::Node& root, Experiment& x) {
  const auto bs = root["backgrounds"];
  if (!bs) return;
  x.backgrounds = read_background_list(r, bs, "backgrounds");
}

std::optional<PublishedNumber> published(const Reader& r, const YAML::Node& p, const std::string& key) {
  if (!p[key + "_counts"]) return std::nullopt;
  PublishedNumber n;
  n.value = r.number(p, key + "_counts", "published");
  n.uncertainty = r.optional(p, key + "_uncertainty_counts", "published", 0.0);
  n.source = r.get<std::string>(p, "source", "published");
  return n;
}

}  // namespace

std::vector<Background> read_backgrounds_yaml(const std::filesystem::path& file, const YAML::Node& list,
                                              const std::string& where) {
  return read_background_list(Reader(file), list, where);
}

Experiment read_experiment(const std::filesystem::path& path) {
  const YAML::Node root = load_yaml_file(path, "experiment");
  const Reader r(path);
  ExperimentEntry h;
  read_header(r, root, h);
  Experiment x;
  x.id = h.id;
  x.name = h.name;
  x.status = h.status;
  x.reference = h.reference;
  const auto t = root["target"];
  r.keys(t, "target", {"source", "material", "mass_kg"});
  try {
    x.material = Material::from_name(default_nuclear_database(), r.get<std::string>(t, "material", "target"));
  } catch (const InputError& e) {
    r.fail(t["material"], "target.material", e.what());
  }
  if (root["detectors"] && t["mass_kg"])
    r.fail(t["mass_kg"], "target.mass_kg", "not with detectors: give each detector its mass_kg");
  if (!root["detectors"]) x.mass_kg = r.positive(t, "mass_kg", "target");
  read_source(r, root, x);
  read_detector(r, root, x);
  read_modules(r, root, x);
  read_timing(r, root, x);
  read_backgrounds(r, root, x);
  if (const auto p = root["published"]) {
    r.keys(p, "published", {"source", "prediction_counts", "prediction_uncertainty_counts", "measured_counts",
                            "measured_uncertainty_counts", "upper_limit_counts", "note"});
    x.published_prediction = published(r, p, "prediction");
    x.measured = published(r, p, "measured");
    x.upper_limit = published(r, p, "upper_limit");
    if (x.measured && x.upper_limit)
      r.fail(p, "published", "give measured_counts or upper_limit_counts, not both");
  }
  x.references = x.fluence.references;
  x.references.insert(x.references.begin(), x.reference);
  return x;
}

std::vector<ExperimentEntry> experiment_catalog() {
  std::vector<ExperimentEntry> out;
  const auto dir = data_directory() / "experiments";
  if (!std::filesystem::is_directory(dir)) throw DataError("experiment catalog not found: " + dir.string());
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    if (f.path().extension() != ".yaml") continue;
    const Reader r(f.path());
    ExperimentEntry e;
    read_header(r, load_yaml_file(f.path(), "experiment"), e);
    e.path = f.path();
    out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

Experiment load_experiment(const std::string& id_or_path) {
  const std::filesystem::path p(id_or_path);
  if (p.extension() == ".yaml" || p.extension() == ".yml" || std::filesystem::is_regular_file(p))
    return read_experiment(p);
  std::vector<std::string> ids;
  for (const auto& e : experiment_catalog()) {
    if (e.id == id_or_path) return read_experiment(e.path);
    ids.push_back(e.id);
  }
  throw InputError("unknown experiment '" + id_or_path + "'" + did_you_mean(id_or_path, ids) +
                   " (see cevns experiments)");
}

}  // namespace cevns::io
