// Tests sim/replication_runner.hpp: in-order delivery, thread-count independence, the
// bounded result window, the inline single-thread path, and error propagation.
#include "sim/replication_runner.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "sim/random.hpp"

namespace {

constexpr std::uint64_t kSeed = 20240611;

/// A uniform double in [0, 1) from the top 53 bits of a draw.
double uniform01(sim::Rng& rng) { return static_cast<double>(rng() >> 11U) * 0x1.0p-53; }

/// One replication's output: a few summary numbers and a variable-length trace.
struct RepResult {
  std::uint64_t rep = 0;
  double mean_wait = 0.0;
  std::vector<double> waits;
};

/// A small single-server queue (Lindley's recursion) with a random number of customers:
/// a real, unevenly sized replication, a pure function of `rep`.
RepResult simulate_queue(std::uint64_t rep) {
  sim::Rng rng = sim::Rng::for_stream(kSeed, rep, sim::stream_id("work"));
  const auto customers = static_cast<std::size_t>(20 + rng() % 400);
  RepResult out;
  out.rep = rep;
  out.waits.reserve(customers);
  double wait = 0.0;
  for (std::size_t i = 0; i < customers; ++i) {
    const double service = -0.8 * std::log1p(-uniform01(rng));
    const double gap = -1.0 * std::log1p(-uniform01(rng));
    wait = std::max(0.0, wait + service - gap);
    out.waits.push_back(wait);
  }
  out.mean_wait = std::accumulate(out.waits.begin(), out.waits.end(), 0.0) /
                  static_cast<double>(customers);
  return out;
}

/// What the accumulator saw: order-sensitive float sums and the arrival order.
struct Summary {
  float mean_sum = 0.0F;  // float on purpose: reordering would change the rounding
  double trace_sum = 0.0;
  std::uint64_t trace_length = 0;
  std::vector<std::uint64_t> order;
  bool all_on_caller = true;
};

Summary run_queue_study(std::uint64_t replications, unsigned threads) {
  Summary s;
  const auto caller = std::this_thread::get_id();
  sim::run_replications(replications, threads, simulate_queue,
                        [&](std::uint64_t rep, RepResult&& r) {
                          if (std::this_thread::get_id() != caller) s.all_on_caller = false;
                          s.order.push_back(rep);
                          CHECK(r.rep == rep);
                          s.mean_sum += static_cast<float>(r.mean_wait);
                          for (const double w : r.waits) s.trace_sum += w;
                          s.trace_length += r.waits.size();
                        });
  return s;
}

std::vector<std::uint64_t> iota_reps(std::uint64_t n) {
  std::vector<std::uint64_t> v(n);
  std::iota(v.begin(), v.end(), std::uint64_t{0});
  return v;
}

/// Spins on `n` random draws; returns something so the loop is not optimised away.
std::uint64_t busy_work(sim::Rng& rng, std::uint64_t n) {
  std::uint64_t acc = 0;
  for (std::uint64_t i = 0; i < n; ++i) acc ^= rng();
  return acc;
}

/// Counts the Tracked objects that hold data, and the most ever alive at once.
struct LiveCounter {
  std::atomic<int> live{0};
  std::atomic<int> peak{0};
};

/// A move-only Result that is neither default-constructible nor assignable, and that
/// counts itself in a LiveCounter while it holds data (a moved-from one does not).
class Tracked {
 public:
  Tracked(LiveCounter& counter, std::uint64_t rep) : counter_(&counter), rep_(rep) {
    const int now = counter.live.fetch_add(1) + 1;
    int peak = counter.peak.load();
    while (now > peak && !counter.peak.compare_exchange_weak(peak, now)) {
    }
  }
  Tracked(Tracked&& other) noexcept
      : counter_(std::exchange(other.counter_, nullptr)), rep_(other.rep_) {}
  Tracked(const Tracked&) = delete;
  Tracked& operator=(const Tracked&) = delete;
  Tracked& operator=(Tracked&&) = delete;
  ~Tracked() {
    if (counter_ != nullptr) counter_->live.fetch_sub(1);
  }

  [[nodiscard]] std::uint64_t rep() const { return rep_; }
  [[nodiscard]] bool holds_data() const { return counter_ != nullptr; }

 private:
  LiveCounter* counter_;
  std::uint64_t rep_;
};

/// The error a failing replication throws, naming its replication.
struct RepError : std::runtime_error {
  explicit RepError(std::uint64_t r)
      : std::runtime_error("replication " + std::to_string(r) + " failed"), rep(r) {}
  std::uint64_t rep;
};

}  // namespace

TEST_CASE("accumulated results are bit-identical for any thread count", "[runner]") {
  constexpr std::uint64_t reps = 300;
  const Summary reference = run_queue_study(reps, 1);
  REQUIRE(reference.order == iota_reps(reps));
  REQUIRE(reference.all_on_caller);

  for (const unsigned threads : {2U, 3U, 4U, 0U, 7U, 1000U}) {
    INFO("threads = " << threads);
    const Summary s = run_queue_study(reps, threads);
    CHECK(s.order == iota_reps(reps));
    CHECK(s.all_on_caller);
    // Bit-identical, not approximately equal: the fold order is fixed.
    CHECK(s.mean_sum == reference.mean_sum);
    CHECK(s.trace_sum == reference.trace_sum);
    CHECK(s.trace_length == reference.trace_length);
  }
}

TEST_CASE("more threads than replications start only as many as needed", "[runner]") {
  for (const std::uint64_t reps : {1U, 2U, 3U}) {
    std::mutex mutex;
    std::set<std::thread::id> ids;
    std::vector<std::uint64_t> order;
    sim::run_replications(
        reps, 64,
        [&](std::uint64_t rep) {
          // Hold each replication long enough for every started thread to take one.
          std::this_thread::sleep_for(std::chrono::milliseconds(2));
          const std::lock_guard lock(mutex);
          ids.insert(std::this_thread::get_id());
          return rep;
        },
        [&](std::uint64_t rep, std::uint64_t&& value) {
          CHECK(value == rep);
          order.push_back(rep);
        });
    CHECK(ids.size() <= reps);
    CHECK(order == iota_reps(reps));
  }
}

TEST_CASE("each replication is simulated exactly once", "[runner]") {
  constexpr std::uint64_t reps = 500;
  for (const unsigned threads : {1U, 2U, 4U, 0U}) {
    INFO("threads = " << threads);
    const auto calls = std::make_unique<std::atomic<int>[]>(reps);
    std::atomic<std::uint64_t> total{0};
    std::uint64_t delivered = 0;
    sim::run_replications(
        reps, threads,
        [&](std::uint64_t rep) {
          calls[rep].fetch_add(1);
          total.fetch_add(1);
          sim::Rng rng = sim::Rng::for_stream(kSeed, rep, sim::stream_id("work"));
          return busy_work(rng, rng() % 2000);
        },
        [&](std::uint64_t, std::uint64_t&&) { ++delivered; });
    CHECK(total.load() == reps);
    CHECK(delivered == reps);
    int wrong = 0;
    for (std::uint64_t r = 0; r < reps; ++r) wrong += calls[r].load() == 1 ? 0 : 1;
    CHECK(wrong == 0);
  }
}

TEST_CASE("the number of live results is bounded by the thread count and not the replications",
          "[runner]") {
  constexpr std::uint64_t reps = 2000;
  for (const unsigned threads : {1U, 2U, 4U}) {
    INFO("threads = " << threads);
    LiveCounter counter;
    std::uint64_t next = 0;
    sim::run_replications(
        reps, threads,
        [&](std::uint64_t rep) {
          // The result holds data from the start of the replication, so replications
          // in progress count too.
          Tracked result(counter, rep);
          sim::Rng rng = sim::Rng::for_stream(kSeed, rep, sim::stream_id("timing"));
          if (rng() % 64 == 0) {
            std::this_thread::sleep_for(std::chrono::microseconds(300));
          } else {
            busy_work(rng, rng() % 3000);
          }
          return result;
        },
        [&](std::uint64_t rep, Tracked&& result) {
          CHECK(result.holds_data());
          CHECK(result.rep() == rep);
          CHECK(rep == next);
          ++next;
          if (rep % 97 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        });
    CHECK(next == reps);
    CHECK(counter.live.load() == 0);
    CHECK(counter.peak.load() >= 1);
    CHECK(counter.peak.load() <= static_cast<int>(4 * threads + threads));
  }
}

TEST_CASE("zero replications call nothing", "[runner]") {
  for (const unsigned threads : {0U, 1U, 4U}) {
    int calls = 0;
    sim::run_replications(
        0, threads,
        [&](std::uint64_t) {
          ++calls;
          return 0;
        },
        [&](std::uint64_t, int&&) { ++calls; });
    CHECK(calls == 0);
  }
}

TEST_CASE("one thread runs everything on the calling thread", "[runner]") {
  const auto caller = std::this_thread::get_id();
  std::vector<std::uint64_t> order;
  bool all_on_caller = true;
  sim::run_replications(
      50, 1,
      [&](std::uint64_t rep) {
        if (std::this_thread::get_id() != caller) all_on_caller = false;
        return rep * rep;
      },
      [&](std::uint64_t rep, std::uint64_t&& square) {
        if (std::this_thread::get_id() != caller) all_on_caller = false;
        CHECK(square == rep * rep);
        order.push_back(rep);
      });
  CHECK(all_on_caller);
  CHECK(order == iota_reps(50));
}

TEST_CASE("a failing simulation delivers the earlier replications and then rethrows",
          "[runner]") {
  constexpr std::uint64_t reps = 100;
  // Run several times: the interleavings differ from run to run.
  for (int round = 0; round < 10; ++round) {
    for (const unsigned threads : {1U, 2U, 4U}) {
      INFO("threads = " << threads << ", round " << round);
      std::atomic<std::uint64_t> highest{0};
      std::vector<std::uint64_t> order;
      try {
        sim::run_replications(
            reps, threads,
            [&](std::uint64_t rep) {
              std::uint64_t seen = highest.load();
              while (rep > seen && !highest.compare_exchange_weak(seen, rep)) {
              }
              sim::Rng rng = sim::Rng::for_stream(kSeed, rep, sim::stream_id("fail"));
              busy_work(rng, rng() % 2000);
              if (rep == 37) throw RepError(rep);
              return rep;
            },
            [&](std::uint64_t rep, std::uint64_t&&) { order.push_back(rep); });
        FAIL("no exception propagated");
      } catch (const RepError& e) {
        CHECK(e.rep == 37);
      }
      CHECK(order == iota_reps(37));
      // No new replications were handed out past the window around the failure.
      CHECK(highest.load() < 37 + 5 * threads);
    }
  }
}

TEST_CASE("when several simulations fail the error of the lowest failing replication surfaces",
          "[runner]") {
  constexpr std::uint64_t reps = 100;
  for (int round = 0; round < 10; ++round) {
    for (const unsigned threads : {1U, 2U, 4U}) {
      INFO("threads = " << threads << ", round " << round);
      std::vector<std::uint64_t> order;
      try {
        sim::run_replications(
            reps, threads,
            [](std::uint64_t rep) {
              if (rep == 37) {
                // Fail late, so that replication 50 usually fails first in time.
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
                throw RepError(rep);
              }
              if (rep == 50) throw RepError(rep);
              return rep;
            },
            [&](std::uint64_t rep, std::uint64_t&&) {
              // Let the workers run ahead to replication 50 while 37 is pending.
              if (rep == 36) std::this_thread::sleep_for(std::chrono::microseconds(200));
              order.push_back(rep);
            });
        FAIL("no exception propagated");
      } catch (const RepError& e) {
        CHECK(e.rep == 37);
      }
      CHECK(order == iota_reps(37));
    }
  }
}

TEST_CASE("a failing accumulate stops the workers and propagates", "[runner]") {
  constexpr std::uint64_t reps = 1000;
  for (const unsigned threads : {1U, 2U, 4U, 16U}) {
    INFO("threads = " << threads);
    std::atomic<std::uint64_t> simulated{0};
    std::vector<std::uint64_t> order;
    CHECK_THROWS_WITH(sim::run_replications(
                          reps, threads,
                          [&](std::uint64_t rep) {
                            simulated.fetch_add(1);
                            sim::Rng rng =
                                sim::Rng::for_stream(kSeed, rep, sim::stream_id("acc"));
                            return busy_work(rng, rng() % 1000);
                          },
                          [&](std::uint64_t rep, std::uint64_t&&) {
                            order.push_back(rep);
                            if (rep == 10) throw std::runtime_error("accumulate failed");
                          }),
                      "accumulate failed");
    CHECK(order == iota_reps(11));
    CHECK(simulated.load() <= 11 + 5 * threads);
  }
}

TEST_CASE("a thrown simulation with workers blocked on a full window does not hang",
          "[runner]") {
  // Replication 0 fails slowly while the others fill the window and wait for it.
  std::vector<std::uint64_t> order;
  CHECK_THROWS_AS(sim::run_replications(
                      1000, 4,
                      [](std::uint64_t rep) {
                        if (rep == 0) {
                          std::this_thread::sleep_for(std::chrono::milliseconds(5));
                          throw RepError(rep);
                        }
                        return rep;
                      },
                      [&](std::uint64_t rep, std::uint64_t&&) { order.push_back(rep); }),
                  RepError);
  CHECK(order.empty());
}
