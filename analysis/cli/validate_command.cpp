#include <cstddef>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/cli/commands.hpp"
#include "analysis/research/experiment_file.hpp"
#include "models/enterprise/scenario_io.hpp"
#include "models/spec/text.hpp"

namespace analysis::cli {

namespace {

enum class FileKind { scenario, experiment, targets };

const std::map<std::string, FileKind>& kind_names() {
  static const std::map<std::string, FileKind> names{
      {"scenario", FileKind::scenario}, {"experiment", FileKind::experiment}, {"targets", FileKind::targets}};
  return names;
}

/// What a file is, as `validate` tells it: a JSON Schema document (skipped), one of the
/// kinds it checks, or a file it cannot tell (with why).
struct Recognition {
  bool json_schema = false;
  std::optional<FileKind> kind;
  std::string why_not;  ///< when neither: the problem to report
};

/// Recognises `file` by its top level: a "$schema" naming a JSON Schema meta-schema is a
/// JSON Schema document (such as scenarios/scenario.schema.json, which
/// `validate scenarios/*.json` picks up); "targets" makes a targets file; "scenario" or
/// "parameters" an experiment file; any other object a scenario. A file that does not
/// parse is read as a scenario, whose checks say what is wrong with it.
Recognition recognise(const std::string& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return {false, FileKind::scenario, {}};
  std::ifstream in(file);
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  } catch (const std::exception&) {  // an I/O error: the scenario checks name it
    return {false, FileKind::scenario, {}};
  }
  if (json.is_discarded()) return {false, FileKind::scenario, {}};
  if (!json.is_object()) {
    return {false, std::nullopt,
            "cannot tell what kind of file this is: expected a JSON object (a scenario, an experiment file or a "
            "targets file), got " +
                spec::value_text(json)};
  }
  const auto schema = json.find("$schema");
  if (schema != json.end() && schema->is_string() &&
      schema->get<std::string>().rfind("https://json-schema.org/", 0) == 0) {
    return {true, std::nullopt, {}};
  }
  std::vector<std::string> experiment_keys;
  for (const char* key : {"scenario", "parameters"}) {
    if (json.contains(key)) experiment_keys.push_back(spec::dq(key));
  }
  const bool targets = json.contains("targets");
  if (targets && !experiment_keys.empty()) {
    return {false, std::nullopt,
            "cannot tell what kind of file this is: it has \"targets\" (a targets file) and " +
                spec::join(experiment_keys, " and ") +
                " (an experiment file); keep the keys of one kind, or name the kind with --kind"};
  }
  if (targets) return {false, FileKind::targets, {}};
  if (!experiment_keys.empty()) return {false, FileKind::experiment, {}};
  return {false, FileKind::scenario, {}};
}

std::vector<spec::Problem> check(const std::string& file, FileKind kind) {
  switch (kind) {
    case FileKind::scenario: return models::enterprise::check_scenario(file);
    case FileKind::experiment: return research::check_experiment(file);
    case FileKind::targets: return research::check_targets(file);
  }
  return {};
}

}  // namespace

void add_validate_command(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto kind = std::make_shared<std::optional<FileKind>>();
  auto* validate = app.add_subcommand(
      "validate",
      "Checks scenario, experiment and targets files without running them (a scenario's\n"
      "extends chain and an experiment's base scenario included). Prints '<file>: ok' on\n"
      "stdout for each valid file and every problem of the others on stderr, one per line:\n"
      "'<file>: <JSON path>: <message>'. Exit code 0 if all are valid, 2 if not. The kind of\n"
      "each file is told by its top-level keys: \"targets\" makes a targets file, \"scenario\"\n"
      "or \"parameters\" an experiment file, anything else a scenario. A JSON Schema document\n"
      "(scenario.schema.json) is named and skipped, not checked.");
  validate->add_option("files", *files, "Files to check")->required()->type_name("FILE...");
  validate
      ->add_option_function<std::string>(
          "--kind", [kind](const std::string& name) { *kind = kind_names().at(name); },
          "Check every file as this kind instead of telling it from its keys")
      ->check(CLI::IsMember({"scenario", "experiment", "targets"}))
      ->type_name("scenario|experiment|targets");
  validate->callback([files, kind] {
    std::size_t invalid = 0;
    for (const auto& file : *files) {
      Recognition recognition =
          *kind ? Recognition{false, **kind, {}} : recognise(file);
      if (recognition.json_schema) {
        std::cout << file << ": skipped (a JSON Schema document, not a scenario, experiment or targets file)\n";
        continue;
      }
      const auto problems = recognition.kind ? check(file, *recognition.kind)
                                             : std::vector<spec::Problem>{{file, "", recognition.why_not}};
      if (problems.empty()) {
        std::cout << file << ": ok\n";
        continue;
      }
      ++invalid;
      for (const auto& problem : problems) std::cerr << spec::format_problem(problem) << '\n';
    }
    std::cout.flush();
    if (invalid > 0) {
      throw std::invalid_argument(std::to_string(invalid) + " of " + std::to_string(files->size()) + " file" +
                                  (files->size() == 1 ? "" : "s") + " " + (invalid == 1 ? "has" : "have") +
                                  " problems");
    }
  });
}

}  // namespace analysis::cli
