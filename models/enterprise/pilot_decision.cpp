// The decision after a pilot (MODEL.md section 3): kill below the value bar, otherwise go
// to deployment or hold in purgatory, reviewed until a go or the purgatory limit.
#include "models/enterprise/pilot_decision.hpp"

#include <algorithm>
#include <cmath>

#include "models/enterprise/enterprise.hpp"
#include "sim/distributions.hpp"

namespace models::enterprise {

double production_readiness(const Lifecycle& l, double platform, double mlops_staffing, double legacy_complexity) {
  const double r = l.readiness_base + l.readiness_platform * platform + l.readiness_mlops * mlops_staffing -
                   l.readiness_legacy * legacy_complexity;
  return std::clamp(r, 0.0, 1.0);
}

double pilot_quality(double difficulty, double pilot_penalty, double data_debt) {
  return (1.0 - kPilotDifficultyLoss * difficulty) / (1.0 + pilot_penalty * data_debt);
}

double pilot_measurement(double value, double domain_fit, double quality, double noise) {
  return value * domain_fit * quality * noise;
}

double go_probability(double sponsor_support, double readiness, double fading) {
  return std::clamp(sponsor_support * readiness * fading, 0.0, 1.0);
}

// Readiness for production (MODEL.md section 3): rises with platform maturity and MLOps
// staffing, falls with legacy complexity.
double Enterprise::readiness(std::uint32_t unit) const {
  return production_readiness(s_.lifecycle, platform_for(unit), mlops_staffing(unit),
                              s_.business_units[unit].legacy_complexity);
}

// GO with p_go = sponsor x readiness; at a purgatory review the sponsor's interest has
// faded by purgatory_go_factor. `ready` is readiness(u.unit).
bool Enterprise::go_decision(std::uint32_t uc, double ready) {
  const UseCase& u = use_cases_[uc];
  const double fading = u.stage == Stage::purgatory ? s_.lifecycle.purgatory_go_factor : 1.0;
  return sim::bernoulli(decisions_, go_probability(s_.lifecycle.sponsor_support, ready, fading));
}

// The pilot measures V_hat = V x phi x quality x noise; kill below the bar, otherwise
// go with p_go = sponsor x readiness, else hold in purgatory.
void Enterprise::decide_after_pilot(std::uint32_t uc) {
  UseCase& u = use_cases_[uc];
  const auto& l = s_.lifecycle;
  const double quality = pilot_quality(u.difficulty, s_.data_debt.pilot_penalty, units_[u.unit].data_debt);
  const double noise = std::exp(sim::normal(decisions_, 0.0, l.pilot_noise_sigma));
  const double measured = pilot_measurement(u.value, s_.policy(structure_).domain_fit, quality, noise);
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

}  // namespace models::enterprise
