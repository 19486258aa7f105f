#include "cevns/rates/experiment.hpp"

#include <algorithm>

namespace cevns {

std::string Experiment::target_name() const {
  std::vector<std::string> names;
  for (const auto& m : modules)
    if (std::find(names.begin(), names.end(), m.material.name()) == names.end()) names.push_back(m.material.name());
  if (names.empty()) return material ? material->name() : std::string("(no target)");
  std::string out = names.front();
  for (std::size_t i = 1; i < names.size(); ++i) out += " + " + names[i];
  return out;
}

void Experiment::scale_quenching(double factor) {
  response.quenching.scale *= factor;
  for (auto& m : modules) m.response.quenching.scale *= factor;
}

}  // namespace cevns
