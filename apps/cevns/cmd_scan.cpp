// `cevns scan FILE --out RESULT.csv [--threads N] [--resume]`: a parameter scan on all cores, or
// across MPI ranks when started with mpirun; results checkpointed as they finish.
#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <memory>

#include "cevns/core/error.hpp"
#include "cevns/io/scan_config_reader.hpp"
#include "cevns/scan/mpi_session.hpp"
#include "cevns/scan/scan_config.hpp"
#include "cevns/scan/scan_runner.hpp"
#include "command.hpp"
#include "output.hpp"
#include "progress_bar.hpp"

namespace cevns::cli {
namespace {

struct ScanOptions {
  std::string file;
  std::string out;
  unsigned threads = 0;
  bool resume = false;
  bool json = false;
};

void run_scan_command(const ScanOptions& opt) {
  scan::MpiSession mpi;
  const auto config = io::read_scan_config(opt.file);
  const auto job = scan::make_scan_job(config);
  scan::RunOptions run;
  run.threads = opt.threads;
  run.checkpoint = opt.out + ".checkpoint";
  run.resume = opt.resume;
  run.definition = scan::definition_hash(io::scan_definition_text(opt.file, config));
  scan::install_interrupt_handlers();
  ProgressBar bar("scan", !opt.json && mpi.rank() == 0);
  run.progress = [&](std::size_t done, std::size_t total) { bar.update(done, total); };
  std::size_t resumed = 0;
  if (opt.resume && mpi.rank() == 0) resumed = scan::count_checkpointed(*run.checkpoint);
  const auto start = std::chrono::steady_clock::now();
  const auto results = mpi.size() > 1 ? scan::run_scan_mpi(job, run) : scan::run_scan(job, run);
  bar.finish();
  if (mpi.rank() != 0) return;
  scan::write_results_csv(opt.out, job, results, opt.threads);
  // The checkpoint's content is now in the result file.
  scan::remove_checkpoint(*run.checkpoint, mpi.size());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const std::size_t invalid = results.invalid();
  if (opt.json) {
    print_json({{"file", opt.file},
                {"out", opt.out},
                {"points", results.size()},
                {"invalid_points", invalid},
                {"resumed_points", resumed},
                {"evaluated_points", results.size() - resumed},
                {"threads", opt.threads ? opt.threads : scan::default_thread_count()},
                {"mpi_ranks", mpi.size()},
                {"seconds", seconds},
                {"cevns", run_metadata({})}});
  } else {
    std::cout << fmt::format("scan {}: {} points ({} invalid) in {:.2f} s on {} rank(s) -> {}\n", opt.file,
                             results.size(), invalid, seconds, mpi.size(), opt.out);
  }
}

}  // namespace

void add_scan_command(CLI::App& app) {
  auto opt = std::make_shared<ScanOptions>();
  auto* cmd = app.add_subcommand("scan", "parameter scan on all cores (and MPI ranks under mpirun)");
  cmd->add_option("file", opt->file, "scan file (YAML), e.g. examples/scans/sin2w-csi-sns.yaml")->required();
  cmd->add_option("--out", opt->out, "result table (CSV), one row per point sorted by index")->required();
  cmd->add_option("--threads", opt->threads, "threads per process (default: all cores)");
  cmd->add_flag("--resume", opt->resume, "skip the points already in OUT.checkpoint");
  cmd->add_flag("--json", opt->json, "print a JSON summary (no progress bar)");
  cmd->callback([opt] { run_scan_command(*opt); });
}

}  // namespace cevns::cli
