#include "analysis/research/sensitivity_run.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "analysis/outputs/atomic_file.hpp"
#include "analysis/outputs/output_files.hpp"
#include "analysis/outputs/report.hpp"
#include "analysis/research/cluster.hpp"
#include "analysis/numerics/sensitivity.hpp"

namespace analysis::research {

namespace {

using json = nlohmann::ordered_json;

const char* method_name(Method m) { return m == Method::morris ? "morris" : "sobol"; }

/// The measure that ranks parameters: mu* for Morris, the total index for Sobol.
const char* ranking_measure(Method m) { return m == Method::morris ? "mu_star" : "ST"; }

json chart_number(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

std::string fixed(double x, int decimals) {
  if (!std::isfinite(x)) return "n/a";
  char text[48];
  std::snprintf(text, sizeof text, "%.*f", decimals, x);
  return text;
}

/// Tornado chart of one output: one bar per parameter, longest on top, with the 95 %
/// interval as a rule.
json tornado_spec(const std::string& output, Method method) {
  const std::string measure = ranking_measure(method);
  json bar = {{"mark", {{"type", "bar"}, {"color", "#3b6ea8"}}},
              {"encoding",
               {{"x", {{"field", "value"}, {"type", "quantitative"},
                       {"title", method == Method::morris ? "mu* (mean |elementary effect| over the whole range)"
                                                          : "total-order index ST (share of output variance)"}}}}}};
  json rule = {{"mark", {{"type", "rule"}, {"color", "#1f2933"}}},
               {"encoding", {{"x", {{"field", "ci_low"}, {"type", "quantitative"}}}, {"x2", {{"field", "ci_high"}}}}}};
  json layers = json::array({bar, rule});
  if (method == Method::sobol) {
    layers.push_back({{"mark", {{"type", "tick"}, {"color", "#e07b00"}, {"thickness", 3}}},
                      {"encoding", {{"x", {{"field", "first_order"}, {"type", "quantitative"}}}}}});
  }
  return {{"$schema", "https://vega.github.io/schema/vega-lite/v5.json"},
          {"data", {{"name", "indices"}}},
          {"transform", json::array({{{"filter", "datum.output === '" + output + "' && datum.measure === '" + measure + "'"}}})},
          {"width", "container"},
          {"height", {{"step", 26}}},
          {"encoding",
           {{"y", {{"field", "parameter"}, {"type", "nominal"}, {"title", nullptr},
                   {"sort", {{"field", "value"}, {"order", "descending"}}}}}}},
          {"layer", layers}};
}

/// The row of one index, or nullptr.
const IndexRow* find_row(const std::vector<IndexRow>& rows, const std::string& output, const std::string& parameter,
                         const std::string& measure) {
  for (const IndexRow& r : rows) {
    if (r.output == output && r.parameter == parameter && r.measure == measure) return &r;
  }
  return nullptr;
}

/// The ranking rows of `output` (mu* or ST), most important first; indices that do not
/// exist (NaN) last.
std::vector<const IndexRow*> ranking(const std::vector<IndexRow>& rows, const std::string& output, Method method) {
  std::vector<const IndexRow*> ranked;
  for (const IndexRow& r : rows) {
    if (r.output == output && r.measure == ranking_measure(method)) ranked.push_back(&r);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const IndexRow* a, const IndexRow* b) {
    return (std::isfinite(a->value) ? a->value : -1.0) > (std::isfinite(b->value) ? b->value : -1.0);
  });
  return ranked;
}

std::string headline_html(const Experiment& e, Method method, const std::vector<IndexRow>& rows) {
  std::string html;
  for (const Output& o : e.outputs) {
    html += "<h2>" + report_text::html_escape(o.name) + "</h2>\n<table class=\"headline\">\n<tr><th>parameter</th>";
    html += method == Method::morris ? "<th>mu* (95 % CI)</th><th>mu</th><th>sigma</th>"
                                     : "<th>total ST (95 % CI)</th><th>first-order S1 (95 % CI)</th>";
    html += "</tr>\n";
    const auto find = [&](const std::string& parameter, const std::string& measure) {
      return find_row(rows, o.name, parameter, measure);
    };
    for (const IndexRow* r : ranking(rows, o.name, method)) {
      const auto cell = [](const IndexRow* x, int d) {
        if (x == nullptr) return std::string("<td>n/a</td>");
        return "<td class=\"num\">" + fixed(x->value, d) + "<span class=\"ci\">" + fixed(x->ci_low, d) + " to " +
               fixed(x->ci_high, d) + "</span></td>";
      };
      html += "<tr><td class=\"scenario-name\">" + report_text::html_escape(r->parameter) + "</td>" + cell(r, 3);
      if (method == Method::morris) {
        const IndexRow* mu = find(r->parameter, "mu");
        const IndexRow* sigma = find(r->parameter, "sigma");
        html += "<td>" + (mu ? fixed(mu->value, 3) : "n/a") + "</td><td>" + (sigma ? fixed(sigma->value, 3) : "n/a") + "</td>";
      } else {
        html += cell(find(r->parameter, "S1"), 3);
      }
      html += "</tr>\n";
    }
    html += "</table>\n";
  }
  return html;
}

}  // namespace

Eigen::MatrixXd sensitivity_design(const Experiment& e, Method method) {
  const std::size_t k = e.parameters.size();
  if (method == Method::morris) {
    if (!e.morris) {
      throw std::invalid_argument(e.file.string() + ": has no \"morris\" section: add e.g. \"morris\": "
                                  "{\"trajectories\": 10, \"levels\": 4}");
    }
    return morris_design(e.morris->trajectories, k, e.morris->levels, e.seed);
  }
  if (!e.sobol) {
    throw std::invalid_argument(e.file.string() + ": has no \"sobol\" section: add e.g. \"sobol\": {\"base_samples\": 64}");
  }
  return saltelli_design(e.sobol->base_samples, k);
}

std::vector<std::string> run_sensitivity(const ResearchOptions& options, Method method, const Cluster& cluster) {
  ResearchRun run(options, cluster);
  const Experiment& e = run.experiment();
  const Eigen::MatrixXd design = sensitivity_design(e, method);
  const auto points = run.values_of(design);
  const auto results = run.run(points, "points");
  run.write_points(points, results);

  std::vector<IndexRow> rows;
  std::vector<std::string> lines;
  const BootstrapOptions bootstrap{e.bootstrap, 0.95, e.seed};
  const std::size_t O = e.outputs.size();
  for (std::size_t o = 0; o < O; ++o) {
    Eigen::VectorXd y(static_cast<Eigen::Index>(points.size()));
    for (std::size_t i = 0; i < points.size(); ++i) y(static_cast<Eigen::Index>(i)) = output_mean(results[i], O, o);
    const std::string& name = e.outputs[o].name;
    if (!y.allFinite()) {
      lines.push_back(name + ": no indices: some design points have no value in any replication (e.g. never "
                             "breaking even); choose another output or narrow the ranges");
      continue;
    }
    if (method == Method::morris) {
      const MorrisEffects m = morris_effects(design, y, bootstrap);
      for (std::size_t k = 0; k < e.parameters.size(); ++k) {
        const auto K = static_cast<Eigen::Index>(k);
        const std::string& p = e.parameters[k].name;
        rows.push_back({name, p, "mu_star", m.mu_star(K), m.mu_star_low(K), m.mu_star_high(K)});
        rows.push_back({name, p, "mu", m.mu(K), std::nan(""), std::nan("")});
        rows.push_back({name, p, "sigma", m.sigma(K), std::nan(""), std::nan("")});
      }
    } else {
      const SobolIndices s = sobol_indices(y, e.parameters.size(), bootstrap);
      for (std::size_t k = 0; k < e.parameters.size(); ++k) {
        const auto K = static_cast<Eigen::Index>(k);
        const std::string& p = e.parameters[k].name;
        rows.push_back({name, p, "S1", s.first_order(K), s.first_order_low(K), s.first_order_high(K)});
        rows.push_back({name, p, "ST", s.total_order(K), s.total_order_low(K), s.total_order_high(K)});
      }
    }
  }

  std::vector<std::string> files{"indices.csv", "points.csv", "runs.csv", "report.html"};
  if (cluster.root()) {
    AtomicFile csv(run.out() / "indices.csv");
    csv.stream() << "method,output,parameter,measure,value,ci_low,ci_high\n";
    for (const IndexRow& r : rows) {
      csv.stream() << method_name(method) << ',' << r.output << ',' << csv_field(r.parameter) << ',' << r.measure << ','
                   << csv_number(r.value) << ',' << csv_number(r.ci_low) << ',' << csv_number(r.ci_high) << '\n';
    }
    csv.commit();

    Page page;
    page.title = "aiscale sensitivity: " + e.name + " (" + method_name(method) + ")";
    page.header_html = "<h1>" + report_text::html_escape(e.name) + ": which parameters matter</h1>\n<p>" +
                       report_text::html_escape(e.description) + "</p>\n<p>" +
                       (method == Method::morris
                            ? "Morris elementary effects: " + std::to_string(e.morris->trajectories) + " trajectories on " +
                                  std::to_string(e.morris->levels) + " levels"
                            : "Sobol indices: " + std::to_string(e.sobol->base_samples) + " base samples (Saltelli design)") +
                       ", " + std::to_string(points.size()) + " design points x " + std::to_string(e.replications) +
                       " replications, seed " + std::to_string(e.seed) + "; 95 % bootstrap intervals from " +
                       std::to_string(e.bootstrap) + " resamples.</p>\n";
    page.headline_html = headline_html(e, method, rows);
    json data = json::array();
    for (const IndexRow& r : rows) {
      json d{{"output", r.output}, {"parameter", r.parameter}, {"measure", r.measure}, {"value", chart_number(r.value)},
             {"ci_low", chart_number(r.ci_low)}, {"ci_high", chart_number(r.ci_high)}};
      if (method == Method::sobol && r.measure == "ST") {
        if (const IndexRow* s1 = find_row(rows, r.output, r.parameter, "S1")) d["first_order"] = chart_number(s1->value);
      }
      data.push_back(d);
    }
    page.datasets = {{"indices", data}};
    for (std::size_t o = 0; o < O; ++o) {
      page.charts.push_back(
          {"tornado-" + std::to_string(o), "Tornado: " + e.outputs[o].name, 
           method == Method::morris
               ? "Each bar is a parameter's mu*, the mean absolute change of the output when the parameter moves "
                 "across its whole range from random starting points; longer bars matter more. The black line is "
                 "the 95 % bootstrap interval. A large sigma (table) means the effect depends on the other parameters."
               : "Each bar is a parameter's total-order index ST: the share of the output's variance that would "
                 "vanish if the parameter were fixed, interactions included. The orange tick is the first-order "
                 "index S1 (its effect alone); a gap between them means interactions. The black line is the 95 % "
                 "bootstrap interval of ST.",
           tornado_spec(e.outputs[o].name, method)});
    }
    page.footer_html = "Made with aiscale. The numbers behind this page are in indices.csv, points.csv and runs.csv "
                       "beside it; docs/research.md describes them.";
    AtomicFile html(run.out() / "report.html");
    html.stream() << render_page(page);
    html.commit();
  }
  lines.insert(lines.begin(), e.name + " (" + method_name(method) + "): " + std::to_string(points.size()) +
                                  " design points x " + std::to_string(e.replications) + " replications (" +
                                  std::to_string(run.runs()) + " model runs now, " + std::to_string(run.resumed()) +
                                  " points resumed from the journal)");
  // The ranking of each output, most important first.
  for (const Output& o : e.outputs) {
    const std::vector<const IndexRow*> ranked = ranking(rows, o.name, method);
    if (ranked.empty()) continue;
    std::string line = o.name + " " + ranking_measure(method) + ":";
    for (const IndexRow* r : ranked) line += " " + r->parameter + " " + fixed(r->value, 3) + ";";
    line.pop_back();
    lines.push_back(line);
  }
  lines.push_back(run.finish(files));
  return lines;
}

}  // namespace analysis::research
