// Tests models/enterprise/staffing.hpp and the staffing rules of staffing.cpp: which pool
// serves a phase, stand-ins and borrowed people.
#include "models/enterprise/staffing.hpp"
#include "models/enterprise/structure.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

namespace {

// Teams 0 (central) and 1, 2 with `n` people of every role in each.
std::vector<Team> teams_of(int central, int first, int second) {
  std::vector<Team> teams(3);
  for (const Role r : kRoles) {
    teams[0].pool(r).headcount = central;
    teams[1].pool(r).headcount = first;
    teams[2].pool(r).headcount = second;
  }
  return teams;
}

}  // namespace

TEST_CASE("every role has stand-ins and none stands in for itself", "[staffing]") {
  for (const Role r : kRoles) {
    const auto subs = substitutes_for(r);
    CHECK_FALSE(subs.empty());
    CHECK(std::find(subs.begin(), subs.end(), r) == subs.end());
  }
  CHECK(substitutes_for(Role::data_scientist)[0] == Role::ml_engineer);
  CHECK(substitutes_for(Role::governance)[0] == Role::product_manager);
}

TEST_CASE("a phase is served by its own team first then stand-ins then the centre then a borrowed person", "[staffing]") {
  auto teams = teams_of(2, 1, 3);
  // Its own team has the role.
  PoolChoice c = choose_pool(teams, 1, Role::data_engineer);
  CHECK(c.pool == pool_id(1, Role::data_engineer));
  CHECK_FALSE(c.stand_in);
  // Nobody of the role in team 1: a stand-in there (data scientist first for data engineering).
  teams[1].pool(Role::data_engineer).headcount = 0;
  c = choose_pool(teams, 1, Role::data_engineer);
  CHECK(c.pool == pool_id(1, Role::data_scientist));
  CHECK(c.stand_in);
  // A hire on its way: the phase waits for it instead.
  teams[1].pool(Role::data_engineer).open_requisitions = 1;
  c = choose_pool(teams, 1, Role::data_engineer);
  CHECK(c.pool == pool_id(1, Role::data_engineer));
  CHECK_FALSE(c.stand_in);
  teams[1].pool(Role::data_engineer).open_requisitions = 0;
  // No stand-in in team 1 either: the role in the central team.
  for (const Role sub : substitutes_for(Role::data_engineer)) teams[1].pool(sub).headcount = 0;
  c = choose_pool(teams, 1, Role::data_engineer);
  CHECK(c.pool == pool_id(kCentral, Role::data_engineer));
  CHECK(c.stand_in);
  // Nobody in the centre: the largest pool of the role anywhere (team 2).
  for (const Role r : kRoles) teams[0].pool(r).headcount = 0;
  c = choose_pool(teams, 1, Role::data_engineer);
  CHECK(c.pool == pool_id(2, Role::data_engineer));
  CHECK(c.stand_in);
  // Nobody anywhere: it waits for a hire in its own pool, at full productivity.
  for (const Role r : kRoles) teams[2].pool(r).headcount = 0;
  c = choose_pool(teams, 1, Role::data_engineer);
  CHECK(c.pool == pool_id(1, Role::data_engineer));
  CHECK_FALSE(c.stand_in);
}

TEST_CASE("people about to leave or move do not count as staying", "[staffing]") {
  auto teams = teams_of(2, 1, 0);
  teams[1].pool(Role::ml_engineer).leaving = 1;
  const PoolChoice c = choose_pool(teams, 1, Role::ml_engineer);
  CHECK(c.pool == pool_id(1, Role::mlops_engineer));
  CHECK(c.stand_in);
}

TEST_CASE("with no data engineers a stand-in does data prep 1/penalty slower", "[enterprise][workforce]") {
  Scenario with = quiet_scenario();
  with.structure = Structure::coe;  // one central pool: the first job meets free people
  Scenario without = with;
  without.workforce.headcount[Role::data_engineer] = 0;
  const double own = first_data_prep(with, 5);
  const double stand_in = first_data_prep(without, 5);
  CHECK(stand_in == Approx(own / with.workforce.substitution_penalty).epsilon(1e-12));
}
