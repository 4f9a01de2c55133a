// The rules of the enterprise model (MODEL.md sections 1-8), one section per mechanism.
// Each rule's comment says which state it may change.
#include "models/enterprise/enterprise.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "models/enterprise/adoption.hpp"
#include "models/enterprise/drift.hpp"
#include "models/enterprise/stocks.hpp"
#include "sim/distributions.hpp"

namespace models::enterprise {
namespace {

constexpr std::uint32_t kCentral = 0;  // team 0 is the central team; team 1 + b is BU b's

std::uint32_t pool_id(std::uint32_t team, Role role) {
  return team * static_cast<std::uint32_t>(kRoleCount) + static_cast<std::uint32_t>(role);
}
std::uint32_t team_of_pool(std::uint32_t pool) { return pool / static_cast<std::uint32_t>(kRoleCount); }
Role role_of_pool(std::uint32_t pool) { return static_cast<Role>(pool % kRoleCount); }

// Roles that stand in when a team has nobody of the needed role, in order of preference.
// A stand-in works at the substitution penalty (MODEL.md section 3).
std::span<const Role> substitutes_for(Role role) {
  static constexpr Role ds[] = {Role::ml_engineer, Role::data_engineer};
  static constexpr Role de[] = {Role::data_scientist, Role::ml_engineer};
  static constexpr Role mle[] = {Role::mlops_engineer, Role::data_scientist, Role::data_engineer};
  static constexpr Role mlops[] = {Role::ml_engineer, Role::data_engineer};
  static constexpr Role pm[] = {Role::data_scientist, Role::governance};
  static constexpr Role gov[] = {Role::product_manager};
  switch (role) {
    case Role::data_scientist: return ds;
    case Role::data_engineer: return de;
    case Role::ml_engineer: return mle;
    case Role::mlops_engineer: return mlops;
    case Role::product_manager: return pm;
    case Role::governance: return gov;
  }
  return {};
}

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

// A multiplier with mean 1 and the effort's coefficient of variation.
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

sim::Rng named(std::uint64_t seed, std::uint64_t rep, std::string_view name, std::uint64_t index = 0) {
  return sim::Rng::for_stream(seed, rep, sim::mix64(sim::stream_id(name) + index));
}

std::vector<sim::Rng> per_unit(std::uint64_t seed, std::uint64_t rep, std::string_view name, std::size_t n) {
  std::vector<sim::Rng> out;
  out.reserve(n);
  for (std::size_t b = 0; b < n; ++b) out.push_back(named(seed, rep, name, b));
  return out;
}

Graph make_graph(const Scenario& s, std::uint64_t seed, std::uint64_t rep) {
  sim::Rng rng = named(seed, rep, "org-graph");
  return build_org_graph(s.graph, s.business_units, rng);
}

}  // namespace

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
      selection_(named(seed, replication, "selection")),
      decisions_(named(seed, replication, "decisions")),
      production_(named(seed, replication, "production")),
      workforce_(named(seed, replication, "workforce")),
      incidents_(named(seed, replication, "incidents")),
      reuse_(named(seed, replication, "reuse")),
      statistics_(scenario.warmup_months) {
  const auto n = static_cast<std::uint32_t>(s_.business_units.size());
  units_.resize(n);
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
// Org structure (MODEL.md section 2): which team people sit in, whose backlog an idea
// joins, which team serves a phase. Changes: teams_' pool targets and headcounts.

std::uint32_t Enterprise::home_team_of(std::uint32_t unit) const {
  return s_.policy(structure_).shared_backlog ? kCentral : 1 + unit;
}

std::uint32_t Enterprise::serving_team(std::uint32_t unit, Role role) const {
  return s_.policy(structure_).central[role] ? kCentral : 1 + unit;
}

double Enterprise::platform_for(std::uint32_t unit) const {
  return s_.policy(structure_).shared_platform ? platform_ : units_[unit].platform;
}

// Splits each role's targets (and people) between the central team and the BU teams as
// the structure says: central roles all in the centre; embedded roles over the BUs in
// proportion to their users, i.e. teams sized by BU (largest remainder, ties to the lower
// index). Free
// people move at once; busy people move when they finish (Pool::moving).
void Enterprise::allocate_people(Structure structure) {
  structure_ = structure;
  const auto& policy = s_.policy(structure);
  const std::size_t n = units_.size();
  std::vector<double> weight(n);
  for (std::size_t b = 0; b < n; ++b) weight[b] = s_.business_units[b].users;
  const double weight_sum = std::accumulate(weight.begin(), weight.end(), 0.0);

  for (const Role r : kRoles) {
    int total_target = 0;
    for (auto& t : teams_) total_target += t.pool(r).target;
    std::vector<int> target(teams_.size(), 0);
    if (policy.central[r] || weight_sum <= 0.0) {
      target[kCentral] = total_target;
    } else {
      std::vector<std::pair<double, std::size_t>> remainders;
      int placed = 0;
      for (std::size_t b = 0; b < n; ++b) {
        const double share = total_target * weight[b] / weight_sum;
        target[1 + b] = static_cast<int>(std::floor(share));
        placed += target[1 + b];
        remainders.emplace_back(share - std::floor(share), b);
      }
      std::stable_sort(remainders.begin(), remainders.end(),
                       [](const auto& a, const auto& c) { return a.first > c.first; });
      for (std::size_t k = 0; placed < total_target; ++k, ++placed) ++target[1 + remainders[k].second];
    }
    // Move people toward the new targets: first record every surplus, then fill deficits.
    int movers = 0;
    for (std::size_t t = 0; t < teams_.size(); ++t) {
      Pool& p = teams_[t].pool(r);
      p.target = target[t];
      const int surplus = p.headcount - p.moving - p.leaving - p.target;
      if (surplus > 0) {
        const int free_movers = std::min(surplus, p.free());
        p.headcount -= free_movers;
        statistics_.add_headcount(r, -free_movers);
        movers += free_movers;
        p.moving += surplus - free_movers;  // busy: move on release
      }
    }
    for (std::size_t t = 0; t < teams_.size() && movers > 0; ++t) {
      Pool& p = teams_[t].pool(r);
      const int deficit = p.target - (p.headcount - p.moving - p.leaving + p.open_requisitions);
      const int moved = std::min(deficit, movers);
      if (moved > 0) {
        p.headcount += moved;
        statistics_.add_headcount(r, moved);
        movers -= moved;
      }
    }
    // Free people no team needs any more (a cut) leave the company.
  }
}

// ---------------------------------------------------------------------------------------
// The use-case lifecycle (MODEL.md section 3).

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
  u.difficulty = sim::beta(rng, 2.0, 2.0);
  u.high_risk = sim::bernoulli(rng, std::min(1.0, l.high_risk_factor * bu.regulatory_risk));
  double expected_effort = 0.0;
  for (std::size_t ph = 0; ph < kPhaseCount; ++ph) {
    const auto phase = static_cast<Phase>(ph);
    const Effort& e = effort_spec(l, phase);
    // Harder use cases take more effort: x (1 - spread/2 + spread d), mean 1 over
    // d ~ Beta(2, 2); the default spread 1 gives 0.5 + d.
    const double by_difficulty = (1.0 - 0.5 * l.difficulty_effort_spread) + l.difficulty_effort_spread * u.difficulty;
    u.effort[ph] = e.mean * by_difficulty * effort_multiplier(rng, e);
    if (phase != Phase::retraining) expected_effort += e.mean * by_difficulty;
  }
  if (is_copy) {
    u.effort[static_cast<std::size_t>(Phase::data_prep)] *= l.reuse_effort_share;
    u.effort[static_cast<std::size_t>(Phase::modeling)] *= l.reuse_effort_share;
    u.value = use_cases_[source].value / s_.business_units[use_cases_[source].unit].value_scale * bu.value_scale;
  }
  // The value-vs-difficulty 2x2: value x feasibility / expected effort.
  const double feasibility = (1.0 - 0.5 * u.difficulty) * (0.5 + 0.5 * bu.data_quality);
  u.score = u.value * feasibility / expected_effort;
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

// A deployment may not start while its BU is frozen after an incident: it waits for the
// freeze to end (deployments already under way finish). Changes: the BU's waiting list.
bool Enterprise::deployment_frozen(std::uint32_t uc) {
  const UseCase& u = use_cases_[uc];
  if (u.job != Phase::deployment || units_[u.unit].frozen_until <= sim_.now()) return false;
  units_[u.unit].frozen_waiting.push_back(uc);
  emit({.kind = TraceEvent::Kind::deployment_waits, .unit = u.unit, .use_case = uc});
  return true;
}

// Finds the pool that serves the phase, in order of preference: the needed role in the
// serving team; if that team has nobody of the role and is not hiring one, a stand-in
// role there (at the substitution penalty); failing that, the role (then a stand-in) in
// the central team; failing that, the largest pool of the role in any team (borrowed,
// at the penalty). Seizes a free person or joins that pool's queue. If the enterprise
// has nobody who can do the work, it waits for a hire in the serving team's pool.
void Enterprise::request_person(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  if (deployment_frozen(uc)) return;
  const Role role = role_for(u.job);
  const auto staying = [](const Pool& p) { return p.headcount - p.moving - p.leaving; };
  const std::uint32_t team = serving_team(u.unit, role);
  std::uint32_t chosen = pool_id(team, role);
  double productivity = 1.0;
  const Pool& own = teams_[team].pool(role);
  if (staying(own) <= 0 && own.open_requisitions == 0) {
    bool found = false;
    for (const std::uint32_t t : {team, kCentral}) {
      if (staying(teams_[t].pool(role)) > 0) {
        chosen = pool_id(t, role);
        found = true;
        break;
      }
      for (const Role sub : substitutes_for(role)) {
        if (staying(teams_[t].pool(sub)) > 0) {
          chosen = pool_id(t, sub);
          found = true;
          break;
        }
      }
      if (found) break;
    }
    if (!found) {
      int largest = 0;
      for (std::uint32_t t = 0; t < teams_.size(); ++t) {
        if (staying(teams_[t].pool(role)) > largest) {
          largest = staying(teams_[t].pool(role));
          chosen = pool_id(t, role);
          found = true;
        }
      }
    }
    if (found && team_of_pool(chosen) != team) {
      emit({.kind = TraceEvent::Kind::borrows_person, .unit = u.unit, .use_case = uc, .role = role_of_pool(chosen)});
    }
    if (found) productivity = s_.workforce.substitution_penalty;
  }
  Pool& pool = teams_[team_of_pool(chosen)].pool(role_of_pool(chosen));
  if (pool.free() > 0 && pool.waiting.empty()) {
    seize(uc, chosen, productivity);
  } else {
    pool.waiting.push_back(uc);
    statistics_.add_waiting(role_of_pool(chosen), 1);
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
    effort *= (1.0 + s_.data_debt.prep_factor * units_[u.unit].data_debt) * (1.0 - 0.5 * bu.data_quality);
  }
  if (phase == Phase::deployment) {
    effort *= (1.0 + s_.platform.legacy_factor * bu.legacy_complexity) *
              (1.0 - s_.platform.deployment_effect * platform_for(u.unit));
  }
  if (phase == Phase::retraining && platform_for(u.unit) >= auto_retrain_threshold_) {
    effort *= s_.production.auto_retrain_effort_share;
  }
  if (s_.switches.learning) {
    const double b = -std::log2(s_.workforce.progress_ratio);
    effort *= std::pow(1.0 + teams_[u.home_team].experience, -b);
  }
  double speed = productivity;
  if (s_.switches.data_debt && worker == Role::data_engineer) {
    speed *= 1.0 - s_.data_debt.paydown_share;
  }
  return effort / speed;
}

void Enterprise::seize(std::uint32_t uc, std::uint32_t pool, double productivity) {
  UseCase& u = use_cases_[uc];
  const std::uint32_t team = team_of_pool(pool);
  ++teams_[team].pool(role_of_pool(pool)).busy;
  statistics_.seized(role_of_pool(pool), u.requested_at, sim_.now());
  u.holds_person = true;
  u.job_pool = pool;
  u.job_started = sim_.now();
  const double duration = phase_duration(uc, u.job, role_of_pool(pool), productivity);
  u.service[static_cast<std::size_t>(u.job)] += duration;
  sim_.schedule_in(duration, Event{Event::Kind::phase_done, uc});
}

// Releases the person a use case holds: they leave, move, or take the next waiting job.
void Enterprise::release(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  if (!u.holds_person) return;
  u.holds_person = false;
  effort_done_[static_cast<std::size_t>(u.job)] += sim_.now() - u.job_started;
  const std::uint32_t pool_index = u.job_pool;
  const Role r = role_of_pool(pool_index);
  Pool& p = teams_[team_of_pool(pool_index)].pool(r);
  --p.busy;
  statistics_.released(r);
  if (p.leaving > 0) {
    --p.leaving;
    --p.headcount;
    statistics_.add_headcount(r, -1);
  } else if (p.moving > 0) {
    --p.moving;
    --p.headcount;
    statistics_.add_headcount(r, -1);
    // To the team of the same role furthest below its target.
    std::uint32_t best = kCentral;
    int best_deficit = std::numeric_limits<int>::min();
    for (std::uint32_t t = 0; t < teams_.size(); ++t) {
      const Pool& q = teams_[t].pool(r);
      const int deficit = q.target - (q.headcount - q.moving - q.leaving + q.open_requisitions);
      if (deficit > best_deficit) {
        best_deficit = deficit;
        best = t;
      }
    }
    if (best_deficit > 0) {  // otherwise they were cut: they leave the company
      ++teams_[best].pool(r).headcount;
      statistics_.add_headcount(r, 1);
      serve_queue(pool_id(best, r));
    }
  }
  serve_queue(pool_index);
}

// Gives free people of a pool to the jobs waiting for them, first come first served.
void Enterprise::serve_queue(std::uint32_t pool_index) {
  Pool& p = teams_[team_of_pool(pool_index)].pool(role_of_pool(pool_index));
  while (p.free() > 0 && !p.waiting.empty()) {
    const std::uint32_t uc = p.waiting.front();
    p.waiting.pop_front();
    statistics_.add_waiting(role_of_pool(pool_index), -1);
    const UseCase& u = use_cases_[uc];
    if (u.stage == Stage::retired || !u.has_job) continue;
    if (deployment_frozen(uc)) continue;
    const bool own_work = role_for(u.job) == role_of_pool(pool_index) &&
                          team_of_pool(pool_index) == serving_team(u.unit, role_for(u.job));
    const double productivity = own_work ? 1.0 : s_.workforce.substitution_penalty;
    seize(uc, pool_index, productivity);
  }
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

// Readiness for production (MODEL.md section 3): rises with platform maturity and MLOps
// staffing, falls with legacy complexity.
double Enterprise::readiness(std::uint32_t unit) const {
  const auto& l = s_.lifecycle;
  const double r = l.readiness_base + l.readiness_platform * platform_for(unit) +
                   l.readiness_mlops * mlops_staffing(unit) -
                   l.readiness_legacy * s_.business_units[unit].legacy_complexity;
  return std::clamp(r, 0.0, 1.0);
}

// MLOps engineers serving the BU relative to what its production models need.
double Enterprise::mlops_staffing(std::uint32_t unit) const {
  const std::uint32_t team = serving_team(unit, Role::mlops_engineer);
  const double people = teams_[team].pool(Role::mlops_engineer).headcount;
  double models = 0.0;
  for (const std::uint32_t uc : in_production_) {
    if (team == kCentral || use_cases_[uc].unit == unit) models += 1.0;
  }
  const double needed = std::max(s_.lifecycle.mlops_team_minimum, models / s_.lifecycle.models_per_mlops);
  return std::min(1.0, people / needed);
}

double Enterprise::monitoring_coverage(std::uint32_t unit) const {
  const auto& p = s_.production;
  return std::clamp(p.monitoring_base + p.monitoring_platform * platform_for(unit) +
                        p.monitoring_mlops * mlops_staffing(unit) + monitoring_extra_,
                    0.0, 1.0);
}

// GO with p_go = sponsor x readiness; at a purgatory review the sponsor's interest has
// faded by purgatory_go_factor. `ready` is readiness(u.unit).
bool Enterprise::go_decision(std::uint32_t uc, double ready) {
  const UseCase& u = use_cases_[uc];
  const double fading = u.stage == Stage::purgatory ? s_.lifecycle.purgatory_go_factor : 1.0;
  const double p_go = s_.lifecycle.sponsor_support * ready * fading;
  return sim::bernoulli(decisions_, std::clamp(p_go, 0.0, 1.0));
}

// The pilot measures V_hat = V x phi x quality x noise; kill below the bar, otherwise
// go with p_go = sponsor x readiness, else hold in purgatory.
void Enterprise::decide_after_pilot(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  const auto& l = s_.lifecycle;
  const double quality = (1.0 - 0.4 * u.difficulty) / (1.0 + s_.data_debt.pilot_penalty * units_[u.unit].data_debt);
  const double noise = std::exp(sim::normal(decisions_, 0.0, l.pilot_noise_sigma));
  const double measured = u.value * s_.policy(structure_).domain_fit * quality * noise;
  const double bar = l.kill_value_ratio * s_.business_units[u.unit].value_scale;
  if (measured < bar) {
    emit({.kind = TraceEvent::Kind::pilot_kill, .unit = u.unit, .use_case = uc, .value = measured, .bar = bar});
    kill(uc);
    return;
  }
  const double ready = readiness(u.unit);
  const bool go = go_decision(uc, ready);
  emit({.kind = go ? TraceEvent::Kind::pilot_go : TraceEvent::Kind::pilot_hold, .unit = u.unit, .use_case = uc,
        .value = measured, .readiness = ready});
  if (go) {
    to_deployment(uc);
  } else {
    set_stage(uc, Stage::purgatory);
    u.purgatory_since = sim_.now();
    leave_wip(uc);
    sim_.schedule_in(l.purgatory_review_months, Event{Event::Kind::purgatory_review, uc});
  }
}

void Enterprise::on_purgatory_review(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  if (u.stage != Stage::purgatory) return;
  if (go_decision(uc, readiness(u.unit))) {
    emit({.kind = TraceEvent::Kind::purgatory_go, .unit = u.unit, .use_case = uc});
    u.in_wip = true;  // back in work, above the limit: it was started before
    ++teams_[u.home_team].wip;
    to_deployment(uc);
  } else if (sim_.now() - u.purgatory_since + 1e-9 >= s_.lifecycle.purgatory_limit_months) {
    emit({.kind = TraceEvent::Kind::purgatory_limit_kill, .unit = u.unit, .use_case = uc});
    kill(uc);
  } else {
    emit({.kind = TraceEvent::Kind::purgatory_hold, .unit = u.unit, .use_case = uc});
    sim_.schedule_in(s_.lifecycle.purgatory_review_months, Event{Event::Kind::purgatory_review, uc});
  }
}

void Enterprise::to_deployment(std::uint32_t uc) {
  begin_phase(uc, use_cases_[uc].high_risk ? Phase::governance_review : Phase::deployment);
}

void Enterprise::kill(std::uint32_t uc) {
  set_stage(uc, Stage::killed);
  leave_wip(uc);
}

// ---------------------------------------------------------------------------------------
// Production (MODEL.md section 4): accuracy decays from a0 toward a_min at a rate set by
// the BU's data debt, with shocks; monitoring detects the drop, users notice it later.

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
  teams_[u.home_team].experience += 1.0;
  if (s_.switches.trust) units_[u.unit].trust = trust_gain(units_[u.unit].trust, s_.trust.gain_per_success);
  u.end_of_life = sim_.schedule_in(sim::exponential(production_, 1.0 / mean_life(u.unit)),
                                   Event{Event::Kind::end_of_life, uc});
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
  sim::Rng rng = named(seed_, replication_, "initial-models");
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
    }
  }
  // Life spans once all are in production, so that each sees the same MLOps staffing
  // whatever its place in the list.
  for (const std::uint32_t uc : in_production_) {
    use_cases_[uc].end_of_life = sim_.schedule_at(sim::exponential(rng, 1.0 / mean_life(use_cases_[uc].unit)),
                                                  Event{Event::Kind::end_of_life, uc});
    schedule_detection(uc);
  }
}

// Mean life in production of a model deployed now in BU `unit`: models that nobody
// maintains are abandoned sooner (MODEL.md section 9: 45 % of AI systems stay in
// production three years at high maturity, 20 % at low). Maintenance is measured by the
// unit's monitoring coverage, which grows with platform maturity and MLOps staffing:
// life = end_of_life_months x (s + (1 - s) x coverage), s = unmaintained_life_share.
double Enterprise::mean_life(std::uint32_t unit) const {
  const auto& p = s_.production;
  return p.end_of_life_months * (p.unmaintained_life_share + (1.0 - p.unmaintained_life_share) * monitoring_coverage(unit));
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
  if (u.detection && a <= threshold && u.detection->time <= sim_.now() + delay) return;  // crossed earlier
  if (u.detection) {
    sim_.cancel(*u.detection);
    u.detection.reset();
  }
  const double wait = time_to_accuracy(a, p.accuracy_floor, u.lambda, threshold);  // 0 at or below
  if (!std::isfinite(wait)) return;
  u.detection = sim_.schedule_in(wait + delay, Event{Event::Kind::drift_detected, uc});
}

void Enterprise::on_drift_detected(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  u.detection.reset();
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
  use_cases_[uc].end_of_life.reset();
  if (use_cases_[uc].stage == Stage::production) retire(uc, TraceEvent::Kind::retired_end_of_life);
}

void Enterprise::retire(std::uint32_t uc, TraceEvent::Kind why) {
  UseCase& u = use_cases_[uc];
  set_stage(uc, Stage::retired);
  u.retired_at = sim_.now();
  if (u.detection) sim_.cancel(*u.detection);
  if (u.end_of_life) sim_.cancel(*u.end_of_life);
  u.detection.reset();
  u.end_of_life.reset();
  in_production_.erase(std::find(in_production_.begin(), in_production_.end(), uc));
  emit({.kind = why, .unit = u.unit, .use_case = uc});
}

// ---------------------------------------------------------------------------------------
// Workforce (MODEL.md section 1): attrition at a monthly hazard, hiring toward targets
// after a lead time, forgetting when people leave.

void Enterprise::person_leaves(std::uint32_t pool_index) {
  const std::uint32_t team = team_of_pool(pool_index);
  Pool& p = teams_[team].pool(role_of_pool(pool_index));
  const int before = teams_[team].headcount();
  if (p.free() > 0) {
    --p.headcount;
    statistics_.add_headcount(role_of_pool(pool_index), -1);
  } else {
    ++p.leaving;
  }
  if (before > 0) teams_[team].experience *= 1.0 - s_.workforce.forgetting_per_leaver / before;
}

void Enterprise::open_requisition(std::uint32_t pool_index) {
  Pool& p = teams_[team_of_pool(pool_index)].pool(role_of_pool(pool_index));
  ++p.open_requisitions;
  // Lead time: gamma with the given mean and a coefficient of variation of 0.5.
  const double lead = sim::gamma(workforce_, 4.0, s_.workforce.hiring_lead_months / 4.0);
  sim_.schedule_in(lead, Event{Event::Kind::hire_arrives, pool_index});
}

void Enterprise::on_hire_arrives(std::uint32_t pool_index) {
  Pool& p = teams_[team_of_pool(pool_index)].pool(role_of_pool(pool_index));
  --p.open_requisitions;
  if (p.headcount - p.moving - p.leaving >= p.target) return;  // target was cut meanwhile
  ++p.headcount;
  statistics_.add_headcount(role_of_pool(pool_index), 1);
  const std::uint32_t team = team_of_pool(pool_index);
  emit({.kind = TraceEvent::Kind::hire_starts, .unit = team == kCentral ? TraceEvent::kEnterpriseWide : team - 1,
        .role = role_of_pool(pool_index), .central = team == kCentral});
  serve_queue(pool_index);
}

void Enterprise::attrition() {
  if (!s_.switches.hiring_attrition) return;
  const double p_leave = 1.0 - std::exp(-s_.workforce.attrition_per_month);
  for (std::uint32_t t = 0; t < teams_.size(); ++t) {
    for (const Role r : kRoles) {
      const std::uint32_t id = pool_id(t, r);
      const int staying = teams_[t].pool(r).headcount - teams_[t].pool(r).leaving - teams_[t].pool(r).moving;
      for (int k = 0; k < staying; ++k) {
        if (sim::bernoulli(workforce_, p_leave)) {
          person_leaves(id);
          open_requisition(id);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// Interventions (MODEL.md section 8).

void Enterprise::on_intervention(std::uint32_t index) {
  const Intervention& iv = s_.interventions[index];
  switch (iv.kind) {
    case Intervention::Kind::hire: {
      // The role's total target changes and is spread as the structure says. New people
      // come by hiring (lead time); cut people leave at once if free, else when done.
      Pool& central = teams_[kCentral].pool(iv.role);
      int total_target = 0;
      for (const auto& t : teams_) total_target += t.pool(iv.role).target;
      central.target += std::max(iv.count, -total_target);
      allocate_people(structure_);
      for (std::uint32_t t = 0; t < teams_.size(); ++t) {
        Pool& p = teams_[t].pool(iv.role);
        while (p.headcount - p.moving - p.leaving + p.open_requisitions < p.target) {
          open_requisition(pool_id(t, iv.role));
        }
        while (p.headcount - p.moving - p.leaving > p.target) person_leaves(pool_id(t, iv.role));
        // People moved in by the new allocation take the jobs already waiting there.
        serve_queue(pool_id(t, iv.role));
      }
      emit({.kind = TraceEvent::Kind::intervention_hire, .count = iv.count, .role = iv.role});
      break;
    }
    case Intervention::Kind::set_structure: {
      emit({.kind = TraceEvent::Kind::intervention_reorganise, .structure = iv.structure});
      // Platforms survive a reorganisation: BU platforms are consolidated into the shared
      // one (the most mature counts), and BU teams inherit the shared one.
      if (!s_.policy(structure_).shared_platform && s_.policy(iv.structure).shared_platform) {
        for (const auto& u : units_) platform_ = std::max(platform_, u.platform);
      }
      if (s_.policy(structure_).shared_platform && !s_.policy(iv.structure).shared_platform) {
        for (auto& u : units_) u.platform = std::max(u.platform, platform_);
      }
      allocate_people(iv.structure);
      // Work moves to its new home and serving teams.
      std::vector<std::uint32_t> requeue;
      for (auto& t : teams_) {
        for (const Role r : kRoles) {
          Pool& p = t.pool(r);
          requeue.insert(requeue.end(), p.waiting.begin(), p.waiting.end());
          statistics_.add_waiting(r, -static_cast<int>(p.waiting.size()));
          p.waiting.clear();
        }
        t.backlog.clear();
        t.wip = 0;
      }
      std::sort(requeue.begin(), requeue.end());
      for (std::uint32_t uc = 0; uc < use_cases_.size(); ++uc) {
        UseCase& u = use_cases_[uc];
        u.home_team = home_team_of(u.unit);
        if (u.in_wip) ++teams_[u.home_team].wip;
        if (u.stage == Stage::backlog) teams_[u.home_team].backlog.push_back(uc);
      }
      for (const std::uint32_t uc : requeue) {
        // A retraining whose model retired while it waited is dropped, as serve_queue does.
        const UseCase& u = use_cases_[uc];
        if (u.stage == Stage::retired || !u.has_job) continue;
        request_person(uc);
      }
      for (std::uint32_t t = 0; t < teams_.size(); ++t) {
        for (const Role r : kRoles) serve_queue(pool_id(t, r));
      }
      for (std::uint32_t t = 0; t < teams_.size(); ++t) fill_team(t);
      break;
    }
    case Intervention::Kind::set_change_management: change_management_ = iv.amount; break;
    case Intervention::Kind::set_monitoring: monitoring_extra_ = iv.amount; break;
    case Intervention::Kind::set_auto_retraining: auto_retrain_threshold_ = iv.amount; break;
    case Intervention::Kind::start_platform: platform_people_extra_ += iv.amount; break;
    case Intervention::Kind::raise_governance: governance_ = std::min(1.0, governance_ + iv.amount); break;
    case Intervention::Kind::set_portfolio_discipline: portfolio_discipline_ = iv.amount; break;
  }
}

// ---------------------------------------------------------------------------------------
// The monthly tick (MODEL.md sections 4-7): production value and adoption over the month,
// slow stocks, incidents, reuse, money, and the month's record.

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

void Enterprise::update_slow_stocks() {
  const std::size_t n = units_.size();
  // Trust relaxes toward neighbours along every edge; data debt spreads along
  // shared-data edges (both edge lists built once, in the constructor).
  if (s_.switches.trust) {
    std::vector<double> trust(n);
    for (std::size_t b = 0; b < n; ++b) trust[b] = units_[b].trust;
    diffuse(trust, all_edges_.offsets, all_edges_.targets, all_edges_.weights, s_.trust.spillover_rate, 1.0);
    for (std::size_t b = 0; b < n; ++b) units_[b].trust = std::clamp(trust[b], 0.0, 1.0);
  }
  if (s_.switches.data_debt) {
    // Paydown: each BU's data engineers (or the central ones, shared by debt) spend
    // paydown_share of their month on it.
    std::vector<double> engineer_months(n, 0.0);
    const double central_de = teams_[kCentral].pool(Role::data_engineer).headcount * s_.data_debt.paydown_share;
    double total_debt = 0.0;
    for (const auto& u : units_) total_debt += u.data_debt;
    for (std::size_t b = 0; b < n; ++b) {
      engineer_months[b] = teams_[1 + b].pool(Role::data_engineer).headcount * s_.data_debt.paydown_share;
      if (total_debt > 0.0) engineer_months[b] += central_de * units_[b].data_debt / total_debt;
      units_[b].data_debt = debt_after_paydown(units_[b].data_debt, engineer_months[b], s_.data_debt);
    }
    std::vector<double> debt(n);
    for (std::size_t b = 0; b < n; ++b) debt[b] = units_[b].data_debt;
    diffuse(debt, data_edges_.offsets, data_edges_.targets, data_edges_.weights, s_.data_debt.spillover_rate, 1.0);
    for (std::size_t b = 0; b < n; ++b) units_[b].data_debt = std::max(0.0, debt[b]);
  }
  // Platform maturity: one shared platform built by the central MLOps engineers, or one
  // per BU built by its own (duplication: each grows slower).
  const auto& policy = s_.policy(structure_);
  if (policy.shared_platform) {
    const double people = teams_[kCentral].pool(Role::mlops_engineer).headcount + platform_people_extra_;
    platform_ = saturating_growth(platform_, s_.platform.build_rate * people, 1.0);
  } else {
    for (std::size_t b = 0; b < n; ++b) {
      const double people = teams_[1 + b].pool(Role::mlops_engineer).headcount +
                            platform_people_extra_ / static_cast<double>(n);
      units_[b].platform = saturating_growth(units_[b].platform, s_.platform.build_rate * people, 1.0);
    }
  }
  int governance_people = 0;
  for (const auto& t : teams_) governance_people += t.pool(Role::governance).headcount;
  governance_ = saturating_growth(governance_, s_.governance.build_rate * governance_people, 1.0);
}

// Incidents of high-risk production models at rate rho (1 - G) per model-month: cost,
// trust lost in the BU and (by weight) its neighbours, and maybe a deployment freeze.
void Enterprise::governance_incidents() {
  if (!s_.switches.incidents) return;
  const double rate = incident_rate(s_.governance, governance_);
  const std::vector<std::uint32_t> models = in_production_;
  for (const std::uint32_t uc : models) {
    const UseCase& u = use_cases_[uc];
    if (!u.high_risk) continue;
    const auto count = sim::poisson(incidents_, rate);
    for (std::uint64_t k = 0; k < count; ++k) {
      UnitState& unit = units_[u.unit];
      if (s_.switches.trust) {
        unit.trust = trust_loss(unit.trust, s_.trust.loss_per_incident);
        for (const Neighbour& nb : neighbours_.of(u.unit)) {
          units_[nb.unit].trust =
              trust_loss(units_[nb.unit].trust, s_.trust.loss_per_incident * s_.trust.neighbour_incident_share * nb.weight);
        }
      }
      const bool frozen = sim::bernoulli(incidents_, s_.governance.freeze_probability);
      if (frozen) {
        const double until = sim_.now() + s_.governance.freeze_months;
        if (until > unit.frozen_until) {
          unit.frozen_until = until;
          sim_.schedule_at(until, Event{Event::Kind::freeze_ends, u.unit});
        }
      }
      emit({.kind = TraceEvent::Kind::governance_incident, .unit = u.unit, .use_case = uc,
            .months = s_.governance.freeze_months, .frozen = frozen});
    }
  }
}

void Enterprise::on_freeze_ends(std::uint32_t unit) {
  UnitState& u = units_[unit];
  if (u.frozen_until > sim_.now()) return;  // extended by a later incident
  std::vector<std::uint32_t> waiting;
  waiting.swap(u.frozen_waiting);
  emit({.kind = TraceEvent::Kind::freeze_ends, .unit = unit});
  for (const std::uint32_t uc : waiting) begin_phase(uc, Phase::deployment);
}

// Horizontal reuse: a production model in BU b is adapted to neighbour c with
// probability 1 - exp(-rate x w x s) per month, once per neighbour.
void Enterprise::horizontal_reuse() {
  if (!s_.switches.reuse) return;
  const double s = s_.policy(structure_).standardisation;
  const std::vector<std::uint32_t> models = in_production_;
  for (const std::uint32_t uc : models) {
    if (use_cases_[uc].is_copy) continue;
    for (const Neighbour& nb : neighbours_.of(use_cases_[uc].unit)) {
      const auto& reused = use_cases_[uc].reused_by;
      if (std::find(reused.begin(), reused.end(), nb.unit) != reused.end()) continue;
      const double p = 1.0 - std::exp(-s_.lifecycle.reuse_rate * nb.weight * s);
      if (!sim::bernoulli(reuse_, p)) continue;
      use_cases_[uc].reused_by.push_back(nb.unit);
      // Copies draw from the reuse stream, so reuse never shifts the BU's own ideas.
      const std::uint32_t copy = create_use_case(nb.unit, true, uc, reuse_);
      emit({.kind = TraceEvent::Kind::reuse, .unit = nb.unit, .use_case = copy, .source = uc,
            .source_unit = use_cases_[uc].unit});
      start_work(copy);
    }
  }
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

double Enterprise::monthly_cost(double incident_cost) const {
  double cost = incident_cost + change_management_;
  for (const auto& t : teams_) {
    for (const Role r : kRoles) cost += t.pool(r).headcount * s_.workforce.monthly_cost[r];
  }
  // The extra platform builders of start_platform are MLOps engineers outside the teams'
  // pools (they build the platform and do no lifecycle work): paid like one.
  cost += platform_people_extra_ * s_.workforce.monthly_cost[Role::mlops_engineer];
  cost += static_cast<double>(in_production_.size()) * s_.production.infrastructure_per_model;
  if (s_.policy(structure_).shared_platform) {
    cost += s_.platform.infrastructure_per_month * platform_;
  } else {
    for (const auto& u : units_) cost += s_.platform.infrastructure_per_month * u.platform;  // one per BU
  }
  return cost;
}

void Enterprise::on_monthly_tick() {
  const double value = integrate_production_month();
  attrition();
  update_slow_stocks();
  governance_incidents();
  // Value-based retirement: a model past retire_min_age_months whose monthly value no
  // longer pays its upkeep is switched off.
  const std::vector<std::uint32_t> models = in_production_;
  for (const std::uint32_t uc : models) {
    const UseCase& u = use_cases_[uc];
    if (sim_.now() - u.deployed_at >= s_.production.retire_min_age_months &&
        u.last_value < s_.production.retire_value_ratio * s_.production.infrastructure_per_model) {
      retire(uc, TraceEvent::Kind::retired_low_value);
    }
  }
  horizontal_reuse();
  expire_backlog();
  for (Observer* o : observers_) o->on_month_end(*this, MonthEnd{value});
  statistics_.start_month();
}

}  // namespace models::enterprise
