#pragma once
// The scan quantity bsm_asimov_delta_chi2: the Asimov Delta chi^2 against the Standard Model of
// any BSM (or nuclear) parameter the physics-choices parser knows, for catalog experiments.
//
// Asimov data n_i = SM signal + backgrounds (computed once per experiment). At a point the signal
// S_i(theta) is the full prediction with the point's CevnsSettings, re-evaluated on the SM
// prediction's stored source moments, nodes and response (Prediction::signal); the backgrounds B_i are
// fixed and the signal normalisation a is profiled with a Gaussian constraint of width sigma_a:
//   Delta chi^2 = sum_experiments min_{a >= 0} [ D(a S + B; n) + ((a - 1) / sigma_a)^2 ],
// D the Poisson deviance of Baker & Cousins (stats/binned_likelihood.hpp), or, for comparison with
// nsi_asimov_delta_chi2, Pearson's sum (mu - n)^2 / n. Both are convex in a, so the profile is a
// safeguarded Newton iteration (no minimiser needed).
#include <string>
#include <vector>

#include "cevns/physics/cevns_cross_section.hpp"
#include "cevns/rates/experiment.hpp"
#include "cevns/rates/prediction.hpp"
#include "cevns/scan/scan_config.hpp"

namespace cevns::scan {

enum class AsimovStatistic { poisson, pearson };

class BsmAsimovChi2 {
 public:
  // InputError for no experiments or a non-positive normalisation uncertainty.
  BsmAsimovChi2(const std::vector<std::string>& experiments, double normalisation_uncertainty,
                AsimovStatistic statistic = AsimovStatistic::poisson);

  // Delta chi^2 of the model given by `settings` against the SM Asimov data (thread-safe).
  [[nodiscard]] double operator()(const CevnsSettings& settings) const;
  // The profiled part alone, for one experiment's signal S (layout of PredictionResult::signal).
  [[nodiscard]] double profiled(std::size_t experiment, const std::vector<double>& signal) const;
  [[nodiscard]] std::size_t experiments() const { return data_.size(); }

 private:
  struct Data {
    Prediction sm;
    std::vector<double> asimov;      // n_i: SM signal + backgrounds
    std::vector<double> background;  // B_i
  };
  std::vector<Data> data_;
  double inverse_variance_ = 0.0;
  AsimovStatistic statistic_;
};

// The scan parameters bsm_asimov_delta_chi2 accepts: zprime_mass_MeV, zprime_coupling,
// scalar_mass_MeV, scalar_coupling, magnetic_moment_bohr, millicharge_e, charge_radius_cm2,
// sin2w, neutron_radius_fm, neutron_skin_fm and every NSI name (eps_ee_uV, ..., eps_ee_S).
std::vector<std::string> bsm_asimov_parameters();

// The settings at one point: the named values go through the physics-choices parser
// (make_cevns_settings), so every check and convention is the command line's. `zprime_model` is
// universal, b-l or lmu-ltau. InputError for a Z' or scalar mass without its coupling or back.
CevnsSettings bsm_point_settings(const std::vector<std::string>& names, const std::vector<double>& values,
                                 const std::string& zprime_model = "universal");

ScanJob bsm_asimov_job(const ScanConfig& config);

}  // namespace cevns::scan
