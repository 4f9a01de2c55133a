#include <iostream>
#include <memory>

#include "analysis/cli/commands.hpp"
#include "models/enterprise/scenario_io.hpp"

namespace analysis::cli {

void add_schema_command(CLI::App& app) {
  auto markdown = std::make_shared<bool>(false);
  auto* schema = app.add_subcommand(
      "schema",
      "Prints the JSON Schema (draft 2020-12) of scenario files, generated from the loader's\n"
      "field table: scenarios/scenario.schema.json is this output.");
  schema->add_flag("--markdown", *markdown,
                   "Print instead the Markdown table of every key (type, allowed values, meaning,\n"
                   "unit) that docs/scenarios.md embeds");
  schema->callback([markdown] {
    if (*markdown) {
      std::cout << models::enterprise::scenario_markdown_table();
    } else {
      std::cout << models::enterprise::scenario_schema().dump(2) << '\n';
    }
  });
}

}  // namespace analysis::cli
