/// @file
/// @brief The event calendar: a d-ary min-heap of small plain events ordered by
///        (time, insertion sequence), with lazy cancellation.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace sim {

/// Simulated time. The engine gives it no unit; the models use months.
using Time = double;

/// @brief Identifies one scheduled event, for cancellation. A plain value: copy it freely.
///
/// The pair (time, seq) is the event's position in the total order of the calendar.
struct EventId {
  Time time = 0.0;
  std::uint64_t seq = 0;
  friend bool operator==(const EventId&, const EventId&) = default;
};

/// Thrown when an event is scheduled before the current time or at a time that is not a
/// number, or a handle that was never issued is cancelled. It is a programming error in
/// the model, never an input error.
class SchedulingError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// @brief A calendar of pending events of type `Payload`, served in (time, seq) order.
///
/// `seq` is the insertion counter, so events at equal times are served in the order
/// they were scheduled: a run is deterministic. `Payload` should be a small trivially
/// copyable value (an event kind and an entity index); the model dispatches on it.
///
/// Cancellation is lazy: a cancelled event stays in the heap and is skipped when it
/// reaches the top. Served keys strictly increase and nothing can be scheduled before
/// the last served time, so an event whose key is below the "served bound" (the last
/// served key, or the time the clock was advanced to) has already run or been skipped.
/// `cancel` thus tells a pending event from a finished one without per-event
/// bookkeeping, and the set of cancelled keys holds only events still in the heap.
///
/// `Arity` is the heap's branching factor (2 = binary heap, 4 = 4-ary heap); see
/// docs/performance.md for the measurements behind the default.
template <class Payload, std::size_t Arity = 4>
class EventQueue {
  static_assert(Arity >= 2, "a heap needs at least two children per node");

 public:
  struct Entry {
    Time time;
    std::uint64_t seq;
    Payload payload;
  };

  /// Schedules `payload` at absolute time `time`. Throws SchedulingError when `time` is
  /// before the last served event's time or is not a number.
  EventId push(Time time, const Payload& payload) {
    if (!(time >= bound_time_)) {  // also rejects NaN
      throw SchedulingError("cannot schedule an event at time " + std::to_string(time) +
                            ", before the current time " + std::to_string(bound_time_));
    }
    const std::uint64_t seq = next_seq_++;
    heap_.push_back(Entry{time + 0.0, seq, payload});  // + 0.0 turns -0.0 into +0.0
    sift_up(heap_.size() - 1);
    return EventId{time, seq};
  }

  /// Marks a pending event as cancelled. Returns true if it was pending; false if it has
  /// already been served or cancelled. Throws SchedulingError for a handle this queue
  /// never issued.
  bool cancel(const EventId& id) {
    if (id.seq >= next_seq_) throw SchedulingError("cancel: unknown event handle");
    if (key_less(id.time, id.seq, bound_time_, bound_seq_)) return false;
    return cancelled_.insert(id.seq).second;
  }

  /// True when no event is pending (cancelled events do not count).
  [[nodiscard]] bool empty() const { return heap_.size() == cancelled_.size(); }

  /// Number of pending events (cancelled ones excluded).
  [[nodiscard]] std::size_t size() const { return heap_.size() - cancelled_.size(); }

  /// Drops cancelled events from the top; if an event is pending, stores the earliest
  /// one's time in `time` and returns true, otherwise returns false.
  bool next_time(Time& time) {
    skip_cancelled();
    if (heap_.empty()) return false;
    time = heap_.front().time;
    return true;
  }

  /// Removes and returns the earliest pending event. Precondition: !empty().
  Entry pop() {
    skip_cancelled();
    Entry top = remove_top();
    bound_time_ = top.time;
    bound_seq_ = top.seq + 1;
    return top;
  }

  /// The calendar's notion of "now": the last served time, or the time it was advanced
  /// to (0 at the start). Nothing may be scheduled before it.
  [[nodiscard]] Time now() const { return bound_time_; }

  /// Advances "now" to `time` without serving an event. With `through` true, events at
  /// `time` count as passed (precondition: none is pending at or before `time`); with
  /// `through` false, events at exactly `time` stay pending (precondition: none is
  /// pending before `time`). Never moves "now" backwards.
  void advance_to(Time time, bool through) {
    if (time < bound_time_ || (time == bound_time_ && !through)) return;
    if (time > bound_time_) bound_seq_ = 0;
    bound_time_ = time;
    if (through) bound_seq_ = next_seq_;
  }

  /// Reserves heap capacity for `n` pending events.
  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  // (time, seq) as one 128-bit unsigned key. Times are >= 0 (nothing can be scheduled
  // before time 0) and normalised so that -0.0 becomes +0.0; the bit patterns of
  // non-negative doubles order like the doubles, so one integer comparison orders
  // entries without branches.
  __extension__ using Key = unsigned __int128;
  static Key key(Time time, std::uint64_t seq) {
    return (static_cast<Key>(std::bit_cast<std::uint64_t>(time)) << 64U) | seq;
  }
  static bool key_less(Time ta, std::uint64_t sa, Time tb, std::uint64_t sb) {
    return key(ta, sa) < key(tb, sb);
  }
  static bool less(const Entry& a, const Entry& b) { return key_less(a.time, a.seq, b.time, b.seq); }

  void skip_cancelled() {
    if (cancelled_.empty()) return;  // the common case costs one branch
    while (!heap_.empty() && cancelled_.erase(heap_.front().seq) != 0) remove_top();
  }

  Entry remove_top() {
    Entry top = heap_.front();
    Entry last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down_from_root(last);
    return top;
  }

  void sift_up(std::size_t i) {
    Entry moving = heap_[i];
    while (i > 0) {
      const std::size_t parent = (i - 1) / Arity;
      if (!less(moving, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = moving;
  }

  // Refills the hole at the root with `moving` (the former last entry). Bottom-up, as
  // std::pop_heap does: walk the hole down to a leaf along the smallest children (one
  // comparison per child, none against `moving`), then sift `moving` up from there.
  // `moving` came from the bottom, so it rarely rises far.
  void sift_down_from_root(const Entry& moving) {
    const std::size_t n = heap_.size();
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first = hole * Arity + 1;
      if (first >= n) break;
      std::size_t best = first;
      if (first + Arity <= n) {
        for (std::size_t c = first + 1; c < first + Arity; ++c) {  // fixed trip count
          if (less(heap_[c], heap_[best])) best = c;
        }
      } else {
        for (std::size_t c = first + 1; c < n; ++c) {
          if (less(heap_[c], heap_[best])) best = c;
        }
      }
      heap_[hole] = heap_[best];
      hole = best;
    }
    heap_[hole] = moving;
    sift_up(hole);
  }

  std::vector<Entry> heap_;
  std::unordered_set<std::uint64_t> cancelled_;
  std::uint64_t next_seq_ = 0;
  // Every event with key (time, seq) < (bound_time_, bound_seq_) has been served or
  // skipped; none can be scheduled before bound_time_.
  Time bound_time_ = 0.0;
  std::uint64_t bound_seq_ = 0;
};

}  // namespace sim
