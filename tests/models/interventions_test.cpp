// Tests the interventions of models/enterprise/interventions.cpp: hires and cuts (the
// reorganisations are tested with the structures, in structure_test.cpp).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

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
