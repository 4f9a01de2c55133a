// Tests models/enterprise/production.hpp and the production rules of production.cpp:
// MLOps staffing, monitoring, mean life, drift detection and retraining.
#include "models/enterprise/production.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "models/enterprise/drift.hpp"
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

namespace {

// The time the one model of a run is first noticed to drift (monitoring alert or user
// complaints): a model already in production at month 0 in `risk`, at `accuracy`, with
// no ideas, no reuse and no end of life, in a quiet enterprise (no data debt: the drift
// rate is drift_rate). At shock_rate 50 per model-month dozens of shocks hit it at the
// tick of month 1 and drive it to the floor. NaN if it is never noticed by month 12.
double first_notice(double accuracy, bool monitored, double shock_rate) {
  Scenario s = quiet_scenario();
  s.switches.drift = true;
  for (auto& bu : s.business_units) bu.idea_rate = 0.0;
  s.production.shock_rate = shock_rate;
  s.production.shock_drop_mean = 0.15;
  s.production.end_of_life_months = 1e9;
  s.initial_models = {InitialModels{"risk", 1, 1.0, accuracy, 0.5, monitored}};
  Enterprise e(s, 5, 0);
  EventLog log;
  e.add_observer(log);
  e.advance_to(12.0);
  double noticed = std::nan("");
  for (const TraceEvent& event : log.events) {
    const bool notice = event.kind == TraceEvent::Kind::drift_noticed;
    if (event.use_case == 0 && notice && std::isnan(noticed)) noticed = event.time;
  }
  return noticed;
}

// When smooth decay from `accuracy` reaches the threshold, months from month 0.
double smooth_crossing(double accuracy, bool monitored) {
  const Production p = quiet_scenario().production;
  const double threshold = p.accuracy_initial - (monitored ? p.alert_drop : p.complaint_drop);
  return time_to_accuracy(accuracy, p.accuracy_floor, p.drift_rate, threshold);
}

}  // namespace

TEST_CASE("a drift shock past the threshold brings detection forward to shock time plus the delay",
          "[enterprise][production][drift]") {
  const Production p = quiet_scenario().production;
  SECTION("unmonitored: users complain complaint_delay_months after the shock") {
    // Without shocks, users complain when smooth decay crosses (about month 3.2) plus the delay.
    CHECK(first_notice(0.80, false, 0.0) == Approx(smooth_crossing(0.80, false) + p.complaint_delay_months));
    REQUIRE(smooth_crossing(0.80, false) > 1.0);
    CHECK(first_notice(0.80, false, 50.0) == Approx(1.0 + p.complaint_delay_months));
  }
  SECTION("monitored: the alert comes alert_delay_months after the shock") {
    CHECK(first_notice(0.87, true, 0.0) == Approx(smooth_crossing(0.87, true) + p.alert_delay_months));
    REQUIRE(smooth_crossing(0.87, true) > 1.0);
    CHECK(first_notice(0.87, true, 50.0) == Approx(1.0 + p.alert_delay_months));
  }
  SECTION("a model that crossed before the shock keeps its earlier notice") {
    // 0.77 decays to the complaint threshold (0.76) at about month 0.84, before the shock
    // at month 1: the notice stays at that crossing plus the delay.
    REQUIRE(smooth_crossing(0.77, false) < 1.0);
    CHECK(first_notice(0.77, false, 50.0) == Approx(smooth_crossing(0.77, false) + p.complaint_delay_months));
  }
}

TEST_CASE("MLOps staffing is people over what the models need capped at one", "[production]") {
  // 10 models at 5 per engineer need 2; a team minimum of 3 rules.
  CHECK(mlops_staffing_ratio(1.0, 10.0, 3.0, 5.0) == Approx(1.0 / 3.0).epsilon(1e-15));
  CHECK(mlops_staffing_ratio(1.0, 20.0, 3.0, 5.0) == Approx(0.25).epsilon(1e-15));
  CHECK(mlops_staffing_ratio(9.0, 20.0, 3.0, 5.0) == 1.0);
  CHECK(mlops_staffing_ratio(0.0, 20.0, 3.0, 5.0) == 0.0);
}

TEST_CASE("monitoring coverage grows with platform and staffing within 0 and 1", "[production]") {
  Production p{};
  p.monitoring_base = 0.2;
  p.monitoring_platform = 0.4;
  p.monitoring_mlops = 0.3;
  CHECK(monitoring_share(p, 0.5, 0.5, 0.0) == Approx(0.55).epsilon(1e-15));
  CHECK(monitoring_share(p, 0.5, 0.5, 0.1) == Approx(0.65).epsilon(1e-15));
  CHECK(monitoring_share(p, 1.0, 1.0, 0.5) == 1.0);
}

TEST_CASE("an unmaintained model lives a share of a maintained one's life", "[production]") {
  Production p{};
  p.end_of_life_months = 60.0;
  p.unmaintained_life_share = 0.4;
  CHECK(mean_life_months(p, 1.0) == Approx(60.0).epsilon(1e-15));
  CHECK(mean_life_months(p, 0.0) == Approx(24.0).epsilon(1e-15));
  CHECK(mean_life_months(p, 0.5) == Approx(42.0).epsilon(1e-15));
}
