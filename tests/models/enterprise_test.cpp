// Tests models/enterprise/enterprise.hpp, the model as a whole: purity, sanity, costs,
// observers, the shipped scenarios.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("a run is a pure function of scenario and seed", "[enterprise]") {
  const Scenario s = default_scenario();
  const RunResult a = simulate(s, 42, 3);
  const RunResult b = simulate(s, 42, 3);
  const RunResult c = simulate(s, 42, 4);
  REQUIRE(a.months.size() == static_cast<std::size_t>(s.horizon_months));
  CHECK(same_months(a, b));
  CHECK(std::memcmp(a.summary.data(), b.summary.data(), sizeof(a.summary)) == 0);
  CHECK(a.events == b.events);
  CHECK_FALSE(same_months(a, c));
}

TEST_CASE("the default enterprise produces pilots and production models", "[enterprise]") {
  const RunResult r = simulate(default_scenario(), 7, 0);
  CHECK(r.get(Summary::pilots_completed) > 10);
  CHECK(r.get(Summary::reached_production) > 0);
  CHECK(r.get(Summary::pilot_to_production) > 0.0);
  CHECK(r.get(Summary::pilot_to_production) <= 1.0);
  CHECK(r.get(Summary::data_prep_effort_share) > 0.0);
  CHECK(r.get(Summary::data_prep_effort_share) < 1.0);
  CHECK(r.events > 100);
}

TEST_CASE("platform builders added by start_platform are paid as MLOps engineers", "[enterprise][metrics]") {
  // With platform.build_rate 0 the builders change nothing but the payroll, so the cost
  // series differ by exactly amount x the MLOps monthly cost from the intervention's month
  // on, and nothing else differs. Per-BU platforms split the builders, not their cost.
  for (const Structure structure : {Structure::hybrid, Structure::federated}) {
    INFO(structure_name(structure));
    Scenario s = default_scenario();
    s.structure = structure;
    s.platform.build_rate = 0.0;
    const RunResult without = simulate(s, 3, 0);
    Intervention builders{};
    builders.month = 6.0;
    builders.kind = Intervention::Kind::start_platform;
    builders.amount = 2.5;
    s.interventions.push_back(builders);
    const RunResult with = simulate(s, 3, 0);
    const double per_builder = s.workforce.monthly_cost[Role::mlops_engineer];
    REQUIRE(with.months.size() == without.months.size());
    for (std::size_t m = 1; m <= with.months.size(); ++m) {
      INFO("month " << m);
      const double extra = m >= 6 ? 2.5 * per_builder : 0.0;
      CHECK(with.at(m, Series::cost) - without.at(m, Series::cost) == Approx(extra).margin(1e-6));
      CHECK(with.at(m, Series::value) == without.at(m, Series::value));
      CHECK(with.at(m, Series::platform_maturity) == without.at(m, Series::platform_maturity));
      CHECK(with.at(m, Series::headcount_mlops_engineer) == without.at(m, Series::headcount_mlops_engineer));
    }
  }
}

TEST_CASE("every shipped scenario loads and runs", "[enterprise][scenarios]") {
  namespace fs = std::filesystem;
  int ran = 0;
  for (const auto& entry : fs::recursive_directory_iterator(std::string(AISCALE_SOURCE_DIR) + "/scenarios")) {
    const fs::path& file = entry.path();
    // scenarios/experiments/ holds experiment and targets files (docs/research.md).
    if (file.extension() != ".json" || file.filename() == "scenario.schema.json" ||
        file.parent_path().filename() == "experiments") {
      continue;
    }
    INFO(file.string());
    const Scenario s = load_scenario(file);
    const RunResult r = simulate(s, 1, 0);
    CHECK(r.months.size() == static_cast<std::size_t>(std::ceil(s.horizon_months)));
    const bool ideas_arrive = std::any_of(s.business_units.begin(), s.business_units.end(),
                                          [](const BusinessUnit& bu) { return bu.idea_rate > 0; });
    CHECK((r.get(Summary::pilots_launched) > 0) == ideas_arrive);
    CHECK(std::isfinite(r.get(Summary::roi_final)));
    ++ran;
  }
  CHECK(ran >= 6);
}

TEST_CASE("observers change nothing in a run", "[enterprise]") {
  const Scenario s = default_scenario();
  Enterprise alone(s, 8, 1);
  alone.run();
  Enterprise watched(s, 8, 1);
  EventLog log;
  watched.add_observer(log);
  watched.run();
  CHECK_FALSE(log.events.empty());
  CHECK(alone.events_handled() == watched.events_handled());
  REQUIRE(alone.use_cases().size() == watched.use_cases().size());
  for (std::size_t uc = 0; uc < alone.use_cases().size(); ++uc) {
    CHECK(alone.use_cases()[uc].stage == watched.use_cases()[uc].stage);
    CHECK(alone.use_cases()[uc].value == watched.use_cases()[uc].value);
  }
  for (std::size_t b = 0; b < alone.units().size(); ++b) CHECK(alone.units()[b].trust == watched.units()[b].trust);
}

TEST_CASE("events are told in time order with the BU and use case they are about", "[enterprise]") {
  const Scenario s = default_scenario();
  Enterprise e(s, 4, 0);
  EventLog log;
  e.add_observer(log);
  e.advance_to(36.0);
  double last = 0.0;
  for (const TraceEvent& event : log.events) {
    CHECK(event.time >= last);
    last = event.time;
    if (event.use_case >= 0) {
      REQUIRE(static_cast<std::size_t>(event.use_case) < e.use_cases().size());
      CHECK(e.use_cases()[static_cast<std::size_t>(event.use_case)].unit == event.unit);
    }
  }
}
