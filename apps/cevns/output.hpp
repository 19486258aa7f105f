#pragma once
// Output helpers shared by the subcommands: JSON documents carry a "cevns" block with version and
// git hash; numbers that are not finite are an error, never printed.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace cevns::cli {

// {"version": ..., "git_hash": ..., "references": [...]}
nlohmann::json run_metadata(const std::vector<std::string>& references);

// Prints the document to stdout (2-space indent); NumericalError if any number is NaN or inf.
void print_json(const nlohmann::json& document);

// Holds everything a subcommand writes to std::cout until it has finished, so that the output can be
// checked as a whole: a failed command prints only its error, and a result that is not finite
// ("nan", "inf" as a number) is a NumericalError (exit 5), never printed. Subcommands that replace
// the process (cevns report, plot) call flush_captured_stdout() first.
class CapturedStdout {
 public:
  CapturedStdout();
  ~CapturedStdout();
  CapturedStdout(const CapturedStdout&) = delete;
  CapturedStdout& operator=(const CapturedStdout&) = delete;
  // Checks and writes the captured text to the real standard output; OutputError if that fails.
  void deliver(const std::string& command);
};
// Writes what has been captured so far (if anything is captured) and stops capturing.
void flush_captured_stdout();
// The first token of `text` that reads as a non-finite number ("nan", "-inf", ...), or "".
std::string non_finite_token(const std::string& text);

}  // namespace cevns::cli
