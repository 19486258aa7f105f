#include "cevns/scan/scan_results.hpp"

#include <algorithm>

#include "cevns/core/error.hpp"

namespace cevns::scan {

ScanResults::ScanResults(std::size_t points, std::size_t values_per_point)
    : width_(values_per_point), values_(points * values_per_point, 0.0), state_(points, kNone) {}

void ScanResults::set(std::size_t index, const PointResult& r) {
  if (index >= state_.size())
    throw InputError("scan result for point " + std::to_string(index) + " of a space of " +
                     std::to_string(state_.size()));
  if (r.valid && r.values.size() != width_)
    throw InputError("scan result for point " + std::to_string(index) + " has " + std::to_string(r.values.size()) +
                     " values, expected " + std::to_string(width_));
  const std::uint8_t before = state_[index];
  if (before == kNone) ++count_;
  if (before == kInvalid) {
    --invalid_;
    messages_.erase(index);
  }
  if (r.valid) {
    std::copy(r.values.begin(), r.values.end(), values_.begin() + static_cast<std::ptrdiff_t>(index * width_));
    state_[index] = kValid;
  } else {
    state_[index] = kInvalid;
    ++invalid_;
    if (!r.message.empty()) messages_[index] = r.message;
  }
}

std::span<const double> ScanResults::values(std::size_t index) const {
  if (!valid(index)) return {};
  return {values_.data() + index * width_, width_};
}

const std::string& ScanResults::message(std::size_t index) const {
  static const std::string none;
  const auto it = messages_.find(index);
  return it == messages_.end() ? none : it->second;
}

PointResult ScanResults::result(std::size_t index) const {
  PointResult r;
  r.valid = valid(index);
  const auto v = values(index);
  r.values.assign(v.begin(), v.end());
  r.message = message(index);
  return r;
}

}  // namespace cevns::scan
