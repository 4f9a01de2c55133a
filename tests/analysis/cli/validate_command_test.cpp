// Tests `aiscale validate` and `aiscale schema` as a user runs them: output streams,
// message format, exit codes, and that the committed schema and docs table are current.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analysis/run_aiscale.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using aiscale_test::run_aiscale;

namespace {

const fs::path kSource = AISCALE_SOURCE_DIR;
const fs::path kScenarios = kSource / "scenarios";

using aiscale_test::read_file;

using aiscale_test::TempDir;

struct Split {
  int exit_code;
  std::string out;
  std::string err;
};

/// Runs aiscale with stdout and stderr captured apart (run_aiscale merges them).
Split run_split(const TempDir& dir, const std::string& args) {
  const fs::path out = dir.path() / "stdout.txt";
  const fs::path err = dir.path() / "stderr.txt";
  const std::string command =
      std::string(AISCALE_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(command.c_str());
  REQUIRE(WIFEXITED(status));
  return Split{WEXITSTATUS(status), read_file(out), read_file(err)};
}

std::string shipped_list() {
  std::string files;
  for (const char* name : {"default", "coe", "federated", "hybrid", "ad-hoc", "best-practice"}) {
    files += ' ';  // (not " " + ...: GCC 12 -O3 sees a false -Wrestrict in it)
    files += (kScenarios / (std::string(name) + ".json")).string();
  }
  return files;
}

}  // namespace

TEST_CASE("aiscale validate accepts the shipped scenarios", "[cli][validate]") {
  const TempDir dir("validate");
  const auto r = run_split(dir, "validate" + shipped_list());
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  for (const char* name : {"default", "coe", "federated", "hybrid", "ad-hoc", "best-practice"}) {
    CHECK_THAT(r.out,
               Catch::Contains((kScenarios / (std::string(name) + ".json")).string() + ": ok\n"));
  }
}

TEST_CASE("aiscale validate names and skips the JSON Schema that scenarios/*.json picks up", "[cli][validate]") {
  const TempDir dir("validate");
  const std::string schema = (kScenarios / "scenario.schema.json").string();
  const auto r = run_split(dir, "validate " + schema + " " + (kScenarios / "coe.json").string());
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Catch::Contains(schema + ": skipped (a JSON Schema document, not a scenario)\n"));
  // A scenario that merely names its schema is still checked.
  const auto bad = dir.write("bad.json", R"({"$schema": "scenario.schema.json", "extends": ")" +
                                             (kScenarios / "default.json").string() + R"(", "horizon_months": -1})");
  const auto b = run_split(dir, "validate " + bad.string());
  CHECK(b.exit_code == 2);
  CHECK_THAT(b.err, Catch::Contains("/horizon_months"));
}

TEST_CASE("aiscale validate reports every problem and exits 2", "[cli][validate]") {
  const TempDir dir("validate");
  const std::string base = (kScenarios / "default.json").string();
  const std::string good =
      dir.write("good.json", R"({"extends": ")" + base + R"(", "name": "good"})");
  const std::string bad = dir.write("bad.json", R"({"extends": ")" + base + R"(",
      "lifecycle": {"data_prep": {"cv": -0.5}},
      "graph": {"topology": "explicit",
                "edges": [{"from": "retail", "to": "retial", "weight": 0.5, "shared_data": true}]},
      "wip_per_person": 2})");
  const std::string missing = (dir.path() / "missing.json").string();
  const auto r = run_split(dir, "validate " + good + " " + bad + " " + missing);
  CHECK(r.exit_code == 2);
  CHECK(r.out == good + ": ok\n");
  CHECK_THAT(r.err, Catch::Contains(
                        bad + ": /lifecycle/data_prep/cv: -0.5 is out of range: must be >= 0\n"));
  CHECK_THAT(r.err, Catch::Contains(
                        bad + ": /graph/edges/0/to: edge 0 names unknown business unit \"retial\"; "
                              "did you mean \"retail\"?\n"));
  CHECK_THAT(r.err, Catch::Contains(bad + ": /wip_per_person: unknown key 'wip_per_person'"));
  CHECK_THAT(r.err, Catch::Contains(missing + ": no such file\n"));
  CHECK_THAT(r.err, Catch::Contains("aiscale: error: 2 of 3 scenario files have problems"));
}

TEST_CASE("aiscale validate reports malformed JSON with line and column", "[cli][validate]") {
  const TempDir dir("validate");
  const std::string file =
      dir.write("broken.json", "{\n  \"name\": \"x\"\n  \"horizon_months\": 60\n}\n");
  const auto r = run_aiscale("validate " + file);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.output, Catch::Contains(file + ": malformed JSON at line 3, column 18: syntax error "
                                              "while parsing object - unexpected string literal"));
  CHECK_THAT(r.output, Catch::Contains("1 of 1 scenario file has problems"));
}

TEST_CASE("aiscale validate needs at least one file", "[cli][validate]") {
  const auto r = run_aiscale("validate");
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.output, Catch::Contains("files"));
}

TEST_CASE("aiscale schema prints the committed schema", "[cli][schema]") {
  const TempDir dir("validate");
  const auto r = run_split(dir, "schema");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == read_file(kScenarios / "scenario.schema.json"));
}

TEST_CASE("aiscale schema --markdown prints the key table of docs/scenarios.md", "[cli][schema]") {
  const TempDir dir("validate");
  const auto r = run_split(dir, "schema --markdown");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("| Key | Type | Allowed | Meaning, unit |"));
  CHECK_THAT(r.out, Catch::Contains("| `/horizon_months` | number | > 0 |"));
  CHECK_THAT(read_file(kSource / "docs" / "scenarios.md"), Catch::Contains(r.out));
}

TEST_CASE("aiscale --help lists validate and schema", "[cli]") {
  const auto r = run_aiscale("--help");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("validate"));
  CHECK_THAT(r.output, Catch::Contains("schema"));
}
