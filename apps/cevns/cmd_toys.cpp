// `cevns toys FILE [--threads N] [--out CSV] [--resume] [--json]`: pseudo-experiments of an
// analysis file on the scan engine (threads, MPI ranks, checkpoints; toy k reproducible from
// (seed, k)); prints pull and coverage summaries of the parameters of interest.
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>

#include "cevns/analysis/likelihood_model.hpp"
#include "cevns/analysis/toy_study.hpp"
#include "cevns/core/error.hpp"
#include "cevns/io/analysis_config_reader.hpp"
#include "cevns/io/scan_config_reader.hpp"
#include "cevns/scan/mpi_session.hpp"
#include "cevns/scan/scan_runner.hpp"
#include "command.hpp"
#include "output.hpp"
#include "progress_bar.hpp"

namespace cevns::cli {
namespace {

struct ToysOptions {
  std::string file;
  std::string out;
  unsigned threads = 0;
  bool resume = false;
  bool json = false;
  std::optional<std::size_t> count;
  std::optional<std::uint64_t> seed;
};

nlohmann::json summary_json(const analysis::ToySummary& s) {
  nlohmann::json parameters = nlohmann::json::array();
  for (const auto& p : s.parameters)
    parameters.push_back({{"name", p.name},
                          {"truth", p.truth},
                          {"toys", p.toys},
                          {"mean", p.mean},
                          {"standard_deviation", p.standard_deviation},
                          {"mean_error", p.mean_error},
                          {"pull_mean", p.pull_mean},
                          {"pull_mean_error", p.pull_mean_error},
                          {"pull_width", p.pull_width},
                          {"pull_width_error", p.pull_width_error},
                          {"coverage", p.coverage},
                          {"coverage_error", p.coverage_error},
                          {"hessian_coverage", p.hessian_coverage}});
  return parameters;
}

void run_toys_command(const ToysOptions& opt) {
  if (opt.resume && opt.out.empty()) throw InputError("--resume needs --out (the checkpoint is OUT.checkpoint)");
  scan::MpiSession mpi;
  auto config = io::read_analysis_config(opt.file);
  if (opt.count) {
    if (*opt.count == 0) throw InputError("--count must be >= 1");
    config.toys.count = *opt.count;
  }
  if (opt.seed) config.toys.seed = *opt.seed;
  const auto model = std::make_shared<const analysis::LikelihoodModel>(config);
  const auto job = analysis::make_toy_job(model, config.toys.count, config.toys.seed);
  scan::RunOptions run;
  run.threads = opt.threads;
  if (!opt.out.empty()) run.checkpoint = opt.out + ".checkpoint";
  run.resume = opt.resume;
  run.definition = scan::definition_hash(io::yaml_definition_text(opt.file) + " toys " +
                                         std::to_string(config.toys.count) + " " + std::to_string(config.toys.seed));
  scan::install_interrupt_handlers();
  ProgressBar bar("toys", !opt.json && mpi.rank() == 0);
  run.progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); };
  std::size_t resumed = 0;
  if (opt.resume && mpi.rank() == 0) resumed = scan::count_checkpointed(*run.checkpoint);
  if (mpi.size() > 1 && !run.checkpoint) throw InputError("toys under MPI need --out");
  const auto start = std::chrono::steady_clock::now();
  const auto results = mpi.size() > 1 ? scan::run_scan_mpi(job, run) : scan::run_scan(job, run);
  bar.finish();
  if (mpi.rank() != 0) return;
  if (!opt.out.empty()) {
    scan::write_results_csv(opt.out, job, results);
    scan::remove_checkpoint(*run.checkpoint, mpi.size());
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto summary = analysis::summarise_toys(*model, config.toys.seed, results);
  if (opt.json) {
    print_json({{"file", opt.file},
                {"out", opt.out},
                {"toys", summary.toys},
                {"invalid_toys", summary.invalid},
                {"seed", summary.seed},
                {"resumed_toys", resumed},
                {"evaluated_toys", summary.toys - std::min(resumed, summary.toys)},
                {"nominal_coverage", summary.nominal_coverage},
                {"parameters", summary_json(summary)},
                {"threads", opt.threads ? opt.threads : scan::default_thread_count()},
                {"mpi_ranks", mpi.size()},
                {"seconds", seconds},
                {"cevns", run_metadata({"G. Cowan, K. Cranmer, E. Gross, O. Vitells, EPJC 71, 1554 (2011)"})}});
    return;
  }
  std::cout << fmt::format("toys {}: {} toys of seed {} ({} invalid) in {:.2f} s on {} rank(s){}\n", opt.file,
                           summary.toys, summary.seed, summary.invalid, seconds, mpi.size(),
                           opt.out.empty() ? "" : " -> " + opt.out);
  std::cout << fmt::format("{:<14} {:>10} {:>12} {:>10} {:>16} {:>16} {:>18} {:>10}\n", "parameter", "truth", "mean",
                           "sd", "pull mean", "pull width", "coverage (68.27%)", "Hessian");
  for (const auto& p : summary.parameters)
    std::cout << fmt::format("{:<14} {:>10.5g} {:>12.5g} {:>10.4g} {:>7.3f} +- {:<6.3f} {:>7.3f} +- {:<6.3f} {:>9.3f} +- {:<6.3f} {:>9.3f}\n",
                             p.name, p.truth, p.mean, p.standard_deviation, p.pull_mean, p.pull_mean_error,
                             p.pull_width, p.pull_width_error, p.coverage, p.coverage_error, p.hessian_coverage);
}

}  // namespace

void add_toys_command(CLI::App& app) {
  auto opt = std::make_shared<ToysOptions>();
  auto* cmd = app.add_subcommand("toys", "pseudo-experiments of an analysis file: pulls and interval coverage");
  cmd->add_option("file", opt->file, "analysis file (YAML), e.g. examples/analyses/fit-coherent-csi.yaml")->required();
  cmd->add_option("--out", opt->out, "per-toy table (CSV), one row per toy sorted by index; checkpointed");
  cmd->add_option("--threads", opt->threads, "threads per process (default: all cores)");
  cmd->add_flag("--resume", opt->resume, "skip the toys already in OUT.checkpoint");
  cmd->add_option("--count", opt->count, "number of toys (default: toys.count of the file, else 200)");
  cmd->add_option("--seed", opt->seed, "toy seed (default: toys.seed of the file, else 1)");
  cmd->add_flag("--json", opt->json, "print a JSON summary (no progress bar)");
  cmd->callback([opt] { run_toys_command(*opt); });
}

}  // namespace cevns::cli
