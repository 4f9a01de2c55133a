#include "analysis/comparison/comparison.hpp"

#include <chrono>

#include "analysis/comparison/files.hpp"
#include "analysis/comparison/tally.hpp"
#include "analysis/outputs/output_files.hpp"
#include "analysis/outputs/progress.hpp"

namespace analysis {

ComparisonOutcome run_comparison(const ComparisonPlan& plan) {
  // 1. Plan: check, load, and make room for the results.
  const Comparison comparison = load_comparison(plan);
  prepare_output_directory(plan.out, plan.force);
  const auto start = std::chrono::steady_clock::now();

  // 2. Simulate and accumulate; replications.csv is streamed as replications are folded in.
  ReplicationsCsv replications(plan.out / "replications.csv");
  Progress progress(plan.replications, "replications", plan.progress && Progress::stderr_is_terminal());
  const ComparisonTally tally = simulate_and_accumulate(
      comparison, [&](std::uint64_t rep, const std::vector<models::enterprise::RunResult>& results) {
        replications.add(comparison, rep, results);
        progress.update(rep + 1);
      });
  progress.finish();
  replications.commit();

  // 3. Write.
  const std::vector<SeriesRow> rows = series_rows(tally);
  write_timeseries(plan.out / "timeseries.csv", comparison, rows);
  const nlohmann::ordered_json summary = summary_document(comparison, tally);
  write_summary(plan.out / "summary.json", summary);
  write_report(plan.out / "report.html", summary, rows);

  ComparisonOutcome outcome;
  outcome.out = plan.out;
  outcome.files = {"summary.json", "timeseries.csv", "replications.csv", "report.html"};
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  outcome.headline = headline(comparison, tally);
  return outcome;
}

}  // namespace analysis
