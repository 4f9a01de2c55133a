/// @file
/// @brief Experiment files: a base scenario, the parameters to vary (by JSON Pointer
///        into the scenario format, with a range or a list of values), the outputs of
///        interest, replications and seed, and the settings of each design.
///
/// Experiment files and targets files (`aiscale calibrate --targets`) are described by
/// field tables read by the generic spec machinery (models/spec/), as scenario files are:
/// one table drives parsing, checking, the JSON Schema (`aiscale schema --kind
/// experiment|targets`, scenarios/experiments/*.schema.json) and the key tables of
/// docs/research.md. Every problem is reported at once, each naming the file, the JSON
/// path and the fix: unknown keys (with a did-you-mean), wrong types, values out of
/// range, and the relations a table cannot express (a parameter path that does not exist
/// in the scenario format or is not a number, a range whose ends make the scenario
/// invalid, an unknown output, a start value outside its parameter's range).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/enterprise/metrics.hpp"
#include "models/enterprise/params.hpp"
#include "models/spec/problem.hpp"

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
  std::string scenario;                 ///< the base scenario file as written
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

/// Every problem of an experiment or targets file, at once: what() has one
/// "<file>: <path>: <message>" a line.
class ExperimentError : public std::invalid_argument {
 public:
  /// `problems` must not be empty.
  explicit ExperimentError(std::vector<spec::Problem> problems);
  [[nodiscard]] const std::vector<spec::Problem>& problems() const noexcept { return problems_; }

 private:
  std::vector<spec::Problem> problems_;
};

/// Reads and checks an experiment file, its base scenario included. Throws
/// ExperimentError listing every problem.
Experiment load_experiment(const std::filesystem::path& file);

/// The checks of load_experiment(), returned instead of thrown: empty means `file` loads.
std::vector<spec::Problem> check_experiment(const std::filesystem::path& file);

/// The JSON Schema (draft 2020-12) of experiment files, generated from their field table.
nlohmann::json experiment_schema();

/// The Markdown table of every key of an experiment file, that docs/research.md embeds.
std::string experiment_markdown_table();

/// One target of a calibration: an output and the value or range its mean should have.
struct Target {
  std::string output;
  std::optional<double> value;  ///< a value to match...
  std::optional<double> min;    ///< ...or a range [min, max] to fall in
  std::optional<double> max;
  std::optional<double> given_scale;  ///< "scale" as written
  double scale = 1.0;  ///< given_scale, else |value| (1 for 0), else max - min

  /// The target's share of the objective at output mean `mean`: the squared miss in
  /// units of `scale` (0 inside a range; infinite for a missing mean).
  [[nodiscard]] double miss(double mean) const;
};

/// A targets file.
struct Targets {
  std::vector<Target> targets;
  std::map<std::string, double> start_values;  ///< parameter name -> starting value, as written
  std::vector<double> start;  ///< per parameter, on [0, 1]; default the centre of each range (fit_targets)
  std::size_t max_evaluations = 150;

  /// The outputs the targets name, in order.
  [[nodiscard]] std::vector<std::string> outputs() const;
};

/// Reads and checks a targets file on its own (everything but what needs the
/// experiment). Throws ExperimentError listing every problem.
Targets load_targets(const std::filesystem::path& file);

/// The checks of load_targets(), returned instead of thrown: empty means `file` loads.
std::vector<spec::Problem> check_targets(const std::filesystem::path& file);

/// Checks `targets` (read from `file`) against the experiment and sets `targets.start`:
/// start values must name its parameters and lie in their ranges (or be one of their
/// values), max_evaluations must exceed the number of parameters. Throws ExperimentError.
void fit_targets(Targets& targets, const std::filesystem::path& file, const Experiment& experiment);

/// The JSON Schema (draft 2020-12) of targets files, generated from their field table.
nlohmann::json targets_schema();

/// The Markdown table of every key of a targets file, that docs/research.md embeds.
std::string targets_markdown_table();

/// Canonical text of what determines an experiment's results (base scenario, parameters,
/// outputs, replications, seed): a resumed run must match it.
std::string fingerprint(const Experiment& experiment);

}  // namespace analysis::research
