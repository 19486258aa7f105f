// The `cevns` command line: subcommands are registered here, each lives in its own file.
#include <CLI/CLI.hpp>
#include <yaml-cpp/exceptions.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <new>

#include "cevns/build_info.hpp"
#include "cevns/core/error.hpp"
#include "command.hpp"
#include "option_limits.hpp"
#include "output.hpp"

int main(int argc, char** argv) {
  CLI::App app{"cevns: coherent elastic neutrino-nucleus scattering toolkit"};
  app.set_version_flag("--version", std::string("cevns ") + cevns::build_info::version + " (" +
                                        cevns::build_info::git_hash + ")");
  app.require_subcommand(1);
  cevns::cli::add_xsec_command(app);
  cevns::cli::add_target_command(app);
  cevns::cli::add_flux_command(app);
  cevns::cli::add_compare_command(app);
  cevns::cli::add_overview_command(app);
  cevns::cli::add_coherency_command(app);
  cevns::cli::add_scan_command(app);
  cevns::cli::add_fog_command(app);
  cevns::cli::add_experiments_command(app);
  cevns::cli::add_rate_command(app);
  cevns::cli::add_predict_command(app);
  cevns::cli::add_significance_command(app);
  cevns::cli::add_unfold_command(app);
  cevns::cli::add_reactor_monitor_command(app);
  cevns::cli::add_report_command(app);
  cevns::cli::add_plot_command(app);
  cevns::cli::add_fit_command(app);
  cevns::cli::add_toys_command(app);
  cevns::cli::add_release_fit_command(app);
  app.footer(
      "Exit codes: 0 success, 2 bad input (option, value, name, limit), 3 malformed or invalid file (YAML, table),\n"
      "4 data file missing or inconsistent, 5 numerical failure (no convergence, non-finite result), 6 output\n"
      "not written (disk full, closed pipe), 7 out of memory, 8 internal error (please report), 130/143\n"
      "interrupted (SIGINT/SIGTERM; scans flush their checkpoint first). docs/reliability.md.");
  try {
    cevns::cli::validate_options(app);
    cevns::cli::CapturedStdout output;
    app.parse(argc, argv);
    // Results are delivered once the command has finished: checked for non-finite numbers, and a
    // failed write is an error, not exit 0.
    const auto chosen = app.get_subcommands();
    output.deliver(chosen.empty() ? std::string() : chosen.front()->get_name());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "cevns: error: " << e.what() << " (see cevns --help)\n";
    return 2;
  } catch (const cevns::Error& e) {
    std::cerr << "cevns: error: " << e.what() << '\n';
    return e.exit_code();
  } catch (const YAML::Exception& e) {  // a reader missed a shape check: still the file's fault
    std::cerr << "cevns: error: malformed YAML" << (e.mark.is_null() ? "" : " at line " + std::to_string(e.mark.line + 1))
              << ": " << e.msg << '\n';
    return cevns::ConfigError("").exit_code();
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "cevns: error: " << e.what() << '\n';
    return cevns::DataError("").exit_code();
  } catch (const std::bad_alloc&) {
    std::cerr << "cevns: error: out of memory (a grid, scan or binning too large for this machine?)\n";
    return cevns::exit_out_of_memory;
  } catch (const std::exception& e) {
    std::cerr << "cevns: internal error (please report): " << e.what() << '\n';
    return cevns::exit_internal_error;
  } catch (...) {
    std::cerr << "cevns: internal error (please report): unknown exception\n";
    return cevns::exit_internal_error;
  }
  return 0;
}
