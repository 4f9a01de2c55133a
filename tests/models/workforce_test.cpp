// Tests the enterprise model's rules for people: stand-ins, attrition and hiring, hire and cut interventions (models/enterprise/enterprise.cpp),
// each on a small hand-built case derived from the default enterprise.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("with no data engineers a stand-in does data prep 1/penalty slower", "[enterprise][workforce]") {
  Scenario with = quiet_scenario();
  with.structure = Structure::coe;  // one central pool: the first job meets free people
  Scenario without = with;
  without.workforce.headcount[Role::data_engineer] = 0;
  const double own = first_data_prep(with, 5);
  const double stand_in = first_data_prep(without, 5);
  CHECK(stand_in == Approx(own / with.workforce.substitution_penalty).epsilon(1e-12));
}

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

TEST_CASE("a hire intervention raises headcount after the lead time", "[enterprise][interventions]") {
  Scenario s = quiet_scenario();
  s.interventions = {hiring(6.0, Role::data_engineer, 5)};
  Enterprise e(s, 4, 0);
  e.advance_to(6.0);
  CHECK(people(e, Role::data_engineer) == s.workforce.headcount[Role::data_engineer]);
  e.advance_to(30.0);  // lead times are gamma with mean 3 months: all in by month 30
  CHECK(people(e, Role::data_engineer) == s.workforce.headcount[Role::data_engineer] + 5);
}

TEST_CASE("a cut removes people even when they are busy", "[enterprise][interventions]") {
  Scenario s = quiet_scenario();
  s.structure = Structure::coe;
  s.interventions = {hiring(6.0, Role::data_engineer, -4)};
  Enterprise e(s, 4, 0);
  e.advance_to(s.horizon_months);
  CHECK(people(e, Role::data_engineer) == s.workforce.headcount[Role::data_engineer] - 4);
}
