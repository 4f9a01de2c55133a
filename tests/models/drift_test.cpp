// Tests models/enterprise/drift.hpp: the section 4 calibration, the inverse of the decay,
// and the exact mean value factor against Simpson integration.
#include "models/enterprise/drift.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

namespace {

using models::enterprise::accuracy_after;
using models::enterprise::drift_lambda;
using models::enterprise::mean_value_factor;
using models::enterprise::time_to_accuracy;
using models::enterprise::value_factor;

constexpr double kA0 = 0.88;
constexpr double kMin = 0.50;
constexpr double kLambda = 0.045;
const double kInf = std::numeric_limits<double>::infinity();

// Composite Simpson's rule of g(a(t)) over [lo, hi] with n (even) intervals.
double simpson(double a_start, double a_min, double a0, double lambda, double lo, double hi,
               int n) {
  const auto g = [&](double t) {
    return value_factor(accuracy_after(a_start, a_min, lambda, t), a0, a_min);
  };
  const double h = (hi - lo) / n;
  double sum = g(lo) + g(hi);
  for (int i = 1; i < n; ++i) sum += (i % 2 == 1 ? 4.0 : 2.0) * g(lo + i * h);
  return sum * h / 3.0;
}

// The time the integrand leaves its cap of 1, found by bisection on the composed
// functions (not from the closed form): the integrand has a kink there, so Simpson is
// applied on each side of it.
double cap_end(double a_start, double a_min, double a0, double lambda, double dt) {
  const auto capped = [&](double t) {
    return accuracy_after(a_start, a_min, lambda, t) >= a0;
  };
  if (!capped(0.0)) return 0.0;
  if (capped(dt)) return dt;
  double lo = 0.0;
  double hi = dt;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (capped(mid) ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

double numerical_mean(double a_start, double a_min, double a0, double lambda, double dt) {
  const double kink = cap_end(a_start, a_min, a0, lambda, dt);
  double integral = 0.0;
  if (kink > 0.0) integral += simpson(a_start, a_min, a0, lambda, 0.0, kink, 20000);
  if (kink < dt) integral += simpson(a_start, a_min, a0, lambda, kink, dt, 20000);
  return integral / dt;
}

models::enterprise::Production production(double drift_rate, double debt_factor) {
  models::enterprise::Production p{};
  p.accuracy_initial = kA0;
  p.accuracy_floor = kMin;
  p.drift_rate = drift_rate;
  p.drift_debt_factor = debt_factor;
  return p;
}

}  // namespace

TEST_CASE("drift: calibration - an unmonitored model falls from 0.88 to 0.79 in six months",
          "[drift]") {
  const double a6 = accuracy_after(kA0, kMin, kLambda, 6.0);
  CHECK(a6 == Approx(0.79).margin(0.005));
  // And exactly the exponential of section 4.
  CHECK(a6 == Approx(0.50 + 0.38 * std::exp(-0.27)).epsilon(1e-15));
  CHECK(drift_lambda(production(kLambda, 0.5), 0.0) == kLambda);
}

TEST_CASE("drift: drift_lambda grows linearly with data debt", "[drift]") {
  const auto p = production(0.045, 0.5);
  CHECK(drift_lambda(p, 2.0) == Approx(0.045 * 2.0).epsilon(1e-15));
  CHECK(drift_lambda(p, 4.0) > drift_lambda(p, 2.0));
  CHECK(drift_lambda(production(0.0, 0.5), 3.0) == 0.0);
}

TEST_CASE("drift: accuracy decays monotonically toward the floor", "[drift]") {
  double previous = kA0;
  for (int m = 1; m <= 240; ++m) {
    const double a = accuracy_after(kA0, kMin, kLambda, m);
    CHECK(a < previous);
    CHECK(a > kMin);
    previous = a;
  }
  // Composition: decaying 2 then 4 months equals decaying 6.
  CHECK(accuracy_after(accuracy_after(kA0, kMin, kLambda, 2.0), kMin, kLambda, 4.0) ==
        Approx(accuracy_after(kA0, kMin, kLambda, 6.0)).epsilon(1e-14));
}

TEST_CASE("drift: accuracy_after edge cases", "[drift]") {
  CHECK(accuracy_after(kA0, kMin, kLambda, 0.0) == kA0);
  CHECK(accuracy_after(kA0, kMin, 0.0, 100.0) == kA0);
  CHECK(accuracy_after(kA0, kMin, 0.0, kInf) == kA0);
  CHECK(accuracy_after(kA0, kMin, kLambda, kInf) == kMin);
  CHECK(accuracy_after(kMin, kMin, kLambda, 10.0) == kMin);
}

TEST_CASE("drift: time_to_accuracy inverts accuracy_after", "[drift]") {
  for (const double lambda : {0.01, 0.045, 0.3}) {
    for (const double dt : {0.1, 1.0, 6.0, 30.0}) {
      const double a = accuracy_after(kA0, kMin, lambda, dt);
      CHECK(time_to_accuracy(kA0, kMin, lambda, a) == Approx(dt).epsilon(1e-10));
    }
    for (const double target : {0.85, 0.79, 0.6, 0.51}) {
      const double t = time_to_accuracy(kA0, kMin, lambda, target);
      CHECK(accuracy_after(kA0, kMin, lambda, t) == Approx(target).epsilon(1e-12));
    }
  }
  // The monitoring threshold of section 4: alert once a falls 0.05 below a0.
  CHECK(time_to_accuracy(kA0, kMin, kLambda, kA0 - 0.05) ==
        Approx(std::log(0.38 / 0.33) / kLambda).epsilon(1e-14));
}

TEST_CASE("drift: time_to_accuracy edge cases", "[drift]") {
  CHECK(time_to_accuracy(kA0, kMin, kLambda, kA0) == 0.0);
  CHECK(time_to_accuracy(0.7, kMin, kLambda, 0.8) == 0.0);
  CHECK(time_to_accuracy(kA0, kMin, kLambda, kMin) == kInf);
  CHECK(time_to_accuracy(kA0, kMin, kLambda, 0.3) == kInf);
  CHECK(time_to_accuracy(kA0, kMin, 0.0, 0.8) == kInf);
  CHECK(time_to_accuracy(kMin, kMin, kLambda, 0.4) == kInf);
}

TEST_CASE("drift: value_factor is the linear share between floor and trained accuracy", "[drift]") {
  CHECK(value_factor(kA0, kA0, kMin) == 1.0);
  CHECK(value_factor(kMin, kA0, kMin) == 0.0);
  CHECK(value_factor(0.79, kA0, kMin) == Approx(0.29 / 0.38).epsilon(1e-14));
  CHECK(value_factor(0.40, kA0, kMin) == 0.0);  // below the floor: no value, not negative
  CHECK(value_factor(0.95, kA0, kMin) == 1.0);  // above a0: capped at 1
  // Degenerate range: the limit, a step at a_min.
  CHECK(value_factor(0.6, 0.5, 0.5) == 1.0);
  CHECK(value_factor(0.5, 0.5, 0.5) == 0.0);
  CHECK(value_factor(0.4, 0.5, 0.6) == 0.0);
}

TEST_CASE("drift: mean_value_factor matches Simpson integration of the decaying value", "[drift]") {
  // Starts below a0 (smooth decay), at a0, and above a0 (capped at first: a kink).
  for (const double a_start : {0.70, 0.88, 0.92, 0.99}) {
    for (const double lambda : {0.001, 0.045, 0.5, 3.0}) {
      for (const double dt : {0.25, 1.0, 6.0, 24.0}) {
        const double exact = mean_value_factor(a_start, kMin, kA0, lambda, dt);
        const double numeric = numerical_mean(a_start, kMin, kA0, lambda, dt);
        CHECK(exact == Approx(numeric).margin(1e-9));
      }
    }
  }
}

TEST_CASE("drift: mean_value_factor over a month is the closed-form average", "[drift]") {
  // From a0 with lambda, the mean of e^{-lambda t} over [0, 1] is (1 - e^{-lambda})/lambda.
  CHECK(mean_value_factor(kA0, kMin, kA0, kLambda, 1.0) ==
        Approx((1.0 - std::exp(-kLambda)) / kLambda).epsilon(1e-14));
  // It lies between the values at the start and at the end of the window.
  const double mean = mean_value_factor(kA0, kMin, kA0, kLambda, 6.0);
  CHECK(mean < 1.0);
  CHECK(mean > value_factor(accuracy_after(kA0, kMin, kLambda, 6.0), kA0, kMin));
}

TEST_CASE("drift: mean_value_factor edge cases and limits", "[drift]") {
  SECTION("no drift: the constant value factor") {
    CHECK(mean_value_factor(0.79, kMin, kA0, 0.0, 6.0) == Approx(0.29 / 0.38).epsilon(1e-14));
    CHECK(mean_value_factor(0.95, kMin, kA0, 0.0, 6.0) == 1.0);
    CHECK(mean_value_factor(0.79, kMin, kA0, 0.0, kInf) == Approx(0.29 / 0.38).epsilon(1e-14));
  }
  SECTION("lambda -> 0 approaches the no-drift value continuously") {
    const double limit = mean_value_factor(0.79, kMin, kA0, 0.0, 6.0);
    CHECK(mean_value_factor(0.79, kMin, kA0, 1e-12, 6.0) == Approx(limit).epsilon(1e-10));
    CHECK(mean_value_factor(0.79, kMin, kA0, 1e-300, 6.0) == Approx(limit).epsilon(1e-14));
    CHECK(mean_value_factor(0.95, kMin, kA0, 1e-12, 6.0) == 1.0);
  }
  SECTION("dt -> 0 gives the value factor at the start") {
    CHECK(mean_value_factor(0.79, kMin, kA0, kLambda, 0.0) == Approx(0.29 / 0.38).epsilon(1e-14));
    CHECK(mean_value_factor(0.79, kMin, kA0, kLambda, 1e-12) ==
          Approx(0.29 / 0.38).epsilon(1e-10));
  }
  SECTION("at or below the floor earns nothing") {
    CHECK(mean_value_factor(kMin, kMin, kA0, kLambda, 6.0) == 0.0);
    CHECK(mean_value_factor(0.3, kMin, kA0, kLambda, 6.0) == 0.0);
  }
  SECTION("an infinite window averages to zero") {
    CHECK(mean_value_factor(kA0, kMin, kA0, kLambda, kInf) == 0.0);
    CHECK(mean_value_factor(0.99, kMin, kA0, kLambda, kInf) == 0.0);
  }
  SECTION("starting above a0 stays capped until accuracy falls to a0") {
    const double t1 = time_to_accuracy(0.95, kMin, kLambda, kA0);
    CHECK(mean_value_factor(0.95, kMin, kA0, kLambda, 0.5 * t1) == 1.0);
    CHECK(mean_value_factor(0.95, kMin, kA0, kLambda, 2.0 * t1) < 1.0);
  }
  SECTION("degenerate range a0 <= a_min") {
    CHECK(mean_value_factor(0.6, 0.5, 0.5, kLambda, 6.0) == 1.0);
    CHECK(mean_value_factor(0.5, 0.5, 0.5, kLambda, 6.0) == 0.0);
    CHECK_FALSE(std::isnan(mean_value_factor(0.5, 0.5, 0.5, 0.0, 0.0)));
  }
}
