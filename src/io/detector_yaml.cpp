#include "detector_yaml.hpp"

#include "cevns/core/error.hpp"
#include "cevns/io/nuclear_data_reader.hpp"

namespace cevns::io {
namespace {

Quenching read_quenching(const CatalogReader& r, const YAML::Node& q, const Material& m, const std::string& w) {
  r.keys(q, w,
         {"source", "model", "factor", "k", "atomic_number", "coefficients_MeVee", "a", "b_per_keVnr", "file",
          "recoil_column", "factor_column"});
  const auto model = r.choose<QuenchingModel>(q, "model", w,
                                              {{"none", QuenchingModel::none},
                                               {"constant", QuenchingModel::constant},
                                               {"lindhard", QuenchingModel::lindhard},
                                               {"polynomial", QuenchingModel::polynomial},
                                               {"linear", QuenchingModel::linear},
                                               {"table", QuenchingModel::table}});
  r.model_keys(q, w, {{"constant", {"factor"}},
                      {"lindhard", {"k", "atomic_number"}},
                      {"polynomial", {"coefficients_MeVee"}},
                      {"linear", {"a", "b_per_keVnr"}},
                      {"table", {"file", "recoil_column", "factor_column"}}});
  switch (model) {
    case QuenchingModel::none:
      return {};
    case QuenchingModel::constant:
      return Quenching::constant(r.positive(q, "factor", w));
    case QuenchingModel::lindhard: {
      // Default Z: the heaviest-abundance element is ambiguous for compounds; ask for it there.
      double z = 0.0;
      if (q["atomic_number"])
        z = r.positive(q, "atomic_number", w);
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
    case QuenchingModel::linear:
      return Quenching::linear(r.number(q, "a", w), r.number(q, "b_per_keVnr", w));
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
void read_resolution(const CatalogReader& r, const YAML::Node& rs, DetectorResponse& d, const std::string& wr,
                     bool offset_given) {
  r.keys(rs, wr,
         {"source", "model", "a_sqrt_keV", "b_keV", "sigma0_keV", "fano_factor", "pair_energy_eV", "shape_per_keVee",
          "file", "mean_column", "sigma_column"});
  d.resolution = Resolution{};
  d.resolution.model = r.choose<ResolutionModel>(rs, "model", wr,
                                                 {{"none", ResolutionModel::none},
                                                  {"sqrt", ResolutionModel::sqrt},
                                                  {"fano", ResolutionModel::fano},
                                                  {"gamma", ResolutionModel::gamma},
                                                  {"table", ResolutionModel::table}});
  r.model_keys(rs, wr, {{"sqrt", {"a_sqrt_keV", "b_keV", "sigma0_keV"}},
                        {"fano", {"fano_factor", "pair_energy_eV", "sigma0_keV"}},
                        {"gamma", {"shape_per_keVee"}},
                        {"table", {"file", "mean_column", "sigma_column"}}});
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
  if (d.resolution.model == ResolutionModel::gamma)
    d.resolution.gamma_shape_per_keVee = r.number(rs, "shape_per_keVee", wr);
  // Unless told otherwise, the efficiency is read at a continuous reconstructed PE itself (gamma)
  // and at n + 0.5 for a Poisson count (a detector overriding the experiment's model resets it).
  if (!offset_given) d.pe_efficiency_offset = d.resolution.model == ResolutionModel::gamma ? 0.0 : 0.5;
}

void read_efficiency(const CatalogReader& r, const YAML::Node& ef, DetectorResponse& d, const std::string& we) {
  r.keys(ef, we,
         {"source", "model", "a", "k", "x0", "d", "zero_below", "half_below", "file", "x_column", "efficiency_column"});
  const auto model = r.choose<EfficiencyModel>(
      ef, "model", we,
      {{"none", EfficiencyModel::none}, {"logistic", EfficiencyModel::logistic}, {"table", EfficiencyModel::table}});
  d.efficiency = Efficiency{};
  r.model_keys(ef, we, {{"logistic", {"a", "k", "x0", "d", "zero_below", "half_below"}},
                        {"table", {"file", "x_column", "efficiency_column"}}});
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

void validate_response(const CatalogReader& r, const YAML::Node& at, const DetectorResponse& d,
                       const std::string& where) {
  try {
    d.validate();
  } catch (const InputError& e) {
    r.fail(at, where, e.what());
  }
}

}  // namespace

void read_detector(const CatalogReader& r, const YAML::Node& root, Experiment& x) {
  auto& d = x.response;
  if (root["quenching"]) d.quenching = read_quenching(r, root["quenching"], *x.material, "quenching");
  const auto ob = root["observable"];
  if (!ob) r.fail(root, "observable", "missing");
  const std::string w = "observable";
  r.keys(ob, w,
         {"source", "quantity", "light_yield_pe_per_keVee", "bin_edges_keVnr", "bin_edges_keVee", "bin_edges_pe",
          "threshold_keVnr", "threshold_keVee", "threshold_pe", "pe_efficiency_offset"});
  d.observable = r.choose<Observable>(
      ob, "quantity", w, {{"keVnr", Observable::keVnr}, {"keVee", Observable::keVee}, {"pe", Observable::pe}});
  const std::string q = to_string(d.observable);
  for (const auto& other : {"keVnr", "keVee", "pe"})
    if (q != other && (ob[std::string("bin_edges_") + other] || ob[std::string("threshold_") + other]))
      r.fail(ob, w, std::string("unit '") + other + "' does not match quantity '" + q + "'");
  d.bin_edges = r.edges(ob, "bin_edges_" + q, w);
  d.threshold = r.optional(ob, "threshold_" + q, w, 0.0);
  d.pe_efficiency_offset = r.optional(ob, "pe_efficiency_offset", w, 0.5);
  if (d.observable == Observable::pe) d.light_yield_pe_per_keVee = r.positive(ob, "light_yield_pe_per_keVee", w);
  if (const auto rs = root["resolution"])
    read_resolution(r, rs, d, "resolution", static_cast<bool>(ob["pe_efficiency_offset"]));
  if (const auto ef = root["efficiency"]) read_efficiency(r, ef, d, "efficiency");
  validate_response(r, ob, d, w);
}

// detectors: several detectors binned alike, each inheriting the top-level target material,
// quenching, threshold, resolution and efficiency unless it gives its own.
void read_modules(const CatalogReader& r, const YAML::Node& root, Experiment& x) {
  const auto list = root["detectors"];
  if (!list) return;
  if (!list.IsSequence() || list.size() == 0) r.fail(list, "detectors", "expected a non-empty list");
  const std::string q = to_string(x.response.observable);
  const bool offset_given = static_cast<bool>(root["observable"]["pe_efficiency_offset"]);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto n = list[i];
    const std::string w = "detectors[" + std::to_string(i) + "]";
    r.keys(n, w,
           {"source", "name", "material", "mass_kg", "threshold_keVnr", "threshold_keVee", "threshold_pe", "quenching",
            "resolution", "efficiency"});
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
    // Lindhard's default Z came from target.material: a detector of another material must say its own.
    const auto top_q = root["quenching"];
    if (n["material"] && !n["quenching"] && top_q && top_q["model"] && top_q["model"].as<std::string>() == "lindhard" &&
        !top_q["atomic_number"] && m.material.name() != x.material->name())
      r.fail(n["material"], w + ".quenching",
             "missing: the inherited Lindhard quenching takes Z from target.material; give this detector its own");
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

}  // namespace cevns::io
