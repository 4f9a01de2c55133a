#include "analysis/validation/cases.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include <Eigen/Dense>
#include <nlohmann/json.hpp>

#include "analysis/numerics/statistics.hpp"
#include "analysis/validation/closed_forms.hpp"
#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/scenario_io.hpp"
#include "sim/replication_runner.hpp"

namespace analysis::validation {
namespace {

namespace me = models::enterprise;
using json = nlohmann::json;
using me::RunResult;
using me::Scenario;

// --- reading results -----------------------------------------------------------------------

/// A summary metric of one run, by its output name (docs/outputs.md).
double metric(const RunResult& r, std::string_view name) {
  for (std::size_t m = 0; m < me::kSummaryCount; ++m) {
    if (me::summary_name(static_cast<me::Summary>(m)) == name) return r.summary[m];
  }
  throw std::logic_error("validation: no summary metric named " + std::string(name));
}

/// A monthly series of one run at `month` (1, 2, ...), by its output name.
double series(const RunResult& r, std::string_view name, std::size_t month) {
  for (std::size_t k = 0; k < me::kSeriesCount; ++k) {
    if (me::series_name(static_cast<me::Series>(k)) == name) return r.at(month, static_cast<me::Series>(k));
  }
  throw std::logic_error("validation: no series named " + std::string(name));
}

struct Estimate {
  double mean = 0.0;
  double low = 0.0;
  double high = 0.0;
};

template <class F>
Estimate estimate(const std::vector<RunResult>& runs, F value) {
  Accumulator a;
  for (const RunResult& r : runs) a.add(value(r));
  const Summary s = a.summary();
  return {s.mean, s.ci_low, s.ci_high};
}

/// other - baseline, replication by replication (the runs share random numbers).
template <class F>
Estimate paired(const std::vector<RunResult>& baseline, const std::vector<RunResult>& other, F value) {
  PairedDifference d(Direction::higher_is_better);
  for (std::size_t r = 0; r < baseline.size(); ++r) d.add(value(baseline[r]), value(other[r]));
  const PairedSummary s = d.summary();
  return {s.mean_difference, s.ci_low, s.ci_high};
}

// --- words and verdicts --------------------------------------------------------------------

std::string num(double x, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, x);
  return text;
}

std::string pct(double x, int decimals = 0) { return num(100.0 * x, decimals) + " %"; }

/// "0.49 [0.47, 0.52]" in the given format.
template <class Show>
std::string interval(const Estimate& e, Show show) {
  return show(e.mean) + " [" + show(e.low) + ", " + show(e.high) + "]";
}

/// Docking: the closed form lies within the 95 % confidence interval of the simulated
/// mean, widened by `tolerance` (relative) for what the simulation discretises on purpose
/// (monthly ticks, a finite window).
template <class Show>
Outcome docking(const Estimate& e, double expected, double tolerance, const std::string& formula, Show show) {
  const double slack = tolerance * std::fabs(expected);
  return {show(expected) + " (" + formula + ")", interval(e, show),
          expected >= e.low - slack && expected <= e.high + slack, 0};
}

/// Pattern: the simulated mean lies in the published range [low, high].
template <class Show>
Outcome in_range(const Estimate& e, double low, double high, Show show) {
  return {show(low) + " to " + show(high), interval(e, show), e.mean >= low && e.mean <= high, 0};
}

/// Pattern: a paired difference is positive, with its 95 % confidence interval above 0.
template <class Show>
Outcome positive(const Estimate& d, const std::string& what, Show show) {
  return {what + " > 0", "difference " + interval(d, show), d.low > 0.0, 0};
}

// --- scenarios -----------------------------------------------------------------------------

/// All mechanism switches off, for docking cases that add back only what they test.
json switches_off() {
  return {{"drift", false},           {"trust", false},     {"hiring_attrition", false}, {"learning", false},
          {"data_debt", false},       {"incidents", false}, {"reuse", false}};
}

json unit(const std::string& name, double idea_rate) {
  return {{"name", name},          {"users", 1000},          {"idea_rate", idea_rate},
          {"value_scale", 100000}, {"data_quality", 0.0},    {"legacy_complexity", 0.0},
          {"regulatory_risk", 0.0}, {"trust", 1.0},          {"data_debt", 0.0}};
}

json deterministic(double mean) { return {{"mean", mean}, {"cv", 0.0}, {"distribution", "deterministic"}}; }

/// c data engineers serving Poisson ideas (rate lambda) with exponential data preparation
/// (rate mu each): one pooled queue (a centre of excellence) or c separate queues of one
/// engineer, one per business unit with lambda / c ideas each (federated). Everything
/// downstream is instant and staffed without limit, every pilot is stopped, so the data
/// engineers' queue is the whole system.
std::string mmc_patch(int c, double lambda, double mu, bool pooled) {
  json units = json::array();
  if (pooled) {
    units.push_back(unit("unit", lambda));
  } else {
    for (int k = 0; k < c; ++k) units.push_back(unit("unit-" + std::to_string(k), lambda / c));
  }
  const int many = 50 * c;  // modellers and product managers: never the bottleneck
  json p = {
      {"name", "docking-mmc"},
      {"horizon_months", 2500},
      {"warmup_months", 500},
      {"structure", pooled ? "coe" : "federated"},
      {"structures", {{"coe", {{"coordination_delay_months", 0}}}, {"federated", {{"coordination_delay_months", 0}}}}},
      {"business_units", units},
      {"graph", {{"topology", "explicit"}, {"edges", json::array()}}},
      {"workforce",
       {{"headcount",
         {{"data_engineer", c}, {"data_scientist", many}, {"product_manager", many}, {"ml_engineer", 0},
          {"mlops_engineer", 0}, {"governance", 0}}}}},
      {"lifecycle",
       {{"data_prep", {{"mean", 1.0 / mu}, {"cv", 1.0}, {"distribution", "exponential"}}},
        {"modeling", deterministic(0.01)},
        {"pilot", deterministic(0.01)},
        {"difficulty_effort_spread", 0.0},
        {"wip_per_person", 1e6},
        {"backlog_expiry_months", 1e6},
        {"portfolio_discipline", 0.0},
        {"kill_value_ratio", 1e9}}},
      {"switches", switches_off()},
  };
  return p.dump();
}

/// One business unit with models already in production at month 0 and nothing else
/// going on: no ideas, no retirement, full trust and domain fit.
std::string production_patch(int horizon, const json& initial, const json& extra_production) {
  json u = unit("unit", 0.0);
  json p = {
      {"name", "docking-production"},
      {"horizon_months", horizon},
      {"structure", "coe"},
      {"structures", {{"coe", {{"domain_fit", 1.0}}}}},
      {"business_units", json::array({u})},
      {"graph", {{"topology", "explicit"}, {"edges", json::array()}}},
      {"initial_models", json::array({initial})},
      {"production", {{"retire_value_ratio", 0.0}, {"end_of_life_months", 1e9}}},
      {"switches", switches_off()},
  };
  p["production"].merge_patch(extra_production);
  return p.dump();
}

Outcome mmc_wait_case(Runner& runner, std::uint64_t reps, int c, double rho) {
  const double mu = 1.0;
  const double lambda = rho * c * mu;
  const auto& runs = runner.runs(runner.scenario("default.json", mmc_patch(c, lambda, mu, true)), reps);
  const Estimate wait = estimate(runs, [](const RunResult& r) { return metric(r, "wait_months_data_engineer"); });
  return docking(wait, mmc_mean_wait(lambda, mu, c), 0.03, "Erlang C / (c mu - lambda)",
                 [](double x) { return num(x, 3) + " months"; });
}

Outcome mmc_utilisation_case(Runner& runner, std::uint64_t reps, int c, double rho) {
  const double mu = 1.0;
  const double lambda = rho * c * mu;
  const auto& runs = runner.runs(runner.scenario("default.json", mmc_patch(c, lambda, mu, true)), reps);
  const Estimate u = estimate(runs, [](const RunResult& r) { return metric(r, "utilisation_data_engineer"); });
  return docking(u, mmc_utilisation(lambda, mu, c), 0.01, "lambda / (c mu)", [](double x) { return pct(x, 1); });
}

/// Pooling: c separate single-engineer queues wait like M/M/1 queues.
Outcome separate_queues_case(Runner& runner, std::uint64_t reps, int c, double rho) {
  const double mu = 1.0;
  const double lambda = rho * c * mu;
  const auto& runs = runner.runs(runner.scenario("default.json", mmc_patch(c, lambda, mu, false)), reps);
  const Estimate wait = estimate(runs, [](const RunResult& r) { return metric(r, "wait_months_data_engineer"); });
  return docking(wait, mmc_mean_wait(lambda / c, mu, 1), 0.03, "M/M/1: rho / (mu - lambda/c)",
                 [](double x) { return num(x, 3) + " months"; });
}

/// The steady-state window of the default enterprise for Little's law.
std::string long_default_patch() { return R"({"horizon_months": 1200, "warmup_months": 200})"; }

Outcome little_case(Runner& runner, std::uint64_t reps, const std::string& stage) {
  const auto& runs = runner.runs(runner.scenario("default.json", long_default_patch()), reps);
  const Estimate l = estimate(runs, [&](const RunResult& r) { return metric(r, "stage_count_" + stage); });
  const Estimate lw = estimate(runs, [&](const RunResult& r) {
    return metric(r, "stage_throughput_" + stage) * metric(r, "stage_months_" + stage);
  });
  return docking(l, lw.mean, 0.02, "lambda W, from throughput and time in stage", [](double x) { return num(x, 3); });
}

Outcome bass_case(Runner& runner, std::uint64_t) {
  const json model = {{"business_unit", "unit"}, {"count", 1}, {"age_months", 0}, {"accuracy", 0.88},
                      {"adoption", 0.0},         {"monitored", true}};
  const Scenario s = runner.scenario("default.json", production_patch(60, model, json::object()));
  // p and q per month from the scenario's own coefficients, with trust = domain fit = 1.
  const double cm = s.money.change_management_per_month / s.adoption.change_management_reference;
  const double p = s.adoption.innovation_per_year * (1.0 + s.adoption.change_management_effect * cm) / 12.0;
  const double q = s.adoption.imitation_per_year / 12.0;
  const auto& runs = runner.runs(s, 1);  // nothing random happens to one model's adoption
  double worst = 0.0;
  std::size_t worst_month = 1;
  for (std::size_t m = 1; m <= 60; ++m) {
    const double error = std::fabs(series(runs.front(), "mean_adoption", m) - bass_fraction(p, q, static_cast<double>(m)));
    if (error > worst) {
      worst = error;
      worst_month = m;
    }
  }
  return {"F(t) = (1 - e^-(p+q)t) / (1 + (q/p) e^-(p+q)t) at every month 1-60, p = " + num(p, 4) +
              ", q = " + num(q, 4) + " per month",
          "largest difference " + num(worst, 6) + " (month " + std::to_string(worst_month) + "); F(12) = " +
              num(series(runs.front(), "mean_adoption", 12), 4),
          worst < 1e-6, runs.size()};
}

/// An unmonitored model deployed at month 0 in a business unit without data debt.
Estimate accuracy_at(Runner& runner, std::uint64_t reps, std::size_t month, bool shocks) {
  const json model = {{"business_unit", "unit"}, {"count", 1}, {"age_months", 0}, {"accuracy", 0.88},
                      {"adoption", 0.0},         {"monitored", false}};
  json patch = json::parse(production_patch(24, model, shocks ? json::object() : json{{"shock_rate", 0.0}}));
  patch["switches"]["drift"] = true;
  const auto& runs = runner.runs(runner.scenario("default.json", patch.dump()), reps);
  return estimate(runs, [month](const RunResult& r) { return series(r, "mean_accuracy", month); });
}

Outcome drift_decay_case(Runner& runner, std::uint64_t reps) {
  const Scenario s = runner.scenario("default.json");
  const auto& p = s.production;
  const Estimate a = accuracy_at(runner, reps, 6, false);
  return docking(a, exponential_decay(p.accuracy_initial, p.accuracy_floor, p.drift_rate, 6.0), 1e-6,
                 "a_min + (a0 - a_min) e^(-lambda0 t) at t = 6", [](double x) { return num(x, 4); });
}

Outcome drift_default_case(Runner& runner, std::uint64_t reps) {
  const Estimate a = accuracy_at(runner, reps, 6, true);
  return in_range(a, 0.77, 0.81, [](double x) { return num(x, 3); });
}

/// A cohort of 2000 people, never replaced within the horizon: mean tenure estimated
/// from the share still there after 24 months, 24 / -ln(share).
Outcome attrition_case(Runner& runner, std::uint64_t reps) {
  const int cohort = 2000;
  json patch = {
      {"name", "docking-attrition"},
      {"horizon_months", 24},
      {"business_units", json::array({unit("unit", 0.0)})},
      {"graph", {{"topology", "explicit"}, {"edges", json::array()}}},
      {"workforce",
       {{"headcount",
         {{"data_scientist", cohort}, {"data_engineer", 0}, {"ml_engineer", 0}, {"mlops_engineer", 0},
          {"product_manager", 0}, {"governance", 0}}},
        {"hiring_lead_months", 1e9}}},
      {"switches", switches_off()},
  };
  patch["switches"]["hiring_attrition"] = true;
  const Scenario s = runner.scenario("default.json", patch.dump());
  const auto& runs = runner.runs(s, reps);
  const Estimate tenure = estimate(runs, [&](const RunResult& r) {
    return 24.0 / -std::log(series(r, "headcount_data_scientist", 24) / cohort);
  });
  return docking(tenure, 1.0 / s.workforce.attrition_per_month, 0.01, "1 / hazard",
                 [](double x) { return num(x, 1) + " months"; });
}

/// Wright's law: one team works on one use case at a time, every pilot goes to
/// production, and the k-th use case's data preparation starts after k deployments, so
/// log(data-prep time) = c - b log(1 + k) + noise; b is the least-squares slope (Eigen).
Outcome experience_case(Runner& runner, std::uint64_t reps) {
  json patch = {
      {"name", "docking-experience"},
      {"horizon_months", 400},
      {"structure", "coe"},
      {"structures", {{"coe", {{"coordination_delay_months", 0}}}}},
      {"business_units", json::array({unit("unit", 2.0)})},
      {"graph", {{"topology", "explicit"}, {"edges", json::array()}}},
      {"workforce",
       {{"headcount",
         {{"data_scientist", 1}, {"data_engineer", 1}, {"ml_engineer", 1}, {"mlops_engineer", 1},
          {"product_manager", 1}, {"governance", 1}}}}},
      {"lifecycle",
       {{"data_prep", {{"mean", 2.0}, {"cv", 0.3}, {"distribution", "lognormal"}}},
        {"difficulty_effort_spread", 0.0},
        {"wip_per_person", 1.0 / 6.0},
        {"kill_value_ratio", 0.0},
        {"sponsor_support", 1.0},
        {"readiness_base", 1.0},
        {"backlog_expiry_months", 1e6}}},
      {"switches", switches_off()},
  };
  patch["switches"]["learning"] = true;
  const Scenario s = runner.scenario("default.json", patch.dump());
  const double b = -std::log2(s.workforce.progress_ratio);
  Accumulator slopes;
  sim::run_replications(
      reps, runner.settings().threads,
      [&](std::uint64_t rep) {
        me::Enterprise e(s, runner.settings().seed, rep);
        e.run();
        // Use cases in the order they reached production (retired since or not); the k-th
        // (from 0) prepared its data with k deployments behind the team.
        std::vector<const me::UseCase*> done;
        for (const auto& u : e.use_cases()) {
          if (u.stage == me::Stage::production || u.stage == me::Stage::retired) done.push_back(&u);
        }
        std::sort(done.begin(), done.end(), [](auto* x, auto* y) { return x->deployed_at < y->deployed_at; });
        Eigen::MatrixXd X(static_cast<Eigen::Index>(done.size()), 2);
        Eigen::VectorXd y(static_cast<Eigen::Index>(done.size()));
        for (std::size_t k = 0; k < done.size(); ++k) {
          const auto i = static_cast<Eigen::Index>(k);
          X(i, 0) = 1.0;
          X(i, 1) = std::log(1.0 + static_cast<double>(k));
          y(i) = std::log(done[k]->service[static_cast<std::size_t>(me::Phase::data_prep)]);
        }
        const Eigen::VectorXd beta = X.colPivHouseholderQr().solve(y);
        return -beta(1);
      },
      [&](std::uint64_t, double slope) { slopes.add(slope); });
  const Summary est = slopes.summary();
  return docking(Estimate{est.mean, est.ci_low, est.ci_high}, b, 0.0, "b = -log2(progress ratio)",
                 [](double x) { return num(x, 4); });
}

// --- patterns ------------------------------------------------------------------------------


Outcome p2p24_case(Runner& runner, std::uint64_t reps, const std::string& file, double low, double high) {
  const auto& runs = runner.runs(runner.scenario(file), reps);
  return in_range(estimate(runs, [](const RunResult& r) { return metric(r, "pilot_to_production_month_24"); }), low,
                  high, [](double x) { return pct(x); });
}

Outcome idea_to_production_case(Runner& runner, std::uint64_t reps) {
  const auto& runs = runner.runs(runner.scenario("default.json"), reps);
  return in_range(estimate(runs, [](const RunResult& r) { return metric(r, "idea_to_production_months_median"); }),
                  4.0, 18.0, [](double x) { return num(x, 1) + " months"; });
}

Outcome purgatory_case(Runner& runner, std::uint64_t reps, bool pilots) {
  const auto& runs = runner.runs(runner.scenario("exercises/05-pilot-purgatory/pilot-purgatory.json"), reps);
  if (pilots) {
    return in_range(estimate(runs, [](const RunResult& r) { return metric(r, "pilots_launched"); }), 30.0, 50.0,
                    [](double x) { return num(x, 1) + " pilots"; });
  }
  return in_range(estimate(runs, [](const RunResult& r) { return metric(r, "reached_production"); }), 1.0, 4.0,
                  [](double x) { return num(x, 1) + " in production"; });
}

Outcome data_prep_case(Runner& runner, std::uint64_t reps, const std::string& file) {
  const auto& runs = runner.runs(runner.scenario(file), reps);
  return in_range(estimate(runs, [](const RunResult& r) { return metric(r, "data_prep_effort_share"); }), 0.6, 0.8,
                  [](double x) { return pct(x); });
}

/// The same extra budget on data scientists (8 more, $128k a month at default costs) or
/// on data and ML engineers (4 + 4, $128k): use cases that reach production by month 60.
Outcome engineers_case(Runner& runner, std::uint64_t reps) {
  const auto& scientists = runner.runs(
      runner.scenario("default.json", R"({"name": "more-scientists", "workforce": {"headcount": {"data_scientist": 16}}})"),
      reps);
  const auto& engineers = runner.runs(
      runner.scenario("default.json",
                      R"({"name": "more-engineers", "workforce": {"headcount": {"data_engineer": 12, "ml_engineer": 8}}})"),
      reps);
  const Estimate d = paired(scientists, engineers, [](const RunResult& r) { return metric(r, "reached_production"); });
  return positive(d, "use cases in production by month 60, engineers minus scientists",
                  [](double x) { return num(x, 1); });
}

/// Deployment time (waiting and working, months in the deployment stage) with a mature
/// platform (maturity 1 from the start) relative to none (0, and not built).
Outcome platform_case(Runner& runner, std::uint64_t reps) {
  const auto& none = runner.runs(
      runner.scenario("default.json", R"({"name": "no-platform", "platform": {"initial": 0.0, "build_rate": 0.0}})"),
      reps);
  const auto& mature = runner.runs(
      runner.scenario("default.json", R"({"name": "mature-platform", "platform": {"initial": 1.0}})"), reps);
  const Estimate a = estimate(none, [](const RunResult& r) { return metric(r, "stage_months_deployment"); });
  const Estimate b = estimate(mature, [](const RunResult& r) { return metric(r, "stage_months_deployment"); });
  const double ratio = b.mean / a.mean;
  return {"mature / none < 50 %", "mature " + num(b.mean, 2) + " vs none " + num(a.mean, 2) + " months: " + pct(ratio),
          ratio < 0.5, reps};
}

Outcome change_management_case(Runner& runner, std::uint64_t reps, bool value) {
  const auto& base = runner.runs(runner.scenario("default.json"), reps);
  const auto& more = runner.runs(
      runner.scenario("default.json",
                      R"({"name": "double-change-management", "money": {"change_management_per_month": 100000}})"),
      reps);
  if (value) {
    return positive(paired(base, more, [](const RunResult& r) { return series(r, "cumulative_value", r.months.size()); }),
                    "cumulative value at month 60, doubled minus default",
                    [](double x) { return std::string("$").append(num(x / 1e6, 2)).append("M"); });
  }
  return positive(paired(base, more, [](const RunResult& r) { return series(r, "mean_adoption", r.months.size()); }),
                  "mean adoption at month 60, doubled minus default", [](double x) { return num(x, 3); });
}

/// Break-even month of the default enterprise: the share of futures breaking even in
/// years 2-4 (months 13-48), or in year 1.
Outcome break_even_case(Runner& runner, std::uint64_t reps, bool first_year) {
  const auto& runs = runner.runs(runner.scenario("default.json"), reps);
  const Estimate share = estimate(runs, [first_year](const RunResult& r) {
    const double m = metric(r, "break_even_month");
    if (std::isnan(m)) return 0.0;
    return first_year ? (m <= 12.0 ? 1.0 : 0.0) : (m > 12.0 && m <= 48.0 ? 1.0 : 0.0);
  });
  if (first_year) return in_range(share, 0.0, 0.10, [](double x) { return pct(x); });
  return in_range(share, 0.5, 1.0, [](double x) { return pct(x); });
}

Outcome best_practice_roi_case(Runner& runner, std::uint64_t reps) {
  const auto& runs = runner.runs(runner.scenario("best-practice.json"), reps);
  const Estimate roi = estimate(runs, [](const RunResult& r) { return series(r, "roi", 36); });
  return {"> 0 (95 % CI above 0)", interval(roi, [](double x) { return pct(x); }), roi.low > 0.0, reps};
}

Outcome survival_case(Runner& runner, std::uint64_t reps) {
  const auto& low = runner.runs(runner.scenario("ad-hoc.json"), reps);
  const auto& high = runner.runs(runner.scenario("best-practice.json"), reps);
  const auto survival = [](const RunResult& r) { return metric(r, "models_surviving_36_months_share"); };
  const Estimate a = estimate(low, survival);
  const Estimate b = estimate(high, survival);
  const Estimate d = paired(low, high, survival);
  return {"best-practice > ad-hoc (Gartner: 45 % vs 20 %)",
          "best-practice " + pct(b.mean) + ", ad-hoc " + pct(a.mean) + "; difference " +
              interval(d, [](double x) { return pct(x); }),
          d.low > 0.0, reps};
}

// --- the table -----------------------------------------------------------------------------

/// "c3-rho90": c servers at load rho, for case ids.
std::string load_tag(int c, double rho) {
  std::string tag = "c";
  tag += std::to_string(c);
  tag += "-rho";
  tag += std::to_string(static_cast<int>(std::lround(rho * 100)));
  return tag;
}

std::vector<Case> make_cases() {
  std::vector<Case> out;
  const auto add = [&out](std::string id, std::string group, std::string what, std::string source,
                          std::uint64_t reps, std::function<Outcome(Runner&, std::uint64_t)> run) {
    out.push_back({std::move(id), std::move(group), std::move(what), std::move(source), reps, std::move(run)});
  };
  const std::string s10 = "MODEL.md section 10";
  struct Load {
    int c;
    double rho;
  };
  for (const Load l : {Load{1, 0.5}, Load{2, 0.7}, Load{3, 0.9}, Load{5, 0.9}}) {
    const std::string tag = load_tag(l.c, l.rho);
    const std::string queue = "M/M/" + std::to_string(l.c) + " at load " + num(l.rho, 1);
    add("mmc-wait-" + tag, "docking", queue + ": mean wait for a data engineer (pooled queue, CoE)",
        "Erlang C; " + s10, 100, [l](Runner& r, std::uint64_t n) { return mmc_wait_case(r, n, l.c, l.rho); });
    add("mmc-utilisation-" + tag, "docking", queue + ": utilisation of the data engineers", s10, 100,
        [l](Runner& r, std::uint64_t n) { return mmc_utilisation_case(r, n, l.c, l.rho); });
  }
  for (const Load l : {Load{3, 0.7}, Load{5, 0.9}}) {
    const std::string tag = load_tag(l.c, l.rho);
    add("pooling-separate-" + tag, "docking",
        std::to_string(l.c) + " separate queues of one engineer (federated) at load " + num(l.rho, 1) +
            ": mean wait, against the pooled M/M/" + std::to_string(l.c) + " above",
        "M/M/1; " + s10, 100, [l](Runner& r, std::uint64_t n) { return separate_queues_case(r, n, l.c, l.rho); });
  }
  for (const char* stage : {"data_prep", "modeling", "pilot", "purgatory", "governance_review", "deployment",
                            "production"}) {
    add(std::string("little-") + stage, "docking",
        std::string("Little's law in stage ") + stage + ": time-average number L = lambda W (default enterprise, months 200-1200)",
        "Little (1961); " + s10, 20,
        [stage](Runner& r, std::uint64_t n) { return little_case(r, n, stage); });
  }
  add("bass", "docking", "Adoption of one model with constant p and q follows the Bass curve", "Bass (1969); " + s10, 1,
      bass_case);
  add("drift-decay", "docking", "Accuracy of an unmonitored model without shocks decays exponentially",
      "MODEL.md section 4", 20, drift_decay_case);
  add("drift-default", "pattern", "Accuracy of an unmonitored model after six months, with the default drift and shocks",
      "88 % to 79 % in six months without retraining (seed article 000)", 200, drift_default_case);
  add("attrition-tenure", "docking", "Mean tenure of a cohort under the monthly attrition hazard",
      "exponential life; " + s10, 20, attrition_case);
  add("experience-exponent", "docking", "Wright's-law exponent b recovered from simulated data-prep times",
      "Wright (1936); " + s10, 20, experience_case);

  add("ad-hoc-pilot-to-production", "pattern",
      "Ad-hoc enterprise: pilots that reach production by month 24",
      "fewer than 20 % scale (seed article 000); 87 % stall, 13 % integrate (seed article 002)", 400,
      [](Runner& r, std::uint64_t n) { return p2p24_case(r, n, "ad-hoc.json", 0.05, 0.20); });
  add("mature-pilot-to-production", "pattern",
      "Moderately mature enterprise (default): pilots that reach production by month 24",
      "about half reach production, 48-54 % (Gartner surveys 2019-2024)", 400,
      [](Runner& r, std::uint64_t n) { return p2p24_case(r, n, "default.json", 0.40, 0.60); });
  add("idea-to-production-months", "pattern", "Default enterprise: median months from idea to production",
      "months, not weeks: about 8 months from prototype (Gartner)", 400, idea_to_production_case);
  add("purgatory-pilots", "pattern", "Pilot-purgatory exercise: pilots started in two years",
      "40 pilots in two years (seed article 000)", 400,
      [](Runner& r, std::uint64_t n) { return purgatory_case(r, n, true); });
  add("purgatory-production", "pattern", "Pilot-purgatory exercise: of those, in production after two years",
      "2 in production (seed article 000)", 400,
      [](Runner& r, std::uint64_t n) { return purgatory_case(r, n, false); });
  add("data-prep-share-ad-hoc", "pattern", "Ad-hoc enterprise: share of development effort spent on data preparation",
      "60-80 % (seed article 000)", 400,
      [](Runner& r, std::uint64_t n) { return data_prep_case(r, n, "ad-hoc.json"); });
  add("data-prep-share-default", "pattern", "Default enterprise: share of development effort spent on data preparation",
      "60-80 % (seed article 000)", 400,
      [](Runner& r, std::uint64_t n) { return data_prep_case(r, n, "default.json"); });
  add("engineers-over-scientists", "pattern",
      "The same budget on data and ML engineers delivers more than on data scientists",
      "5-10x more engineers than data scientists needed (seed article 000)", 400, engineers_case);
  add("platform-deployment-time", "pattern", "A mature platform cuts time in deployment by more than half",
      "months to weeks (Airbnb Bighead, seed article 000); 40 % faster cycles (seed article 002)", 400, platform_case);
  add("change-management-adoption", "pattern", "Doubling change management raises adoption",
      "budgets should favour change management (seed article 000); Prosci, BCG 10-20-70", 400,
      [](Runner& r, std::uint64_t n) { return change_management_case(r, n, false); });
  add("change-management-value", "pattern", "Doubling change management raises value",
      "as above", 400, [](Runner& r, std::uint64_t n) { return change_management_case(r, n, true); });
  add("break-even-years-2-4", "pattern", "Default enterprise: share of futures breaking even in years 2-4",
      "satisfactory ROI takes 2-4 years (Deloitte 2025)", 400,
      [](Runner& r, std::uint64_t n) { return break_even_case(r, n, false); });
  add("break-even-year-1", "pattern", "Default enterprise: share of futures breaking even in year 1",
      "about 6 % pay back within a year (Deloitte 2025)", 400,
      [](Runner& r, std::uint64_t n) { return break_even_case(r, n, true); });
  add("best-practice-roi-36", "pattern", "Best-practice enterprise: cumulative ROI at month 36",
      "successful scaling cuts costs 15-30 %, adds 10-20 % revenue (seed article 002)", 400,
      best_practice_roi_case);
  add("survival-by-maturity", "pattern",
      "Models still in production 36 months after deployment: high maturity above low",
      "45 % at high maturity vs 20 % at low (Gartner 2024)", 400, survival_case);
  return out;
}

}  // namespace

Runner::Runner(Settings settings) : settings_(std::move(settings)) {}

Scenario Runner::scenario(const std::string& file, const std::string& patch) {
  auto base = files_.find(file);
  if (base == files_.end()) base = files_.emplace(file, me::to_json(me::load_scenario(settings_.scenarios / file))).first;
  json j = base->second;
  j.merge_patch(json::parse(patch));
  return me::scenario_from_json(j, file + " (validation case)");
}

const std::vector<RunResult>& Runner::runs(const Scenario& scenario, std::uint64_t replications) {
  const std::string key = me::to_json(scenario).dump() + "#" + std::to_string(replications);
  const auto found = cache_.find(key);
  if (found != cache_.end()) return found->second;
  std::vector<RunResult> results;
  results.reserve(replications);
  sim::run_replications(
      replications, settings_.threads,
      [&](std::uint64_t rep) { return me::simulate(scenario, settings_.seed, rep); },
      [&](std::uint64_t, RunResult&& r) { results.push_back(std::move(r)); });
  return cache_.emplace(key, std::move(results)).first->second;
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = make_cases();
  return all;
}

std::string markdown_report(const std::vector<Case>& ran, const std::vector<Outcome>& outcomes,
                            const Settings& settings) {
  std::string md;
  std::size_t passed = 0;
  for (const Outcome& o : outcomes) passed += o.pass ? 1 : 0;
  md += "| Case | Group | What is checked | Expected | Source | Simulated (mean [95 % CI]) | N | Verdict |\n";
  md += "|---|---|---|---|---|---|---|---|\n";
  const auto& all = ran;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const Outcome& o = outcomes[i];
    md += "| `" + all[i].id + "` | " + all[i].group + " | " + all[i].what + " | " + o.expected + " | " +
          all[i].source + " | " + o.simulated + " | " + std::to_string(o.replications) + " | " +
          (o.pass ? "pass" : "**FAIL**") + " |\n";
  }
  md += "\n";
  md += std::to_string(passed);
  md += " of " + std::to_string(outcomes.size()) + " cases pass (seed " + std::to_string(settings.seed) + ").\n";
  return md;
}

}  // namespace analysis::validation
