#include "cevns/sources/atmospheric.hpp"

#include <memory>

namespace cevns {

NeutrinoSource atmospheric_source(const AtmosphericFlux& flux) {
  NeutrinoSource s;
  s.name = "atmospheric";
  s.normalisation = Normalisation::flux;
  for (std::size_t i = 0; i < atmospheric_species.size(); ++i) {
    auto table = std::make_shared<const TabulatedFunction>(flux.density[i]);
    // Panel edges every ~50 table points: the flux falls by three decades over the range, so
    // several panels keep the fixed-node quadrature accurate.
    std::vector<double> breaks;
    const auto& x = table->x();
    for (std::size_t k = 50; k + 1 < x.size(); k += 50) breaks.push_back(x[k]);
    s.add(atmospheric_species[i],
          Spectrum([table](double E) { return (*table)(E); }, table->min_x(), table->max_x(), breaks));
  }
  s.references = flux.references;
  s.references.push_back("flux normalisation uncertainty 25 % (C.A.J. O'Hare, PRL 127, 251802 (2021))");
  return s;
}

}  // namespace cevns
