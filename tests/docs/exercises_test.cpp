// The teaching pack (docs/exercises/): each exercise's commands are run exactly as
// written, and every finding its instructor's note states is checked against what they
// wrote (tests/docs/findings.hpp), so an exercise cannot silently go stale when the
// model changes.
#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "docs/doc_runner.hpp"
#include "docs/findings.hpp"
#include "support/files.hpp"

using namespace aiscale_test;

namespace {

const std::filesystem::path source{AISCALE_SOURCE_DIR};

const std::vector<std::string> exercises{
    "01-scaling-gap",         "02-five-to-500-stores", "03-coe-federated-hybrid", "04-drift",
    "05-pilot-purgatory",     "06-change-management",  "07-what-mlops-buys",      "08-more-data-scientists"};

// The sections every exercise has, in this order.
const std::vector<std::string> sections{"**Learning goal.**", "## Background",         "## The scenarios",
                                        "## Run it",          "## Questions for students", "## Instructor's note",
                                        "### What the test checks"};

void check_exercise(const std::string& slug) {
  const std::string document = "docs/exercises/" + slug + ".md";
  const std::string text = read_file(source / document);
  REQUIRE_FALSE(text.empty());
  std::size_t at = 0;
  for (const std::string& section : sections) {
    INFO(document << " needs the section " << section << " (in the order of the others)");
    const std::size_t found = text.find(section, at);
    CHECK(found != std::string::npos);
    if (found != std::string::npos) at = found;
  }

  // Every scenario file of the exercise is used by one of its commands.
  const DocSandbox sandbox("exercise");
  const std::vector<std::string> commands = run_document(document, sandbox);
  CHECK_FALSE(commands.empty());
  for (const auto& entry : std::filesystem::directory_iterator(source / "scenarios/exercises" / slug)) {
    const std::string file = "scenarios/exercises/" + slug + "/" + entry.path().filename().string();
    INFO(file << " is not used by any command of " << document);
    CHECK(std::any_of(commands.begin(), commands.end(),
                      [&](const std::string& c) { return c.find(file) != std::string::npos; }));
  }

  int checked = 0;
  for (const FencedBlock& block : fenced_blocks(text)) {
    if (block.info != "findings") continue;
    for (const std::string& line : text_lines(block.body)) {
      if (line.find_first_not_of(' ') == std::string::npos || line[line.find_first_not_of(' ')] == '#') continue;
      const Verdict verdict = check_finding(line, sandbox.path());
      INFO(document << ": " << line << "\n  " << verdict.explanation);
      CHECK(verdict.holds);
      ++checked;
    }
  }
  CHECK(checked >= 3);  // an instructor's note states its findings
}

}  // namespace

TEST_CASE("the exercises folder holds exactly the listed exercises and their scenarios") {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(source / "docs/exercises")) {
    if (entry.path().extension() == ".md" && entry.path().filename() != "README.md") {
      found.push_back(entry.path().stem().string());
    }
  }
  std::sort(found.begin(), found.end());
  CHECK(found == exercises);
  std::vector<std::string> folders;
  for (const auto& entry : std::filesystem::directory_iterator(source / "scenarios/exercises")) {
    folders.push_back(entry.path().filename().string());
  }
  std::sort(folders.begin(), folders.end());
  CHECK(folders == exercises);
  const std::string index = read_file(source / "docs/exercises/README.md");
  for (const std::string& slug : exercises) {
    INFO("docs/exercises/README.md should link " << slug << ".md");
    CHECK(index.find("(" + slug + ".md)") != std::string::npos);
  }
}

TEST_CASE("exercise 1 the scaling gap") { check_exercise(exercises[0]); }
TEST_CASE("exercise 2 from 5 stores to 500") { check_exercise(exercises[1]); }
TEST_CASE("exercise 3 CoE vs federated vs hybrid") { check_exercise(exercises[2]); }
TEST_CASE("exercise 4 drift from 88 to 79 percent") { check_exercise(exercises[3]); }
TEST_CASE("exercise 5 pilot purgatory") { check_exercise(exercises[4]); }
TEST_CASE("exercise 6 change management for predictive maintenance") { check_exercise(exercises[5]); }
TEST_CASE("exercise 7 what MLOps buys") { check_exercise(exercises[6]); }
TEST_CASE("exercise 8 just hire more data scientists") { check_exercise(exercises[7]); }
