// Tests analysis/comparison/comparison.hpp: the whole pipeline (plan, simulate and
// accumulate, write), and why it runs every scenario with the same streams: under common
// random numbers (replication r of every scenario draws from the same (seed, r) streams)
// a paired difference between two scenarios is far more precise than the same difference
// between independent runs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "analysis/comparison/comparison.hpp"

#include "analysis/numerics/statistics.hpp"
#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/scenario_io.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

using namespace models::enterprise;

TEST_CASE("common random numbers narrow the CI of a difference", "[comparison][crn]") {
  const std::string dir = std::string(AISCALE_SOURCE_DIR) + "/scenarios/";
  const Scenario base = load_scenario(dir + "default.json");
  Scenario more_cm = base;  // a what-if: double change management
  more_cm.name = "more-change-management";
  more_cm.money.change_management_per_month *= 2.0;

  analysis::PairedDifference crn(analysis::Direction::higher_is_better);
  analysis::PairedDifference independent(analysis::Direction::higher_is_better);
  for (std::uint64_t rep = 0; rep < 60; ++rep) {
    const double baseline = simulate(base, 1, rep).get(Summary::npv_final);
    crn.add(baseline, simulate(more_cm, 1, rep).get(Summary::npv_final));
    independent.add(baseline, simulate(more_cm, 2, rep).get(Summary::npv_final));
  }
  const auto paired = crn.summary();
  const auto unpaired = independent.summary();
  const double crn_width = paired.ci_high - paired.ci_low;
  const double independent_width = unpaired.ci_high - unpaired.ci_low;
  INFO("CRN CI width " << crn_width << ", independent " << independent_width);
  CHECK(crn_width < 0.5 * independent_width);
  CHECK(paired.mean_difference > 0.0);  // more change management: more adoption, more value
}

TEST_CASE("comparison: run_comparison writes the four files and refuses to mix results", "[comparison]") {
  const aiscale_test::TempDir dir("run-comparison");
  const std::string scenarios = std::string(AISCALE_SOURCE_DIR) + "/scenarios/";
  analysis::ComparisonPlan plan;
  plan.scenarios = {scenarios + "coe.json", scenarios + "federated.json"};
  plan.replications = 4;
  plan.threads = 2;
  plan.out = dir.path() / "out";
  plan.progress = false;
  const analysis::ComparisonOutcome outcome = analysis::run_comparison(plan);
  CHECK(outcome.out == plan.out);
  CHECK(outcome.files == std::vector<std::string>{"summary.json", "timeseries.csv", "replications.csv", "report.html"});
  for (const std::string& file : outcome.files) CHECK(std::filesystem::exists(plan.out / file));
  REQUIRE(outcome.headline.size() == 2);
  CHECK_THAT(outcome.headline[0], Catch::StartsWith("coe"));
  const std::string summary = aiscale_test::read_file(plan.out / "summary.json");

  CHECK_THROWS_WITH(analysis::run_comparison(plan), Catch::Contains("already holds files"));
  plan.force = true;
  plan.threads = 1;
  analysis::run_comparison(plan);
  CHECK(aiscale_test::read_file(plan.out / "summary.json") == summary);  // any thread count, same bytes
}
