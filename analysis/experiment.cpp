#include "analysis/experiment.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <system_error>

#include <nlohmann/json.hpp>

#include "analysis/atomic_file.hpp"
#include "analysis/output_files.hpp"
#include "analysis/progress.hpp"
#include "analysis/report.hpp"
#include "analysis/statistics.hpp"
#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/scenario_io.hpp"
#include "sim/replication_runner.hpp"

namespace analysis {
namespace {

namespace fs = std::filesystem;
using models::enterprise::kSeriesCount;
using models::enterprise::kSummaryCount;
using models::enterprise::RunResult;
using models::enterprise::Scenario;
using models::enterprise::Series;
using models::enterprise::series_name;
using models::enterprise::summary_name;
using Metric = models::enterprise::Summary;  // analysis::Summary is the statistics record

/// The metrics compared against the baseline, with the way each improves.
struct ComparedMetric {
  Metric metric;
  Direction direction;
  NanRule nan_rule;
};
constexpr ComparedMetric kCompared[] = {
    {Metric::roi_final, Direction::higher_is_better, NanRule::missing},
    {Metric::npv_final, Direction::higher_is_better, NanRule::missing},
    {Metric::break_even_month, Direction::lower_is_better, NanRule::worst},  // NaN = never
    {Metric::pilot_to_production, Direction::higher_is_better, NanRule::missing},
};

nlohmann::ordered_json json_number(double x) {
  if (!std::isfinite(x)) return nullptr;
  return x;
}

nlohmann::ordered_json summary_json(const Summary& s) {
  nlohmann::ordered_json j;
  j["mean"] = json_number(s.mean);
  j["sd"] = json_number(s.sd);
  j["ci95"] = nlohmann::ordered_json::array({json_number(s.ci_low), json_number(s.ci_high)});
  j["p10"] = json_number(s.p10);
  j["p50"] = json_number(s.p50);
  j["p90"] = json_number(s.p90);
  j["n"] = s.n;
  j["missing"] = s.missing;
  return j;
}

/// Per-scenario accumulators: every monthly series (months x series flattened) and
/// every summary metric. Memory does not depend on the number of replications.
struct ScenarioStats {
  explicit ScenarioStats(std::size_t months) : monthly(months * kSeriesCount), months_(months) {}
  SeriesAccumulator monthly;
  std::array<Accumulator, kSummaryCount> summary{};
  std::size_t months_;
};

std::vector<Scenario> load_all(const std::vector<fs::path>& files) {
  if (files.empty()) throw std::invalid_argument("no scenario given: name at least one scenario file");
  std::vector<Scenario> scenarios;
  std::set<std::string> names;
  std::set<fs::path> seen;
  for (const auto& file : files) {
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(file, ec);
    if (!seen.insert(ec ? file : canonical).second) {
      throw std::invalid_argument("scenario " + file.string() +
                                  " is given twice: comparing a scenario with itself tells nothing");
    }
    try {
      scenarios.push_back(models::enterprise::load_scenario(file));
    } catch (const models::enterprise::ScenarioError& e) {
      throw std::invalid_argument(e.what());
    }
    if (!names.insert(scenarios.back().name).second) {
      throw std::invalid_argument("two scenarios are named '" + scenarios.back().name + "' (" + file.string() +
                                  "): give each compared scenario its own \"name\"");
    }
  }
  return scenarios;
}

}  // namespace

ExperimentOutcome run_experiment(const ExperimentPlan& plan) {
  if (plan.replications < 1) throw std::invalid_argument("--reps must be >= 1");
  const std::vector<Scenario> scenarios = load_all(plan.scenarios);
  prepare_output_directory(plan.out, plan.force);
  const auto start = std::chrono::steady_clock::now();

  std::vector<ScenarioStats> stats;
  for (const auto& s : scenarios) stats.emplace_back(static_cast<std::size_t>(std::ceil(s.horizon_months)));
  // paired[k - 1][c]: scenario k against the baseline on kCompared[c].
  std::vector<std::vector<PairedDifference>> paired(scenarios.size() - 1);
  for (auto& against_baseline : paired) {
    for (const ComparedMetric& c : kCompared) against_baseline.emplace_back(c.direction, c.nan_rule);
  }

  // replications.csv is streamed as replications are accumulated, in order.
  AtomicFile replications_csv(plan.out / "replications.csv");
  auto& rows = replications_csv.stream();
  rows << "scenario,replication,seed";
  for (std::size_t m = 0; m < kSummaryCount; ++m) rows << ',' << summary_name(static_cast<Metric>(m));
  rows << '\n';

  Progress progress(plan.replications, "replications", plan.progress && Progress::stderr_is_terminal());
  sim::run_replications(
      plan.replications, plan.threads,
      [&scenarios, &plan](std::uint64_t rep) {
        // Replication `rep` of every scenario uses the same (seed, rep) streams: CRN.
        std::vector<RunResult> results;
        results.reserve(scenarios.size());
        for (const auto& s : scenarios) results.push_back(models::enterprise::simulate(s, plan.seed, rep));
        return results;
      },
      [&](std::uint64_t rep, std::vector<RunResult>&& results) {
        for (std::size_t k = 0; k < results.size(); ++k) {
          const RunResult& r = results[k];
          stats[k].monthly.add(std::span<const double>(r.months.front().data(), r.months.size() * kSeriesCount));
          rows << csv_field(scenarios[k].name) << ',' << rep << ',' << plan.seed;
          for (std::size_t m = 0; m < kSummaryCount; ++m) {
            stats[k].summary[m].add(r.summary[m]);
            rows << ',' << csv_number(r.summary[m]);
          }
          rows << '\n';
          if (k > 0) {
            for (std::size_t c = 0; c < std::size(kCompared); ++c) {
              paired[k - 1][c].add(results[0].get(kCompared[c].metric), r.get(kCompared[c].metric));
            }
          }
        }
        progress.update(rep + 1);
      });
  progress.finish();
  replications_csv.commit();

  // timeseries.csv: tidy, one row per scenario x metric x month.
  std::vector<SeriesRow> series;
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    for (std::size_t metric = 0; metric < kSeriesCount; ++metric) {
      for (std::size_t month = 0; month < stats[k].months_; ++month) {
        series.push_back({k, series_name(static_cast<Series>(metric)), month + 1,
                          stats[k].monthly.summary(month * kSeriesCount + metric)});
      }
    }
  }
  {
    AtomicFile file(plan.out / "timeseries.csv");
    auto& out = file.stream();
    out << "scenario,metric,month,mean,sd,ci_low,ci_high,p10,p50,p90\n";
    for (const SeriesRow& row : series) {
      const Summary& s = row.stats;
      out << csv_field(scenarios[row.scenario].name) << ',' << row.metric << ',' << row.month << ','
          << csv_number(s.mean) << ',' << csv_number(s.sd) << ',' << csv_number(s.ci_low) << ',' << csv_number(s.ci_high) << ','
          << csv_number(s.p10) << ',' << csv_number(s.p50) << ',' << csv_number(s.p90) << '\n';
    }
    file.commit();
  }

  // summary.json
  nlohmann::ordered_json summary;
  summary["format"] = "aiscale-summary/1";
  summary["seed"] = plan.seed;
  summary["replications"] = plan.replications;
  summary["baseline"] = scenarios.front().name;
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    nlohmann::ordered_json s;
    s["name"] = scenarios[k].name;
    s["file"] = plan.scenarios[k].string();
    s["description"] = scenarios[k].description;
    s["replications"] = plan.replications;
    s["seed"] = plan.seed;
    s["horizon_months"] = scenarios[k].horizon_months;
    nlohmann::ordered_json metrics;
    for (std::size_t m = 0; m < kSummaryCount; ++m) {
      metrics[std::string(summary_name(static_cast<Metric>(m)))] = summary_json(stats[k].summary[m].summary());
    }
    s["metrics"] = metrics;
    summary["scenarios"].push_back(s);
  }
  if (scenarios.size() > 1) {
    for (std::size_t k = 1; k < scenarios.size(); ++k) {
      nlohmann::ordered_json c;
      c["scenario"] = scenarios[k].name;
      c["baseline"] = scenarios.front().name;
      for (std::size_t m = 0; m < std::size(kCompared); ++m) {
        const PairedSummary p = paired[k - 1][m].summary();
        nlohmann::ordered_json d;
        d["direction"] = kCompared[m].direction == Direction::higher_is_better ? "higher_is_better" : "lower_is_better";
        d["mean_difference"] = json_number(p.mean_difference);
        d["ci95"] = nlohmann::ordered_json::array({json_number(p.ci_low), json_number(p.ci_high)});
        d["share_better"] = json_number(p.share_better);
        d["share_worse"] = json_number(p.share_worse);
        d["pairs"] = p.n;
        d["compared"] = p.compared;
        c[std::string(summary_name(kCompared[m].metric))] = d;
      }
      summary["comparison"].push_back(c);
    }
  }
  {
    AtomicFile file(plan.out / "summary.json");
    file.stream() << summary.dump(2) << '\n';
    file.commit();
  }
  {
    AtomicFile file(plan.out / "report.html");
    file.stream() << render_report({summary, series});
    file.commit();
  }

  ExperimentOutcome outcome;
  outcome.out = plan.out;
  outcome.files = {"summary.json", "timeseries.csv", "replications.csv", "report.html"};
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    const auto roi = stats[k].summary[static_cast<std::size_t>(Metric::roi_final)].summary();
    const auto p2p = stats[k].summary[static_cast<std::size_t>(Metric::pilot_to_production)].summary();
    char line[256];
    std::snprintf(line, sizeof line,
                  "%-14s ROI at month %g: %+.0f%% (95%% CI %+.0f%% to %+.0f%%); pilot-to-production %.0f%%",
                  scenarios[k].name.c_str(), scenarios[k].horizon_months, 100.0 * roi.mean, 100.0 * roi.ci_low,
                  100.0 * roi.ci_high, 100.0 * p2p.mean);
    outcome.headline.emplace_back(line);
  }
  return outcome;
}

}  // namespace analysis
