// Tests `aiscale run` and `aiscale compare` as a user runs them: the output contract
// (files, columns, keys), identical bytes for any thread count, atomic writes, and bad
// input.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/run_aiscale.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

using aiscale_test::run_aiscale;
using aiscale_test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kScenarios = std::string(AISCALE_SOURCE_DIR) + "/scenarios/";

using aiscale_test::read_file;

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

std::size_t lines(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) n += c == '\n';
  return n;
}

}  // namespace

TEST_CASE("aiscale compare writes the output contract", "[cli][comparison]") {
  const TempDir dir("compare");
  const fs::path out = dir.path() / "results";
  const auto r = run_aiscale("compare " + kScenarios + "hybrid.json " + kScenarios + "coe.json " + kScenarios +
                             "federated.json --reps 12 --seed 3 --out " + out.string());
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.output, Catch::Contains("results in " + out.string()));
  for (const char* name : {"summary.json", "timeseries.csv", "replications.csv", "report.html"}) {
    CHECK(fs::exists(out / name));
  }

  const std::string timeseries = read_file(out / "timeseries.csv");
  CHECK(first_line(timeseries) == "scenario,metric,month,mean,sd,ci_low,ci_high,p10,p50,p90");
  CHECK(lines(timeseries) == 1 + 3 * 47 * 60);  // scenarios x series x months
  CHECK_THAT(timeseries, Catch::Contains("\ncoe,roi,60,"));

  const std::string replications = read_file(out / "replications.csv");
  CHECK(first_line(replications).rfind("scenario,replication,seed,roi_final,npv_final,break_even_month,", 0) == 0);
  CHECK(lines(replications) == 1 + 3 * 12);

  const auto summary = nlohmann::json::parse(read_file(out / "summary.json"));
  CHECK(summary["seed"] == 3);
  CHECK(summary["replications"] == 12);
  REQUIRE(summary["scenarios"].size() == 3);
  CHECK(summary["scenarios"][0]["name"] == "hybrid");
  for (const char* metric : {"roi_final", "npv_final", "break_even_month", "pilot_to_production",
                             "models_in_production_final", "pilots_completed", "idea_to_production_months_median",
                             "data_prep_effort_share", "incidents"}) {
    INFO(metric);
    const auto& m = summary["scenarios"][1]["metrics"][metric];
    for (const char* key : {"mean", "sd", "ci95", "p10", "p50", "p90"}) CHECK(m.contains(key));
    CHECK(m["ci95"].size() == 2);
  }
  REQUIRE(summary["comparison"].size() == 2);
  const auto& coe = summary["comparison"][0];
  CHECK(coe["scenario"] == "coe");
  CHECK(coe["baseline"] == "hybrid");
  for (const char* metric : {"roi_final", "npv_final", "break_even_month", "pilot_to_production"}) {
    INFO(metric);
    CHECK(coe[metric].contains("mean_difference"));
    CHECK(coe[metric]["ci95"].size() == 2);
    CHECK(coe[metric].contains("share_better"));
  }
  // No temporary file is left behind.
  for (const auto& entry : fs::directory_iterator(out)) CHECK(entry.path().filename().string()[0] != '.');
}

TEST_CASE("the same seed and replications give identical bytes on 1 and 4 threads", "[cli][comparison]") {
  const TempDir dir("threads");
  const std::string args = "compare " + kScenarios + "ad-hoc.json " + kScenarios + "best-practice.json --reps 24 --quiet";
  REQUIRE(run_aiscale(args + " --threads 1 --out " + (dir.path() / "one").string()).exit_code == 0);
  REQUIRE(run_aiscale(args + " --threads 4 --out " + (dir.path() / "four").string()).exit_code == 0);
  for (const char* name : {"summary.json", "timeseries.csv", "replications.csv", "report.html"}) {
    INFO(name);
    const std::string one = read_file(dir.path() / "one" / name);
    CHECK_FALSE(one.empty());
    CHECK(one == read_file(dir.path() / "four" / name));
  }
}

TEST_CASE("aiscale run summarises one scenario", "[cli][comparison]") {
  const TempDir dir("run");
  const auto r = run_aiscale("run " + kScenarios + "default.json --reps 5 --out " + (dir.path() / "r").string());
  REQUIRE(r.exit_code == 0);
  const auto summary = nlohmann::json::parse(read_file(dir.path() / "r" / "summary.json"));
  CHECK(summary["scenarios"].size() == 1);
  CHECK_FALSE(summary.contains("comparison"));
}

TEST_CASE("an existing output directory is not mixed with new results", "[cli][comparison]") {
  const TempDir dir("existing");
  const fs::path out = dir.path() / "results";
  const std::string args = "run " + kScenarios + "default.json --reps 3 --out " + out.string();
  REQUIRE(run_aiscale(args).exit_code == 0);
  const std::string before = read_file(out / "summary.json");
  const auto again = run_aiscale(args + " --seed 9");
  CHECK(again.exit_code != 0);
  CHECK_THAT(again.output, Catch::Contains("--force"));
  CHECK(read_file(out / "summary.json") == before);
  CHECK(run_aiscale(args + " --seed 9 --force").exit_code == 0);
  CHECK(read_file(out / "summary.json") != before);
}

TEST_CASE("run and compare reject bad input with a message and a non-zero exit", "[cli][comparison]") {
  const TempDir dir("bad");
  const std::string out = " --out " + (dir.path() / "never").string();
  struct Case {
    std::string args;
    const char* message;
  };
  const fs::path blocker = dir.write("file-not-dir", "x");
  for (const Case& c : {Case{"run" + out, "scenario"},
                        Case{"run " + kScenarios + "default.json --reps 0" + out, "--reps"},
                        Case{"run /no/such/scenario.json" + out, "/no/such/scenario.json"},
                        Case{"compare " + kScenarios + "coe.json" + out, "scenarios"},
                        Case{"compare " + kScenarios + "coe.json " + kScenarios + "coe.json" + out, "itself"},
                        Case{"run " + kScenarios + "default.json --out " + blocker.string(), "not a directory"},
                        Case{"run " + kScenarios + "default.json --threads many" + out, "--threads"}}) {
    INFO("aiscale " << c.args);
    const auto r = run_aiscale(c.args);
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.output, Catch::Contains(c.message));
  }
  CHECK_FALSE(fs::exists(dir.path() / "never" / "summary.json"));
}

TEST_CASE("a repeated option takes its last value", "[cli][comparison]") {
  const TempDir dir("repeat");
  const auto r = run_aiscale("run " + kScenarios + "default.json --reps 1000 --reps 2 --quiet --out " +
                             (dir.path() / "r").string());
  REQUIRE(r.exit_code == 0);
  CHECK(lines(read_file(dir.path() / "r" / "replications.csv")) == 1 + 2);
}

TEST_CASE("a scenario name with a comma or quote stays one CSV field", "[cli][comparison]") {
  const TempDir dir("csv-name");
  const fs::path scenario =
      dir.write("odd.json", R"({"extends": ")" + kScenarios + R"(default.json", "name": "east, \"new\""})");
  const fs::path out = dir.path() / "r";
  REQUIRE(run_aiscale("run " + scenario.string() + " --reps 2 --quiet --out " + out.string()).exit_code == 0);
  const std::string replications = read_file(out / "replications.csv");
  CHECK_THAT(replications, Catch::Contains("\n\"east, \"\"new\"\"\",0,1,"));
  CHECK_THAT(read_file(out / "timeseries.csv"), Catch::Contains("\n\"east, \"\"new\"\"\",ideas,1,"));
}

TEST_CASE("a replication count below 1 is a usage error with a short message", "[cli][comparison]") {
  for (const char* reps : {"0", "-3", "many"}) {
    INFO("--reps " << reps);
    const auto r = run_aiscale("run " + kScenarios + "default.json --reps " + reps + " --out /nonexistent/never");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("--reps: must be a whole number of at least 1, got " + std::string(reps)));
    CHECK(r.output.size() < 300);
  }
}
