/// @file
/// @brief `aiscale sensitivity --method morris|sobol`: which parameters move the
///        outputs. Runs the experiment's Morris trajectories or Saltelli design, computes
///        the indices (analysis/numerics/sensitivity.hpp) of each output from the points' means
///        over replications, and writes indices.csv, points.csv, runs.csv and report.html
///        (a tornado chart and the index table per output).
#pragma once

#include <string>
#include <vector>

#include "analysis/research/research_run.hpp"

namespace analysis::research {

enum class Method { morris, sobol };

/// One index of one parameter for one output, with its bootstrap 95 % interval.
struct IndexRow {
  std::string output;
  std::string parameter;
  std::string measure;  ///< morris: mu_star, mu, sigma; sobol: S1, ST
  double value = 0.0;
  double ci_low = 0.0;
  double ci_high = 0.0;
};

/// The unit-cube design of the method, from the experiment's "morris" or "sobol"
/// section (throws std::invalid_argument naming the section when it is missing).
Eigen::MatrixXd sensitivity_design(const Experiment& experiment, Method method);

/// Runs the analysis across the ranks of `cluster`; returns the lines to print.
/// Collective under MPI.
std::vector<std::string> run_sensitivity(const ResearchOptions& options, Method method, const Cluster& cluster);

}  // namespace analysis::research
