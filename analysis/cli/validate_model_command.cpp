// aiscale validate-model: every docking case and published pattern (analysis/validation/),
// as a table on stdout and as Markdown in DIR/validation.md (docs/validation.md is one).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/outputs/atomic_file.hpp"
#include "analysis/cli/commands.hpp"
#include "analysis/validation/cases.hpp"

namespace analysis::cli {
namespace {

struct ValidateModelOptions {
  std::uint64_t replications = 0;
  std::uint64_t seed = 1;
  unsigned threads = 0;
  std::string out = "out/validation";
  std::string scenarios = "scenarios";
  std::vector<std::string> only;
};

void run(const ValidateModelOptions& o) {
  namespace fs = std::filesystem;
  using validation::cases;
  if (!fs::is_directory(o.scenarios)) {
    throw std::invalid_argument("--scenarios " + o.scenarios +
                                " is not a directory: run from the repository root, or point --scenarios at the "
                                "folder that holds default.json");
  }
  for (const auto& id : o.only) {
    bool known = false;
    for (const auto& c : cases()) known = known || c.id == id;
    if (!known) throw std::invalid_argument("--case " + id + " is not a validation case: see 'aiscale validate-model --list'");
  }
  std::error_code ec;
  fs::create_directories(o.out, ec);
  if (ec) throw std::invalid_argument("--out " + o.out + " cannot be created (" + ec.message() + ")");

  validation::Settings settings;
  settings.scenarios = o.scenarios;
  settings.seed = o.seed;
  settings.threads = o.threads;
  validation::Runner runner(settings);
  std::vector<validation::Outcome> outcomes;
  std::vector<validation::Case> ran;
  std::size_t failed = 0;
  for (const auto& c : cases()) {
    if (!o.only.empty() && std::find(o.only.begin(), o.only.end(), c.id) == o.only.end()) continue;
    const std::uint64_t n = o.replications > 0 ? o.replications : c.replications;
    const auto start = std::chrono::steady_clock::now();
    validation::Outcome outcome = c.run(runner, n);
    if (outcome.replications == 0) outcome.replications = n;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    failed += outcome.pass ? 0 : 1;
    std::printf("%-34s %-5s expected %s\n%34s       simulated %s  (N = %llu, %.1f s)\n", c.id.c_str(),
                outcome.pass ? "pass" : "FAIL", outcome.expected.c_str(), "", outcome.simulated.c_str(),
                static_cast<unsigned long long>(outcome.replications), seconds);
    std::fflush(stdout);
    outcomes.push_back(std::move(outcome));
    ran.push_back(c);
  }
  AtomicFile file(fs::path(o.out) / "validation.md");
  file.stream() << validation::markdown_report(ran, outcomes, settings);
  file.commit();
  std::printf("%zu of %zu cases pass; table in %s\n", outcomes.size() - failed, outcomes.size(),
              (fs::path(o.out) / "validation.md").c_str());
  if (failed > 0) {
    throw std::runtime_error(std::to_string(failed) + " validation case" + (failed == 1 ? "" : "s") + " did not pass");
  }
}

}  // namespace

void add_validate_model_command(CLI::App& app) {
  auto o = std::make_shared<ValidateModelOptions>();
  auto list = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand(
      "validate-model",
      "Runs every docking case (the simulator against closed forms: M/M/c queues, pooling,\n"
      "Little's law, Bass adoption, drift, attrition, the experience curve) and every\n"
      "published pattern the defaults must reproduce, and prints case, expected value or\n"
      "range, simulated mean with its 95 % CI, and verdict. Writes the same table as\n"
      "Markdown to DIR/validation.md. Exit code 1 if a case does not pass.");
  cmd->add_option("--reps", o->replications, "Replications for every case (default: each case's own)")
      ->check(at_least_one());
  cmd->add_option("--seed", o->seed, "Master seed")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Worker threads (0 = all cores); never changes the results")
      ->capture_default_str();
  cmd->add_option("--out", o->out, "Output directory for validation.md")->capture_default_str();
  cmd->add_option("--scenarios", o->scenarios, "Folder of the shipped scenario files")->capture_default_str();
  cmd->add_option("--case", o->only, "Run only these cases (repeatable)");
  cmd->add_flag("--list", *list, "List the cases and exit");
  cmd->callback([o, list] {
    if (*list) {
      for (const auto& c : validation::cases()) std::cout << c.id << "  " << c.what << '\n';
      return;
    }
    run(*o);
  });
}

}  // namespace analysis::cli
