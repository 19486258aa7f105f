#include "cevns/core/suggest.hpp"

#include <algorithm>
#include <cctype>

namespace cevns {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return std::tolower(static_cast<unsigned char>(c)); };
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t substitution = diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
  const std::size_t limit = std::max<std::size_t>(1, name.size() / 3);
  std::vector<std::pair<std::size_t, std::string>> close;
  auto common_prefix = [](std::string_view a, std::string_view b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() &&
           std::tolower(static_cast<unsigned char>(a[n])) == std::tolower(static_cast<unsigned char>(b[n])))
      ++n;
    return n;
  };
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(name, c);
    // close in spelling, or sharing a long beginning ("flux_averaged_xsec" -> "..._cross_section")
    const bool shared_start = common_prefix(name, c) >= std::max<std::size_t>(5, 6 * std::min(name.size(), c.size()) / 10);
    if (d <= limit || shared_start) close.emplace_back(d, c);
  }
  if (close.empty()) return "";
  std::stable_sort(close.begin(), close.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  close.erase(std::unique(close.begin(), close.end()), close.end());
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < std::min<std::size_t>(3, close.size()); ++i)
    out += (i ? ", " : "") + close[i].second;
  return out + "?)";
}

}  // namespace cevns
