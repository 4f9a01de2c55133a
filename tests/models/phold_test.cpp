// Tests models/phold/phold.hpp: the benchmark model and its hand-written yardstick.
#include "models/phold/phold.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>

using models::phold::Config;

TEST_CASE("the engine and the hand-written loop handle exactly the same events", "[phold]") {
  for (const Config config : {Config{64, 1, 200.0, 1}, Config{500, 3, 20.0, 99},
                              Config{1, 1, 1000.0, 5}}) {
    const auto engine2 = models::phold::run_engine(config, 2);
    const auto engine4 = models::phold::run_engine(config, 4);
    const auto handwritten = models::phold::run_handwritten(config);
    CHECK(engine2.events == handwritten.events);
    CHECK(engine4.events == handwritten.events);
  }
}

TEST_CASE("PHOLD handles about N x S x T events", "[phold]") {
  // Each LP's events form a Poisson process of rate S (one event in, one out), so the
  // expected number handled before T is N x S x T; the count is Poisson-like around it.
  const Config config{1000, 2, 50.0, 3};
  const double expected = 1000.0 * 2.0 * 50.0;
  const auto result = models::phold::run_engine(config, 4);
  CHECK(static_cast<double>(result.events) == Approx(expected).epsilon(0.02));
}

TEST_CASE("PHOLD is deterministic for a seed and differs between seeds", "[phold]") {
  const Config a{256, 1, 300.0, 42};
  Config b = a;
  b.seed = 43;
  CHECK(models::phold::run_engine(a, 4).events == models::phold::run_engine(a, 4).events);
  CHECK(models::phold::run_engine(a, 4).events != models::phold::run_engine(b, 4).events);
}

TEST_CASE("PHOLD rejects bad configurations", "[phold]") {
  CHECK_THROWS_AS(models::phold::run_engine(Config{0, 1, 10.0, 1}, 4), std::invalid_argument);
  CHECK_THROWS_AS(models::phold::run_engine(Config{4, 0, 10.0, 1}, 4), std::invalid_argument);
  CHECK_THROWS_AS(models::phold::run_engine(Config{4, 1, -1.0, 1}, 4), std::invalid_argument);
  CHECK_THROWS_AS(models::phold::run_engine(Config{4, 1, 10.0, 1}, 3), std::invalid_argument);
  CHECK_THROWS_AS(models::phold::run_handwritten(Config{4, 1, 0.0, 1}), std::invalid_argument);
}
