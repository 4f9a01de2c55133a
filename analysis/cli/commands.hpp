/// @file
/// @brief The `aiscale` command-line program: one registration function per command.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "analysis/research/cluster.hpp"

namespace analysis::cli {

/// Checks that an option is a whole number of at least 1, with a message that says so
/// (CLI::PositiveNumber prints the whole double range).
inline const CLI::Validator& at_least_one() {
  static const CLI::Validator validator(
      [](std::string& input) -> std::string {
        std::size_t used = 0;
        long long n = 0;
        try {
          n = std::stoll(input, &used);
        } catch (const std::exception&) {
          used = 0;
        }
        if (used == input.size() && n >= 1) return {};
        return "must be a whole number of at least 1, got " + input;
      },
      "INT>=1");
  return validator;
}

/// Adds `aiscale bench ...` (engine benchmarks) to `app`.
void add_bench_command(CLI::App& app);

/// Adds `aiscale validate FILE...`: checks scenario files, prints every problem.
void add_validate_command(CLI::App& app);

/// Adds `aiscale schema [--markdown]`: the scenario JSON Schema, or the docs' key table.
void add_schema_command(CLI::App& app);

/// Adds `aiscale sweep`, `aiscale sensitivity` and `aiscale calibrate` (experiment files),
/// which split their work across the ranks of `cluster` (kept by reference: it must
/// outlive `app`).
void add_research_commands(CLI::App& app, const research::Cluster& cluster);

/// Adds `aiscale run SCENARIO` (replications with uncertainty) to `app`.
void add_run_command(CLI::App& app);

/// Adds `aiscale compare SCENARIO...` (paired comparison under common random numbers).
void add_compare_command(CLI::App& app);

/// Adds `aiscale trace SCENARIO` (the story of one run) to `app`.
void add_trace_command(CLI::App& app);

/// Adds `aiscale validate-model` (docking cases and published patterns) to `app`.
void add_validate_model_command(CLI::App& app);

/// Parses `argv`, runs the chosen command and returns the process exit code: 0 on
/// success, 1 for a failed run, 2 for bad usage or bad input (with a message on stderr).
/// Under mpirun (`cluster` of several ranks) only the research commands run, and only
/// rank 0 prints errors.
int run(int argc, char** argv, const research::Cluster& cluster);

}  // namespace analysis::cli
