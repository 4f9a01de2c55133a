/// @file
/// @brief Scenarios and probes shared by the enterprise-model tests.
#pragma once

#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/recorder.hpp"
#include "models/enterprise/scenario_io.hpp"

namespace aiscale_test {

using namespace models::enterprise;


// Keeps every typed event a model emits, for tests of what the model tells.
class EventLog final : public Observer {
 public:
  void on_event(const Enterprise&, const TraceEvent& event) override { events.push_back(event); }
  void on_month_end(const Enterprise&, const MonthEnd&) override {}
  std::vector<TraceEvent> events;
};

// Runs `e` to its horizon with a recorder and returns what it recorded.
inline RunResult run_recorded(Enterprise& e) {
  Recorder recorder(e.scenario());
  e.add_observer(recorder);
  e.run();
  return recorder.finish(e);
}

inline Scenario default_scenario() {
  return load_scenario(std::string(AISCALE_SOURCE_DIR) + "/scenarios/default.json");
}

// A quiet enterprise: no randomness in efforts, no learning, debt, drift, attrition,
// incidents or reuse, so a rule's effect can be read off exactly.
inline Scenario quiet_scenario() {
  Scenario s = default_scenario();
  for (Effort* e : {&s.lifecycle.data_prep, &s.lifecycle.modeling, &s.lifecycle.pilot, &s.lifecycle.deployment,
                    &s.lifecycle.governance_review, &s.lifecycle.retraining}) {
    e->distribution = EffortDistribution::deterministic;
  }
  s.switches = Switches{false, false, false, false, false, false, false};
  for (auto& p : s.policies) p.coordination_delay_months = 0.0;
  return s;
}

// Bitwise equality of two runs' monthly series (NaN marks "no value" and must match too).
inline bool same_months(const RunResult& a, const RunResult& b) {
  return a.months.size() == b.months.size() &&
         std::memcmp(a.months.data(), b.months.data(), a.months.size() * sizeof(a.months[0])) == 0;
}

inline int people(const Enterprise& e, Role r) {
  int n = 0;
  for (const auto& t : e.teams()) n += t.pool(r).headcount;
  return n;
}

// The first use case that started data prep, and its data-prep service time.
inline double first_data_prep(const Scenario& s, std::uint64_t seed) {
  Enterprise e(s, seed, 0);
  e.advance_to(s.horizon_months);
  for (const auto& u : e.use_cases()) {
    const double t = u.service[static_cast<std::size_t>(Phase::data_prep)];
    if (t > 0.0) return t;
  }
  FAIL("no use case reached data prep");
  return 0.0;
}


/// A reorganisation to `structure` at `month`.
inline Intervention reorganisation(double month, Structure structure) {
  Intervention iv{};
  iv.month = month;
  iv.kind = Intervention::Kind::set_structure;
  iv.structure = structure;
  return iv;
}

/// `count` people of `role` hired (or, negative, cut) at `month`.
inline Intervention hiring(double month, Role role, int count) {
  Intervention iv{};
  iv.month = month;
  iv.kind = Intervention::Kind::hire;
  iv.role = role;
  iv.count = count;
  return iv;
}

}  // namespace aiscale_test
