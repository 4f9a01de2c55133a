#include "analysis/comparison/files.hpp"

#include <cmath>
#include <cstdio>

#include "analysis/outputs/output_files.hpp"

namespace analysis {

namespace {

using models::enterprise::kSeriesCount;
using models::enterprise::kSummaryCount;
using models::enterprise::Series;
using models::enterprise::series_name;
using models::enterprise::summary_name;
using Metric = models::enterprise::Summary;  // analysis::Summary is the statistics record

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

nlohmann::ordered_json difference_json(const ComparedMetric& compared, const PairedSummary& p) {
  nlohmann::ordered_json d;
  d["direction"] = compared.direction == Direction::higher_is_better ? "higher_is_better" : "lower_is_better";
  d["mean_difference"] = json_number(p.mean_difference);
  d["ci95"] = nlohmann::ordered_json::array({json_number(p.ci_low), json_number(p.ci_high)});
  d["share_better"] = json_number(p.share_better);
  d["share_worse"] = json_number(p.share_worse);
  d["pairs"] = p.n;
  d["compared"] = p.compared;
  return d;
}

}  // namespace

// --- replications.csv ----------------------------------------------------------------

ReplicationsCsv::ReplicationsCsv(const std::filesystem::path& path) : file_(path) {
  auto& out = file_.stream();
  out << "scenario,replication,seed";
  for (std::size_t m = 0; m < kSummaryCount; ++m) out << ',' << summary_name(static_cast<Metric>(m));
  out << '\n';
}

void ReplicationsCsv::add(const Comparison& comparison, std::uint64_t rep,
                          const std::vector<models::enterprise::RunResult>& results) {
  auto& out = file_.stream();
  for (std::size_t k = 0; k < results.size(); ++k) {
    out << csv_field(comparison.scenarios[k].name) << ',' << rep << ',' << comparison.plan.seed;
    for (const double value : results[k].summary) out << ',' << csv_number(value);
    out << '\n';
  }
}

void ReplicationsCsv::commit() { file_.commit(); }

// --- timeseries.csv ------------------------------------------------------------------

std::vector<SeriesRow> series_rows(const ComparisonTally& tally) {
  std::vector<SeriesRow> rows;
  for (std::size_t k = 0; k < tally.scenarios(); ++k) {
    const ScenarioTally& scenario = tally.scenario(k);
    // Every cell's summary at once: cells share their t quantile (SeriesAccumulator::summaries).
    const std::vector<Summary> cells = scenario.monthly.summaries();
    for (std::size_t metric = 0; metric < kSeriesCount; ++metric) {
      for (std::size_t month = 0; month < scenario.months; ++month) {
        rows.push_back({k, series_name(static_cast<Series>(metric)), month + 1, cells[month * kSeriesCount + metric]});
      }
    }
  }
  return rows;
}

void write_timeseries(const std::filesystem::path& path, const Comparison& comparison,
                      const std::vector<SeriesRow>& rows) {
  AtomicFile file(path);
  auto& out = file.stream();
  out << "scenario,metric,month,mean,sd,ci_low,ci_high,p10,p50,p90\n";
  for (const SeriesRow& row : rows) {
    const Summary& s = row.stats;
    out << csv_field(comparison.scenarios[row.scenario].name) << ',' << row.metric << ',' << row.month << ','
        << csv_number(s.mean) << ',' << csv_number(s.sd) << ',' << csv_number(s.ci_low) << ','
        << csv_number(s.ci_high) << ',' << csv_number(s.p10) << ',' << csv_number(s.p50) << ','
        << csv_number(s.p90) << '\n';
  }
  file.commit();
}

// --- summary.json --------------------------------------------------------------------

nlohmann::ordered_json summary_document(const Comparison& comparison, const ComparisonTally& tally) {
  const ComparisonPlan& plan = comparison.plan;
  const auto& scenarios = comparison.scenarios;
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
      metrics[std::string(summary_name(static_cast<Metric>(m)))] =
          summary_json(tally.scenario(k).metric(static_cast<Metric>(m)));
    }
    s["metrics"] = metrics;
    summary["scenarios"].push_back(s);
  }
  for (std::size_t k = 1; k < scenarios.size(); ++k) {
    nlohmann::ordered_json c;
    c["scenario"] = scenarios[k].name;
    c["baseline"] = scenarios.front().name;
    for (std::size_t m = 0; m < kComparedMetrics.size(); ++m) {
      c[std::string(summary_name(kComparedMetrics[m].metric))] =
          difference_json(kComparedMetrics[m], tally.paired(k, m).summary());
    }
    summary["comparison"].push_back(c);
  }
  return summary;
}

void write_summary(const std::filesystem::path& path, const nlohmann::ordered_json& document) {
  AtomicFile file(path);
  file.stream() << document.dump(2) << '\n';
  file.commit();
}

void write_report(const std::filesystem::path& path, const nlohmann::ordered_json& document,
                  const std::vector<SeriesRow>& rows) {
  AtomicFile file(path);
  file.stream() << render_report({document, rows});
  file.commit();
}

// --- the terminal --------------------------------------------------------------------

std::vector<std::string> headline(const Comparison& comparison, const ComparisonTally& tally) {
  std::vector<std::string> lines;
  for (std::size_t k = 0; k < comparison.scenarios.size(); ++k) {
    const auto& scenario = comparison.scenarios[k];
    const Summary roi = tally.scenario(k).metric(Metric::roi_final);
    const Summary p2p = tally.scenario(k).metric(Metric::pilot_to_production);
    char line[256];
    std::snprintf(line, sizeof line,
                  "%-14s ROI at month %g: %+.0f%% (95%% CI %+.0f%% to %+.0f%%); pilot-to-production %.0f%%",
                  scenario.name.c_str(), scenario.horizon_months, 100.0 * roi.mean, 100.0 * roi.ci_low,
                  100.0 * roi.ci_high, 100.0 * p2p.mean);
    lines.emplace_back(line);
  }
  return lines;
}

}  // namespace analysis
