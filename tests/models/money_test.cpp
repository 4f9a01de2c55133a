// Tests models/enterprise/money.hpp: the ledger against hand-computed months, the
// discounting convention, and the break-even and ROI semantics of MODEL.md section 6.
#include "models/enterprise/money.hpp"

#include <catch2/catch.hpp>

#include <cmath>

namespace {

using models::enterprise::Ledger;
using models::enterprise::monthly_discount_rate;

}  // namespace

TEST_CASE("money: a new ledger is empty", "[money]") {
  const Ledger ledger(0.08);
  CHECK(ledger.months() == 0);
  CHECK(ledger.cumulative_cost() == 0.0);
  CHECK(ledger.cumulative_value() == 0.0);
  CHECK(ledger.roi() == 0.0);
  CHECK(ledger.npv() == 0.0);
  CHECK_FALSE(ledger.break_even_month().has_value());
}

TEST_CASE("money: three months computed by hand", "[money]") {
  // Yearly rate 12.6825 % is 1 % per month: (1.01)^12 = 1.126825030131970.
  const double r_year = std::pow(1.01, 12.0) - 1.0;
  Ledger ledger(r_year);
  ledger.record_month(100.0, 0.0);
  ledger.record_month(100.0, 50.0);
  ledger.record_month(100.0, 300.0);
  CHECK(ledger.months() == 3);
  CHECK(ledger.cumulative_cost() == 300.0);
  CHECK(ledger.cumulative_value() == 350.0);
  // ROI = (350 - 300) / 300.
  CHECK(ledger.roi() == Approx(1.0 / 6.0).epsilon(1e-15));
  // NPV = -100/1.01 - 50/1.01^2 + 200/1.01^3
  //     = -99.00990099 - 49.01480247 + 194.11802959 = 46.09332613.
  CHECK(ledger.npv() == Approx(-100.0 / 1.01 - 50.0 / (1.01 * 1.01) + 200.0 / (1.01 * 1.01 * 1.01))
                            .epsilon(1e-13));
  CHECK(ledger.npv() == Approx(46.09332613).epsilon(1e-9));
  // Month 1: 0 < 100; month 2: 50 < 200; month 3: 350 >= 300.
  REQUIRE(ledger.break_even_month().has_value());
  CHECK(*ledger.break_even_month() == 3);
}

TEST_CASE("money: a loss-making first month has negative ROI and no break-even", "[money]") {
  Ledger ledger(0.1);
  ledger.record_month(200.0, 20.0);
  CHECK(ledger.roi() == Approx(-0.9).epsilon(1e-15));
  CHECK_FALSE(ledger.break_even_month().has_value());
}

TEST_CASE("money: with a zero discount rate NPV is the cumulative difference", "[money]") {
  Ledger ledger(0.0);
  const double costs[] = {120.0, 80.5, 99.0, 101.25, 0.0, 64.0, 300.0};
  const double values[] = {0.0, 10.0, 45.5, 230.0, 12.0, 0.0, 410.75};
  for (int i = 0; i < 7; ++i) {
    ledger.record_month(costs[i], values[i]);
    CHECK(ledger.npv() ==
          Approx(ledger.cumulative_value() - ledger.cumulative_cost()).epsilon(1e-14));
  }
  CHECK(monthly_discount_rate(0.0) == 0.0);
}

TEST_CASE("money: the monthly discount rate compounds to the yearly rate", "[money]") {
  for (const double r_year : {0.0, 0.01, 0.08, 0.1, 0.25, 1.0}) {
    const double r_month = monthly_discount_rate(r_year);
    CHECK(std::pow(1.0 + r_month, 12.0) == Approx(1.0 + r_year).epsilon(1e-14));
    CHECK(r_month <= r_year / 12.0 + 1e-18);  // compounding needs less than a twelfth
  }
  CHECK(monthly_discount_rate(0.1) == Approx(0.00797414042890376).epsilon(1e-12));
  // A single net flow in month 12 is discounted by exactly one year.
  Ledger ledger(0.1);
  for (int m = 1; m < 12; ++m) ledger.record_month(0.0, 0.0);
  ledger.record_month(0.0, 110.0);
  CHECK(ledger.npv() == Approx(100.0).epsilon(1e-14));
  // And a flow in month 24 by two years.
  for (int m = 13; m < 24; ++m) ledger.record_month(0.0, 0.0);
  ledger.record_month(0.0, 121.0);
  CHECK(ledger.npv() == Approx(200.0).epsilon(1e-14));
}

TEST_CASE("money: break-even keeps the first crossing when value falls back below cost",
          "[money]") {
  Ledger ledger(0.05);
  ledger.record_month(100.0, 0.0);    // cum 100 / 0
  ledger.record_month(100.0, 250.0);  // cum 200 / 250: first crossing in month 2
  ledger.record_month(500.0, 0.0);    // cum 700 / 250: back below
  CHECK(ledger.cumulative_value() < ledger.cumulative_cost());
  REQUIRE(ledger.break_even_month().has_value());
  CHECK(*ledger.break_even_month() == 2);
  ledger.record_month(0.0, 1000.0);  // crosses again in month 4
  CHECK(*ledger.break_even_month() == 2);
}

TEST_CASE("money: break-even counts equality and needs some cost", "[money]") {
  SECTION("cumulative value equal to cumulative cost is break-even") {
    Ledger ledger(0.0);
    ledger.record_month(100.0, 40.0);
    ledger.record_month(50.0, 110.0);  // 150 / 150
    REQUIRE(ledger.break_even_month().has_value());
    CHECK(*ledger.break_even_month() == 2);
  }
  SECTION("months without cost are not break-even") {
    Ledger ledger(0.0);
    ledger.record_month(0.0, 0.0);
    ledger.record_month(0.0, 5.0);
    CHECK_FALSE(ledger.break_even_month().has_value());
    ledger.record_month(10.0, 0.0);  // cum 10 / 5
    CHECK_FALSE(ledger.break_even_month().has_value());
    ledger.record_month(0.0, 5.0);  // cum 10 / 10
    REQUIRE(ledger.break_even_month().has_value());
    CHECK(*ledger.break_even_month() == 4);
  }
  SECTION("never breaking even") {
    Ledger ledger(0.08);
    for (int m = 0; m < 60; ++m) ledger.record_month(100.0, 90.0);
    CHECK_FALSE(ledger.break_even_month().has_value());
    CHECK(ledger.months() == 60);
    CHECK(ledger.roi() == Approx(-0.1).epsilon(1e-12));
  }
}

TEST_CASE("money: ROI with zero cost is zero rather than a division by zero", "[money]") {
  Ledger ledger(0.08);
  ledger.record_month(0.0, 0.0);
  CHECK(ledger.roi() == 0.0);
  ledger.record_month(0.0, 500.0);
  CHECK(ledger.roi() == 0.0);
  CHECK_FALSE(std::isnan(ledger.roi()));
  CHECK(ledger.npv() > 0.0);
}

TEST_CASE("money: discounting lowers NPV of late value", "[money]") {
  Ledger flat(0.0);
  Ledger discounted(0.1);
  for (int m = 0; m < 36; ++m) {
    const double value = m < 12 ? 0.0 : 300.0;
    flat.record_month(150.0, value);
    discounted.record_month(150.0, value);
  }
  CHECK(flat.npv() == Approx(36.0 * -150.0 + 24.0 * 300.0).epsilon(1e-14));
  CHECK(discounted.npv() < flat.npv());
  CHECK(discounted.cumulative_cost() == flat.cumulative_cost());
  CHECK(discounted.roi() == flat.roi());
}
