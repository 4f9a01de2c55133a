#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>

#include "analysis/cli/commands.hpp"
#include "analysis/research/cluster.hpp"

namespace analysis::cli {
namespace {

// CLI11 reports a mistyped command as "A subcommand is required", which does not name
// the culprit. Walk the leading words along the command tree and name the first one
// that is not a command, with the commands that would fit.
bool report_unknown_command(const CLI::App& app, int argc, char** argv) {
  const CLI::App* current = &app;
  std::string path = "aiscale";
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word.empty() || word[0] == '-') return false;
    const auto subcommands = current->get_subcommands([](const CLI::App*) { return true; });
    if (subcommands.empty()) return false;  // a positional argument of a leaf command
    const CLI::App* next = nullptr;
    std::string names;
    for (const CLI::App* sub : subcommands) {
      if (sub->get_name() == word) next = sub;
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    if (next == nullptr) {
      std::cerr << "aiscale: error: unknown command '" << word << "' for '" << path
                << "'. Commands: " << names << ". Run '" << path << " --help'.\n";
      return true;
    }
    current = next;
    path += " " + word;
  }
  return false;
}

}  // namespace

int run(int argc, char** argv, const research::Cluster& cluster) {
  CLI::App app{
      "aiscale: a discrete-event, agent-based simulator of how enterprises scale AI from\n"
      "pilots to production.",
      "aiscale"};
  app.set_version_flag("--version", "aiscale " AISCALE_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'aiscale <command> --help' for the options of one command.");
  add_run_command(app);
  add_compare_command(app);
  add_bench_command(app);
  add_validate_command(app);
  add_schema_command(app);
  add_trace_command(app);
  add_validate_model_command(app);
  add_research_commands(app, cluster);

  // Under mpirun only the research commands split their work; any other command would
  // run K times over and race on its files.
  if (cluster.size() > 1) {
    const std::string command = argc > 1 ? argv[1] : "";
    if (command != "sweep" && command != "sensitivity" && command != "calibrate") {
      if (cluster.root()) {
        std::cerr << "aiscale: error: '" << command << "' does not run under mpirun (" << cluster.size()
                  << " ranks): only sweep, sensitivity and calibrate split their work across ranks\n";
      }
      return 2;
    }
  }

  if (report_unknown_command(app, argc, argv)) return 2;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Prints help, version or the parse error. Help and version exit 0; every usage
    // error exits 2, as bad input does.
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const std::invalid_argument& e) {
    // Under mpirun every rank meets the same bad input; rank 0 says so once.
    if (cluster.root()) std::cerr << "aiscale: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    if (cluster.root()) std::cerr << "aiscale: failed: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace analysis::cli
