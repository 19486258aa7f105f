#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "cevns/core/error.hpp"
#include "cevns/core/units.hpp"
#include "cevns/io/source_data_reader.hpp"

namespace cevns {
namespace {

std::filesystem::path write(const std::string& name, const std::string& text) {
  const auto p = std::filesystem::temp_directory_path() / ("cevns_sources_" + name);
  std::ofstream(p) << text;
  return p;
}

std::string message(const std::filesystem::path& p) {
  try {
    io::read_spectrum_table(p, Normalisation::flux);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(SpectrumTable, ReadsCsvAndWhitespaceWithUnits) {
  // A ramp dPhi/dE = E (per cm^2 s MeV) on 0..2 MeV: total 2, <E> = 4/3 MeV (linear data is
  // reproduced exactly by the monotone interpolant); scale 3.
  const auto csv = write("ok.csv", "# test\nE_MeV, nue, numubar\n0, 0, 0\n1, 1, 2\n2, 2, 4\n");
  const auto s = io::read_spectrum_table(csv, Normalisation::flux, 3.0);
  EXPECT_NEAR(s.total({Flavour::e, false}) * units::cm2 * units::s, 6.0, 1e-9);
  EXPECT_NEAR(s.total({Flavour::mu, true}) * units::cm2 * units::s, 12.0, 1e-9);
  EXPECT_EQ(s.spectrum({Flavour::tau, false}), nullptr);
  const auto ws = write("ok.txt", "E_MeV nue\n0 0\n1 1\n2 2\n");
  EXPECT_NEAR(io::read_spectrum_table(ws, Normalisation::flux).spectrum({Flavour::e, false})->mean_energy(),
              4.0 / 3.0 * units::MeV, 1e-9);
}

TEST(SpectrumTable, MalformedFilesNameFileAndLine) {
  const auto nonmono = write("nonmono.csv", "E_MeV,nue\n0,0\n2,1\n1,0\n");
  EXPECT_NE(message(nonmono).find("cevns_sources_nonmono.csv:4: energies must increase"), std::string::npos)
      << message(nonmono);
  const auto text = write("text.csv", "E_MeV,nue\n0,0\n1,abc\n");
  EXPECT_NE(message(text).find("text.csv:3:"), std::string::npos) << message(text);
  const auto cols = write("cols.csv", "E_MeV,nue\n0,0\n1\n");
  EXPECT_NE(message(cols).find("cols.csv:3:"), std::string::npos) << message(cols);
  const auto neg = write("neg.csv", "E_MeV,nue\n0,0\n1,-1\n");
  EXPECT_NE(message(neg).find("neg.csv:3: negative"), std::string::npos) << message(neg);
  const auto species = write("species.csv", "E_MeV,nux\n0,0\n1,1\n");
  EXPECT_NE(message(species).find("species.csv"), std::string::npos) << message(species);
  EXPECT_THROW(io::read_spectrum_table("/nonexistent/x.csv", Normalisation::flux), DataError);
}

}  // namespace cevns
