// aiscale trace: the time-stamped story of one run, for teachers and researchers who
// want to see why the numbers come out as they do.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "analysis/cli/commands.hpp"
#include "analysis/cli/trace_format.hpp"
#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/recorder.hpp"
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

// Prints the events that pass the filters, one line each, as they are told.
class TracePrinter final : public models::enterprise::Observer {
 public:
  TracePrinter(double from, double to, std::optional<std::int64_t> use_case, std::optional<std::uint32_t> unit)
      : from_(from), to_(to), use_case_(use_case), unit_(unit) {}

  void on_event(const models::enterprise::Enterprise& model, const models::enterprise::TraceEvent& e) override {
    if (e.time < from_ || e.time > to_) return;
    if (use_case_ && e.use_case != *use_case_) return;
    if (unit_ && e.unit != *unit_) return;
    std::printf("%s\n", trace_line(model, e).c_str());
    ++lines_;
  }
  void on_month_end(const models::enterprise::Enterprise&, const models::enterprise::MonthEnd&) override {}
  [[nodiscard]] std::size_t lines() const { return lines_; }

 private:
  double from_;
  double to_;
  std::optional<std::int64_t> use_case_;
  std::optional<std::uint32_t> unit_;
  std::size_t lines_ = 0;
};

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
  Recorder recorder(scenario);
  TracePrinter printer(from, to, o.use_case, unit);
  enterprise.add_observer(recorder);
  enterprise.add_observer(printer);
  enterprise.run();
  const RunResult result = recorder.finish(enterprise);
  const std::size_t lines = printer.lines();
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
