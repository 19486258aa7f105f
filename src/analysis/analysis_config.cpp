#include "cevns/analysis/analysis_config.hpp"

#include <algorithm>
#include <iterator>

namespace cevns::analysis {

bool is_parameter_of_interest(const std::string& name) {
  return std::any_of(std::begin(poi_names), std::end(poi_names), [&](const char* p) { return name == p; });
}

}  // namespace cevns::analysis
