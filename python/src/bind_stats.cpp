// Bindings of include/cevns/stats: ON/OFF counting, Tikhonov unfolding (generic and the reactor
// scenarios of `cevns unfold`), and the binned Poisson fit of a Python model.
#include <cmath>
#include <exception>
#include <mutex>
#include <string>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/nuclear_data_reader.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/stats/binned_likelihood.hpp"
#include "cevns/stats/fit.hpp"
#include "cevns/stats/on_off.hpp"
#include "cevns/stats/reactor_unfolding.hpp"
#include "cevns/stats/unfolding.hpp"
#include "common.hpp"

namespace cevns::python {
namespace {

// ON/OFF analysis element by element (the Python layer broadcasts the inputs to one length).
py::dict significance(const DoubleArray& on, const DoubleArray& on_exposure, const DoubleArray& off,
                      const DoubleArray& off_exposure, double cl) {
  const auto a = view(on, "on"), b = view(on_exposure, "on_exposure"), c = view(off, "off"),
             d = view(off_exposure, "off_exposure");
  const std::size_t n = a.size();
  if (b.size() != n || c.size() != n || d.size() != n) throw InputError("significance: inputs differ in length");
  const char* names[] = {"alpha", "background_on", "excess", "excess_error", "profile_likelihood",
                         "li_ma_17", "simple", "lower", "upper"};
  std::vector<DoubleArray> columns;
  std::vector<std::span<double>> w;
  for (std::size_t k = 0; k < std::size(names); ++k) {
    columns.push_back(new_array(n));
    w.push_back(writable(columns.back()));
  }
  {
    py::gil_scoped_release release;
    for (std::size_t i = 0; i < n; ++i) {
      const auto r = stats::analyse_on_off({a[i], b[i], c[i], d[i]}, cl);
      const double row[] = {r.alpha, r.background_on, r.excess, r.excess_error, r.significance_profile,
                            r.significance_li_ma, r.significance_simple, r.interval.lower, r.interval.upper};
      for (std::size_t k = 0; k < std::size(names); ++k) w[k][i] = row[k];
    }
  }
  py::dict out;
  for (std::size_t k = 0; k < std::size(names); ++k) out[names[k]] = columns[k];
  return out;
}

Eigen::VectorXd to_vector(const DoubleArray& a, const char* name) {
  const auto v = view(a, name);
  Eigen::VectorXd out(static_cast<Eigen::Index>(v.size()));
  for (std::size_t i = 0; i < v.size(); ++i) out(static_cast<Eigen::Index>(i)) = v[i];
  return out;
}

DoubleArray from_vector(const Eigen::VectorXd& v) {
  DoubleArray out = new_array(static_cast<std::size_t>(v.size()));
  auto w = writable(out);
  for (Eigen::Index i = 0; i < v.size(); ++i) w[static_cast<std::size_t>(i)] = v(i);
  return out;
}

DoubleArray from_matrix(const Eigen::MatrixXd& m) {
  DoubleArray out = new_array(static_cast<std::size_t>(m.rows()), static_cast<std::size_t>(m.cols()));
  auto w = writable(out);
  for (Eigen::Index i = 0; i < m.rows(); ++i)
    for (Eigen::Index j = 0; j < m.cols(); ++j) w[static_cast<std::size_t>(i * m.cols() + j)] = m(i, j);
  return out;
}

py::dict solution(const stats::UnfoldingResult& u) {
  Eigen::VectorXd error(u.flux.size());
  for (Eigen::Index i = 0; i < u.flux.size(); ++i) error(i) = std::sqrt(std::max(u.covariance(i, i), 0.0));
  py::dict d;
  d["beta"] = u.beta;
  d["flux"] = from_vector(u.flux);
  d["error"] = from_vector(error);
  d["covariance"] = from_matrix(u.covariance);
  d["bias_estimate"] = from_vector(u.bias);
  d["bias_covariance"] = from_matrix(u.bias_covariance);
  d["bias_statistic_B"] = u.bias_statistic;
  d["chi2"] = u.chi2;
  d["positive"] = u.positive;
  return d;
}

py::dict tikhonov(const py::array_t<double, py::array::c_style | py::array::forcecast>& response,
                  const DoubleArray& observed, const DoubleArray& background, double beta) {
  if (response.ndim() != 2) throw InputError("response must be a two-dimensional array (observed bins x true bins)");
  const auto rows = response.shape(0), cols = response.shape(1);
  Eigen::MatrixXd R(rows, cols);
  for (py::ssize_t i = 0; i < rows; ++i)
    for (py::ssize_t j = 0; j < cols; ++j) R(i, j) = response.data()[i * cols + j];
  const Eigen::VectorXd n = to_vector(observed, "observed"), h = to_vector(background, "background");
  if (n.size() != rows || h.size() != rows)
    throw InputError("observed and background need one value per row of the response (" + std::to_string(rows) + ")");
  if (!(beta >= 0.0) || !std::isfinite(beta)) throw InputError("beta must be a non-negative number");
  stats::UnfoldingResult u;
  {
    py::gil_scoped_release release;
    u = stats::tikhonov_unfold(R, n, h, beta);
  }
  return solution(u);
}

py::dict reactor_unfold(int scenario, const std::string& target, bool asimov, std::uint64_t seed, double beta) {
  stats::ReactorUnfoldingResult r;
  stats::UnfoldingScenario sc;
  std::string target_name;
  {
    py::gil_scoped_release release;
    sc = stats::nucleus_scenario(scenario);
    const Material material = Material::from_name(io::default_nuclear_database(), target);
    target_name = material.name();
    stats::ReactorUnfoldingOptions options;
    options.asimov = asimov;
    options.seed = seed;
    options.fixed_beta = beta;
    r = stats::unfold_reactor_scenario(sc, material, io::default_reactor_model(), options);
  }
  // Natural units -> the units in the names (flux per fission per MeV is per-MeV already).
  std::vector<double> edges, recoil;
  for (double e : r.energy_edges) edges.push_back(e / units::MeV);
  for (double t : r.recoil_edges) recoil.push_back(t / units::keV);
  py::dict s;
  s["id"] = sc.id;
  s["exposure_kg_yr"] = sc.exposure_kg_yr;
  s["background_per_keV_kg_day"] = sc.background_per_keV_kg_day;
  s["threshold_eV"] = sc.threshold / units::eV;
  s["target"] = target_name;
  s["pseudo_data"] = asimov ? std::string("asimov") : "poisson toy, seed " + std::to_string(seed);
  auto low = [](const stats::LowEnergySummary& l) {
    py::dict d;
    d["unfolded_per_fission"] = l.unfolded;
    d["error_per_fission"] = l.error;
    d["upper_90_per_fission"] = l.upper_90;
    d["truth_per_fission"] = l.truth;
    d["truth_no_capture_per_fission"] = l.truth_no_capture;
    return d;
  };
  py::dict out;
  out["scenario"] = s;
  out["energy_edges_MeV"] = DoubleArray(static_cast<py::ssize_t>(edges.size()), edges.data());
  out["recoil_edges_keV"] = DoubleArray(static_cast<py::ssize_t>(recoil.size()), recoil.data());
  out["observed_counts"] = from_vector(r.observed);
  out["background_counts"] = from_vector(r.background);
  out["true_flux_per_fission_MeV"] = from_vector(r.truth);
  out["true_flux_no_capture_per_fission_MeV"] = from_vector(r.truth_no_capture);
  out["response"] = from_matrix(r.response);
  out["smallest_positive_beta"] = solution(r.chosen);
  out["fixed_beta"] = solution(r.at_fixed);
  out["naive"] = solution(r.naive);
  py::dict below;
  below["smallest_positive_beta"] = low(r.low_chosen);
  below["fixed_beta"] = low(r.low_fixed);
  out["below_1p8_MeV"] = below;
  py::dict capture;
  capture["smallest_positive_beta"] = r.capture_separation_chosen;
  capture["fixed_beta"] = r.capture_separation_fixed;
  out["capture_separation_sigma"] = capture;
  return out;
}

stats::Constraint parse_constraint(const std::string& name) {
  if (name == "none") return stats::Constraint::none;
  if (name == "gaussian") return stats::Constraint::gaussian;
  if (name == "log_normal" || name == "log-normal") return stats::Constraint::log_normal;
  throw InputError("unknown constraint '" + name + "' (use none, gaussian or log_normal)");
}

// A Python model inside the C++ fit: every call takes the GIL; the first Python error is kept and
// rethrown after the minimiser returns (NLopt turns exceptions into a generic failure).
py::dict fit(const py::function& model, const DoubleArray& observed, const std::vector<std::string>& names,
             const std::vector<double>& initial, const std::vector<double>& lower, const std::vector<double>& upper,
             const std::vector<std::string>& constraints, const std::vector<double>& centers,
             const std::vector<double>& widths, int starts, const std::string& algorithm, bool covariance) {
  const std::size_t np = names.size();
  if (initial.size() != np || lower.size() != np || upper.size() != np || constraints.size() != np ||
      centers.size() != np || widths.size() != np)
    throw InputError("fit: every parameter needs name, initial, lower, upper, constraint, center and width");
  std::vector<stats::Parameter> parameters;
  for (std::size_t k = 0; k < np; ++k)
    parameters.push_back({names[k], initial[k], lower[k], upper[k], parse_constraint(constraints[k]), centers[k], widths[k]});
  const auto data = view(observed, "observed");
  const std::size_t bins = data.size();
  stats::FitOptions options;
  options.starts = starts;
  options.covariance = covariance;
  if (algorithm == "bobyqa") options.algorithm = stats::Algorithm::bobyqa;
  else if (algorithm == "sbplx") options.algorithm = stats::Algorithm::sbplx;
  else throw InputError("unknown fit algorithm '" + algorithm + "' (use bobyqa or sbplx)");

  std::exception_ptr python_error;
  std::mutex error_mutex;
  stats::BinnedModel wrapped = [&](std::span<const double> values) -> std::vector<double> {
    {
      std::lock_guard lock(error_mutex);
      if (python_error) throw NumericalError("fit: stopped after an error in the model");
    }
    py::gil_scoped_acquire acquire;
    try {
      DoubleArray x(static_cast<py::ssize_t>(values.size()), values.data());
      const DoubleArray mu = DoubleArray::ensure(model(x));
      if (!mu || mu.ndim() != 1 || static_cast<std::size_t>(mu.shape(0)) != bins)
        throw InputError("fit: the model must return a one-dimensional array of " + std::to_string(bins) +
                         " expected counts");
      return {mu.data(), mu.data() + bins};
    } catch (...) {
      std::lock_guard lock(error_mutex);
      if (!python_error) python_error = std::current_exception();
      throw;
    }
  };
  std::vector<double> expected_at_minimum;
  stats::FitResult r;
  std::vector<double> data_copy(data.begin(), data.end());
  {
    py::gil_scoped_release release;
    try {
      const stats::BinnedLikelihood likelihood(wrapped, parameters, std::move(data_copy));
      r = stats::minimize(likelihood, options);
      expected_at_minimum = likelihood.expected(r.values);
    } catch (...) {
      if (!python_error) throw;
    }
  }
  if (python_error) std::rethrow_exception(python_error);
  const auto n = static_cast<std::size_t>(r.covariance.rows());
  DoubleArray cov = new_array(n, n);
  auto cw = writable(cov);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      cw[i * n + j] = r.covariance(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
  py::dict out;
  out["names"] = names;
  out["values"] = DoubleArray(static_cast<py::ssize_t>(r.values.size()), r.values.data());
  out["errors"] = DoubleArray(static_cast<py::ssize_t>(r.errors.size()), r.errors.data());
  out["covariance"] = cov;
  out["covariance_ok"] = r.covariance_ok;
  out["minimum"] = r.minimum;
  out["evaluations"] = r.evaluations;
  out["expected"] = DoubleArray(static_cast<py::ssize_t>(expected_at_minimum.size()), expected_at_minimum.data());
  return out;
}

}  // namespace

void bind_stats(py::module_& m) {
  m.def("significance", &significance, py::arg("on"), py::arg("on_exposure"), py::arg("off"),
        py::arg("off_exposure"), py::arg("cl"), "ON/OFF analysis per element (stats/on_off.hpp).");
  m.def("tikhonov_unfold", &tikhonov, py::arg("response"), py::arg("observed"), py::arg("background"),
        py::arg("beta"), "Tikhonov unfolding with second-difference regularisation (stats/unfolding.hpp).");
  m.def("reactor_unfold", &reactor_unfold, py::arg("scenario"), py::arg("target"), py::arg("asimov"),
        py::arg("seed"), py::arg("beta"), "The reactor-flux unfolding of `cevns unfold`.");
  m.def("fit", &fit, py::arg("model"), py::arg("observed"), py::arg("names"), py::arg("initial"),
        py::arg("lower"), py::arg("upper"), py::arg("constraints"), py::arg("centers"), py::arg("widths"),
        py::arg("starts"), py::arg("algorithm"), py::arg("covariance"),
        "Binned Poisson fit of a Python model (stats/binned_likelihood.hpp, stats/fit.hpp).");
}

}  // namespace cevns::python
