// Tests the platform rules of models/enterprise/platform.cpp: one shared platform or
// duplicates per business unit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("federated teams build duplicate platforms that mature slower", "[enterprise][platform]") {
  Scenario shared = quiet_scenario();
  shared.structure = Structure::hybrid;
  Scenario duplicated = shared;
  duplicated.structure = Structure::federated;
  Enterprise a(shared, 1, 0);
  Enterprise b(duplicated, 1, 0);
  a.advance_to(24.0);
  b.advance_to(24.0);
  double best_own = 0.0;
  for (std::uint32_t u = 0; u < b.units().size(); ++u) best_own = std::max(best_own, b.platform_for(u));
  CHECK(a.shared_platform() > best_own);
  // The shared platform follows dP/dt = eta x people x (1 - P) exactly.
  const double people = shared.workforce.headcount[Role::mlops_engineer];
  const double expected = 1.0 - (1.0 - shared.platform.initial) * std::exp(-shared.platform.build_rate * people * 24.0);
  CHECK(a.shared_platform() == Approx(expected).epsilon(1e-12));
}
