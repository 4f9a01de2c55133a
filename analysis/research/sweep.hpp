/// @file
/// @brief `aiscale sweep`: the experiment's parameters on a full factorial grid or a
///        Latin hypercube, each point replicated, written as tidy points.csv and runs.csv.
#pragma once

#include <string>
#include <vector>

#include "analysis/research/research_run.hpp"

namespace analysis::research {

/// The unit-cube design of the experiment's "sweep" section: a grid (a parameter with a
/// list of values uses each of them; a range, `levels` equally spaced values including
/// both ends) or a Latin hypercube of `points` points (seeded by the experiment's seed).
/// Throws std::invalid_argument when the experiment has no "sweep" section.
Eigen::MatrixXd sweep_design(const Experiment& experiment);

/// Runs the sweep across the ranks of `cluster`; returns the lines to print.
/// Collective under MPI.
std::vector<std::string> run_sweep(const ResearchOptions& options, const Cluster& cluster);

}  // namespace analysis::research
