/// @file
/// @brief Random variates drawn from a `sim::Rng`: our own portable implementations of
///        the continuous and discrete distributions the models use.
///
/// The standard library's distributions are not used: their algorithms are unspecified,
/// so libstdc++ and libc++ turn the same seed into different numbers. Every algorithm
/// here is fixed and documented, and tests/sim/distributions_test.cpp pins the first
/// values drawn from a known seed, so a change that alters the numbers a seed produces
/// fails the tests.
///
/// Common contracts of every function here:
/// - Parameters are checked before anything is drawn. Invalid parameters (including NaN)
///   throw std::invalid_argument with a message naming the distribution, the parameter
///   and the offending value ("exponential: rate must be > 0 and finite, got -1"); the
///   generator is then left untouched.
/// - There is no hidden state: no caches, no globals. A draw depends only on the
///   parameters and the generator's state, and advances only the generator. Functions
///   are safe to call concurrently on distinct generators.
/// - Draws that consume a fixed number of 64-bit outputs say so; this matters for common
///   random numbers (a stream whose consumption does not depend on its parameters stays
///   aligned across scenarios).
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "sim/random.hpp"

namespace sim {

namespace detail {

/// Throws std::invalid_argument("<distribution>: <requirement>, got <value>"). Out of
/// line so that the inline draws below stay small.
[[noreturn]] void throw_invalid_parameter(std::string_view distribution,
                                          std::string_view requirement, double value);

/// 128-bit unsigned arithmetic (a GCC/Clang extension) for Lemire's method.
__extension__ using uint128 = unsigned __int128;

}  // namespace detail

/// @brief A double uniform on [0, 1): the top 53 bits of one draw, times 2^-53.
///
/// Every multiple of 2^-53 in [0, 1) is equally likely; 1 is never returned. Consumes
/// exactly one output of `rng`.
inline double uniform01(Rng& rng) noexcept {
  return static_cast<double>(rng() >> 11U) * 0x1.0p-53;
}

/// @brief A double uniform on [a, b), computed as a + (b - a) * uniform01(rng).
///
/// Requires a and b finite and a <= b; a == b returns a. For a < b the result is always
/// in [a, b) (a rounding up to b is replaced by the largest double below b), also when
/// b - a overflows. Consumes exactly one output of `rng`, even when a == b.
double uniform(Rng& rng, double a, double b);

/// @brief An integer uniform on [0, n), without bias, for any n > 0.
///
/// Lemire's multiply-shift method with rejection ("Fast random integer generation in an
/// interval", ACM TOMACS 2019): the high 64 bits of rng() * n, redrawing when the low 64
/// bits fall below 2^64 mod n. Consumes one output of `rng`, more with probability
/// (2^64 mod n) / 2^64 per draw (always exactly one when n is a power of two, and for
/// n == 1, which returns 0).
inline std::uint64_t uniform_int(Rng& rng, std::uint64_t n) {
  if (n == 0) [[unlikely]] {
    detail::throw_invalid_parameter("uniform_int", "n must be > 0", 0.0);
  }
  detail::uint128 m = static_cast<detail::uint128>(rng()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;  // 2^64 mod n
    while (low < threshold) {
      m = static_cast<detail::uint128>(rng()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64U);
}

/// @brief Exponential with rate `rate` (mean 1 / rate), by inversion:
///        -log1p(-uniform01(rng)) / rate.
///
/// Requires rate > 0 and finite. The result is >= 0, at most 53 ln 2 / rate ~ 36.7 / rate,
/// and finite unless rate is below ~2e-307. Inversion is monotone in the uniform, which
/// keeps common random numbers well aligned. Consumes exactly one output of `rng`.
inline double exponential(Rng& rng, double rate) {
  if (!(rate > 0.0) || !std::isfinite(rate)) [[unlikely]] {
    detail::throw_invalid_parameter("exponential", "rate must be > 0 and finite", rate);
  }
  return -std::log1p(-uniform01(rng)) / rate;
}

/// @brief Normal with mean `mean` and standard deviation `sd`, by Marsaglia's polar
///        method.
///
/// Requires mean finite and sd >= 0 and finite; sd == 0 returns mean (a variate is still
/// drawn). The polar method yields two independent variates per accepted pair; the
/// second is discarded, so that a draw depends on nothing but `rng` (no cached state).
/// Consumes 2 outputs per attempt; an attempt succeeds with probability pi / 4, so a draw
/// consumes 8 / pi ~ 2.55 outputs on average.
double normal(Rng& rng, double mean, double sd);

/// @brief Lognormal: exp(X) with X ~ normal(mu, sigma).
///
/// Requires mu finite and sigma >= 0 and finite. Mean exp(mu + sigma^2 / 2). Overflows to
/// +inf only where exp(X) exceeds the largest double. Consumes what normal() consumes.
double lognormal(Rng& rng, double mu, double sigma);

/// @brief Lognormal given the mean and standard deviation of the lognormal variable
///        itself (not of its logarithm).
///
/// Requires mean > 0 and finite, sd >= 0 and finite, and sd / mean finite. Uses
/// sigma^2 = log(1 + (sd / mean)^2) and mu = log(mean) - sigma^2 / 2, then draws
/// lognormal(mu, sigma); sd == 0 returns exactly `mean`. Consumes what normal() consumes.
double lognormal_mean_sd(Rng& rng, double mean, double sd);

/// @brief Gamma with shape k = `shape` and scale theta = `scale` (mean k theta, variance
///        k theta^2).
///
/// Requires shape > 0 and finite and scale > 0 and finite. Marsaglia & Tsang's method ("A
/// simple method for generating gamma variables", ACM TOMS 2000) for shape >= 1; for
/// shape < 1, gamma(shape + 1) * U^(1 / shape) with U uniform on (0, 1]. The result is
/// > 0 except where the true variate underflows (tiny shapes). The number of outputs
/// consumed varies.
double gamma(Rng& rng, double shape, double scale);

/// @brief Beta with shapes a and b (mean a / (a + b)), as X / (X + Y) with independent
///        X ~ gamma(a, 1) and Y ~ gamma(b, 1).
///
/// Requires a > 0 and b > 0, both finite. The result is in [0, 1]. When a shape is below
/// 1 the ratio is formed from the logarithms of the gamma variates, so that variates too
/// small to represent (frequent for shapes well below 1) cannot give 0 / 0. The number
/// of outputs consumed varies.
double beta(Rng& rng, double a, double b);

/// @brief Poisson with mean `mean`.
///
/// Requires 0 <= mean <= 1e15 (above that, neighbouring counts stop being representable
/// as doubles, which the algorithm needs). mean == 0 returns 0. For mean < 10: inversion
/// by sequential search from 0, consuming exactly one output and monotone in it. For
/// mean >= 10: Hörmann's transformed rejection with squeeze, PTRS ("The transformed
/// rejection method for generating Poisson random variables", Insurance: Mathematics and
/// Economics 12, 1993), consuming 2 outputs per attempt: on average 2.66 outputs per
/// draw at mean 10, falling to 2.25 for large means.
std::uint64_t poisson(Rng& rng, double mean);

/// @brief true with probability p: uniform01(rng) < p.
///
/// Requires p in [0, 1]; p == 0 never gives true and p == 1 always does. Consumes exactly
/// one output of `rng`, whatever p.
inline bool bernoulli(Rng& rng, double p) {
  if (!(p >= 0.0 && p <= 1.0)) [[unlikely]] {
    detail::throw_invalid_parameter("bernoulli", "p must be in [0, 1]", p);
  }
  return uniform01(rng) < p;
}

/// @brief An index i in [0, weights.size()) chosen with probability weights[i] / sum.
///
/// Requires at least one weight, every weight >= 0 and finite, and a finite sum > 0. A
/// zero-weight index is never returned. Validates and scans the weights on every call
/// (O(n)); for repeated draws from the same weights use DiscreteDistribution, which
/// returns the same index for the same generator state. Consumes exactly one output of
/// `rng`.
std::size_t choose(Rng& rng, std::span<const double> weights);

/// @brief A fixed discrete distribution over indices [0, size()), with probabilities
///        proportional to the weights it was built from.
///
/// The weights are validated once, at construction, with choose()'s requirements; the
/// cumulative sums are stored and each draw is a binary search (O(log n)). For the same
/// weights and the same generator state, a draw returns exactly the index choose()
/// returns. Immutable after construction, so it can be shared between threads.
class DiscreteDistribution {
 public:
  /// Builds the distribution; throws std::invalid_argument on invalid weights.
  explicit DiscreteDistribution(std::span<const double> weights);
  DiscreteDistribution(std::initializer_list<double> weights);

  /// An index drawn with probability weights[i] / sum. Consumes exactly one output of
  /// `rng`.
  std::size_t operator()(Rng& rng) const;

  /// Number of categories (weights given, zero weights included).
  [[nodiscard]] std::size_t size() const noexcept { return cumulative_.size(); }

 private:
  std::vector<double> cumulative_;  // cumulative_[i] = weights[0] + ... + weights[i]
  std::size_t last_positive_ = 0;   // index of the last weight > 0
};

}  // namespace sim
