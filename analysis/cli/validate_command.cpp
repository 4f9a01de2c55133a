#include <cstddef>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/cli/commands.hpp"
#include "models/enterprise/scenario_io.hpp"

namespace analysis::cli {

void add_validate_command(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto* validate = app.add_subcommand(
      "validate",
      "Checks scenario files (their extends chains included) without running them. Prints\n"
      "'<file>: ok' on stdout for each valid file and every problem of the others on stderr,\n"
      "one per line: '<file>: <JSON path>: <message>'. Exit code 0 if all are valid, 2 if not.");
  validate->add_option("files", *files, "Scenario files to check")
      ->required()
      ->type_name("FILE...");
  validate->callback([files] {
    std::size_t invalid = 0;
    for (const auto& file : *files) {
      const auto problems = models::enterprise::check_scenario(file);
      if (problems.empty()) {
        std::cout << file << ": ok\n";
        continue;
      }
      ++invalid;
      for (const auto& problem : problems)
        std::cerr << models::enterprise::format_problem(problem) << '\n';
    }
    std::cout.flush();
    if (invalid > 0) {
      throw std::invalid_argument(std::to_string(invalid) + " of " + std::to_string(files->size()) +
                                  " scenario file" + (files->size() == 1 ? "" : "s") + " " +
                                  (invalid == 1 ? "has" : "have") + " problems");
    }
  });
}

}  // namespace analysis::cli
