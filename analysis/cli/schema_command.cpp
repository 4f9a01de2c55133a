#include <iostream>
#include <memory>
#include <string>

#include "analysis/cli/commands.hpp"
#include "analysis/research/experiment_file.hpp"
#include "models/enterprise/scenario_io.hpp"

namespace analysis::cli {

void add_schema_command(CLI::App& app) {
  auto markdown = std::make_shared<bool>(false);
  auto kind = std::make_shared<std::string>("scenario");
  auto* schema = app.add_subcommand(
      "schema",
      "Prints the JSON Schema (draft 2020-12) of scenario files (or, with --kind, of\n"
      "experiment or targets files), generated from the loader's field table:\n"
      "scenarios/scenario.schema.json, scenarios/experiments/experiment.schema.json and\n"
      "scenarios/experiments/targets.schema.json are this output.");
  schema->add_option("--kind", *kind, "Which file format: scenario (the default), experiment or targets")
      ->check(CLI::IsMember({"scenario", "experiment", "targets"}))
      ->type_name("scenario|experiment|targets");
  schema->add_flag("--markdown", *markdown,
                   "Print instead the Markdown table of every key (type, allowed values, meaning,\n"
                   "unit) that docs/scenarios.md (or docs/research.md) embeds");
  schema->callback([markdown, kind] {
    if (*kind == "experiment") {
      std::cout << (*markdown ? research::experiment_markdown_table() : research::experiment_schema().dump(2) + "\n");
    } else if (*kind == "targets") {
      std::cout << (*markdown ? research::targets_markdown_table() : research::targets_schema().dump(2) + "\n");
    } else if (*markdown) {
      std::cout << models::enterprise::scenario_markdown_table();
    } else {
      std::cout << models::enterprise::scenario_schema().dump(2) << '\n';
    }
  });
}

}  // namespace analysis::cli
