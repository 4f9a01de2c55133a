/// @file
/// @brief Streaming statistics over replications: means, variances, t confidence
///        intervals, p10/p50/p90 and paired differences under common random numbers,
///        in memory that does not grow with the number of replications.
///
/// A study folds one value per replication (per metric, per month, per scenario) into
/// these accumulators. The replication runner (sim/replication_runner.hpp) delivers
/// results in replication order on one thread, and every accumulator here is a plain
/// sequential fold with no parallel reduction inside, so the same values in the same
/// order give the same bits, whatever the thread count.
///
/// Common contracts:
/// - NaN means "no value" (RunResult's convention, e.g. break_even_month when costs were
///   never recovered). A NaN input is counted as missing and does not enter any
///   statistic. Infinities are values like any other and propagate by IEEE rules (a
///   mean with +inf in it is +inf); the model does not produce them.
/// - A statistic that does not exist for the data is NaN: the mean of nothing, the
///   standard deviation or confidence interval of fewer than two values.
/// - Memory is O(1) in the number of values added. The only buffer (StreamingQuantiles'
///   exact phase) holds at most StreamingQuantiles::exact_limit values and is freed
///   when the estimator switches to P².
/// - No static mutable state: distinct objects can be used on distinct threads.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <utility>
#include <vector>

#include <Eigen/Core>

namespace analysis {

/// @brief The p-quantile of Student's t distribution with `dof` degrees of freedom.
///
/// Requires 0 < p < 1 and dof > 0 (not NaN); throws std::invalid_argument otherwise.
/// `dof` need not be an integer; dof = +inf gives the standard normal quantile. Computed
/// by Boost.Math (inverse of the regularised incomplete beta function), accurate to a
/// few ulps. For very small dof where the quantile overflows a double, returns +/-inf.
double student_t_quantile(double p, double dof);

/// The two-sided 95 % critical value t_{0.975, dof} (12.706 for 1, 2.228 for 10,
/// 1.960 as dof -> inf). Same requirements as student_t_quantile.
double t_quantile_975(double dof);

/// @brief Count, mean and sample variance of a stream, by Welford's online algorithm
///        (numerically stable: no sum of squares, so a large common offset costs no
///        precision).
class Moments {
 public:
  /// Folds in `x`; a NaN is counted as missing instead.
  void add(double x) noexcept {
    if (std::isnan(x)) {
      ++missing_;
      return;
    }
    ++count_;
    const double delta = x - mean_;
    mean_ += delta / static_cast<double>(count_);
    m2_ += delta * (x - mean_);
  }

  /// Values folded in (NaNs excluded).
  [[nodiscard]] std::uint64_t count() const noexcept { return count_; }
  /// NaN values seen.
  [[nodiscard]] std::uint64_t missing() const noexcept { return missing_; }

  /// The mean; NaN when count() == 0.
  [[nodiscard]] double mean() const noexcept;
  /// The sample variance (divisor n - 1); NaN when count() < 2.
  [[nodiscard]] double variance() const noexcept;
  /// The sample standard deviation; NaN when count() < 2.
  [[nodiscard]] double sd() const noexcept;
  /// The standard error of the mean, sd / sqrt(n); NaN when count() < 2.
  [[nodiscard]] double standard_error() const noexcept;

  /// The two-sided confidence interval for the mean at `level` (in (0, 1)):
  /// mean -/+ t_{(1 + level) / 2, n - 1} * sd / sqrt(n). {NaN, NaN} when count() < 2.
  /// Throws std::invalid_argument for a level outside (0, 1).
  [[nodiscard]] std::pair<double, double> ci(double level) const;
  /// ci(0.95).
  [[nodiscard]] std::pair<double, double> ci95() const;

  /// The raw Welford state: sum of squared deviations from the running mean. Exposed
  /// for exact comparisons (SeriesAccumulator's cells equal a Moments bit for bit).
  [[nodiscard]] double m2() const noexcept { return m2_; }
  /// The raw running mean (0 when count() == 0, where mean() is NaN).
  [[nodiscard]] double raw_mean() const noexcept { return mean_; }

 private:
  std::uint64_t count_ = 0;
  std::uint64_t missing_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
};

/// @brief One P² estimator (Jain & Chlamtac, "The P² algorithm for dynamic calculation
///        of quantiles and histograms without storing observations", CACM 28(10), 1985)
///        for the p-quantile: five markers (min, p/2, p, (1+p)/2, max) whose heights
///        are adjusted by piecewise-parabolic interpolation as values arrive.
///
/// It starts from a sorted sample of n0 >= 5 values rather than from the first five
/// values as in the paper: the markers are placed at the order statistics nearest their
/// desired positions 1 + (n0 - 1) * {0, p/2, p, (1+p)/2, 1}, which is where P² would
/// want them, so a larger warm-up sample gives better-placed markers. Five doubles of
/// heights and five of positions; O(1) per value; deterministic.
class P2Quantile {
 public:
  /// An estimator with no data (estimate() is NaN); assign a started one before use.
  P2Quantile() = default;
  /// Starts from `sorted`, ascending, at least 5 values, no NaN; requires 0 < p < 1.
  /// Throws std::invalid_argument otherwise.
  P2Quantile(double p, std::span<const double> sorted);

  /// Folds in `x` (which must not be NaN: callers filter NaNs).
  void add(double x) noexcept;

  /// The current estimate of the p-quantile: the height of the middle marker.
  [[nodiscard]] double estimate() const noexcept { return height_[2]; }
  /// Values seen, the warm-up sample included.
  [[nodiscard]] std::uint64_t count() const noexcept {
    return static_cast<std::uint64_t>(position_[4]);
  }
  [[nodiscard]] double probability() const noexcept { return p_; }

 private:
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  double p_ = 0.5;
  // Heights and actual positions (1-based, integral, stored as double) of the markers;
  // position_[4] is the number of values seen. The desired positions are not stored:
  // they are recomputed from the count, 1 + (count - 1) * {0, p/2, p, (1+p)/2, 1}, so
  // they do not drift by accumulated rounding over millions of values.
  std::array<double, 5> height_{kNaN, kNaN, kNaN, kNaN, kNaN};
  std::array<double, 5> position_{};
};

/// @brief p10, p50 and p90 of a stream without storing it: exact while few values have
///        been seen, then P².
///
/// The first `exact_limit` values are kept, sorted; quantiles are then exact, by linear
/// interpolation between order statistics (Hyndman & Fan's type 7, R's and NumPy's
/// default): with the values sorted as x_0 <= ... <= x_{n-1}, h = (n - 1) p, the
/// p-quantile is x_{floor h} + (h - floor h) (x_{floor h + 1} - x_{floor h}). When value
/// exact_limit + 1 arrives, one P2Quantile per probability starts from the sorted buffer
/// (so its markers sit on exact order statistics), the buffer is freed, and every later
/// value costs O(1) time and no memory.
///
/// Why this split: studies of up to exact_limit replications (the common case) get
/// exact quantiles, reproducible with R or NumPy. Larger ones get P², whose error is
/// small next to the sampling error of the quantile itself. Measured as the rank
/// distance |ECDF(estimate) - p| from the exact sample quantile of the same values
/// (uniform, normal, exponential, lognormal; p10/p50/p90): mean 0.007, worst 0.045 at
/// 200 values (where the sample quantile's own standard error is 0.02-0.035); mean
/// 0.0027 at 1000; under 0.0005 at 10^5. Warm-starting from 128 values rather than 5
/// barely changes those errors; the limit is chosen for exactness, weighed against
/// memory (1 KiB per estimator at most). The buffer grows with the values it holds
/// (never beyond exact_limit), so short studies do not pay for all of it.
class StreamingQuantiles {
 public:
  /// Values kept exactly before switching to P². 128 doubles = 1 KiB at most.
  static constexpr std::size_t exact_limit = 128;
  /// The probabilities estimated, in the order of quantile(i).
  static constexpr std::array<double, 3> probabilities{0.1, 0.5, 0.9};

  /// Folds in `x`; a NaN is counted as missing instead.
  void add(double x);

  /// The estimate for probabilities[i] (i < 3); NaN when count() == 0.
  [[nodiscard]] double quantile(std::size_t i) const noexcept;
  [[nodiscard]] double p10() const noexcept { return quantile(0); }
  [[nodiscard]] double p50() const noexcept { return quantile(1); }
  [[nodiscard]] double p90() const noexcept { return quantile(2); }

  /// Values folded in (NaNs excluded).
  [[nodiscard]] std::uint64_t count() const noexcept { return count_; }
  /// NaN values seen.
  [[nodiscard]] std::uint64_t missing() const noexcept { return missing_; }
  /// true while quantiles are exact (count() <= exact_limit).
  [[nodiscard]] bool exact() const noexcept { return count_ <= exact_limit; }
  /// Doubles the exact-phase buffer has room for: <= exact_limit, and 0 after the
  /// switch to P². The only heap memory this object owns.
  [[nodiscard]] std::size_t buffer_capacity() const noexcept { return sorted_.capacity(); }

 private:
  std::uint64_t count_ = 0;
  std::uint64_t missing_ = 0;
  std::vector<double> sorted_;              // the exact phase: values so far, ascending
  std::array<P2Quantile, 3> estimators_{};  // the P² phase
};

/// Everything reported for one metric (in one month, of one scenario).
struct Summary {
  double mean = 0.0;
  double sd = 0.0;       ///< sample standard deviation
  double ci_low = 0.0;   ///< 95 % t confidence interval for the mean
  double ci_high = 0.0;
  double p10 = 0.0;
  double p50 = 0.0;
  double p90 = 0.0;
  std::uint64_t n = 0;        ///< values (replications with a value)
  std::uint64_t missing = 0;  ///< replications whose value was NaN
};

/// @brief Moments and quantiles of one stream: the full Summary of a metric.
class Accumulator {
 public:
  /// Folds in `x`; a NaN is counted as missing instead.
  void add(double x) {
    moments_.add(x);
    if (!std::isnan(x)) quantiles_.add(x);
  }

  /// The summary so far (NaN fields where the statistic does not exist yet).
  [[nodiscard]] Summary summary() const;

  [[nodiscard]] const Moments& moments() const noexcept { return moments_; }
  [[nodiscard]] const StreamingQuantiles& quantiles() const noexcept { return quantiles_; }

 private:
  Moments moments_;
  StreamingQuantiles quantiles_;
};

/// Which way a metric improves.
enum class Direction { higher_is_better, lower_is_better };

/// How a NaN enters the better/worse comparison of PairedDifference.
enum class NanRule {
  /// A pair with a NaN on either side is missing: it is neither compared nor differenced.
  missing,
  /// NaN means "never" and is the worst possible value (e.g. break_even_month: NaN =
  /// costs never recovered, worse than breaking even in any month). A pair with a NaN
  /// is compared (number beats NaN; NaN vs NaN is a tie), but it has no numeric
  /// difference, so it is still missing from the mean difference and its interval.
  worst,
};

/// What PairedDifference reports.
struct PairedSummary {
  double mean_difference = 0.0;  ///< mean of (other - baseline)
  double sd_difference = 0.0;
  double ci_low = 0.0;           ///< 95 % paired t interval for the mean difference
  double ci_high = 0.0;
  double share_better = 0.0;     ///< of compared pairs, share where other is strictly better
  double share_worse = 0.0;      ///< of compared pairs, share where other is strictly worse
  std::uint64_t n = 0;           ///< pairs with a numeric difference
  std::uint64_t compared = 0;    ///< pairs in the shares (n, plus NaN pairs under NanRule::worst)
  std::uint64_t missing = 0;     ///< pairs without a numeric difference
};

/// @brief A scenario against a baseline, replication by replication, under common
///        random numbers: the mean of the paired differences other - baseline with its
///        paired t interval, and the share of replications in which the scenario does
///        strictly better.
///
/// Ties are neither better nor worse. The direction and the NaN rule are properties of
/// the metric, fixed at construction, so that every pair of one comparison is judged
/// the same way.
class PairedDifference {
 public:
  explicit PairedDifference(Direction direction, NanRule nan_rule = NanRule::missing) noexcept
      : direction_(direction), nan_rule_(nan_rule) {}

  /// Folds in one replication's pair.
  void add(double baseline, double other) noexcept;

  /// The differences other - baseline (missing() counts the pairs without one).
  [[nodiscard]] const Moments& difference() const noexcept { return difference_; }
  /// Pairs that entered the better/worse comparison.
  [[nodiscard]] std::uint64_t compared() const noexcept { return compared_; }
  [[nodiscard]] std::uint64_t better() const noexcept { return better_; }
  [[nodiscard]] std::uint64_t worse() const noexcept { return worse_; }
  /// better() / compared(); NaN when nothing was compared.
  [[nodiscard]] double share_better() const noexcept;
  /// worse() / compared(); NaN when nothing was compared.
  [[nodiscard]] double share_worse() const noexcept;

  [[nodiscard]] PairedSummary summary() const;

  [[nodiscard]] Direction direction() const noexcept { return direction_; }
  [[nodiscard]] NanRule nan_rule() const noexcept { return nan_rule_; }

 private:
  Direction direction_;
  NanRule nan_rule_;
  Moments difference_;
  std::uint64_t compared_ = 0;
  std::uint64_t better_ = 0;
  std::uint64_t worse_ = 0;
};

/// @brief Per-cell statistics of a fixed-length vector of values per replication (a
///        monthly series, or months x metrics flattened): Welford moments for all cells
///        at once in Eigen arrays, and a StreamingQuantiles per cell.
///
/// Each cell's count, mean and M2 equal, bit for bit, those of a Moments fed the same
/// cell's values: the vectorised update performs the same IEEE operations in the same
/// order per cell (a NaN cell is left untouched and counted missing). That equality
/// assumes the compiler does not fuse a*b+c into an FMA in one path and not the other;
/// the project builds for baseline x86-64 (no FMA), and the tests check it.
///
/// To feed one metric of a RunResult without copying, map its strided column:
/// @code
///   Eigen::Map<const Eigen::ArrayXd, 0, Eigen::InnerStride<>> column(
///       &run.months[0][static_cast<std::size_t>(Series::roi)],
///       static_cast<Eigen::Index>(run.months.size()), Eigen::InnerStride<>(kSeriesCount));
///   accumulator.add(column);
/// @endcode
class SeriesAccumulator {
 public:
  /// Values per replication (e.g. months); may be 0.
  explicit SeriesAccumulator(std::size_t length);

  /// Folds in one replication's values, which must have length() entries (throws
  /// std::invalid_argument otherwise, folding in nothing).
  void add(std::span<const double> values);
  void add(const Eigen::Ref<const Eigen::ArrayXd, 0, Eigen::InnerStride<>>& values);

  [[nodiscard]] std::size_t length() const noexcept { return quantiles_.size(); }
  /// add() calls so far.
  [[nodiscard]] std::uint64_t replications() const noexcept { return replications_; }

  /// Per cell: values folded in and NaNs seen.
  [[nodiscard]] std::uint64_t count(std::size_t cell) const;
  [[nodiscard]] std::uint64_t missing(std::size_t cell) const;
  /// Per cell: the mean (NaN where no value), the sample sd (NaN where fewer than 2).
  [[nodiscard]] Eigen::ArrayXd mean() const;
  [[nodiscard]] Eigen::ArrayXd sd() const;
  /// The raw Welford state, for exact comparisons.
  [[nodiscard]] const Eigen::ArrayXd& raw_mean() const noexcept { return mean_; }
  [[nodiscard]] const Eigen::ArrayXd& m2() const noexcept { return m2_; }
  [[nodiscard]] const StreamingQuantiles& quantiles(std::size_t cell) const;

  /// The full summary of one cell (throws std::out_of_range for cell >= length()).
  [[nodiscard]] Summary summary(std::size_t cell) const;
  /// summary(i) for every cell, in order, bit for bit; faster than calling summary(i)
  /// per cell, since the t quantile is computed once per run of cells with equal counts.
  [[nodiscard]] std::vector<Summary> summaries() const;

 private:
  [[nodiscard]] Eigen::Index checked(std::size_t cell) const;

  std::uint64_t replications_ = 0;
  // Counts as doubles (exact below 2^53) so that the update is one vector expression.
  Eigen::ArrayXd count_;
  Eigen::ArrayXd missing_;
  Eigen::ArrayXd mean_;
  Eigen::ArrayXd m2_;
  std::vector<StreamingQuantiles> quantiles_;
};

}  // namespace analysis
