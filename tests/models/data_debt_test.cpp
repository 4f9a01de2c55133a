// Tests models/enterprise/data_debt.hpp and the data-debt rules of data_debt.cpp: debt
// added per pipeline, the paydown allocation, accrual over a run.
#include "models/enterprise/data_debt.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

namespace {

models::enterprise::DataDebt data_debt() {
  models::enterprise::DataDebt d{};
  d.per_pipeline = 1.0;
  d.data_governance = 0.25;
  d.paydown_share = 0.2;
  d.paydown_per_engineer_month = 0.5;
  return d;
}

}  // namespace

TEST_CASE("data debt is added per pipeline and paid down by engineer months", "[data_debt]") {
  const auto d = data_debt();
  // 1 x (1 - 0.2) x (1 - 0.25) = 0.6 for a federated structure (s = 0.2).
  CHECK(debt_added(d, 0.2) == Approx(0.6).epsilon(1e-15));
  // Standardisation lowers new debt: CoE (0.8) < hybrid (0.7) < federated (0.2).
  CHECK(debt_added(d, 0.8) < debt_added(d, 0.7));
  CHECK(debt_added(d, 0.7) < debt_added(d, 0.2));
  CHECK(debt_added(d, 1.0) == 0.0);
  auto governed = d;
  governed.data_governance = 1.0;
  CHECK(debt_added(governed, 0.0) == 0.0);

  CHECK(debt_after_paydown(3.0, 2.0, d) == Approx(2.0).epsilon(1e-15));
  CHECK(debt_after_paydown(3.0, 0.0, d) == 3.0);
  CHECK(debt_after_paydown(0.4, 2.0, d) == 0.0);  // never negative
  CHECK(debt_after_paydown(0.0, 5.0, d) == 0.0);
}

TEST_CASE("the paydown allocation gives each unit its own engineers and central ones by debt", "[data_debt]") {
  // 4 own engineers at a share of 0.25: 1 engineer-month; central 2 engineer-months,
  // a quarter of the debt here: 0.5 more.
  CHECK(paydown_engineer_months(4, 2.0, 1.0, 4.0, 0.25) == Approx(1.5).epsilon(1e-15));
  CHECK(paydown_engineer_months(4, 2.0, 0.0, 4.0, 0.25) == Approx(1.0).epsilon(1e-15));
  // No debt anywhere: the central engineers pay nothing down.
  CHECK(paydown_engineer_months(0, 2.0, 0.0, 0.0, 0.25) == 0.0);
  // The central engineer-months are shared out in full over the units.
  const double debts[] = {1.0, 2.0, 5.0};
  double shared = 0.0;
  for (const double d : debts) shared += paydown_engineer_months(0, 3.0, d, 8.0, 0.25);
  CHECK(shared == Approx(3.0).epsilon(1e-15));
}

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
