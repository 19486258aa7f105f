#include "cevns/io/coherency_table_reader.hpp"

#include "cevns/io/text_table.hpp"

namespace cevns::io {

std::vector<PublishedCoherencyRow> read_coherency_table(const std::filesystem::path& csv) {
  const auto table = TextTable::read(csv, TextTable::Delimiter::comma, true);
  std::vector<PublishedCoherencyRow> rows;
  for (std::size_t r = 0; r < table.rows().size(); ++r) {
    PublishedCoherencyRow row{table.text(r, 0), table.text(r, 1), {}};
    for (std::size_t c = 2; c < table.header().size(); ++c) row.values.emplace_back(table.header()[c], table.number(r, c));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace cevns::io
