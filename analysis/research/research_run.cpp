#include "analysis/research/research_run.hpp"

#include <stdexcept>
#include <system_error>

#include "analysis/outputs/atomic_file.hpp"
#include "analysis/outputs/output_files.hpp"
#include "analysis/research/cluster.hpp"
#include "analysis/numerics/statistics.hpp"

namespace analysis::research {

namespace fs = std::filesystem;

namespace {

Experiment load_with_overrides(const ResearchOptions& options, const std::vector<std::string>& extra_outputs) {
  Experiment e = load_experiment(options.experiment);
  if (options.seed) e.seed = *options.seed;
  if (options.replications) e.replications = *options.replications;
  for (const std::string& name : extra_outputs) {
    bool listed = false;
    for (const Output& o : e.outputs) listed = listed || o.name == name;
    if (listed) continue;
    const auto output = parse_output(name, e.base["horizon_months"].get<double>());
    if (!output) {
      throw std::invalid_argument("unknown output '" + name +
                                  "': name a summary metric (a column of replications.csv, e.g. roi_final) or a "
                                  "monthly series at a month within the horizon, e.g. mean_accuracy@6");
    }
    e.outputs.push_back(*output);
  }
  return e;
}

}  // namespace

ResearchRun::ResearchRun(const ResearchOptions& options, const Cluster& cluster,
                         const std::vector<std::string>& extra_outputs)
    : options_(options), cluster_(cluster), experiment_(load_with_overrides(options, extra_outputs)) {
  std::string problem;
  if (cluster.root()) {
    try {
      if (options_.resume) {
        if (!fs::is_directory(options_.out)) {
          throw std::invalid_argument("--resume: " + options_.out.string() +
                                      " is not a folder: name the --out of the interrupted run");
        }
      } else {
        prepare_output_directory(options_.out, options_.force);
      }
    } catch (const std::invalid_argument& e) {
      problem = e.what();
    }
  }
  problem = cluster.broadcast(problem);
  if (!problem.empty()) throw std::invalid_argument(problem);
  journal_.emplace(options_.out, fingerprint(experiment_), options_.resume, cluster_);
  study_.emplace(experiment_, *journal_, cluster_, StudyOptions{options_.threads, !options_.quiet});
}

std::vector<std::vector<double>> ResearchRun::values_of(const Eigen::MatrixXd& unit_design) const {
  std::vector<std::vector<double>> points(static_cast<std::size_t>(unit_design.rows()));
  for (Eigen::Index i = 0; i < unit_design.rows(); ++i) {
    for (std::size_t k = 0; k < experiment_.parameters.size(); ++k) {
      points[static_cast<std::size_t>(i)].push_back(
          experiment_.parameters[k].value(unit_design(i, static_cast<Eigen::Index>(k))));
    }
  }
  return points;
}

std::vector<std::vector<double>> ResearchRun::run(const std::vector<std::vector<double>>& points,
                                                  const std::string& unit) {
  return study_->run(points, unit);
}

void ResearchRun::write_points(const std::vector<std::vector<double>>& points,
                               const std::vector<std::vector<double>>& results) const {
  if (!cluster_.root()) return;
  const auto& params = experiment_.parameters;
  const auto& outputs = experiment_.outputs;
  const std::size_t O = outputs.size();

  AtomicFile points_csv(options_.out / "points.csv");
  auto& p = points_csv.stream();
  p << "point";
  for (const Parameter& parameter : params) p << ',' << csv_field(parameter.name);
  p << ",output,mean,sd,ci_low,ci_high,n\n";
  AtomicFile runs_csv(options_.out / "runs.csv");
  auto& r = runs_csv.stream();
  r << "point,replication,seed";
  for (const Parameter& parameter : params) r << ',' << csv_field(parameter.name);
  for (const Output& output : outputs) r << ',' << output.name;
  r << '\n';

  for (std::size_t i = 0; i < points.size(); ++i) {
    std::string values;
    for (const double v : points[i]) {
      values += ',';
      values += csv_number(v);
    }
    for (std::size_t o = 0; o < O; ++o) {
      Moments m;
      for (std::size_t rep = 0; rep < experiment_.replications; ++rep) m.add(results[i][rep * O + o]);
      const auto [low, high] = m.ci95();  // NaN with fewer than two values
      p << i << values << ',' << outputs[o].name << ',' << csv_number(m.mean()) << ',' << csv_number(m.sd()) << ','
        << csv_number(low) << ',' << csv_number(high) << ',' << m.count() << '\n';
    }
    for (std::size_t rep = 0; rep < experiment_.replications; ++rep) {
      r << i << ',' << rep << ',' << experiment_.seed << values;
      for (std::size_t o = 0; o < O; ++o) r << ',' << csv_number(results[i][rep * O + o]);
      r << '\n';
    }
  }
  points_csv.commit();
  runs_csv.commit();
}

std::string ResearchRun::finish(const std::vector<std::string>& files) {
  journal_->remove();
  std::string list;
  for (const std::string& f : files) {
    if (!list.empty()) list += ", ";
    list += f;
  }
  return "results in " + options_.out.string() + " (" + list + ")";
}

}  // namespace analysis::research
