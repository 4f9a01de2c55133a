// Tests analysis/cli/trace_format.hpp: the text of each kind of event the model emits.
#include "analysis/cli/trace_format.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "models/enterprise/scenario_io.hpp"

using namespace models::enterprise;
using analysis::cli::format_money;
using analysis::cli::trace_line;
using analysis::cli::trace_text;

namespace {

Scenario default_scenario() { return load_scenario(std::string(AISCALE_SOURCE_DIR) + "/scenarios/default.json"); }

TraceEvent event(TraceEvent::Kind kind) {
  TraceEvent e;
  e.kind = kind;
  return e;
}

}  // namespace

TEST_CASE("money is shown in thousands or millions with three significant digits", "[trace]") {
  CHECK(format_money(85234.0) == "$85.2k");
  CHECK(format_money(1.5e6) == "$1.5M");
  CHECK(format_money(-2.25e6) == "$-2.25M");
  CHECK(format_money(999.0) == "$0.999k");
}

TEST_CASE("each decision of a pilot has its text", "[trace]") {
  const Scenario s = default_scenario();
  const Enterprise model(s, 1, 0);
  TraceEvent kill = event(TraceEvent::Kind::pilot_kill);
  kill.value = 12000.0;
  kill.bar = 48000.0;
  CHECK(trace_text(model, kill) == "pilot done: measured value $12k/month, decision KILL (below the bar of $48k)");
  TraceEvent go = event(TraceEvent::Kind::pilot_go);
  go.value = 250000.0;
  go.readiness = 0.6234;
  CHECK(trace_text(model, go) == "pilot done: measured value $250k/month, decision GO (readiness 0.62)");
  go.kind = TraceEvent::Kind::pilot_hold;
  CHECK(trace_text(model, go) == "pilot done: measured value $250k/month, decision HOLD (readiness 0.62)");
}

TEST_CASE("ideas incidents hires and reuse have their texts", "[trace]") {
  const Scenario s = default_scenario();
  const Enterprise model(s, 1, 0);
  TraceEvent idea = event(TraceEvent::Kind::idea);
  idea.value = 123456.0;
  idea.difficulty = 0.53219;
  idea.high_risk = true;
  CHECK(trace_text(model, idea) == "idea: value $123k/month at full adoption, difficulty 0.53, high risk");
  TraceEvent incident = event(TraceEvent::Kind::governance_incident);
  CHECK(trace_text(model, incident) == "governance incident");
  incident.frozen = true;
  incident.months = 2.0;
  CHECK(trace_text(model, incident) == "governance incident: deployments frozen for 2.00 months");
  TraceEvent hire = event(TraceEvent::Kind::hire_starts);
  hire.role = Role::mlops_engineer;
  hire.central = true;
  CHECK(trace_text(model, hire) == "hire starts: mlops_engineer (central team)");
  TraceEvent reuse = event(TraceEvent::Kind::reuse);
  reuse.source = 7;
  reuse.source_unit = 0;
  CHECK(trace_text(model, reuse) == "reuse: adapting model uc-7 from " + s.business_units[0].name);
}

TEST_CASE("a trace line pads who it is about to 28 characters", "[trace]") {
  const Scenario s = default_scenario();
  const Enterprise model(s, 1, 0);
  TraceEvent e = event(TraceEvent::Kind::freeze_ends);
  e.time = 12.3;
  e.unit = 0;
  const std::string who = s.business_units[0].name;
  CHECK(trace_line(model, e) == "month  12.3  " + who + std::string(28 - who.size(), ' ') + " deployment freeze ends");
  e.unit = TraceEvent::kEnterpriseWide;
  e.use_case = -1;
  CHECK(trace_line(model, e).starts_with("month  12.3  enterprise "));
  e.unit = 0;
  e.use_case = 3;
  CHECK(trace_line(model, e).find(who + "/uc-3 ") != std::string::npos);
}
