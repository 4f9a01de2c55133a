/// @file
/// @brief What the enterprise model tells the outside world: typed events (never text)
///        and the end of each month, sent to observers (the recorder, a trace printer).
///
/// The model emits a TraceEvent at each step of the story of a run (an idea, a decision,
/// a deployment, a hire...) carrying the ids and the few numbers the step has at hand;
/// it computes nothing only for an observer. Observers read the model through its
/// read-only views (Enterprise's const accessors) and change nothing in it. Formatting
/// into text is the trace command's business (analysis/cli/trace_format.hpp).
#pragma once

#include <cstdint>

#include "models/enterprise/params.hpp"
#include "models/enterprise/state.hpp"

namespace models::enterprise {

class Enterprise;

/// One step of the story of a run.
struct TraceEvent {
  static constexpr std::uint32_t kEnterpriseWide = 0xFFFFFFFFU;  ///< `unit` of enterprise-wide events

  enum class Kind : std::uint8_t {
    idea,                      ///< a new idea: value, difficulty, high_risk
    work_starts,               ///< work on a use case starts: copy (a neighbour's model adapted)
    borrows_person,            ///< a phase borrows a person of `role` from another team
    deployment_waits,          ///< a deployment waits for its BU's freeze to end
    phase_done,                ///< `phase` (data prep, modelling or governance review) done
    pilot_kill,                ///< pilot measured `value` below the kill `bar`
    pilot_go,                  ///< pilot measured `value`, GO at `readiness`
    pilot_hold,                ///< pilot measured `value`, HOLD at `readiness`
    purgatory_go,              ///< a purgatory review decides GO
    purgatory_hold,            ///< a purgatory review decides HOLD
    purgatory_limit_kill,      ///< killed after the purgatory limit
    in_production,             ///< deployed: monitored or not
    drift_noticed,             ///< drift detected (monitored: alert; else users complain); retraining requested
    retrained,                 ///< retraining done: `count` is the new version
    retired_end_of_life,       ///< retired at the end of its life
    retired_low_value,         ///< retired: value below its upkeep
    hire_starts,               ///< a hire of `role` starts; `central` if in the central team
    intervention_hire,         ///< intervention: hire `count` people of `role` (negative: cut)
    intervention_reorganise,   ///< intervention: reorganise to `structure`
    governance_incident,       ///< an incident; `frozen`: deployments frozen for `months`
    freeze_ends,               ///< a BU's deployment freeze ends
    reuse,                     ///< a copy of model `source` of BU `source_unit` starts in `unit`
  };

  Kind kind = Kind::idea;
  double time = 0.0;
  std::uint32_t unit = kEnterpriseWide;  ///< BU index, or kEnterpriseWide
  std::int64_t use_case = -1;            ///< -1 when the event is about a BU or the enterprise
  double value = 0.0;                    ///< $/month: an idea's value, a pilot's measurement
  double bar = 0.0;                      ///< $/month: the pilot's kill bar
  double difficulty = 0.0;
  double readiness = 0.0;
  double months = 0.0;                   ///< length of a freeze
  int count = 0;                         ///< a model version, a number of hires
  Role role = Role::data_scientist;
  Phase phase = Phase::data_prep;
  Structure structure = Structure::hybrid;
  std::int64_t source = -1;              ///< reuse: the model copied
  std::uint32_t source_unit = 0;         ///< reuse: its BU
  bool high_risk = false;
  bool copy = false;
  bool monitored = false;
  bool central = false;
  bool frozen = false;
};

/// What the month that just ended produced, beside the state the views show.
struct MonthEnd {
  double value = 0.0;  ///< $ of value the production models delivered over the month
};

/// An observer of one run. Called synchronously from the model's event handlers; it may
/// read `model` through its const views and must not keep references past the run.
class Observer {
 public:
  virtual ~Observer() = default;
  /// A step of the story, at model.now().
  virtual void on_event(const Enterprise& model, const TraceEvent& event) = 0;
  /// The monthly tick's rules have run (model.now() is the month's end); the month's
  /// resource statistics still cover the month.
  virtual void on_month_end(const Enterprise& model, const MonthEnd& month) = 0;
};

}  // namespace models::enterprise
