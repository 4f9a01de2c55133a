// aiscale run / aiscale compare: replicated runs with uncertainty, written as the output
// contract (docs/outputs.md).
#include <ctime>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "analysis/cli/commands.hpp"
#include "analysis/comparison/comparison.hpp"

namespace analysis::cli {
namespace {

struct RunOptions {
  std::vector<std::string> scenarios;
  std::uint64_t replications = 200;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  std::string out;
  bool force = false;
  bool quiet = false;
};

// out/<command>-<local date and time>: a new directory for every run by default.
std::string default_out(const std::string& command) {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  std::ostringstream name;
  name << "out/" << command << '-' << std::put_time(&local, "%Y%m%d-%H%M%S");
  return name.str();
}

void run(const RunOptions& o, const std::string& command) {
  ComparisonPlan plan;
  for (const auto& s : o.scenarios) plan.scenarios.emplace_back(s);
  plan.replications = o.replications;
  plan.seed = o.seed;
  plan.threads = o.threads;
  plan.out = o.out.empty() ? default_out(command) : o.out;
  plan.force = o.force;
  plan.progress = !o.quiet;
  const unsigned threads = o.threads == 0 ? std::max(1U, std::thread::hardware_concurrency()) : o.threads;
  if (!o.quiet) {
    std::cerr << "aiscale " << command << ": " << o.replications << " replications of " << o.scenarios.size()
              << (o.scenarios.size() == 1 ? " scenario" : " scenarios") << ", seed " << o.seed << ", " << threads
              << (threads == 1 ? " thread" : " threads") << '\n';
  }
  const ComparisonOutcome outcome = run_comparison(plan);
  for (const auto& line : outcome.headline) std::cout << line << '\n';
  std::cout << "results in " << outcome.out.string() << " (";
  for (std::size_t i = 0; i < outcome.files.size(); ++i) std::cout << (i ? ", " : "") << outcome.files[i];
  std::cout << ")\nopen " << (outcome.out / "report.html").string() << " in a browser to read the report" << std::endl;
}

void add_options(CLI::App* cmd, const std::shared_ptr<RunOptions>& o) {
  cmd->add_option("--reps", o->replications, "Replications per scenario (>= 1)")
      ->capture_default_str()->check(at_least_one());
  cmd->add_option("--seed", o->seed, "Master seed: replication r of every scenario uses (seed, r)")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "Worker threads (0 = all cores); never changes the results")
      ->capture_default_str();
  cmd->add_option("--out", o->out, "Output directory (default: out/<command>-<date>-<time>)");
  cmd->add_flag("--force", o->force, "Replace the results in an existing output directory");
  cmd->add_flag("--quiet", o->quiet, "No progress bar or start line on stderr");
  // An option given twice takes its last value, so wrappers (scripts/main.sh) can set
  // defaults that the user's own arguments override.
  for (const char* name : {"--reps", "--seed", "--threads", "--out"}) {
    cmd->get_option(name)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  }
}

}  // namespace

void add_run_command(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand(
      "run",
      "Run replications of one scenario and write summary.json, timeseries.csv,\n"
      "replications.csv and report.html (a page to open in a browser).");
  cmd->add_option("scenario", o->scenarios, "Scenario file (JSON)")->required()->expected(1);
  add_options(cmd, o);
  cmd->callback([o] { run(*o, "run"); });
}

void add_compare_command(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand(
      "compare",
      "Compare scenarios under common random numbers: the first is the baseline; each other\n"
      "scenario gets paired differences (mean with 95 % CI, share of replications better)\n"
      "for ROI, NPV, break-even month and pilot-to-production. Writes the same files as run,\n"
      "with the comparison in summary.json and report.html.");
  cmd->add_option("scenarios", o->scenarios, "Scenario files (JSON), baseline first")->required()->expected(2, -1);
  add_options(cmd, o);
  cmd->callback([o] { run(*o, "compare"); });
}

}  // namespace analysis::cli
