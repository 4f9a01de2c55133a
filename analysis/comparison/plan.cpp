#include "analysis/comparison/plan.hpp"

#include <set>
#include <stdexcept>
#include <string>
#include <system_error>

#include "models/enterprise/scenario_io.hpp"

namespace analysis {

namespace fs = std::filesystem;

Comparison load_comparison(const ComparisonPlan& plan) {
  if (plan.replications < 1) throw std::invalid_argument("--reps must be >= 1");
  if (plan.scenarios.empty()) throw std::invalid_argument("no scenario given: name at least one scenario file");
  Comparison comparison{plan, {}};
  std::set<std::string> names;
  std::set<fs::path> seen;
  for (const auto& file : plan.scenarios) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(file, ec);
    if (!seen.insert(ec ? file : canonical).second) {
      throw std::invalid_argument("scenario " + file.string() +
                                  " is given twice: comparing a scenario with itself tells nothing");
    }
    try {
      comparison.scenarios.push_back(models::enterprise::load_scenario(file));
    } catch (const models::enterprise::ScenarioError& e) {
      throw std::invalid_argument(e.what());
    }
    if (!names.insert(comparison.scenarios.back().name).second) {
      throw std::invalid_argument("two scenarios are named '" + comparison.scenarios.back().name + "' (" +
                                  file.string() + "): give each compared scenario its own \"name\"");
    }
  }
  return comparison;
}

}  // namespace analysis
