/// @file
/// @brief Resource and lifecycle-stage statistics of one run (docs/model.md section 8):
///        queueing statistics per role and Little's-law quantities per stage, measured
///        exactly, without sampling.
///
/// Headcounts, busy people, queue lengths and stage counts change only at events, so
/// between events they are constant and their time integrals are exact sums of value x
/// duration. The model reports every change as it makes it (running totals per role and
/// per stage, so nothing is rescanned), and calls advance() at each event before it
/// changes anything; advance() adds the totals as they stood since the previous call.
/// Integrals are kept over the current month (for the monthly series) and over the
/// statistics window [window_start, horizon] (for the summary); seizes, stage entries and
/// stage exits count only at or after window_start. Nothing here changes the model,
/// draws a random number or schedules an event.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>

#include "models/enterprise/params.hpp"
#include "models/enterprise/state.hpp"

namespace models::enterprise {

/// Totals, integrals and counts for the pools of one role, summed over every team.
struct RoleStatistics {
  int busy = 0;                   ///< people of the role working on a phase now
  int headcount = 0;              ///< people of the role now (including those on notice)
  int waiting = 0;                ///< entries in the role's pools' queues now
  double busy_month = 0.0;        ///< busy person-months in the current month so far
  double headcount_month = 0.0;   ///< headcount person-months in the current month so far
  double waiting_month = 0.0;     ///< queued use-case-months in the current month so far
  double busy_window = 0.0;       ///< busy person-months in the window so far
  double headcount_window = 0.0;  ///< headcount person-months in the window so far
  double waiting_window = 0.0;    ///< queued use-case-months in the window so far
  double seizes = 0.0;            ///< jobs that seized a person of this role in the window
  double wait_sum = 0.0;          ///< months those jobs waited from their request
};

/// Occupancy, entries and sojourns of one lifecycle stage.
struct StageStatistics {
  int count = 0;                  ///< use cases in the stage now
  double count_window = 0.0;      ///< use-case-months in the stage in the window so far
  double entries = 0.0;           ///< entries into the stage in the window
  double exits = 0.0;             ///< exits from the stage in the window
  double sojourn_sum = 0.0;       ///< months in the stage of those exits (whole stays)
};

/// One run's resource and stage statistics: running totals the model's rules keep up to
/// date, and their integrals and counts.
class ResourceStatistics {
 public:
  /// Statistics whose window starts at `window_start` (the warm-up), from time 0.
  explicit ResourceStatistics(double window_start) : window_start_(window_start) {}

  /// Adds every total, as it has stood since the last call, to the integrals up to time
  /// `t` (no earlier than the last call). Call at each event before the state changes,
  /// and at the end.
  void advance(double t) {
    const double dt = t - last_;
    if (dt <= 0.0) return;
    const double in_window = std::max(0.0, t - std::max(last_, window_start_));
    for (RoleStatistics& role : roles_) {
      role.busy_month += role.busy * dt;
      role.headcount_month += role.headcount * dt;
      role.waiting_month += role.waiting * dt;
      role.busy_window += role.busy * in_window;
      role.headcount_window += role.headcount * in_window;
      role.waiting_window += role.waiting * in_window;
    }
    for (StageStatistics& stage : stages_) stage.count_window += stage.count * in_window;
    last_ = t;
  }

  /// The headcount of `role` changes by `delta` (hires, leavers, moves, cuts).
  void add_headcount(Role role, int delta) { roles_[static_cast<std::size_t>(role)].headcount += delta; }

  /// The queues of `role`'s pools gain (or, negative, lose) `delta` entries.
  void add_waiting(Role role, int delta) { roles_[static_cast<std::size_t>(role)].waiting += delta; }

  /// A use case enters `stage` at time `t`.
  void enter(Stage stage, double t) {
    StageStatistics& s = stages_[static_cast<std::size_t>(stage)];
    ++s.count;
    if (t >= window_start_) s.entries += 1.0;
  }

  /// A use case that entered `stage` at `since` leaves it at time `t`.
  void leave(Stage stage, double since, double t) {
    StageStatistics& s = stages_[static_cast<std::size_t>(stage)];
    --s.count;
    if (t >= window_start_) {
      s.exits += 1.0;
      s.sojourn_sum += t - since;
    }
  }

  /// A job that asked for a person at `requested_at` seizes one of role `role` at `t`.
  void seized(Role role, double requested_at, double t) {
    RoleStatistics& r = roles_[static_cast<std::size_t>(role)];
    ++r.busy;
    if (t < window_start_) return;
    r.seizes += 1.0;
    r.wait_sum += t - requested_at;
  }

  /// A person of role `role` finishes a job.
  void released(Role role) { --roles_[static_cast<std::size_t>(role)].busy; }

  /// Starts a new month: the month integrals restart from zero.
  void start_month() {
    for (RoleStatistics& role : roles_) role.busy_month = role.headcount_month = role.waiting_month = 0.0;
  }

  [[nodiscard]] double window_start() const { return window_start_; }
  [[nodiscard]] const RoleStatistics& role(Role r) const { return roles_[static_cast<std::size_t>(r)]; }
  [[nodiscard]] const StageStatistics& stage(Stage s) const { return stages_[static_cast<std::size_t>(s)]; }

 private:
  double window_start_;
  double last_ = 0.0;  ///< time up to which the integrals are complete
  std::array<RoleStatistics, kRoleCount> roles_{};
  std::array<StageStatistics, kStageCount> stages_{};
};

}  // namespace models::enterprise
