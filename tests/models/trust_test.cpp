// Tests models/enterprise/trust.hpp and the trust rules of trust.cpp: gains and losses
// stay in [0, 1], a failure costs more than a success earns, spill-over to neighbours.
#include "models/enterprise/trust.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("trust gains and losses stay in the unit interval", "[trust]") {
  CHECK(trust_gain(0.5, 0.1) == Approx(0.55).epsilon(1e-15));
  CHECK(trust_loss(0.5, 0.2) == Approx(0.4).epsilon(1e-15));
  CHECK(trust_gain(1.0, 0.3) == 1.0);
  CHECK(trust_gain(0.0, 0.0) == 0.0);
  CHECK(trust_loss(0.0, 0.3) == 0.0);
  CHECK(trust_loss(1.0, 1.0) == 0.0);
  CHECK(trust_gain(0.2, 1.0) == 1.0);
  // A long alternating sequence of wins and losses never leaves [0, 1].
  double t = 0.5;
  for (int i = 0; i < 10000; ++i) {
    t = (i % 3 == 0) ? trust_loss(t, 0.35) : trust_gain(t, 0.12);
    CHECK(t >= 0.0);
    CHECK(t <= 1.0);
  }
  for (const double start : {0.0, 0.2, 0.7, 1.0}) {
    for (const double alpha : {0.0, 0.05, 0.5, 1.0}) {
      CHECK(trust_gain(start, alpha) >= start);
      CHECK(trust_gain(start, alpha) <= 1.0);
      CHECK(trust_loss(start, alpha) <= start);
      CHECK(trust_loss(start, alpha) >= 0.0);
    }
  }
}

TEST_CASE("with alpha_minus above alpha_plus a failure undoes more than a success",
          "[trust]") {
  // At trust 0.5 a loss of 0.3 and a gain of 0.1 do not cancel: trust ends lower.
  const double after = trust_loss(trust_gain(0.5, 0.1), 0.3);
  CHECK(after < 0.5);
  CHECK(after == Approx(0.55 * 0.7).epsilon(1e-15));
}

TEST_CASE("trust spills over to neighbours and stays in the unit interval", "[enterprise][trust]") {
  Scenario s = quiet_scenario();
  s.switches.trust = true;
  s.trust.spillover_rate = 0.5;
  s.business_units[0].trust = 1.0;
  for (std::size_t b = 1; b < s.business_units.size(); ++b) s.business_units[b].trust = 0.0;
  for (auto& bu : s.business_units) bu.idea_rate = 0.0;  // no successes or incidents: spill-over only
  Enterprise e(s, 3, 0);
  e.advance_to(1.0);
  double others = 0.0;
  for (std::size_t b = 1; b < e.units().size(); ++b) {
    CHECK(e.units()[b].trust >= 0.0);
    others += e.units()[b].trust;
  }
  CHECK(e.units()[0].trust < 1.0);
  CHECK(others > 0.0);
}
