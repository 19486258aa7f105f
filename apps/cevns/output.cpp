#include "output.hpp"

#include <cmath>
#include <iostream>

#include "cevns/build_info.hpp"
#include "cevns/core/error.hpp"

namespace cevns::cli {
namespace {

void check_finite(const nlohmann::json& j, const std::string& path) {
  if (j.is_number_float() && !std::isfinite(j.get<double>()))
    throw NumericalError("result '" + path + "' is not a finite number");
  if (j.is_object())
    for (const auto& [key, value] : j.items()) check_finite(value, path.empty() ? key : path + "." + key);
  if (j.is_array())
    for (std::size_t i = 0; i < j.size(); ++i) check_finite(j[i], path + "[" + std::to_string(i) + "]");
}

}  // namespace

nlohmann::json run_metadata(const std::vector<std::string>& references) {
  return {{"version", build_info::version}, {"git_hash", build_info::git_hash},
          {"references", references}};
}

void print_json(const nlohmann::json& document) {
  check_finite(document, "");
  std::cout << document.dump(2) << '\n';
}

}  // namespace cevns::cli
