// The out-of-line distributions of sim/distributions.hpp. Every algorithm here is fixed:
// changing one changes the numbers every seed produces, which the pinned values in
// tests/sim/distributions_test.cpp catch.
#include "sim/distributions.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <stdexcept>
#include <string>

namespace sim {

namespace {

/// The shortest decimal text that reads back as `value` ("-1", "0.1", "nan", "inf").
std::string format_double(double value) {
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), result.ptr};
}

void require_finite(std::string_view distribution, std::string_view requirement,
                    double value) {
  if (!std::isfinite(value)) detail::throw_invalid_parameter(distribution, requirement, value);
}

void require_positive(std::string_view distribution, std::string_view requirement,
                      double value) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    detail::throw_invalid_parameter(distribution, requirement, value);
  }
}

void require_non_negative(std::string_view distribution, std::string_view requirement,
                          double value) {
  if (!(value >= 0.0) || !std::isfinite(value)) {
    detail::throw_invalid_parameter(distribution, requirement, value);
  }
}

/// A standard normal variate: Marsaglia's polar method. Draws a point uniformly in the
/// square [-1, 1)^2 until it falls strictly inside the unit disc (minus the centre), and
/// returns the first of the two variates the point yields; the second is discarded so
/// that nothing is cached between calls. 2 * uniform01 - 1 is exact.
double standard_normal(Rng& rng) {
  for (;;) {
    const double u = 2.0 * uniform01(rng) - 1.0;
    const double v = 2.0 * uniform01(rng) - 1.0;
    const double s = u * u + v * v;
    if (s < 1.0 && s > 0.0) return u * std::sqrt(-2.0 * std::log(s) / s);
  }
}

/// A gamma(shape, 1) variate for shape >= 1: Marsaglia & Tsang (2000). With
/// d = shape - 1/3 and c = 1 / sqrt(9 d), draws x standard normal until v = (1 + c x)^3 > 0
/// and accepts d v with the squeeze u < 1 - 0.0331 x^4 or the exact test
/// log u < x^2 / 2 + d (1 - v + log v). The result is > 0.
double marsaglia_tsang(Rng& rng, double shape) {
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = standard_normal(rng);
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = uniform01(rng);
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
    // u == 0 gives log u = -inf: accepted, as it should be. v underflowing to 0 gives
    // log v = -inf: rejected.
    if (std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) return d * v;
  }
}

/// The logarithm of a gamma(shape, 1) variate, for any shape > 0. For shape < 1 the
/// variate G * U^(1/shape) is often too small for a double (shape 0.01 gives values below
/// 1e-308 about once in a thousand draws), but its logarithm log G + log U / shape is
/// not. U is uniform on (0, 1], so log U is finite.
double log_standard_gamma(Rng& rng, double shape) {
  if (shape >= 1.0) return std::log(marsaglia_tsang(rng, shape));
  const double g = marsaglia_tsang(rng, shape + 1.0);
  const double u = 1.0 - uniform01(rng);  // exact; in (0, 1]
  return std::log(g) + std::log(u) / shape;
}

/// k! for k < 30 as doubles, computed at compile time by repeated multiplication (exact
/// up to 18!, then within 30 rounding errors: a relative error below 4e-15).
constexpr std::size_t kFactorialTableSize = 30;
constexpr std::array<double, kFactorialTableSize> kFactorials = [] {
  std::array<double, kFactorialTableSize> table{};
  table[0] = 1.0;
  for (std::size_t i = 1; i < table.size(); ++i) {
    table[i] = table[i - 1] * static_cast<double>(i);
  }
  return table;
}();

/// log P(K = k) for K ~ Poisson(mean), k a non-negative integer held in a double.
///
/// The direct formula -mean + k log(mean) - lgamma(k + 1) is not used, for two reasons.
/// First, std::lgamma is not guaranteed thread-safe: glibc's writes the sign of the
/// result to the global `signgam`, a data race when simulations run on several threads
/// (lgamma_r avoids it but is a POSIX/glibc extension, absent from other platforms).
/// Second, for large means its three terms are each about k log k and cancel to a value
/// of order log k, losing about log10(k log k) digits (at mean 1e12 the error in the log
/// probability is of order 1e-2). Instead:
/// - for k < 30: -mean + k log(mean) - log(k!) with k! from a compile-time table;
/// - for k >= 30: Stirling's series, log k! = k log k - k + log(2 pi k) / 2 + s(k) with
///   s(k) = 1/(12k) - 1/(360k^3) + 1/(1260k^5) - 1/(1680k^7) (truncation error below
///   1e-16 at k = 30), which gives
///   log P = -(k log1p(d / mean) - d) - log(2 pi k) / 2 - s(k), d = k - mean,
///   where the bracket (Loader's deviance term) is computed without cancellation: its
///   absolute error is of order eps |d| rather than eps k log k.
double poisson_log_pmf(double k, double mean) {
  if (k < static_cast<double>(kFactorialTableSize)) {
    return -mean + k * std::log(mean) - std::log(kFactorials[static_cast<std::size_t>(k)]);
  }
  const double d = k - mean;
  const double deviance = k * std::log1p(d / mean) - d;
  const double inv_k = 1.0 / k;
  const double inv_k2 = inv_k * inv_k;
  const double stirling_error =
      inv_k * (1.0 / 12.0 - inv_k2 * (1.0 / 360.0 - inv_k2 * (1.0 / 1260.0 - inv_k2 / 1680.0)));
  return -deviance - 0.5 * std::log(2.0 * std::numbers::pi * k) - stirling_error;
}

/// Largest accepted Poisson mean: above 2^53 consecutive integers are not all doubles,
/// and PTRS computes candidate counts in doubles. 1e15 leaves a margin of 9 000 standard
/// deviations.
constexpr double kMaxPoissonMean = 1e15;

/// Poisson by inversion (sequential search from 0) for mean < 10: one uniform, and the
/// count is a non-decreasing function of it. The loop stops if the cdf stops growing in
/// floating point (the remaining tail is below rounding, probability < 1e-15), so it
/// always ends, also for a uniform just below 1.
std::uint64_t poisson_inversion(Rng& rng, double mean) {
  const double u = uniform01(rng);
  double pmf = std::exp(-mean);
  double cdf = pmf;
  std::uint64_t k = 0;
  while (u >= cdf) {
    ++k;
    pmf *= mean / static_cast<double>(k);
    const double next = cdf + pmf;
    if (next == cdf) break;
    cdf = next;
  }
  return k;
}

/// Poisson by Hörmann's PTRS (1993) for mean >= 10, with the constants of the paper:
/// a transformed-rejection candidate k = floor((2a / us + b) U + mean + 0.43) from
/// U uniform on [-0.5, 0.5) and us = 0.5 - |U|, accepted at once in the squeeze region
/// (us >= 0.07 and V <= v_r, most candidates), otherwise by comparing
/// log(V alpha / (a / us^2 + b)) with the log probability of k.
std::uint64_t poisson_ptrs(Rng& rng, double mean) {
  const double b = 0.931 + 2.53 * std::sqrt(mean);
  const double a = -0.059 + 0.02483 * b;
  const double log_alpha = std::log(1.1239 + 1.1328 / (b - 3.4));
  const double v_r = 0.9277 - 3.6224 / (b - 2.0);
  for (;;) {
    const double u = uniform01(rng) - 0.5;
    const double v = uniform01(rng);
    const double us = 0.5 - std::fabs(u);
    // us == 0 (u == -0.5) makes the candidate -inf, which the paper rejects; rejecting
    // here avoids the division by zero.
    if (us == 0.0) continue;
    // The candidate stays a double until accepted: far in the rejected region it can
    // exceed the range of std::uint64_t.
    const double k = std::floor((2.0 * a / us + b) * u + mean + 0.43);
    // In the squeeze region k >= mean + 0.43 - 1.86 sqrt(mean) > 0 for mean >= 10.
    if (us >= 0.07 && v <= v_r) return static_cast<std::uint64_t>(k);
    if (k < 0.0 || (us < 0.013 && v > us)) continue;
    // Counts beyond 2^53 have probability far below 1e-300 for mean <= 1e15: never
    // accepted by the exact test, so skipping them does not change the distribution.
    if (k > 0x1.0p53) continue;
    if (std::log(v) + log_alpha - std::log(a / (us * us) + b) <= poisson_log_pmf(k, mean)) {
      return static_cast<std::uint64_t>(k);
    }
  }
}

/// Checks choose()/DiscreteDistribution weights and returns their sum, accumulated in
/// index order (the same order as the cumulative sums, so the sum equals the last one).
double checked_weight_total(std::string_view who, std::span<const double> weights) {
  if (weights.empty()) {
    throw std::invalid_argument(std::string(who) + ": weights must not be empty");
  }
  double total = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double w = weights[i];
    if (!(w >= 0.0) || !std::isfinite(w)) {
      detail::throw_invalid_parameter(
          who, "weight " + std::to_string(i) + " must be >= 0 and finite", w);
    }
    total += w;
  }
  if (!(total > 0.0) || !std::isfinite(total)) {
    detail::throw_invalid_parameter(who, "weights must have a finite sum > 0", total);
  }
  return total;
}

}  // namespace

void detail::throw_invalid_parameter(std::string_view distribution,
                                     std::string_view requirement, double value) {
  std::string message;
  message.reserve(distribution.size() + requirement.size() + 32);
  message.append(distribution).append(": ").append(requirement).append(", got ");
  message.append(format_double(value));
  throw std::invalid_argument(message);
}

double uniform(Rng& rng, double a, double b) {
  require_finite("uniform", "a must be finite", a);
  if (!(b >= a) || !std::isfinite(b)) {
    detail::throw_invalid_parameter("uniform", "b must be finite and >= a = " + format_double(a),
                                    b);
  }
  const double u = uniform01(rng);
  if (a == b) return a;
  const double width = b - a;
  // If b - a overflows, work on halves (exact for such magnitudes) and double back: the
  // half-range result is below b / 2 <= DBL_MAX / 2, so doubling it cannot overflow.
  const double x = std::isfinite(width) ? a + width * u
                                        : 2.0 * (0.5 * a + (0.5 * b - 0.5 * a) * u);
  return x < b ? x : std::nextafter(b, a);
}

double normal(Rng& rng, double mean, double sd) {
  require_finite("normal", "mean must be finite", mean);
  require_non_negative("normal", "sd must be >= 0 and finite", sd);
  return mean + sd * standard_normal(rng);
}

double lognormal(Rng& rng, double mu, double sigma) {
  require_finite("lognormal", "mu must be finite", mu);
  require_non_negative("lognormal", "sigma must be >= 0 and finite", sigma);
  return std::exp(mu + sigma * standard_normal(rng));
}

double lognormal_mean_sd(Rng& rng, double mean, double sd) {
  require_positive("lognormal_mean_sd", "mean must be > 0 and finite", mean);
  require_non_negative("lognormal_mean_sd", "sd must be >= 0 and finite", sd);
  const double cv = sd / mean;
  require_finite("lognormal_mean_sd", "sd / mean must be finite", cv);
  const double z = standard_normal(rng);
  if (sd == 0.0) return mean;
  // sigma^2 = log(1 + cv^2), written so that cv^2 cannot overflow.
  const double sigma2 =
      cv > 1.0 ? 2.0 * std::log(cv) + std::log1p(1.0 / (cv * cv)) : std::log1p(cv * cv);
  const double mu = std::log(mean) - 0.5 * sigma2;
  return std::exp(mu + std::sqrt(sigma2) * z);
}

double gamma(Rng& rng, double shape, double scale) {
  require_positive("gamma", "shape must be > 0 and finite", shape);
  require_positive("gamma", "scale must be > 0 and finite", scale);
  if (shape >= 1.0) return marsaglia_tsang(rng, shape) * scale;
  const double g = marsaglia_tsang(rng, shape + 1.0);
  const double u = 1.0 - uniform01(rng);  // exact; in (0, 1]
  return g * std::pow(u, 1.0 / shape) * scale;
}

double beta(Rng& rng, double a, double b) {
  require_positive("beta", "a must be > 0 and finite", a);
  require_positive("beta", "b must be > 0 and finite", b);
  if (a >= 1.0 && b >= 1.0) {
    const double x = marsaglia_tsang(rng, a);
    const double y = marsaglia_tsang(rng, b);
    return x / (x + y);  // x, y > 0
  }
  // X / (X + Y) = 1 / (1 + exp(log Y - log X)).
  const double log_x = log_standard_gamma(rng, a);
  const double log_y = log_standard_gamma(rng, b);
  return 1.0 / (1.0 + std::exp(log_y - log_x));
}

std::uint64_t poisson(Rng& rng, double mean) {
  if (!(mean >= 0.0 && mean <= kMaxPoissonMean)) {
    detail::throw_invalid_parameter("poisson", "mean must be in [0, 1e15]", mean);
  }
  return mean < 10.0 ? poisson_inversion(rng, mean) : poisson_ptrs(rng, mean);
}

std::size_t choose(Rng& rng, std::span<const double> weights) {
  const double total = checked_weight_total("choose", weights);
  // u < total (a double below 1 times a normal double rounds below it), and the running
  // sum below reaches exactly total, so the scan returns; a zero weight never raises the
  // sum above u, so its index is never returned.
  const double u = uniform01(rng) * total;
  double cumulative = 0.0;
  std::size_t last_positive = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    cumulative += weights[i];
    if (u < cumulative) return i;
    if (weights[i] > 0.0) last_positive = i;
  }
  return last_positive;  // reached only if total is subnormal (u may then equal total)
}

DiscreteDistribution::DiscreteDistribution(std::span<const double> weights) {
  checked_weight_total("DiscreteDistribution", weights);
  cumulative_.reserve(weights.size());
  double cumulative = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    cumulative += weights[i];
    cumulative_.push_back(cumulative);
    if (weights[i] > 0.0) last_positive_ = i;
  }
}

DiscreteDistribution::DiscreteDistribution(std::initializer_list<double> weights)
    : DiscreteDistribution(std::span<const double>(weights.begin(), weights.size())) {}

std::size_t DiscreteDistribution::operator()(Rng& rng) const {
  // The first index whose cumulative sum exceeds u: the index choose() returns.
  const double u = uniform01(rng) * cumulative_.back();
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
  if (it == cumulative_.end()) return last_positive_;  // as in choose(): subnormal sums
  return static_cast<std::size_t>(it - cumulative_.begin());
}

}  // namespace sim
