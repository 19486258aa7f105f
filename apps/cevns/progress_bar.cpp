#include "progress_bar.hpp"

#include <unistd.h>

#include <cstdio>

namespace cevns::cli {

ProgressBar::ProgressBar(std::string label, bool enabled)
    : label_(std::move(label)), enabled_(enabled && ::isatty(STDERR_FILENO)),
      start_(std::chrono::steady_clock::now()), last_draw_(start_) {}

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!enabled_ || total == 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0.0;
  const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
  const int width = 30;
  const int filled = static_cast<int>(width * static_cast<double>(done) / static_cast<double>(total));
  std::fprintf(stderr, "\r%s [%.*s%*s] %zu/%zu  %.1f/s  ETA %.0f s ", label_.c_str(), filled,
               "##############################", width - filled, "", done, total, rate, eta);
  std::fflush(stderr);
}

void ProgressBar::finish() {
  if (enabled_) std::fprintf(stderr, "\n");
}

}  // namespace cevns::cli
