// Bindings of include/cevns/scan: a scan file (or its text) run on threads, its columns returned
// as numpy arrays by name, and the registry of scan quantities.
#include <limits>
#include <map>
#include <optional>
#include <string>

#include "cevns/io/scan_config_reader.hpp"
#include "cevns/scan/scan_config.hpp"
#include "cevns/scan/scan_runner.hpp"
#include "common.hpp"

namespace cevns::python {
namespace {

py::dict run_scan(const std::string& text, const std::string& name, bool is_file, unsigned threads) {
  scan::ScanConfig config;
  std::optional<scan::ScanJob> built;
  scan::ScanResults results;
  {
    py::gil_scoped_release release;
    config = is_file ? io::read_scan_config(text) : io::read_scan_config_text(text, name);
    built = scan::make_scan_job(config);
    scan::RunOptions run;  // no checkpoint: the results come back in memory
    run.threads = threads;
    results = scan::run_scan(*built, run);
  }
  const scan::ScanJob& job = *built;
  const std::size_t n = job.space.size();
  const auto& axes = job.space.axes();
  std::vector<DoubleArray> axis_columns, value_columns;
  for (std::size_t a = 0; a < axes.size(); ++a) axis_columns.push_back(new_array(n));
  for (std::size_t v = 0; v < job.value_names.size(); ++v) value_columns.push_back(new_array(n));
  py::array_t<bool> valid(static_cast<py::ssize_t>(n));
  auto valid_view = valid.mutable_unchecked<1>();
  py::list messages;
  for (std::size_t i = 0; i < n; ++i) {
    const auto point = job.space.point(i);
    for (std::size_t a = 0; a < axes.size(); ++a) writable(axis_columns[a])[i] = point[a];
    const bool ok = results.valid(i);
    valid_view(static_cast<py::ssize_t>(i)) = ok;
    const auto values = results.values(i);
    for (std::size_t v = 0; v < value_columns.size(); ++v)
      // Invalid points have no value; NaN there is flagged by the `valid` column.
      writable(value_columns[v])[i] = ok ? values[v] : std::numeric_limits<double>::quiet_NaN();
    messages.append(ok ? std::string() : results.message(i));
  }
  py::dict columns;
  for (std::size_t a = 0; a < axes.size(); ++a) columns[py::str(axes[a].name)] = axis_columns[a];
  for (std::size_t v = 0; v < value_columns.size(); ++v) columns[py::str(job.value_names[v])] = value_columns[v];
  py::dict out;
  out["quantity"] = config.quantity;
  out["parameters"] = [&] {
    py::list l;
    for (const auto& a : axes) l.append(a.name);
    return l;
  }();
  out["values"] = job.value_names;
  out["columns"] = columns;
  out["valid"] = valid;
  out["messages"] = messages;
  return out;
}

py::list quantities() {
  py::list out;
  for (const auto& q : scan::scan_quantities()) {
    py::dict d;
    d["name"] = q.name;
    d["description"] = q.description;
    d["values"] = q.value_names;
    d["parameters"] = q.parameters;
    out.append(d);
  }
  return out;
}

}  // namespace

void bind_scan(py::module_& m) {
  m.def("scan", &run_scan, py::arg("text"), py::arg("name"), py::arg("is_file"), py::arg("threads"),
        "Runs a scan config (file path or YAML text) on `threads` threads (0: all cores).");
  m.def("scan_quantities", &quantities, "The scan quantities, their value columns and parameters.");
}

}  // namespace cevns::python
