// Tests sim/event_queue.hpp: ordering, ties, lazy cancellation and its bookkeeping.
#include "sim/event_queue.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/random.hpp"

namespace {

template <class Queue>
std::vector<int> drain(Queue& queue) {
  std::vector<int> out;
  while (!queue.empty()) out.push_back(queue.pop().payload);
  return out;
}

}  // namespace

TEMPLATE_TEST_CASE_SIG("events are served in time order", "[event_queue]",
                       ((std::size_t A), A), 2, 3, 4, 8) {
  sim::EventQueue<int, A> queue;
  queue.push(5.0, 5);
  queue.push(1.0, 1);
  queue.push(3.0, 3);
  queue.push(2.0, 2);
  queue.push(4.0, 4);
  CHECK(queue.size() == 5);
  CHECK(drain(queue) == std::vector<int>{1, 2, 3, 4, 5});
  CHECK(queue.empty());
}

TEMPLATE_TEST_CASE_SIG("equal times are served in scheduling order", "[event_queue]",
                       ((std::size_t A), A), 2, 4) {
  sim::EventQueue<int, A> queue;
  for (int i = 0; i < 100; ++i) queue.push(static_cast<double>(i % 3), i);
  std::vector<int> expected;
  for (int t = 0; t < 3; ++t) {
    for (int i = t; i < 100; i += 3) expected.push_back(i);
  }
  CHECK(drain(queue) == expected);
}

TEMPLATE_TEST_CASE_SIG("a random workload is served in (time; seq) order", "[event_queue]",
                       ((std::size_t A), A), 2, 4) {
  // Times drawn from few values so that ties are frequent; interleave pushes and pops.
  sim::Rng rng(7);
  sim::EventQueue<std::uint64_t, A> queue;
  std::uint64_t pushed = 0;
  double last_time = -1.0;
  std::uint64_t last_seq = 0;
  for (int round = 0; round < 20000; ++round) {
    if (queue.empty() || rng() % 3 != 0) {
      const double t = queue.now() + static_cast<double>(rng() % 4);
      queue.push(t, pushed++);  // payload == seq
    } else {
      const auto e = queue.pop();
      CHECK(e.payload == e.seq);
      const bool in_order = e.time > last_time || (e.time == last_time && e.seq > last_seq);
      REQUIRE(in_order);
      last_time = e.time;
      last_seq = e.seq;
    }
  }
}

TEST_CASE("scheduling before now or at NaN is an error", "[event_queue]") {
  sim::EventQueue<int> queue;
  queue.push(2.0, 0);
  queue.pop();
  CHECK(queue.now() == 2.0);
  CHECK_THROWS_AS(queue.push(1.999, 1), sim::SchedulingError);
  CHECK_THROWS_AS(queue.push(std::nan(""), 1), sim::SchedulingError);
  CHECK_NOTHROW(queue.push(2.0, 2));  // now itself is allowed
  CHECK(queue.size() == 1);
}

TEST_CASE("cancelled events are skipped and not counted", "[event_queue]") {
  sim::EventQueue<int> queue;
  const auto a = queue.push(1.0, 1);
  const auto b = queue.push(2.0, 2);
  const auto c = queue.push(3.0, 3);
  CHECK(queue.cancel(b));
  CHECK(queue.size() == 2);
  CHECK_FALSE(queue.cancel(b));  // cancelling twice: no effect
  CHECK(queue.size() == 2);
  CHECK(queue.cancel(a));        // cancelling the top
  double next = 0.0;
  REQUIRE(queue.next_time(next));
  CHECK(next == 3.0);
  CHECK(drain(queue) == std::vector<int>{3});
  CHECK_FALSE(queue.cancel(c));  // already served
  CHECK(queue.empty());
}

TEST_CASE("cancelling an event that already ran returns false and leaves no residue",
          "[event_queue]") {
  sim::EventQueue<int> queue;
  const auto a = queue.push(1.0, 1);
  const auto b = queue.push(1.0, 2);  // same time, later seq
  queue.pop();
  CHECK_FALSE(queue.cancel(a));
  CHECK(queue.cancel(b));  // same time as the served one, but still pending
  CHECK(queue.empty());
  CHECK(queue.size() == 0);
}

TEST_CASE("cancelling a handle that was never issued is an error", "[event_queue]") {
  sim::EventQueue<int> queue;
  CHECK_THROWS_AS(queue.cancel(sim::EventId{0.0, 0}), sim::SchedulingError);
  queue.push(1.0, 1);
  CHECK_THROWS_AS(queue.cancel(sim::EventId{1.0, 1}), sim::SchedulingError);
}

TEST_CASE("advance_to keeps events at the boundary pending unless told otherwise",
          "[event_queue]") {
  sim::EventQueue<int> queue;
  const auto at_five = queue.push(5.0, 5);
  queue.advance_to(5.0, /*through=*/false);
  CHECK(queue.now() == 5.0);
  CHECK(queue.cancel(at_five));  // still pending
  const auto again = queue.push(5.0, 6);
  queue.advance_to(4.0, true);  // never backwards
  CHECK(queue.now() == 5.0);
  CHECK(queue.size() == 1);
  CHECK(queue.pop().payload == 6);
  CHECK_FALSE(queue.cancel(again));
}

TEST_CASE("many cancellations interleaved with pops keep the queue consistent", "[event_queue]") {
  sim::Rng rng(11);
  sim::EventQueue<int> queue;
  std::vector<sim::EventId> ids;
  std::vector<bool> cancelled;
  for (int i = 0; i < 2000; ++i) {
    ids.push_back(queue.push(static_cast<double>(rng() % 500), i));
    cancelled.push_back(false);
  }
  std::size_t expected = ids.size();
  for (std::size_t i = 0; i < ids.size(); i += 3) {
    CHECK(queue.cancel(ids[i]));
    cancelled[i] = true;
    --expected;
  }
  CHECK(queue.size() == expected);
  std::size_t served = 0;
  while (!queue.empty()) {
    const auto e = queue.pop();
    REQUIRE_FALSE(cancelled[static_cast<std::size_t>(e.payload)]);
    ++served;
  }
  CHECK(served == expected);
  double next = 0.0;
  CHECK_FALSE(queue.next_time(next));
}
