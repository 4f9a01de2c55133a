/// @file
/// @brief Experiment files: a base scenario, the parameters to vary (by JSON Pointer
///        into the scenario format, with a range or a list of values), the outputs of
///        interest, replications and seed, and the settings of each design.
///
/// An experiment file is checked as strictly as a scenario file: every problem is
/// reported at once, each naming the file, the JSON path and the fix (unknown keys,
/// wrong types, a parameter path that does not exist in the scenario format or is not
/// a number, a range whose ends make the scenario invalid, an unknown output).
/// docs/research.md describes the format.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/enterprise/metrics.hpp"
#include "models/enterprise/params.hpp"

namespace analysis::research {

/// One varied parameter. A design works on the unit interval; value() maps u in [0, 1]
/// to the parameter's value.
struct Parameter {
  std::string name;    ///< label in outputs (default: the path)
  std::string path;    ///< JSON Pointer into the scenario; "*" stands for every element of an array
  std::vector<std::string> pointers;  ///< the concrete pointers `path` stands for in the base scenario
  double min = 0.0;    ///< range, when `values` is empty
  double max = 0.0;
  bool log_scale = false;      ///< uniform in log(value) instead of value
  std::vector<double> values;  ///< a list of values instead of a range
  bool integer = false;        ///< the scenario key is an integer: values are rounded

  /// The value at u in [0, 1]: min + u (max - min) (or its log-scale form), rounded for
  /// an integer key; for a list, values[floor(u n)] (u = 1 gives the last value).
  [[nodiscard]] double value(double u) const;
};

/// One output of interest: a summary metric of a replication (docs/outputs.md), or a
/// monthly series at one month, written METRIC@MONTH.
struct Output {
  std::string name;
  std::optional<models::enterprise::Summary> summary;
  std::optional<models::enterprise::Series> series;
  std::size_t month = 0;  ///< for a series, 1..horizon

  [[nodiscard]] double of(const models::enterprise::RunResult& run) const;
};

/// The output named `text` (METRIC or SERIES@MONTH, month in 1..ceil(horizon)), or nullopt.
std::optional<Output> parse_output(const std::string& text, double horizon);

/// Settings of `sweep`.
struct SweepDesign {
  enum class Kind { grid, latin_hypercube } kind = Kind::grid;
  std::size_t levels = 3;  ///< grid: levels of each ranged parameter (a list uses its values)
  std::size_t points = 0;  ///< latin_hypercube: number of points
};

/// Settings of `sensitivity --method morris`.
struct MorrisDesign {
  std::size_t trajectories = 10;
  std::size_t levels = 4;
};

/// Settings of `sensitivity --method sobol`.
struct SobolDesign {
  std::size_t base_samples = 64;
};

struct Experiment {
  std::filesystem::path file;
  std::string name;
  std::string description;
  std::filesystem::path scenario_file;  ///< resolved against the experiment file's folder
  nlohmann::json base;                  ///< the base scenario, complete (every key)
  std::vector<Parameter> parameters;
  std::vector<Output> outputs;
  std::uint64_t replications = 10;
  std::uint64_t seed = 1;
  std::optional<SweepDesign> sweep;
  std::optional<MorrisDesign> morris;
  std::optional<SobolDesign> sobol;
  std::size_t bootstrap = 500;  ///< bootstrap resamples for confidence intervals of indices

  /// The scenario with parameter k set to values[k] (real values, not unit ones).
  /// Throws std::invalid_argument naming the values if the scenario is invalid there.
  [[nodiscard]] models::enterprise::Scenario scenario_at(std::span<const double> values) const;
};

/// Every problem of an experiment file, at once: one "<file>: <path>: <message>" a line.
class ExperimentError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Reads and checks an experiment file. Throws ExperimentError listing every problem.
Experiment load_experiment(const std::filesystem::path& file);

/// Canonical text of what determines an experiment's results (base scenario, parameters,
/// outputs, replications, seed): a resumed run must match it.
std::string fingerprint(const Experiment& experiment);

}  // namespace analysis::research
