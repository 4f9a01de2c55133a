// Tests models/enterprise/stocks.hpp: saturating growth against numerical integration,
// diffusion on small graphs by hand.
#include "models/enterprise/stocks.hpp"

#include <catch2/catch.hpp>

#include "support/ode.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <utility>
#include <vector>

namespace {

using models::enterprise::diffuse;
using models::enterprise::saturating_growth;

const double kInf = std::numeric_limits<double>::infinity();

// A graph in CSR form built from an undirected edge list (each edge in both directions).
struct Csr {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> targets;
  std::vector<double> weights;
};

struct WeightedEdge {
  std::uint32_t a;
  std::uint32_t b;
  double w;
};

Csr undirected(std::uint32_t n, const std::vector<WeightedEdge>& edges) {
  std::vector<std::vector<std::pair<std::uint32_t, double>>> adjacency(n);
  for (const auto& e : edges) {
    adjacency[e.a].emplace_back(e.b, e.w);
    adjacency[e.b].emplace_back(e.a, e.w);
  }
  Csr csr;
  csr.offsets.push_back(0);
  for (const auto& list : adjacency) {
    for (const auto& [target, weight] : list) {
      csr.targets.push_back(target);
      csr.weights.push_back(weight);
    }
    csr.offsets.push_back(static_cast<std::uint32_t>(csr.targets.size()));
  }
  return csr;
}

void step(std::vector<double>& values, const Csr& g, double rate, double dt) {
  diffuse(values, g.offsets, g.targets, g.weights, rate, dt);
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

// Fourth-order Runge-Kutta on dX/dt = rate (1 - X).
double rk4_saturating(double x, double rate, double t, int steps) {
  return aiscale_test::rk4([rate](double v) { return rate * (1.0 - v); }, x, t, steps);
}


}  // namespace

TEST_CASE("stocks: saturating_growth is the exact solution of dX/dt = rate (1 - X)", "[stocks]") {
  for (const double x0 : {0.0, 0.1, 0.5, 0.95}) {
    for (const double rate : {0.01, 0.08, 0.6}) {
      for (const double dt : {0.5, 1.0, 12.0}) {
        CHECK(saturating_growth(x0, rate, dt) ==
              Approx(rk4_saturating(x0, rate, dt, 10000)).epsilon(1e-12));
        CHECK(saturating_growth(x0, rate, dt) ==
              Approx(1.0 - (1.0 - x0) * std::exp(-rate * dt)).epsilon(1e-14));
      }
    }
  }
}

TEST_CASE("stocks: saturating_growth composes and stays in its range", "[stocks]") {
  double stepped = 0.05;
  for (int m = 0; m < 24; ++m) {
    const double next = saturating_growth(stepped, 0.1, 1.0);
    CHECK(next >= stepped);
    CHECK(next <= 1.0);
    stepped = next;
  }
  CHECK(stepped == Approx(saturating_growth(0.05, 0.1, 24.0)).epsilon(1e-13));
  // Platform maturity with eta = 0.02 per person and 5 people: half-way in ln 2 / 0.1.
  CHECK(saturating_growth(0.0, 0.02 * 5.0, std::log(2.0) / 0.1) == Approx(0.5).epsilon(1e-14));
}

TEST_CASE("stocks: saturating_growth edge cases", "[stocks]") {
  CHECK(saturating_growth(0.3, 0.0, 10.0) == 0.3);
  CHECK(saturating_growth(0.3, 0.0, kInf) == 0.3);
  CHECK(saturating_growth(0.3, 0.5, 0.0) == 0.3);
  CHECK(saturating_growth(0.3, 0.5, kInf) == 1.0);
  CHECK(saturating_growth(0.3, 1e300, 1e300) == 1.0);
  CHECK(saturating_growth(1.0, 0.5, 3.0) == 1.0);
}

TEST_CASE("stocks: diffuse spreads one high value on a ring of four as computed by hand",
          "[stocks]") {
  // Ring 0-1-2-3-0, weights 1, rate x dt = 0.25. Vertex 0 loses 0.25 x (1 + 1) = 0.5,
  // each neighbour (1 and 3) gains 0.25 x 1, the opposite vertex 2 sees no difference yet.
  const Csr ring = undirected(4, {{0, 1, 1.0}, {1, 2, 1.0}, {2, 3, 1.0}, {3, 0, 1.0}});
  std::vector<double> x = {1.0, 0.0, 0.0, 0.0};
  step(x, ring, 0.5, 0.5);
  CHECK(x[0] == Approx(0.5).epsilon(1e-15));
  CHECK(x[1] == Approx(0.25).epsilon(1e-15));
  CHECK(x[2] == 0.0);
  CHECK(x[3] == Approx(0.25).epsilon(1e-15));
  // A second step: x0 = 0.5 + 0.25 ((0.25 - 0.5) + (0.25 - 0.5)) = 0.375;
  // x1 = 0.25 + 0.25 ((0.5 - 0.25) + (0 - 0.25)) = 0.25 (inflow and outflow balance);
  // x2 = 0 + 0.25 (0.25 + 0.25) = 0.125; x3 like x1.
  step(x, ring, 0.5, 0.5);
  CHECK(x[0] == Approx(0.375).epsilon(1e-15));
  CHECK(x[1] == Approx(0.25).epsilon(1e-15));
  CHECK(x[2] == Approx(0.125).epsilon(1e-15));
  CHECK(x[3] == Approx(0.25).epsilon(1e-15));
  CHECK(sum(x) == Approx(1.0).epsilon(1e-15));
}

TEST_CASE("stocks: diffuse uses the old values for every vertex", "[stocks]") {
  // A path 0-1-2 with weight 0.5 and rate x dt = 1: a sequential (Gauss-Seidel) update
  // would let vertex 2 see vertex 1's new value; the synchronous one does not.
  const Csr path = undirected(3, {{0, 1, 0.5}, {1, 2, 0.5}});
  std::vector<double> x = {1.0, 0.0, 0.0};
  step(x, path, 1.0, 1.0);
  CHECK(x[0] == Approx(0.5).epsilon(1e-15));
  CHECK(x[1] == Approx(0.5).epsilon(1e-15));
  CHECK(x[2] == 0.0);
}

TEST_CASE("stocks: diffuse conserves the sum for symmetric weights and pulls values together",
          "[stocks]") {
  // An irregular weighted graph: a triangle with a tail and a pendant vertex.
  const Csr g = undirected(
      6, {{0, 1, 0.9}, {1, 2, 0.4}, {2, 0, 0.7}, {2, 3, 0.3}, {3, 4, 1.0}, {4, 5, 0.2}});
  std::vector<double> x = {0.9, 0.1, 0.5, 0.2, 0.8, 0.05};
  const double total = sum(x);
  const auto spread = [](const std::vector<double>& v) {
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return *hi - *lo;
  };
  // The largest weighted degree is vertex 0's, 0.9 + 0.7 = 1.6 (vertex 2: 1.4, vertices 1
  // and 3: 1.3, vertex 4: 1.2, vertex 5: 0.2), so rate x dt = 0.3 keeps h d = 0.48 <= 1:
  // every value stays within the old range.
  double previous_spread = spread(x);
  for (int m = 0; m < 3000; ++m) {
    const double lo = *std::min_element(x.begin(), x.end());
    const double hi = *std::max_element(x.begin(), x.end());
    step(x, g, 0.3, 1.0);
    CHECK(sum(x) == Approx(total).epsilon(1e-14));
    for (const double v : x) {
      CHECK(v >= lo - 1e-15);
      CHECK(v <= hi + 1e-15);
    }
    CHECK(spread(x) <= previous_spread + 1e-15);
    previous_spread = spread(x);
  }
  // A connected graph diffuses to the mean.
  for (const double v : x) CHECK(v == Approx(total / 6.0).epsilon(1e-6));
}

TEST_CASE("stocks: many small diffuse steps follow the exact two-vertex solution", "[stocks]") {
  // Two vertices joined by weight w: the difference decays as e^{-2 w rate t} and the mean
  // is kept. Explicit Euler with small steps converges to it.
  const Csr pair = undirected(2, {{0, 1, 0.8}});
  const double rate = 0.5;
  const double t = 3.0;
  const int steps = 100000;
  std::vector<double> x = {1.0, 0.2};
  for (int i = 0; i < steps; ++i) step(x, pair, rate, t / steps);
  const double difference = 0.8 * std::exp(-2.0 * 0.8 * rate * t);
  CHECK(x[0] == Approx(0.6 + difference / 2.0).epsilon(1e-4));
  CHECK(x[1] == Approx(0.6 - difference / 2.0).epsilon(1e-4));
  CHECK(x[0] + x[1] == Approx(1.2).epsilon(1e-12));
}

TEST_CASE("stocks: diffuse edge cases", "[stocks]") {
  SECTION("no vertices") {
    std::vector<double> x;
    const std::vector<std::uint32_t> offsets = {0};
    diffuse(x, offsets, {}, {}, 0.5, 1.0);
    CHECK(x.empty());
  }
  SECTION("isolated vertices and a zero rate leave values unchanged") {
    std::vector<double> x = {0.3, 0.7};
    const std::vector<std::uint32_t> offsets = {0, 0, 0};
    diffuse(x, offsets, {}, {}, 0.5, 1.0);
    CHECK(x == std::vector<double>{0.3, 0.7});
    const Csr pair = undirected(2, {{0, 1, 1.0}});
    step(x, pair, 0.0, 1.0);
    CHECK(x == std::vector<double>{0.3, 0.7});
    step(x, pair, 0.5, 0.0);
    CHECK(x == std::vector<double>{0.3, 0.7});
  }
  SECTION("equal values do not move") {
    const Csr ring = undirected(3, {{0, 1, 1.0}, {1, 2, 1.0}, {2, 0, 1.0}});
    std::vector<double> x = {0.4, 0.4, 0.4};
    step(x, ring, 0.3, 1.0);
    CHECK(x == std::vector<double>{0.4, 0.4, 0.4});
  }
  SECTION("a step beyond the stability bound overshoots and nothing is clamped") {
    // h d = 1.5 x 2 = 3 > 1: vertex 0 goes from 1 to 1 - 3 = -2.
    const Csr ring = undirected(4, {{0, 1, 1.0}, {1, 2, 1.0}, {2, 3, 1.0}, {3, 0, 1.0}});
    std::vector<double> x = {1.0, 0.0, 0.0, 0.0};
    step(x, ring, 1.5, 1.0);
    CHECK(x[0] == Approx(-2.0).epsilon(1e-15));
    CHECK(sum(x) == Approx(1.0).epsilon(1e-15));
  }
}

