#pragma once
// The results of a scan, by point index: one dense row per point of the parameter space (values in
// one block, a state byte per point, messages only for invalid points), so that a million-point
// scan stores and writes its results without a node or an allocation per point.
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "cevns/scan/checkpoint.hpp"

namespace cevns::scan {

class ScanResults {
 public:
  ScanResults() = default;
  ScanResults(std::size_t points, std::size_t values_per_point);

  // Records the result of point `index` (replacing an earlier one). InputError for an index out of
  // range or a valid result with the wrong number of values.
  void set(std::size_t index, const PointResult& result);

  [[nodiscard]] std::size_t points() const { return state_.size(); }       // of the space
  [[nodiscard]] std::size_t size() const { return count_; }                // with a result
  [[nodiscard]] std::size_t invalid() const { return invalid_; }
  [[nodiscard]] std::size_t values_per_point() const { return width_; }
  [[nodiscard]] bool has(std::size_t index) const { return state_.at(index) != kNone; }
  [[nodiscard]] bool valid(std::size_t index) const { return state_.at(index) == kValid; }
  // The values of a valid point (empty otherwise).
  [[nodiscard]] std::span<const double> values(std::size_t index) const;
  // Why a point is invalid ("" otherwise).
  [[nodiscard]] const std::string& message(std::size_t index) const;
  // The result as a PointResult (for callers that keep one).
  [[nodiscard]] PointResult result(std::size_t index) const;

 private:
  static constexpr std::uint8_t kNone = 0, kValid = 1, kInvalid = 2;
  std::size_t width_ = 0, count_ = 0, invalid_ = 0;
  std::vector<double> values_;
  std::vector<std::uint8_t> state_;
  std::unordered_map<std::size_t, std::string> messages_;
};

}  // namespace cevns::scan
