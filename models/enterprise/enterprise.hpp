/// @file
/// @brief The enterprise model: one simulation of one scenario under one seed.
///
/// `Enterprise(scenario, seed, replication)` is the pure factory of the model (the same
/// arguments give the same run, bit for bit); run() advances it to the horizon. The
/// model tells observers (observer.hpp) what happens as typed events and at each month's
/// end; the Recorder (recorder.hpp) is the observer that turns a run into its monthly
/// series and summary, and simulate() runs one replication with it.
///
/// This file declares the whole model; its rules are defined one file per mechanism
/// (the comments below name them), with the pure functions each rule uses declared in
/// that mechanism's header. enterprise.cpp keeps construction, event dispatch and the
/// order of the monthly tick.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "models/enterprise/metrics.hpp"
#include "models/enterprise/observer.hpp"
#include "models/enterprise/org_graph.hpp"
#include "models/enterprise/params.hpp"
#include "models/enterprise/resource_statistics.hpp"
#include "models/enterprise/state.hpp"
#include "sim/random.hpp"
#include "sim/simulator.hpp"

namespace models::enterprise {

/// The simulation's event: a kind and the index of what it is about.
struct Event {
  enum class Kind : std::uint8_t {
    idea_arrival,        ///< id = BU
    coordination_done,   ///< id = use case: the phase may now request its person
    phase_done,          ///< id = use case
    purgatory_review,    ///< id = use case
    drift_detected,      ///< id = use case
    end_of_life,         ///< id = use case
    hire_arrives,        ///< id = pool (team * kRoleCount + role)
    freeze_ends,         ///< id = BU
    intervention,        ///< id = index into Scenario::interventions
    monthly_tick,        ///< id unused
  };
  Kind kind;
  std::uint32_t id;
  std::uint32_t generation = 0;  ///< drift_detected, end_of_life: the use case's generation when scheduled
};

class Enterprise {
 public:
  /// Builds the enterprise at month 0. `scenario` must be validated (load_scenario)
  /// and must outlive the Enterprise.
  Enterprise(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication);

  /// Tells `observer` the story of the run and the end of each month, after the
  /// observers added before it. Add observers before run(); `observer` must outlive
  /// the run. With no observer the model emits nothing.
  void add_observer(Observer& observer) { observers_.push_back(&observer); }

  /// Runs to the horizon. Call once.
  void run();

  /// Handles every event up to `month` (at most the horizon), for inspection between
  /// steps; run() continues from there.
  void advance_to(double month);

  // Read-only views for observers and the tests.
  [[nodiscard]] const Scenario& scenario() const { return s_; }
  [[nodiscard]] double now() const { return sim_.now(); }
  /// Events handled so far (cancelled ones not counted).
  [[nodiscard]] std::uint64_t events_handled() const { return sim_.events_handled() - stale_events_; }
  /// Use cases in production, in the order they were deployed.
  [[nodiscard]] const std::vector<std::uint32_t>& in_production() const { return in_production_; }
  [[nodiscard]] const std::vector<UseCase>& use_cases() const { return use_cases_; }
  [[nodiscard]] const std::vector<Team>& teams() const { return teams_; }
  [[nodiscard]] const std::vector<UnitState>& units() const { return units_; }
  [[nodiscard]] const Graph& graph() const { return graph_; }
  [[nodiscard]] Structure structure() const { return structure_; }
  [[nodiscard]] double shared_platform() const { return platform_; }
  [[nodiscard]] double governance_maturity() const { return governance_; }
  /// Platform maturity that serves BU `unit` under the current structure.
  [[nodiscard]] double platform_for(std::uint32_t unit) const;
  /// Person-months of work done per phase so far.
  [[nodiscard]] const std::array<double, kPhaseCount>& effort_done() const { return effort_done_; }
  /// Resource and stage statistics, integrated up to now().
  [[nodiscard]] const ResourceStatistics& statistics() const { return statistics_; }
  /// Accuracy of production model `u` now.
  [[nodiscard]] double accuracy_now(const UseCase& u) const;
  /// The enterprise's cost this month (MODEL.md section 6): people, change management,
  /// model and platform infrastructure, plus `incident_cost`.
  [[nodiscard]] double monthly_cost(double incident_cost) const;

 private:
  // Event handlers, one per Event::Kind (each in its mechanism's file).
  void on_idea_arrival(std::uint32_t unit);
  void on_coordination_done(std::uint32_t uc);
  void on_phase_done(std::uint32_t uc);
  void on_purgatory_review(std::uint32_t uc);
  void on_drift_detected(std::uint32_t uc);
  void on_end_of_life(std::uint32_t uc);
  void on_hire_arrives(std::uint32_t pool);
  void on_freeze_ends(std::uint32_t unit);
  void on_intervention(std::uint32_t index);
  void on_monthly_tick();  // enterprise.cpp

  // structure.cpp: who sits where.
  void allocate_people(Structure structure);
  [[nodiscard]] std::uint32_t home_team_of(std::uint32_t unit) const;
  [[nodiscard]] std::uint32_t serving_team(std::uint32_t unit, Role role) const;

  // staffing.cpp: people for phases.
  void request_person(std::uint32_t uc);
  void seize(std::uint32_t uc, std::uint32_t pool, double productivity);
  void release(std::uint32_t uc);
  void serve_queue(std::uint32_t pool);

  // lifecycle.cpp: ideas, backlog, WIP, phases.
  std::uint32_t create_use_case(std::uint32_t unit, bool is_copy, std::uint32_t source, sim::Rng& rng);
  void set_stage(std::uint32_t uc, Stage stage);
  void fill_team(std::uint32_t team);
  void start_work(std::uint32_t uc);
  void leave_wip(std::uint32_t uc);
  void begin_phase(std::uint32_t uc, Phase phase);
  [[nodiscard]] double phase_duration(std::uint32_t uc, Phase phase, Role worker, double productivity) const;
  void expire_backlog();

  // pilot_decision.cpp: go / hold / kill.
  void decide_after_pilot(std::uint32_t uc);
  bool go_decision(std::uint32_t uc, double ready);
  void to_deployment(std::uint32_t uc);
  void kill(std::uint32_t uc);
  [[nodiscard]] double readiness(std::uint32_t unit) const;

  // production.cpp: deployment, drift, retraining, end of life, retirement.
  void add_initial_models();
  void enter_production(std::uint32_t uc);
  void schedule_detection(std::uint32_t uc);
  void finish_retraining(std::uint32_t uc);
  void retire(std::uint32_t uc, TraceEvent::Kind why);
  double integrate_production_month();
  void retire_unprofitable();
  [[nodiscard]] double mlops_staffing(std::uint32_t unit) const;
  [[nodiscard]] double monitoring_coverage(std::uint32_t unit) const;
  [[nodiscard]] double mean_life(std::uint32_t unit) const;

  // workforce.cpp: attrition, hiring, forgetting.
  void person_leaves(std::uint32_t pool);
  void open_requisition(std::uint32_t pool);
  void attrition();

  // governance.cpp: maturity, incidents, freezes.
  void update_governance_maturity();
  void governance_incidents();
  bool deployment_frozen(std::uint32_t uc);

  // The slow stocks: trust.cpp, data_debt.cpp, platform.cpp.
  void update_trust();
  void update_data_debt();
  void update_platform();

  // reuse.cpp.
  void horizontal_reuse();

  /// True if `e` was cancelled after it was scheduled (production.cpp).
  [[nodiscard]] bool stale(const Event& e) const;

  /// Sends `event`, stamped with now(), to every observer.
  void emit(TraceEvent event) const;

  const Scenario& s_;
  std::uint64_t seed_;
  std::uint64_t replication_;
  sim::Simulator<Event> sim_;
  Graph graph_;
  Neighbourhood neighbours_;
  /// Edge lists in the CSR form stocks.hpp's diffuse() takes.
  struct EdgeList {
    std::vector<std::uint32_t> offsets{0};
    std::vector<std::uint32_t> targets;
    std::vector<double> weights;
    void add(const Neighbour& nb) {
      targets.push_back(nb.unit);
      weights.push_back(nb.weight);
    }
    void close_unit() { offsets.push_back(static_cast<std::uint32_t>(targets.size())); }
  };
  EdgeList all_edges_;   ///< every edge: trust spill-over
  EdgeList data_edges_;  ///< shared-data edges: data-debt spill-over
  Structure structure_;
  std::vector<UnitState> units_;
  std::vector<Team> teams_;
  std::vector<UseCase> use_cases_;
  std::vector<std::uint32_t> in_production_;  ///< use cases in production, in deployment order
  std::vector<std::size_t> in_production_of_unit_;  ///< per BU: how many of in_production_ are its
  // Named random streams (common random numbers: a scenario change that does not touch
  // a stream's consumer leaves its numbers unchanged).
  std::vector<sim::Rng> arrivals_;   ///< per BU: idea inter-arrival times
  std::vector<sim::Rng> ideas_;      ///< per BU: value, difficulty, risk, efforts of its ideas
  sim::Rng selection_;               ///< backlog selection
  sim::Rng decisions_;               ///< pilot measurement and go / hold / kill
  sim::Rng production_;              ///< monitoring draws, drift shocks, end of life of models deployed in the run
  sim::Rng workforce_;               ///< attrition and hiring lead times
  sim::Rng incidents_;               ///< governance incidents and freezes
  sim::Rng reuse_;                   ///< horizontal reuse
  double platform_ = 0.0;
  double governance_ = 0.0;
  double change_management_ = 0.0;
  double portfolio_discipline_ = 0.0;
  double monitoring_extra_ = 0.0;
  double auto_retrain_threshold_ = 0.0;
  double platform_people_extra_ = 0.0;  ///< start_platform builders: grow the platform, paid as MLOps engineers
  std::array<double, kPhaseCount> effort_done_{};
  std::vector<Observer*> observers_;
  std::uint64_t stale_events_ = 0;  ///< cancelled events popped from the calendar and ignored
  ResourceStatistics statistics_;
};

/// The named random stream `name` (number `index` of a family, e.g. one per BU) of a
/// replication: independent of every other name and index.
sim::Rng named_stream(std::uint64_t seed, std::uint64_t replication, std::string_view name, std::uint64_t index = 0);

/// Runs one replication: Enterprise(scenario, seed, replication) observed by a Recorder
/// (recorder.hpp), and returns what the recorder saw.
RunResult simulate(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication);

}  // namespace models::enterprise
