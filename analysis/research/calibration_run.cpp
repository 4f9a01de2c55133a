#include "analysis/research/calibration_run.hpp"

#include <cmath>
#include <fstream>
#include <set>
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

json read_json(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw ExperimentError(file.string() + ": cannot be read: check the path");
  try {
    return json::parse(in);
  } catch (const json::parse_error& e) {
    throw ExperimentError(file.string() + ": malformed JSON: " + e.what());
  }
}

std::string g(double x) {
  std::ostringstream out;
  out.precision(4);
  out << x;
  return out.str();
}

/// Where u in [0, 1] puts parameter `p` at `value` (the inverse of Parameter::value).
double unit_of(const Parameter& p, double value) {
  if (!p.values.empty()) {
    for (std::size_t i = 0; i < p.values.size(); ++i) {
      if (p.values[i] == value) return (static_cast<double>(i) + 0.5) / static_cast<double>(p.values.size());
    }
    return -1.0;
  }
  if (p.log_scale) return (std::log(value) - std::log(p.min)) / (std::log(p.max) - std::log(p.min));
  return (value - p.min) / (p.max - p.min);
}

}  // namespace

double Target::miss(double mean) const {
  if (std::isnan(mean)) return std::numeric_limits<double>::infinity();
  if (value) return std::pow((mean - *value) / scale, 2);
  const double outside = mean < *min ? *min - mean : (mean > *max ? mean - *max : 0.0);
  return std::pow(outside / scale, 2);
}

namespace {

/// Output names a targets file asks for, unchecked (to open the experiment with them).
std::vector<std::string> target_outputs(const json& raw) {
  std::vector<std::string> names;
  if (raw.is_object() && raw.contains("targets") && raw["targets"].is_array()) {
    for (const json& t : raw["targets"]) {
      if (t.is_object() && t.contains("output") && t["output"].is_string()) names.push_back(t["output"].get<std::string>());
    }
  }
  return names;
}

/// Checks a targets file (read as `raw`) against the experiment: start values must name
/// its parameters and lie in their ranges. Throws ExperimentError listing every problem.
Targets load_targets(const json& raw, const fs::path& file, const Experiment& e) {
  std::vector<std::string> problems;
  const auto problem = [&](const std::string& path, const std::string& message) {
    problems.push_back(file.string() + ": " + path + ": " + message);
  };
  Targets t;
  t.start.assign(e.parameters.size(), 0.5);
  if (!raw.is_object()) throw ExperimentError(file.string() + ": must be a JSON object with \"targets\" (docs/research.md)");
  for (const auto& [key, value] : raw.items()) {
    if (key != "targets" && key != "start" && key != "max_evaluations" && key != "$comment") {
      problem("/" + key, "unknown key '" + key + "'; allowed keys here: targets, start, max_evaluations");
    }
  }
  if (!raw.contains("targets") || !raw["targets"].is_array() || raw["targets"].empty()) {
    problem("/targets", "must be a non-empty array of {\"output\", \"value\"} or {\"output\", \"min\", \"max\"}");
  } else {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < raw["targets"].size(); ++i) {
      const json& r = raw["targets"][i];
      const std::string where = "/targets/" + std::to_string(i);
      if (!r.is_object() || !r.contains("output") || !r["output"].is_string()) {
        problem(where, "must be an object with \"output\" (a summary metric or SERIES@MONTH)");
        continue;
      }
      for (const auto& [key, value] : r.items()) {
        if (key != "output" && key != "value" && key != "min" && key != "max" && key != "scale") {
          problem(where + "/" + key, "unknown key '" + key + "'; allowed keys here: output, value, min, max, scale");
        }
      }
      Target target;
      target.output = r["output"].get<std::string>();
      if (!seen.insert(target.output).second) problem(where + "/output", "output '" + target.output + "' has two targets");
      const auto number = [&](const char* key) -> std::optional<double> {
        if (!r.contains(key)) return std::nullopt;
        if (!r[key].is_number()) {
          problem(where + "/" + key, "must be a number, got " + r[key].dump());
          return std::nullopt;
        }
        return r[key].get<double>();
      };
      target.value = number("value");
      target.min = number("min");
      target.max = number("max");
      const auto scale = number("scale");
      if (target.value.has_value() == (target.min.has_value() || target.max.has_value())) {
        problem(where, "give either \"value\" or both \"min\" and \"max\"");
        continue;
      }
      if (!target.value && !(target.min && target.max && *target.min < *target.max)) {
        problem(where, "a range needs \"min\" < \"max\"");
        continue;
      }
      if (scale && !(*scale > 0)) problem(where + "/scale", "must be > 0");
      target.scale = scale ? *scale
                           : (target.value ? (*target.value != 0 ? std::abs(*target.value) : 1.0) : *target.max - *target.min);
      t.targets.push_back(target);
    }
  }
  if (raw.contains("start")) {
    if (!raw["start"].is_object()) {
      problem("/start", "must be an object: parameter name -> starting value");
    } else {
      for (const auto& [name, value] : raw["start"].items()) {
        std::size_t k = 0;
        while (k < e.parameters.size() && e.parameters[k].name != name) ++k;
        if (k == e.parameters.size()) {
          problem("/start/" + name, "is not a parameter of " + e.file.string());
          continue;
        }
        const double u = value.is_number() ? unit_of(e.parameters[k], value.get<double>()) : -1.0;
        if (!(u >= 0.0 && u <= 1.0)) {
          problem("/start/" + name, "must be a value within the parameter's range (or one of its values)");
          continue;
        }
        t.start[k] = u;
      }
    }
  }
  if (raw.contains("max_evaluations")) {
    if (!raw["max_evaluations"].is_number_integer() || raw["max_evaluations"].get<std::int64_t>() <=
                                                           static_cast<std::int64_t>(e.parameters.size())) {
      problem("/max_evaluations", "must be a whole number above the number of parameters");
    } else {
      t.max_evaluations = raw["max_evaluations"].get<std::size_t>();
    }
  }
  if (!problems.empty()) {
    std::string all;
    for (const auto& p : problems) {
      if (!all.empty()) all += '\n';
      all += p;
    }
    throw ExperimentError(all);
  }
  return t;
}

}  // namespace

std::vector<std::string> run_calibration(const ResearchOptions& options, const fs::path& targets_file,
                                         const Cluster& cluster) {
  const json raw_targets = read_json(targets_file);
  ResearchRun run(options, cluster, target_outputs(raw_targets));
  const Experiment& e = run.experiment();
  const Targets targets = load_targets(raw_targets, targets_file, e);
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
