// Workforce (MODEL.md section 1): attrition at a monthly hazard, hiring toward targets
// after a lead time, forgetting when people leave.
#include "models/enterprise/workforce.hpp"

#include <cmath>

#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/structure.hpp"
#include "sim/distributions.hpp"

namespace models::enterprise {

double hiring_lead_time(sim::Rng& rng, double mean_months) {
  return sim::gamma(rng, kHiringLeadShape, mean_months / kHiringLeadShape);
}

double leave_probability(double attrition_per_month) { return 1.0 - std::exp(-attrition_per_month); }

double experience_after_leaver(double experience, double forgetting_per_leaver, int headcount_before) {
  return experience * (1.0 - forgetting_per_leaver / headcount_before);
}

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
  if (before > 0) teams_[team].experience = experience_after_leaver(teams_[team].experience, s_.workforce.forgetting_per_leaver, before);
}

void Enterprise::open_requisition(std::uint32_t pool_index) {
  Pool& p = teams_[team_of_pool(pool_index)].pool(role_of_pool(pool_index));
  ++p.open_requisitions;
  const double lead = hiring_lead_time(workforce_, s_.workforce.hiring_lead_months);
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
  const double p_leave = leave_probability(s_.workforce.attrition_per_month);
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

}  // namespace models::enterprise
