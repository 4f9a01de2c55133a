// Tests analysis/comparison/tally.hpp: one replication of every scenario folded into
// per-scenario statistics and paired differences, in replication order, the same bits on
// any number of threads.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "analysis/comparison/tally.hpp"
#include "models/enterprise/enterprise.hpp"

using analysis::ComparisonTally;
using models::enterprise::RunResult;
using models::enterprise::Series;
using Metric = models::enterprise::Summary;

namespace {

const std::string kScenarios = std::string(AISCALE_SOURCE_DIR) + "/scenarios/";

analysis::Comparison two_scenarios(std::uint64_t replications, unsigned threads) {
  analysis::ComparisonPlan plan;
  plan.scenarios = {kScenarios + "hybrid.json", kScenarios + "coe.json"};
  plan.replications = replications;
  plan.seed = 5;
  plan.threads = threads;
  return analysis::load_comparison(plan);
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

}  // namespace

TEST_CASE("comparison tally: a replication feeds every scenario's cells and metrics and the paired differences",
          "[comparison]") {
  const auto comparison = two_scenarios(1, 1);
  ComparisonTally tally(comparison.scenarios);
  CHECK(tally.scenarios() == 2);
  CHECK(tally.scenario(0).months == 60);
  std::vector<RunResult> results;
  for (const auto& s : comparison.scenarios) results.push_back(models::enterprise::simulate(s, 5, 0));
  tally.add(results);
  tally.add(results);
  CHECK(tally.replications() == 2);

  const auto roi = tally.scenario(1).series(Series::roi, 60);
  CHECK(roi.n == 2);
  CHECK(roi.mean == results[1].at(60, Series::roi));
  CHECK(tally.scenario(0).metric(Metric::npv_final).mean == results[0].get(Metric::npv_final));
  const auto& npv = tally.paired(1, 1);  // kComparedMetrics[1] is npv_final
  CHECK(npv.difference().mean() == results[1].get(Metric::npv_final) - results[0].get(Metric::npv_final));
  CHECK_THROWS_AS(tally.paired(0, 0), std::out_of_range);
  CHECK_THROWS_AS(tally.scenario(0).series(Series::roi, 61), std::out_of_range);
}

TEST_CASE("comparison tally: results that do not fit the scenarios are refused and fold in nothing",
          "[comparison]") {
  const auto comparison = two_scenarios(1, 1);
  ComparisonTally tally(comparison.scenarios);
  const RunResult run = models::enterprise::simulate(comparison.scenarios[0], 5, 0);
  CHECK_THROWS_AS(tally.add({run}), std::invalid_argument);  // one result for two scenarios
  RunResult short_run = run;
  short_run.months.pop_back();
  CHECK_THROWS_AS(tally.add({run, short_run}), std::invalid_argument);
  CHECK(tally.replications() == 0);
  CHECK(tally.scenario(0).metric(Metric::roi_final).n == 0);
}

TEST_CASE("comparison tally: simulate and accumulate folds in replication order the same bits on 1 and 3 threads",
          "[comparison]") {
  std::vector<std::uint64_t> seen;
  const auto one = analysis::simulate_and_accumulate(
      two_scenarios(7, 1), [&seen](std::uint64_t rep, const std::vector<RunResult>& results) {
        seen.push_back(rep);
        CHECK(results.size() == 2);
      });
  CHECK(seen == std::vector<std::uint64_t>{0, 1, 2, 3, 4, 5, 6});
  const auto three = analysis::simulate_and_accumulate(two_scenarios(7, 3), nullptr);
  for (std::size_t k = 0; k < 2; ++k) {
    const auto a = one.scenario(k).monthly.summaries();
    const auto b = three.scenario(k).monthly.summaries();
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      CHECK(same(a[i].mean, b[i].mean));
      CHECK(same(a[i].ci_high, b[i].ci_high));
      CHECK(same(a[i].p90, b[i].p90));
    }
  }
  CHECK(one.paired(1, 0).difference().mean() == three.paired(1, 0).difference().mean());
}
