// Bindings of include/cevns/analysis: the likelihood analyses of YAML files (`cevns fit`,
// `cevns toys`, the LikelihoodModel itself). Dicts carry the keys of the commands' --json. The
// release refits and reactor monitoring: bind_release_fit.cpp, bind_reactor_monitor.cpp.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "cevns/analysis/analysis_fit.hpp"
#include "cevns/analysis/likelihood_model.hpp"
#include "cevns/analysis/toy_study.hpp"
#include "cevns/core/error.hpp"
#include "cevns/io/analysis_config_reader.hpp"
#include "cevns/scan/scan_runner.hpp"
#include "common.hpp"

namespace cevns::python {
namespace {

DoubleArray to_array(const std::vector<double>& v) {
  return DoubleArray(static_cast<py::ssize_t>(v.size()), v.data());
}

DoubleArray to_matrix(const std::vector<std::vector<double>>& m) {
  const std::size_t n = m.size();
  DoubleArray out = new_array(n, n);
  auto w = writable(out);
  for (std::size_t i = 0; i < n; ++i) {
    if (m[i].size() != n) throw NumericalError("correlation matrix is not square");
    for (std::size_t j = 0; j < n; ++j) w[i * n + j] = m[i][j];
  }
  return out;
}

const char* sidedness_name(analysis::TestSidedness s) {
  return s == analysis::TestSidedness::one_sided ? "one-sided" : "two-sided";
}

// One dict per element, in order: the lists of the commands' --json.
template <class T>
py::list dicts(const std::vector<T>& items, py::dict (*convert)(const std::type_identity_t<T>&)) {
  py::list out;
  for (const auto& x : items) out.append(convert(x));
  return out;
}

// Shared: the toy job keeps the model.
std::shared_ptr<const analysis::LikelihoodModel> make_model(const analysis::AnalysisConfig& config) {
  return std::make_shared<const analysis::LikelihoodModel>(config);
}

// ---- cevns fit -------------------------------------------------------------------------------

py::dict to_dict(const analysis::ParameterEstimate& p) {
  py::dict d;
  d["name"] = p.name;
  d["interest"] = p.interest;
  d["value"] = p.value;
  d["error"] = p.error;
  d["min"] = p.lower;
  d["max"] = p.upper;
  d["at_bound"] = p.at_bound;
  return d;
}

py::dict to_dict(const analysis::HypothesisTest& t) {
  py::dict d;
  d["parameter"] = t.parameter;
  d["null_value"] = t.null_value;
  d["test"] = sidedness_name(t.sidedness);
  d["best"] = t.best;
  d["q"] = t.q;
  d["p_value"] = t.p_value;
  d["significance_sigma"] = t.significance_sigma;
  d["conditional_minus_two_lnl"] = t.conditional_minus_two_lnl;
  return d;
}

py::dict to_dict(const analysis::ProfileScanResult& c) {
  py::dict interval;
  interval["lower"] = c.lower;
  interval["upper"] = c.upper;
  interval["lower_open"] = c.lower_open;
  interval["upper_open"] = c.upper_open;
  py::dict d;
  d["parameter"] = c.parameter;
  d["values"] = to_array(c.values);
  d["delta_chi2"] = to_array(c.delta_chi2);
  d["best"] = c.best;
  d["level"] = c.level;
  d["interval_68"] = interval;
  return d;
}

py::dict to_dict(const analysis::ExperimentFit& e) {
  py::dict backgrounds;
  for (std::size_t k = 0; k < e.background_names.size(); ++k)
    backgrounds[py::str(e.background_names[k])] = e.background_components[k];
  py::dict d;
  d["id"] = e.id;
  d["bins"] = e.bins;
  d["observed_counts"] = e.observed;
  d["signal_counts"] = e.signal;
  d["background_counts"] = e.background;
  d["background_components"] = backgrounds;
  return d;
}

py::dict analysis_fit(const std::string& file) {
  std::shared_ptr<const analysis::LikelihoodModel> model;
  analysis::FitSummary s;
  {
    py::gil_scoped_release release;
    model = make_model(io::read_analysis_config(file));
    s = analysis::run_fit(*model);
  }
  std::vector<std::string> names;
  for (const auto& p : s.parameters) names.push_back(p.name);
  py::dict correlation;
  correlation["names"] = names;
  correlation["matrix"] = to_matrix(s.correlation);
  py::dict out;
  out["file"] = file;
  out["bins"] = s.bins;
  out["minus_two_lnl"] = s.minus_two_lnl;
  out["covariance_ok"] = s.covariance_ok;
  out["evaluations"] = s.evaluations;
  out["parameters"] = dicts(s.parameters, to_dict);
  out["correlation"] = correlation;
  out["tests"] = dicts(s.tests, to_dict);
  out["scans"] = dicts(s.scans, to_dict);
  out["experiments"] = dicts(s.experiments, to_dict);
  out["fit_seed"] = model->config().fit.seed;
  return out;
}

// ---- cevns toys ------------------------------------------------------------------------------

py::dict to_dict(const analysis::ToyParameterSummary& p) {
  py::dict d;
  d["name"] = p.name;
  d["truth"] = p.truth;
  d["toys"] = p.toys;
  d["mean"] = p.mean;
  d["standard_deviation"] = p.standard_deviation;
  d["mean_error"] = p.mean_error;
  d["pull_mean"] = p.pull_mean;
  d["pull_mean_error"] = p.pull_mean_error;
  d["pull_width"] = p.pull_width;
  d["pull_width_error"] = p.pull_width_error;
  d["coverage"] = p.coverage;
  d["coverage_error"] = p.coverage_error;
  d["hessian_coverage"] = p.hessian_coverage;
  return d;
}

py::dict toys(const std::string& file, std::optional<std::size_t> count, std::optional<std::uint64_t> seed,
              unsigned threads) {
  std::shared_ptr<const analysis::LikelihoodModel> model;
  std::vector<std::string> value_names;
  scan::ScanResults results;
  analysis::ToySummary summary;
  double seconds = 0.0;
  std::uint64_t toy_seed = 0;
  {
    py::gil_scoped_release release;
    auto config = io::read_analysis_config(file);
    if (count) {
      if (*count == 0) throw InputError("count must be >= 1");
      config.toys.count = *count;
    }
    if (seed) config.toys.seed = *seed;
    toy_seed = config.toys.seed;
    model = make_model(config);
    const auto job = analysis::make_toy_job(model, config.toys.count, config.toys.seed);
    value_names = job.value_names;
    scan::RunOptions run;  // no checkpoint: in memory
    run.threads = threads;
    const auto start = std::chrono::steady_clock::now();
    results = scan::run_scan(job, run);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    summary = analysis::summarise_toys(*model, toy_seed, results);
  }
  // Per-toy columns: index, valid, then the job's values (NaN where a toy is invalid: see `valid`).
  const std::size_t n = summary.toys;
  py::array_t<std::int64_t> index(static_cast<py::ssize_t>(n));
  py::array_t<bool> valid(static_cast<py::ssize_t>(n));
  std::vector<DoubleArray> columns;
  std::vector<std::span<double>> w;
  for (std::size_t k = 0; k < value_names.size(); ++k) {
    columns.push_back(new_array(n));
    w.push_back(writable(columns.back()));
  }
  py::list messages;
  auto idx = index.mutable_unchecked<1>();
  auto ok = valid.mutable_unchecked<1>();
  for (std::size_t i = 0; i < n; ++i) {
    idx(static_cast<py::ssize_t>(i)) = static_cast<std::int64_t>(i);
    const bool good = results.valid(i);
    ok(static_cast<py::ssize_t>(i)) = good;
    const auto values = results.values(i);
    for (std::size_t k = 0; k < w.size(); ++k) w[k][i] = good ? values[k] : std::numeric_limits<double>::quiet_NaN();
    messages.append(good ? std::string() : (results.has(i) ? results.message(i) : std::string("not evaluated")));
  }
  py::dict table;
  table["toy"] = index;
  table["valid"] = valid;
  for (std::size_t k = 0; k < columns.size(); ++k) table[py::str(value_names[k])] = columns[k];
  table["message"] = messages;

  py::dict out;
  out["file"] = file;
  out["toys"] = summary.toys;
  out["invalid_toys"] = summary.invalid;
  out["seed"] = summary.seed;
  out["resumed_toys"] = 0;
  out["evaluated_toys"] = summary.toys;
  out["nominal_coverage"] = summary.nominal_coverage;
  out["parameters"] = dicts(summary.parameters, to_dict);
  out["threads"] = threads ? threads : scan::default_thread_count();
  out["mpi_ranks"] = 1;
  out["seconds"] = seconds;
  out["table"] = table;
  return out;
}

// ---- the likelihood itself -------------------------------------------------------------------

struct Likelihood {
  std::shared_ptr<const analysis::LikelihoodModel> model;
  std::string file;
};

Likelihood load_likelihood(const std::string& file) {
  py::gil_scoped_release release;
  return {make_model(io::read_analysis_config(file)), file};
}

// Values as rows of parameters: a 1-D array is one point, a 2-D array (points x parameters) many.
struct Points {
  const double* data = nullptr;
  std::size_t rows = 0;
  bool single = true;
};

Points points_of(const DoubleArray& values, std::size_t parameters) {
  Points p;
  p.data = values.data();
  if (values.ndim() == 1) {
    p.rows = 1;
    if (static_cast<std::size_t>(values.shape(0)) != parameters)
      throw InputError("values need one number per free parameter (" + std::to_string(parameters) + "), got " +
                       std::to_string(values.shape(0)));
  } else if (values.ndim() == 2) {
    p.single = false;
    p.rows = static_cast<std::size_t>(values.shape(0));
    if (static_cast<std::size_t>(values.shape(1)) != parameters)
      throw InputError("values need one column per free parameter (" + std::to_string(parameters) + "), got " +
                       std::to_string(values.shape(1)));
  } else {
    throw InputError("values must be a one- or two-dimensional array (points x parameters)");
  }
  for (std::size_t i = 0; i < p.rows * parameters; ++i)
    if (!std::isfinite(p.data[i])) throw InputError("values must be finite numbers");
  return p;
}

DoubleArray expected(const Likelihood& l, const DoubleArray& values) {
  const std::size_t np = l.model->parameter_names().size(), bins = l.model->bins();
  const Points p = points_of(values, np);
  DoubleArray out = p.single ? new_array(bins) : new_array(p.rows, bins);
  auto w = writable(out);
  {
    py::gil_scoped_release release;
    for (std::size_t r = 0; r < p.rows; ++r)
      l.model->expected(std::span<const double>(p.data + r * np, np), w.subspan(r * bins, bins));
  }
  return out;
}

py::object minus_two_lnl(const Likelihood& l, const DoubleArray& values, bool gradient) {
  const std::size_t np = l.model->parameter_names().size();
  const Points p = points_of(values, np);
  DoubleArray value = new_array(p.rows);
  DoubleArray grad = p.single ? new_array(gradient ? np : 0) : new_array(p.rows, gradient ? np : 0);
  auto v = writable(value);
  auto g = writable(grad);
  {
    py::gil_scoped_release release;
    for (std::size_t r = 0; r < p.rows; ++r) {
      const std::span<const double> x(p.data + r * np, np);
      v[r] = gradient ? l.model->minus_two_lnl(l.model->likelihood(), x, g.subspan(r * np, np))
                      : l.model->likelihood()(x);
    }
  }
  py::object scalar_or_array = p.single ? py::object(py::float_(v[0])) : py::object(value);
  if (!gradient) return scalar_or_array;
  return py::make_tuple(scalar_or_array, grad);
}

py::dict to_dict(const analysis::ExperimentBlock& e) {
  py::dict d;
  d["id"] = e.id;
  d["offset"] = e.offset;
  d["bins"] = e.bins();
  d["energy_bins"] = e.energy_bins;
  d["time_bins"] = e.time_bins;
  d["backgrounds"] = e.backgrounds;
  return d;
}

py::list experiment_blocks(const Likelihood& l) { return dicts(l.model->experiments(), to_dict); }

std::vector<double> bound_values(const Likelihood& l, bool upper) {
  std::vector<double> out;
  for (const auto& p : l.model->likelihood().parameters()) out.push_back(upper ? p.upper : p.lower);
  return out;
}

}  // namespace

void bind_analysis(py::module_& m) {
  m.def("analysis_fit", &analysis_fit, py::arg("file"), "The fit of an analysis file, as `cevns fit FILE --json`.");
  m.def("toys", &toys, py::arg("file"), py::arg("count"), py::arg("seed"), py::arg("threads"),
        "Pseudo-experiments of an analysis file in memory, as `cevns toys FILE --json`, with per-toy columns.");
  py::class_<Likelihood>(m, "Likelihood", "The binned likelihood of an analysis file (analysis/likelihood_model.hpp).")
      .def_readonly("file", &Likelihood::file)
      .def_property_readonly("parameters", [](const Likelihood& l) { return l.model->parameter_names(); })
      .def_property_readonly("observed", [](const Likelihood& l) { return to_array(l.model->likelihood().observed()); })
      .def_property_readonly("truth", [](const Likelihood& l) { return to_array(l.model->truth()); })
      .def_property_readonly("initial",
                             [](const Likelihood& l) { return to_array(l.model->likelihood().initial_values()); })
      .def_property_readonly("lower", [](const Likelihood& l) { return to_array(bound_values(l, false)); })
      .def_property_readonly("upper", [](const Likelihood& l) { return to_array(bound_values(l, true)); })
      .def_property_readonly("interest", [](const Likelihood& l) { return l.model->interest_indices(); })
      .def_property_readonly("bins", [](const Likelihood& l) { return l.model->bins(); })
      .def_property_readonly("experiments", &experiment_blocks)
      .def("expected", &expected, py::arg("values"))
      .def("minus_two_lnl", &minus_two_lnl, py::arg("values"), py::arg("gradient") = false);
  m.def("likelihood", &load_likelihood, py::arg("file"));
}

}  // namespace cevns::python
