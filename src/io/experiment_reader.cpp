#include "cevns/io/experiment_reader.hpp"

#include "catalog_reader.hpp"
#include "detector_yaml.hpp"
#include "experiment_yaml.hpp"

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

// A function-local static: the catalog may be read during another file's static initialisation
// (test and benchmark registration).
const std::vector<std::string>& top_keys() {
  static const std::vector<std::string> keys{"id",          "name",       "status",     "reference", "target",
                                             "neutrino_source", "exposure", "quenching", "observable",
                                             "resolution",  "efficiency", "timing",     "backgrounds", "published",
                                             "notes",       "detectors"};
  return keys;
}

void read_header(const CatalogReader& r, const YAML::Node& root, ExperimentEntry& e) {
  r.keys(root, "experiment", top_keys(), false);
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
      const bool own = n.IsMap() && n["material"] && n["material"].IsScalar();
      const auto m = own ? n["material"].as<std::string>() : e.target;
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

void read_source(const CatalogReader& r, const YAML::Node& root, Experiment& x) {
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

void read_timing(const CatalogReader& r, const YAML::Node& root, Experiment& x) {
  const auto t = root["timing"];
  if (!t) {
    x.pulsed = false;  // time-integrated prediction
    return;
  }
  r.keys(t, "timing", {"source", "time_edges_us", "pulse_mean_ns", "pulse_sigma_ns", "efficiency_flat_until_ns",
                       "efficiency_decay_per_us"});
  if (!x.pulsed) r.fail(t, "timing", "a time axis needs a pi-DAR source");
  const auto edges_us = r.edges(t, "time_edges_us", "timing", false);
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

std::vector<Background> read_background_list(const CatalogReader& r, const YAML::Node& bs, const std::string& where) {
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

void read_backgrounds(const CatalogReader& r, const YAML::Node& root, Experiment& x) {
  const auto bs = root["backgrounds"];
  if (!bs) return;
  x.backgrounds = read_background_list(r, bs, "backgrounds");
}

std::optional<PublishedNumber> published(const CatalogReader& r, const YAML::Node& p, const std::string& key) {
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
  return read_background_list(CatalogReader(file), list, where);
}

namespace {
Experiment read_experiment_body(const std::filesystem::path& path);
}  // namespace

Experiment read_experiment(const std::filesystem::path& path) {
  return with_yaml_errors(path.string(), [&] { return read_experiment_body(path); });
}

namespace {
Experiment read_experiment_body(const std::filesystem::path& path) {
  const YAML::Node root = load_yaml_file(path, "experiment");
  const CatalogReader r(path);
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
    if (p["note"]) x.published_note = r.get<std::string>(p, "note", "published");
    if (x.measured && x.upper_limit)
      r.fail(p, "published", "give measured_counts or upper_limit_counts, not both");
  }
  x.references = x.fluence.references;
  x.references.insert(x.references.begin(), x.reference);
  return x;
}
}  // namespace

std::vector<ExperimentEntry> experiment_catalog() {
  std::vector<ExperimentEntry> out;
  const auto dir = data_directory() / "experiments";
  if (!std::filesystem::is_directory(dir)) throw DataError("experiment catalog not found: " + dir.string());
  for (const auto& f : std::filesystem::directory_iterator(dir)) {
    if (f.path().extension() != ".yaml") continue;
    const CatalogReader r(f.path());
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
  // Catalog files are named after their id: read that one file (no scan of the whole catalog),
  // unless its id differs.
  const auto named = data_directory() / "experiments" / (id_or_path + ".yaml");
  if (id_or_path.find('/') == std::string::npos && std::filesystem::is_regular_file(named)) {
    Experiment x = read_experiment(named);
    if (x.id == id_or_path) return x;
  }
  std::vector<std::string> ids;
  for (const auto& e : experiment_catalog()) {
    if (e.id == id_or_path) return read_experiment(e.path);
    ids.push_back(e.id);
  }
  throw InputError("unknown experiment '" + id_or_path + "'" + did_you_mean(id_or_path, ids) +
                   " (see cevns experiments)");
}

}  // namespace cevns::io
