#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include <chrono>

#include "analysis/cli/commands.hpp"
#include "analysis/cli/trace_format.hpp"
#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/recorder.hpp"
#include "models/enterprise/scenario_io.hpp"
#include "models/phold/phold.hpp"

namespace analysis::cli {
namespace {

struct PholdOptions {
  models::phold::Config config;
  std::string loop = "engine";
  unsigned arity = 4;
};

void run_phold(const PholdOptions& options) {
  const auto& c = options.config;
  const bool engine = options.loop == "engine";
  const auto result = engine ? models::phold::run_engine(c, options.arity)
                             : models::phold::run_handwritten(c);
  const std::string loop_name = engine
      ? "aiscale engine (" + std::to_string(options.arity) + "-ary heap)"
      : "hand-written binary-heap loop";
  std::cout << "PHOLD on the " << loop_name << ": " << c.lps << " LPs x " << c.start_events
            << " start events, end time " << c.end_time << ", seed " << c.seed << '\n';
  const double rate = result.seconds > 0.0 ? static_cast<double>(result.events) / result.seconds : 0.0;
  char line[160];
  std::snprintf(line, sizeof line, "events=%llu seconds=%.6f events_per_second=%.0f",
                static_cast<unsigned long long>(result.events), result.seconds, rate);
  std::cout << line << std::endl;
}

struct ModelOptions {
  std::string scenario;
  std::uint64_t replications = 200;
  std::uint64_t seed = 1;
  std::string observers = "recorder";
};

// Formats every event the model emits into its trace line and throws the text away: the
// cost of a trace that prints nothing.
class TraceFormatter final : public models::enterprise::Observer {
 public:
  void on_event(const models::enterprise::Enterprise& model, const models::enterprise::TraceEvent& e) override {
    characters_ += trace_line(model, e).size();
  }
  void on_month_end(const models::enterprise::Enterprise&, const models::enterprise::MonthEnd&) override {}
  [[nodiscard]] std::size_t characters() const { return characters_; }

 private:
  std::size_t characters_ = 0;
};

// One replication observed as `observers` says; returns its events. `checksum` gains a
// number that depends on the run, so the work cannot be optimised away.
std::uint64_t run_one(const models::enterprise::Scenario& scenario, const ModelOptions& options, std::uint64_t rep,
                      double& checksum) {
  using namespace models::enterprise;
  Enterprise model(scenario, options.seed, rep);
  if (options.observers == "none") {
    model.run();
    checksum += static_cast<double>(model.use_cases().size());
    return model.events_handled();
  }
  Recorder recorder(scenario);
  TraceFormatter formatter;
  model.add_observer(recorder);
  if (options.observers == "trace") model.add_observer(formatter);
  model.run();
  const RunResult result = recorder.finish(model);
  checksum += result.get(Summary::pilots_launched) + static_cast<double>(formatter.characters() % 2);
  return result.events;
}

// Runs the replications one after another on one thread: the cost of one replication.
void run_model(const ModelOptions& options) {
  using namespace models::enterprise;
  const Scenario scenario = load_scenario(options.scenario);
  std::uint64_t events = 0;
  double checksum = 0.0;  // keeps the work observable
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t rep = 0; rep < options.replications; ++rep) events += run_one(scenario, options, rep, checksum);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double reps = static_cast<double>(options.replications);
  std::cout << "enterprise model: " << options.scenario << ", " << options.replications
            << " replications on one thread, seed " << options.seed << ", observers: " << options.observers
            << ", checksum " << checksum / reps << "\n";
  char line[240];
  std::snprintf(line, sizeof line,
                "replications=%llu events_per_replication=%.1f ms_per_replication=%.4f us_per_event=%.3f",
                static_cast<unsigned long long>(options.replications), static_cast<double>(events) / reps,
                1000.0 * seconds / reps, events > 0 ? 1e6 * seconds / static_cast<double>(events) : 0.0);
  std::cout << line << std::endl;
}

}  // namespace

void add_bench_command(CLI::App& app) {
  auto* bench = app.add_subcommand("bench", "Benchmarks of the simulation engine.");
  bench->require_subcommand(1);

  auto options = std::make_shared<PholdOptions>();
  auto* phold = bench->add_subcommand(
      "phold",
      "PHOLD: N logical processes each start with S events; handling an event at time t\n"
      "schedules one at a uniformly random LP at t + Exp(mean 1); events at or after the\n"
      "end time are not handled. The last line printed is\n"
      "'events=<handled> seconds=<loop wall time> events_per_second=<rate>'.");
  phold->add_option("--lps", options->config.lps, "Number of logical processes N (>= 1)")
      ->capture_default_str()->check(at_least_one());
  phold->add_option("--start-events", options->config.start_events,
                    "Events per LP at the start S (>= 1)")
      ->capture_default_str()->check(at_least_one());
  phold->add_option("--end", options->config.end_time,
                    "End time T: events at or after T are not handled (> 0)")
      ->capture_default_str()->check(at_least_one());
  phold->add_option("--seed", options->config.seed, "Master seed of the random stream")
      ->capture_default_str();
  phold->add_option("--loop", options->loop,
                    "Event loop: 'engine' (aiscale's sim::Simulator) or 'handwritten' (a\n"
                    "minimal binary-heap loop with no tie-breaking or cancellation: the yardstick)")
      ->capture_default_str()->check(CLI::IsMember({"engine", "handwritten"}));
  phold->add_option("--arity", options->arity, "Heap arity of the engine's calendar (2 or 4)")
      ->capture_default_str()->check(CLI::IsMember({2U, 4U}));
  phold->callback([options] { run_phold(*options); });

  auto model_options = std::make_shared<ModelOptions>();
  auto* model = bench->add_subcommand(
      "model",
      "Times the enterprise model: runs N replications of SCENARIO one after another on one\n"
      "thread. The last line printed is\n"
      "'replications=<N> events_per_replication=<mean> ms_per_replication=<wall time / N>\n"
      "us_per_event=<wall time / events>'.");
  model->add_option("scenario", model_options->scenario, "Scenario file (JSON)")->required();
  model->add_option("--reps", model_options->replications, "Replications N (>= 1)")
      ->capture_default_str()->check(at_least_one());
  model->add_option("--seed", model_options->seed, "Master seed")->capture_default_str();
  model->add_option("--observers", model_options->observers,
                    "Who watches the model: 'recorder' (what every run records), 'none' (the model\n"
                    "alone: nobody listens to its events) or 'trace' (the recorder, and every event\n"
                    "formatted into its trace line, as aiscale trace does, without printing)")
      ->capture_default_str()->check(CLI::IsMember({"none", "recorder", "trace"}));
  model->callback([model_options] { run_model(*model_options); });
}

}  // namespace analysis::cli
