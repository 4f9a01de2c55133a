/// @file
/// @brief The first step of `aiscale run` and `aiscale compare`: the run plan (which
///        scenarios, how many replications, which seed, where to write), checked and
///        loaded into a Comparison that the simulate and write steps read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "models/enterprise/params.hpp"

namespace analysis {

/// What to run: the run plan, separate from the scenarios themselves and from the
/// statistics that are kept of them.
struct ComparisonPlan {
  std::vector<std::filesystem::path> scenarios;  ///< the first is the baseline of a comparison
  std::uint64_t replications = 200;
  std::uint64_t seed = 1;
  unsigned threads = 0;                          ///< 0: all cores
  std::filesystem::path out;                     ///< output directory
  bool force = false;                            ///< replace results in an existing directory
  bool progress = true;                          ///< progress bar on stderr (if a terminal)
};

/// A checked plan with its scenarios loaded (a single scenario is a comparison with a
/// baseline only).
struct Comparison {
  ComparisonPlan plan;
  std::vector<models::enterprise::Scenario> scenarios;  ///< in plan order; [0] is the baseline
};

/// Checks `plan` and loads its scenarios. Throws std::invalid_argument with a message
/// naming the problem and the fix: replications < 1, no scenario, an unreadable or
/// invalid scenario file, a scenario given twice (comparing it with itself), two
/// scenarios with the same name. Reads the scenario files; writes nothing (the output
/// directory is prepared by the caller).
Comparison load_comparison(const ComparisonPlan& plan);

}  // namespace analysis
