// Tests the enterprise model's rules for production: drift, detection and retraining (models/enterprise/enterprise.cpp),
// each on a small hand-built case derived from the default enterprise.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("an unmonitored model drifts until users complain and is then retrained", "[enterprise][production]") {
  Scenario s = quiet_scenario();
  s.switches.drift = true;
  s.production.shock_rate = 0.0;
  s.production.monitoring_base = 0.0;
  s.production.monitoring_platform = 0.0;
  s.production.monitoring_mlops = 0.0;
  Enterprise e(s, 12, 0);
  e.advance_to(s.horizon_months);
  int retrained = 0;
  for (const auto& u : e.use_cases()) {
    if (u.stage != Stage::production) continue;
    CHECK_FALSE(u.monitored);
    retrained += u.version > 1;
  }
  CHECK(retrained > 0);
}
