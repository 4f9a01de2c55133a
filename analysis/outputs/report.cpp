#include "analysis/outputs/report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>

#include "analysis/outputs/report_assets.hpp"

namespace analysis {
namespace {

using json = nlohmann::ordered_json;

/// The monthly series the charts use (charts.json filters on these names).
constexpr std::string_view kChartedSeries[] = {"roi",           "pilot_to_production", "in_production",
                                               "mean_adoption", "mean_trust",          "mean_data_debt",
                                               "cost",          "value"};

/// The lifecycle funnel: summary metrics, in order, with their labels.
struct FunnelStep {
  std::string_view metric;
  std::string_view label;
};
constexpr FunnelStep kFunnel[] = {
    {"ideas", "Ideas raised"},
    {"pilots_launched", "Work started (data, model, pilot)"},
    {"pilots_completed", "Pilots completed and decided"},
    {"reached_production", "Reached production"},
    {"models_in_production_final", "Still in production at the end"},
};

const json& charts() {
  static const json parsed = json::parse(report_assets::charts);
  return parsed;
}

std::string format(const char* pattern, double x) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, x);
  return text;
}

/// A number for the page's data: 6 significant digits are plenty for a chart and keep
/// the page small; NaN and infinities become null (a gap in a line).
json chart_number(double x) {
  if (!std::isfinite(x)) return nullptr;
  return std::stod(format("%.6g", x));
}

double number_at(const json& object, std::string_view key) {
  const auto it = object.find(key);
  if (it == object.end()) throw std::invalid_argument("report: summary lacks \"" + std::string(key) + "\"");
  return it->is_number() ? it->get<double>() : std::nan("");
}

const json& member(const json& object, std::string_view key) {
  const auto it = object.find(key);
  if (it == object.end()) throw std::invalid_argument("report: summary lacks \"" + std::string(key) + "\"");
  return *it;
}

/// The minus sign in text for people (U+2212), so that "-3" does not read as a dash.
std::string signed_text(const std::string& magnitude, double x, bool show_plus) {
  if (x < 0) return "\u2212" + magnitude;
  return (show_plus && x > 0 ? "+" : "") + magnitude;
}

std::string signed_percent(double fraction, bool show_plus = true) {
  return signed_text(report_text::percent(std::fabs(fraction)), fraction, show_plus);
}

std::string signed_points(double fraction) {
  return signed_text(format("%.1f", std::fabs(100.0 * fraction)), std::round(1000.0 * fraction), true);
}

std::string signed_money(double dollars) {
  return signed_text(report_text::money(std::fabs(dollars)), dollars, true);
}

std::string signed_months(double months) {
  return signed_text(format("%.1f", std::fabs(months)), std::round(10.0 * months), true);
}

std::string month_text(double horizon_months) { return format("%g", horizon_months); }

std::string interval_text(double low, double high, std::string (*show)(double)) {
  if (!std::isfinite(low) || !std::isfinite(high)) return "";
  return " (95 % CI " + show(low) + " to " + show(high) + ")";
}

// --- the page's pieces -------------------------------------------------------------------

std::string header_html(const json& summary) {
  const json& scenarios = member(summary, "scenarios");
  std::string names;
  for (std::size_t k = 0; k < scenarios.size(); ++k) {
    if (k > 0) names += k + 1 == scenarios.size() ? " and " : ", ";
    names += report_text::html_escape(member(scenarios[k], "name").get<std::string>());
  }
  const bool comparing = scenarios.size() > 1;
  std::string html = "<h1>" + std::string(comparing ? "Scaling AI: " + names + " compared" : "Scaling AI: " + names) +
                     "</h1>\n";
  const auto reps = member(summary, "replications").get<std::uint64_t>();
  html += "<p>Each scenario was simulated " + std::to_string(reps) + " times (random seed " +
          std::to_string(member(summary, "seed").get<std::uint64_t>()) +
          "): every figure is an average over these simulated futures, with its 95 % confidence interval.";
  if (comparing) {
    html += " The first scenario, <strong>" +
            report_text::html_escape(member(summary, "baseline").get<std::string>()) +
            "</strong>, is the baseline. Each simulated future is run under every scenario with the same random "
            "draws, so the differences below come from the scenarios, not from luck.";
  }
  html += "</p>\n";
  return html;
}

std::string value_cell(const std::string& main, const std::string& detail) {
  return "<td class=\"num\">" + main + "<span class=\"ci\">" + detail + "</span></td>";
}

std::string headline_html(const json& summary) {
  const json& scenarios = member(summary, "scenarios");
  double horizon = number_at(scenarios.front(), "horizon_months");
  for (const json& s : scenarios) {
    if (number_at(s, "horizon_months") != horizon) horizon = std::nan("");
  }
  const std::string at = std::isnan(horizon) ? "at the horizon" : "at month " + month_text(horizon);
  const bool comparing = scenarios.size() > 1;

  // The numbers, one row per scenario.
  std::string html = "<table class=\"headline\">\n<thead><tr><th>Scenario</th><th>Return on investment " + at +
                     "</th><th>Net present value " + at +
                     "</th><th>Break-even (cumulative value covers cumulative cost)</th>"
                     "<th>Pilots that reached production</th></tr></thead>\n<tbody>\n";
  for (const json& s : scenarios) {
    const json& metrics = member(s, "metrics");
    const double h = number_at(s, "horizon_months");
    const auto ci = [](const json& m, const auto& show) {
      const json& c = member(m, "ci95");
      if (!c[0].is_number() || !c[1].is_number()) return std::string("95 % CI not available");
      return "95 % CI " + show(c[0].get<double>()) + " to " + show(c[1].get<double>());
    };
    html += "<tr><td class=\"scenario-name\">" + report_text::html_escape(member(s, "name").get<std::string>()) +
            "</td>";
    const json& roi = member(metrics, "roi_final");
    html += value_cell(signed_percent(number_at(roi, "mean")), ci(roi, [](double x) { return signed_percent(x); }));
    const json& npv = member(metrics, "npv_final");
    html += value_cell(signed_money(number_at(npv, "mean")), ci(npv, [](double x) { return signed_money(x); }));

    const json& be = member(metrics, "break_even_month");
    const double reached = number_at(be, "n");
    const double never = number_at(be, "missing");
    if (reached == 0) {
      html += value_cell("not within " + month_text(h) + " months", "in any simulated future");
    } else {
      std::string detail = ci(be, [](double x) { return format("%.0f", x); });
      if (never > 0) {
        const double share = never / (reached + never);
        detail += "; " + (share < 0.005 ? std::string("fewer than 1 %") : report_text::percent(share)) +
                  " of futures do not break even within " + month_text(h) + " months";
      }
      html += value_cell("month " + format("%.0f", number_at(be, "mean")), detail);
    }
    const json& p2p = member(metrics, "pilot_to_production");
    html += value_cell(report_text::percent(number_at(p2p, "mean")),
                       ci(p2p, [](double x) { return report_text::percent(x); }));
    html += "</tr>\n";
  }
  html += "</tbody>\n</table>\n";

  // Each scenario against the baseline, in plain words.
  if (comparing) {
    const json& comparison = member(summary, "comparison");
    html += "<h2>Against the baseline</h2>\n<p class=\"how\"><strong>How to read this:</strong> each simulated "
            "future is run under both scenarios, and the difference is taken future by future. A difference is "
            "called clear when its 95 % confidence interval excludes zero.</p>\n";
    for (std::size_t k = 1; k < scenarios.size(); ++k) {
      const json& c = comparison.at(k - 1);
      html += "<div class=\"versus\"><p><span class=\"scenario-name\">" +
              report_text::html_escape(member(c, "scenario").get<std::string>()) + "</span> against <span "
              "class=\"scenario-name\">" + report_text::html_escape(member(c, "baseline").get<std::string>()) +
              "</span>:</p><ul class=\"verdicts\">";
      for (const std::string_view metric : {"roi_final", "npv_final", "break_even_month", "pilot_to_production"}) {
        html += "<li>" + report_text::verdict(metric, member(c, metric), number_at(scenarios[k], "horizon_months")) +
                "</li>";
      }
      html += "</ul></div>\n";
    }
  }

  // What each scenario is.
  html += "<dl class=\"scenarios\">\n";
  for (const json& s : scenarios) {
    html += "<dt>" + report_text::html_escape(member(s, "name").get<std::string>()) + "</dt><dd>" +
            report_text::html_escape(s.value("description", "")) + "</dd>\n";
  }
  html += "</dl>\n";
  return html;
}

std::string charts_html(const std::vector<PageChart>& page_charts) {
  std::string html;
  for (const PageChart& chart : page_charts) {
    html += "<section class=\"chart-section\">\n<h2>" + report_text::html_escape(chart.title) +
            "</h2>\n<p class=\"how\"><strong>How to read this:</strong> " +
            report_text::html_escape(chart.how_to_read) + "</p>\n<div class=\"chart\" id=\"chart-" + chart.id +
            "\"></div>\n</section>\n";
  }
  return html;
}

std::string footer_html(const json& summary) {
  return "Made with aiscale " AISCALE_VERSION ". The numbers behind this page are in summary.json, timeseries.csv "
         "and replications.csv beside it (format " +
         report_text::html_escape(member(summary, "format").get<std::string>()) +
         "); docs/outputs.md describes them. Charts: Vega-Lite.";
}

/// The datasets the comparison report's charts name.
json report_datasets(const ReportInput& input) {
  const json& scenarios = member(input.summary, "scenarios");
  json series = json::array();
  for (const SeriesRow& row : input.series) {
    if (std::find(std::begin(kChartedSeries), std::end(kChartedSeries), row.metric) == std::end(kChartedSeries)) {
      continue;
    }
    json r;
    r["scenario"] = member(scenarios.at(row.scenario), "name");
    r["order"] = row.scenario;  // charts keep the scenarios in the order given, baseline first
    r["metric"] = row.metric;
    r["month"] = row.month;
    r["mean"] = chart_number(row.stats.mean);
    r["ci_low"] = chart_number(row.stats.ci_low);
    r["ci_high"] = chart_number(row.stats.ci_high);
    r["p10"] = chart_number(row.stats.p10);
    r["p90"] = chart_number(row.stats.p90);
    series.push_back(std::move(r));
  }
  json funnel = json::array();
  for (const json& s : scenarios) {
    const json& metrics = member(s, "metrics");
    for (std::size_t step = 0; step < std::size(kFunnel); ++step) {
      const json& m = member(metrics, kFunnel[step].metric);
      json r;
      r["scenario"] = member(s, "name");
      r["stage"] = kFunnel[step].label;
      r["step"] = step + 1;
      r["mean"] = chart_number(number_at(m, "mean"));
      const json& ci = member(m, "ci95");
      r["ci_low"] = ci[0].is_number() ? chart_number(ci[0].get<double>()) : json(nullptr);
      r["ci_high"] = ci[1].is_number() ? chart_number(ci[1].get<double>()) : json(nullptr);
      funnel.push_back(std::move(r));
    }
  }
  return json{{"series", std::move(series)}, {"funnel", std::move(funnel)}};
}

/// The page's data: the chart specs and the datasets they name.
std::string data_json(const std::vector<PageChart>& page_charts, const json& datasets) {
  json data;
  data["charts"] = json::array();
  for (const PageChart& chart : page_charts) data["charts"].push_back({{"id", chart.id}, {"spec", chart.spec}});
  data["datasets"] = datasets;

  // Inside <script>, "</script>" or "<!--" in a string would end or confuse the element:
  // every '<' is written as the JSON escape \u003c, which parses to the same text.
  std::string text;
  for (const char c : data.dump()) {
    if (c == '<') {
      text += "\\u003c";
    } else {
      text += c;
    }
  }
  return text;
}

/// Copies `page`, replacing each %%NAME%% slot with its text, in one pass (so that
/// inserted text is never scanned for slots). Every slot must be known and used.
std::string fill(std::string_view page, const std::map<std::string, std::string_view, std::less<>>& slots) {
  std::string out;
  std::size_t used = 0;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = page.find("%%", at);
    if (open == std::string_view::npos) break;
    const std::size_t close = page.find("%%", open + 2);
    if (close == std::string_view::npos) throw std::logic_error("report template: unclosed %% slot");
    const auto slot = slots.find(page.substr(open + 2, close - open - 2));
    if (slot == slots.end()) {
      throw std::logic_error("report template: unknown slot " + std::string(page.substr(open, close + 2 - open)));
    }
    out.append(page.substr(at, open - at));
    out.append(slot->second);
    ++used;
    at = close + 2;
  }
  out.append(page.substr(at));
  if (used != slots.size()) throw std::logic_error("report template: a slot is missing or repeated");
  return out;
}

}  // namespace

namespace report_text {

std::string percent(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return "n/a";
  char text[64];
  std::snprintf(text, sizeof text, "%.*f %%", decimals, 100.0 * fraction);
  return text;
}

std::string money(double dollars) {
  if (!std::isfinite(dollars)) return "n/a";
  const double a = std::fabs(dollars);
  const char* sign = dollars < 0 ? "\u2212" : "";
  if (a >= 1e9) return sign + format("$%.1fB", a / 1e9);
  if (a >= 1e6) return sign + format("$%.1fM", a / 1e6);
  if (a >= 1e3) return sign + format("$%.0fk", a / 1e3);
  return sign + format("$%.0f", a);
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string verdict(std::string_view metric, const nlohmann::ordered_json& d, double horizon_months) {
  const bool higher_is_better = member(d, "direction").get<std::string>() == "higher_is_better";
  const double mean = number_at(d, "mean_difference");
  const json& ci = member(d, "ci95");
  const double low = ci[0].is_number() ? ci[0].get<double>() : std::nan("");
  const double high = ci[1].is_number() ? ci[1].get<double>() : std::nan("");
  const double better = number_at(d, "share_better");
  const double worse = number_at(d, "share_worse");
  const std::string h = month_text(horizon_months);

  // "<subject> <magnitude> <up|down>": "return on investment at month 60 is" "12.0
  // percentage points" "higher"; "breaks even" "3.5 months" "earlier".
  std::string subject;
  std::string topic;  // for "no clear difference in <topic>"
  std::string (*show)(double) = nullptr;
  std::string unit;
  std::string up = "higher";
  std::string down = "lower";
  if (metric == "roi_final") {
    topic = "return on investment at month " + h;
    subject = "Return on investment at month " + h + " is";
    show = signed_points;
    unit = " percentage points";
  } else if (metric == "npv_final") {
    topic = "net present value at month " + h;
    subject = "Net present value at month " + h + " is";
    show = signed_money;
  } else if (metric == "break_even_month") {
    topic = "the break-even month";
    subject = "Breaks even";
    show = signed_months;
    unit = " months";
    up = "later";
    down = "earlier";
  } else if (metric == "pilot_to_production") {
    topic = "the pilot-to-production ratio";
    subject = "Pilot-to-production ratio is";
    show = signed_points;
    unit = " percentage points";
  } else {
    throw std::invalid_argument("report: no plain-words form for metric " + std::string(metric));
  }
  const std::string shares = "better in " + percent(better) + " of paired futures, worse in " + percent(worse);

  const double pairs = number_at(d, "pairs");
  const double compared = number_at(d, "compared");
  if (metric == "break_even_month" && compared > pairs) {
    // Some futures never break even under one of the two scenarios, so the mean
    // difference covers only part of the pairs: judge by who breaks even first, with a
    // sign test (normal approximation) over the pairs that differ.
    const double b = better * compared;
    const double w = worse * compared;
    const bool sign_clear = b + w > 0 && std::fabs(b - w) / std::sqrt(b + w) > 1.96;
    const std::string where_both =
        pairs > 0 && std::isfinite(mean)
            ? "; where both break even, " + show(mean) + " months" + interval_text(low, high, show)
            : "";
    const std::string firsts = "breaks even earlier in " + percent(better) +
                               " of paired futures, later or not at all in " + percent(worse) + where_both + ".";
    if (!sign_clear) return "<span class=\"unclear\">No clear difference</span> in " + topic + ": " + firsts;
    return std::string("<span class=\"") + (b > w ? "better\">Better" : "worse\">Worse") + "</span>: " + firsts;
  }
  if (!std::isfinite(mean)) {
    // No pair where both have a number (e.g. neither breaks even): only the shares speak.
    return "<span class=\"unclear\">Not comparable</span>: no paired future has a value for " + topic + " in both "
           "scenarios (" + shares + ").";
  }
  const bool clear = std::isfinite(low) && std::isfinite(high) && (low > 0 || high < 0);
  const bool is_better = clear && ((mean > 0) == higher_is_better);
  std::string magnitude = show(std::fabs(mean));
  if (magnitude.rfind('+', 0) == 0) magnitude.erase(0, 1);
  const std::string interval = interval_text(low, high, show);
  if (!clear) {
    return "<span class=\"unclear\">No clear difference</span> in " + topic + ": " + show(mean) + unit + interval +
           "; " + shares + ".";
  }
  return std::string("<span class=\"") + (is_better ? "better\">Better" : "worse\">Worse") + "</span>: " + subject +
         " " + magnitude + unit + " " + (mean > 0 ? up : down) + interval + "; " + shares + ".";
}

}  // namespace report_text

std::vector<std::string> report_chart_ids() {
  std::vector<std::string> ids;
  for (const json& chart : charts()) ids.push_back(chart.at("id").get<std::string>());
  return ids;
}

std::string render_page(const Page& page) {
  const std::string title = report_text::html_escape(page.title);
  const std::string chart_sections = charts_html(page.charts);
  const std::string data = data_json(page.charts, page.datasets);
  return fill(report_assets::page, {{"VERSION", AISCALE_VERSION},
                                    {"TITLE", title},
                                    {"HEADER", page.header_html},
                                    {"HEADLINE", page.headline_html},
                                    {"CHARTS", chart_sections},
                                    {"FOOTER", page.footer_html},
                                    {"DATA", data},
                                    {"VEGA", report_assets::vega},
                                    {"VEGA_LITE", report_assets::vega_lite},
                                    {"VEGA_EMBED", report_assets::vega_embed}});
}

std::string render_report(const ReportInput& input) {
  const json& scenarios = member(input.summary, "scenarios");
  if (!scenarios.is_array() || scenarios.empty()) throw std::invalid_argument("report: summary has no scenarios");
  Page page;
  for (const json& s : scenarios) {
    page.title += (page.title.empty() ? "aiscale report: " : " vs ") + member(s, "name").get<std::string>();
  }
  page.header_html = header_html(input.summary);
  page.headline_html = headline_html(input.summary);
  for (const json& chart : charts()) {
    page.charts.push_back({chart.at("id").get<std::string>(), chart.at("title").get<std::string>(),
                           chart.at("how_to_read").get<std::string>(), chart.at("spec")});
  }
  page.footer_html = footer_html(input.summary);
  page.datasets = report_datasets(input);
  return render_page(page);
}

}  // namespace analysis
