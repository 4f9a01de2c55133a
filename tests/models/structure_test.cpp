// Tests the enterprise model's rules for the org structures as policies: placement of people, reorganisation, their effect (models/enterprise/enterprise.cpp),
// each on a small hand-built case derived from the default enterprise.
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
