#include <exception>
#include <iostream>
#include <stdexcept>

#include "analysis/cli/commands.hpp"

namespace analysis::cli {

int run(int argc, char** argv) {
  CLI::App app{
      "aiscale: a discrete-event, agent-based simulator of how enterprises scale AI from\n"
      "pilots to production.",
      "aiscale"};
  app.set_version_flag("--version", "aiscale " AISCALE_VERSION);
  app.require_subcommand(1);
  app.footer("Run 'aiscale <command> --help' for the options of one command.");
  add_bench_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);  // prints help, version or the parse error; 0 for help
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
