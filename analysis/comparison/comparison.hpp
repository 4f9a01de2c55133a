/// @file
/// @brief `aiscale run` and `aiscale compare`: replicated runs of one or more scenarios
///        under common random numbers, as a short pipeline of three steps:
///        plan (load_comparison, plan.hpp), simulate and accumulate
///        (simulate_and_accumulate, tally.hpp), write (files.hpp).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/comparison/plan.hpp"

namespace analysis {

/// What a finished comparison reports to the command line.
struct ComparisonOutcome {
  std::filesystem::path out;
  std::vector<std::string> files;     ///< written, in out
  double seconds = 0.0;
  std::vector<std::string> headline;  ///< a few lines for the terminal
};

/// Checks and loads the plan (load_comparison), prepares the output directory (throws
/// std::invalid_argument when it exists without `force` or cannot be created), runs
/// and folds every replication, and writes summary.json, timeseries.csv,
/// replications.csv and report.html atomically. Output bytes depend only on the
/// scenarios, seed and replications, never on threads.
ComparisonOutcome run_comparison(const ComparisonPlan& plan);

}  // namespace analysis
