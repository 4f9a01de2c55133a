/// @file
/// @brief The validation cases: docking against closed forms (MODEL.md section 10) and
///        the published patterns the defaults must reproduce (MODEL.md section 9).
///
/// Each case builds its scenario from the shipped files (scenarios/default.json and the
/// variants), runs replications, and compares the simulated mean (with its 95 %
/// confidence interval) with what is expected. `aiscale validate-model` runs them all and
/// writes the table of docs/validation.md; tests/validation runs each with fewer
/// replications. Where a pattern is not met, the case says so: bands are never widened
/// to make a case pass.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "models/enterprise/metrics.hpp"
#include "models/enterprise/params.hpp"

namespace analysis::validation {

/// How to run the cases.
struct Settings {
  std::filesystem::path scenarios = "scenarios";  ///< the folder of the shipped scenario files
  std::uint64_t seed = 1;
  unsigned threads = 0;                           ///< 0: all cores
};

/// What one case found.
struct Outcome {
  std::string expected;           ///< the value or range expected, with its formula
  std::string simulated;          ///< the simulated mean and its 95 % confidence interval
  bool pass = false;
  std::uint64_t replications = 0;
};

/// Runs replications of scenarios for the cases, remembering the results of a scenario
/// so that cases that read the same runs (Little's law per stage) share them.
class Runner {
 public:
  explicit Runner(Settings settings);

  /// The scenario `file` (in the scenarios folder) with `patch` applied as a JSON merge
  /// patch (RFC 7386), checked like any scenario file. Each file is read once.
  [[nodiscard]] models::enterprise::Scenario scenario(const std::string& file, const std::string& patch = "{}");

  /// `replications` runs of `scenario` (replication r with the settings' seed and r; so
  /// two scenarios run with common random numbers), in replication order.
  const std::vector<models::enterprise::RunResult>& runs(const models::enterprise::Scenario& scenario,
                                                         std::uint64_t replications);

  [[nodiscard]] const Settings& settings() const { return settings_; }

 private:
  Settings settings_;
  std::map<std::string, nlohmann::json> files_;  ///< complete JSON of each scenario file read
  std::map<std::string, std::vector<models::enterprise::RunResult>> cache_;
};

/// One validation case.
struct Case {
  std::string id;          ///< stable, e.g. "mmc-wait-c3-rho90"
  std::string group;       ///< "docking" or "pattern"
  std::string what;        ///< what is checked, in words
  std::string source;      ///< where the expectation comes from
  std::uint64_t replications;  ///< the report's number of replications
  std::function<Outcome(Runner&, std::uint64_t replications)> run;
};

/// Every case, in report order.
const std::vector<Case>& cases();

/// The Markdown table of `outcomes[i]`, the outcome of `ran[i]`.
std::string markdown_report(const std::vector<Case>& ran, const std::vector<Outcome>& outcomes,
                            const Settings& settings);

}  // namespace analysis::validation
