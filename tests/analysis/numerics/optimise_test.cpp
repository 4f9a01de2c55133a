// Tests analysis/numerics/optimise.hpp: Nelder-Mead on Rosenbrock's valley scaled into the box,
// on quadratics with their minimum on a bound and inside near a bound, in one
// dimension, with NaN regions, its evaluation budget and bookkeeping, determinism, and
// argument checks.
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

#include "analysis/numerics/optimise.hpp"

using analysis::nelder_mead;
using analysis::NelderMeadOptions;
using analysis::OptimiseResult;
using analysis::StopReason;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The extended Rosenbrock function of u = -2 + 4 x (u in [-2, 2]^k): minimum 0 at
/// u = (1, ..., 1), that is x = (0.75, ..., 0.75), at the end of a curved valley.
double rosenbrock(const Eigen::VectorXd& x) {
  double f = 0.0;
  for (Eigen::Index i = 0; i + 1 < x.size(); ++i) {
    const double a = -2.0 + 4.0 * x(i);
    const double b = -2.0 + 4.0 * x(i + 1);
    f += 100.0 * (b - a * a) * (b - a * a) + (1.0 - a) * (1.0 - a);
  }
  return f;
}

}  // namespace

TEST_CASE("optimise: Nelder-Mead finds the minimum of Rosenbrock's valley scaled into the box",
          "[optimise]") {
  // The classic start u = (-1.2, 1).
  const Eigen::Vector2d start(0.2, 0.75);
  const OptimiseResult result = nelder_mead(rosenbrock, start);
  INFO(result.message << "; x = (" << result.x(0) << ", " << result.x(1) << "), f = " << result.f
                      << ", " << result.evaluations << " evaluations");
  CHECK(result.converged);
  CHECK(result.reason == StopReason::converged);
  CHECK(std::string(analysis::to_string(result.reason)) == "converged");
  CHECK(result.x(0) == Approx(0.75).margin(1e-6));
  CHECK(result.x(1) == Approx(0.75).margin(1e-6));
  CHECK(result.f < 1e-12);
  CHECK(result.f == rosenbrock(result.x));
  CHECK(result.restarts >= 1);
  CHECK(result.evaluations < 1000);

  // Four dimensions (Gao & Han's coefficients) from x = 0.2 everywhere.
  NelderMeadOptions options;
  options.max_evaluations = 5000;
  const OptimiseResult four = nelder_mead(rosenbrock, Eigen::VectorXd::Constant(4, 0.2), options);
  INFO(four.message << "; f = " << four.f << ", " << four.evaluations << " evaluations");
  CHECK(four.converged);
  CHECK((four.x.array() - 0.75).abs().maxCoeff() < 1e-5);
  CHECK(four.f < 1e-10);
}

TEST_CASE("optimise: Nelder-Mead reaches a quadratic's minimum on the bounds", "[optimise]") {
  // Unconstrained minimum at (1.3, 0.4, -0.2); in the box at (1, 0.4, 0), f = 0.13.
  const auto quadratic = [](const Eigen::VectorXd& x) {
    return (x(0) - 1.3) * (x(0) - 1.3) + (x(1) - 0.4) * (x(1) - 0.4) + (x(2) + 0.2) * (x(2) + 0.2);
  };
  const OptimiseResult result = nelder_mead(quadratic, Eigen::VectorXd::Constant(3, 0.5));
  INFO(result.message << "; x = (" << result.x(0) << ", " << result.x(1) << ", " << result.x(2)
                      << "), f = " << result.f << ", " << result.evaluations << " evaluations");
  CHECK(result.converged);
  CHECK(result.x(0) == Approx(1.0).margin(1e-7));
  CHECK(result.x(1) == Approx(0.4).margin(1e-6));
  CHECK(result.x(2) == Approx(0.0).margin(1e-7));
  CHECK(result.x(0) <= 1.0);
  CHECK(result.x(2) >= 0.0);
  CHECK(result.f == Approx(0.13).margin(1e-10));
}

TEST_CASE("optimise: Nelder-Mead does not stick to a face near an inside minimum", "[optimise]") {
  // The minimum (0.95, 0.5) lies just inside the face x_0 = 1, which a large initial
  // simplex overshoots: clamping at the bounds stalls on that face from 49 of these
  // 121 starts. Reflection and the confirming restart reach the minimum from all.
  const auto bowl = [](const Eigen::VectorXd& x) {
    return (x(0) - 0.95) * (x(0) - 0.95) + 10.0 * (x(1) - 0.5) * (x(1) - 0.5);
  };
  NelderMeadOptions options;
  options.initial_step = 0.5;
  int reached = 0;
  for (int a = 0; a <= 10; ++a) {
    for (int b = 0; b <= 10; ++b) {
      const Eigen::Vector2d start(a / 10.0, b / 10.0);
      const OptimiseResult result = nelder_mead(bowl, start, options);
      const bool ok = result.converged && std::fabs(result.x(0) - 0.95) < 1e-6 &&
                      std::fabs(result.x(1) - 0.5) < 1e-6;
      if (!ok) {
        UNSCOPED_INFO("from (" << start(0) << ", " << start(1) << "): x = (" << result.x(0) << ", "
                               << result.x(1) << "), " << result.message);
      }
      reached += ok ? 1 : 0;
    }
  }
  CHECK(reached == 121);
}

TEST_CASE("optimise: Nelder-Mead evaluates only inside the box and counts every call", "[optimise]") {
  std::size_t calls = 0;
  std::size_t outside = 0;
  const auto counted = [&](const Eigen::VectorXd& x) {
    ++calls;
    if (!((x.array() >= 0.0).all() && (x.array() <= 1.0).all())) ++outside;
    return rosenbrock(x);
  };
  // Start in a corner: the first reflections leave the box.
  const OptimiseResult result = nelder_mead(counted, Eigen::Vector3d(1.0, 0.0, 1.0));
  CHECK(outside == 0);
  CHECK(result.evaluations == calls);
  CHECK(result.converged);
  CHECK(result.f < 1e-10);
}

TEST_CASE("optimise: Nelder-Mead stops at its evaluation budget and says so", "[optimise]") {
  NelderMeadOptions options;
  options.max_evaluations = 25;
  std::size_t calls = 0;
  const auto counted = [&](const Eigen::VectorXd& x) {
    ++calls;
    return rosenbrock(x);
  };
  const OptimiseResult result = nelder_mead(counted, Eigen::Vector2d(0.2, 0.75), options);
  CHECK(!result.converged);
  CHECK(result.reason == StopReason::max_evaluations);
  CHECK(std::string(analysis::to_string(result.reason)) == "max_evaluations");
  CHECK(result.evaluations == 25);
  CHECK(calls == 25);
  CHECK(result.message.find("budget of 25") != std::string::npos);
  // The best point seen is returned, better than the start.
  CHECK(result.f < rosenbrock(Eigen::Vector2d(0.2, 0.75)));
  CHECK(result.f == rosenbrock(result.x));

  // The initial simplex alone (k + 1 = 3 evaluations) is a valid budget.
  options.max_evaluations = 3;
  const OptimiseResult tiny = nelder_mead(rosenbrock, Eigen::Vector2d(0.2, 0.75), options);
  CHECK(tiny.evaluations == 3);
  CHECK(tiny.reason == StopReason::max_evaluations);
}

TEST_CASE("optimise: Nelder-Mead is deterministic to the bit", "[optimise]") {
  const Eigen::Vector3d start(0.1, 0.9, 0.3);
  const OptimiseResult a = nelder_mead(rosenbrock, start);
  const OptimiseResult b = nelder_mead(rosenbrock, start);
  CHECK(a.evaluations == b.evaluations);
  CHECK(a.iterations == b.iterations);
  CHECK(std::bit_cast<std::uint64_t>(a.f) == std::bit_cast<std::uint64_t>(b.f));
  for (Eigen::Index i = 0; i < 3; ++i) {
    CHECK(std::bit_cast<std::uint64_t>(a.x(i)) == std::bit_cast<std::uint64_t>(b.x(i)));
  }
}

TEST_CASE("optimise: Nelder-Mead works in one dimension and treats NaN as worst", "[optimise]") {
  const auto parabola = [](const Eigen::VectorXd& x) { return (x(0) - 0.3) * (x(0) - 0.3); };
  const OptimiseResult one = nelder_mead(parabola, Eigen::VectorXd::Constant(1, 0.9));
  CHECK(one.converged);
  CHECK(one.x(0) == Approx(0.3).margin(1e-7));

  // The model "fails" (NaN) beyond x_0 = 0.6; the best it can do is the edge of that
  // region, at (0.6, 0.3).
  const auto failing = [](const Eigen::VectorXd& x) {
    if (x(0) > 0.6) return kNaN;
    return (x(0) - 0.8) * (x(0) - 0.8) + (x(1) - 0.3) * (x(1) - 0.3);
  };
  const OptimiseResult edge = nelder_mead(failing, Eigen::Vector2d(0.2, 0.2));
  INFO(edge.message << "; x = (" << edge.x(0) << ", " << edge.x(1) << ")");
  CHECK(edge.converged);
  CHECK(!std::isnan(edge.f));
  CHECK(edge.x(0) <= 0.6);
  CHECK(edge.x(0) == Approx(0.6).margin(1e-6));
  CHECK(edge.x(1) == Approx(0.3).margin(1e-6));

  // Without the confirming restart no restart is made.
  NelderMeadOptions options;
  options.confirm_by_restart = false;
  const OptimiseResult plain = nelder_mead(parabola, Eigen::VectorXd::Constant(1, 0.9), options);
  CHECK(plain.restarts == 0);
  CHECK(plain.converged);
  CHECK(plain.evaluations < one.evaluations);
}

TEST_CASE("optimise: bad arguments throw invalid_argument", "[optimise]") {
  const Eigen::Vector2d start(0.5, 0.5);
  CHECK_THROWS_AS(nelder_mead(analysis::Objective{}, start), std::invalid_argument);
  CHECK_THROWS_AS(nelder_mead(rosenbrock, Eigen::VectorXd(0)), std::invalid_argument);
  CHECK_THROWS_AS(nelder_mead(rosenbrock, Eigen::Vector2d(0.5, 1.1)), std::invalid_argument);
  CHECK_THROWS_AS(nelder_mead(rosenbrock, Eigen::Vector2d(-0.1, 0.5)), std::invalid_argument);
  CHECK_THROWS_AS(nelder_mead(rosenbrock, Eigen::Vector2d(kNaN, 0.5)), std::invalid_argument);
  const auto with = [&](auto change) {
    NelderMeadOptions options;
    change(options);
    return options;
  };
  CHECK_THROWS_AS(nelder_mead(rosenbrock, start, with([](auto& o) { o.initial_step = 0.0; })),
                  std::invalid_argument);
  CHECK_THROWS_AS(nelder_mead(rosenbrock, start, with([](auto& o) { o.initial_step = 0.6; })),
                  std::invalid_argument);
  CHECK_THROWS_AS(nelder_mead(rosenbrock, start, with([](auto& o) { o.max_evaluations = 2; })),
                  std::invalid_argument);
  CHECK_THROWS_AS(nelder_mead(rosenbrock, start, with([](auto& o) { o.f_tolerance = -1.0; })),
                  std::invalid_argument);
  CHECK_THROWS_AS(nelder_mead(rosenbrock, start, with([](auto& o) { o.x_tolerance = kNaN; })),
                  std::invalid_argument);
  // The objective's own exceptions propagate.
  const auto throwing = [](const Eigen::VectorXd&) -> double { throw std::runtime_error("model"); };
  CHECK_THROWS_AS(nelder_mead(throwing, start), std::runtime_error);
  try {
    nelder_mead(rosenbrock, Eigen::Vector2d(0.5, 1.5));
    FAIL("expected an exception");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).find("start coordinate 1") != std::string::npos);
  }
}
