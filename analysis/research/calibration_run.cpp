#include "analysis/research/calibration_run.hpp"

#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analysis/outputs/atomic_file.hpp"
#include "analysis/numerics/optimise.hpp"
#include "analysis/outputs/output_files.hpp"
#include "analysis/research/cluster.hpp"
#include "analysis/numerics/statistics.hpp"

namespace analysis::research {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

std::string g(double x) {
  std::ostringstream out;
  out.precision(4);
  out << x;
  return out.str();
}

}  // namespace

std::vector<std::string> run_calibration(const ResearchOptions& options, const fs::path& targets_file,
                                         const Cluster& cluster) {
  Targets targets = load_targets(targets_file);
  ResearchRun run(options, cluster, targets.outputs());
  const Experiment& e = run.experiment();
  fit_targets(targets, targets_file, e);
  const std::size_t O = e.outputs.size();
  const std::size_t K = e.parameters.size();
  std::vector<std::size_t> index;  // of each target's output in e.outputs
  for (const Target& t : targets.targets) {
    for (std::size_t o = 0; o < O; ++o) {
      if (e.outputs[o].name == t.output) index.push_back(o);
    }
  }

  struct Evaluation {
    std::vector<double> values;
    double objective;
    std::vector<double> means;
  };
  std::vector<Evaluation> evaluations;
  const Objective objective = [&](const Eigen::VectorXd& u) {
    const Eigen::MatrixXd row = u.transpose();
    const auto points = run.values_of(row);
    const auto results = run.run(points, "evaluations");
    double f = 0.0;
    std::vector<double> means;
    for (std::size_t t = 0; t < targets.targets.size(); ++t) {
      means.push_back(output_mean(results[0], O, index[t]));
      f += targets.targets[t].miss(means.back());
    }
    evaluations.push_back({points[0], f, means});
    return f;
  };
  NelderMeadOptions nm;
  nm.initial_step = 0.25;
  nm.max_evaluations = targets.max_evaluations;
  nm.f_tolerance = 1e-12;
  nm.x_tolerance = 1e-5;
  const Eigen::VectorXd start = Eigen::Map<const Eigen::VectorXd>(targets.start.data(), static_cast<Eigen::Index>(K));
  const OptimiseResult best = nelder_mead(objective, start, nm);

  // The best point's replications (in the journal already) for the achieved outputs.
  const Eigen::MatrixXd best_row = best.x.transpose();
  const auto best_point = run.values_of(best_row);
  const auto best_results = run.run(best_point, "evaluations");

  std::vector<std::string> lines;
  std::string fitted = "fitted:";
  for (std::size_t k = 0; k < K; ++k) fitted += " " + e.parameters[k].name + " = " + g(best_point[0][k]) + ";";
  fitted.pop_back();
  lines.push_back(e.name + ": " + std::to_string(best.evaluations) + " evaluations x " +
                  std::to_string(e.replications) + " replications, " + to_string(best.reason) +
                  " (objective " + g(best.f) + ")");
  lines.push_back(fitted);

  json doc;
  doc["format"] = "aiscale-calibration/1";
  doc["experiment"] = e.name;
  doc["seed"] = e.seed;
  doc["replications"] = e.replications;
  doc["converged"] = best.converged;
  doc["stop"] = to_string(best.reason);
  doc["message"] = best.message;
  doc["evaluations"] = best.evaluations;
  doc["objective"] = best.f;
  doc["parameters"] = json::array();
  for (std::size_t k = 0; k < K; ++k) {
    const Parameter& p = e.parameters[k];
    json j{{"name", p.name}, {"path", p.path}, {"value", best_point[0][k]}};
    if (p.values.empty()) {
      j["min"] = p.min;
      j["max"] = p.max;
    } else {
      j["values"] = p.values;
    }
    doc["parameters"].push_back(j);
  }
  doc["targets"] = json::array();
  for (std::size_t t = 0; t < targets.targets.size(); ++t) {
    const Target& target = targets.targets[t];
    Moments m;
    for (std::size_t r = 0; r < e.replications; ++r) m.add(best_results[0][r * O + index[t]]);
    const auto [low, high] = m.ci95();  // NaN with one replication: a value target is then not "met"
    json j{{"output", target.output}};
    if (target.value) {
      j["value"] = *target.value;
    } else {
      j["min"] = *target.min;
      j["max"] = *target.max;
    }
    j["achieved"] = {{"mean", m.mean()}, {"ci95", {low, high}}, {"n", m.count()}};
    const bool met = target.value ? (*target.value >= low && *target.value <= high)
                                  : (m.mean() >= *target.min && m.mean() <= *target.max);
    j["met"] = met;
    doc["targets"].push_back(j);
    std::string wanted;
    if (target.value) {
      wanted = g(*target.value);
    } else {
      wanted = "[";
      wanted += g(*target.min);
      wanted += ", ";
      wanted += g(*target.max);
      wanted += "]";
    }
    lines.push_back(target.output + ": " + g(m.mean()) + " (95 % CI " + g(low) + " to " + g(high) + "), target " +
                    wanted + (met ? ": met" : ": not met"));
  }

  if (cluster.root()) {
    AtomicFile file(run.out() / "calibration.json");
    file.stream() << doc.dump(2) << '\n';
    file.commit();
    AtomicFile csv(run.out() / "evaluations.csv");
    csv.stream() << "evaluation";
    for (const Parameter& p : e.parameters) csv.stream() << ',' << csv_field(p.name);
    csv.stream() << ",objective";
    for (const Target& t : targets.targets) csv.stream() << ',' << t.output;
    csv.stream() << '\n';
    for (std::size_t i = 0; i < evaluations.size(); ++i) {
      csv.stream() << i;
      for (const double v : evaluations[i].values) csv.stream() << ',' << csv_number(v);
      csv.stream() << ',' << csv_number(evaluations[i].objective);
      for (const double v : evaluations[i].means) csv.stream() << ',' << csv_number(v);
      csv.stream() << '\n';
    }
    csv.commit();
  }
  lines.push_back(run.finish({"calibration.json", "evaluations.csv"}));
  return lines;
}

}  // namespace analysis::research
