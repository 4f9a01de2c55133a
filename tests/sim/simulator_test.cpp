// Tests sim/simulator.hpp: the clock, run_until / run_before / run, stop, errors.
#include "sim/simulator.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace {

struct Ev {
  int id;
};

}  // namespace

TEST_CASE("the clock follows the handled events", "[simulator]") {
  sim::Simulator<Ev> s;
  CHECK(s.now() == 0.0);
  s.schedule_at(2.5, Ev{1});
  s.schedule_in(1.0, Ev{2});
  std::vector<std::pair<double, int>> seen;
  s.run([&](const Ev& e) { seen.emplace_back(s.now(), e.id); });
  CHECK(seen == std::vector<std::pair<double, int>>{{1.0, 2}, {2.5, 1}});
  CHECK(s.now() == 2.5);
  CHECK(s.events_handled() == 2);
}

TEST_CASE("handlers schedule relative to the current event", "[simulator]") {
  sim::Simulator<Ev> s;
  s.schedule_at(1.0, Ev{0});
  std::vector<double> times;
  s.run([&](const Ev& e) {
    times.push_back(s.now());
    if (e.id < 4) s.schedule_in(0.5, Ev{e.id + 1});
  });
  CHECK(times == std::vector<double>{1.0, 1.5, 2.0, 2.5, 3.0});
}

TEST_CASE("zero-delay events scheduled by a handler run after the events already due",
          "[simulator]") {
  sim::Simulator<Ev> s;
  s.schedule_at(1.0, Ev{1});
  s.schedule_at(1.0, Ev{2});
  std::vector<int> order;
  s.run([&](const Ev& e) {
    order.push_back(e.id);
    if (e.id == 1) s.schedule_in(0.0, Ev{3});
  });
  CHECK(order == std::vector<int>{1, 2, 3});
}

TEST_CASE("run_until handles events up to and including the end and then sets the clock",
          "[simulator]") {
  sim::Simulator<Ev> s;
  for (int i = 1; i <= 5; ++i) s.schedule_at(static_cast<double>(i), Ev{i});
  std::vector<int> seen;
  const auto handler = [&](const Ev& e) { seen.push_back(e.id); };
  s.run_until(3.0, handler);
  CHECK(seen == std::vector<int>{1, 2, 3});
  CHECK(s.now() == 3.0);
  CHECK(s.pending() == 2);
  s.run_until(3.5, handler);
  CHECK(s.now() == 3.5);
  CHECK(seen.size() == 3);
  s.run_until(10.0, handler);
  CHECK(seen == std::vector<int>{1, 2, 3, 4, 5});
  CHECK(s.now() == 10.0);
}

TEST_CASE("run_before leaves events at the end time pending", "[simulator]") {
  sim::Simulator<Ev> s;
  s.schedule_at(1.0, Ev{1});
  const auto at_end = s.schedule_at(2.0, Ev{2});
  std::vector<int> seen;
  s.run_before(2.0, [&](const Ev& e) { seen.push_back(e.id); });
  CHECK(seen == std::vector<int>{1});
  CHECK(s.now() == 2.0);
  CHECK(s.pending() == 1);
  CHECK(s.cancel(at_end));
  CHECK(s.pending() == 0);
}

TEST_CASE("run_until with events scheduled during the run at the end time", "[simulator]") {
  sim::Simulator<Ev> s;
  s.schedule_at(1.0, Ev{1});
  std::vector<int> seen;
  s.run_until(2.0, [&](const Ev& e) {
    seen.push_back(e.id);
    if (e.id == 1) s.schedule_at(2.0, Ev{2});
    if (e.id == 2) s.schedule_in(0.0, Ev{3});
  });
  CHECK(seen == std::vector<int>{1, 2, 3});
}

TEST_CASE("a handler can cancel a pending event", "[simulator]") {
  sim::Simulator<Ev> s;
  s.schedule_at(1.0, Ev{1});
  const auto doomed = s.schedule_at(2.0, Ev{2});
  s.schedule_at(3.0, Ev{3});
  std::vector<int> seen;
  bool cancelled = false;
  s.run([&](const Ev& e) {
    seen.push_back(e.id);
    if (e.id == 1) cancelled = s.cancel(doomed);
  });
  CHECK(cancelled);
  CHECK(seen == std::vector<int>{1, 3});
  CHECK_FALSE(s.cancel(doomed));
}

TEST_CASE("stop returns after the current event and the run can resume", "[simulator]") {
  sim::Simulator<Ev> s;
  for (int i = 1; i <= 4; ++i) s.schedule_at(static_cast<double>(i), Ev{i});
  std::vector<int> seen;
  const auto handler = [&](const Ev& e) {
    seen.push_back(e.id);
    if (e.id == 2) s.stop();
  };
  s.run_until(10.0, handler);
  CHECK(seen == std::vector<int>{1, 2});
  CHECK(s.now() == 2.0);
  s.run(handler);
  CHECK(seen == std::vector<int>{1, 2, 3, 4});
}

TEST_CASE("scheduling in the past and bad delays are errors", "[simulator]") {
  sim::Simulator<Ev> s;
  s.run_until(5.0, [](const Ev&) {});
  CHECK_THROWS_AS(s.schedule_at(4.0, Ev{0}), sim::SchedulingError);
  CHECK_THROWS_AS(s.schedule_in(-0.1, Ev{0}), sim::SchedulingError);
  CHECK_THROWS_AS(s.schedule_in(std::nan(""), Ev{0}), sim::SchedulingError);
  CHECK_THROWS_AS(s.schedule_in(std::numeric_limits<double>::infinity(), Ev{0}),
                  sim::SchedulingError);
  CHECK_THROWS_AS(s.run_until(4.0, [](const Ev&) {}), sim::SchedulingError);
  CHECK(s.pending() == 0);
}

TEST_CASE("an exception thrown by a handler propagates and leaves the simulator usable",
          "[simulator]") {
  sim::Simulator<Ev> s;
  s.schedule_at(1.0, Ev{1});
  s.schedule_at(2.0, Ev{2});
  CHECK_THROWS_AS(s.run([&](const Ev& e) {
    if (e.id == 1) s.schedule_at(0.5, Ev{9});  // in the past
  }),
                  sim::SchedulingError);
  CHECK(s.now() == 1.0);
  std::vector<int> seen;
  s.run([&](const Ev& e) { seen.push_back(e.id); });
  CHECK(seen == std::vector<int>{2});
}

TEST_CASE("binary and 4-ary calendars give the same run", "[simulator]") {
  const auto trace = [](auto& s) {
    std::vector<std::pair<double, int>> out;
    for (int i = 0; i < 50; ++i) s.schedule_at(static_cast<double>((i * 7) % 11), Ev{i});
    s.run_until(40.0, [&](const Ev& e) {
      out.emplace_back(s.now(), e.id);
      if (e.id < 400) s.schedule_in(static_cast<double>((e.id * 13) % 5), Ev{e.id + 50});
    });
    return out;
  };
  sim::Simulator<Ev, 2> binary;
  sim::Simulator<Ev, 4> quaternary;
  CHECK(trace(binary) == trace(quaternary));
}
