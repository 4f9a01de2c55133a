/// @file
/// @brief The third step of `aiscale run` and `aiscale compare`: the output contract
///        (docs/outputs.md) written from a comparison's tally: replications.csv
///        (streamed as replications are folded in), timeseries.csv, summary.json and
///        report.html, each atomically, and the lines printed on the terminal.
///
/// Every function here is deterministic: the same comparison and tally give the same
/// bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/comparison/plan.hpp"
#include "analysis/comparison/tally.hpp"
#include "analysis/outputs/atomic_file.hpp"
#include "analysis/outputs/report.hpp"

namespace analysis {

/// @brief replications.csv: one row per scenario per replication (scenario,
///        replication, seed, then every summary metric), written as replications
///        arrive and put in place by commit().
class ReplicationsCsv {
 public:
  /// Opens `path`'s temporary file and writes the header (see AtomicFile).
  explicit ReplicationsCsv(const std::filesystem::path& path);

  /// Appends replication `rep`'s rows: results[k] is scenario k's run.
  void add(const Comparison& comparison, std::uint64_t rep,
           const std::vector<models::enterprise::RunResult>& results);

  /// Puts the file in place (AtomicFile::commit).
  void commit();

 private:
  AtomicFile file_;
};

/// The rows of timeseries.csv: per scenario, per series, per month (that order).
std::vector<SeriesRow> series_rows(const ComparisonTally& tally);

/// Writes timeseries.csv (tidy: one row per scenario x metric x month) to `path`.
void write_timeseries(const std::filesystem::path& path, const Comparison& comparison,
                      const std::vector<SeriesRow>& rows);

/// The summary.json document: the plan, every scenario's summary metrics and, with
/// more than one scenario, each one's paired comparison with the baseline.
nlohmann::ordered_json summary_document(const Comparison& comparison, const ComparisonTally& tally);

/// Writes `document` (summary_document) to `path`, indented, with a final newline.
void write_summary(const std::filesystem::path& path, const nlohmann::ordered_json& document);

/// Writes report.html (render_report) to `path`.
void write_report(const std::filesystem::path& path, const nlohmann::ordered_json& document,
                  const std::vector<SeriesRow>& rows);

/// One line per scenario for the terminal: ROI at the horizon with its 95 % CI, and
/// the pilot-to-production ratio.
std::vector<std::string> headline(const Comparison& comparison, const ComparisonTally& tally);

}  // namespace analysis
