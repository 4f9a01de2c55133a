// Governance (MODEL.md section 5): maturity grown by governance people; incidents of
// high-risk production models, their trust loss and the deployment freezes they cause.
#include "models/enterprise/governance.hpp"

#include <vector>

#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/stocks.hpp"
#include "models/enterprise/trust.hpp"
#include "sim/distributions.hpp"

namespace models::enterprise {

double incident_rate(const Governance& governance, double maturity) {
  return governance.incident_rate * (1.0 - maturity);
}

// Governance maturity grows toward 1 at governance.build_rate x governance people (all
// teams). Changes: governance_.
void Enterprise::update_governance_maturity() {
  int governance_people = 0;
  for (const auto& t : teams_) governance_people += t.pool(Role::governance).headcount;
  governance_ = saturating_growth(governance_, s_.governance.build_rate * governance_people, 1.0);
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

}  // namespace models::enterprise
