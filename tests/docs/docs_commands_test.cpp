// Every command the README and the user guide show is run here as a reader would run
// it (tests/docs/doc_runner.hpp), so the docs cannot drift from the program.
#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "docs/doc_runner.hpp"
#include "support/files.hpp"

using namespace aiscale_test;

namespace {

const std::filesystem::path source{AISCALE_SOURCE_DIR};

// The README's two commands build the program and run the main job or the test suite;
// the test suite cannot run them inside itself. What they run is checked instead: the
// main job's compare command is cli.md's example (run below) and its output is the one
// the README shows.
const std::set<std::string> readme_scripts{"bash scripts/main.sh", "bash scripts/test.sh"};

// The documents whose commands this file runs. A test below fails when another document
// shows a ```sh block, so a new one cannot be left out.
const std::vector<std::string> documents{"README.md",           "docs/getting-started.md", "docs/cli.md",
                                         "docs/scenarios.md",   "docs/performance.md",     "docs/validation.md",
                                         "docs/research.md"};

std::vector<std::string> run(const std::string& document) {
  const DocSandbox sandbox("doc");
  return run_document(document, sandbox, readme_scripts);
}

}  // namespace

TEST_CASE("every document with commands is run by this test") {
  std::vector<std::string> with_commands;
  std::vector<std::filesystem::path> files{source / "README.md"};
  for (const auto& entry : std::filesystem::directory_iterator(source / "docs")) {
    if (entry.path().extension() == ".md") files.push_back(entry.path());
  }
  for (const auto& file : files) {
    const auto blocks = fenced_blocks(read_file(file));
    if (std::any_of(blocks.begin(), blocks.end(), [](const FencedBlock& b) { return b.info == "sh"; })) {
      with_commands.push_back(std::filesystem::relative(file, source).string());
    }
  }
  std::sort(with_commands.begin(), with_commands.end());
  std::vector<std::string> covered = documents;
  std::sort(covered.begin(), covered.end());
  CHECK(with_commands == covered);  // docs/exercises/ has its own test (exercises_test.cpp)
}

TEST_CASE("the Markdown reader finds fenced blocks and joins continued commands") {
  const auto blocks = fenced_blocks("text\n```sh\na \\\n  b\n# note\n\nc  # why\n```\n  ```json file=x.json\n  {}\n  ```\n");
  REQUIRE(blocks.size() == 2);
  CHECK(blocks[0].info == "sh");
  CHECK(blocks[0].line == 2);
  CHECK(shell_commands(blocks[0].body) == std::vector<std::string>{"a    b", "c  # why"});
  CHECK(blocks[1].info == "json file=x.json");
  CHECK(blocks[1].body == "{}\n");
}

TEST_CASE("README commands run") { CHECK(run("README.md").size() == 2); }

TEST_CASE("getting-started commands run with the file it asks the reader to save") {
  CHECK(run("docs/getting-started.md").size() == 2);
}

TEST_CASE("cli.md examples run") { CHECK(run("docs/cli.md").size() >= 4); }

TEST_CASE("scenarios.md commands run") { CHECK(run("docs/scenarios.md").size() >= 1); }

TEST_CASE("performance.md benchmark commands run") { CHECK(run("docs/performance.md").size() >= 6); }

TEST_CASE("validation.md command runs") { CHECK(run("docs/validation.md").size() == 1); }

TEST_CASE("research.md commands run including mpirun") { CHECK(run("docs/research.md").size() == 5); }

TEST_CASE("the main job's output shown in the README and getting-started is what it prints") {
  // scripts/main.sh ends with this compare command (any extra arguments appended).
  const std::string main_sh = read_file(source / "scripts/main.sh");
  const std::string compare = "compare scenarios/hybrid.json scenarios/coe.json scenarios/federated.json --reps 1000";
  REQUIRE(main_sh.find("\"$dir/aiscale\" " + compare + " \"$@\"") != std::string::npos);

  const DocSandbox sandbox("main-job");
  const ShellResult result = sandbox.run("build/aiscale " + compare + " --out out/main");
  REQUIRE(result.exit_code == 0);
  for (const char* document : {"README.md", "docs/getting-started.md"}) {
    INFO(document);
    CHECK(check_shown_output(read_file(source / document), result.output) == 3);  // hybrid, coe, federated
  }
}
