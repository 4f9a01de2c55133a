// Tests `aiscale trace`: the golden trace of the default enterprise, the filters, and
// bad usage. A change of behaviour shows up here first: if it is intended, regenerate the
// golden file with the command in tests/golden/README.md and review the diff.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "analysis/run_aiscale.hpp"
#include "support/files.hpp"

using aiscale_test::run_aiscale;

namespace {

const std::string kSource = AISCALE_SOURCE_DIR;
const std::string kDefault = kSource + "/scenarios/default.json";

using aiscale_test::read_file;

// The first line where two texts differ, for a readable failure.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected);
  std::istringstream b(actual);
  std::string la;
  std::string lb;
  for (int line = 1;; ++line) {
    const bool ga = static_cast<bool>(std::getline(a, la));
    const bool gb = static_cast<bool>(std::getline(b, lb));
    if (!ga && !gb) return "none";
    if (!ga || !gb || la != lb) {
      return "line " + std::to_string(line) + "\n  golden: " + (ga ? la : "<end>") + "\n  now:    " + (gb ? lb : "<end>");
    }
  }
}

}  // namespace

TEST_CASE("the default enterprise with seed 1 tells the golden story", "[cli][trace]") {
  const auto r = run_aiscale("trace " + kDefault + " --seed 1 --months 0:24");
  REQUIRE(r.exit_code == 0);
  const std::string golden = read_file(kSource + "/tests/golden/default-seed1-months0-24.trace");
  REQUIRE_FALSE(golden.empty());
  INFO("first difference: " << first_difference(golden, r.output));
  CHECK(r.output == golden);
}

TEST_CASE("trace filters by business unit and use case", "[cli][trace]") {
  const auto all = run_aiscale("trace " + kDefault + " --seed 2 --months 0:12");
  const auto retail = run_aiscale("trace " + kDefault + " --seed 2 --months 0:12 --bu retail");
  const auto one = run_aiscale("trace " + kDefault + " --seed 2 --use-case 3");
  REQUIRE(all.exit_code == 0);
  REQUIRE(retail.exit_code == 0);
  REQUIRE(one.exit_code == 0);
  CHECK(retail.output.size() < all.output.size());
  std::istringstream lines(retail.output);
  std::string line;
  int story = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("--", 0) == 0) continue;
    CHECK(line.find("  retail") != std::string::npos);
    ++story;
  }
  CHECK(story > 0);
  std::istringstream uc_lines(one.output);
  while (std::getline(uc_lines, line)) {
    if (line.rfind("--", 0) == 0) continue;
    CHECK(line.find("/uc-3 ") != std::string::npos);
  }
}

TEST_CASE("trace rejects bad usage with a message and a non-zero exit", "[cli][trace]") {
  struct Case {
    std::string args;
    const char* message;
  };
  for (const Case& c : {Case{"trace", "scenario"},
                        Case{"trace /no/such/file.json", "/no/such/file.json"},
                        Case{"trace " + kDefault + " --bu nowhere", "nowhere"},
                        Case{"trace " + kDefault + " --months 5", "--months"},
                        Case{"trace " + kDefault + " --months 9:3", "--months"},
                        Case{"trace " + kDefault + " --use-case 1 --bu retail", "excludes"},
                        Case{"trace " + kDefault + " --seed minus", "--seed"}}) {
    INFO("aiscale " << c.args);
    const auto r = run_aiscale(c.args);
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.output, Catch::Contains(c.message));
  }
}
