// Tests models/enterprise/pilot_decision.hpp and the go / hold / kill rules of
// pilot_decision.cpp: readiness, the pilot's measurement, the go probability, purgatory.
#include "models/enterprise/pilot_decision.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("readiness rises with platform and MLOps staffing and falls with legacy", "[pilot_decision]") {
  Lifecycle l{};
  l.readiness_base = 0.3;
  l.readiness_platform = 0.4;
  l.readiness_mlops = 0.3;
  l.readiness_legacy = 0.2;
  CHECK(production_readiness(l, 0.5, 0.5, 0.5) == Approx(0.3 + 0.2 + 0.15 - 0.1).epsilon(1e-15));
  CHECK(production_readiness(l, 0.9, 0.5, 0.5) > production_readiness(l, 0.5, 0.5, 0.5));
  CHECK(production_readiness(l, 0.5, 1.0, 0.5) > production_readiness(l, 0.5, 0.5, 0.5));
  CHECK(production_readiness(l, 0.5, 0.5, 1.0) < production_readiness(l, 0.5, 0.5, 0.5));
  CHECK(production_readiness(l, 1.0, 1.0, 0.0) == 1.0);  // clamped
  CHECK(production_readiness(l, 0.0, 0.0, 3.0) == 0.0);
}

TEST_CASE("a pilot of a harder idea or in more debt shows less value", "[pilot_decision]") {
  CHECK(pilot_quality(0.0, 0.1, 0.0) == 1.0);
  CHECK(pilot_quality(1.0, 0.1, 0.0) == Approx(1.0 - kPilotDifficultyLoss).epsilon(1e-15));
  CHECK(pilot_quality(0.5, 0.1, 2.0) == Approx(0.8 / 1.2).epsilon(1e-15));
  CHECK(pilot_measurement(100000.0, 0.9, 0.8, 1.1) == Approx(79200.0).epsilon(1e-15));
}

TEST_CASE("the go probability is sponsor times readiness times fading within 0 and 1", "[pilot_decision]") {
  CHECK(go_probability(0.8, 0.5, 1.0) == Approx(0.4).epsilon(1e-15));
  CHECK(go_probability(0.8, 0.5, 0.5) == Approx(0.2).epsilon(1e-15));
  CHECK(go_probability(2.0, 1.0, 1.0) == 1.0);
  CHECK(go_probability(0.8, 0.0, 1.0) == 0.0);
}

TEST_CASE("every pilot decided is told as a kill a go or a hold", "[enterprise][pilot_decision]") {
  const Scenario s = default_scenario();
  Enterprise e(s, 2, 0);
  EventLog log;
  e.add_observer(log);
  const RunResult r = run_recorded(e);
  int decided = 0;
  for (const TraceEvent& event : log.events) {
    using K = TraceEvent::Kind;
    if (event.kind == K::pilot_kill || event.kind == K::pilot_go || event.kind == K::pilot_hold) ++decided;
    if (event.kind == K::pilot_go || event.kind == K::pilot_hold) {
      CHECK(event.readiness >= 0.0);
      CHECK(event.readiness <= 1.0);
    }
    if (event.kind == K::pilot_kill) CHECK(event.value < event.bar);
  }
  CHECK(decided > 0);
  CHECK(decided == r.get(Summary::pilots_completed));
}

TEST_CASE("purgatory ends in a go or a kill within the limit", "[enterprise][lifecycle]") {
  Scenario s = quiet_scenario();
  s.lifecycle.sponsor_support = 0.2;  // many holds
  Enterprise e(s, 6, 0);
  e.advance_to(s.horizon_months);
  for (const auto& u : e.use_cases()) {
    if (u.stage == Stage::purgatory) {
      CHECK(e.now() - u.purgatory_since < s.lifecycle.purgatory_limit_months + 1e-9);
    }
  }
}
