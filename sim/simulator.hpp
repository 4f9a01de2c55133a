/// @file
/// @brief The simulation clock and run loop over an EventQueue.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "sim/event_queue.hpp"

namespace sim {

/// @brief A discrete-event simulator: a clock plus a calendar of `Payload` events.
///
/// The model owns the simulator and drives it with a handler, a callable taking
/// `const Payload&`. The handler is a template argument, so the run loop inlines it: no
/// virtual call and no heap-allocated closure per event. The handler may schedule,
/// cancel and call stop(); it reads the clock with now().
///
/// Many simulators may run at once on different threads; a simulator itself is not
/// shared between threads.
template <class Payload, std::size_t Arity = 4>
class Simulator {
 public:
  using Queue = EventQueue<Payload, Arity>;

  /// Current simulated time: the time of the event being handled, or the time the last
  /// run stopped at.
  [[nodiscard]] Time now() const { return queue_.now(); }

  /// Schedules `payload` at absolute time `time` (>= now()). Throws SchedulingError
  /// otherwise.
  EventId schedule_at(Time time, const Payload& payload) { return queue_.push(time, payload); }

  /// Schedules `payload` after `delay` (>= 0, finite). Throws SchedulingError otherwise.
  EventId schedule_in(Time delay, const Payload& payload) {
    if (!(delay >= 0.0) || std::isinf(delay)) {
      throw SchedulingError("cannot schedule an event after a delay of " +
                            std::to_string(delay) + ": a delay must be finite and >= 0");
    }
    return queue_.push(now() + delay, payload);
  }

  /// Cancels a pending event; returns false if it already ran or was cancelled.
  bool cancel(const EventId& id) { return queue_.cancel(id); }

  /// Number of pending events.
  [[nodiscard]] std::size_t pending() const { return queue_.size(); }

  /// Number of events handled since construction.
  [[nodiscard]] std::uint64_t events_handled() const { return handled_; }

  /// Asks the current run to return after the event being handled.
  void stop() { stop_requested_ = true; }

  /// Handles every event with time <= `end` in (time, seq) order, then sets the clock to
  /// `end`. Events that handlers schedule at or before `end` are handled too. Returns
  /// early, with the clock at the last handled event, if a handler calls stop().
  template <class Handler>
  void run_until(Time end, Handler&& handler) {
    run_loop(end, /*inclusive=*/true, handler);
  }

  /// Like run_until, but events at exactly `end` are left pending: "events at or after
  /// `end` are not processed".
  template <class Handler>
  void run_before(Time end, Handler&& handler) {
    run_loop(end, /*inclusive=*/false, handler);
  }

  /// Handles events until none is pending or a handler calls stop().
  template <class Handler>
  void run(Handler&& handler) {
    stop_requested_ = false;
    while (!queue_.empty()) {
      dispatch(handler);
      if (stop_requested_) return;
    }
  }

  /// Reserves calendar capacity for `n` pending events.
  void reserve(std::size_t n) { queue_.reserve(n); }

 private:
  template <class Handler>
  void dispatch(Handler& handler) {
    const auto entry = queue_.pop();
    ++handled_;
    handler(entry.payload);
  }

  template <class Handler>
  void run_loop(Time end, bool inclusive, Handler& handler) {
    if (!(end >= now())) {
      throw SchedulingError("cannot run until time " + std::to_string(end) +
                            ", before the current time " + std::to_string(now()));
    }
    stop_requested_ = false;
    for (;;) {
      Time next = 0.0;
      if (!queue_.next_time(next) || (inclusive ? next > end : next >= end)) break;
      dispatch(handler);
      if (stop_requested_) return;
    }
    queue_.advance_to(end, inclusive);
  }

  Queue queue_;
  std::uint64_t handled_ = 0;
  bool stop_requested_ = false;
};

}  // namespace sim
