#include "analysis/comparison/tally.hpp"

#include <cmath>
#include <span>
#include <stdexcept>
#include <string>

#include "models/enterprise/enterprise.hpp"
#include "sim/replication_runner.hpp"

namespace analysis {

using models::enterprise::kSeriesCount;
using models::enterprise::RunResult;
using models::enterprise::Scenario;

ScenarioTally::ScenarioTally(std::size_t horizon) : months(horizon), monthly(horizon * kSeriesCount) {}

Summary ScenarioTally::series(models::enterprise::Series s, std::size_t month) const {
  if (month < 1 || month > months) {
    throw std::out_of_range("ScenarioTally: month " + std::to_string(month) + " outside 1.." + std::to_string(months));
  }
  return monthly.summary((month - 1) * kSeriesCount + static_cast<std::size_t>(s));
}

Summary ScenarioTally::metric(models::enterprise::Summary m) const {
  return summary[static_cast<std::size_t>(m)].summary();
}

ComparisonTally::ComparisonTally(const std::vector<Scenario>& scenarios) {
  scenarios_.reserve(scenarios.size());
  for (const Scenario& s : scenarios) scenarios_.emplace_back(static_cast<std::size_t>(std::ceil(s.horizon_months)));
  paired_.resize(scenarios.empty() ? 0 : scenarios.size() - 1);
  for (auto& against_baseline : paired_) {
    for (const ComparedMetric& c : kComparedMetrics) against_baseline.emplace_back(c.direction, c.nan_rule);
  }
}

const PairedDifference& ComparisonTally::paired(std::size_t k, std::size_t c) const {
  if (k < 1 || k >= scenarios_.size() || c >= kComparedMetrics.size()) {
    throw std::out_of_range("ComparisonTally::paired: no comparison (" + std::to_string(k) + ", " +
                            std::to_string(c) + ")");
  }
  return paired_[k - 1][c];
}

void ComparisonTally::add(const std::vector<RunResult>& results) {
  if (results.size() != scenarios_.size()) {
    throw std::invalid_argument("ComparisonTally: expected " + std::to_string(scenarios_.size()) +
                                " results (one per scenario), got " + std::to_string(results.size()));
  }
  for (std::size_t k = 0; k < results.size(); ++k) {
    if (results[k].months.size() != scenarios_[k].months) {
      throw std::invalid_argument("ComparisonTally: scenario " + std::to_string(k) + " has " +
                                  std::to_string(scenarios_[k].months) + " months, its result " +
                                  std::to_string(results[k].months.size()));
    }
  }
  for (std::size_t k = 0; k < results.size(); ++k) {
    const RunResult& r = results[k];
    ScenarioTally& tally = scenarios_[k];
    tally.monthly.add(std::span<const double>(r.months.empty() ? nullptr : r.months.front().data(),
                                              r.months.size() * kSeriesCount));
    for (std::size_t m = 0; m < r.summary.size(); ++m) tally.summary[m].add(r.summary[m]);
    if (k > 0) {
      for (std::size_t c = 0; c < kComparedMetrics.size(); ++c) {
        paired_[k - 1][c].add(results[0].get(kComparedMetrics[c].metric), r.get(kComparedMetrics[c].metric));
      }
    }
  }
  ++replications_;
}

ComparisonTally simulate_and_accumulate(const Comparison& comparison, const ReplicationObserver& observe) {
  const std::vector<Scenario>& scenarios = comparison.scenarios;
  const std::uint64_t seed = comparison.plan.seed;
  ComparisonTally tally(scenarios);
  sim::run_replications(
      comparison.plan.replications, comparison.plan.threads,
      [&scenarios, seed](std::uint64_t rep) {
        // Replication `rep` of every scenario uses the same (seed, rep) streams: CRN.
        std::vector<RunResult> results;
        results.reserve(scenarios.size());
        for (const Scenario& s : scenarios) results.push_back(models::enterprise::simulate(s, seed, rep));
        return results;
      },
      [&tally, &observe](std::uint64_t rep, std::vector<RunResult>&& results) {
        tally.add(results);
        if (observe) observe(rep, results);
      });
  return tally;
}

}  // namespace analysis
