// Tests models/enterprise/scenario_io.hpp: the shipped scenarios load; extends merges as
// RFC 7386 says; every class of bad input gets a message naming the file, the JSON path,
// the bad value and what is allowed; the committed schema and docs table are current.
#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/enterprise/scenario_io.hpp"
#include "support/files.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace models::enterprise;

namespace {

const fs::path kSource = AISCALE_SOURCE_DIR;
const fs::path kScenarios = kSource / "scenarios";
const fs::path kDefault = kScenarios / "default.json";

using aiscale_test::read_file;

json read_json(const fs::path& file) { return json::parse(read_file(file)); }

/// A temporary directory that also writes JSON and scenarios extending default.json.
class TempDir : public aiscale_test::TempDir {
 public:
  TempDir() : aiscale_test::TempDir("scenario-io") {}
  using aiscale_test::TempDir::write;
  fs::path write(const std::string& name, const json& content) const { return write(name, content.dump(2)); }

  /// A file that extends the shipped default.json with `patch`.
  fs::path extend_default(const std::string& name, json patch) const {
    patch["extends"] = kDefault.string();
    return write(name, patch);
  }
};

std::string listing(const std::vector<ScenarioProblem>& problems) {
  std::string out;
  for (const auto& p : problems) out += format_problem(p) + "\n";
  return out;
}

/// `file` has exactly one problem, at `path`, whose message contains every fragment;
/// load_scenario() throws it with what() "<file>: <path>: <message>".
void expect_one_problem(const fs::path& file, const std::string& path,
                        std::initializer_list<std::string> fragments) {
  const auto problems = check_scenario(file);
  INFO(listing(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == file.string());
  CHECK(problems[0].json_path == path);
  for (const auto& fragment : fragments) CHECK_THAT(problems[0].message, Catch::Contains(fragment));
  try {
    (void)load_scenario(file);
    FAIL("load_scenario accepted a bad scenario");
  } catch (const ScenarioError& e) {
    const std::string prefix =
        path.empty() ? file.string() + ": " : file.string() + ": " + path + ": ";
    CHECK(std::string(e.what()) == prefix + problems[0].message);
    CHECK(e.problems() == problems);
  }
}

std::vector<fs::path> shipped_scenarios() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(kScenarios)) {
    if (entry.path().extension() == ".json" && entry.path().filename() != "scenario.schema.json" &&
        entry.path().parent_path().filename() != "experiments") {  // experiment files (docs/research.md)
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

// --- the shipped scenarios --------------------------------------------------------------

TEST_CASE("every shipped scenario loads", "[scenario_io]") {
  const auto files = shipped_scenarios();
  CHECK(files.size() >= 6);
  for (const auto& file : files) {
    INFO(file.string());
    CHECK(check_scenario(file).empty());
    CHECK_NOTHROW(load_scenario(file));
  }
}

TEST_CASE("the default scenario reads as its file says", "[scenario_io]") {
  const Scenario s = load_scenario(kDefault);
  CHECK(s.name == "default");
  CHECK(s.horizon_months == 60.0);
  CHECK(s.structure == Structure::hybrid);
  REQUIRE(s.business_units.size() == 12);
  CHECK(s.business_units[0].name == "retail");
  CHECK(s.business_units[11].name == "r-and-d");
  CHECK(s.business_units[3].data_quality == 0.4);
  CHECK(s.graph.topology == Topology::small_world);
  CHECK(s.graph.small_world_neighbours == 4);
  CHECK(s.graph.edges.empty());
  CHECK(s.workforce.headcount[Role::data_scientist] == 8);
  CHECK(s.workforce.headcount[Role::governance] == 2);
  CHECK(s.workforce.monthly_cost[Role::ml_engineer] == 17000.0);
  const nlohmann::json raw = nlohmann::json::parse(std::ifstream(kDefault));
  CHECK(s.lifecycle.data_prep.mean == raw["lifecycle"]["data_prep"]["mean"].get<double>());
  CHECK(s.lifecycle.data_prep.distribution == EffortDistribution::lognormal);
  CHECK(s.production.drift_rate == 0.045);
  CHECK(s.money.discount_rate_per_year == 0.08);
  CHECK(s.switches.reuse);
  CHECK(s.interventions.empty());

  const StructurePolicy& coe = s.policy(Structure::coe);
  CHECK(coe.domain_fit == 0.75);
  CHECK(coe.shared_backlog);
  for (const Role r : kRoles) CHECK(coe.central[r]);
  const StructurePolicy& federated = s.policy(Structure::federated);
  for (const Role r : kRoles) CHECK_FALSE(federated.central[r]);
  const StructurePolicy& hybrid = s.policy(Structure::hybrid);
  CHECK(hybrid.central[Role::mlops_engineer]);
  CHECK(hybrid.central[Role::governance]);
  CHECK_FALSE(hybrid.central[Role::data_scientist]);
  CHECK(hybrid.shared_platform);
  CHECK_FALSE(hybrid.shared_backlog);
}

TEST_CASE("the shipped variants change only what they say", "[scenario_io]") {
  const Scenario base = load_scenario(kDefault);
  CHECK(load_scenario(kScenarios / "coe.json").structure == Structure::coe);
  CHECK(load_scenario(kScenarios / "federated.json").structure == Structure::federated);
  CHECK(load_scenario(kScenarios / "hybrid.json").structure == Structure::hybrid);

  const Scenario adhoc = load_scenario(kScenarios / "ad-hoc.json");
  CHECK(adhoc.name == "ad-hoc");
  CHECK(adhoc.structure == Structure::federated);
  CHECK(adhoc.workforce.headcount[Role::mlops_engineer] == 1);
  CHECK(adhoc.workforce.headcount[Role::data_scientist] ==
        base.workforce.headcount[Role::data_scientist]);
  CHECK(adhoc.platform.initial == 0.0);
  CHECK(adhoc.platform.build_rate < base.platform.build_rate);
  CHECK(adhoc.money.change_management_per_month < base.money.change_management_per_month);
  CHECK(adhoc.lifecycle.portfolio_discipline == 0.1);
  CHECK(adhoc.data_debt.data_governance == 0.05);
  CHECK(adhoc.production.monitoring_base < base.production.monitoring_base);
  CHECK(adhoc.business_units.size() == base.business_units.size());

  const Scenario best = load_scenario(kScenarios / "best-practice.json");
  CHECK(best.structure == Structure::hybrid);
  CHECK(best.platform.initial == 0.4);
  CHECK(best.platform.build_rate > base.platform.build_rate);
  CHECK(best.workforce.headcount[Role::mlops_engineer] == 5);
  CHECK(best.workforce.headcount[Role::data_engineer] == 12);
  CHECK(best.workforce.headcount[Role::ml_engineer] == base.workforce.headcount[Role::ml_engineer]);
  CHECK(best.money.change_management_per_month == 80000.0);
  CHECK(best.lifecycle.portfolio_discipline == 0.8);
  CHECK(best.data_debt.data_governance == 0.6);
  CHECK(best.data_debt.paydown_share == 0.2);
  CHECK(best.governance.initial == 0.6);
}

// --- round trip -------------------------------------------------------------------------

TEST_CASE("to_json is complete and round-trips", "[scenario_io]") {
  const Scenario s = load_scenario(kDefault);
  const json j = to_json(s);
  // Every key of default.json, and nothing else (numbers compare by value: 60 == 60.0).
  json file = read_json(kDefault);
  file.erase("$schema");
  CHECK(j == file);
  CHECK(to_json(scenario_from_json(j, "memory")) == j);

  // Through a file, with text formatting of every double.
  const TempDir dir;
  const auto written = dir.write("written.json", j.dump());
  CHECK(to_json(load_scenario(written)) == j);
}

TEST_CASE("to_json round-trips explicit edges and every intervention kind", "[scenario_io]") {
  json j = to_json(load_scenario(kDefault));
  j["graph"]["topology"] = "explicit";
  j["graph"]["edges"] = json::parse(R"([
    {"from": "retail", "to": "e-commerce", "weight": 0.8, "shared_data": true},
    {"from": "finance", "to": "risk", "weight": 0.3, "shared_data": false}])");
  j["interventions"] = json::parse(R"([
    {"month": 24, "kind": "hire", "role": "data_engineer", "count": 3},
    {"month": 30, "kind": "hire", "role": "data_scientist", "count": -2},
    {"month": 12, "kind": "set_structure", "structure": "coe"},
    {"month": 6, "kind": "set_change_management", "amount": 80000},
    {"month": 6, "kind": "set_monitoring", "amount": 0.3},
    {"month": 7, "kind": "set_auto_retraining", "amount": 0.5},
    {"month": 0, "kind": "start_platform", "amount": 2},
    {"month": 60, "kind": "raise_governance", "amount": 0.2},
    {"month": 1.5, "kind": "set_portfolio_discipline", "amount": 0.9}])");
  const Scenario s = scenario_from_json(j, "memory");
  REQUIRE(s.graph.edges.size() == 2);
  CHECK(s.graph.topology == Topology::explicit_edges);
  CHECK(s.graph.edges[0].from == "retail");
  CHECK(s.graph.edges[1].weight == 0.3);
  CHECK_FALSE(s.graph.edges[1].shared_data);
  REQUIRE(s.interventions.size() == 9);
  CHECK(s.interventions[0].kind == Intervention::Kind::hire);
  CHECK(s.interventions[0].role == Role::data_engineer);
  CHECK(s.interventions[0].count == 3);
  CHECK(s.interventions[1].count == -2);
  CHECK(s.interventions[2].structure == Structure::coe);
  CHECK(s.interventions[3].amount == 80000.0);
  CHECK(s.interventions[8].month == 1.5);
  CHECK(s.interventions[8].kind == Intervention::Kind::set_portfolio_discipline);
  CHECK(to_json(s) == j);

  // Fields a kind does not use hold a fixed value: 0 or the first enum value.
  CHECK(s.interventions[0].amount == 0.0);
  CHECK(s.interventions[0].structure == Structure::coe);
  CHECK(s.interventions[2].role == Role::data_scientist);
  CHECK(s.interventions[2].count == 0);
  CHECK(s.interventions[2].amount == 0.0);
  CHECK(s.interventions[3].count == 0);
}

// --- extends ----------------------------------------------------------------------------

TEST_CASE("extends overrides one nested number and keeps the rest", "[scenario_io]") {
  const TempDir dir;
  const auto file =
      dir.extend_default("cv.json", json::parse(R"({"lifecycle": {"data_prep": {"cv": 0.9}}})"));
  const Scenario base = load_scenario(kDefault);
  const Scenario s = load_scenario(file);
  CHECK(s.lifecycle.data_prep.cv == 0.9);
  CHECK(s.lifecycle.data_prep.mean == base.lifecycle.data_prep.mean);
  CHECK(s.lifecycle.modeling.cv == base.lifecycle.modeling.cv);
  json expected = to_json(base);
  expected["lifecycle"]["data_prep"]["cv"] = 0.9;
  CHECK(to_json(s) == expected);
}

TEST_CASE("extends replaces arrays whole", "[scenario_io]") {
  const TempDir dir;
  const auto file = dir.extend_default("one_unit.json", json::parse(R"({
    "graph": {"topology": "complete"},
    "business_units": [{"name": "solo", "users": 10, "idea_rate": 0.1, "value_scale": 1000,
                        "data_quality": 0.5, "legacy_complexity": 0.5, "regulatory_risk": 0.5,
                        "trust": 0.5, "data_debt": 0}],
    "structures": {"hybrid": {"central_roles": ["governance"]}}})"));
  const Scenario s = load_scenario(file);
  REQUIRE(s.business_units.size() == 1);
  CHECK(s.business_units[0].name == "solo");
  CHECK(s.policy(Structure::hybrid).central[Role::governance]);
  CHECK_FALSE(s.policy(Structure::hybrid).central[Role::mlops_engineer]);
  CHECK(s.policy(Structure::hybrid).domain_fit == 0.95);  // the object merged, the array replaced
}

TEST_CASE("extends null deletes a key which is then reported missing", "[scenario_io]") {
  const TempDir dir;
  const auto file = dir.extend_default(
      "deleted.json", json::parse(R"({"lifecycle": {"data_prep": {"cv": null}}})"));
  expect_one_problem(file, "/lifecycle/data_prep/cv",
                     {"missing key 'cv'", "add it, or extend a scenario that sets it",
                      "scenarios/default.json sets every key"});
}

TEST_CASE("a key missing from a complete scenario is named", "[scenario_io]") {
  const TempDir dir;
  json j = to_json(load_scenario(kDefault));
  j["trust"].erase("spillover_rate");
  const auto file = dir.write("incomplete.json", j);
  expect_one_problem(file, "/trust/spillover_rate",
                     {"missing key 'spillover_rate'", "extend a scenario"});

  j = to_json(load_scenario(kDefault));
  j["business_units"][2].erase("trust");
  const auto unit = dir.write("unit.json", j);
  expect_one_problem(unit, "/business_units/2/trust", {"missing key 'trust'", "array"});
}

TEST_CASE("extends chains resolve relative to each extending file", "[scenario_io]") {
  const TempDir dir;
  // sub/base.json extends the default; sub/deeper/mid.json extends "../base.json";
  // top.json extends "sub/deeper/mid.json".
  dir.write("sub/base.json",
            json{{"extends", kDefault.string()}, {"horizon_months", 36}, {"name", "base"}});
  dir.write("sub/deeper/mid.json",
            json{{"extends", "../base.json"}, {"structure", "coe"}, {"name", "mid"}});
  const auto top = dir.write("top.json", json{{"extends", "sub/deeper/mid.json"}, {"name", "top"}});
  const Scenario s = load_scenario(top);
  CHECK(s.name == "top");
  CHECK(s.structure == Structure::coe);
  CHECK(s.horizon_months == 36.0);
  CHECK(s.business_units.size() == 12);
}

TEST_CASE("a problem is reported in the file of the chain that sets the value", "[scenario_io]") {
  const TempDir dir;
  const auto base =
      dir.extend_default("base.json", json::parse(R"({"trust": {"spillover_rate": 7}})"));
  const auto top = dir.write("top.json", json{{"extends", "base.json"}, {"name", "top"}});
  const auto problems = check_scenario(top);
  INFO(listing(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == base.string());
  CHECK(problems[0].json_path == "/trust/spillover_rate");
  CHECK_THAT(problems[0].message, Catch::Contains("7") && Catch::Contains("[0, 1]"));
}

TEST_CASE("cyclic extends is an error naming the chain", "[scenario_io]") {
  const TempDir dir;
  const auto a = dir.write("a.json", json{{"extends", "b.json"}});
  const auto b = dir.write("b.json", json{{"extends", "a.json"}});
  const auto problems = check_scenario(a);
  INFO(listing(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == b.lexically_normal().string());
  CHECK(problems[0].json_path == "/extends");
  CHECK_THAT(problems[0].message, Catch::Contains("extends cycle: " + a.string() + " -> " +
                                                  b.lexically_normal().string() + " -> " +
                                                  a.lexically_normal().string()));
  CHECK_THROWS_AS(load_scenario(a), ScenarioError);

  const auto self = dir.write("self.json", json{{"extends", "self.json"}});
  const auto own = check_scenario(self);
  REQUIRE(own.size() == 1);
  CHECK_THAT(own[0].message, Catch::Contains("extends cycle"));
}

TEST_CASE("a missing base file names the extending file and the path as written", "[scenario_io]") {
  const TempDir dir;
  const auto file = dir.write("orphan.json", json{{"extends", "bases/nope.json"}});
  expect_one_problem(
      file, "/extends",
      {"\"bases/nope.json\"", "no such file", (dir.path() / "bases/nope.json").string()});

  const auto wrong_type = dir.write("wrong.json", json{{"extends", 3}});
  expect_one_problem(wrong_type, "/extends", {"expected a non-empty string", "got 3"});
}

TEST_CASE("a missing or unreadable file is a problem not a crash", "[scenario_io]") {
  const TempDir dir;
  const auto missing = dir.path() / "missing.json";
  expect_one_problem(missing, "", {"no such file"});
  expect_one_problem(dir.path(), "", {"is a directory"});
}

// --- bad input, class by class ----------------------------------------------------------

TEST_CASE("malformed JSON is reported with line and column", "[scenario_io]") {
  const TempDir dir;
  const auto file = dir.write(
      "malformed.json", std::string("{\n  \"name\": \"x\",\n  \"horizon_months\": 60,,\n}\n"));
  expect_one_problem(file, "", {"malformed JSON at line 3, column 24", "unexpected ','"});
  const auto empty = dir.write("empty.json", std::string());
  expect_one_problem(empty, "", {"malformed JSON at line 1, column 1", "end of input"});
  const auto truncated = dir.write("truncated.json", std::string("{\"name\": \"x\""));
  expect_one_problem(truncated, "", {"malformed JSON at line 1, column 13"});
}

TEST_CASE("JSON that is not a scenario object is rejected", "[scenario_io]") {
  const TempDir dir;
  expect_one_problem(dir.write("array.json", std::string("[1, 2]")), "",
                     {"expected a JSON object", "an array of 2 items"});
  expect_one_problem(
      dir.write("duplicate.json", std::string(R"({"graph": {"weight": 0.5, "weight": 0.6}})")),
      "/graph/weight", {"duplicate key 'weight'"});
  // Absurd nesting is refused while parsing, before anything recurses over it.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  std::string deep_path;
  for (int i = 0; i < 64; ++i) deep_path += "/0";
  expect_one_problem(dir.write("deep.json", deep), deep_path, {"nested deeper than 64 levels"});
}

TEST_CASE("strings that are not valid UTF-8 in messages do not throw", "[scenario_io]") {
  const TempDir dir;
  // A long value is shortened in the message, possibly inside a multi-byte character.
  std::string long_name;
  for (int i = 0; i < 40; ++i) long_name += "\u00e9";
  const auto file =
      dir.extend_default("long.json", json{{"structure", json::parse("\"" + long_name + "\"")}});
  const auto problems = check_scenario(file);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].json_path == "/structure");
  CHECK_THAT(problems[0].message, Catch::Contains("is not allowed"));
  // JSON built in memory may hold any bytes.
  json j = to_json(load_scenario(kDefault));
  j["structure"] = std::string("co\xff");
  j["business_units"][1]["name"] = std::string("r\xfftail");
  j["graph"]["topology"] = "explicit";
  j["graph"]["edges"] = json::array(
      {{{"from", "retail"}, {"to", std::string("\xfe")}, {"weight", 1}, {"shared_data", true}}});
  try {
    (void)scenario_from_json(j, "memory");
    FAIL("accepted");
  } catch (const ScenarioError& e) {
    CHECK(e.problems().size() == 2);
  }
}

TEST_CASE("unknown keys are errors with a did-you-mean", "[scenario_io]") {
  const TempDir dir;
  expect_one_problem(
      dir.extend_default("typo.json", json::parse(R"({"production": {"drift_rat": 0.05}})")),
      "/production/drift_rat", {"unknown key 'drift_rat'", "did you mean 'drift_rate'?"});
  expect_one_problem(dir.extend_default("case.json", json::parse(R"({"Horizon_Months": 24})")),
                     "/Horizon_Months",
                     {"unknown key 'Horizon_Months'", "did you mean 'horizon_months'?"});
  expect_one_problem(
      dir.extend_default("prefix.json", json::parse(R"({"graph": {"small_world": 4}})")),
      "/graph/small_world", {"did you mean 'small_world_neighbours'?"});
  expect_one_problem(dir.extend_default("far.json", json::parse(R"({"money": {"bonus": 1}})")),
                     "/money/bonus",
                     {"unknown key 'bonus'",
                      "allowed keys here: change_management_per_month, discount_rate_per_year"});
  expect_one_problem(
      dir.extend_default("deep_unknown.json",
                         json::parse(R"({"lifecycle": {"pilot": {"mean": 1, "sd": 0.2}}})")),
      "/lifecycle/pilot/sd", {"unknown key 'sd'"});
}

TEST_CASE("wrong types name the expected type and the value", "[scenario_io]") {
  const TempDir dir;
  struct Case {
    const char* patch;
    const char* path;
    const char* message;
  };
  for (const Case c : {
           Case{R"({"horizon_months": "abc"})", "/horizon_months",
                "expected a number, got \"abc\""},
           Case{R"({"switches": {"drift": 1}})", "/switches/drift",
                "expected true or false, got 1"},
           Case{R"({"workforce": {"headcount": {"ml_engineer": 2.5}}})",
                "/workforce/headcount/ml_engineer", "expected an integer, got 2.5"},
           Case{R"({"trust": 0.5})", "/trust", "expected an object, got 0.5"},
           Case{R"({"business_units": {"name": "x"}})", "/business_units",
                "expected an array, got an object"},
           Case{R"({"name": 7})", "/name", "expected a non-empty string, got 7"},
           Case{R"({"name": ""})", "/name", "must be a non-empty string"},
           Case{R"({"structure": true})", "/structure",
                "expected one of \"coe\", \"federated\", \"hybrid\", got true"},
           Case{R"({"graph": {"small_world_neighbours": 1e10}})", "/graph/small_world_neighbours",
                "too large"},
       }) {
    INFO(c.patch);
    expect_one_problem(dir.extend_default("type.json", json::parse(c.patch)), c.path, {c.message});
  }
  // An integral float is an integer, as in JSON Schema.
  CHECK(load_scenario(dir.extend_default(
                          "integral.json",
                          json::parse(R"({"workforce": {"headcount": {"ml_engineer": 6.0}}})")))
            .workforce.headcount[Role::ml_engineer] == 6);
}

TEST_CASE("out-of-range values name the value and the allowed range", "[scenario_io]") {
  const TempDir dir;
  struct Case {
    const char* patch;
    const char* path;
    const char* value;
    const char* allowed;
  };
  for (const Case c : {
           Case{R"({"lifecycle": {"sponsor_support": 1.5}})", "/lifecycle/sponsor_support", "1.5",
                "in [0, 1]"},
           Case{R"({"business_units": [{"name": "a", "users": 1, "idea_rate": 1, "value_scale": 1,
                  "data_quality": -0.2, "legacy_complexity": 0, "regulatory_risk": 0, "trust": 0,
                  "data_debt": 0}], "graph": {"topology": "complete"}})",
                "/business_units/0/data_quality", "-0.2", "in [0, 1]"},
           Case{R"({"workforce": {"headcount": {"data_engineer": -1}}})",
                "/workforce/headcount/data_engineer", "-1", ">= 0"},
           Case{R"({"horizon_months": 0})", "/horizon_months", "0", "> 0"},
           Case{R"({"horizon_months": -12})", "/horizon_months", "-12", "> 0"},
           Case{R"({"lifecycle": {"data_prep": {"cv": -0.1}}})", "/lifecycle/data_prep/cv", "-0.1",
                ">= 0"},
           Case{R"({"lifecycle": {"deployment": {"mean": 0}}})", "/lifecycle/deployment/mean", "0",
                "> 0"},
           Case{R"({"workforce": {"progress_ratio": 0}})", "/workforce/progress_ratio", "0",
                "in (0, 1]"},
           Case{R"({"workforce": {"progress_ratio": 1.1}})", "/workforce/progress_ratio", "1.1",
                "in (0, 1]"},
           Case{R"({"graph": {"weight": 0}})", "/graph/weight", "0", "in (0, 1]"},
           Case{R"({"graph": {"small_world_neighbours": 3}})", "/graph/small_world_neighbours", "3",
                ">= 2, a multiple of 2"},
           Case{R"({"graph": {"small_world_neighbours": 0}})", "/graph/small_world_neighbours", "0",
                ">= 2"},
           Case{R"({"graph": {"small_world_neighbours": 12}})", "/graph/small_world_neighbours",
                "12", "below the number of business units (12)"},
           Case{R"({"workforce": {"attrition_per_month": 2}})", "/workforce/attrition_per_month",
                "2", "in [0, 1]"},
           Case{R"({"platform": {"deployment_effect": 1}})", "/platform/deployment_effect", "1",
                "in [0, 1)"},
           Case{R"({"production": {"accuracy_floor": 0.9}})", "/production/accuracy_floor", "0.9",
                "below accuracy_initial (0.88)"},
           Case{R"({"adoption": {"change_management_reference": 0}})",
                "/adoption/change_management_reference", "0", "> 0"},
           Case{R"({"structures": {"coe": {"domain_fit": 0}}})", "/structures/coe/domain_fit", "0",
                "in (0, 1]"},
       }) {
    INFO(c.patch);
    expect_one_problem(
        dir.extend_default("range.json", json::parse(c.patch)), c.path,
        {std::string(c.value) + " is out of range", std::string("must be ") + c.allowed});
  }
}

TEST_CASE("unknown enum strings list the allowed names", "[scenario_io]") {
  const TempDir dir;
  expect_one_problem(
      dir.extend_default("structure.json", json{{"structure", "coe2"}}), "/structure",
      {"\"coe2\" is not allowed", "must be one of \"coe\", \"federated\", \"hybrid\"",
       "did you mean \"coe\"?"});
  expect_one_problem(
      dir.extend_default("topology.json", json::parse(R"({"graph": {"topology": "smallworld"}})")),
      "/graph/topology",
      {"\"smallworld\"", "\"explicit\", \"ring\", \"small_world\", \"complete\"",
       "did you mean \"small_world\"?"});
  expect_one_problem(
      dir.extend_default("distribution.json",
                         json::parse(R"({"lifecycle": {"pilot": {"distribution": "normal"}}})")),
      "/lifecycle/pilot/distribution",
      {"\"normal\"", "\"lognormal\", \"exponential\", \"gamma\", \"deterministic\""});
  expect_one_problem(
      dir.extend_default(
          "roles.json", json::parse(R"({"structures": {"hybrid": {"central_roles": ["mlops"]}}})")),
      "/structures/hybrid/central_roles/0", {"\"mlops\"", "\"mlops_engineer\""});
  expect_one_problem(
      dir.extend_default(
          "roles_twice.json",
          json::parse(
              R"({"structures": {"hybrid": {"central_roles": ["governance", "governance"]}}})")),
      "/structures/hybrid/central_roles/1", {"\"governance\" is listed twice", "unique"});
  expect_one_problem(
      dir.extend_default("structures.json", json::parse(R"({"structures": {"centre": {}}})")),
      "/structures/centre", {"unknown key 'centre'", "allowed keys here: coe, federated, hybrid"});
}

TEST_CASE("business unit names must be unique and there must be enough units", "[scenario_io]") {
  const TempDir dir;
  json j = to_json(load_scenario(kDefault));
  j["business_units"][5]["name"] = "retail";
  expect_one_problem(
      dir.write("duplicate.json", j), "/business_units/5/name",
      {"duplicate business unit name \"retail\"", "/business_units/0/name", "unique"});

  j = to_json(load_scenario(kDefault));
  j["business_units"] = json::array();
  expect_one_problem(dir.write("none.json", j), "/business_units", {"has 0 items", "at least 1"});

  j = to_json(load_scenario(kDefault));
  j["business_units"] = json::array({j["business_units"][0], j["business_units"][1]});
  j["graph"]["topology"] = "ring";
  expect_one_problem(dir.write("ring.json", j), "/graph/topology",
                     {"\"ring\"", "needs at least 3 business units", "got 2"});
}

TEST_CASE("explicit edges must connect existing distinct units once", "[scenario_io]") {
  const TempDir dir;
  const auto with_edges = [&](const std::string& name, const char* edges) {
    return dir.extend_default(
        name, json{{"graph", {{"topology", "explicit"}, {"edges", json::parse(edges)}}}});
  };
  expect_one_problem(with_edges("dangling.json", R"([
      {"from": "retail", "to": "finance", "weight": 0.5, "shared_data": true},
      {"from": "retail", "to": "retial", "weight": 0.5, "shared_data": true}])"),
                     "/graph/edges/1/to",
                     {"edge 1 names unknown business unit \"retial\"", "did you mean \"retail\"?"});
  expect_one_problem(
      with_edges("far.json",
                 R"([{"from": "zzzz", "to": "retail", "weight": 0.5, "shared_data": true}])"),
      "/graph/edges/0/from", {"unknown business unit \"zzzz\"", "business units: \"retail\""});
  expect_one_problem(
      with_edges("loop.json",
                 R"([{"from": "hr", "to": "hr", "weight": 0.5, "shared_data": false}])"),
      "/graph/edges/0", {"edge 0 connects \"hr\" to itself", "self-loops are not allowed"});
  expect_one_problem(with_edges("twice.json", R"([
      {"from": "hr", "to": "legal", "weight": 0.5, "shared_data": false},
      {"from": "legal", "to": "hr", "weight": 0.2, "shared_data": false}])"),
                     "/graph/edges/1", {"edge 1 repeats edge 0", "undirected"});
  expect_one_problem(
      with_edges("edge_weight.json",
                 R"([{"from": "hr", "to": "legal", "weight": 2, "shared_data": false}])"),
      "/graph/edges/0/weight", {"2 is out of range", "in (0, 1]"});
  expect_one_problem(
      dir.extend_default(
          "generated.json",
          json::parse(
              R"({"graph": {"edges": [{"from": "hr", "to": "legal", "weight": 0.5, "shared_data": false}]}})")),
      "/graph/edges", {"topology is \"small_world\"", "only used with topology \"explicit\""});
}

TEST_CASE("bad interventions are named by index and field", "[scenario_io]") {
  const TempDir dir;
  struct Case {
    const char* intervention;
    const char* path;
    std::vector<std::string> fragments;
  };
  for (const Case& c : std::vector<Case>{
           {R"({"month": 70, "kind": "hire", "role": "data_engineer", "count": 3})",
            "/interventions/0/month",
            {"70 is out of range", "in [0, 60]", "horizon_months is 60"}},
           {R"({"month": -1, "kind": "hire", "role": "data_engineer", "count": 3})",
            "/interventions/0/month",
            {"-1 is out of range", ">= 0"}},
           {R"({"month": 3, "kind": "hire", "role": "data_engineer"})",
            "/interventions/0/count",
            {"missing key 'count'", "kind \"hire\" needs role, count"}},
           {R"({"month": 3, "kind": "hire", "role": "data_engineer", "count": 0})",
            "/interventions/0/count",
            {"0 is out of range", "non-zero"}},
           {R"({"month": 3, "kind": "hire", "role": "chef", "count": 1})",
            "/interventions/0/role",
            {"\"chef\" is not allowed", "\"data_scientist\""}},
           {R"({"month": 3, "kind": "set_structure"})",
            "/interventions/0/structure",
            {"missing key 'structure'", "kind \"set_structure\" needs structure"}},
           {R"({"month": 3, "kind": "set_structure", "structure": "coe", "amount": 2})",
            "/interventions/0/amount",
            {"'amount' is not used by kind \"set_structure\"", "takes structure"}},
           {R"({"month": 3, "kind": "set_monitoring", "amount": 2})",
            "/interventions/0/amount",
            {"2 is out of range", "in [0, 1]"}},
           {R"({"month": 3, "kind": "set_change_management", "amount": -5})",
            "/interventions/0/amount",
            {"-5 is out of range", ">= 0"}},
           {R"({"month": 3, "kind": "fire", "role": "data_engineer", "count": 1})",
            "/interventions/0/kind",
            {"\"fire\" is not allowed", "\"set_portfolio_discipline\"", "did you mean \"hire\"?"}},
           {R"({"monht": 3, "month": 3, "kind": "start_platform", "amount": 1})",
            "/interventions/0/monht",
            {"unknown key 'monht'", "did you mean 'month'?"}},
           {R"({"kind": "start_platform", "amount": 1})",
            "/interventions/0/month",
            {"missing key 'month'", "array"}},
       }) {
    INFO(c.intervention);
    json patch;
    patch["interventions"] = json::array({json::parse(c.intervention)});
    const auto file = dir.extend_default("intervention.json", patch);
    const auto problems = check_scenario(file);
    INFO(listing(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == file.string());
    CHECK(problems[0].json_path == c.path);
    for (const auto& f : c.fragments) CHECK_THAT(problems[0].message, Catch::Contains(f));
  }
}

TEST_CASE("all problems of a file are reported together", "[scenario_io]") {
  const TempDir dir;
  const auto file = dir.extend_default("many.json", json::parse(R"({
    "horizon_months": -1,
    "structure": "matrix",
    "lifecycle": {"data_prep": {"cv": -1}, "wip_per_persn": 2},
    "graph": {"topology": "explicit",
              "edges": [{"from": "retail", "to": "nowhere", "weight": 0.5, "shared_data": true}]}})"));
  const auto problems = check_scenario(file);
  INFO(listing(problems));
  REQUIRE(problems.size() == 5);
  std::set<std::string> paths;
  for (const auto& p : problems) {
    CHECK(p.file == file.string());
    paths.insert(p.json_path);
  }
  CHECK(paths == std::set<std::string>{"/horizon_months", "/structure", "/lifecycle/data_prep/cv",
                                       "/lifecycle/wip_per_persn", "/graph/edges/0/to"});
  try {
    (void)load_scenario(file);
    FAIL("accepted");
  } catch (const ScenarioError& e) {
    const std::string what = e.what();
    CHECK(std::count(what.begin(), what.end(), '\n') == 4);  // five lines
    for (const auto& p : problems) CHECK_THAT(what, Catch::Contains(format_problem(p)));
  }
}

TEST_CASE("scenario_from_json needs a complete scenario without extends", "[scenario_io]") {
  json j = to_json(load_scenario(kDefault));
  j["$schema"] = "scenario.schema.json";  // ignored
  CHECK_NOTHROW(scenario_from_json(j, "memory"));
  j["extends"] = "default.json";
  j.erase("money");
  try {
    (void)scenario_from_json(j, "memory");
    FAIL("accepted");
  } catch (const ScenarioError& e) {
    REQUIRE(e.problems().size() == 2);
    CHECK(e.problems()[0].file == "memory");
    CHECK(e.problems()[0].json_path == "/extends");
    CHECK(e.problems()[1].json_path == "/money");
  }
  CHECK_THROWS_AS(scenario_from_json(json::array(), "memory"), ScenarioError);
  CHECK_THROWS_AS(scenario_from_json(json(), "memory"), ScenarioError);
}

// --- schema and docs --------------------------------------------------------------------

TEST_CASE("the committed schema is the generated one", "[scenario_io]") {
  const json committed = read_json(kScenarios / "scenario.schema.json");
  CHECK(committed == scenario_schema());
  CHECK(read_file(kScenarios / "scenario.schema.json") == scenario_schema().dump(2) + "\n");
}

namespace {

/// Every key path of `value` is declared in `schema` (properties, items), objects are
/// closed (additionalProperties false), and when `complete`, every declared key is there.
void check_against_schema(const json& value, const json& schema, const std::string& path,
                          bool complete) {
  INFO(path);
  if (value.is_object()) {
    REQUIRE(schema.at("type") == "object");
    CHECK(schema.at("additionalProperties") == false);
    const json& properties = schema.at("properties");
    for (auto it = value.begin(); it != value.end(); ++it) {
      INFO(it.key());
      REQUIRE(properties.contains(it.key()));
      check_against_schema(*it, properties.at(it.key()), path + "/" + it.key(), complete);
    }
    if (complete && schema.contains("required")) {
      for (const auto& key : schema.at("required")) CHECK(value.contains(key.get<std::string>()));
    }
  } else if (value.is_array()) {
    REQUIRE(schema.at("type") == "array");
    for (std::size_t i = 0; i < value.size(); ++i) {
      check_against_schema(value[i], schema.at("items"), path + "/" + std::to_string(i), true);
    }
  } else if (schema.is_object() && schema.contains("type")) {
    const std::string type = schema.at("type");
    if (type == "number") CHECK(value.is_number());
    if (type == "integer") CHECK(value.is_number_integer());
    if (type == "boolean") CHECK(value.is_boolean());
    if (type == "string") CHECK(value.is_string());
    if (schema.contains("enum"))
      CHECK(std::find(schema["enum"].begin(), schema["enum"].end(), value) != schema["enum"].end());
  }
}

}  // namespace

TEST_CASE("every key of the shipped scenarios is declared in the schema", "[scenario_io]") {
  const json schema = scenario_schema();
  CHECK(schema.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
  const json& defs = schema.at("$defs");
  for (const auto& file : shipped_scenarios()) {
    const json content = read_json(file);
    const bool complete = !content.contains("extends");
    check_against_schema(content, defs.at(complete ? "complete" : "partial"),
                         file.filename().string(), complete);
  }
  // The complete form requires every key to_json writes.
  const json full = to_json(load_scenario(kDefault));
  check_against_schema(full, defs.at("complete"), "to_json", true);
  std::vector<std::string> required;
  for (const auto& key : defs.at("complete").at("required")) required.push_back(key);
  CHECK(required.size() == full.size());
  CHECK_FALSE(defs.at("partial").contains("required"));
}

TEST_CASE("docs/scenarios.md holds the generated key table", "[scenario_io]") {
  const std::string table = scenario_markdown_table();
  CHECK_THAT(table, Catch::Contains("| `/lifecycle/data_prep/cv` | number | >= 0 |"));
  CHECK_THAT(table, Catch::Contains("| `/workforce/headcount/<role>` | integer | >= 0 |"));
  CHECK_THAT(read_file(kSource / "docs" / "scenarios.md"), Catch::Contains(table));
}

TEST_CASE("role and structure names are the JSON names", "[scenario_io]") {
  CHECK(role_name(Role::data_scientist) == "data_scientist");
  CHECK(role_name(Role::mlops_engineer) == "mlops_engineer");
  CHECK(role_name(Role::governance) == "governance");
  CHECK(structure_name(Structure::coe) == "coe");
  CHECK(structure_name(Structure::federated) == "federated");
  CHECK(structure_name(Structure::hybrid) == "hybrid");
}
