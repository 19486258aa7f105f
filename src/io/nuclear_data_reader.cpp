#include "cevns/io/nuclear_data_reader.hpp"

#include <cmath>
#include <cstdlib>
#include <map>

#include "cevns/core/error.hpp"
#include "cevns/io/data_path.hpp"
#include "cevns/io/text_table.hpp"

namespace cevns::io {
namespace {

// (Z, A) -> rms charge radius in fm; the preliminary value where no final one is given.
std::map<std::pair<int, int>, double> read_radii(const std::filesystem::path& path) {
  const auto table = TextTable::read(path, TextTable::Delimiter::comma, false);
  std::map<std::pair<int, int>, double> radii;
  for (std::size_t r = 0; r < table.rows().size(); ++r) {
    const int Z = static_cast<int>(table.number(r, 0));
    const int A = static_cast<int>(table.number(r, 3));
    const std::string final_value = table.text(r, 4);
    const std::string preliminary = table.text(r, 6);
    if (!final_value.empty())
      radii[{Z, A}] = table.number(r, 4);
    else if (!preliminary.empty())
      radii[{Z, A}] = table.number(r, 6);
  }
  return radii;
}

}  // namespace

NuclearDatabase read_nuclear_database(const std::filesystem::path& isotopes_csv,
                                      const std::filesystem::path& radii_csv) {
  const auto radii = read_radii(radii_csv);
  const auto table = TextTable::read(isotopes_csv, TextTable::Delimiter::comma, true);
  const auto c_symbol = table.column("symbol");
  const auto c_Z = table.column("Z");
  const auto c_N = table.column("N");
  const auto c_A = table.column("A");
  const auto c_mass = table.column("atomic_mass_u");
  const auto c_abundance = table.column("abundance");
  std::vector<Nuclide> nuclides;
  for (std::size_t r = 0; r < table.rows().size(); ++r) {
    Nuclide n;
    n.symbol = table.text(r, c_symbol);
    n.Z = static_cast<int>(table.number(r, c_Z));
    n.N = static_cast<int>(table.number(r, c_N));
    if (n.A() != static_cast<int>(table.number(r, c_A)))
      throw DataError(table.where(r) + ": Z + N differs from A");
    n.atomic_mass_u = table.number(r, c_mass);
    n.abundance = table.number(r, c_abundance);
    if (!(n.atomic_mass_u > 0.0) || n.abundance < 0.0 || n.abundance > 1.0)
      throw DataError(table.where(r) + ": mass must be positive and abundance within [0, 1]");
    if (const auto it = radii.find({n.Z, n.A()}); it != radii.end()) {
      n.charge_radius_fm = it->second;
      n.charge_radius_measured = true;
    } else {
      // No measurement: scale the radius of the closest measured isotope of the element as A^(1/3).
      int best_A = -1;
      double best_radius = 0.0;
      for (const auto& [key, radius] : radii) {
        if (key.first != n.Z) continue;
        if (best_A < 0 || std::abs(key.second - n.A()) < std::abs(best_A - n.A())) {
          best_A = key.second;
          best_radius = radius;
        }
      }
      if (best_A < 0)
        throw DataError(radii_csv.string() + ": no charge radius for any isotope of " + n.symbol);
      n.charge_radius_fm = best_radius * std::cbrt(static_cast<double>(n.A()) / best_A);
      n.charge_radius_measured = false;
    }
    nuclides.push_back(std::move(n));
  }
  return NuclearDatabase(std::move(nuclides));
}

const NuclearDatabase& default_nuclear_database() {
  static const NuclearDatabase db = read_nuclear_database(
      data_file("nuclear/isotopes.csv"), data_file("nuclear/charge_radii_angeli2013.csv"));
  return db;
}

}  // namespace cevns::io
