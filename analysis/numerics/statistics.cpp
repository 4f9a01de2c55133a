#include "analysis/numerics/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/policies/policy.hpp>

namespace analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Domain errors are caught by our own checks before Boost is called (with messages in
// the project's style); a quantile beyond the largest double (dof far below 1) is +inf
// rather than an exception.
using QuantilePolicy = boost::math::policies::policy<
    boost::math::policies::overflow_error<boost::math::policies::ignore_error>>;

[[noreturn]] void throw_invalid(const char* what, double value) {
  throw std::invalid_argument(std::string(what) + ", got " + std::to_string(value));
}

/// t_{(1 + level) / 2, n - 1}, the critical value of a two-sided interval at `level`
/// from n >= 2 values.
double t_critical(std::uint64_t n, double level) {
  return student_t_quantile(0.5 * (1.0 + level), static_cast<double>(n) - 1.0);
}

/// mean -/+ t * sd / sqrt(n) for n >= 2 and t = t_critical(n, level).
std::pair<double, double> interval(std::uint64_t n, double mean, double sd, double t) {
  const double half = t * sd / std::sqrt(static_cast<double>(n));
  return {mean - half, mean + half};
}

/// mean -/+ t * sd / sqrt(n); {NaN, NaN} when n < 2.
std::pair<double, double> t_interval(std::uint64_t n, double mean, double sd, double level) {
  if (!(level > 0.0 && level < 1.0)) {
    throw_invalid("confidence interval: level must be in (0, 1)", level);
  }
  if (n < 2) return {kNaN, kNaN};
  return interval(n, mean, sd, t_critical(n, level));
}

double mean_of(std::uint64_t n, double raw_mean) { return n == 0 ? kNaN : raw_mean; }

double sd_of(std::uint64_t n, double m2) {
  return n < 2 ? kNaN : std::sqrt(m2 / static_cast<double>(n - 1));
}

}  // namespace

// --- Student's t ---------------------------------------------------------------------

double student_t_quantile(double p, double dof) {
  if (!(p > 0.0 && p < 1.0)) throw_invalid("student_t_quantile: p must be in (0, 1)", p);
  if (!(dof > 0.0)) throw_invalid("student_t_quantile: dof must be > 0", dof);
  if (std::isinf(dof)) {
    return boost::math::quantile(boost::math::normal_distribution<double, QuantilePolicy>(), p);
  }
  return boost::math::quantile(boost::math::students_t_distribution<double, QuantilePolicy>(dof), p);
}

double t_quantile_975(double dof) { return student_t_quantile(0.975, dof); }

// --- Moments -------------------------------------------------------------------------

double Moments::mean() const noexcept { return mean_of(count_, mean_); }

double Moments::variance() const noexcept {
  return count_ < 2 ? kNaN : m2_ / static_cast<double>(count_ - 1);
}

double Moments::sd() const noexcept { return sd_of(count_, m2_); }

double Moments::standard_error() const noexcept {
  return count_ < 2 ? kNaN : sd() / std::sqrt(static_cast<double>(count_));
}

std::pair<double, double> Moments::ci(double level) const {
  return t_interval(count_, mean(), sd(), level);
}

std::pair<double, double> Moments::ci95() const { return ci(0.95); }

// --- P2Quantile ----------------------------------------------------------------------

namespace {

/// The desired-position increments of the five markers for probability p.
std::array<double, 5> increments(double p) { return {0.0, p / 2.0, p, (1.0 + p) / 2.0, 1.0}; }

}  // namespace

P2Quantile::P2Quantile(double p, std::span<const double> sorted) : p_(p) {
  if (!(p > 0.0 && p < 1.0)) throw_invalid("P2Quantile: p must be in (0, 1)", p);
  if (sorted.size() < 5) {
    throw_invalid("P2Quantile: needs at least 5 values to start",
                  static_cast<double>(sorted.size()));
  }
  if (std::any_of(sorted.begin(), sorted.end(), [](double v) { return std::isnan(v); }) ||
      !std::is_sorted(sorted.begin(), sorted.end())) {
    throw std::invalid_argument("P2Quantile: the starting values must be sorted, without NaN");
  }
  // Each marker on the order statistic nearest its desired position, the five positions
  // distinct (possible since there are at least five values).
  const auto n = static_cast<double>(sorted.size());
  const std::array<double, 5> dn = increments(p);
  position_[0] = 1.0;
  position_[4] = n;
  for (std::size_t i = 1; i < 4; ++i) {
    const double wanted = std::round(1.0 + (n - 1.0) * dn[i]);
    position_[i] = std::clamp(wanted, position_[i - 1] + 1.0, n - static_cast<double>(4 - i));
  }
  for (std::size_t i = 0; i < 5; ++i) {
    height_[i] = sorted[static_cast<std::size_t>(position_[i]) - 1];
  }
}

void P2Quantile::add(double x) noexcept {
  auto& q = height_;
  auto& n = position_;

  // Extend the extremes when x lies outside them.
  if (x < q[0]) {
    q[0] = x;
  } else if (x >= q[4]) {
    q[4] = x;
  }
  // The paper finds the cell k with q[k] <= x < q[k + 1] and moves the markers above it
  // up by one. The heights are sorted (q[0] <= ... <= q[4], kept so by every update
  // below), so marker i (1..3) is above that cell exactly when x < q[i], and the last
  // marker always is: the same positions, without the search's unpredictable branches.
  n[1] += x < q[1] ? 1.0 : 0.0;
  n[2] += x < q[2] ? 1.0 : 0.0;
  n[3] += x < q[3] ? 1.0 : 0.0;
  n[4] += 1.0;

  const std::array<double, 5> dn = increments(p_);
  const double seen_minus_one = n[4] - 1.0;
  for (std::size_t i = 1; i < 4; ++i) {
    const double d = 1.0 + seen_minus_one * dn[i] - n[i];
    if ((d >= 1.0 && n[i + 1] - n[i] > 1.0) || (d <= -1.0 && n[i - 1] - n[i] < -1.0)) {
      const double s = d >= 0.0 ? 1.0 : -1.0;
      // Piecewise-parabolic (P²) prediction of the height at position n[i] + s.
      const double parabolic =
          q[i] + s / (n[i + 1] - n[i - 1]) *
                     ((n[i] - n[i - 1] + s) * (q[i + 1] - q[i]) / (n[i + 1] - n[i]) +
                      (n[i + 1] - n[i] - s) * (q[i] - q[i - 1]) / (n[i] - n[i - 1]));
      if (q[i - 1] < parabolic && parabolic < q[i + 1]) {
        q[i] = parabolic;
      } else {
        // The parabola leaves the neighbours' bracket: linear towards the neighbour.
        const std::size_t j = s > 0.0 ? i + 1 : i - 1;
        q[i] += s * (q[j] - q[i]) / (n[j] - n[i]);
      }
      n[i] += s;
    }
  }
}

// --- StreamingQuantiles --------------------------------------------------------------

void StreamingQuantiles::add(double x) {
  if (std::isnan(x)) {
    ++missing_;
    return;
  }
  ++count_;
  if (count_ <= exact_limit) {
    if (sorted_.size() == sorted_.capacity()) {
      // Grow geometrically, but never past exact_limit: the buffer's size is bounded.
      sorted_.reserve(std::min(exact_limit, std::max<std::size_t>(8, 2 * sorted_.capacity())));
    }
    sorted_.insert(std::upper_bound(sorted_.begin(), sorted_.end(), x), x);
    return;
  }
  if (count_ == exact_limit + 1) {
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
      estimators_[i] = P2Quantile(probabilities[i], sorted_);
    }
    std::vector<double>().swap(sorted_);  // free the buffer: O(1) memory from here on
  }
  for (auto& estimator : estimators_) estimator.add(x);
}

double StreamingQuantiles::quantile(std::size_t i) const noexcept {
  if (i >= probabilities.size() || count_ == 0) return kNaN;
  if (!exact()) return estimators_[i].estimate();
  // Hyndman & Fan type 7.
  const double h = static_cast<double>(sorted_.size() - 1) * probabilities[i];
  const double floor_h = std::floor(h);
  const auto lo = static_cast<std::size_t>(floor_h);
  const double fraction = h - floor_h;
  if (fraction == 0.0 || lo + 1 >= sorted_.size()) return sorted_[lo];
  return sorted_[lo] + fraction * (sorted_[lo + 1] - sorted_[lo]);
}

// --- Accumulator ---------------------------------------------------------------------

Summary Accumulator::summary() const {
  const auto [low, high] = moments_.ci95();
  return Summary{moments_.mean(), moments_.sd(),    low,
                 high,            quantiles_.p10(), quantiles_.p50(),
                 quantiles_.p90(), moments_.count(), moments_.missing()};
}

// --- PairedDifference ----------------------------------------------------------------

void PairedDifference::add(double baseline, double other) noexcept {
  difference_.add(other - baseline);  // NaN (counted missing) when either side is NaN
  const bool baseline_nan = std::isnan(baseline);
  const bool other_nan = std::isnan(other);
  if (!baseline_nan && !other_nan) {
    ++compared_;
    const bool higher = other > baseline;
    const bool lower = other < baseline;
    const bool higher_is_better = direction_ == Direction::higher_is_better;
    if (higher_is_better ? higher : lower) ++better_;
    if (higher_is_better ? lower : higher) ++worse_;
    return;
  }
  if (nan_rule_ == NanRule::missing) return;
  // NanRule::worst: NaN is below every number in the metric's order of goodness.
  ++compared_;
  if (baseline_nan && !other_nan) ++better_;
  if (other_nan && !baseline_nan) ++worse_;
}

double PairedDifference::share_better() const noexcept {
  return compared_ == 0 ? kNaN : static_cast<double>(better_) / static_cast<double>(compared_);
}

double PairedDifference::share_worse() const noexcept {
  return compared_ == 0 ? kNaN : static_cast<double>(worse_) / static_cast<double>(compared_);
}

PairedSummary PairedDifference::summary() const {
  const auto [low, high] = difference_.ci95();
  return PairedSummary{difference_.mean(), difference_.sd(),    low,
                       high,               share_better(),      share_worse(),
                       difference_.count(), compared_,          difference_.missing()};
}

// --- SeriesAccumulator ---------------------------------------------------------------

SeriesAccumulator::SeriesAccumulator(std::size_t length)
    : count_(Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(length))),
      missing_(Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(length))),
      mean_(Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(length))),
      m2_(Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(length))),
      quantiles_(length) {}

void SeriesAccumulator::add(std::span<const double> values) {
  add(Eigen::Map<const Eigen::ArrayXd>(values.data(), static_cast<Eigen::Index>(values.size())));
}

void SeriesAccumulator::add(const Eigen::Ref<const Eigen::ArrayXd, 0, Eigen::InnerStride<>>& values) {
  if (static_cast<std::size_t>(values.size()) != length()) {
    throw std::invalid_argument("SeriesAccumulator: expected " + std::to_string(length()) +
                                " values, got " + std::to_string(values.size()));
  }
  // Welford per cell, as Moments::add does it, for all cells at once; NaN cells keep
  // their state and count as missing.
  const auto valid = !values.isNaN();
  count_ += valid.cast<double>();
  missing_ += (!valid).cast<double>();
  const Eigen::ArrayXd delta = values - mean_;
  mean_ = valid.select(mean_ + delta / count_, mean_);
  m2_ = valid.select(m2_ + delta * (values - mean_), m2_);

  for (std::size_t i = 0; i < quantiles_.size(); ++i) {
    quantiles_[i].add(values(static_cast<Eigen::Index>(i)));
  }
  ++replications_;
}

Eigen::Index SeriesAccumulator::checked(std::size_t cell) const {
  if (cell >= length()) {
    throw std::out_of_range("SeriesAccumulator: cell " + std::to_string(cell) +
                            " out of range (length " + std::to_string(length()) + ")");
  }
  return static_cast<Eigen::Index>(cell);
}

std::uint64_t SeriesAccumulator::count(std::size_t cell) const {
  return static_cast<std::uint64_t>(count_(checked(cell)));
}

std::uint64_t SeriesAccumulator::missing(std::size_t cell) const {
  return static_cast<std::uint64_t>(missing_(checked(cell)));
}

Eigen::ArrayXd SeriesAccumulator::mean() const {
  return (count_ > 0.0).select(mean_, kNaN);
}

Eigen::ArrayXd SeriesAccumulator::sd() const {
  return (count_ > 1.0).select((m2_ / (count_ - 1.0)).sqrt(), kNaN);
}

const StreamingQuantiles& SeriesAccumulator::quantiles(std::size_t cell) const {
  return quantiles_[static_cast<std::size_t>(checked(cell))];
}

Summary SeriesAccumulator::summary(std::size_t cell) const {
  const Eigen::Index i = checked(cell);
  const auto n = static_cast<std::uint64_t>(count_(i));
  const double mean = mean_of(n, mean_(i));
  const double sd = sd_of(n, m2_(i));
  const auto [low, high] = t_interval(n, mean, sd, 0.95);
  const StreamingQuantiles& q = quantiles_[cell];
  return Summary{mean,    sd,      low, high, q.p10(), q.p50(), q.p90(), n,
                 static_cast<std::uint64_t>(missing_(i))};
}

std::vector<Summary> SeriesAccumulator::summaries() const {
  std::vector<Summary> out;
  out.reserve(length());
  // The t quantile depends only on a cell's count, which is the same in most cells (all
  // but those with NaNs): it is computed once per distinct run of counts, not per cell.
  std::uint64_t t_for = 0;  // the count t was computed for; 0: none yet
  double t = kNaN;
  for (std::size_t cell = 0; cell < length(); ++cell) {
    const auto i = static_cast<Eigen::Index>(cell);
    const auto n = static_cast<std::uint64_t>(count_(i));
    const double mean = mean_of(n, mean_(i));
    const double sd = sd_of(n, m2_(i));
    std::pair<double, double> ci{kNaN, kNaN};
    if (n >= 2) {
      if (n != t_for) {
        t = t_critical(n, 0.95);
        t_for = n;
      }
      ci = interval(n, mean, sd, t);
    }
    const StreamingQuantiles& q = quantiles_[cell];
    out.push_back(Summary{mean, sd, ci.first, ci.second, q.p10(), q.p50(), q.p90(), n,
                          static_cast<std::uint64_t>(missing_(i))});
  }
  return out;
}

}  // namespace analysis
