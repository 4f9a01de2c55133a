// Tests models/enterprise/reuse.hpp and the horizontal-reuse rule of reuse.cpp.
#include "models/enterprise/reuse.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "support/enterprise_fixtures.hpp"

using namespace aiscale_test;

TEST_CASE("reuse is likelier along stronger edges and in more standardised structures", "[reuse]") {
  CHECK(reuse_probability(0.1, 0.5, 0.8) == Approx(1.0 - std::exp(-0.04)).epsilon(1e-15));
  CHECK(reuse_probability(0.1, 1.0, 0.8) > reuse_probability(0.1, 0.5, 0.8));
  CHECK(reuse_probability(0.1, 0.5, 0.8) > reuse_probability(0.1, 0.5, 0.2));
  CHECK(reuse_probability(0.0, 1.0, 1.0) == 0.0);
  CHECK(reuse_probability(0.1, 0.5, 0.0) == 0.0);
  CHECK(reuse_probability(1e3, 1.0, 1.0) == 1.0);
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
