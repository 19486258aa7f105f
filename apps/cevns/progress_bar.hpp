#pragma once
// A progress bar with rate and ETA on stderr, drawn only when stderr is a terminal.
#include <chrono>
#include <cstddef>
#include <string>

namespace cevns::cli {

class ProgressBar {
 public:
  ProgressBar(std::string label, bool enabled);
  void update(std::size_t done, std::size_t total);
  void finish();

 private:
  std::string label_;
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace cevns::cli
