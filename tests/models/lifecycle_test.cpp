// Tests the enterprise model's rules for the use-case lifecycle: phase efforts, the experience curve, WIP limits, purgatory (models/enterprise/enterprise.cpp),
// each on a small hand-built case derived from the default enterprise.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("data debt raises data-prep effort by the factor 1 + k_debt D", "[enterprise][data_debt]") {
  Scenario clean = quiet_scenario();
  clean.structure = Structure::coe;
  clean.switches.data_debt = true;
  clean.data_debt.paydown_share = 0.0;
  for (auto& bu : clean.business_units) bu.data_debt = 0.0;
  Scenario indebted = clean;
  for (auto& bu : indebted.business_units) bu.data_debt = 2.0;
  const double ratio = first_data_prep(indebted, 9) / first_data_prep(clean, 9);
  CHECK(ratio == Approx(1.0 + clean.data_debt.prep_factor * 2.0).epsilon(1e-12));
}

TEST_CASE("the experience curve shortens work after deployments", "[enterprise][learning]") {
  Scenario s = quiet_scenario();
  s.structure = Structure::coe;
  s.switches.learning = true;
  Enterprise e(s, 3, 0);
  e.advance_to(s.horizon_months);
  const double experience = e.teams()[0].experience;
  CHECK(experience > 0.0);
  // Every deployment of the central team adds one unit of experience.
  int deployed = 0;
  for (const auto& u : e.use_cases()) deployed += (u.stage == Stage::production || u.stage == Stage::retired);
  CHECK(experience == Approx(static_cast<double>(deployed)));
}

TEST_CASE("WIP never exceeds the team limit except for purgatory returns", "[enterprise][lifecycle]") {
  Scenario s = quiet_scenario();
  s.structure = Structure::coe;
  Enterprise e(s, 8, 0);
  const int limit = static_cast<int>(std::ceil(s.lifecycle.wip_per_person * e.teams()[0].headcount()));
  for (double m = 1.0; m <= s.horizon_months; m += 1.0) {
    e.advance_to(m);
    int in_work = 0;
    int back_from_purgatory = 0;  // a GO at a purgatory review re-enters work above the limit
    for (const auto& u : e.use_cases()) {
      in_work += u.in_wip;
      back_from_purgatory += u.in_wip && u.purgatory_since > 0.0;
    }
    CHECK(in_work == e.teams()[0].wip);
    CHECK(e.teams()[0].wip - back_from_purgatory <= limit);
  }
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
