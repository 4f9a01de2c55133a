// Tests models/enterprise/adoption.hpp: the Bass closed form against the docking
// formula, its own semigroup property and an independent RK4 integration of the ODE.
#include "models/enterprise/adoption.hpp"

#include <catch2/catch.hpp>

#include "support/ode.hpp"

#include <cmath>
#include <limits>
#include <vector>

namespace {

using models::enterprise::bass_cumulative;
using models::enterprise::bass_rates;
using models::enterprise::bass_step;
using models::enterprise::per_month;

// Classic fourth-order Runge-Kutta on dA/dt = (p + q A)(1 - A), written independently
// of the closed form.
double rk4_bass(double a, double p, double q, double t, int steps) {
  return aiscale_test::rk4([p, q](double x) { return (p + q * x) * (1.0 - x); }, a, t, steps);
}

struct Rates {
  double p;
  double q;
};

// Defaults per month, a fast imitation-driven case, an innovation-only case, and a case
// where q is small relative to p.
const std::vector<Rates> kRates = {{0.03 / 12.0, 0.38 / 12.0},
                                   {0.01, 0.8},
                                   {0.2, 0.0},
                                   {0.15, 0.02}};

models::enterprise::Adoption default_adoption() {
  return models::enterprise::Adoption{0.03, 0.38, 2.0, 50000.0};
}

}  // namespace

TEST_CASE("adoption: per_month divides a Bass coefficient per year by twelve", "[adoption]") {
  CHECK(per_month(0.03) == Approx(0.0025).epsilon(1e-15));
  CHECK(per_month(0.38) == Approx(0.38 / 12.0).epsilon(1e-15));
  CHECK(per_month(0.0) == 0.0);
  // Time rescaling: 12 t months at p/12, q/12 is t years at p, q.
  for (const double years : {0.5, 1.0, 3.0, 10.0}) {
    CHECK(bass_cumulative(12.0 * years, per_month(0.03), per_month(0.38)) ==
          Approx(bass_cumulative(years, 0.03, 0.38)).epsilon(1e-12));
  }
}

TEST_CASE("adoption: bass_step from zero equals the Bass cumulative docking formula",
          "[adoption]") {
  for (const auto& r : kRates) {
    for (const double t : {0.01, 0.5, 1.0, 6.0, 24.0, 60.0, 240.0}) {
      // The docking formula, written out independently.
      const double e = std::exp(-(r.p + r.q) * t);
      const double docking = (1.0 - e) / (1.0 + (r.q / r.p) * e);
      CHECK(bass_cumulative(t, r.p, r.q) == Approx(docking).epsilon(1e-12));
      CHECK(bass_step(0.0, r.p, r.q, t) == Approx(bass_cumulative(t, r.p, r.q)).epsilon(1e-12));
    }
  }
}

TEST_CASE("adoption: twelve one-month Bass steps equal one twelve-month step", "[adoption]") {
  for (const auto& r : kRates) {
    for (const double a0 : {0.0, 0.05, 0.5, 0.97}) {
      double stepped = a0;
      for (int m = 0; m < 12; ++m) stepped = bass_step(stepped, r.p, r.q, 1.0);
      CHECK(stepped == Approx(bass_step(a0, r.p, r.q, 12.0)).epsilon(1e-12));
    }
  }
}

TEST_CASE("adoption: bass_step agrees with a fine RK4 integration of the ODE", "[adoption]") {
  for (const auto& r : kRates) {
    for (const double a0 : {0.0, 0.1, 0.6, 0.99}) {
      for (const double t : {1.0, 12.0, 36.0}) {
        const double rk4 = rk4_bass(a0, r.p, r.q, t, static_cast<int>(t * 1000.0));
        CHECK(bass_step(a0, r.p, r.q, t) == Approx(rk4).epsilon(1e-9));
      }
    }
  }
}

TEST_CASE("adoption: bass_step is monotone in time and in the starting adoption", "[adoption]") {
  for (const auto& r : kRates) {
    double previous = 0.05;
    for (int i = 1; i <= 600; ++i) {
      const double a = bass_step(0.05, r.p, r.q, 0.2 * i);
      CHECK(a >= previous);
      CHECK(a <= 1.0);
      previous = a;
    }
    double previous_end = 0.0;
    for (int i = 0; i <= 100; ++i) {
      const double a0 = 0.01 * i;
      const double a = bass_step(a0, r.p, r.q, 3.0);
      CHECK(a >= a0);
      CHECK(a >= previous_end);
      previous_end = a;
    }
  }
}

TEST_CASE("adoption: bass_step edge cases never produce NaN", "[adoption]") {
  const double inf = std::numeric_limits<double>::infinity();
  SECTION("fully adopted stays fully adopted") {
    CHECK(bass_step(1.0, 0.1, 0.5, 7.0) == 1.0);
    CHECK(bass_step(1.0, 0.0, 0.0, 7.0) == 1.0);
    CHECK(bass_step(1.0, 0.1, 0.5, inf) == 1.0);
  }
  SECTION("no innovation and no imitation leaves adoption unchanged") {
    CHECK(bass_step(0.0, 0.0, 0.0, 10.0) == 0.0);
    CHECK(bass_step(0.3, 0.0, 0.0, 10.0) == 0.3);
    CHECK(bass_step(0.3, 0.0, 0.0, inf) == 0.3);
  }
  SECTION("imitation alone cannot start adoption from zero") {
    CHECK(bass_step(0.0, 0.0, 0.5, 100.0) == 0.0);
    CHECK(bass_step(0.0, 0.0, 0.5, inf) == 0.0);
    // ... but spreads it once someone has adopted: the logistic curve.
    const double a0 = 0.01;
    const double q = 0.5;
    const double t = 10.0;
    const double logistic = 1.0 / (1.0 + (1.0 / a0 - 1.0) * std::exp(-q * t));
    CHECK(bass_step(a0, 0.0, q, t) == Approx(logistic).epsilon(1e-12));
  }
  SECTION("innovation alone is exact exponential saturation") {
    for (const double a0 : {0.0, 0.2, 0.9}) {
      for (const double t : {0.1, 1.0, 12.0, 100.0}) {
        const double p = 0.07;
        const double exact = 1.0 - (1.0 - a0) * std::exp(-p * t);
        CHECK(bass_step(a0, p, 0.0, t) == Approx(exact).epsilon(1e-12));
      }
    }
  }
  SECTION("a huge step saturates at one") {
    CHECK(bass_step(0.0, 0.01, 0.3, 1e6) == 1.0);
    CHECK(bass_step(0.0, 0.01, 0.3, inf) == 1.0);
    CHECK(bass_step(0.4, 5.0, 50.0, 1e4) == 1.0);
    CHECK(bass_step(0.0, 1e300, 1e300, 1.0) == 1.0);
  }
  SECTION("no time passes, no change") {
    CHECK(bass_step(0.25, 0.1, 0.5, 0.0) == 0.25);
    CHECK(bass_cumulative(0.0, 0.1, 0.5) == 0.0);
  }
  SECTION("bass_cumulative without innovation stays at zero") {
    CHECK(bass_cumulative(50.0, 0.0, 0.5) == 0.0);
    CHECK(bass_cumulative(inf, 0.01, 0.5) == 1.0);
    CHECK(bass_cumulative(50.0, 1e-300, 1e300) >= 0.0);
    CHECK_FALSE(std::isnan(bass_cumulative(50.0, 1e-300, 1e300)));
  }
  SECTION("tiny steps keep precision") {
    const double p = 0.01;
    const double q = 0.4;
    const double a0 = 0.3;
    const double dt = 1e-9;
    const double slope = (p + q * a0) * (1.0 - a0);
    CHECK((bass_step(a0, p, q, dt) - a0) / dt == Approx(slope).epsilon(1e-6));
  }
}

TEST_CASE("adoption: bass_rates converts to months and applies change management trust and fit",
          "[adoption]") {
  const auto adoption = default_adoption();
  const auto base = bass_rates(adoption, 0.0, 1.0, 1.0);
  CHECK(base.p == Approx(0.03 / 12.0).epsilon(1e-15));
  CHECK(base.q == Approx(0.38 / 12.0).epsilon(1e-15));

  // p = p0 (1 + k_cm x spend / reference): at spend = reference with k_cm = 2, p triples.
  const auto at_reference = bass_rates(adoption, 50000.0, 1.0, 1.0);
  CHECK(at_reference.p == Approx(3.0 * 0.03 / 12.0).epsilon(1e-15));
  CHECK(at_reference.q == base.q);

  // q = q0 x trust x phi.
  const auto hybrid = bass_rates(adoption, 0.0, 0.6, 0.95);
  CHECK(hybrid.q == Approx(0.38 * 0.6 * 0.95 / 12.0).epsilon(1e-15));
  CHECK(hybrid.p == base.p);
}

TEST_CASE("adoption: more change management gives a higher innovation rate and more adoption",
          "[adoption]") {
  const auto adoption = default_adoption();
  double previous_p = 0.0;
  double previous_a = 0.0;
  for (const double spend : {0.0, 10000.0, 50000.0, 200000.0}) {
    const auto rates = bass_rates(adoption, spend, 0.5, 0.9);
    CHECK(rates.p > previous_p);
    const double a = bass_step(0.0, rates.p, rates.q, 12.0);
    CHECK(a > previous_a);
    previous_p = rates.p;
    previous_a = a;
  }
}

TEST_CASE("adoption: zero trust gives zero imitation", "[adoption]") {
  const auto rates = bass_rates(default_adoption(), 20000.0, 0.0, 1.0);
  CHECK(rates.q == 0.0);
  CHECK(rates.p > 0.0);
  // Adoption then grows by innovation alone.
  CHECK(bass_step(0.0, rates.p, rates.q, 12.0) ==
        Approx(1.0 - std::exp(-rates.p * 12.0)).epsilon(1e-12));
}

TEST_CASE("adoption: bass_rates with a non-positive reference ignores change management",
          "[adoption]") {
  auto adoption = default_adoption();
  adoption.change_management_reference = 0.0;
  const auto rates = bass_rates(adoption, 50000.0, 1.0, 1.0);
  CHECK(rates.p == Approx(0.03 / 12.0).epsilon(1e-15));
  CHECK_FALSE(std::isnan(rates.p));
}
