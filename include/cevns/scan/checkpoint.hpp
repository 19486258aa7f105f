#pragma once
// Scan results appended to a file as they finish, one line per point, so that a killed scan
// (even by SIGKILL) loses at most the points in flight and `--resume` skips the rest.
//
// Format: a '#' header naming the columns, a '# definition: HASH' line (what the scan computes),
// then lines "index,status,v1,...,vk". Lines are
// collected and written with one write(2) call per batch (at most 0.2 s or 64 KiB of results):
// a kill loses at most that batch, which --resume recomputes; a torn last line is dropped on
// reading, so no point is ever recorded twice or half.
// Numbers are printed in the shortest form that reads back bit-identical (std::to_chars).
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace cevns::scan {

struct PointResult {
  bool valid = true;            // false: the point is unphysical (marked, not fatal)
  std::vector<double> values;   // empty when !valid
  std::string message;          // why it is invalid
};

class CheckpointWriter {
 public:
  // Opens `path` for appending; writes the header if the file is new or empty. A torn last line
  // (no newline) left by a kill is cut off first.
  CheckpointWriter(const std::filesystem::path& path, const std::vector<std::string>& value_names,
                   const std::string& definition = {});
  ~CheckpointWriter();
  CheckpointWriter(const CheckpointWriter&) = delete;
  CheckpointWriter& operator=(const CheckpointWriter&) = delete;

  void append(std::size_t index, const PointResult& result);
  // Whole lines already formatted by append_checkpoint_line.
  void append_lines(const std::string& lines);
  // Writes the collected lines now (also done by the destructor).
  void flush();

 private:
  int fd_ = -1;
  std::filesystem::path path_;
  std::string pending_;
  std::size_t since_clock_ = 0;
  std::chrono::steady_clock::time_point last_flush_ = std::chrono::steady_clock::now();
};

// Every complete result line of a checkpoint file (index -> result); an empty map if the file
// does not exist. ConfigError naming file:line for a malformed complete line.
std::map<std::size_t, PointResult> read_checkpoint(const std::filesystem::path& path);

// The definition recorded in a checkpoint ("" if none or no file).
std::string checkpoint_definition(const std::filesystem::path& path);
// InputError if `path` exists and records a definition other than `definition` (both non-empty).
void require_definition(const std::filesystem::path& path, const std::string& definition);
// A short fingerprint (16 hex digits, FNV-1a) of a scan's definition text.
std::string definition_hash(const std::string& text);

// Under MPI each rank appends to its own part, CHECKPOINT.rank<R>, beside CHECKPOINT.
std::filesystem::path checkpoint_part(const std::filesystem::path& checkpoint, int rank);
// Results already in CHECKPOINT and its rank parts (what --resume will skip).
std::size_t count_checkpointed(const std::filesystem::path& checkpoint);
// Removes CHECKPOINT and its parts of ranks 0..ranks-1 (once the result file holds their content).
void remove_checkpoint(const std::filesystem::path& checkpoint, int ranks);

// One checkpoint line "index,status,v1,...\n" appended to `out`.
void append_checkpoint_line(std::string& out, std::size_t index, const PointResult& result);

// The text form of a number used in checkpoints and results: shortest exact round trip.
std::string exact_number(double value);
// The same, appended to `out` (no temporary string); and a point index in decimal.
void append_number(std::string& out, double value);
void append_index(std::string& out, std::size_t index);

}  // namespace cevns::scan
