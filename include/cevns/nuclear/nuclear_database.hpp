#pragma once
// The isotopes cevns knows, looked up by name ("Ar40", "40Ar", "Ar-40") or by element ("Ar").
// Built from data/nuclear by io/nuclear_data_reader.hpp; physics code receives it ready-made.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cevns/nuclear/nuclide.hpp"

namespace cevns {

class NuclearDatabase {
 public:
  NuclearDatabase() = default;
  explicit NuclearDatabase(std::vector<Nuclide> nuclides);

  [[nodiscard]] const std::vector<Nuclide>& nuclides() const { return nuclides_; }
  // Element symbols in order of Z.
  [[nodiscard]] std::vector<std::string> elements() const;

  [[nodiscard]] bool has_element(std::string_view symbol) const;
  // Natural isotopes of an element (abundance > 0), ordered by A; InputError if unknown.
  [[nodiscard]] std::vector<Nuclide> isotopes_of(std::string_view symbol) const;
  // One isotope by element and mass number; InputError if unknown.
  [[nodiscard]] const Nuclide& isotope(std::string_view symbol, int A) const;
  // Parses "Ar40", "40Ar", "Ar-40", "ar40"; nullopt if the text is not an isotope name of the
  // database.
  [[nodiscard]] std::optional<Nuclide> find_isotope(std::string_view name) const;
  // Every isotope name, for "did you mean" suggestions.
  [[nodiscard]] std::vector<std::string> isotope_names() const;

 private:
  std::vector<Nuclide> nuclides_;
};

}  // namespace cevns
