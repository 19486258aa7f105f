#pragma once
// What every fuzz harness shares (docs/reliability.md, "Fuzzing"): an input may be rejected only
// with a cevns::Error (the exceptions the command line maps to its documented exit codes 2-6);
// any other exception, a crash, a sanitizer report or a leak is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "cevns/core/error.hpp"

namespace cevns::fuzz {

// Runs `body`; a cevns::Error is an accepted rejection, anything else aborts (a finding).
template <class F>
void accept_only_cevns_errors(F&& body) {
  try {
    body();
  } catch (const cevns::Error&) {
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fuzz finding: %s escaped as a non-cevns exception\n", e.what());
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "fuzz finding: a non-std exception escaped\n");
    std::abort();
  }
}

// The input as a file in a private folder (readers take paths, and resolve relative names from
// the file's folder): one folder per process, rewritten for every input.
inline std::filesystem::path write_input(const std::uint8_t* data, std::size_t size, const char* name) {
  static const std::filesystem::path folder = [] {
    auto p = std::filesystem::temp_directory_path() / ("cevns-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(p);
    return p;
  }();
  const auto path = folder / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

}  // namespace cevns::fuzz
