#include "cevns/scan/scan_runner.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <mutex>
#include <thread>
#include <utility>

#include "cevns/core/error.hpp"

namespace cevns::scan {

unsigned default_thread_count() { return std::max(1u, std::thread::hardware_concurrency()); }

namespace {
volatile std::sig_atomic_t received_signal = 0;
extern "C" void on_interrupt(int signal_number) { received_signal = signal_number; }
}  // namespace

void install_interrupt_handlers() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int interrupt_signal() { return static_cast<int>(received_signal); }

void evaluate_points(const ScanJob& job, const std::vector<std::size_t>& indices, unsigned threads,
                     const BatchHandler& on_batch, bool checkpoint_text) {
  if (threads == 0) threads = default_thread_count();
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, indices.size())));
  // Threads take chunks of points and hand their results over in one locked batch: cheap points
  // (microseconds) would otherwise queue on the lock; expensive ones balance over small chunks.
  const std::size_t chunk = std::clamp<std::size_t>(indices.size() / (64 * threads), 1, 256);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex result_mutex;
  std::exception_ptr fatal;
  auto worker = [&] {
    std::vector<double> point;
    PointBatch batch;
    std::string text;
    while (!stop.load(std::memory_order_relaxed) && interrupt_signal() == 0) {
      const std::size_t first = next.fetch_add(chunk);
      if (first >= indices.size()) return;
      const std::size_t last = std::min(indices.size(), first + chunk);
      batch.clear();
      text.clear();
      for (std::size_t k = first; k < last; ++k) {
        const std::size_t index = indices[k];
        PointResult result;
        try {
          job.space.point(index, point);
          result.values = job.evaluate(point);
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
        if (checkpoint_text) append_checkpoint_line(text, index, result);
        batch.emplace_back(index, std::move(result));
      }
      std::lock_guard lock(result_mutex);
      try {
        on_batch(batch, text);
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

ScanResults run_scan(const ScanJob& job, const RunOptions& options) {
  ScanResults results(job.space.size(), job.value_names.size());
  if (options.resume && options.checkpoint) {
    require_definition(*options.checkpoint, options.definition);
    for (const auto& [i, r] : read_checkpoint(*options.checkpoint)) results.set(i, r);
  }
  std::vector<std::size_t> pending;
  pending.reserve(job.space.size() - results.size());
  for (std::size_t i = 0; i < job.space.size(); ++i)
    if (!results.has(i)) pending.push_back(i);
  std::optional<CheckpointWriter> writer;
  if (options.checkpoint) {
    if (!options.resume) std::filesystem::remove(*options.checkpoint);
    writer.emplace(*options.checkpoint, job.value_names, options.definition);
  }
  const std::size_t total = job.space.size();
  std::size_t done = total - pending.size();
  evaluate_points(
      job, pending, options.threads,
      [&](PointBatch& batch, const std::string& text) {
        if (writer) writer->append_lines(text);
        for (const auto& [index, r] : batch) results.set(index, r);
        done += batch.size();
        if (options.progress) options.progress(done, total);
      },
      writer.has_value());
  if (const int signal_number = interrupt_signal(); signal_number != 0) {
    if (writer) writer->flush();
    throw Interrupted(signal_number);
  }
  return results;
}

void write_results_csv(const std::filesystem::path& path, const ScanJob& job, const ScanResults& results,
                       unsigned threads) {
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (!out) throw OutputError("cannot write " + path.string() + ": " + std::strerror(errno));
  std::string header = "index";
  for (const auto& a : job.space.axes()) header += "," + a.name;
  for (const auto& n : job.value_names) header += "," + n;
  header += ",status\n";
  bool ok = std::fwrite(header.data(), 1, header.size(), out) == header.size();
  // Blocks of rows formatted on several threads, written in order.
  auto format = [&](std::size_t from, std::size_t to, std::string& buffer) {
    std::vector<double> point;
    for (std::size_t index = from; index < to; ++index) {
      if (!results.has(index)) continue;
      append_index(buffer, index);
      job.space.point(index, point);
      for (const double p : point) {
        buffer += ',';
        append_number(buffer, p);
      }
      const bool valid = results.valid(index);
      const auto values = results.values(index);
      for (std::size_t k = 0; k < job.value_names.size(); ++k) {
        buffer += ',';
        if (valid) append_number(buffer, values[k]);
      }
      buffer += valid ? ",ok\n" : ",invalid\n";
    }
  };
  if (threads == 0) threads = default_thread_count();
  const std::size_t n = results.points(), block = 1u << 15;
  std::vector<std::string> buffers(std::max<std::size_t>(1, threads));
  for (std::size_t start = 0; start < n && ok; start += block * buffers.size()) {
    std::vector<std::thread> pool;
    for (std::size_t t = 0; t < buffers.size(); ++t) {
      buffers[t].clear();
      const std::size_t from = std::min(n, start + t * block), to = std::min(n, from + block);
      if (t == 0) continue;
      pool.emplace_back([&, from, to, t] { format(from, to, buffers[t]); });
    }
    format(start, std::min(n, start + block), buffers[0]);
    for (auto& th : pool) th.join();
    for (const auto& b : buffers) ok = ok && std::fwrite(b.data(), 1, b.size(), out) == b.size();
  }
  ok = std::fclose(out) == 0 && ok;
  if (!ok) throw OutputError("cannot write " + path.string() + ": " + std::strerror(errno));
}

}  // namespace cevns::scan
