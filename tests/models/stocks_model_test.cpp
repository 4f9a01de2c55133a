// Tests the enterprise model's slow stocks as the run integrates them
// (models/enterprise/enterprise.cpp): data-debt accrual, platform duplication under
// federated teams, horizontal reuse along the org graph. The closed forms themselves are
// tested in stocks_test.cpp and adoption_test.cpp.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "models/enterprise/stocks.hpp"
#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("every use case that passes data prep adds debt to its unit", "[enterprise][data_debt]") {
  Scenario s = quiet_scenario();
  s.switches.data_debt = true;
  s.data_debt.paydown_share = 0.0;
  s.data_debt.spillover_rate = 0.0;
  Enterprise e(s, 17, 0);
  e.advance_to(s.horizon_months);
  const double added = debt_added(s.data_debt, s.policy(s.structure).standardisation);
  REQUIRE(added > 0.0);
  std::vector<int> passed(s.business_units.size(), 0);
  for (const auto& u : e.use_cases()) {
    const bool beyond = u.stage != Stage::backlog && u.stage != Stage::data_prep && u.stage != Stage::expired;
    if (beyond) ++passed[u.unit];
  }
  int total = 0;
  for (std::size_t b = 0; b < passed.size(); ++b) {
    INFO(s.business_units[b].name);
    CHECK(e.units()[b].data_debt == Approx(s.business_units[b].data_debt + passed[b] * added));
    total += passed[b];
  }
  CHECK(total > 0);
}

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

TEST_CASE("models are reused by neighbouring units only and not when reuse is off", "[enterprise][reuse]") {
  Scenario s = quiet_scenario();
  s.structure = Structure::coe;
  s.switches.reuse = true;
  s.lifecycle.reuse_rate = 2.0;
  Enterprise on(s, 5, 0);
  on.advance_to(s.horizon_months);
  const Neighbourhood neighbours(on.graph());
  int copies = 0;
  for (const auto& u : on.use_cases()) {
    for (const std::uint32_t target : u.reused_by) {
      const auto list = neighbours.of(u.unit);
      CHECK(std::any_of(list.begin(), list.end(), [target](const Neighbour& n) { return n.unit == target; }));
      ++copies;
    }
  }
  int copy_cases = 0;
  for (const auto& u : on.use_cases()) copy_cases += u.is_copy;
  CHECK(copies > 0);
  CHECK(copy_cases == copies);

  s.switches.reuse = false;
  Enterprise off(s, 5, 0);
  off.advance_to(s.horizon_months);
  for (const auto& u : off.use_cases()) CHECK_FALSE(u.is_copy);
}
