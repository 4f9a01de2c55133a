// aiscale trace: the time-stamped story of one run, for teachers and researchers who
// want to see why the numbers come out as they do.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "analysis/cli/commands.hpp"
#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/scenario_io.hpp"

namespace analysis::cli {
namespace {

struct TraceOptions {
  std::string scenario;
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  std::optional<std::int64_t> use_case;
  std::string unit;
  std::string months;
};

// "A:B" -> [A, B]; either side may be empty.
std::pair<double, double> parse_months(const std::string& text) {
  if (text.empty()) return {0.0, 1e300};
  const auto colon = text.find(':');
  if (colon == std::string::npos) {
    throw std::invalid_argument("--months must look like A:B (e.g. 6:18, 12: or :24), got '" + text + "'");
  }
  const auto number = [&text](const std::string& part, double fallback) {
    if (part.empty()) return fallback;
    std::size_t used = 0;
    double v = 0.0;
    try {
      v = std::stod(part, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != part.size() || !(v >= 0.0)) {
      throw std::invalid_argument("--months must look like A:B with months >= 0, got '" + text + "'");
    }
    return v;
  };
  const double from = number(text.substr(0, colon), 0.0);
  const double to = number(text.substr(colon + 1), 1e300);
  if (to < from) throw std::invalid_argument("--months A:B needs A <= B, got '" + text + "'");
  return {from, to};
}

void run_trace(const TraceOptions& o) {
  using namespace models::enterprise;
  const auto [from, to] = parse_months(o.months);
  const Scenario scenario = load_scenario(o.scenario);
  std::optional<std::uint32_t> unit;
  if (!o.unit.empty()) {
    for (std::uint32_t b = 0; b < scenario.business_units.size(); ++b) {
      if (scenario.business_units[b].name == o.unit) unit = b;
    }
    if (!unit) {
      std::string names;
      for (const auto& bu : scenario.business_units) names += (names.empty() ? "" : ", ") + bu.name;
      throw std::invalid_argument("--bu '" + o.unit + "' is not a business unit of " + o.scenario +
                                  " (its units: " + names + ")");
    }
  }
  Enterprise enterprise(scenario, o.seed, o.replication);
  std::size_t lines = 0;
  enterprise.set_trace([&](const TraceLine& line) {
    if (line.time < from || line.time > to) return;
    if (o.use_case && line.use_case != *o.use_case) return;
    if (unit && line.unit != *unit) return;
    char when[32];
    std::snprintf(when, sizeof when, "month %5.1f", line.time);
    std::string who = line.unit == TraceLine::kEnterpriseWide ? "enterprise" : scenario.business_units[line.unit].name;
    if (line.use_case >= 0) who += "/uc-" + std::to_string(line.use_case);
    std::printf("%s  %-28s %s\n", when, who.c_str(), line.text.c_str());
    ++lines;
  });
  const RunResult result = enterprise.run();
  std::printf("-- %zu lines; %llu events; pilot-to-production %.2f, ROI %.2f at month %g\n", lines,
              static_cast<unsigned long long>(result.events), result.get(Summary::pilot_to_production),
              result.get(Summary::roi_final), scenario.horizon_months);
}

}  // namespace

void add_trace_command(CLI::App& app) {
  auto options = std::make_shared<TraceOptions>();
  auto* trace = app.add_subcommand(
      "trace",
      "Print the time-stamped story of one run of SCENARIO: ideas, phases, decisions,\n"
      "deployments, drift, incidents, hires and interventions.");
  trace->add_option("scenario", options->scenario, "Scenario file (JSON)")->required();
  trace->add_option("--seed", options->seed, "Master seed")->capture_default_str();
  trace->add_option("--replication", options->replication, "Replication index")->capture_default_str();
  auto* use_case = trace->add_option("--use-case", options->use_case, "Only this use case (the number in uc-N)");
  trace->add_option("--bu", options->unit, "Only the use cases of this business unit")->excludes(use_case);
  trace->add_option("--months", options->months, "Only months A to B, e.g. 6:18, 12: or :24");
  trace->callback([options] { run_trace(*options); });
}

}  // namespace analysis::cli
