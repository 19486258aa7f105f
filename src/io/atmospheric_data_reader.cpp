#include "cevns/io/atmospheric_data_reader.hpp"

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/data_path.hpp"
#include "cevns/io/text_table.hpp"

namespace cevns::io {

AtmosphericFlux read_atmospheric_flux(const std::filesystem::path& directory) {
  static constexpr std::array<const char*, 4> files{"fluka_AtmNu_e.txt", "fluka_AtmNu_ebar.txt",
                                                    "fluka_AtmNu_mu.txt", "fluka_AtmNu_mubar.txt"};
  const double flux_unit = 1.0 / (units::cm2 * units::s * units::MeV);
  AtmosphericFlux out;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto t = TextTable::read(directory / files[i], TextTable::Delimiter::comma, false);
    std::vector<double> x, y;
    for (std::size_t r = 0; r < t.rows().size(); ++r) {
      const double e = t.number(r, 0), v = t.number(r, 1);
      if (!x.empty() && !(e * units::MeV > x.back()))
        throw ConfigError(t.where(r) + ": energies must increase strictly");
      if (v < 0.0) throw ConfigError(t.where(r) + ": negative flux");
      x.push_back(e * units::MeV);
      y.push_back(v * flux_unit);
    }
    if (x.size() < 2) throw ConfigError((directory / files[i]).string() + ": fewer than two rows");
    out.density[i] = TabulatedFunction(std::move(x), std::move(y), files[i]);
  }
  out.references = {
      "G. Battistoni, A. Ferrari, T. Montaruli, P.R. Sala, Astropart. Phys. 23, 526 (2005) (FLUKA)",
      "tables as used by C.A.J. O'Hare, PRL 127, 251802 (2021), github cajohare/NeutrinoFog"};
  return out;
}

const AtmosphericFlux& default_atmospheric_flux() {
  static const AtmosphericFlux flux = read_atmospheric_flux(data_file("atmospheric/fluka_AtmNu_e.txt").parent_path());
  return flux;
}

}  // namespace cevns::io
