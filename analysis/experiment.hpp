/// @file
/// @brief Replicated runs of one or more scenarios under common random numbers, folded
///        into streaming statistics and written as the output contract (docs/outputs.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace analysis {

/// What to run: the run plan (which scenarios, how many replications, which seed),
/// separate from the scenarios themselves and from the recorders.
struct ExperimentPlan {
  std::vector<std::filesystem::path> scenarios;  ///< the first is the baseline of a comparison
  std::uint64_t replications = 200;
  std::uint64_t seed = 1;
  unsigned threads = 0;                          ///< 0: all cores
  std::filesystem::path out;                     ///< output directory
  bool force = false;                            ///< replace results in an existing directory
  bool progress = true;                          ///< progress bar on stderr (if a terminal)
};

/// What a finished experiment reports to the command line.
struct ExperimentOutcome {
  std::filesystem::path out;
  std::vector<std::string> files;  ///< written, in out
  double seconds = 0.0;
  std::vector<std::string> headline;  ///< a few lines for the terminal
};

/// Checks the plan (throws std::invalid_argument with a message naming the problem and
/// the fix: no scenario, replications < 1, unreadable or invalid scenario files, a
/// scenario compared with itself, duplicate scenario names, an output directory that
/// exists without `force` or cannot be created), then runs replication r of every
/// scenario with (seed, r), so all scenarios share common random numbers, on `threads`
/// threads, and writes summary.json, timeseries.csv, replications.csv and report.html
/// atomically.
/// Output bytes depend only on the scenarios, seed and replications, never on threads.
ExperimentOutcome run_experiment(const ExperimentPlan& plan);

}  // namespace analysis
