// Production (MODEL.md section 4): deployment, accuracy drift and its detection,
// retraining, the value a model delivers each month, and the end of a model's life
// (end of life, retirement when it no longer pays its upkeep).
#include "models/enterprise/production.hpp"

#include <algorithm>
#include <cmath>

#include "models/enterprise/adoption.hpp"
#include "models/enterprise/drift.hpp"
#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/structure.hpp"
#include "models/enterprise/trust.hpp"
#include "sim/distributions.hpp"

namespace models::enterprise {

double mlops_staffing_ratio(double people, double models, double team_minimum, double models_per_mlops) {
  const double needed = std::max(team_minimum, models / models_per_mlops);
  return std::min(1.0, people / needed);
}

double monitoring_share(const Production& p, double platform, double mlops_staffing, double extra) {
  return std::clamp(p.monitoring_base + p.monitoring_platform * platform + p.monitoring_mlops * mlops_staffing + extra,
                    0.0, 1.0);
}

double mean_life_months(const Production& p, double coverage) {
  return p.end_of_life_months * (p.unmaintained_life_share + (1.0 - p.unmaintained_life_share) * coverage);
}

// MLOps engineers serving the BU relative to what its production models need.
double Enterprise::mlops_staffing(std::uint32_t unit) const {
  const std::uint32_t team = serving_team(unit, Role::mlops_engineer);
  const double people = teams_[team].pool(Role::mlops_engineer).headcount;
  // The models the serving team looks after: all of them for the central team, the
  // BU's own otherwise (counted as models enter and leave production).
  const double models = static_cast<double>(team == kCentral ? in_production_.size() : in_production_of_unit_[unit]);
  return mlops_staffing_ratio(people, models, s_.lifecycle.mlops_team_minimum, s_.lifecycle.models_per_mlops);
}

double Enterprise::monitoring_coverage(std::uint32_t unit) const {
  return monitoring_share(s_.production, platform_for(unit), mlops_staffing(unit), monitoring_extra_);
}

void Enterprise::enter_production(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  const auto& p = s_.production;
  set_stage(uc, Stage::production);
  u.deployed_at = sim_.now();
  u.accuracy_start = p.accuracy_initial;
  u.accuracy_time = sim_.now();
  u.lambda = s_.switches.drift ? drift_lambda(p, units_[u.unit].data_debt) : 0.0;
  u.adoption = 0.0;
  u.version = 1;
  u.monitored = sim::bernoulli(production_, monitoring_coverage(u.unit));
  in_production_.push_back(uc);
  ++in_production_of_unit_[u.unit];
  teams_[u.home_team].experience += 1.0;
  if (s_.switches.trust) units_[u.unit].trust = trust_gain(units_[u.unit].trust, s_.trust.gain_per_success);
  sim_.schedule_in(sim::exponential(production_, 1.0 / mean_life(u.unit)),
                   Event{Event::Kind::end_of_life, uc, u.end_of_life_generation});
  u.end_of_life_pending = true;
  emit({.kind = TraceEvent::Kind::in_production, .unit = u.unit, .use_case = uc, .monitored = u.monitored});
  leave_wip(uc);
  schedule_detection(uc);
}

// Models already in production at month 0 (Scenario::initial_models): drawn like ideas of
// their unit, from their own stream (so they shift no other draw), deployed age_months
// ago, with the given accuracy, adoption and monitoring. They count in no lifecycle
// counter (they were not piloted in the run) and add nothing to the team's experience.
// Changes: use_cases_, in_production_, the statistics; schedules their end of life and
// drift detection.
void Enterprise::add_initial_models() {
  sim::Rng rng = named_stream(seed_, replication_, "initial-models");
  for (const InitialModels& m : s_.initial_models) {
    const auto unit = static_cast<std::uint32_t>(
        std::find_if(s_.business_units.begin(), s_.business_units.end(),
                     [&m](const BusinessUnit& b) { return b.name == m.business_unit; }) -
        s_.business_units.begin());
    for (int k = 0; k < m.count; ++k) {
      const std::uint32_t uc = create_use_case(unit, false, 0, rng);
      set_stage(uc, Stage::production);
      UseCase& u = use_cases_[uc];
      u.existing = true;
      u.created = -m.age_months;
      u.deployed_at = -m.age_months;
      u.accuracy_start = m.accuracy;
      u.accuracy_time = 0.0;
      u.lambda = s_.switches.drift ? drift_lambda(s_.production, units_[unit].data_debt) : 0.0;
      u.adoption = m.adoption;
      u.version = 1;
      u.monitored = m.monitored;
      in_production_.push_back(uc);
      ++in_production_of_unit_[unit];
    }
  }
  // Life spans once all are in production, so that each sees the same MLOps staffing
  // whatever its place in the list.
  for (const std::uint32_t uc : in_production_) {
    UseCase& u = use_cases_[uc];
    sim_.schedule_at(sim::exponential(rng, 1.0 / mean_life(u.unit)),
                     Event{Event::Kind::end_of_life, uc, u.end_of_life_generation});
    u.end_of_life_pending = true;
    schedule_detection(uc);
  }
}

// Mean life in production of a model deployed now in BU `unit`: models that nobody
// maintains are abandoned sooner (MODEL.md section 9: 45 % of AI systems stay in
// production three years at high maturity, 20 % at low). Maintenance is measured by the
// unit's monitoring coverage, which grows with platform maturity and MLOps staffing:
// life = end_of_life_months x (s + (1 - s) x coverage), s = unmaintained_life_share.
double Enterprise::mean_life(std::uint32_t unit) const {
  return mean_life_months(s_.production, monitoring_coverage(unit));
}

double Enterprise::accuracy_now(const UseCase& u) const {
  return accuracy_after(u.accuracy_start, s_.production.accuracy_floor, u.lambda, sim_.now() - u.accuracy_time);
}

// (Re)schedules the moment the drop is noticed: the monitoring alert for a monitored
// model, user complaints otherwise, `delay` after accuracy first falls to the threshold.
// Above the threshold the crossing is still ahead: its time follows from the closed form
// at the current drift rate (which the tick may have changed), and replaces any notice
// planned before. At or below it, accuracy got there either earlier, by decay between
// ticks (the notice planned then, at crossing + delay, is earlier and stays), or just
// now, by a shock at this tick or by starting there (the notice is due at now + delay,
// earlier than one planned for the smooth crossing, which is cancelled). So the notice is
// the earlier of the planned one and now + delay. Changes: u.detection.
void Enterprise::schedule_detection(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  if (u.drift_noticed || u.stage != Stage::production) return;
  const auto& p = s_.production;
  const double threshold = p.accuracy_initial - (u.monitored ? p.alert_drop : p.complaint_drop);
  const double delay = u.monitored ? p.alert_delay_months : p.complaint_delay_months;
  const double a = accuracy_now(u);
  if (u.detection_pending && a <= threshold && u.detection_time <= sim_.now() + delay) return;  // crossed earlier
  if (u.detection_pending) {
    ++u.detection_generation;  // cancels it
    u.detection_pending = false;
  }
  const double wait = time_to_accuracy(a, p.accuracy_floor, u.lambda, threshold);  // 0 at or below
  if (!std::isfinite(wait)) return;
  u.detection_time = sim_.now() + (wait + delay);
  sim_.schedule_in(wait + delay, Event{Event::Kind::drift_detected, uc, u.detection_generation});
  u.detection_pending = true;
}

void Enterprise::on_drift_detected(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  u.detection_pending = false;
  if (u.stage != Stage::production) return;
  u.drift_noticed = true;
  if (!u.monitored && s_.switches.trust) {
    units_[u.unit].trust = trust_loss(units_[u.unit].trust, s_.trust.loss_per_user_drift);
  }
  emit({.kind = TraceEvent::Kind::drift_noticed, .unit = u.unit, .use_case = uc, .monitored = u.monitored});
  begin_phase(uc, Phase::retraining);
}

void Enterprise::finish_retraining(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  if (u.stage != Stage::production) return;
  u.accuracy_start = s_.production.accuracy_initial;
  u.accuracy_time = sim_.now();
  u.drift_noticed = false;
  ++u.version;
  u.monitored = sim::bernoulli(production_, monitoring_coverage(u.unit));
  emit({.kind = TraceEvent::Kind::retrained, .unit = u.unit, .use_case = uc, .count = u.version});
  schedule_detection(uc);
}

void Enterprise::on_end_of_life(std::uint32_t uc) {
  use_cases_[uc].end_of_life_pending = false;
  if (use_cases_[uc].stage == Stage::production) retire(uc, TraceEvent::Kind::retired_end_of_life);
}

void Enterprise::retire(std::uint32_t uc, TraceEvent::Kind why) {
  UseCase& u = use_cases_[uc];
  set_stage(uc, Stage::retired);
  u.retired_at = sim_.now();
  // Cancels the pending detection and end of life.
  if (u.detection_pending) ++u.detection_generation;
  if (u.end_of_life_pending) ++u.end_of_life_generation;
  u.detection_pending = false;
  u.end_of_life_pending = false;
  in_production_.erase(std::find(in_production_.begin(), in_production_.end(), uc));
  --in_production_of_unit_[u.unit];
  emit({.kind = why, .unit = u.unit, .use_case = uc});
}

// Integrates every production model over the month just ended: adoption by the Bass
// closed form, value as V x mean adoption x mean g(a); re-anchors accuracy and applies
// this month's drift shocks. Returns the month's value. Changes: production use cases.
double Enterprise::integrate_production_month() {
  const double month_start = std::max(0.0, sim_.now() - 1.0);
  const auto& p = s_.production;
  double value = 0.0;
  const double phi = s_.policy(structure_).domain_fit;
  for (const std::uint32_t uc : in_production_) {
    UseCase& u = use_cases_[uc];
    const double dt = sim_.now() - std::max(month_start, u.deployed_at);
    if (dt <= 0.0) continue;
    const double trust = s_.switches.trust ? units_[u.unit].trust : s_.business_units[u.unit].trust;
    const BassRates rates = bass_rates(s_.adoption, change_management_, trust, phi);
    const double a_before = u.adoption;
    u.adoption = bass_step(u.adoption, rates.p, rates.q, dt);
    const double t_since = std::max(month_start, u.deployed_at) - u.accuracy_time;
    const double a_from = accuracy_after(u.accuracy_start, p.accuracy_floor, u.lambda, std::max(0.0, t_since));
    const double g = mean_value_factor(a_from, p.accuracy_floor, p.accuracy_initial, u.lambda, dt);
    u.last_value = u.value * 0.5 * (a_before + u.adoption) * g * dt;
    value += u.last_value;
    // Re-anchor accuracy at the tick; apply the month's shocks; the drift rate follows
    // this month's data debt.
    u.accuracy_start = accuracy_now(u);
    u.accuracy_time = sim_.now();
    if (s_.switches.drift) {
      const auto shocks = sim::poisson(production_, p.shock_rate * dt);
      for (std::uint64_t k = 0; k < shocks; ++k) {
        u.accuracy_start = std::max(p.accuracy_floor, u.accuracy_start - sim::exponential(production_, 1.0 / p.shock_drop_mean));
      }
      u.lambda = drift_lambda(p, units_[u.unit].data_debt);
    }
    schedule_detection(uc);
  }
  return value;
}

// Value-based retirement: a model past retire_min_age_months whose monthly value no
// longer pays its upkeep is switched off. Changes: the retired use cases.
void Enterprise::retire_unprofitable() {
  const std::vector<std::uint32_t> models = in_production_;
  for (const std::uint32_t uc : models) {
    const UseCase& u = use_cases_[uc];
    if (sim_.now() - u.deployed_at >= s_.production.retire_min_age_months &&
        u.last_value < s_.production.retire_value_ratio * s_.production.infrastructure_per_model) {
      retire(uc, TraceEvent::Kind::retired_low_value);
    }
  }
}

bool Enterprise::stale(const Event& e) const {
  switch (e.kind) {
    case Event::Kind::drift_detected: {
      const UseCase& u = use_cases_[e.id];
      return !u.detection_pending || e.generation != u.detection_generation;
    }
    case Event::Kind::end_of_life: {
      const UseCase& u = use_cases_[e.id];
      return !u.end_of_life_pending || e.generation != u.end_of_life_generation;
    }
    default: return false;
  }
}

}  // namespace models::enterprise
