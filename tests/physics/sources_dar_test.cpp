// pi-DAR source against published numbers (docs/validation/sources.md, ids P01-P05).
#include <gtest/gtest.h>

#include "cevns/core/units.hpp"
#include "cevns/io/source_data_reader.hpp"
#include "cevns/sources/decay_at_rest.hpp"
#include "cevns/sources/decay_at_rest_timing.hpp"

namespace cevns {
namespace {
const double per_cm2_s = 1.0 / (units::cm2 * units::s);
double gw_hr(double x) { return x * 1e9 * 3600.0 / 1.602176634e-13 * units::MeV; }
}  // namespace

TEST(SourcesDar, P01PromptLineEnergy) {
  // P01: (m_pi^2 - m_mu^2)/(2 m_pi) = 29.792 MeV with PDG masses; rounding of the quoted value.
  EXPECT_NEAR(dar_prompt_energy() / units::MeV, 29.792, 5e-4);
}

TEST(SourcesDar, P02MichelMeanEnergies) {
  // P02: <E> = 31.70 MeV (nu_e), 36.98 MeV (anti-nu_mu); quoted to 0.01 MeV.
  const auto s = dar_spectra_per_decay_chain();
  EXPECT_NEAR(s.spectrum({Flavour::e, false})->mean_energy() / units::MeV, 31.70, 0.006);
  EXPECT_NEAR(s.spectrum({Flavour::mu, true})->mean_energy() / units::MeV, 36.98, 0.006);
}

TEST(SourcesDar, P03P04SnsFluxAt19m) {
  // P04: SNS 1.4 MW, 1 GeV, 0.08 nu/flavour/proton (COHERENT 2017 release) at 19.3 m:
  // 3 x 0.08 x 8.74e15 p/s / (4 pi 1930^2 cm^2) = 4.5e7 /cm^2/s summed; Wagner 2022 review quotes 4.3e7
  // (rounded, and a slightly lower average power): 5 % tolerance on the sum of our inputs' value,
  // 7 % on the quoted 4.3e7.
  const auto& facilities = io::default_facilities();
  const auto sns = std::find_if(facilities.begin(), facilities.end(), [](const auto& f) { return f.name == "sns"; });
  ASSERT_NE(sns, facilities.end());
  ASSERT_TRUE(sns->nu_per_flavour_per_proton.has_value());
  EXPECT_DOUBLE_EQ(*sns->nu_per_flavour_per_proton, 0.08);  // P03 (CsI 2017 release)
  const auto s = decay_at_rest_source(*sns, 19.3 * units::m);
  const double sum = s.total() / per_cm2_s;
  EXPECT_NEAR(sum, 4.5e7, 0.05 * 4.5e7);
  EXPECT_NEAR(sum, 4.3e7, 0.07 * 4.3e7);
  // Equal flavours: one third each, ~1.4e7 (= 4.3e7 / 3, the seed's rounding) within 7 %.
  EXPECT_NEAR(s.total({Flavour::e, false}) / per_cm2_s, 4.3e7 / 3, 0.07 * 4.3e7 / 3);
}

TEST(SourcesDar, P03ProtonsOnTargetOfTheLArRelease) {
  // COHERENT LAr release (arXiv:2006.12659): 6.12 GW hr = 13.8e22 POT. With E_p = 1 GeV the
  // conversion POT = GW hr 3.6e12 / (E_p[GeV] 1.602e-10) gives 13.75e22; the release's mean proton
  // energy was slightly below 1 GeV, hence 0.5 % tolerance.
  const double pot = protons_on_target(gw_hr(6.12), 1.0 * units::GeV);
  EXPECT_NEAR(pot, 13.8e22, 0.005 * 13.8e22);
}

TEST(SourcesDar, P05TimingAgainstTheReleasedArrivalTimePdfs) {
  // P05 (LAr release: Gaussian 440 ns / 150 ns, tau_pi 26 ns, tau_mu 2.197 us). The CsI 2017
  // release's delayed-neutrino arrival PDF (/work/shared/data/coherent_csi_2017/
  // arrivalTimePDF_delayedNeutrinos.txt, 0.5-us bins) has bins 3.0-3.5 us and 2.0-2.5 us of
  // 0.07259 and 0.11441: ratio 0.6345. Its time origin differs from the LAr trace's, but late bins
  // are the muon exponential, so the ratio is origin independent: 0.5 % tolerance (their MC
  // binning/statistics). Prompt: the release puts 97.4 % of prompt neutrinos in one 1-us span
  // (bins 0.5-1.5 us); ours has > 97 % within 1 us after the pulse start (0-1 us).
  const DecayAtRestTiming t;
  const double us = units::us;
  const double ratio = t.delayed_fraction(3.0 * us, 3.5 * us) / t.delayed_fraction(2.0 * us, 2.5 * us);
  EXPECT_NEAR(ratio, 0.07259358786111239 / 0.11441041182329371, 0.005 * 0.6345);
  EXPECT_GT(t.prompt_fraction(0.0, 1.0 * us), 0.97);
}

}  // namespace cevns
