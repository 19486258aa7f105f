#pragma once
// The error hierarchy of cevns and the exit codes the command line maps them to.
//   InputError     bad value, unknown name, out-of-range argument      -> exit 2
//   ConfigError    malformed or invalid YAML / table file (file:line)   -> exit 3
//   DataError      a data file is missing or inconsistent              -> exit 4
//   NumericalError a computation failed to converge or produced non-finite output -> exit 5
#include <stdexcept>
#include <string>

namespace cevns {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what) : std::runtime_error(what) {}
  [[nodiscard]] virtual int exit_code() const noexcept { return 1; }
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

}  // namespace cevns
