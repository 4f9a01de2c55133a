// Tests analysis/research/study.hpp: the journal (record, find, resume, a torn last line,
// a different experiment), the study's split of points into model runs (journaled points
// are not run again; results equal direct runs), and output_mean.
#include <catch2/catch.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "analysis/research/study.hpp"
#include "models/enterprise/enterprise.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

using analysis::research::Cluster;
using analysis::research::Journal;
using analysis::research::Study;
using aiscale_test::read_file;
using aiscale_test::TempDir;

namespace {

const std::string kExperiments = std::string(AISCALE_SOURCE_DIR) + "/scenarios/experiments/";

}  // namespace

TEST_CASE("study: a journal records points and gives them back on resume", "[research][journal]") {
  const TempDir dir("journal");
  const Cluster cluster;
  {
    Journal journal(dir.path(), "fingerprint-1", false, cluster);
    CHECK(journal.find({1.0, 2.0}) == nullptr);
    journal.record({1.0, 2.0}, {0.1, std::nan(""), 3.0});
    journal.record({0.5, 4.0}, {7.0});
    REQUIRE(journal.find({1.0, 2.0}) != nullptr);
    CHECK(journal.find({1.0, 2.0})->at(0) == 0.1);
    CHECK(journal.resumed() == 0);
  }
  CHECK(read_file(dir.path() / "journal.csv").rfind("fingerprint-1\n", 0) == 0);

  Journal resumed(dir.path(), "fingerprint-1", true, cluster);
  CHECK(resumed.resumed() == 2);
  const std::vector<double>* results = resumed.find({1.0, 2.0});
  REQUIRE(results != nullptr);
  REQUIRE(results->size() == 3);
  CHECK((*results)[0] == 0.1);  // exact: written in hexadecimal floating point
  CHECK(std::isnan((*results)[1]));
  CHECK((*results)[2] == 3.0);
  resumed.remove();
  CHECK_FALSE(std::filesystem::exists(dir.path() / "journal.csv"));
}

TEST_CASE("study: a torn last journal line is ignored on resume", "[research][journal]") {
  const TempDir dir("journal-torn");
  const Cluster cluster;
  {
    Journal journal(dir.path(), "fp", false, cluster);
    journal.record({1.0}, {2.0});
  }
  std::ofstream(dir.path() / "journal.csv", std::ios::app) << "0x1p+1|0x1";  // killed mid-line
  const Journal resumed(dir.path(), "fp", true, cluster);
  CHECK(resumed.resumed() == 1);
  CHECK(resumed.find({2.0}) == nullptr);
}

TEST_CASE("study: resuming needs a journal of the same experiment", "[research][journal]") {
  const TempDir dir("journal-refused");
  const Cluster cluster;
  CHECK_THROWS_WITH(Journal(dir.path(), "fp", true, cluster), Catch::Contains("nothing to resume"));
  { Journal journal(dir.path(), "fp", false, cluster); }
  CHECK_THROWS_WITH(Journal(dir.path(), "other", true, cluster), Catch::Contains("different experiment"));
}

TEST_CASE("study: points run as model runs under common random numbers and journaled points are not run again",
          "[research][study]") {
  const TempDir dir("study");
  const Cluster cluster;
  auto experiment = analysis::research::load_experiment(kExperiments + "sweep-change-and-engineers.json");
  experiment.replications = 2;
  const std::vector<std::vector<double>> points{{0.0, 6.0}, {150000.0, 12.0}};
  const std::size_t outputs = experiment.outputs.size();

  Journal journal(dir.path(), "fp", false, cluster);
  Study study(experiment, journal, cluster, {1, false});
  const auto results = study.run(points, "points");
  CHECK(study.runs() == 4);  // 2 points x 2 replications
  REQUIRE(results.size() == 2);
  for (std::size_t i = 0; i < points.size(); ++i) {
    REQUIRE(results[i].size() == 2 * outputs);
    for (std::uint64_t rep = 0; rep < 2; ++rep) {
      const auto run = models::enterprise::simulate(experiment.scenario_at(points[i]), experiment.seed, rep);
      for (std::size_t o = 0; o < outputs; ++o) CHECK(results[i][rep * outputs + o] == experiment.outputs[o].of(run));
    }
  }

  // The same points again (and one twice): nothing runs, the journal answers.
  Study again(experiment, journal, cluster, {2, false});
  const auto repeated = again.run({points[1], points[0], points[1]}, "points");
  CHECK(again.runs() == 0);
  CHECK(repeated[0] == results[1]);
  CHECK(repeated[1] == results[0]);
  CHECK(repeated[2] == results[1]);
}

TEST_CASE("study: output_mean averages one output over replications and skips NaN", "[research][study]") {
  // Two outputs, three replications: rows (a, b).
  const std::vector<double> results{1.0, 10.0, std::nan(""), 20.0, 3.0, 60.0};
  CHECK(analysis::research::output_mean(results, 2, 0) == 2.0);
  CHECK(analysis::research::output_mean(results, 2, 1) == 30.0);
  CHECK(std::isnan(analysis::research::output_mean({std::nan("")}, 1, 0)));
}
