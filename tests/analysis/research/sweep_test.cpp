// Tests analysis/research/sweep.hpp: the grid and Latin hypercube designs an experiment's
// "sweep" section asks for, and a whole sweep run on the single-process cluster.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "analysis/research/sweep.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

using analysis::research::load_experiment;
using analysis::research::sweep_design;

namespace {

const std::string kExperiments = std::string(AISCALE_SOURCE_DIR) + "/scenarios/experiments/";

std::size_t lines(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) n += c == '\n';
  return n;
}

}  // namespace

TEST_CASE("sweep: a grid uses the levels of a range and every value of a list", "[research][sweep]") {
  const auto experiment = load_experiment(kExperiments + "sweep-change-and-engineers.json");
  const Eigen::MatrixXd design = sweep_design(experiment);
  CHECK(design.rows() == 4 * 3);  // 4 levels of change management x 3 listed headcounts
  CHECK(design.cols() == 2);
  CHECK(design.minCoeff() == 0.0);
  CHECK(design.maxCoeff() <= 1.0);
}

TEST_CASE("sweep: a Latin hypercube has the points asked for and an experiment without a sweep is refused",
          "[research][sweep]") {
  auto experiment = load_experiment(kExperiments + "sweep-change-and-engineers.json");
  experiment.sweep->kind = analysis::research::SweepDesign::Kind::latin_hypercube;
  experiment.sweep->points = 7;
  CHECK(sweep_design(experiment).rows() == 7);
  experiment.sweep.reset();
  CHECK_THROWS_WITH(sweep_design(experiment), Catch::Contains("has no \"sweep\" section"));
}

TEST_CASE("sweep: a run writes one points.csv row per point and output and removes its journal",
          "[research][sweep]") {
  const aiscale_test::TempDir dir("sweep-run");
  analysis::research::ResearchOptions options;
  options.experiment = kExperiments + "sweep-change-and-engineers.json";
  options.out = dir.path() / "out";
  options.replications = 2;
  options.threads = 2;
  options.quiet = true;
  const analysis::research::Cluster cluster;
  const auto printed = analysis::research::run_sweep(options, cluster);
  REQUIRE(printed.size() == 2);
  CHECK_THAT(printed[0], Catch::Contains("12 points x 2 replications (24 model runs now"));
  CHECK_THAT(printed[1], Catch::StartsWith("results in " + options.out.string()));
  CHECK(lines(aiscale_test::read_file(options.out / "points.csv")) == 1 + 12 * 3);
  CHECK(lines(aiscale_test::read_file(options.out / "runs.csv")) == 1 + 12 * 2);
  CHECK_FALSE(std::filesystem::exists(options.out / "journal.csv"));
}
