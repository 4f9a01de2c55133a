// Tests models/enterprise/governance.hpp and the governance rules of governance.cpp:
// incident rates, incidents and deployment freezes.
#include "models/enterprise/governance.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("a freeze blocks deployments in its business unit only", "[enterprise][governance]") {
  Scenario s = quiet_scenario();
  s.switches.incidents = true;
  s.governance.incident_rate = 5.0;  // incidents every month for high-risk models
  s.governance.initial = 0.0;
  s.governance.build_rate = 0.0;
  s.governance.freeze_probability = 1.0;
  s.governance.freeze_months = 1000.0;  // frozen for good
  s.lifecycle.high_risk_factor = 1.0;
  for (auto& bu : s.business_units) bu.regulatory_risk = 0.0;
  s.business_units[0].regulatory_risk = 1.0;  // only BU 0 (the largest) has high-risk use cases
  Enterprise e(s, 21, 0);
  EventLog log;
  e.add_observer(log);
  e.advance_to(s.horizon_months);
  double freeze_start = -1.0;
  for (const TraceEvent& event : log.events) {
    if (freeze_start < 0.0 && event.kind == TraceEvent::Kind::governance_incident && event.frozen) freeze_start = event.time;
  }
  REQUIRE(freeze_start >= 0.0);
  REQUIRE(freeze_start < s.horizon_months - 12.0);
  CHECK(e.units()[0].frozen_until > s.horizon_months);
  for (std::size_t b = 0; b < e.units().size(); ++b) {
    if (b != 0) CHECK(e.units()[b].frozen_until == 0.0);
  }
  // BU 0 starts no deployment after its freeze began (one under way may finish); the
  // others keep deploying.
  int others_after = 0;
  for (const auto& u : e.use_cases()) {
    const bool deployed = u.stage == Stage::production || u.stage == Stage::retired;
    if (!deployed) continue;
    if (u.unit == 0) CHECK(u.deployed_at - u.service[static_cast<std::size_t>(Phase::deployment)] <= freeze_start);
    if (u.unit != 0 && u.deployed_at > freeze_start) ++others_after;
  }
  CHECK(others_after > 0);
}

TEST_CASE("incident rate falls linearly with governance maturity", "[governance]") {
  models::enterprise::Governance g{};
  g.incident_rate = 0.02;
  CHECK(incident_rate(g, 0.0) == 0.02);
  CHECK(incident_rate(g, 0.75) == Approx(0.005).epsilon(1e-15));
  CHECK(incident_rate(g, 1.0) == 0.0);
  CHECK(incident_rate(g, 0.3) > incident_rate(g, 0.6));
}
