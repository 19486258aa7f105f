// The MPI parts of the scan engine; without CEVNS_WITH_MPI they report that MPI is absent.
#include <cstdlib>
#include <string>

#include "cevns/core/error.hpp"
#include "cevns/scan/mpi_session.hpp"
#include "cevns/scan/scan_runner.hpp"

#ifdef CEVNS_WITH_MPI
#include <mpi.h>

#include <optional>
#endif

namespace cevns::scan {
namespace {

bool launched_by_mpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMI_SIZE") || std::getenv("PMIX_RANK");
}

}  // namespace

#ifdef CEVNS_WITH_MPI

bool mpi_available() { return true; }

MpiSession::MpiSession() {
  if (!launched_by_mpirun()) return;
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  active_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

MpiSession::~MpiSession() {
  if (active_) MPI_Finalize();
}

void MpiSession::abort_all(int code) {
  int initialised = 0, finalised = 0;
  MPI_Initialized(&initialised);
  MPI_Finalized(&finalised);
  if (initialised && !finalised) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

ScanResults run_scan_mpi(const ScanJob& job, const RunOptions& options) {
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  namespace fs = std::filesystem;

  // Rank 0 reads what earlier runs finished (single-process checkpoint and every rank's part) and
  // tells everyone which indices are pending.
  ScanResults finished(job.space.size(), job.value_names.size());
  std::vector<unsigned long> pending;
  if (rank == 0) try {
    if (options.checkpoint) {
      const fs::path base = *options.checkpoint;
      const fs::path dir = base.has_parent_path() ? base.parent_path() : fs::path(".");
      const std::string prefix = base.filename().string();
      std::vector<fs::path> parts;
      if (fs::is_directory(dir))
        for (const auto& entry : fs::directory_iterator(dir)) {
          const std::string name = entry.path().filename().string();
          if (name == prefix || name.rfind(prefix + ".rank", 0) == 0) parts.push_back(entry.path());
        }
      for (const auto& p : parts) {
        if (options.resume) {
          require_definition(p, options.definition);
          for (const auto& [i, r] : read_checkpoint(p)) finished.set(i, r);
        } else {
          fs::remove(p);
        }
      }
    }
    for (std::size_t i = 0; i < job.space.size(); ++i)
      if (!finished.has(i)) pending.push_back(i);
  } catch (const std::exception& e) {  // the other ranks wait in MPI_Bcast: stop them too
    std::fprintf(stderr, "cevns: error: %s\n", e.what());
    const auto* err = dynamic_cast<const Error*>(&e);
    MpiSession::abort_all(err ? err->exit_code() : exit_internal_error);
  }
  unsigned long n_pending = pending.size();
  MPI_Bcast(&n_pending, 1, MPI_UNSIGNED_LONG, 0, MPI_COMM_WORLD);
  pending.resize(n_pending);
  MPI_Bcast(pending.data(), static_cast<int>(n_pending), MPI_UNSIGNED_LONG, 0, MPI_COMM_WORLD);

  // A shared counter on rank 0: each rank takes the next chunk with an atomic fetch-and-add.
  // MPI_Win_allocate (rather than exposing our own memory) lets Open MPI pick its shared-memory
  // one-sided component on a node, where the fetch-and-add needs no progress from rank 0.
  long* counter = nullptr;
  MPI_Win window;
  MPI_Win_allocate(rank == 0 ? static_cast<MPI_Aint>(sizeof(long)) : 0, sizeof(long), MPI_INFO_NULL, MPI_COMM_WORLD,
                   &counter, &window);
  if (rank == 0) {
    MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, window);
    *counter = 0;
    MPI_Win_unlock(0, window);
  }
  MPI_Barrier(MPI_COMM_WORLD);
  const unsigned threads = options.threads ? options.threads : default_thread_count();
  const long chunk = static_cast<long>(2 * threads);

  std::optional<CheckpointWriter> writer;
  if (options.checkpoint)
    writer.emplace(checkpoint_part(*options.checkpoint, rank), job.value_names, options.definition);
  // This rank's results, packed for the gather: per point [index, valid, values...] (fixed width).
  const std::size_t width = 2 + job.value_names.size();
  std::vector<double> packed;
  try {
    while (true) {
      long start = 0;
      MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, window);
      MPI_Fetch_and_op(&chunk, &start, MPI_LONG, 0, 0, MPI_SUM, window);
      MPI_Win_unlock(0, window);
      if (start >= static_cast<long>(n_pending)) break;
      const long stop = std::min<long>(start + chunk, static_cast<long>(n_pending));
      std::vector<std::size_t> indices(pending.begin() + start, pending.begin() + stop);
      evaluate_points(
          job, indices, threads,
          [&](PointBatch& batch, const std::string& text) {
            if (writer) writer->append_lines(text);
            for (const auto& [index, r] : batch) {
              packed.push_back(static_cast<double>(index));
              packed.push_back(r.valid ? 1.0 : 0.0);
              for (std::size_t k = 0; k < job.value_names.size(); ++k) packed.push_back(r.valid ? r.values[k] : 0.0);
            }
          },
          writer.has_value());
      if (rank == 0 && options.progress) options.progress(static_cast<std::size_t>(stop), n_pending);
      // Each rank gets mpirun's forwarded signal: flush this rank's part and stop every rank.
      if (const int signal_number = interrupt_signal(); signal_number != 0) {
        if (writer) writer->flush();
        throw Interrupted(signal_number);
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cevns: error (rank %d): %s\n", rank, e.what());
    const auto* err = dynamic_cast<const Error*>(&e);
    MpiSession::abort_all(err ? err->exit_code() : exit_internal_error);
  }
  MPI_Barrier(MPI_COMM_WORLD);
  MPI_Win_free(&window);

  // Gather on rank 0.
  int count = static_cast<int>(packed.size());
  std::vector<int> counts(static_cast<std::size_t>(size)), offsets(static_cast<std::size_t>(size));
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, MPI_COMM_WORLD);
  std::vector<double> all;
  if (rank == 0) {
    int total = 0;
    for (int r = 0; r < size; ++r) {
      offsets[static_cast<std::size_t>(r)] = total;
      total += counts[static_cast<std::size_t>(r)];
    }
    all.resize(static_cast<std::size_t>(total));
  }
  MPI_Gatherv(packed.data(), count, MPI_DOUBLE, all.data(), counts.data(), offsets.data(), MPI_DOUBLE, 0,
              MPI_COMM_WORLD);
  if (rank != 0) return {};
  for (std::size_t p = 0; p + width <= all.size(); p += width) {
    PointResult r;
    r.valid = all[p + 1] != 0.0;
    if (r.valid) r.values.assign(all.begin() + static_cast<long>(p + 2), all.begin() + static_cast<long>(p + width));
    else r.message = "invalid";
    finished.set(static_cast<std::size_t>(all[p]), r);
  }
  return finished;
}

#else

bool mpi_available() { return false; }
MpiSession::MpiSession() = default;
MpiSession::~MpiSession() = default;
void MpiSession::abort_all(int code) { std::exit(code); }
ScanResults run_scan_mpi(const ScanJob&, const RunOptions&) {
  throw InputError("cevns was built without MPI (configure with OpenMPI installed, CEVNS_WITH_MPI=ON)");
}

#endif

}  // namespace cevns::scan
