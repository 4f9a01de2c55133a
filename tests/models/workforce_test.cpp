// Tests models/enterprise/workforce.hpp and the workforce rules of workforce.cpp: hiring
// lead times, attrition, forgetting, and pools refilled by hiring.
#include "models/enterprise/workforce.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("hiring refills the pools that attrition empties", "[enterprise][workforce]") {
  Scenario s = quiet_scenario();
  s.switches.hiring_attrition = true;
  s.workforce.attrition_per_month = 0.05;
  Enterprise e(s, 11, 0);
  e.advance_to(s.horizon_months);
  int total = 0;
  int target = 0;
  int in_flight = 0;
  for (const auto& t : e.teams()) {
    for (const auto& p : t.pools) {
      total += p.headcount - p.leaving;
      target += p.target;
      in_flight += p.open_requisitions;
    }
  }
  CHECK(total + in_flight == target);
}

TEST_CASE("hiring lead times have the given mean and a coefficient of variation of one half", "[workforce]") {
  sim::Rng rng(2024);
  const int n = 200000;
  double sum = 0.0;
  double sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double t = hiring_lead_time(rng, 3.0);
    REQUIRE(t > 0.0);
    sum += t;
    sum_sq += t * t;
  }
  const double mean = sum / n;
  const double sd = std::sqrt(sum_sq / n - mean * mean);
  CHECK(mean == Approx(3.0).epsilon(0.01));
  CHECK(sd / mean == Approx(0.5).epsilon(0.02));
}

TEST_CASE("the monthly leave probability follows from the hazard", "[workforce]") {
  CHECK(leave_probability(0.0) == 0.0);
  CHECK(leave_probability(0.02) == Approx(1.0 - std::exp(-0.02)).epsilon(1e-15));
  CHECK(leave_probability(0.02) < 0.02);
}

TEST_CASE("a leaver takes a share of the team's experience with them", "[workforce]") {
  // forgetting 0.5 in a team of 10: each leaver takes 5 % of the experience.
  CHECK(experience_after_leaver(8.0, 0.5, 10) == Approx(7.6).epsilon(1e-15));
  CHECK(experience_after_leaver(8.0, 0.0, 10) == 8.0);
  CHECK(experience_after_leaver(8.0, 1.0, 1) == 0.0);
}
