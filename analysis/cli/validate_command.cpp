#include <cstddef>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/cli/commands.hpp"
#include "models/enterprise/scenario_io.hpp"

namespace analysis::cli {

namespace {

/// Whether `file` is a JSON Schema document (such as scenarios/scenario.schema.json, which
/// `validate scenarios/*.json` picks up) rather than a scenario: its "$schema" names a
/// JSON Schema meta-schema.
bool is_json_schema(const std::string& file) {
  std::ifstream in(file);
  const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return false;
  const auto schema = json.find("$schema");
  return schema != json.end() && schema->is_string() &&
         schema->get<std::string>().rfind("https://json-schema.org/", 0) == 0;
}

}  // namespace

void add_validate_command(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto* validate = app.add_subcommand(
      "validate",
      "Checks scenario files (their extends chains included) without running them. Prints\n"
      "'<file>: ok' on stdout for each valid file and every problem of the others on stderr,\n"
      "one per line: '<file>: <JSON path>: <message>'. Exit code 0 if all are valid, 2 if not.\n"
      "A JSON Schema document (scenario.schema.json) is named and skipped, not checked.");
  validate->add_option("files", *files, "Scenario files to check")
      ->required()
      ->type_name("FILE...");
  validate->callback([files] {
    std::size_t invalid = 0;
    for (const auto& file : *files) {
      if (is_json_schema(file)) {
        std::cout << file << ": skipped (a JSON Schema document, not a scenario)\n";
        continue;
      }
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
