// Tests `aiscale validate` and `aiscale schema` as a user runs them: output streams,
// message format, exit codes, how each kind of file is recognised, and that the
// committed schemas and docs tables are current.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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
  CHECK_THAT(r.out, Catch::Contains(schema + ": skipped (a JSON Schema document, not a scenario, experiment or targets file)\n"));
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
  CHECK_THAT(r.err, Catch::Contains("aiscale: error: 2 of 3 files have problems"));
}

TEST_CASE("aiscale validate reports malformed JSON with line and column", "[cli][validate]") {
  const TempDir dir("validate");
  const std::string file =
      dir.write("broken.json", "{\n  \"name\": \"x\"\n  \"horizon_months\": 60\n}\n");
  const auto r = run_aiscale("validate " + file);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.output, Catch::Contains(file + ": malformed JSON at line 3, column 18: syntax error "
                                              "while parsing object - unexpected string literal"));
  CHECK_THAT(r.output, Catch::Contains("1 of 1 file has problems"));
}

TEST_CASE("aiscale validate passes on every JSON file of the shipped tree", "[cli][validate]") {
  const TempDir dir("validate");
  std::string files;
  std::size_t count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(kScenarios)) {
    if (entry.path().extension() != ".json") continue;
    files += ' ';
    files += entry.path().string();
    ++count;
  }
  CHECK(count > 80);
  const auto r = run_split(dir, "validate" + files);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const auto experiments = kScenarios / "experiments";
  CHECK_THAT(r.out, Catch::Contains((experiments / "morris-default.json").string() + ": ok\n"));
  CHECK_THAT(r.out, Catch::Contains((experiments / "targets-drift.json").string() + ": ok\n"));
  CHECK_THAT(r.out, Catch::Contains((experiments / "experiment.schema.json").string() + ": skipped"));
  CHECK_THAT(r.out, Catch::Contains((experiments / "targets.schema.json").string() + ": skipped"));
}

TEST_CASE("aiscale validate checks an experiment file with its own format", "[cli][validate]") {
  const TempDir dir("validate");
  const std::string bad = dir.write("bad-experiment.json", R"({
    "name": "bad", "scenario": ")" + (kScenarios / "default.json").string() + R"(",
    "parameters": [{"path": "/money/change_management_per_month", "min": 0, "max": 1, "scael": "log"},
                   {"path": "/platform/initial", "values": [0.1], "max": 1}],
    "outputs": ["roi_finale"], "replicatoins": 3, "replications": 0,
    "sweep": {"design": "gird"}})");
  const auto r = run_split(dir, "validate " + bad);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  for (const std::string expected : {
           "/replicatoins: unknown key 'replicatoins'; did you mean 'replications'?",
           "/parameters/0/scael: unknown key 'scael'; did you mean 'scale'?",
           "/parameters/1/max: 'max' is used only by \"min\" and \"max\" (a range), not by \"values\" (a list): "
           "remove it",
           "/replications: 0 is out of range: must be >= 1",
           "/sweep/design: \"gird\" is not allowed: must be one of \"grid\", \"latin_hypercube\"; did you mean "
           "\"grid\"?",
           "/outputs/0: unknown output \"roi_finale\"; did you mean \"roi_final\"?"}) {
    CHECK_THAT(r.err, Catch::Contains(bad + ": " + expected + "\n"));
  }
  CHECK_THAT(r.err, Catch::Contains("1 of 1 file has problems"));
}

TEST_CASE("aiscale validate checks a targets file with its own format", "[cli][validate]") {
  const TempDir dir("validate");
  const std::string bad = dir.write("targets.json", R"({"targets": [{"output": "mean_acuracy@6", "value": 0.8},
      {"output": "roi_final", "min": 1, "max": 0}, {"output": "roi_final", "value": 1, "scale": 0}],
      "max_evaluation": 10})");
  const auto r = run_split(dir, "validate " + bad);
  CHECK(r.exit_code == 2);
  for (const std::string expected : {
           "/max_evaluation: unknown key 'max_evaluation'; did you mean 'max_evaluations'?",
           "/targets/2/scale: 0 is out of range: must be > 0",
           "/targets/0/output: unknown output \"mean_acuracy@6\"; did you mean \"mean_accuracy@6\"?",
           "/targets/1: a range needs \"min\" < \"max\", got min 1 and max 0",
           "/targets/2/output: output 'roi_final' has two targets"}) {
    CHECK_THAT(r.err, Catch::Contains(bad + ": " + expected + "\n"));
  }
}

TEST_CASE("aiscale validate names a file whose kind it cannot tell", "[cli][validate]") {
  const TempDir dir("validate");
  const std::string both = dir.write("both.json", R"({"targets": [], "parameters": []})");
  const std::string array = dir.write("array.json", "[1, 2]");
  const auto r = run_split(dir, "validate " + both + " " + array);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(both + ": cannot tell what kind of file this is: it has \"targets\" (a targets "
                                           "file) and \"parameters\" (an experiment file)"));
  CHECK_THAT(r.err, Catch::Contains(array + ": cannot tell what kind of file this is: expected a JSON object (a "
                                            "scenario, an experiment file or a targets file), got an array of 2 items"));
  // --kind says what the files are.
  const auto forced = run_split(dir, "validate --kind targets " + both);
  CHECK(forced.exit_code == 2);
  CHECK_THAT(forced.err, Catch::Contains(both + ": /parameters: unknown key 'parameters'"));
  CHECK_THAT(forced.err, Catch::Contains(both + ": /targets: has 0 items: needs at least 1"));
  const auto experiment = (kScenarios / "experiments" / "sweep-change-and-engineers.json").string();
  const auto as_scenario = run_split(dir, "validate --kind scenario " + experiment);
  CHECK(as_scenario.exit_code == 2);
  CHECK_THAT(as_scenario.err, Catch::Contains(experiment + ": /parameters: unknown key 'parameters'"));
  CHECK(run_split(dir, "validate --kind recipe " + experiment).exit_code != 0);
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

TEST_CASE("aiscale schema --kind prints the committed experiment and targets schemas", "[cli][schema]") {
  const TempDir dir("validate");
  for (const char* kind : {"experiment", "targets"}) {
    INFO(kind);
    const auto r = run_split(dir, std::string("schema --kind ") + kind);
    CHECK(r.exit_code == 0);
    CHECK(r.out == read_file(kScenarios / "experiments" / (std::string(kind) + ".schema.json")));
    const auto table = run_split(dir, std::string("schema --kind ") + kind + " --markdown");
    CHECK_THAT(table.out, Catch::StartsWith("| Key | Type | Allowed | Meaning, unit |"));
    CHECK_THAT(read_file(kSource / "docs" / "research.md"), Catch::Contains(table.out));
  }
  CHECK(run_split(dir, "schema --kind scenario").out == read_file(kScenarios / "scenario.schema.json"));
  CHECK(run_split(dir, "schema --kind recipe").exit_code != 0);
}

TEST_CASE("aiscale --help lists validate and schema", "[cli]") {
  const auto r = run_aiscale("--help");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("validate"));
  CHECK_THAT(r.output, Catch::Contains("schema"));
}
