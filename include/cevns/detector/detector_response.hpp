#pragma once
// From a nuclear recoil T to counts in observable bins (docs/physics/detectors.md):
//
//   T --quenching--> E_ee(T) --(light yield)--> mean observable mu(T)
//     --smearing--> P(x | T) --threshold, efficiency eps(x)--> bins [x_k, x_{k+1})
//
// Observable x in the detector's unit (a plain number in keVnr, keVee or photoelectrons):
//   keVnr: mu = T;  keVee: mu = E_ee;  pe: mu = Y E_ee with Y in PE/keVee.
// Smearing:
//   pe        Poisson photo-statistics (resolution none): P(n | mu) = e^-mu mu^n / n!, n counted in
//             bin k if x_k <= n < x_{k+1}; efficiency at n + pe_efficiency_offset (COHERENT's bin centres)
//   pe        gamma (COHERENT CsI 2021 release): a continuous reconstructed PE x with a gamma
//             distribution of mean mu and shape kappa = 1 + beta E_ee[keVee] (variance mu^2 / kappa);
//               R_kj = int_{max(x_k, thr)}^{x_{k+1}} eps(x + pe_efficiency_offset) Gamma(x; kappa, mu/kappa) dx
//   keV*      Gaussian, sigma(mu) from the resolution model (keV of the observable):
//               none     sigma = 0 (x = mu)
//               sqrt     sigma = a sqrt(mu) + b         (LAr 2020: sigma/E = 0.58/sqrt(E): a = 0.58, b = 0)
//               fano     sigma^2 = sigma0^2 + F w mu    (w = energy per charge carrier)
//               table    sigma(mu) from a user table (mu, sigma in keV), linear, end values held
//             R_kj = int_{max(x_k, thr)}^{x_{k+1}} eps(x) N(x; mu_j, sigma_j) dx
// The response matrix R (bins x recoil nodes) is computed once per set of recoil nodes.
#include <span>
#include <string>
#include <vector>

#include "cevns/detector/efficiency.hpp"
#include "cevns/detector/quenching.hpp"

namespace cevns {

enum class Observable { keVnr, keVee, pe };
enum class ResolutionModel { none, sqrt, fano, gamma, table };

// "keVnr", "keVee", "pe"; parse throws InputError with did-you-mean.
const char* to_string(Observable o);
Observable parse_observable(const std::string& name);

struct Resolution {
  ResolutionModel model = ResolutionModel::none;
  double a_sqrt_keV = 0.0;     // sqrt: sigma[keV] = a sqrt(mu[keV]) + b
  double b_keV = 0.0;
  double sigma0_keV = 0.0;     // fano
  double fano_factor = 0.0;
  double pair_energy_keV = 0.0;
  double gamma_shape_per_keVee = 0.0;  // gamma (pe only): kappa = 1 + beta E_ee, beta in 1/keVee
  std::vector<double> table_mu_keV, table_sigma_keV;  // table: increasing mu, sigma >= 0

  // A user resolution function sigma(mu) given at points; InputError if not >= 2 increasing rows
  // with finite sigma >= 0.
  static Resolution table(std::vector<double> mu_keV, std::vector<double> sigma_keV);
  // sigma (keV) at mean mu (keV) of the Gaussian models; >= 0 (0 for none and gamma).
  [[nodiscard]] double sigma(double mu_keV) const;
};

// Dense bins x nodes matrix, row-major, with the range of non-zero columns of each row (a bin sees
// the recoils whose observable can reach it: a band, since mu(T) increases).
struct ResponseMatrix {
  std::size_t bins = 0, nodes = 0;
  std::vector<double> values;
  std::vector<std::size_t> first, last;  // per row: non-zero columns in [first, last)
  [[nodiscard]] double operator()(std::size_t k, std::size_t j) const { return values[k * nodes + j]; }
  // out[k] = sum_j R_kj v_j
  void apply(std::span<const double> v, std::span<double> out) const;
  // Sets first/last from the values (called by DetectorResponse::response_matrix).
  void find_bands();
};

// A range of recoils (natural units).
struct RecoilInterval {
  double lo = 0.0;
  double hi = 0.0;
};

struct DetectorResponse {
  Quenching quenching;
  Observable observable = Observable::keVnr;
  double light_yield_pe_per_keVee = 0.0;  // pe only
  Resolution resolution;
  Efficiency efficiency;
  double threshold = 0.0;                 // observable units; x < threshold is lost
  std::vector<double> bin_edges;          // observable units, increasing
  double pe_efficiency_offset = 0.5;       // catalog default: 0.5 for Poisson counts, 0 for gamma

  // Throws InputError if the combination is inconsistent (no bins, pe without light yield, ...).
  void validate() const;
  [[nodiscard]] std::size_t bins() const { return bin_edges.empty() ? 0 : bin_edges.size() - 1; }
  // Mean observable mu(T) (observable units) for a recoil T (natural units).
  [[nodiscard]] double mean_observable(double recoil) const;
  // Recoils where R has a step (deterministic observable crossing a bin edge or the threshold),
  // inside (0, recoil_max): quadrature panels must break there.
  [[nodiscard]] std::vector<double> recoil_breakpoints(double recoil_max) const;
  // The recoils that can be detected (the threshold rule of the recoil kernels): every recoil below
  // lo lands at or above the lowest detectable observable (the threshold, the first bin edge, where
  // the efficiency starts) with probability < tail, and every recoil above hi lands below the top
  // edge with probability < tail, smearing tails included (Gaussian, Poisson or gamma: closed forms).
  // lo = 0 / hi = recoil_max where no such cut exists in (0, recoil_max); lo >= hi if nothing there is
  // detectable. docs/physics/detectors.md.
  [[nodiscard]] RecoilInterval detectable_recoils(double recoil_max, double tail = 1e-12) const;
  // P(observable >= lowest detectable value | T) and P(observable < top edge | T), ignoring the
  // efficiency's magnitude (upper bounds of detection).
  [[nodiscard]] double probability_above_lowest(double recoil) const;
  [[nodiscard]] double probability_below_top(double recoil) const;
  // P(bin k and detected | T_j) for every node.
  [[nodiscard]] ResponseMatrix response_matrix(std::span<const double> recoils) const;
  // Probability that recoil T lands in bin k and is detected (one column of R).
  void response_column(double recoil, std::span<double> out) const;
};

}  // namespace cevns
