// aiscale sweep / sensitivity / calibrate: the research commands over experiment files
// (docs/research.md). They run on every core and, under mpirun, on every rank.
#include <ctime>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

#include "analysis/cli/commands.hpp"
#include "analysis/research/calibration_run.hpp"
#include "analysis/research/cluster.hpp"
#include "analysis/research/sensitivity_run.hpp"
#include "analysis/research/sweep.hpp"

namespace analysis::cli {
namespace {

using research::ResearchOptions;

struct Options {
  std::string experiment;
  std::string out;
  std::uint64_t seed = 0;
  std::uint64_t replications = 0;
  unsigned threads = 0;
  bool quiet = false;
  bool force = false;
  bool resume = false;
  std::string method;
  std::string targets;
};

std::string default_out(const std::string& command, const research::Cluster& cluster) {
  // Every rank must agree on the folder: rank 0's clock decides.
  std::string name;
  if (cluster.root()) {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::ostringstream text;
    text << "out/" << command << '-' << std::put_time(&local, "%Y%m%d-%H%M%S");
    name = text.str();
  }
  return cluster.broadcast(name);
}

ResearchOptions to_research(const Options& o, CLI::App* cmd, const std::string& command,
                            const research::Cluster& cluster) {
  ResearchOptions r;
  r.experiment = o.experiment;
  if (o.resume && o.out.empty()) {
    throw std::invalid_argument("--resume needs --out: name the output folder of the interrupted run");
  }
  r.out = o.out.empty() ? default_out(command, cluster) : o.out;
  if (cmd->count("--seed") > 0) r.seed = o.seed;
  if (cmd->count("--reps") > 0) r.replications = o.replications;
  r.threads = o.threads;
  r.quiet = o.quiet;
  r.force = o.force;
  r.resume = o.resume;
  if (r.resume && r.force) throw std::invalid_argument("--resume and --force contradict each other: pick one");
  return r;
}

void print(const std::vector<std::string>& lines, const research::Cluster& cluster) {
  if (!cluster.root()) return;
  for (const std::string& line : lines) std::cout << line << '\n';
  std::cout.flush();
}

CLI::App* add_research_command(CLI::App& app, const std::string& name, const std::string& description,
                               const std::shared_ptr<Options>& o) {
  auto* cmd = app.add_subcommand(name, description);
  cmd->add_option("experiment", o->experiment, "Experiment file (docs/research.md)")->required()->type_name("EXPERIMENT");
  cmd->add_option("--out", o->out, "Output directory (default: out/" + name + "-<date>-<time>)");
  cmd->add_option("--seed", o->seed, "Master seed (default: the experiment's \"seed\")");
  cmd->add_option("--reps", o->replications, "Replications per design point (default: the experiment's)")
      ->check(at_least_one());
  cmd->add_option("--threads", o->threads, "Worker threads per process (0 = all cores); never changes the results")
      ->capture_default_str();
  cmd->add_flag("--quiet", o->quiet, "No progress bar on stderr");
  cmd->add_flag("--force", o->force, "Replace the results in an existing output directory");
  cmd->add_flag("--resume", o->resume,
                "Continue an interrupted run in --out from its journal: finished points are not run again");
  for (const char* option : {"--reps", "--seed", "--threads", "--out"}) {
    cmd->get_option(option)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  }
  return cmd;
}

}  // namespace

void add_research_commands(CLI::App& app, const research::Cluster& cluster) {
  {
    auto o = std::make_shared<Options>();
    auto* cmd = add_research_command(
        app, "sweep",
        "Runs the experiment's parameters over a full factorial grid or a Latin hypercube (its \"sweep\"\n"
        "section), each point replicated; writes points.csv (mean and 95 % CI per point and output)\n"
        "and runs.csv (every replication).",
        o);
    cmd->callback([o, cmd, &cluster] {
      print(research::run_sweep(to_research(*o, cmd, "sweep", cluster), cluster), cluster);
    });
  }
  {
    auto o = std::make_shared<Options>();
    auto* cmd = add_research_command(
        app, "sensitivity",
        "Which parameters move the outputs: Morris elementary effects (mu*, sigma) or Sobol first-order\n"
        "and total indices (Saltelli design), with bootstrap confidence intervals; writes indices.csv,\n"
        "points.csv, runs.csv and report.html (tornado charts and index tables).",
        o);
    cmd->add_option("--method", o->method, "morris or sobol")
        ->required()
        ->check(CLI::IsMember({"morris", "sobol"}));
    cmd->callback([o, cmd, &cluster] {
      print(research::run_sensitivity(to_research(*o, cmd, "sensitivity", cluster),
                                      o->method == "morris" ? research::Method::morris : research::Method::sobol,
                                      cluster),
            cluster);
    });
  }
  {
    auto o = std::make_shared<Options>();
    auto* cmd = add_research_command(
        app, "calibrate",
        "Fits the experiment's parameters (within their ranges) so that outputs match the targets file's\n"
        "values or ranges, by Nelder-Mead under common random numbers; writes calibration.json (fitted\n"
        "values, achieved outputs with 95 % CIs) and evaluations.csv.",
        o);
    cmd->add_option("--targets", o->targets, "Targets file (docs/research.md)")->required()->type_name("TARGETS");
    cmd->callback([o, cmd, &cluster] {
      print(research::run_calibration(to_research(*o, cmd, "calibrate", cluster), o->targets, cluster), cluster);
    });
  }
}

}  // namespace analysis::cli
