#include "cevns/scan/scan_runner.hpp"

#include <atomic>
#include <exception>
#include <fstream>
#include <mutex>
#include <thread>

#include "cevns/core/error.hpp"

namespace cevns::scan {

unsigned default_thread_count() { return std::max(1u, std::thread::hardware_concurrency()); }

void evaluate_points(const ScanJob& job, const std::vector<std::size_t>& indices, unsigned threads,
                     const std::function<void(std::size_t, PointResult&&)>& on_result) {
  if (threads == 0) threads = default_thread_count();
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, indices.size())));
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex result_mutex;
  std::exception_ptr fatal;
  auto worker = [&] {
    while (!stop.load(std::memory_order_relaxed)) {
      const std::size_t k = next.fetch_add(1);
      if (k >= indices.size()) return;
      const std::size_t index = indices[k];
      PointResult result;
      try {
        result.values = job.evaluate(job.space.point(index));
        if (result.values.size() != job.value_names.size())
          throw std::logic_error("evaluator returned the wrong number of values");
      } catch (const InputError& e) {  // an unphysical point: marked, the scan goes on
        result = {false, {}, e.what()};
      } catch (const NumericalError& e) {
        result = {false, {}, e.what()};
      } catch (...) {
        std::lock_guard lock(result_mutex);
        if (!fatal) fatal = std::current_exception();
        stop = true;
        return;
      }
      std::lock_guard lock(result_mutex);
      try {
        on_result(index, std::move(result));
      } catch (...) {
        if (!fatal) fatal = std::current_exception();
        stop = true;
        return;
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();  // the calling thread works too
  for (auto& th : pool) th.join();
  if (fatal) std::rethrow_exception(fatal);
}

std::map<std::size_t, PointResult> run_scan(const ScanJob& job, const RunOptions& options) {
  std::map<std::size_t, PointResult> results;
  if (options.resume && options.checkpoint) results = read_checkpoint(*options.checkpoint);
  std::vector<std::size_t> pending;
  for (std::size_t i = 0; i < job.space.size(); ++i)
    if (!results.count(i)) pending.push_back(i);
  std::optional<CheckpointWriter> writer;
  if (options.checkpoint) {
    if (!options.resume) std::filesystem::remove(*options.checkpoint);
    writer.emplace(*options.checkpoint, job.value_names);
  }
  const std::size_t total = job.space.size();
  std::size_t done = total - pending.size();
  evaluate_points(job, pending, options.threads, [&](std::size_t index, PointResult&& r) {
    if (writer) writer->append(index, r);
    results[index] = std::move(r);
    ++done;
    if (options.progress) options.progress(done, total);
  });
  return results;
}

void write_results_csv(const std::filesystem::path& path, const ScanJob& job,
                       const std::map<std::size_t, PointResult>& results) {
  std::ofstream out(path);
  if (!out) throw InputError("cannot write " + path.string());
  out << "index";
  for (const auto& a : job.space.axes()) out << ',' << a.name;
  for (const auto& n : job.value_names) out << ',' << n;
  out << ",status\n";
  for (const auto& [index, r] : results) {
    out << index;
    for (double p : job.space.point(index)) out << ',' << exact_number(p);
    for (std::size_t k = 0; k < job.value_names.size(); ++k)
      out << ',' << (r.valid ? exact_number(r.values[k]) : std::string());
    out << ',' << (r.valid ? "ok" : "invalid") << '\n';
  }
  if (!out) throw InputError("cannot write " + path.string());
}

}  // namespace cevns::scan
