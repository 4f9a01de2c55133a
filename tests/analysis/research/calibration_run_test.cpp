// Tests analysis/research/calibration_run.hpp: a target's share of the objective.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "analysis/research/calibration_run.hpp"

using analysis::research::Target;

TEST_CASE("calibration run: a value target costs its squared miss in units of its scale", "[research][calibrate]") {
  Target t;
  t.value = 2.0;
  t.scale = 2.0;
  CHECK(t.miss(2.0) == 0.0);
  CHECK(t.miss(4.0) == 1.0);
  CHECK(t.miss(0.0) == 1.0);
  CHECK(t.miss(std::nan("")) == std::numeric_limits<double>::infinity());
}

TEST_CASE("calibration run: a range target costs nothing inside and its squared distance outside",
          "[research][calibrate]") {
  Target t;
  t.min = 1.0;
  t.max = 3.0;
  t.scale = 2.0;
  CHECK(t.miss(1.0) == 0.0);
  CHECK(t.miss(2.5) == 0.0);
  CHECK(t.miss(5.0) == 1.0);
  CHECK(t.miss(-1.0) == 1.0);
}
