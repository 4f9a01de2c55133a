/// @file
/// @brief `aiscale calibrate EXPERIMENT --targets TARGETS.json`: fits the experiment's
///        parameters (within their ranges) so that chosen outputs match target values
///        or ranges, by bounded Nelder-Mead (analysis/numerics/optimise.hpp) on an objective
///        smoothed by common random numbers: every evaluation runs the same
///        replications 0..R-1 with the same seed, so two nearby points differ only by
///        their parameters.
///
/// The objective is the sum over targets of the squared miss in units of the target's
/// scale (Target::miss; targets files are read by experiment_file.hpp): for a value
/// target ((mean - value) / scale)^2 with scale = |value| unless given; for a range
/// target, the distance of the mean outside [min, max] over (max - min), 0 inside.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/research/research_run.hpp"

namespace analysis::research {

/// Runs the calibration across the ranks of `cluster`; returns the lines to print.
/// Collective under MPI.
std::vector<std::string> run_calibration(const ResearchOptions& options, const std::filesystem::path& targets_file,
                                         const Cluster& cluster);

}  // namespace analysis::research
