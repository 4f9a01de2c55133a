/// @file
/// @brief The second step of `aiscale run` and `aiscale compare`: replication r of every
///        scenario run with the same (seed, r) streams (common random numbers), and the
///        results folded, in replication order, into streaming statistics whose memory
///        does not depend on the number of replications.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "analysis/comparison/plan.hpp"
#include "analysis/numerics/statistics.hpp"
#include "models/enterprise/metrics.hpp"

namespace analysis {

/// A summary metric compared against the baseline, with the way it improves.
struct ComparedMetric {
  models::enterprise::Summary metric;
  Direction direction;
  NanRule nan_rule;
};

/// The metrics every scenario is compared on against the baseline, in summary.json's order.
inline constexpr std::array<ComparedMetric, 4> kComparedMetrics{{
    {models::enterprise::Summary::roi_final, Direction::higher_is_better, NanRule::missing},
    {models::enterprise::Summary::npv_final, Direction::higher_is_better, NanRule::missing},
    {models::enterprise::Summary::break_even_month, Direction::lower_is_better, NanRule::worst},  // NaN = never
    {models::enterprise::Summary::pilot_to_production, Direction::higher_is_better, NanRule::missing},
}};

/// The statistics of one scenario: every cell of its monthly series (cell
/// (month - 1) * kSeriesCount + series) and every summary metric.
struct ScenarioTally {
  explicit ScenarioTally(std::size_t horizon);  ///< months in the series

  std::size_t months;  ///< months in the series (the horizon, rounded up)
  SeriesAccumulator monthly;
  std::array<Accumulator, models::enterprise::kSummaryCount> summary{};

  /// The statistics of one monthly series at `month` (1, 2, ..., months).
  [[nodiscard]] Summary series(models::enterprise::Series s, std::size_t month) const;
  /// The statistics of one summary metric.
  [[nodiscard]] Summary metric(models::enterprise::Summary m) const;
};

/// @brief The statistics of a comparison: a ScenarioTally per scenario and, for every
///        other scenario, the paired differences against the baseline on kComparedMetrics.
///
/// add() must be given replications in order; the same results in the same order give
/// the same bits (every fold is sequential).
class ComparisonTally {
 public:
  /// Empty statistics for `scenarios` (the first is the baseline).
  explicit ComparisonTally(const std::vector<models::enterprise::Scenario>& scenarios);

  /// Folds in one replication: results[k] is scenario k's run. Throws
  /// std::invalid_argument when there is not one result per scenario or a result's
  /// months do not match its scenario's horizon (folding in nothing).
  void add(const std::vector<models::enterprise::RunResult>& results);

  [[nodiscard]] std::size_t scenarios() const noexcept { return scenarios_.size(); }
  [[nodiscard]] const ScenarioTally& scenario(std::size_t k) const { return scenarios_.at(k); }
  /// Scenario k (k >= 1) against the baseline on kComparedMetrics[c].
  [[nodiscard]] const PairedDifference& paired(std::size_t k, std::size_t c) const;
  /// Replications folded in so far.
  [[nodiscard]] std::uint64_t replications() const noexcept { return replications_; }

 private:
  std::vector<ScenarioTally> scenarios_;
  std::vector<std::vector<PairedDifference>> paired_;  // [k - 1][c]
  std::uint64_t replications_ = 0;
};

/// Called after each replication is folded in, in replication order, with its results
/// (to stream replications.csv, to draw progress).
using ReplicationObserver =
    std::function<void(std::uint64_t rep, const std::vector<models::enterprise::RunResult>& results)>;

/// Runs replications 0 .. plan.replications - 1 of every scenario of `comparison`, each
/// with (plan.seed, rep) so that all scenarios share common random numbers, on
/// plan.threads threads, and folds them into a tally in replication order (calling
/// `observe` after each). The tally's bytes depend only on the scenarios, the seed and
/// the replications, never on the thread count.
ComparisonTally simulate_and_accumulate(const Comparison& comparison, const ReplicationObserver& observe);

}  // namespace analysis
