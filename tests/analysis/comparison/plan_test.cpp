// Tests analysis/comparison/plan.hpp: a plan is checked and its scenarios loaded, with a
// message naming the problem and the fix, before anything runs or is written.
#include <catch2/catch.hpp>

#include <string>

#include "analysis/comparison/plan.hpp"
#include "support/temp_dir.hpp"

using analysis::ComparisonPlan;
using analysis::load_comparison;

namespace {
const std::string kScenarios = std::string(AISCALE_SOURCE_DIR) + "/scenarios/";
}  // namespace

TEST_CASE("comparison plan: the scenarios load in order with the baseline first", "[comparison]") {
  ComparisonPlan plan;
  plan.scenarios = {kScenarios + "hybrid.json", kScenarios + "coe.json"};
  plan.out = "never-created";
  const analysis::Comparison comparison = load_comparison(plan);
  REQUIRE(comparison.scenarios.size() == 2);
  CHECK(comparison.scenarios[0].name == "hybrid");
  CHECK(comparison.scenarios[1].name == "coe");
  CHECK(comparison.plan.scenarios == plan.scenarios);
  CHECK_FALSE(std::filesystem::exists("never-created"));  // loading writes nothing
}

TEST_CASE("comparison plan: bad plans are refused with the problem named", "[comparison]") {
  ComparisonPlan plan;
  CHECK_THROWS_WITH(load_comparison(plan), Catch::Contains("no scenario given"));
  plan.scenarios = {kScenarios + "coe.json"};
  plan.replications = 0;
  CHECK_THROWS_WITH(load_comparison(plan), "--reps must be >= 1");
  plan.replications = 3;
  plan.scenarios = {kScenarios + "coe.json", kScenarios + "../scenarios/coe.json"};
  CHECK_THROWS_WITH(load_comparison(plan), Catch::Contains("is given twice"));
  plan.scenarios = {kScenarios + "missing.json"};
  CHECK_THROWS_AS(load_comparison(plan), std::invalid_argument);

  const aiscale_test::TempDir dir("plan");
  const auto copy = dir.write("copy.json", R"({"extends": ")" + kScenarios + R"(coe.json"})");
  plan.scenarios = {kScenarios + "coe.json", copy};
  CHECK_THROWS_WITH(load_comparison(plan), Catch::Contains("two scenarios are named 'coe'"));
}
