// The text of `aiscale trace`, one case per kind of event the model emits.
#include "analysis/cli/trace_format.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

namespace analysis::cli {
namespace {

using models::enterprise::Enterprise;
using models::enterprise::Phase;
using models::enterprise::TraceEvent;

const char* phase_verb(Phase phase) {
  switch (phase) {
    case Phase::data_prep: return "data prep";
    case Phase::modeling: return "modelling";
    case Phase::pilot: return "pilot";
    case Phase::governance_review: return "governance review";
    case Phase::deployment: return "deployment";
    case Phase::retraining: return "retraining";
  }
  return "";
}

// Four characters of std::to_string's fixed six decimals: "0.53", "2.00", "12.0".
std::string short_number(double x) { return std::to_string(x).substr(0, 4); }

std::string pilot_measured(const TraceEvent& e) {
  return "pilot done: measured value " + format_money(e.value) + "/month, ";
}

}  // namespace

std::string format_money(double dollars) {
  std::ostringstream out;
  out.precision(3);
  if (std::abs(dollars) >= 1e6) {
    out << '$' << dollars / 1e6 << 'M';
  } else {
    out << '$' << dollars / 1e3 << 'k';
  }
  return out.str();
}

std::string trace_text(const Enterprise& model, const TraceEvent& e) {
  using Kind = TraceEvent::Kind;
  using models::enterprise::role_name;
  switch (e.kind) {
    case Kind::idea:
      return "idea: value " + format_money(e.value) + "/month at full adoption, difficulty " +
             short_number(e.difficulty) + (e.high_risk ? ", high risk" : "");
    case Kind::work_starts: return e.copy ? "work starts: adapting a neighbour's model" : "work starts";
    case Kind::borrows_person: return "borrows a person (" + std::string(role_name(e.role)) + ") from another team";
    case Kind::deployment_waits: return "deployment waits: deployments frozen after an incident";
    case Kind::phase_done: return std::string(phase_verb(e.phase)) + " done";
    case Kind::pilot_kill:
      return pilot_measured(e) + "decision KILL (below the bar of " + format_money(e.bar) + ")";
    case Kind::pilot_go:
    case Kind::pilot_hold: {
      std::ostringstream out;
      out.precision(2);
      out << "decision " << (e.kind == Kind::pilot_go ? "GO" : "HOLD") << " (readiness " << e.readiness << ")";
      return pilot_measured(e) + out.str();
    }
    case Kind::purgatory_go: return "purgatory review: GO";
    case Kind::purgatory_hold: return "purgatory review: HOLD";
    case Kind::purgatory_limit_kill: return "killed after the purgatory limit";
    case Kind::in_production: return std::string("in production") + (e.monitored ? ", monitored" : ", unmonitored");
    case Kind::drift_noticed: {
      std::ostringstream out;
      out.precision(3);
      out << (e.monitored ? "drift alert" : "users complain: accuracy down") << " (accuracy "
          << model.accuracy_now(model.use_cases()[static_cast<std::size_t>(e.use_case)]) << "), retraining requested";
      return out.str();
    }
    case Kind::retrained: return "retrained: version " + std::to_string(e.count);
    case Kind::retired_end_of_life: return "retired: end of life";
    case Kind::retired_low_value: return "retired: value below its upkeep";
    case Kind::hire_starts:
      return "hire starts: " + std::string(role_name(e.role)) + (e.central ? " (central team)" : "");
    case Kind::intervention_hire:
      return "intervention: hire " + std::to_string(e.count) + " " + std::string(role_name(e.role));
    case Kind::intervention_reorganise:
      return "intervention: reorganise to " + std::string(models::enterprise::structure_name(e.structure));
    case Kind::governance_incident:
      return e.frozen ? "governance incident: deployments frozen for " + short_number(e.months) + " months"
                      : "governance incident";
    case Kind::freeze_ends: return "deployment freeze ends";
    case Kind::reuse:
      return "reuse: adapting model uc-" + std::to_string(e.source) + " from " +
             model.scenario().business_units[e.source_unit].name;
  }
  return "";
}

std::string trace_line(const Enterprise& model, const TraceEvent& e) {
  char when[32];
  std::snprintf(when, sizeof when, "month %5.1f", e.time);
  std::string who =
      e.unit == TraceEvent::kEnterpriseWide ? "enterprise" : model.scenario().business_units[e.unit].name;
  if (e.use_case >= 0) who += "/uc-" + std::to_string(e.use_case);
  // As printf's "%-28s": padded to 28 characters, never cut.
  if (who.size() < 28) who.append(28 - who.size(), ' ');
  return std::string(when) + "  " + who + " " + trace_text(model, e);
}

}  // namespace analysis::cli
