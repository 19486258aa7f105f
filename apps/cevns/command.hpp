#pragma once
// What each subcommand file provides: a function that adds its CLI11 subcommand to the app.
// The subcommand's callback does the work; errors are cevns::Error exceptions, mapped to exit codes
// in main.cpp.
#include <CLI/CLI.hpp>

namespace cevns::cli {

void add_xsec_command(CLI::App& app);
void add_target_command(CLI::App& app);
void add_flux_command(CLI::App& app);
void add_compare_command(CLI::App& app);
void add_overview_command(CLI::App& app);
void add_coherency_command(CLI::App& app);
void add_scan_command(CLI::App& app);
void add_fog_command(CLI::App& app);
void add_experiments_command(CLI::App& app);
void add_rate_command(CLI::App& app);
void add_predict_command(CLI::App& app);
void add_significance_command(CLI::App& app);
void add_unfold_command(CLI::App& app);
void add_reactor_monitor_command(CLI::App& app);
void add_report_command(CLI::App& app);
void add_plot_command(CLI::App& app);
void add_release_fit_command(CLI::App& app);
void add_fit_command(CLI::App& app);
void add_toys_command(CLI::App& app);
// Replaces the process with python3 -m MODULE ARGS --cevns-bin <exe> (cmd_report.cpp; docs/report.md).
[[noreturn]] void run_python_module(const std::string& module, const std::vector<std::string>& arguments);

}  // namespace cevns::cli
