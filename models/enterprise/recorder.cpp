// The recorder (MODEL.md section 7): counts the model's typed events, reads its state at
// each monthly tick and at the end, and writes the metrics. It changes nothing in the
// model.
#include "models/enterprise/recorder.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace models::enterprise {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double median(std::vector<double> values) {
  if (values.empty()) return kNaN;
  const auto mid = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), mid, values.end());
  if (values.size() % 2 == 1) return *mid;
  return 0.5 * (*mid + *std::max_element(values.begin(), mid));
}

}  // namespace

std::string_view series_name(Series s) {
  static constexpr std::string_view names[] = {
      "ideas", "backlog", "in_data_prep", "in_modeling", "in_pilot", "in_purgatory",
      "in_governance_review", "in_deployment", "in_production", "in_retraining",
      "pilots_launched_cum", "pilots_decided_cum", "production_cum", "pilot_to_production",
      "killed_cum", "retired_cum", "mean_accuracy", "mean_adoption", "mean_trust",
      "mean_data_debt", "platform_maturity", "governance_maturity",
      "headcount_data_scientist", "headcount_data_engineer", "headcount_ml_engineer",
      "headcount_mlops_engineer", "headcount_product_manager", "headcount_governance",
      "cost", "value", "cumulative_cost", "cumulative_value", "roi", "npv", "incidents",
      "utilisation_data_scientist", "utilisation_data_engineer", "utilisation_ml_engineer",
      "utilisation_mlops_engineer", "utilisation_product_manager", "utilisation_governance",
      "queue_length_data_scientist", "queue_length_data_engineer", "queue_length_ml_engineer",
      "queue_length_mlops_engineer", "queue_length_product_manager", "queue_length_governance"};
  static_assert(std::size(names) == kSeriesCount);
  return names[static_cast<std::size_t>(s)];
}

std::string_view summary_name(Summary s) {
  static constexpr std::string_view names[] = {
      "roi_final", "npv_final", "break_even_month", "pilot_to_production",
      "pilot_to_production_month_24", "models_in_production_final", "ideas", "pilots_launched",
      "pilots_completed", "reached_production", "idea_to_production_months_median",
      "data_prep_effort_share", "incidents", "models_surviving_36_months_share",
      "utilisation_data_scientist", "utilisation_data_engineer", "utilisation_ml_engineer",
      "utilisation_mlops_engineer", "utilisation_product_manager", "utilisation_governance",
      "queue_length_data_scientist", "queue_length_data_engineer", "queue_length_ml_engineer",
      "queue_length_mlops_engineer", "queue_length_product_manager", "queue_length_governance",
      "wait_months_data_scientist", "wait_months_data_engineer", "wait_months_ml_engineer",
      "wait_months_mlops_engineer", "wait_months_product_manager", "wait_months_governance",
      "jobs_per_month_data_scientist", "jobs_per_month_data_engineer", "jobs_per_month_ml_engineer",
      "jobs_per_month_mlops_engineer", "jobs_per_month_product_manager", "jobs_per_month_governance",
      "stage_months_data_prep", "stage_months_modeling", "stage_months_pilot", "stage_months_purgatory",
      "stage_months_governance_review", "stage_months_deployment", "stage_months_production",
      "stage_count_data_prep", "stage_count_modeling", "stage_count_pilot", "stage_count_purgatory",
      "stage_count_governance_review", "stage_count_deployment", "stage_count_production",
      "stage_throughput_data_prep", "stage_throughput_modeling", "stage_throughput_pilot",
      "stage_throughput_purgatory", "stage_throughput_governance_review", "stage_throughput_deployment",
      "stage_throughput_production"};
  static_assert(std::size(names) == kSummaryCount);
  return names[static_cast<std::size_t>(s)];
}

Recorder::Recorder(const Scenario& scenario) : s_(scenario), ledger_(scenario.money.discount_rate_per_year) {}

void Recorder::on_event(const Enterprise& model, const TraceEvent& event) {
  using Kind = TraceEvent::Kind;
  switch (event.kind) {
    case Kind::idea: ++ideas_this_month_; break;
    case Kind::work_starts: ++pilots_launched_; break;
    case Kind::pilot_kill:
      ++pilots_decided_;
      ++killed_;
      break;
    case Kind::pilot_go:
    case Kind::pilot_hold: ++pilots_decided_; break;
    case Kind::purgatory_limit_kill: ++killed_; break;
    case Kind::in_production:
      ++reached_production_;
      idea_to_production_.push_back(model.now() - model.use_cases()[static_cast<std::size_t>(event.use_case)].created);
      break;
    case Kind::retired_end_of_life:
    case Kind::retired_low_value: ++retired_; break;
    case Kind::governance_incident:
      ++incidents_this_month_;
      ++incidents_total_;
      break;
    default: break;
  }
}

void Recorder::on_month_end(const Enterprise& model, const MonthEnd& month) {
  const int incidents = incidents_this_month_;
  incidents_this_month_ = 0;
  const double value = month.value;
  const double cost = model.monthly_cost(incidents * s_.governance.incident_cost);
  ledger_.record_month(cost, value);
  std::array<double, kSeriesCount> row{};
  const auto set = [&row](Series s, double v) { row[static_cast<std::size_t>(s)] = v; };

  double backlog = 0.0;
  for (const auto& t : model.teams()) backlog += static_cast<double>(t.backlog.size());
  const auto& use_cases = model.use_cases();
  // Use cases per stage: counted by the statistics as they enter and leave (set_stage),
  // so the month's record does not scan every use case ever created.
  const auto stage = [&model](Stage s) { return static_cast<double>(model.statistics().stage(s).count); };
  double retraining = 0.0;
  double accuracy = 0.0;
  double adoption = 0.0;
  for (const std::uint32_t uc : model.in_production()) {
    if (use_cases[uc].drift_noticed) ++retraining;
    accuracy += model.accuracy_now(use_cases[uc]);
    adoption += use_cases[uc].adoption;
  }
  const double models = static_cast<double>(model.in_production().size());
  double trust = 0.0;
  double debt = 0.0;
  double own_platforms = 0.0;
  for (const auto& u : model.units()) {
    trust += u.trust;
    debt += u.data_debt;
    own_platforms += u.platform;
  }
  const double n = static_cast<double>(model.units().size());

  set(Series::ideas, ideas_this_month_);
  ideas_this_month_ = 0;
  set(Series::backlog, backlog);
  set(Series::in_data_prep, stage(Stage::data_prep));
  set(Series::in_modeling, stage(Stage::modeling));
  set(Series::in_pilot, stage(Stage::pilot));
  set(Series::in_purgatory, stage(Stage::purgatory));
  set(Series::in_governance_review, stage(Stage::governance_review));
  set(Series::in_deployment, stage(Stage::deployment));
  set(Series::in_production, models);
  set(Series::in_retraining, retraining);
  set(Series::pilots_launched_cum, pilots_launched_);
  set(Series::pilots_decided_cum, pilots_decided_);
  set(Series::production_cum, reached_production_);
  const double ratio = pilots_decided_ > 0 ? static_cast<double>(reached_production_) / pilots_decided_ : 0.0;
  set(Series::pilot_to_production, ratio);
  set(Series::killed_cum, killed_);
  set(Series::retired_cum, retired_);
  set(Series::mean_accuracy, models > 0 ? accuracy / models : kNaN);
  set(Series::mean_adoption, models > 0 ? adoption / models : kNaN);
  set(Series::mean_trust, trust / n);
  set(Series::mean_data_debt, debt / n);
  set(Series::platform_maturity,
      s_.policy(model.structure()).shared_platform ? model.shared_platform() : own_platforms / n);
  set(Series::governance_maturity, model.governance_maturity());
  const Series headcount_series[] = {Series::headcount_data_scientist, Series::headcount_data_engineer,
                                     Series::headcount_ml_engineer,    Series::headcount_mlops_engineer,
                                     Series::headcount_product_manager, Series::headcount_governance};
  for (const Role r : kRoles) {
    double people = 0.0;
    for (const auto& t : model.teams()) people += t.pool(r).headcount;
    set(headcount_series[static_cast<std::size_t>(r)], people);
  }
  set(Series::cost, cost);
  set(Series::value, value);
  set(Series::cumulative_cost, ledger_.cumulative_cost());
  set(Series::cumulative_value, ledger_.cumulative_value());
  set(Series::roi, ledger_.roi());
  set(Series::npv, ledger_.npv());
  set(Series::incidents, incidents);
  // Time averages over the month just ended, [m - 1, now]: the statistics were advanced
  // to now when this tick's event began.
  const double month_length = model.now() - static_cast<double>(result_.months.size());
  for (const Role r : kRoles) {
    const RoleStatistics& role = model.statistics().role(r);
    set(series_for(Series::utilisation_data_scientist, r),
        role.headcount_month > 0.0 ? role.busy_month / role.headcount_month : kNaN);
    set(series_for(Series::queue_length_data_scientist, r), role.waiting_month / month_length);
  }
  result_.months.push_back(row);
  if (result_.months.size() == 24) pilot_to_production_24_ = ratio;
}

RunResult Recorder::finish(const Enterprise& model) {
  RunResult& result = result_;
  result.events = model.events_handled();
  const auto set = [&result](Summary s, double v) { result.summary[static_cast<std::size_t>(s)] = v; };
  set(Summary::roi_final, ledger_.roi());
  set(Summary::npv_final, ledger_.npv());
  const auto be = ledger_.break_even_month();
  set(Summary::break_even_month, be ? static_cast<double>(*be) : kNaN);
  set(Summary::pilot_to_production,
      pilots_decided_ > 0 ? static_cast<double>(reached_production_) / pilots_decided_ : 0.0);
  set(Summary::pilot_to_production_month_24, result.months.size() >= 24 ? pilot_to_production_24_ : kNaN);
  set(Summary::models_in_production_final, static_cast<double>(model.in_production().size()));
  double ideas = 0.0;
  for (const auto& month : result.months) ideas += month[static_cast<std::size_t>(Series::ideas)];
  set(Summary::ideas, ideas);
  set(Summary::pilots_launched, pilots_launched_);
  set(Summary::pilots_completed, pilots_decided_);
  set(Summary::reached_production, reached_production_);
  set(Summary::idea_to_production_months_median, median(idea_to_production_));
  // Development effort only: retraining is upkeep of models already in production.
  double total_effort = 0.0;
  for (std::size_t ph = 0; ph < kPhaseCount; ++ph) {
    if (static_cast<Phase>(ph) != Phase::retraining) total_effort += model.effort_done()[ph];
  }
  set(Summary::data_prep_effort_share,
      total_effort > 0.0 ? model.effort_done()[static_cast<std::size_t>(Phase::data_prep)] / total_effort : kNaN);
  set(Summary::incidents, incidents_total_);
  // Survival: of the models deployed in the run at least 36 months before the horizon, the share
  // still in production 36 months after deployment (in production now, or retired later).
  double eligible = 0.0;
  double surviving = 0.0;
  for (const auto& u : model.use_cases()) {
    const bool deployed = u.stage == Stage::production || u.stage == Stage::retired;
    if (!deployed || u.existing || u.deployed_at > s_.horizon_months - 36.0) continue;
    eligible += 1.0;
    if (u.stage == Stage::production || u.retired_at - u.deployed_at >= 36.0) surviving += 1.0;
  }
  set(Summary::models_surviving_36_months_share, eligible > 0 ? surviving / eligible : kNaN);

  // Resource and stage statistics over the window [warmup, horizon]; run() has advanced
  // them to the horizon.
  const ResourceStatistics& statistics = model.statistics();
  const double window = s_.horizon_months - statistics.window_start();
  for (const Role r : kRoles) {
    const RoleStatistics& role = statistics.role(r);
    set(summary_for(Summary::utilisation_data_scientist, r),
        role.headcount_window > 0.0 ? role.busy_window / role.headcount_window : kNaN);
    set(summary_for(Summary::queue_length_data_scientist, r), role.waiting_window / window);
    set(summary_for(Summary::wait_months_data_scientist, r), role.seizes > 0.0 ? role.wait_sum / role.seizes : kNaN);
    set(summary_for(Summary::jobs_per_month_data_scientist, r), role.seizes / window);
  }
  for (const Stage st : kMeasuredStages) {
    const StageStatistics& stage = statistics.stage(st);
    set(summary_for(Summary::stage_months_data_prep, st), stage.exits > 0.0 ? stage.sojourn_sum / stage.exits : kNaN);
    set(summary_for(Summary::stage_count_data_prep, st), stage.count_window / window);
    set(summary_for(Summary::stage_throughput_data_prep, st), stage.entries / window);
  }
  return std::move(result_);
}

RunResult simulate(const Scenario& scenario, std::uint64_t seed, std::uint64_t replication) {
  Enterprise model(scenario, seed, replication);
  Recorder recorder(scenario);
  model.add_observer(recorder);
  model.run();
  return recorder.finish(model);
}

}  // namespace models::enterprise
