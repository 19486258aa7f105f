// The `cevns` command line: subcommands are registered here, each lives in its own file.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "cevns/build_info.hpp"
#include "cevns/core/error.hpp"
#include "command.hpp"

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
  try {
    app.parse(argc, argv);
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
  } catch (const std::exception& e) {
    std::cerr << "cevns: internal error: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
