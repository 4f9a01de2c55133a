/// @file
/// @brief report.html: one self-contained page that an executive reads at a glance, a
///        view of a comparison's output files (summary.json and the monthly
///        statistics of timeseries.csv), with charts drawn by Vega-Lite.
///
/// The page layout is analysis/outputs/report/report.html, the charts are the Vega-Lite specs
/// in analysis/outputs/report/charts.json, and the charting libraries (Vega, Vega-Lite,
/// vega-embed, pinned by analysis/outputs/report/package-lock.json) are fetched from the npm
/// registry at build time; all are compiled into the program, so the page needs no
/// network and no files beside it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/numerics/statistics.hpp"

namespace analysis {

/// The statistics of one monthly series, at one month, of one scenario: a row of
/// timeseries.csv.
struct SeriesRow {
  std::size_t scenario = 0;  ///< index into summary["scenarios"]
  std::string_view metric;   ///< a series name (models::enterprise::series_name)
  std::size_t month = 0;     ///< 1, 2, ...
  Summary stats;
};

/// What the report shows: the summary.json document and the monthly statistics.
struct ReportInput {
  const nlohmann::ordered_json& summary;
  const std::vector<SeriesRow>& series;
};

/// One chart of a page: a Vega-Lite spec drawn into its own section.
struct PageChart {
  std::string id;           ///< unique on the page: letters, digits, '-'
  std::string title;
  std::string how_to_read;  ///< one plain-words line under the title
  nlohmann::ordered_json spec;
};

/// A self-contained page in the report's layout (analysis/outputs/report/report.html): the
/// charting libraries inlined, each chart drawn by vega-embed from `datasets`, and the
/// body's data-report-status set to "ok" once every chart drew ("error" otherwise).
struct Page {
  std::string title;          ///< plain text
  std::string header_html;    ///< already escaped HTML
  std::string headline_html;
  std::vector<PageChart> charts;
  nlohmann::ordered_json datasets;  ///< named datasets the specs refer to
  std::string footer_html;
};

/// The page's bytes. Deterministic.
std::string render_page(const Page& page);

/// The report page. Deterministic: the same input gives the same bytes. Throws
/// std::invalid_argument when the summary lacks a field the report needs.
std::string render_report(const ReportInput& input);

/// The ids of the charts the report draws, in page order (charts.json).
std::vector<std::string> report_chart_ids();

namespace report_text {
/// Plain-words pieces of the headline table, exposed for tests.
std::string percent(double fraction, int decimals = 0);          ///< 0.352 -> "35 %"
std::string money(double dollars);                                ///< 1234567 -> "$1.2M"
std::string html_escape(std::string_view text);
/// One sentence comparing a scenario with the baseline on one metric, from its
/// summary.json comparison entry, e.g. "ROI at month 60: 96 points higher (95 % CI 93
/// to 99); better in 97 % of paired futures."
std::string verdict(std::string_view metric, const nlohmann::ordered_json& difference, double horizon_months);
}  // namespace report_text

}  // namespace analysis
