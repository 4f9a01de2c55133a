// The use-case lifecycle (MODEL.md section 3): ideas and their backlog, the WIP limit,
// the phases from data prep to deployment and how long each takes. The go / hold / kill
// decision after a pilot is in pilot_decision.cpp; staffing the phases in staffing.cpp.
#include "models/enterprise/lifecycle.hpp"

#include <algorithm>
#include <cmath>

#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/stocks.hpp"
#include "models/enterprise/data_debt.hpp"
#include "sim/distributions.hpp"

namespace models::enterprise {

const Effort& effort_spec(const Lifecycle& l, Phase phase) {
  switch (phase) {
    case Phase::data_prep: return l.data_prep;
    case Phase::modeling: return l.modeling;
    case Phase::pilot: return l.pilot;
    case Phase::governance_review: return l.governance_review;
    case Phase::deployment: return l.deployment;
    case Phase::retraining: return l.retraining;
  }
  return l.data_prep;
}

double effort_multiplier(sim::Rng& rng, const Effort& e) {
  switch (e.distribution) {
    case EffortDistribution::deterministic: return 1.0;
    case EffortDistribution::exponential: return sim::exponential(rng, 1.0);
    case EffortDistribution::gamma:
      return e.cv > 0.0 ? sim::gamma(rng, 1.0 / (e.cv * e.cv), e.cv * e.cv) : 1.0;
    case EffortDistribution::lognormal: return sim::lognormal_mean_sd(rng, 1.0, e.cv);
  }
  return 1.0;
}

double difficulty_effort_factor(double spread, double difficulty) {
  return (1.0 - 0.5 * spread) + spread * difficulty;
}

double idea_score(double value, double difficulty, double data_quality, double expected_effort) {
  const double feasibility = (1.0 - 0.5 * difficulty) * (0.5 + 0.5 * data_quality);
  return value * feasibility / expected_effort;
}

double data_prep_multiplier(double prep_factor, double data_debt, double data_quality) {
  return (1.0 + prep_factor * data_debt) * (1.0 - 0.5 * data_quality);
}

double deployment_multiplier(const Platform& platform, double legacy_complexity, double maturity) {
  return (1.0 + platform.legacy_factor * legacy_complexity) * (1.0 - platform.deployment_effect * maturity);
}

double experience_multiplier(double progress_ratio, double experience) {
  const double b = -std::log2(progress_ratio);
  return std::pow(1.0 + experience, -b);
}

// A new idea in BU `unit` (or a copy of model `source` adapted to it): draws its value,
// difficulty, risk class and efforts. Changes: use_cases_.
std::uint32_t Enterprise::create_use_case(std::uint32_t unit, bool is_copy, std::uint32_t source, sim::Rng& rng) {
  const auto& bu = s_.business_units[unit];
  const auto& l = s_.lifecycle;
  UseCase u;
  u.unit = unit;
  u.is_copy = is_copy;
  u.created = sim_.now();
  u.value = bu.value_scale * std::exp(sim::normal(rng, 0.0, l.value_sigma));
  u.difficulty = sim::beta(rng, kDifficultyBeta, kDifficultyBeta);
  u.high_risk = sim::bernoulli(rng, std::min(1.0, l.high_risk_factor * bu.regulatory_risk));
  double expected_effort = 0.0;
  for (std::size_t ph = 0; ph < kPhaseCount; ++ph) {
    const auto phase = static_cast<Phase>(ph);
    const Effort& e = effort_spec(l, phase);
    const double by_difficulty = difficulty_effort_factor(l.difficulty_effort_spread, u.difficulty);
    u.effort[ph] = e.mean * by_difficulty * effort_multiplier(rng, e);
    if (phase != Phase::retraining) expected_effort += e.mean * by_difficulty;
  }
  if (is_copy) {
    u.effort[static_cast<std::size_t>(Phase::data_prep)] *= l.reuse_effort_share;
    u.effort[static_cast<std::size_t>(Phase::modeling)] *= l.reuse_effort_share;
    u.value = use_cases_[source].value / s_.business_units[use_cases_[source].unit].value_scale * bu.value_scale;
  }
  u.score = idea_score(u.value, u.difficulty, bu.data_quality, expected_effort);
  u.home_team = home_team_of(unit);
  u.stage_since = u.created;
  statistics_.enter(Stage::backlog, sim_.now());
  use_cases_.push_back(std::move(u));
  return static_cast<std::uint32_t>(use_cases_.size() - 1);
}

// Every stage change goes through here, so the stage statistics see each entry and exit.
// Staying in the same stage (a deployment that begins again after a freeze) is no
// change. Changes: the use case's stage and stage_since, the statistics.
void Enterprise::set_stage(std::uint32_t uc, Stage stage) {
  UseCase& u = use_cases_[uc];
  if (u.stage == stage) return;
  statistics_.leave(u.stage, u.stage_since, sim_.now());
  statistics_.enter(stage, sim_.now());
  u.stage = stage;
  u.stage_since = sim_.now();
}

void Enterprise::on_idea_arrival(std::uint32_t unit) {
  const auto& bu = s_.business_units[unit];
  sim_.schedule_in(sim::exponential(arrivals_[unit], bu.idea_rate), Event{Event::Kind::idea_arrival, unit});
  const std::uint32_t uc = create_use_case(unit, false, 0, ideas_[unit]);
  UseCase& u = use_cases_[uc];
  teams_[u.home_team].backlog.push_back(uc);
  emit({.kind = TraceEvent::Kind::idea, .unit = unit, .use_case = uc, .value = u.value, .difficulty = u.difficulty,
        .high_risk = u.high_risk});
  fill_team(u.home_team);
}

// Starts backlog ideas while the team is under its WIP limit. With probability
// `portfolio_discipline` the best-scoring idea is chosen, otherwise the oldest (pilots
// chosen by enthusiasm). Changes: the team's backlog and WIP, the chosen use cases.
void Enterprise::fill_team(std::uint32_t team) {
  Team& t = teams_[team];
  // A team with nobody in it starts nothing: its ideas wait, then expire.
  const int limit = static_cast<int>(std::ceil(s_.lifecycle.wip_per_person * t.headcount()));
  while (t.wip < limit && !t.backlog.empty()) {
    auto pick = t.backlog.begin();
    if (sim::bernoulli(selection_, portfolio_discipline_)) {
      pick = std::max_element(t.backlog.begin(), t.backlog.end(), [this](std::uint32_t a, std::uint32_t b) {
        return use_cases_[a].score < use_cases_[b].score;
      });
    }
    const std::uint32_t uc = *pick;
    t.backlog.erase(pick);
    start_work(uc);
  }
}

void Enterprise::start_work(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  u.in_wip = true;
  ++teams_[u.home_team].wip;
  emit({.kind = TraceEvent::Kind::work_starts, .unit = u.unit, .use_case = uc, .copy = u.is_copy});
  begin_phase(uc, Phase::data_prep);
}

void Enterprise::leave_wip(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  if (!u.in_wip) return;
  u.in_wip = false;
  --teams_[u.home_team].wip;
  fill_team(u.home_team);
}

// A phase begins: the use case moves to its stage and, after the structure's
// coordination delay, asks for a person. Deployments wait while the BU is frozen.
void Enterprise::begin_phase(std::uint32_t uc, Phase phase) {
  UseCase& u = use_cases_[uc];
  u.job = phase;
  u.has_job = true;
  u.holds_person = false;
  switch (phase) {
    case Phase::data_prep: set_stage(uc, Stage::data_prep); break;
    case Phase::modeling: set_stage(uc, Stage::modeling); break;
    case Phase::pilot: set_stage(uc, Stage::pilot); break;
    case Phase::governance_review: set_stage(uc, Stage::governance_review); break;
    case Phase::deployment: set_stage(uc, Stage::deployment); break;
    case Phase::retraining: break;  // stays in production
  }
  const double delay = s_.policy(structure_).coordination_delay_months;
  // The moment the phase asks for a person, from which its wait is measured (schedule_in
  // fires coordination_done at exactly this time). A job requeued by a reorganisation
  // keeps it.
  u.requested_at = sim_.now() + delay;
  if (delay > 0.0) {
    sim_.schedule_in(delay, Event{Event::Kind::coordination_done, uc});
  } else {
    request_person(uc);
  }
}

void Enterprise::on_coordination_done(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  if (u.stage == Stage::retired) return;
  request_person(uc);
}

void Enterprise::on_phase_done(std::uint32_t uc) {
  release(uc);
  UseCase& u = use_cases_[uc];
  const Phase done = u.job;
  u.has_job = false;
  if (done != Phase::pilot && done != Phase::deployment && done != Phase::retraining) {
    emit({.kind = TraceEvent::Kind::phase_done, .unit = u.unit, .use_case = uc, .phase = done});
  }
  switch (done) {
    case Phase::data_prep:
      if (s_.switches.data_debt) {
        units_[u.unit].data_debt += debt_added(s_.data_debt, s_.policy(structure_).standardisation);
      }
      begin_phase(uc, Phase::modeling);
      break;
    case Phase::modeling: begin_phase(uc, Phase::pilot); break;
    case Phase::pilot: decide_after_pilot(uc); break;
    case Phase::governance_review: begin_phase(uc, Phase::deployment); break;
    case Phase::deployment: enter_production(uc); break;
    case Phase::retraining: finish_retraining(uc); break;
  }
}

// Effort x multipliers / productivity (MODEL.md section 3): data prep slowed by debt and
// helped by data quality, deployment slowed by legacy and sped by the platform, every
// phase on the team's experience curve. Data engineers give `paydown_share` of their
// time to paying debt down.
double Enterprise::phase_duration(std::uint32_t uc, Phase phase, Role worker, double productivity) const {
  const UseCase& u = use_cases_[uc];
  const auto& bu = s_.business_units[u.unit];
  double effort = u.effort[static_cast<std::size_t>(phase)];
  if (phase == Phase::data_prep) {
    effort *= data_prep_multiplier(s_.data_debt.prep_factor, units_[u.unit].data_debt, bu.data_quality);
  }
  if (phase == Phase::deployment) {
    effort *= deployment_multiplier(s_.platform, bu.legacy_complexity, platform_for(u.unit));
  }
  if (phase == Phase::retraining && platform_for(u.unit) >= auto_retrain_threshold_) {
    effort *= s_.production.auto_retrain_effort_share;
  }
  if (s_.switches.learning) {
    effort *= experience_multiplier(s_.workforce.progress_ratio, teams_[u.home_team].experience);
  }
  double speed = productivity;
  if (s_.switches.data_debt && worker == Role::data_engineer) {
    speed *= 1.0 - s_.data_debt.paydown_share;
  }
  return effort / speed;
}

void Enterprise::expire_backlog() {
  for (auto& t : teams_) {
    std::erase_if(t.backlog, [this](std::uint32_t uc) {
      if (sim_.now() - use_cases_[uc].created <= s_.lifecycle.backlog_expiry_months) return false;
      set_stage(uc, Stage::expired);
      return true;
    });
  }
}

}  // namespace models::enterprise
