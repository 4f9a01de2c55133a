// Tests analysis/research/sensitivity_run.hpp: the design each method runs, from the
// experiment's "morris" or "sobol" section.
#include <catch2/catch.hpp>

#include <string>

#include "analysis/research/sensitivity_run.hpp"

using analysis::research::load_experiment;
using analysis::research::Method;
using analysis::research::sensitivity_design;

namespace {
const std::string kExperiments = std::string(AISCALE_SOURCE_DIR) + "/scenarios/experiments/";
}  // namespace

TEST_CASE("sensitivity run: Morris runs trajectories of k + 1 points", "[research][sensitivity]") {
  const auto experiment = load_experiment(kExperiments + "morris-default.json");
  const Eigen::MatrixXd design = sensitivity_design(experiment, Method::morris);
  const auto k = static_cast<Eigen::Index>(experiment.parameters.size());
  CHECK(design.rows() == static_cast<Eigen::Index>(experiment.morris->trajectories) * (k + 1));
  CHECK(design.cols() == k);
}

TEST_CASE("sensitivity run: Sobol runs the Saltelli design of N (k + 2) points and a missing section is refused",
          "[research][sensitivity]") {
  const auto experiment = load_experiment(kExperiments + "sobol-default.json");
  const Eigen::MatrixXd design = sensitivity_design(experiment, Method::sobol);
  const auto k = static_cast<Eigen::Index>(experiment.parameters.size());
  CHECK(design.rows() == static_cast<Eigen::Index>(experiment.sobol->base_samples) * (k + 2));
  CHECK_THROWS_AS(sensitivity_design(experiment, Method::morris), std::invalid_argument);
}
