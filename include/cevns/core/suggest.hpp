#pragma once
// "Did you mean ...?" for misspelt names (targets, sources, experiments, options).
#include <string>
#include <string_view>
#include <vector>

namespace cevns {

// Case-insensitive edit distance (Levenshtein).
std::size_t edit_distance(std::string_view a, std::string_view b);

// " (did you mean X, Y?)" with up to three candidates close to `name`, or "" if none is close.
std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace cevns
