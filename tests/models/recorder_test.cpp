// Tests models/enterprise/recorder.hpp: the recorder counts what the model tells and
// reads its state; its monthly record adds up.
#include "models/enterprise/recorder.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("the monthly record adds up", "[enterprise][metrics]") {
  const Scenario s = default_scenario();
  const RunResult r = simulate(s, 13, 0);
  double cost = 0.0;
  double value = 0.0;
  for (std::size_t m = 1; m <= r.months.size(); ++m) {
    cost += r.at(m, Series::cost);
    value += r.at(m, Series::value);
    CHECK(r.at(m, Series::cumulative_cost) == Approx(cost));
    CHECK(r.at(m, Series::cumulative_value) == Approx(value));
    CHECK(r.at(m, Series::pilot_to_production) <= 1.0);
  }
  CHECK(r.get(Summary::roi_final) == Approx((value - cost) / cost));
}

TEST_CASE("the recorder counts the events the model tells", "[recorder]") {
  const Scenario s = default_scenario();
  Enterprise e(s, 6, 0);
  EventLog log;
  e.add_observer(log);
  const RunResult r = run_recorded(e);
  int ideas = 0;
  int started = 0;
  int deployed = 0;
  int killed = 0;
  int retired = 0;
  using K = TraceEvent::Kind;
  for (const TraceEvent& event : log.events) {
    ideas += event.kind == K::idea;
    started += event.kind == K::work_starts;
    deployed += event.kind == K::in_production;
    killed += event.kind == K::pilot_kill || event.kind == K::purgatory_limit_kill;
    retired += event.kind == K::retired_end_of_life || event.kind == K::retired_low_value;
  }
  CHECK(r.get(Summary::ideas) == ideas);
  CHECK(r.get(Summary::pilots_launched) == started);
  CHECK(r.get(Summary::reached_production) == deployed);
  CHECK(r.at(r.months.size(), Series::killed_cum) == killed);
  CHECK(r.at(r.months.size(), Series::retired_cum) == retired);
  CHECK(r.events == e.events_handled());
}

TEST_CASE("the stage counts equal a count of every use case by stage", "[recorder]") {
  Scenario s = default_scenario();
  s.horizon_months = 30.0;
  for (const double month : {6.0, 18.0, 30.0}) {
    Enterprise e(s, 12, 0);
    e.advance_to(month);
    std::array<int, kStageCount> counted{};
    for (const auto& u : e.use_cases()) ++counted[static_cast<std::size_t>(u.stage)];
    for (std::size_t st = 0; st < kStageCount; ++st) {
      INFO("month " << month << " stage " << st);
      CHECK(e.statistics().stage(static_cast<Stage>(st)).count == counted[st]);
    }
  }
}
