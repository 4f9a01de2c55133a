// Tests models/enterprise/lifecycle.hpp and the lifecycle rules of lifecycle.cpp: effort
// by difficulty, idea scores, phase-duration multipliers, the experience curve, WIP
// limits.
#include "models/enterprise/lifecycle.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "sim/distributions.hpp"
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

TEST_CASE("harder ideas take more effort with mean one over Beta(2 2) difficulty", "[lifecycle]") {
  CHECK(difficulty_effort_factor(1.0, 0.0) == 0.5);
  CHECK(difficulty_effort_factor(1.0, 0.5) == 1.0);
  CHECK(difficulty_effort_factor(1.0, 1.0) == 1.5);
  CHECK(difficulty_effort_factor(0.0, 0.9) == 1.0);
  // Mean over d ~ Beta(2, 2) (mean 0.5) is 1 for any spread.
  sim::Rng rng(7);
  double sum = 0.0;
  const int n = 100000;
  for (int i = 0; i < n; ++i) sum += difficulty_effort_factor(0.6, sim::beta(rng, kDifficultyBeta, kDifficultyBeta));
  CHECK(sum / n == Approx(1.0).epsilon(0.005));
}

TEST_CASE("an idea scores value times feasibility over expected effort", "[lifecycle]") {
  // (1 - 0.25)(0.5 + 0.4) = 0.675 feasibility.
  CHECK(idea_score(100000.0, 0.5, 0.8, 10.0) == Approx(6750.0).epsilon(1e-15));
  CHECK(idea_score(100000.0, 0.2, 0.8, 10.0) > idea_score(100000.0, 0.8, 0.8, 10.0));
  CHECK(idea_score(100000.0, 0.5, 0.9, 10.0) > idea_score(100000.0, 0.5, 0.1, 10.0));
}

TEST_CASE("phase multipliers follow debt quality legacy platform and experience", "[lifecycle]") {
  CHECK(data_prep_multiplier(0.2, 1.5, 0.6) == Approx(1.3 * 0.7).epsilon(1e-15));
  CHECK(data_prep_multiplier(0.0, 3.0, 0.0) == 1.0);
  Platform p{};
  p.legacy_factor = 0.5;
  p.deployment_effect = 0.4;
  CHECK(deployment_multiplier(p, 0.6, 0.5) == Approx(1.3 * 0.8).epsilon(1e-15));
  CHECK(deployment_multiplier(p, 0.6, 1.0) < deployment_multiplier(p, 0.6, 0.0));
  // Each doubling of experience (1 + e) multiplies effort by the progress ratio.
  CHECK(experience_multiplier(0.85, 0.0) == 1.0);
  CHECK(experience_multiplier(0.85, 1.0) == Approx(0.85).epsilon(1e-12));
  CHECK(experience_multiplier(0.85, 3.0) == Approx(0.85 * 0.85).epsilon(1e-12));
}
