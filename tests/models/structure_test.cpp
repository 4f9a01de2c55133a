// Tests models/enterprise/structure.hpp and the structure rules of structure.cpp (and the
// reorganisations of interventions.cpp): placement of people, reorganisation, their effect.
#include "models/enterprise/structure.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <string>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("the structures place people as their policies say", "[enterprise][structure]") {
  const Scenario base = quiet_scenario();
  for (const Structure st : {Structure::coe, Structure::federated, Structure::hybrid}) {
    Scenario s = base;
    s.structure = st;
    const Enterprise e(s, 1, 0);
    const auto& policy = s.policy(st);
    for (const Role r : kRoles) {
      INFO(structure_name(st) << " " << role_name(r));
      CHECK(people(e, r) == s.workforce.headcount[r]);
      const int central = e.teams()[0].pool(r).headcount;
      CHECK(central == (policy.central[r] ? s.workforce.headcount[r] : 0));
    }
  }
}

TEST_CASE("a reorganisation mid-run moves people to the new structure", "[enterprise][structure]") {
  Scenario s = quiet_scenario();
  s.structure = Structure::federated;
  s.interventions = {reorganisation(12.0, Structure::coe)};
  Enterprise e(s, 2, 0);
  e.advance_to(11.9);
  CHECK(e.structure() == Structure::federated);
  CHECK(e.teams()[0].pool(Role::data_scientist).headcount == 0);
  e.advance_to(12.0);
  CHECK(e.structure() == Structure::coe);
  // Free people moved at once; busy ones follow when they finish.
  e.advance_to(s.horizon_months);
  for (const Role r : kRoles) {
    INFO(role_name(r));
    CHECK(e.teams()[0].pool(r).headcount == s.workforce.headcount[r]);
  }
  for (std::size_t t = 1; t < e.teams().size(); ++t) CHECK(e.teams()[t].headcount() == 0);
}

TEST_CASE("the three structures give different trajectories on the default enterprise",
          "[enterprise][structure]") {
  // Averaged over replications, CoE pools people and learns centrally, federated teams
  // fragment them: the pilot-to-production ratios must differ clearly.
  const Scenario base = default_scenario();
  std::array<double, kStructureCount> ratio{};
  for (const Structure st : {Structure::coe, Structure::federated, Structure::hybrid}) {
    Scenario s = base;
    s.structure = st;
    for (std::uint64_t rep = 0; rep < 20; ++rep) {
      ratio[static_cast<std::size_t>(st)] += simulate(s, 1, rep).get(Summary::pilot_to_production) / 20.0;
    }
  }
  const double coe = ratio[static_cast<std::size_t>(Structure::coe)];
  const double federated = ratio[static_cast<std::size_t>(Structure::federated)];
  const double hybrid = ratio[static_cast<std::size_t>(Structure::hybrid)];
  CHECK(coe > federated + 0.1);
  CHECK(hybrid > federated + 0.1);
}

TEST_CASE("a reorganisation keeps the platform built so far", "[enterprise][structure]") {
  Scenario s = quiet_scenario();
  s.structure = Structure::hybrid;
  s.interventions = {reorganisation(24.0, Structure::federated)};
  Enterprise e(s, 4, 0);
  e.advance_to(23.5);
  const double built = e.shared_platform();
  CHECK(built > s.platform.initial);
  e.advance_to(24.0);
  for (std::uint32_t b = 0; b < e.units().size(); ++b) CHECK(e.platform_for(b) >= built);
}

TEST_CASE("no free person sits beside a waiting job through hires cuts and reorganisations", "[enterprise][structure]") {
  // After every event a pool with a free person has an empty queue: people moved in by
  // a new allocation take the waiting jobs at once, and jobs of retired models are not
  // re-queued by a reorganisation.
  Scenario s = default_scenario();
  s.structure = Structure::federated;
  s.interventions = {hiring(3, Role::data_engineer, 1),  hiring(5, Role::data_engineer, 1),
                     hiring(7, Role::data_engineer, -1), hiring(9, Role::data_engineer, 1),
                     hiring(11, Role::data_engineer, -1), hiring(13, Role::data_engineer, 1),
                     reorganisation(18, Structure::coe), reorganisation(24, Structure::federated),
                     hiring(27, Role::data_scientist, -5), reorganisation(36, Structure::hybrid)};
  for (std::uint64_t rep = 0; rep < 20; ++rep) {
    Enterprise e(s, 7, rep);
    int violations = 0;
    for (double t = 0.05; t <= 48.0; t += 0.05) {
      e.advance_to(t);
      for (const Team& team : e.teams()) {
        for (const Pool& p : team.pools) {
          if (p.free() > 0 && !p.waiting.empty()) ++violations;
        }
      }
    }
    INFO("replication " << rep);
    CHECK(violations == 0);
  }
}

TEST_CASE("people are split by weight with the leftovers to the largest remainders", "[structure]") {
  const std::vector<double> users = {5000.0, 3000.0, 2000.0};
  CHECK(split_by_weight(10, users) == std::vector<int>{5, 3, 2});
  // 7 x (0.5, 0.3, 0.2) = (3.5, 2.1, 1.4): floors 3, 2, 1, one left for the largest remainder.
  CHECK(split_by_weight(7, users) == std::vector<int>{4, 2, 1});
  // Ties go to the lower index.
  CHECK(split_by_weight(1, std::vector<double>{1.0, 1.0}) == std::vector<int>{1, 0});
  CHECK(split_by_weight(5, std::vector<double>{0.0, 0.0}) == std::vector<int>{0, 0});
  CHECK(split_by_weight(0, users) == std::vector<int>{0, 0, 0});
}

TEST_CASE("pools are numbered team by team and role by role", "[structure]") {
  for (std::uint32_t t = 0; t < 4; ++t) {
    for (const Role r : kRoles) {
      CHECK(team_of_pool(pool_id(t, r)) == t);
      CHECK(role_of_pool(pool_id(t, r)) == r);
    }
  }
}
