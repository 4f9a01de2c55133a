// Tests analysis/outputs/report.hpp: the plain-words headline, the page's structure and data,
// escaping of user text, and determinism. The browser check is report_browser_test.cpp.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/outputs/report.hpp"

using analysis::render_report;
using analysis::ReportInput;
using analysis::SeriesRow;
using json = nlohmann::ordered_json;
namespace text = analysis::report_text;

namespace {

json metric(double mean, double low, double high, std::uint64_t n = 10, std::uint64_t missing = 0) {
  return {{"mean", mean}, {"sd", 1.0}, {"ci95", {low, high}}, {"p10", low},  {"p50", mean},
          {"p90", high},  {"n", n},    {"missing", missing}};
}

json scenario(const std::string& name, double roi) {
  json metrics;
  for (const char* m : {"npv_final", "break_even_month", "pilot_to_production", "pilot_to_production_month_24",
                        "models_in_production_final", "ideas", "pilots_launched", "pilots_completed",
                        "reached_production"}) {
    metrics[m] = metric(10.0, 9.0, 11.0);
  }
  metrics["roi_final"] = metric(roi, roi - 0.1, roi + 0.1);
  return {{"name", name}, {"description", "what " + name + " is"}, {"replications", 10}, {"seed", 1},
          {"horizon_months", 60}, {"metrics", metrics}};
}

json difference(const char* direction, double mean, double low, double high, double better, double worse,
                std::uint64_t pairs = 10, std::uint64_t compared = 10) {
  return {{"direction", direction}, {"mean_difference", mean}, {"ci95", {low, high}}, {"share_better", better},
          {"share_worse", worse},   {"pairs", pairs},           {"compared", compared}};
}

json two_scenario_summary(const std::string& other_name = "coe") {
  json s = {{"format", "aiscale-summary/1"}, {"seed", 1}, {"replications", 10}, {"baseline", "hybrid"}};
  s["scenarios"] = {scenario("hybrid", 0.3), scenario(other_name, 1.2)};
  json c = {{"scenario", other_name}, {"baseline", "hybrid"}};
  c["roi_final"] = difference("higher_is_better", 0.9, 0.8, 1.0, 0.9, 0.1);
  c["npv_final"] = difference("higher_is_better", 2e6, -1e6, 5e6, 0.6, 0.4);
  c["break_even_month"] = difference("lower_is_better", -8.0, -9.0, -7.0, 0.95, 0.05);
  c["pilot_to_production"] = difference("higher_is_better", -0.02, -0.03, -0.01, 0.3, 0.6);
  s["comparison"] = {c};
  return s;
}

std::vector<SeriesRow> series_rows(std::size_t scenarios) {
  std::vector<SeriesRow> rows;
  for (std::size_t k = 0; k < scenarios; ++k) {
    for (const char* m : {"roi", "in_production", "backlog"}) {
      for (std::size_t month = 1; month <= 3; ++month) {
        analysis::Summary s;
        s.mean = 0.5 * static_cast<double>(month);
        s.ci_low = s.mean - 0.1;
        s.ci_high = s.mean + 0.1;
        rows.push_back({k, m, month, s});
      }
    }
  }
  return rows;
}

/// The text between the page's data element tags.
std::string page_data(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const auto start = page.find(open);
  REQUIRE(start != std::string::npos);
  const auto end = page.find("</script>", start);
  return page.substr(start + open.size(), end - start - open.size());
}

}  // namespace

TEST_CASE("report numbers read as people write them", "[report]") {
  CHECK(text::percent(0.352) == "35 %");
  CHECK(text::percent(0.352, 1) == "35.2 %");
  CHECK(text::percent(std::nan("")) == "n/a");
  CHECK(text::money(1234567) == "$1.2M");
  CHECK(text::money(-45'600) == "\u2212$46k");
  CHECK(text::money(2.5e9) == "$2.5B");
  CHECK(text::money(512) == "$512");
  CHECK(text::html_escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;");
}

TEST_CASE("a paired difference reads as better or worse or no clear difference", "[report]") {
  const auto roi = text::verdict("roi_final", difference("higher_is_better", 0.884, 0.827, 0.941, 0.98, 0.02), 60);
  CHECK_THAT(roi, Catch::StartsWith("<span class=\"better\">Better</span>: Return on investment at month 60 is "
                                    "88.4 percentage points higher (95 % CI +82.7 to +94.1)"));
  CHECK_THAT(roi, Catch::EndsWith("better in 98 % of paired futures, worse in 2 %."));

  const auto p2p =
      text::verdict("pilot_to_production", difference("higher_is_better", -0.02, -0.027, -0.012, 0.38, 0.61), 60);
  CHECK_THAT(p2p, Catch::StartsWith("<span class=\"worse\">Worse</span>: Pilot-to-production ratio is 2.0 "
                                    "percentage points lower"));

  const auto npv = text::verdict("npv_final", difference("higher_is_better", 2e6, -1e6, 5e6, 0.6, 0.4), 60);
  CHECK_THAT(npv, Catch::StartsWith("<span class=\"unclear\">No clear difference</span> in net present value at "
                                    "month 60: +$2.0M (95 % CI \u2212$1.0M to +$5.0M)"));

  // Lower is better for the break-even month: a negative difference is an improvement.
  const auto earlier = text::verdict("break_even_month", difference("lower_is_better", -8.2, -8.8, -7.5, 0.97, 0.03), 60);
  CHECK_THAT(earlier, Catch::StartsWith("<span class=\"better\">Better</span>: Breaks even 8.2 months earlier"));

  CHECK_THROWS_AS(text::verdict("incidents", difference("lower_is_better", 1, 0, 2, 0.5, 0.5), 60),
                  std::invalid_argument);
}

TEST_CASE("break-even with futures that never break even is judged by who breaks even first", "[report]") {
  // 200 pairs compared; only 4 have a break-even month in both scenarios, and their
  // mean difference is unclear, but the scenario is later or never in 176 of 200.
  const auto worse = text::verdict(
      "break_even_month", difference("lower_is_better", 6.5, -3.4, 16.4, 0.0, 0.88, 4, 200), 60);
  CHECK_THAT(worse, Catch::StartsWith("<span class=\"worse\">Worse</span>: breaks even earlier in 0 % of paired "
                                      "futures, later or not at all in 88 %; where both break even, +6.5 months"));
  // Balanced shares: no clear difference, whatever the few complete pairs say.
  const auto even = text::verdict(
      "break_even_month", difference("lower_is_better", -5.0, -6.0, -4.0, 0.45, 0.47, 20, 200), 60);
  CHECK_THAT(even, Catch::StartsWith("<span class=\"unclear\">No clear difference</span>"));
  // No pair has a number at all (neither ever breaks even together).
  json none = difference("lower_is_better", 0, 0, 0, 0.0, 0.0, 0, 0);
  none["mean_difference"] = nullptr;
  none["ci95"] = {nullptr, nullptr};
  CHECK_THAT(text::verdict("break_even_month", none, 60), Catch::StartsWith("<span class=\"unclear\">Not comparable"));
}

TEST_CASE("the report has the headline and every chart and the data they draw", "[report]") {
  const json summary = two_scenario_summary();
  const auto rows = series_rows(2);
  const std::string page = render_report(ReportInput{summary, rows});

  CHECK_THAT(page, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(page, Catch::Contains("<title>aiscale report: hybrid vs coe</title>"));
  CHECK_THAT(page, Catch::Contains("Return on investment at month 60"));
  CHECK_THAT(page, Catch::Contains("+120 %"));  // coe's ROI
  CHECK_THAT(page, Catch::Contains("Against the baseline"));
  CHECK_THAT(page, Catch::Contains("Breaks even 8.0 months earlier"));
  CHECK(page.find("%%") == std::string::npos);  // every template slot filled

  const auto ids = analysis::report_chart_ids();
  CHECK(ids == std::vector<std::string>{"roi", "pilot-to-production", "funnel", "models-in-production",
                                        "adoption-trust", "data-debt", "cost-value"});
  for (const auto& id : ids) {
    INFO(id);
    CHECK_THAT(page, Catch::Contains("<div class=\"chart\" id=\"chart-" + id + "\">"));
  }
  // The charting libraries are inlined: the page needs no network.
  CHECK_THAT(page, Catch::Contains("vegaEmbed"));
  CHECK(page.find("<script src=") == std::string::npos);

  const json data = json::parse(page_data(page));
  CHECK(data["charts"].size() == ids.size());
  // Only charted series travel with the page; every row names its scenario and order.
  const auto& series = data["datasets"]["series"];
  CHECK(series.size() == 2 * 2 * 3);  // scenarios x {roi, in_production} x months
  for (const auto& row : series) CHECK(row["metric"] != "backlog");
  CHECK(series[0]["scenario"] == "hybrid");
  CHECK(series[0]["order"] == 0);
  const auto& funnel = data["datasets"]["funnel"];
  CHECK(funnel.size() == 2 * 5);
  CHECK(funnel[0]["stage"] == "Ideas raised");
  CHECK(funnel[4]["stage"] == "Still in production at the end");
}

TEST_CASE("a single-scenario report has no comparison", "[report]") {
  json summary = two_scenario_summary();
  summary["scenarios"].erase(1);
  summary.erase("comparison");
  const auto rows = series_rows(1);
  const std::string page = render_report(ReportInput{summary, rows});
  CHECK_THAT(page, Catch::Contains("<title>aiscale report: hybrid</title>"));
  CHECK(page.find("Against the baseline") == std::string::npos);
}

TEST_CASE("scenario names cannot break the page", "[report]") {
  const std::string hostile = "</script><script>alert(1)</script>";
  const json summary = two_scenario_summary(hostile);
  const auto rows = series_rows(2);
  const std::string page = render_report(ReportInput{summary, rows});
  // Escaped in HTML, and never a raw '<' inside the data element.
  CHECK(page.find("<script>alert(1)") == std::string::npos);
  CHECK_THAT(page, Catch::Contains("&lt;/script&gt;&lt;script&gt;alert(1)"));
  const std::string data = page_data(page);
  CHECK(data.find('<') == std::string::npos);
  CHECK(json::parse(data)["datasets"]["series"][6]["scenario"] == hostile);
}

TEST_CASE("the report is deterministic and refuses an incomplete summary", "[report]") {
  const json summary = two_scenario_summary();
  const auto rows = series_rows(2);
  CHECK(render_report(ReportInput{summary, rows}) == render_report(ReportInput{summary, rows}));

  json broken = summary;
  broken["scenarios"][1]["metrics"].erase("npv_final");
  CHECK_THROWS_WITH(render_report(ReportInput{broken, rows}), Catch::Contains("npv_final"));
}

TEST_CASE("the share of futures that never break even is never shown as 0 %", "[report]") {
  json summary = two_scenario_summary();
  summary["scenarios"][0]["metrics"]["break_even_month"] = metric(40.0, 39.0, 41.0, 999, 1);
  summary["scenarios"][1]["metrics"]["break_even_month"] = metric(44.0, 43.0, 45.0, 750, 250);
  const auto rows = series_rows(2);
  const std::string page = render_report(ReportInput{summary, rows});
  CHECK_THAT(page, Catch::Contains("fewer than 1 % of futures do not break even within 60 months"));
  CHECK_THAT(page, Catch::Contains("25 % of futures do not break even within 60 months"));
  CHECK(page.find("; 0 % of futures") == std::string::npos);
}
