/// @file
/// @brief The findings an exercise's instructor note states, checked against the
///        files its commands wrote.
///
/// An exercise ends with a ```findings block, one finding per line (`#` starts a
/// comment line):
///
///     DIR: TERM in [LO, HI]          the mean of TERM lies in [LO, HI]
///     DIR: TERM > TERM               the first is larger
///     DIR: TERM < TERM               the first is smaller
///     DIR: TERM - TERM in [LO, HI]   the mean paired difference lies in [LO, HI]
///     DIR: TERM / TERM in [LO, HI]   the ratio of the means lies in [LO, HI]
///
/// DIR is the output folder of one of the exercise's commands. TERM is
/// `METRIC(SCENARIO)`, a column of DIR/replications.csv (one value per replication), or
/// `METRIC@MONTH(SCENARIO)`, a series of DIR/timeseries.csv at that month.
///
/// - The mean of a summary TERM is over its replications, empty cells (no value, e.g.
///   break_even_month when costs were never recovered) skipped; a series TERM's is the
///   `mean` column.
/// - `>` and `<` between two summary TERMs compare replication r with replication r
///   (common random numbers): they hold when the 95 % t confidence interval of the mean
///   paired difference lies entirely on the stated side of 0. With a series TERM they
///   hold when the two 95 % intervals do not overlap and the means are in the stated
///   order.
/// - `-` takes summary TERMs only.
#pragma once

#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/numerics/statistics.hpp"
#include "support/files.hpp"

namespace aiscale_test {

/// The fields of one CSV record (RFC 4180 quoting); `text` must hold one line.
inline std::vector<std::string> csv_fields(const std::string& text) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

/// The lines of `text` (without their '\n').
inline std::vector<std::string> text_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// A CSV number; "" and "NA" (no value) read as NaN.
inline double to_number(const std::string& field) {
  if (field.empty() || field == "NA") return std::numeric_limits<double>::quiet_NaN();
  return std::stod(field);
}

/// The results of one output folder, as far as findings need them.
class RunOutputs {
 public:
  /// Reads DIR/replications.csv and DIR/timeseries.csv; `error()` says what was missing.
  explicit RunOutputs(const std::filesystem::path& dir) {
    const std::vector<std::string> rows = text_lines(read_file(dir / "replications.csv"));
    if (rows.empty()) {
      error_ = "no " + (dir / "replications.csv").string();
      return;
    }
    const std::vector<std::string> header = csv_fields(rows[0]);
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const std::vector<std::string> fields = csv_fields(rows[r]);
      for (std::size_t c = 3; c < header.size() && c < fields.size(); ++c) {
        replications_[fields[0]][header[c]].push_back(to_number(fields[c]));
      }
    }
    for (const std::string& row : text_lines(read_file(dir / "timeseries.csv"))) {
      const std::vector<std::string> f = csv_fields(row);
      if (f.size() < 7 || f[0] == "scenario") continue;
      series_[f[0]][f[1]][to_number(f[2])] = SeriesPoint{to_number(f[3]), to_number(f[5]), to_number(f[6])};
    }
  }

  struct SeriesPoint {
    double mean, ci_low, ci_high;
  };

  [[nodiscard]] const std::string& error() const { return error_; }

  /// One value per replication of `metric` in `scenario`, or nullptr.
  [[nodiscard]] const std::vector<double>* values(const std::string& scenario, const std::string& metric) const {
    const auto s = replications_.find(scenario);
    if (s == replications_.end()) return nullptr;
    const auto m = s->second.find(metric);
    return m == s->second.end() ? nullptr : &m->second;
  }

  /// The series point of `metric` in `scenario` at `month`, or nullptr.
  [[nodiscard]] const SeriesPoint* point(const std::string& scenario, const std::string& metric, double month) const {
    const auto s = series_.find(scenario);
    if (s == series_.end()) return nullptr;
    const auto m = s->second.find(metric);
    if (m == s->second.end()) return nullptr;
    const auto p = m->second.find(month);
    return p == m->second.end() ? nullptr : &p->second;
  }

 private:
  std::string error_;
  std::map<std::string, std::map<std::string, std::vector<double>>> replications_;
  std::map<std::string, std::map<std::string, std::map<double, SeriesPoint>>> series_;
};

/// Whether a finding holds, and the numbers that say so.
struct Verdict {
  bool holds = false;
  std::string explanation;
};

namespace findings_detail {

struct Term {
  std::string metric, scenario;
  std::optional<double> month;  // set for a series TERM
  std::string text;
};

inline std::string trim(const std::string& s) {
  const auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

inline std::optional<Term> parse_term(const std::string& raw) {
  const std::string text = trim(raw);
  const auto open = text.find('(');
  if (open == std::string::npos || open == 0 || text.back() != ')') return std::nullopt;
  Term term{text.substr(0, open), text.substr(open + 1, text.size() - open - 2), std::nullopt, text};
  if (term.scenario.empty()) return std::nullopt;
  if (const auto at = term.metric.find('@'); at != std::string::npos) {
    try {
      std::size_t used = 0;
      term.month = std::stod(term.metric.substr(at + 1), &used);
      if (used != term.metric.size() - at - 1) return std::nullopt;
    } catch (const std::exception&) {
      return std::nullopt;
    }
    term.metric.resize(at);
  }
  return term;
}

inline std::string number(double x) {
  std::ostringstream out;
  out.precision(4);
  out << x;
  return out.str();
}

/// Mean and 95 % interval of a term: over replications, or the series point's.
struct Estimate {
  double mean, low, high;
};

inline std::optional<Estimate> estimate(const RunOutputs& run, const Term& term, std::string& error) {
  if (term.month) {
    const RunOutputs::SeriesPoint* p = run.point(term.scenario, term.metric, *term.month);
    if (p == nullptr) {
      error = "no series " + term.text + " in timeseries.csv (check the scenario name, the metric and the month)";
      return std::nullopt;
    }
    return Estimate{p->mean, p->ci_low, p->ci_high};
  }
  const std::vector<double>* v = run.values(term.scenario, term.metric);
  if (v == nullptr) {
    error = "no column " + term.metric + " for scenario " + term.scenario + " in replications.csv";
    return std::nullopt;
  }
  analysis::Moments m;
  for (double x : *v) m.add(x);
  if (m.count() == 0) {
    error = term.text + " has no values";
    return std::nullopt;
  }
  const auto [low, high] = m.ci95();  // NaN with one value: comparisons then do not hold
  return Estimate{m.mean(), low, high};
}

/// Paired differences first - second, replication by replication.
inline std::optional<analysis::Moments> paired(const RunOutputs& run, const Term& a, const Term& b, std::string& error) {
  if (a.month || b.month) {
    error = "'-' and paired comparisons take summary metrics (no @MONTH)";
    return std::nullopt;
  }
  const std::vector<double>* x = run.values(a.scenario, a.metric);
  const std::vector<double>* y = run.values(b.scenario, b.metric);
  if (x == nullptr || y == nullptr) {
    error = "no column " + (x == nullptr ? a.text : b.text) + " in replications.csv";
    return std::nullopt;
  }
  if (x->size() != y->size()) {
    error = a.scenario + " and " + b.scenario + " have different numbers of replications";
    return std::nullopt;
  }
  analysis::Moments d;
  for (std::size_t r = 0; r < x->size(); ++r) {
    if (!std::isnan((*x)[r]) && !std::isnan((*y)[r])) d.add((*x)[r] - (*y)[r]);
  }
  if (d.count() < 2) {
    error = "fewer than two pairs with values";
    return std::nullopt;
  }
  return d;
}

}  // namespace findings_detail

/// Checks one finding line against the output folders under `root`.
inline Verdict check_finding(const std::string& line, const std::filesystem::path& root) {
  using namespace findings_detail;
  const auto colon = line.find(": ");
  if (colon == std::string::npos) return {false, "no 'DIR: ' at the start"};
  const std::string dir = trim(line.substr(0, colon));
  const std::string claim = trim(line.substr(colon + 2));
  const RunOutputs run(root / dir);
  if (!run.error().empty()) return {false, run.error() + " (is " + dir + " the --out of a command above?)"};

  std::string error;
  const auto in = claim.find(" in [");
  if (in != std::string::npos) {
    const std::string range = claim.substr(in + 5);
    double lo = 0;
    double hi = 0;
    char comma = 0;
    char close = 0;
    std::istringstream parse(range);
    if (!(parse >> lo >> comma >> hi >> close) || comma != ',' || close != ']' || lo > hi) {
      return {false, "the range must read [LO, HI] with LO <= HI"};
    }
    const std::string left = claim.substr(0, in);
    const auto inside = [&](double v, const std::string& what) {
      const bool ok = v >= lo && v <= hi;
      return Verdict{ok, what + " = " + number(v) + (ok ? " in " : " NOT in ") + "[" + number(lo) + ", " +
                             number(hi) + "]"};
    };
    for (const std::string op : {" - ", " / "}) {
      const auto at = left.find(op);
      if (at == std::string::npos) continue;
      const auto a = parse_term(left.substr(0, at));
      const auto b = parse_term(left.substr(at + 3));
      if (!a || !b) return {false, "a term must read METRIC(SCENARIO) or METRIC@MONTH(SCENARIO)"};
      if (op == " - ") {
        const auto d = paired(run, *a, *b, error);
        if (!d) return {false, error};
        const auto [dl, dh] = d->ci95();
        return inside(d->mean(), "mean paired difference (95 % CI " + number(dl) + " to " + number(dh) + ", " +
                                     std::to_string(d->count()) + " pairs)");
      }
      const auto ea = estimate(run, *a, error);
      const auto eb = estimate(run, *b, error);
      if (!ea || !eb) return {false, error};
      return inside(ea->mean / eb->mean, "ratio of means " + number(ea->mean) + " / " + number(eb->mean));
    }
    const auto t = parse_term(left);
    if (!t) return {false, "a term must read METRIC(SCENARIO) or METRIC@MONTH(SCENARIO)"};
    const auto e = estimate(run, *t, error);
    if (!e) return {false, error};
    return inside(e->mean, "mean (95 % CI " + number(e->low) + " to " + number(e->high) + ")");
  }

  for (const std::string op : {" > ", " < "}) {
    const auto at = claim.find(op);
    if (at == std::string::npos) continue;
    const auto a = parse_term(claim.substr(0, at));
    const auto b = parse_term(claim.substr(at + 3));
    if (!a || !b) return {false, "a term must read METRIC(SCENARIO) or METRIC@MONTH(SCENARIO)"};
    const bool greater = op == " > ";
    if (!a->month && !b->month) {
      const auto d = paired(run, *a, *b, error);
      if (!d) return {false, error};
      const auto [dl, dh] = d->ci95();
      const bool ok = greater ? dl > 0 : dh < 0;
      return {ok, "mean paired difference " + number(d->mean()) + ", 95 % CI " + number(dl) + " to " + number(dh) +
                      " (" + std::to_string(d->count()) + " pairs)" + (ok ? "" : ": does not exclude 0 on that side")};
    }
    const auto ea = estimate(run, *a, error);
    const auto eb = estimate(run, *b, error);
    if (!ea || !eb) return {false, error};
    const bool ok = greater ? ea->low > eb->high : ea->high < eb->low;
    return {ok, number(ea->mean) + " [" + number(ea->low) + ", " + number(ea->high) + "] vs " + number(eb->mean) +
                    " [" + number(eb->low) + ", " + number(eb->high) + "]" + (ok ? "" : ": the intervals overlap or the order is wrong")};
  }
  return {false, "a finding must read 'TERM in [LO, HI]', 'TERM > TERM', 'TERM < TERM', "
                 "'TERM - TERM in [LO, HI]' or 'TERM / TERM in [LO, HI]'"};
}

}  // namespace aiscale_test
