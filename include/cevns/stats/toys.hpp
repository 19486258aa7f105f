#pragma once
// Pseudo-experiments. Every toy has its own engine, seeded from (seed, toy index) through
// std::seed_seq with the four 32-bit halves {seed_lo, seed_hi, index_lo, index_hi}: toy k is the
// same whichever order or thread generates it, and streams of different toys are decorrelated by
// the seed_seq mixing (C++ [rand.util.seedseq]).
#include <cstdint>
#include <functional>
#include <random>
#include <span>
#include <vector>

#include "cevns/stats/binned_likelihood.hpp"

namespace cevns::stats {

std::mt19937_64 toy_engine(std::uint64_t seed, std::uint64_t toy_index);

// n_i ~ Poisson(mu_i) for each bin (mu_i >= 0 required).
std::vector<double> poisson_toy(std::span<const double> expected, std::mt19937_64& engine);

// A toy of a likelihood at parameter values `truth`: Poisson data, and for every constrained
// nuisance a fluctuated auxiliary measurement (Gaussian: N(truth, width); log-normal:
// truth * exp(N(0, width))), so that frequentist coverage includes the constraint.
struct Toy {
  std::vector<double> observed;
  std::vector<double> centers;  // per parameter; unchanged for unconstrained ones
};
Toy generate_toy(const BinnedLikelihood& likelihood, const std::vector<double>& truth, std::uint64_t seed,
                 std::uint64_t toy_index);
// The likelihood with a toy's data and auxiliary measurements.
BinnedLikelihood with_toy(BinnedLikelihood likelihood, const Toy& toy);

// Runs `statistic` on n toys (toy k from toy_engine(seed, k)) and returns its values.
std::vector<double> toy_distribution(const BinnedLikelihood& likelihood, const std::vector<double>& truth,
                                     std::size_t n_toys, std::uint64_t seed,
                                     const std::function<double(const BinnedLikelihood&)>& statistic);

}  // namespace cevns::stats
