// The enterprise model's skeleton: construction at month 0, event dispatch, and the order
// of the monthly tick. Each mechanism's rules are in its own file (structure.cpp,
// staffing.cpp, lifecycle.cpp, pilot_decision.cpp, production.cpp, workforce.cpp,
// governance.cpp, trust.cpp, data_debt.cpp, platform.cpp, reuse.cpp, money.cpp,
// interventions.cpp); each rule's comment says which state it may change.
#include "models/enterprise/enterprise.hpp"

#include <algorithm>
#include <cmath>

#include "models/enterprise/structure.hpp"
#include "sim/distributions.hpp"

namespace models::enterprise {
namespace {

std::vector<sim::Rng> per_unit(std::uint64_t seed, std::uint64_t rep, std::string_view name, std::size_t n) {
  std::vector<sim::Rng> out;
  out.reserve(n);
  for (std::size_t b = 0; b < n; ++b) out.push_back(named_stream(seed, rep, name, b));
  return out;
}

Graph make_graph(const Scenario& s, std::uint64_t seed, std::uint64_t rep) {
  sim::Rng rng = named_stream(seed, rep, "org-graph");
  return build_org_graph(s.graph, s.business_units, rng);
}

}  // namespace

sim::Rng named_stream(std::uint64_t seed, std::uint64_t replication, std::string_view name, std::uint64_t index) {
  return sim::Rng::for_stream(seed, replication, sim::mix64(sim::stream_id(name) + index));
}

// ---------------------------------------------------------------------------------------
// Construction: the enterprise at month 0 (MODEL.md sections 1, 2).

Enterprise::Enterprise(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication)
    : s_(scenario),
      seed_(seed),
      replication_(replication),
      graph_(make_graph(scenario, seed, replication)),
      neighbours_(graph_),
      structure_(scenario.structure),
      arrivals_(per_unit(seed, replication, "idea-arrivals", scenario.business_units.size())),
      ideas_(per_unit(seed, replication, "idea-attributes", scenario.business_units.size())),
      selection_(named_stream(seed, replication, "selection")),
      decisions_(named_stream(seed, replication, "decisions")),
      production_(named_stream(seed, replication, "production")),
      workforce_(named_stream(seed, replication, "workforce")),
      incidents_(named_stream(seed, replication, "incidents")),
      reuse_(named_stream(seed, replication, "reuse")),
      statistics_(scenario.warmup_months) {
  const auto n = static_cast<std::uint32_t>(s_.business_units.size());
  units_.resize(n);
  in_production_of_unit_.assign(n, 0);
  // Room for the ideas expected over the horizon (and the initial models), so that the
  // use cases are not moved again and again as the list grows; reuse copies and chance
  // may still make it grow.
  double expected_use_cases = 0.0;
  for (const auto& bu : s_.business_units) expected_use_cases += bu.idea_rate * s_.horizon_months;
  for (const auto& m : s_.initial_models) expected_use_cases += m.count;
  use_cases_.reserve(static_cast<std::size_t>(1.1 * expected_use_cases) + 16);
  for (std::uint32_t b = 0; b < n; ++b) {
    const auto& bu = s_.business_units[b];
    units_[b].trust = bu.trust;
    units_[b].data_debt = s_.switches.data_debt ? bu.data_debt : 0.0;
    units_[b].platform = s_.platform.initial;
  }
  for (std::size_t b = 0; b < n; ++b) {
    for (const Neighbour& nb : neighbours_.of(b)) {
      all_edges_.add(nb);
      if (nb.shared_data) data_edges_.add(nb);
    }
    all_edges_.close_unit();
    data_edges_.close_unit();
  }
  platform_ = s_.platform.initial;
  governance_ = s_.governance.initial;
  change_management_ = s_.money.change_management_per_month;
  portfolio_discipline_ = s_.lifecycle.portfolio_discipline;
  auto_retrain_threshold_ = s_.production.auto_retrain_threshold;

  teams_.resize(1 + n);
  for (const Role r : kRoles) {
    // Everyone starts in the centre; allocate_people moves them where the structure says.
    teams_[kCentral].pool(r).target = s_.workforce.headcount[r];
    teams_[kCentral].pool(r).headcount = s_.workforce.headcount[r];
    statistics_.add_headcount(r, s_.workforce.headcount[r]);
  }
  allocate_people(structure_);
  add_initial_models();

  for (std::uint32_t b = 0; b < n; ++b) {
    if (s_.business_units[b].idea_rate > 0.0) {
      sim_.schedule_at(sim::exponential(arrivals_[b], s_.business_units[b].idea_rate),
                       Event{Event::Kind::idea_arrival, b});
    }
  }
  for (std::uint32_t i = 0; i < s_.interventions.size(); ++i) {
    sim_.schedule_at(s_.interventions[i].month, Event{Event::Kind::intervention, i});
  }
  for (int m = 1; m <= static_cast<int>(std::ceil(s_.horizon_months)); ++m) {
    sim_.schedule_at(std::min(static_cast<double>(m), s_.horizon_months),
                     Event{Event::Kind::monthly_tick, 0});
  }
}

void Enterprise::run() { advance_to(s_.horizon_months); }

void Enterprise::advance_to(double month) {
  sim_.run_until(std::min(month, s_.horizon_months), [this](const Event& e) {
    // A cancelled event is dropped unseen: it changes nothing, not even the statistics'
    // integration steps, and does not count as handled.
    if (stale(e)) {
      ++stale_events_;
      return;
    }
    // The statistics integrate their totals as they stood since the last event, before
    // this one changes them.
    statistics_.advance(sim_.now());
    switch (e.kind) {
      case Event::Kind::idea_arrival: on_idea_arrival(e.id); break;
      case Event::Kind::coordination_done: on_coordination_done(e.id); break;
      case Event::Kind::phase_done: on_phase_done(e.id); break;
      case Event::Kind::purgatory_review: on_purgatory_review(e.id); break;
      case Event::Kind::drift_detected: on_drift_detected(e.id); break;
      case Event::Kind::end_of_life: on_end_of_life(e.id); break;
      case Event::Kind::hire_arrives: on_hire_arrives(e.id); break;
      case Event::Kind::freeze_ends: on_freeze_ends(e.id); break;
      case Event::Kind::intervention: on_intervention(e.id); break;
      case Event::Kind::monthly_tick: on_monthly_tick(); break;
    }
  });
  statistics_.advance(sim_.now());
}

void Enterprise::emit(TraceEvent event) const {
  event.time = sim_.now();
  for (Observer* o : observers_) o->on_event(*this, event);
}

// ---------------------------------------------------------------------------------------
// The monthly tick (MODEL.md sections 4-7), in this order: production value and adoption
// over the month, attrition, the slow stocks, incidents, value-based retirement, reuse,
// backlog expiry, then the observers see the month's end.

void Enterprise::on_monthly_tick() {
  const double value = integrate_production_month();
  attrition();
  update_trust();
  update_data_debt();
  update_platform();
  update_governance_maturity();
  governance_incidents();
  retire_unprofitable();
  horizontal_reuse();
  expire_backlog();
  for (Observer* o : observers_) o->on_month_end(*this, MonthEnd{value});
  statistics_.start_month();
}

}  // namespace models::enterprise
