/// @file
/// @brief The enterprise model's run-time state: plain data, read by the recorder and
///        the tests, changed only by the rules in enterprise.cpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <vector>

#include "models/enterprise/params.hpp"
#include "sim/event_queue.hpp"

namespace models::enterprise {

/// Where a use case is in its lifecycle (MODEL.md section 3).
enum class Stage : std::uint8_t {
  backlog,
  data_prep,
  modeling,
  pilot,
  purgatory,
  governance_review,
  deployment,
  production,
  retired,
  killed,
  expired,  ///< dropped from the backlog unstarted
};
inline constexpr std::size_t kStageCount = static_cast<std::size_t>(Stage::expired) + 1;

/// A unit of work that needs one person of one role.
enum class Phase : std::uint8_t { data_prep, modeling, pilot, governance_review, deployment, retraining };
inline constexpr std::size_t kPhaseCount = 6;

/// The role each phase needs (MODEL.md section 3).
constexpr Role role_for(Phase phase) {
  switch (phase) {
    case Phase::data_prep: return Role::data_engineer;
    case Phase::modeling: return Role::data_scientist;
    case Phase::pilot: return Role::product_manager;
    case Phase::governance_review: return Role::governance;
    case Phase::deployment: return Role::ml_engineer;
    case Phase::retraining: return Role::data_scientist;
  }
  return Role::data_scientist;
}

/// People of one role in one team. A person is a server: `busy` of `headcount` are
/// working on a phase; the rest are free. `leaving` busy people leave when they finish.
struct Pool {
  int headcount = 0;
  int busy = 0;
  int leaving = 0;                     ///< busy people who leave the company on release
  int moving = 0;                      ///< busy people who move to another team on release (reorganisation)
  int target = 0;                      ///< hiring target
  int open_requisitions = 0;           ///< hires under way
  std::deque<std::uint32_t> waiting;   ///< use cases waiting for a person, FIFO

  [[nodiscard]] int free() const { return headcount - busy; }
};

/// A team: the central team (index 0) or one BU's embedded team (index 1 + bu).
/// Which people sit where is the org structure's policy.
struct Team {
  std::array<Pool, kRoleCount> pools{};
  double experience = 0.0;             ///< deployments done (Wright's law), less forgetting
  int wip = 0;                         ///< use cases in work whose home is this team
  std::vector<std::uint32_t> backlog;  ///< ideas waiting to start, in arrival order

  Pool& pool(Role r) { return pools[static_cast<std::size_t>(r)]; }
  const Pool& pool(Role r) const { return pools[static_cast<std::size_t>(r)]; }
  [[nodiscard]] int headcount() const {
    int n = 0;
    for (const auto& p : pools) n += p.headcount;
    return n;
  }
};

/// A business unit's changing state (MODEL.md section 1).
struct UnitState {
  double trust = 0.0;
  double data_debt = 0.0;
  double platform = 0.0;               ///< this BU's own platform (used when platforms are not shared)
  double frozen_until = 0.0;           ///< deployments blocked before this time
  std::vector<std::uint32_t> frozen_waiting;  ///< use cases waiting for the freeze to end
};

/// A use case: an idea, a piece of work, and, once deployed, a production model.
struct UseCase {
  std::uint32_t unit = 0;              ///< owning BU
  std::uint32_t home_team = 0;         ///< team whose backlog and WIP it counts in
  double value = 0.0;                  ///< V, $/month at full adoption
  double difficulty = 0.0;             ///< d in [0, 1]
  bool high_risk = false;
  bool is_copy = false;                ///< a horizontal reuse of another BU's model
  bool existing = false;               ///< in production before month 0 (Scenario::initial_models)
  std::array<double, kPhaseCount> effort{};  ///< person-months before multipliers
  double score = 0.0;                  ///< prioritisation score
  Stage stage = Stage::backlog;
  double stage_since = 0.0;            ///< when it entered its stage (set_stage)
  double created = 0.0;
  double purgatory_since = 0.0;
  bool in_wip = false;

  // The phase under way (valid while a person is requested or held).
  Phase job = Phase::data_prep;
  bool has_job = false;
  bool holds_person = false;
  std::uint32_t job_pool = 0;          ///< team * kRoleCount + role of the person held
  double requested_at = 0.0;           ///< when the phase asked for a person (after the coordination delay)
  double job_started = 0.0;
  std::array<double, kPhaseCount> service{};  ///< months a person worked on each phase (retraining: all versions)

  // Production (valid from deployment on).
  double deployed_at = 0.0;
  double retired_at = 0.0;
  double accuracy_start = 0.0;         ///< accuracy at accuracy_time
  double accuracy_time = 0.0;
  double lambda = 0.0;                 ///< drift rate in force since accuracy_time
  double adoption = 0.0;
  int version = 0;
  bool monitored = false;
  bool drift_noticed = false;          ///< detected, awaiting or under retraining
  double last_value = 0.0;             ///< value in the last month, $
  // The pending drift_detected and end_of_life events. Cancelling one bumps its
  // generation: an event whose generation is no longer the use case's is stale and
  // ignored (no search of the calendar, no allocation).
  bool detection_pending = false;
  double detection_time = 0.0;         ///< when the pending drift_detected fires
  std::uint32_t detection_generation = 0;
  bool end_of_life_pending = false;
  std::uint32_t end_of_life_generation = 0;
  std::vector<std::uint32_t> reused_by;  ///< BUs this model was copied to
};

}  // namespace models::enterprise
