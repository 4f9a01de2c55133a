#include <exception>
#include <iostream>
#include <stdexcept>
#include <string>

#include "analysis/cli/commands.hpp"

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

int run(int argc, char** argv) {
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

  if (report_unknown_command(app, argc, argv)) return 2;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Prints help, version or the parse error. Help and version exit 0; every usage
    // error exits 2, as bad input does.
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "aiscale: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "aiscale: failed: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

}  // namespace analysis::cli
