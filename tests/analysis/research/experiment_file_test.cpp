// Tests analysis/research/experiment_file.hpp: experiment and targets files read through
// the spec machinery (defaults, every problem with its path, did-you-mean, relations
// that need the scenario format), the targets' objective, and that the committed schemas
// and the key tables of docs/research.md are the generated ones.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/research/experiment_file.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace analysis::research;

namespace {

const fs::path kSource = AISCALE_SOURCE_DIR;
const fs::path kExperiments = kSource / "scenarios" / "experiments";

std::string listing(const std::vector<spec::Problem>& problems) { return spec::format_problems(problems); }

/// An experiment file on the default scenario with `patch` merged in (null deletes).
fs::path experiment_with(const aiscale_test::TempDir& dir, const char* patch) {
  json j = json::parse(R"({"name": "e", "parameters": [{"path": "/platform/initial", "min": 0, "max": 0.5}],
                           "outputs": ["roi_final"], "replications": 2})");
  j["scenario"] = (kSource / "scenarios" / "default.json").string();
  j.merge_patch(json::parse(patch));
  return dir.write("experiment.json", j.dump(2));
}

/// `file` has exactly one problem, at `path`, whose message contains every fragment.
void expect_one(const std::vector<spec::Problem>& problems, const fs::path& file, const std::string& path,
                std::initializer_list<std::string> fragments) {
  INFO(listing(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == file.string());
  CHECK(problems[0].json_path == path);
  for (const auto& f : fragments) CHECK_THAT(problems[0].message, Catch::Contains(f));
}

}  // namespace

TEST_CASE("the shipped experiment and targets files load", "[experiment_file]") {
  for (const char* name : {"sweep-change-and-engineers", "morris-default", "sobol-default", "sobol-benchmark",
                           "calibrate-drift"}) {
    INFO(name);
    CHECK(check_experiment(kExperiments / (std::string(name) + ".json")).empty());
  }
  CHECK(check_targets(kExperiments / "targets-drift.json").empty());
}

TEST_CASE("an experiment file reads as it says with defaults for what it leaves out", "[experiment_file]") {
  const Experiment e = load_experiment(kExperiments / "sweep-change-and-engineers.json");
  CHECK(e.name == "change-and-engineers");
  CHECK(e.scenario == "../default.json");
  CHECK(e.scenario_file == kExperiments / "../default.json");
  CHECK(e.base.at("name") == "default");
  REQUIRE(e.parameters.size() == 2);
  CHECK(e.parameters[0].name == "change management ($/month)");
  CHECK(e.parameters[0].max == 150000.0);
  CHECK_FALSE(e.parameters[0].log_scale);
  CHECK(e.parameters[1].values == std::vector<double>{6, 8, 12});
  CHECK(e.parameters[1].integer);
  CHECK(e.parameters[1].pointers == std::vector<std::string>{"/workforce/headcount/data_engineer"});
  REQUIRE(e.outputs.size() == 3);
  CHECK(e.outputs[2].series.has_value());
  CHECK(e.outputs[2].month == 60);
  CHECK(e.replications == 10);
  CHECK(e.seed == 1);
  REQUIRE(e.sweep.has_value());
  CHECK(e.sweep->kind == SweepDesign::Kind::grid);
  CHECK(e.sweep->levels == 4);
  CHECK_FALSE(e.morris.has_value());
  CHECK(e.bootstrap == 500);

  const aiscale_test::TempDir dir("experiment-file");
  const Experiment d = load_experiment(experiment_with(
      dir, R"({"parameters": [{"path": "/business_units/*/trust", "min": 0.1, "max": 1, "scale": "log"}],
               "seed": 18446744073709551615, "sweep": {"design": "grid"}, "morris": {}})"));
  CHECK(d.description.empty());
  CHECK(d.parameters[0].name == "/business_units/*/trust");  // the path, when no name is given
  CHECK(d.parameters[0].log_scale);
  CHECK(d.parameters[0].pointers.size() == 12);
  CHECK(d.seed == 18446744073709551615u);
  CHECK(d.sweep->levels == 3);
  CHECK(d.morris->trajectories == 10);
  CHECK(d.morris->levels == 4);
}

TEST_CASE("experiment-file problems name the path with a did-you-mean", "[experiment_file]") {
  const aiscale_test::TempDir dir("experiment-file");
  auto file = experiment_with(dir, R"({"replicatons": 2})");
  expect_one(check_experiment(file), file, "/replicatons", {"unknown key 'replicatons'", "did you mean 'replications'?"});
  file = experiment_with(dir, R"({"sobol": {"base_sample": 8}})");
  expect_one(check_experiment(file), file, "/sobol/base_sample", {"did you mean 'base_samples'?"});
  file = experiment_with(dir, R"({"morris": {"levels": 5}})");
  expect_one(check_experiment(file), file, "/morris/levels", {"5 is out of range", ">= 2, a multiple of 2"});
  file = experiment_with(dir, R"({"bootstrap": 5})");
  expect_one(check_experiment(file), file, "/bootstrap", {"5 is out of range: must be >= 10"});
  file = experiment_with(dir, R"({"sweep": {"design": "latin_hypercube", "points": 5, "levels": 3}})");
  expect_one(check_experiment(file), file, "/sweep/levels", {"is not used by design \"latin_hypercube\""});
  file = experiment_with(dir, R"({"sweep": {"design": "latin_hypercube"}})");
  expect_one(check_experiment(file), file, "/sweep/points", {"missing key 'points'"});
  file = experiment_with(dir, R"({"name": null})");
  expect_one(check_experiment(file), file, "/name", {"missing key 'name': add it"});
  file = experiment_with(dir, R"({"outputs": ["roi_final", "roi_final"]})");
  expect_one(check_experiment(file), file, "/outputs/1", {"listed twice"});
  CHECK_THROWS_AS(load_experiment(file), ExperimentError);
}

TEST_CASE("relations with the scenario format are problems of the experiment file", "[experiment_file]") {
  const aiscale_test::TempDir dir("experiment-file");
  auto file = experiment_with(dir, R"({"parameters": [{"path": "/platform/inital", "min": 0, "max": 1}]})");
  expect_one(check_experiment(file), file, "/parameters/0/path", {"/platform has no 'inital'"});
  file = experiment_with(dir, R"({"parameters": [{"path": "platform/initial", "min": 0, "max": 1}]})");
  expect_one(check_experiment(file), file, "/parameters/0/path", {"must be a JSON Pointer"});
  file = experiment_with(dir, R"({"parameters": [{"path": "/platform/initial", "min": 0.5, "max": 0.5}]})");
  expect_one(check_experiment(file), file, "/parameters/0", {"\"min\" must be below \"max\", got min 0.5 and max 0.5"});
  file = experiment_with(dir, R"({"parameters": [{"path": "/platform/initial", "min": 0, "max": 2}]})");
  expect_one(check_experiment(file), file, "/parameters/0",
             {"the value 2 makes the scenario invalid (/platform/initial: 2.0 is out of range", "narrow the range"});
  file = experiment_with(dir, R"({"outputs": ["mean_accuracy@61"]})");
  expect_one(check_experiment(file), file, "/outputs/0",
             {"unknown output \"mean_accuracy@61\"", "an integer in [1, 60]"});
  file = experiment_with(dir, R"({"outputs": ["zzzz"]})");
  expect_one(check_experiment(file), file, "/outputs/0", {"unknown output \"zzzz\": name a summary metric"});
  file = experiment_with(dir, R"({"scenario": "nowhere.json"})");
  expect_one(check_experiment(file), file, "/scenario", {"does not load", "no such file"});
  // A value already wrong on its own is not checked again by a relation.
  file = experiment_with(dir, R"({"parameters": [{"path": "/platform/initial", "min": "low", "max": 1}]})");
  expect_one(check_experiment(file), file, "/parameters/0/min", {"expected a number"});
}

TEST_CASE("unreadable experiment files are named", "[experiment_file]") {
  const aiscale_test::TempDir dir("experiment-file");
  const auto missing = dir.path() / "nope.json";
  expect_one(check_experiment(missing), missing, "", {"no such file"});
  const auto broken = dir.write("broken.json", "{\"name\": ");
  expect_one(check_experiment(broken), broken, "", {"malformed JSON at line 1"});
  const auto array = dir.write("array.json", "[]");
  expect_one(check_experiment(array), array, "", {"expected a JSON object (an experiment) at the top level"});
}

TEST_CASE("a targets file reads with scales defaulted from its values", "[experiment_file]") {
  const aiscale_test::TempDir dir("experiment-file");
  const auto file = dir.write("targets.json", R"({"targets": [{"output": "mean_accuracy@6", "value": 0.8},
      {"output": "roi_final", "value": 0}, {"output": "npv_final", "min": 1, "max": 3},
      {"output": "mean_adoption@12", "value": 2, "scale": 0.5}], "start": {"floor": 0.6}})");
  Targets t = load_targets(file);
  REQUIRE(t.targets.size() == 4);
  CHECK(t.targets[0].scale == 0.8);
  CHECK(t.targets[1].scale == 1.0);
  CHECK(t.targets[2].scale == 2.0);
  CHECK(t.targets[3].scale == 0.5);
  CHECK(t.outputs() == std::vector<std::string>{"mean_accuracy@6", "roi_final", "npv_final", "mean_adoption@12"});
  CHECK(t.max_evaluations == 150);
  CHECK(t.start_values == std::map<std::string, double>{{"floor", 0.6}});

  // Against an experiment: start values become unit positions; names and ranges checked.
  const Experiment e = load_experiment(kExperiments / "calibrate-drift.json");
  const auto fit = dir.write("fit.json", R"({"targets": [{"output": "roi_final", "value": 1}],
      "start": {"accuracy floor": 0.575}})");
  Targets good = load_targets(fit);
  fit_targets(good, fit, e);
  REQUIRE(good.start.size() == 2);
  CHECK(good.start[0] == 0.5);  // not given: the middle
  CHECK(good.start[1] == Approx(0.5));
  const auto bad = dir.write("bad.json", R"({"targets": [{"output": "roi_final", "value": 1}],
      "start": {"acuracy floor": 0.6, "drift rate": 5}, "max_evaluations": 2})");
  Targets wrong = load_targets(bad);
  try {
    fit_targets(wrong, bad, e);
    FAIL("accepted");
  } catch (const ExperimentError& error) {
    INFO(error.what());
    REQUIRE(error.problems().size() == 3);
    CHECK(error.problems()[0].json_path == "/start/acuracy floor");
    CHECK_THAT(error.problems()[0].message, Catch::Contains("did you mean \"accuracy floor\"?"));
    CHECK(error.problems()[1].json_path == "/start/drift rate");
    CHECK(error.problems()[2].json_path == "/max_evaluations");
  }
}

TEST_CASE("targets-file problems name the path", "[experiment_file]") {
  const aiscale_test::TempDir dir("experiment-file");
  const auto file = dir.write("targets.json", R"({"targets": [{"output": "roi_final"}]})");
  expect_one(check_targets(file), file, "/targets/0",
             {"give either \"value\" (a value) or \"min\" and \"max\" (a range), not both or neither"});
  const auto start = dir.write("start.json", R"({"targets": [{"output": "roi_final", "value": 1}], "start": {"x": "a"}})");
  expect_one(check_targets(start), start, "/start/x", {"expected a number"});
  CHECK_THROWS_AS(load_targets(start), ExperimentError);
}

TEST_CASE("a target's miss is squared in units of its scale", "[experiment_file]") {
  Target value;
  value.value = 2.0;
  value.scale = 0.5;
  CHECK(value.miss(3.0) == 4.0);
  Target range;
  range.min = 1.0;
  range.max = 3.0;
  range.scale = 2.0;
  CHECK(range.miss(2.0) == 0.0);
  CHECK(range.miss(5.0) == 1.0);
  CHECK(range.miss(0.0) == 0.25);
  CHECK(std::isinf(range.miss(std::nan(""))));
}

TEST_CASE("the committed experiment and targets schemas are the generated ones", "[experiment_file]") {
  CHECK(aiscale_test::read_file(kExperiments / "experiment.schema.json") == experiment_schema().dump(2) + "\n");
  CHECK(aiscale_test::read_file(kExperiments / "targets.schema.json") == targets_schema().dump(2) + "\n");
  CHECK(experiment_schema().at("required") ==
        json::array({"name", "scenario", "parameters", "outputs", "replications"}));
  CHECK(targets_schema().at("required") == json::array({"targets"}));
}

TEST_CASE("docs/research.md holds the generated key tables", "[experiment_file]") {
  const std::string doc = aiscale_test::read_file(kSource / "docs" / "research.md");
  CHECK_THAT(experiment_markdown_table(), Catch::Contains("| `/parameters/*/min` | number | any | (a range) "));
  CHECK_THAT(experiment_markdown_table(), Catch::Contains("| `/bootstrap` | integer | >= 10 |"));
  CHECK_THAT(doc, Catch::Contains(experiment_markdown_table()));
  CHECK_THAT(targets_markdown_table(), Catch::Contains("| `/start/<parameter>` | number | any |"));
  CHECK_THAT(doc, Catch::Contains(targets_markdown_table()));
}
