// `cevns report --out DIR`: the HTML report of the main job (docs/report.md). The report is drawn by
// the Python package (python/cevns/report.py, matplotlib), which calls this very executable with
// --json for each section; this file finds the interpreter and the package and replaces the process
// with `python3 -m cevns.report --out DIR --cevns-bin <this executable>`, so the exit code is
// Python's. run_python_module is shared with `cevns plot` (cmd_plot.cpp).
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cevns/core/error.hpp"
#include "command.hpp"
#include "output.hpp"

namespace cevns::cli {
namespace fs = std::filesystem;

namespace {

fs::path this_executable() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw DataError("cannot locate the cevns executable (/proc/self/exe): " + ec.message());
  return exe;
}

bool holds_package(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "cevns" / "__init__.py", ec) && fs::is_regular_file(dir / "cevns" / "report.py", ec);
}

// The directory that holds the package folder cevns/, looked up in this order:
//   1. $CEVNS_PYTHONPATH (a directory holding cevns/),
//   2. <exe_dir>/../python — the build tree (build/<preset>/bin/cevns, build/<preset>/python/cevns),
//   3. <exe_dir>/../lib/python3/dist-packages — `cmake --install` (CEVNS_PYTHON_INSTALL_DIR default).
fs::path python_package_parent() {
  std::vector<fs::path> candidates;
  if (const char* env = std::getenv("CEVNS_PYTHONPATH"); env != nullptr && *env != '\0') candidates.emplace_back(env);
  const fs::path exe_dir = this_executable().parent_path();
  candidates.push_back(exe_dir.parent_path() / "python");
  candidates.push_back(exe_dir.parent_path() / "lib" / "python3" / "dist-packages");
  std::string looked;
  for (const auto& dir : candidates) {
    if (holds_package(dir)) return fs::weakly_canonical(dir);
    looked += (looked.empty() ? "" : ", ") + dir.string();
  }
  throw DataError("the Python package cevns (with report.py) was not found; looked in " + looked +
                  " (build the target cevns_python, install with cmake --install, or set CEVNS_PYTHONPATH "
                  "to the directory that holds cevns/)");
}

}  // namespace

[[noreturn]] void run_python_module(const std::string& module, const std::vector<std::string>& arguments) {
  const char* env_python = std::getenv("CEVNS_PYTHON");
  const std::string python = (env_python != nullptr && *env_python != '\0') ? env_python : "/usr/bin/python3";
  if (::access(python.c_str(), X_OK) != 0)
    throw DataError("Python interpreter '" + python + "' not found or not executable (set CEVNS_PYTHON; it needs "
                    "numpy and matplotlib: bash scripts/setup.sh installs them)");
  const fs::path package = python_package_parent();
  std::string pythonpath = package.string();
  if (const char* old = std::getenv("PYTHONPATH"); old != nullptr && *old != '\0') pythonpath += ":" + std::string(old);
  ::setenv("PYTHONPATH", pythonpath.c_str(), 1);
  ::setenv("MPLBACKEND", "Agg", 0);

  std::vector<std::string> args{python, "-m", module};
  args.insert(args.end(), arguments.begin(), arguments.end());
  args.push_back("--cevns-bin");
  args.push_back(this_executable().string());
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  flush_captured_stdout();  // the new process writes to the real standard output
  std::cerr.flush();
  ::execv(python.c_str(), argv.data());
  throw DataError("cannot run " + python + ": " + std::strerror(errno));
}

void add_report_command(CLI::App& app) {
  struct Options {
    std::string out;
    bool json = false;
    bool quiet = false;
  };
  auto opt = std::make_shared<Options>();
  auto* sub = app.add_subcommand("report", "HTML report of sources, cross sections, experiments, statistics "
                                           "(docs/report.md)");
  sub->add_option("--out", opt->out, "output folder; DIR/index.html is self-contained (images inline)")->required();
  sub->add_flag("--quiet", opt->quiet, "no progress lines on stderr");
  sub->add_flag("--json", opt->json, "print one JSON object: the sections, their status and the files written");
  sub->callback([opt] {
    std::vector<std::string> args{"--out", opt->out};
    if (opt->json) args.emplace_back("--json");
    if (opt->quiet) args.emplace_back("--quiet");
    run_python_module("cevns.report", args);
  });
}

}  // namespace cevns::cli
