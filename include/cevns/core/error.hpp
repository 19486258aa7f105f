#pragma once
// The error hierarchy of cevns and the exit codes the command line maps them to (docs/reliability.md):
//   InputError     bad value, unknown name, out-of-range argument, a limit exceeded -> exit 2
//   ConfigError    malformed or invalid YAML / table file (file:line)   -> exit 3
//   DataError      a data file is missing or inconsistent              -> exit 4
//   NumericalError a computation failed to converge or produced non-finite output -> exit 5
//   OutputError    a result could not be written (disk full, closed pipe, no permission) -> exit 6
// The command line adds: 7 out of memory, 8 internal error (a bug: please report it), 130 / 143
// interrupted by SIGINT / SIGTERM (a scan's checkpoint is flushed first). Exit 1 is never used.
#include <stdexcept>
#include <string>

namespace cevns {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what) : std::runtime_error(what) {}
  [[nodiscard]] virtual int exit_code() const noexcept { return 8; }
};

class InputError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] int exit_code() const noexcept override { return 2; }
};

class ConfigError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] int exit_code() const noexcept override { return 3; }
};

class DataError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] int exit_code() const noexcept override { return 4; }
};

class NumericalError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] int exit_code() const noexcept override { return 5; }
};

class OutputError : public Error {
 public:
  using Error::Error;
  [[nodiscard]] int exit_code() const noexcept override { return 6; }
};

// A long run (scan, toys) stopped by SIGINT or SIGTERM after flushing its checkpoint: exit 128 + signal.
class Interrupted : public Error {
 public:
  explicit Interrupted(int signal_number)
      : Error("interrupted by signal " + std::to_string(signal_number) + "; finished points are in the checkpoint "
              "(--resume continues)"),
        signal_(signal_number) {}
  [[nodiscard]] int exit_code() const noexcept override { return 128 + signal_; }

 private:
  int signal_;
};

// Exit codes of the command line beyond the Error classes.
inline constexpr int exit_out_of_memory = 7;
inline constexpr int exit_internal_error = 8;
inline constexpr int exit_interrupted = 130;  // SIGINT (128 + 2)
inline constexpr int exit_terminated = 143;   // SIGTERM (128 + 15)

}  // namespace cevns
