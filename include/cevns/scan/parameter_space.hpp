#pragma once
// The points of a scan: axes (name, range, linear or logarithmic) sampled on a grid, at random, or
// by Latin hypercube. Points are numbered 0..n-1 in a fixed order, so a scan can be split across
// threads and MPI ranks, checkpointed and resumed, and its output sorted back by index.
#include <cstdint>
#include <string>
#include <vector>

namespace cevns::scan {

struct ParameterAxis {
  std::string name;
  double min = 0.0;
  double max = 0.0;
  std::size_t points = 1;  // grid sampling: points along this axis
  bool logarithmic = false;
};

enum class Sampling { grid, random, latin_hypercube };
Sampling parse_sampling(const std::string& name);  // "grid", "random", "latin-hypercube"

class ParameterSpace {
 public:
  // grid: the product of the axes' points (last axis fastest); random / latin_hypercube:
  // `samples` points drawn with std::mt19937_64 seeded by `seed` (reproducible on every platform
  // the standard library's engine is defined on).
  ParameterSpace(std::vector<ParameterAxis> axes, Sampling sampling, std::size_t samples = 0,
                 std::uint64_t seed = 1);

  [[nodiscard]] const std::vector<ParameterAxis>& axes() const { return axes_; }
  [[nodiscard]] std::size_t size() const { return size_; }
  // The coordinates of point `index` (grid points are computed from the index, sampled ones stored
  // in one block); InputError out of range.
  [[nodiscard]] std::vector<double> point(std::size_t index) const;
  void point(std::size_t index, std::vector<double>& out) const;

 private:
  std::vector<ParameterAxis> axes_;
  bool grid_ = true;
  std::size_t size_ = 0;
  std::vector<double> sampled_;  // random / latin hypercube: [index][axis]
};

}  // namespace cevns::scan
