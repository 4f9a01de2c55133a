#include "analysis/research/sweep.hpp"

#include <stdexcept>

#include "analysis/numerics/designs.hpp"

namespace analysis::research {

Eigen::MatrixXd sweep_design(const Experiment& experiment) {
  if (!experiment.sweep) {
    throw std::invalid_argument(experiment.file.string() +
                                ": has no \"sweep\" section: add e.g. \"sweep\": {\"design\": \"grid\", \"levels\": 3} "
                                "or {\"design\": \"latin_hypercube\", \"points\": 50}");
  }
  const SweepDesign& s = *experiment.sweep;
  if (s.kind == SweepDesign::Kind::latin_hypercube) {
    return latin_hypercube(s.points, experiment.parameters.size(), experiment.seed);
  }
  std::vector<std::size_t> levels;
  for (const Parameter& p : experiment.parameters) levels.push_back(p.values.empty() ? s.levels : p.values.size());
  return full_factorial(levels);
}

std::vector<std::string> run_sweep(const ResearchOptions& options, const Cluster& cluster) {
  ResearchRun run(options, cluster);
  const auto points = run.values_of(sweep_design(run.experiment()));
  const auto results = run.run(points, "points");
  run.write_points(points, results);
  std::vector<std::string> lines{run.experiment().name + ": " + std::to_string(points.size()) + " points x " +
                                 std::to_string(run.experiment().replications) + " replications (" +
                                 std::to_string(run.runs()) + " model runs now, " + std::to_string(run.resumed()) +
                                 " points resumed from the journal)"};
  lines.push_back(run.finish({"points.csv", "runs.csv"}));
  return lines;
}

}  // namespace analysis::research
