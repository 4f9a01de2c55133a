/// @file
/// @brief `aiscale calibrate EXPERIMENT --targets TARGETS.json`: fits the experiment's
///        parameters (within their ranges) so that chosen outputs match target values
///        or ranges, by bounded Nelder-Mead (analysis/numerics/optimise.hpp) on an objective
///        smoothed by common random numbers: every evaluation runs the same
///        replications 0..R-1 with the same seed, so two nearby points differ only by
///        their parameters.
///
/// The objective is the sum over targets of the squared miss in units of the target's
/// scale: for a value target ((mean - value) / scale)^2 with scale = |value| unless
/// given; for a range target, the distance of the mean outside [min, max] over
/// (max - min), 0 inside.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "analysis/research/research_run.hpp"

namespace analysis::research {

struct Target {
  std::string output;
  std::optional<double> value;  ///< a value to match...
  std::optional<double> min;    ///< ...or a range [min, max] to fall in
  std::optional<double> max;
  double scale = 1.0;

  /// The target's share of the objective at output mean `mean`.
  [[nodiscard]] double miss(double mean) const;
};

struct Targets {
  std::vector<Target> targets;
  std::vector<double> start;  ///< per parameter, on [0, 1]; default the centre of each range
  std::size_t max_evaluations = 150;
};

/// Runs the calibration across the ranks of `cluster`; returns the lines to print.
/// Collective under MPI.
std::vector<std::string> run_calibration(const ResearchOptions& options, const std::filesystem::path& targets_file,
                                         const Cluster& cluster);

}  // namespace analysis::research
