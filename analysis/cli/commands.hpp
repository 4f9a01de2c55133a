/// @file
/// @brief The `aiscale` command-line program: one registration function per command.
#pragma once

#include <CLI/CLI.hpp>

namespace analysis::cli {

/// Adds `aiscale bench ...` (engine benchmarks) to `app`.
void add_bench_command(CLI::App& app);

/// Adds `aiscale validate FILE...`: checks scenario files, prints every problem.
void add_validate_command(CLI::App& app);

/// Adds `aiscale schema [--markdown]`: the scenario JSON Schema, or the docs' key table.
void add_schema_command(CLI::App& app);

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
int run(int argc, char** argv);

}  // namespace analysis::cli
