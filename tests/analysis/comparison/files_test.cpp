// Tests analysis/comparison/files.hpp: the output contract's files and the terminal's
// lines, written from a tally.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/comparison/files.hpp"
#include "models/enterprise/enterprise.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

using aiscale_test::read_file;
using models::enterprise::RunResult;

namespace {

const std::string kScenarios = std::string(AISCALE_SOURCE_DIR) + "/scenarios/";

struct Fixture {
  analysis::Comparison comparison;
  analysis::ComparisonTally tally;
  std::vector<std::vector<RunResult>> runs;
};

Fixture three_replications() {
  analysis::ComparisonPlan plan;
  plan.scenarios = {kScenarios + "hybrid.json", kScenarios + "federated.json"};
  plan.replications = 3;
  plan.seed = 2;
  analysis::Comparison comparison = analysis::load_comparison(plan);
  std::vector<std::vector<RunResult>> runs;
  const analysis::ComparisonTally tally = analysis::simulate_and_accumulate(
      comparison, [&runs](std::uint64_t, const std::vector<RunResult>& results) { runs.push_back(results); });
  return {std::move(comparison), tally, std::move(runs)};
}

std::size_t lines(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) n += c == '\n';
  return n;
}

}  // namespace

TEST_CASE("comparison files: replications.csv has a row per scenario and replication", "[comparison]") {
  const Fixture f = three_replications();
  const aiscale_test::TempDir dir("replications-csv");
  analysis::ReplicationsCsv csv(dir.path() / "replications.csv");
  for (std::uint64_t rep = 0; rep < f.runs.size(); ++rep) csv.add(f.comparison, rep, f.runs[rep]);
  CHECK_FALSE(std::filesystem::exists(dir.path() / "replications.csv"));  // only on commit
  csv.commit();
  const std::string text = read_file(dir.path() / "replications.csv");
  CHECK(text.rfind("scenario,replication,seed,roi_final,", 0) == 0);
  CHECK(lines(text) == 1 + 2 * 3);
  CHECK_THAT(text, Catch::Contains("\nfederated,2,2,"));
}

TEST_CASE("comparison files: timeseries rows run scenario by series by month", "[comparison]") {
  const Fixture f = three_replications();
  const std::vector<analysis::SeriesRow> rows = analysis::series_rows(f.tally);
  REQUIRE(rows.size() == 2 * models::enterprise::kSeriesCount * 60);
  CHECK(rows[0].scenario == 0);
  CHECK(rows[0].metric == "ideas");
  CHECK(rows[0].month == 1);
  CHECK(rows[59].month == 60);
  CHECK(rows[60].month == 1);
  CHECK(rows.back().scenario == 1);
  CHECK(rows[0].stats.n == 3);
  const aiscale_test::TempDir dir("timeseries");
  analysis::write_timeseries(dir.path() / "timeseries.csv", f.comparison, rows);
  const std::string text = read_file(dir.path() / "timeseries.csv");
  CHECK(lines(text) == 1 + rows.size());
  CHECK_THAT(text, Catch::Contains("\nhybrid,ideas,1,"));
}

TEST_CASE("comparison files: summary.json holds the plan every metric and the comparison", "[comparison]") {
  const Fixture f = three_replications();
  const auto summary = analysis::summary_document(f.comparison, f.tally);
  CHECK(summary["format"] == "aiscale-summary/1");
  CHECK(summary["baseline"] == "hybrid");
  CHECK(summary["replications"] == 3);
  REQUIRE(summary["scenarios"].size() == 2);
  CHECK(summary["scenarios"][1]["metrics"]["roi_final"]["n"] == 3);
  REQUIRE(summary["comparison"].size() == 1);
  CHECK(summary["comparison"][0]["scenario"] == "federated");
  CHECK(summary["comparison"][0]["break_even_month"]["direction"] == "lower_is_better");
  CHECK(summary["comparison"][0]["roi_final"]["pairs"] == 3);

  const aiscale_test::TempDir dir("summary");
  analysis::write_summary(dir.path() / "summary.json", summary);
  CHECK(read_file(dir.path() / "summary.json") == summary.dump(2) + "\n");
}

TEST_CASE("comparison files: the headline gives each scenario's ROI with its interval", "[comparison]") {
  const Fixture f = three_replications();
  const auto lines = analysis::headline(f.comparison, f.tally);
  REQUIRE(lines.size() == 2);
  CHECK_THAT(lines[0], Catch::StartsWith("hybrid         ROI at month 60: "));
  CHECK_THAT(lines[1], Catch::Contains("(95% CI ") && Catch::Contains("pilot-to-production"));
}
