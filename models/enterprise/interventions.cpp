// Interventions (MODEL.md section 8): hires and cuts, reorganisations, and the levers a
// scenario pulls at a given month.
#include <algorithm>
#include <vector>

#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/structure.hpp"

namespace models::enterprise {

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

}  // namespace models::enterprise
