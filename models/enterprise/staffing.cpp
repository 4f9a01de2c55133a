// Staffing (MODEL.md section 3): a phase asks for one person of its role; pools of people
// are servers with FIFO queues; a stand-in role or a person borrowed from another team
// works at the substitution penalty.
#include "models/enterprise/staffing.hpp"

#include <limits>

#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/structure.hpp"

namespace models::enterprise {

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

PoolChoice choose_pool(std::span<const Team> teams, std::uint32_t team, Role role) {
  const auto staying = [](const Pool& p) { return p.headcount - p.moving - p.leaving; };
  PoolChoice choice{pool_id(team, role), false};
  const Pool& own = teams[team].pool(role);
  if (staying(own) > 0 || own.open_requisitions != 0) return choice;
  bool found = false;
  for (const std::uint32_t t : {team, kCentral}) {
    if (staying(teams[t].pool(role)) > 0) {
      choice.pool = pool_id(t, role);
      found = true;
      break;
    }
    for (const Role sub : substitutes_for(role)) {
      if (staying(teams[t].pool(sub)) > 0) {
        choice.pool = pool_id(t, sub);
        found = true;
        break;
      }
    }
    if (found) break;
  }
  if (!found) {
    int largest = 0;
    for (std::uint32_t t = 0; t < teams.size(); ++t) {
      if (staying(teams[t].pool(role)) > largest) {
        largest = staying(teams[t].pool(role));
        choice.pool = pool_id(t, role);
        found = true;
      }
    }
  }
  choice.stand_in = found;
  return choice;
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
  const std::uint32_t team = serving_team(u.unit, role);
  const PoolChoice choice = choose_pool(teams_, team, role);
  const std::uint32_t chosen = choice.pool;
  if (choice.stand_in && team_of_pool(chosen) != team) {
    emit({.kind = TraceEvent::Kind::borrows_person, .unit = u.unit, .use_case = uc, .role = role_of_pool(chosen)});
  }
  const double productivity = choice.stand_in ? s_.workforce.substitution_penalty : 1.0;
  Pool& pool = teams_[team_of_pool(chosen)].pool(role_of_pool(chosen));
  if (pool.free() > 0 && pool.waiting.empty()) {
    seize(uc, chosen, productivity);
  } else {
    pool.waiting.push_back(uc);
    statistics_.add_waiting(role_of_pool(chosen), 1);
  }
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

}  // namespace models::enterprise
