#pragma once
// Runs a scan: every point of a ParameterSpace through an evaluator, on a pool of threads (and,
// with MPI, across ranks), appending each result to a checkpoint as it finishes.
//
// Work is handed out dynamically (an atomic counter over the pending indices; across MPI ranks a
// shared counter on rank 0), so uneven points balance. An InputError or NumericalError thrown
// for one point marks that point invalid; any other exception stops the scan (every thread, every
// rank) and is rethrown.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cevns/scan/checkpoint.hpp"
#include "cevns/scan/parameter_space.hpp"
#include "cevns/scan/scan_results.hpp"

namespace cevns::scan {

// Values at one point. Must be safe to call from several threads at once (share read-only
// precomputed data; keep mutable scratch per call).
using Evaluator = std::function<std::vector<double>(const std::vector<double>& point)>;

struct ScanJob {
  ParameterSpace space;
  std::vector<std::string> value_names;
  Evaluator evaluate;
};

struct RunOptions {
  unsigned threads = 0;                           // 0: all hardware threads
  std::optional<std::filesystem::path> checkpoint; // where results are appended
  bool resume = false;                            // skip points already in the checkpoint
  // What the scan computes (definition_hash of its file); stored in the checkpoint, and a resume
  // from a checkpoint written for another definition is refused. Empty: not checked.
  std::string definition;
  std::function<void(std::size_t done, std::size_t total)> progress;  // called from one thread
};

// Points evaluated by one thread, handed over together.
using PointBatch = std::vector<std::pair<std::size_t, PointResult>>;
// Called (serialised) with each finished batch and, when asked for, its checkpoint lines formatted
// by the worker thread (append_checkpoint_line), so formatting runs in parallel.
using BatchHandler = std::function<void(PointBatch& batch, const std::string& checkpoint_lines)>;

// Evaluates `indices` of the job's space on `threads` threads, in chunks taken from an atomic
// counter; `on_batch` gets each chunk's results.
void evaluate_points(const ScanJob& job, const std::vector<std::size_t>& indices, unsigned threads,
                     const BatchHandler& on_batch, bool checkpoint_lines = false);

// Single-process scan; returns every point's result, by index.
ScanResults run_scan(const ScanJob& job, const RunOptions& options);

// True when cevns was built with MPI (CEVNS_WITH_MPI).
bool mpi_available();

// The same scan across the ranks of MPI_COMM_WORLD (call on every rank; MPI must be initialised).
// Each rank appends to "<checkpoint>.rank<r>"; rank 0 returns the full result (gathered over MPI),
// other ranks an empty map. With resume, every "<checkpoint>*" part file is read.
ScanResults run_scan_mpi(const ScanJob& job, const RunOptions& options);

// The result table: "index,<axes>,<values>,status" sorted by index, numbers exact (shortest
// round trip, std::to_chars), so
// two runs compare with cmp.
// InputError with the path and the OS error if the file cannot be written completely.
// Rows are formatted on `threads` threads (0: all cores).
void write_results_csv(const std::filesystem::path& path, const ScanJob& job, const ScanResults& results,
                       unsigned threads = 0);

// Hardware threads, at least 1.
unsigned default_thread_count();

// SIGINT and SIGTERM make running scans stop taking points, flush their checkpoints and throw
// Interrupted (exit 130 / 143). Installed by the command line around scans and toys.
void install_interrupt_handlers();
// The signal received since install_interrupt_handlers(), or 0.
int interrupt_signal();

}  // namespace cevns::scan
