/// @file
/// @brief What one run of the enterprise model reports (MODEL.md section 7): monthly
///        series and a per-replication summary, each metric with a stable name.
///
/// The model does not compute these: the Recorder (recorder.cpp) reads the model's
/// state at each monthly tick and at the end, and the resource and stage statistics
/// the model keeps as it runs (resource_statistics.hpp). The names are the output
/// contract used by summary.json, timeseries.csv and replications.csv.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "models/enterprise/params.hpp"
#include "models/enterprise/state.hpp"

namespace models::enterprise {

/// Monthly series, one value per month (end of month, or the month's flow).
enum class Series : std::size_t {
  ideas,                    ///< ideas that arrived this month
  backlog,                  ///< ideas waiting in backlogs
  in_data_prep,             ///< use cases in data preparation (waiting or worked)
  in_modeling,
  in_pilot,
  in_purgatory,             ///< piloted, neither deployed nor killed
  in_governance_review,
  in_deployment,
  in_production,            ///< models in production (also "models in production")
  in_retraining,            ///< production models waiting for or under retraining
  pilots_launched_cum,      ///< use cases that entered work (a vanity metric)
  pilots_decided_cum,       ///< pilots completed and decided
  production_cum,           ///< use cases that ever reached production
  pilot_to_production,      ///< production_cum / pilots_decided_cum
  killed_cum,
  retired_cum,
  mean_accuracy,            ///< over production models
  mean_adoption,            ///< over production models
  mean_trust,               ///< over business units
  mean_data_debt,           ///< over business units
  platform_maturity,        ///< mean over the platforms in use
  governance_maturity,
  headcount_data_scientist,
  headcount_data_engineer,
  headcount_ml_engineer,
  headcount_mlops_engineer,
  headcount_product_manager,
  headcount_governance,
  cost,                     ///< $ this month
  value,                    ///< $ this month
  cumulative_cost,
  cumulative_value,
  roi,                      ///< cumulative (value - cost) / cost
  npv,                      ///< discounted, to date
  incidents,                ///< governance incidents this month
  // Time averages over the month, per role (all teams' pools of the role).
  utilisation_data_scientist,   ///< busy person-time / headcount person-time; NaN without headcount
  utilisation_data_engineer,
  utilisation_ml_engineer,
  utilisation_mlops_engineer,
  utilisation_product_manager,
  utilisation_governance,
  queue_length_data_scientist,  ///< jobs in the pools' queues
  queue_length_data_engineer,
  queue_length_ml_engineer,
  queue_length_mlops_engineer,
  queue_length_product_manager,
  queue_length_governance,
  count_
};
inline constexpr std::size_t kSeriesCount = static_cast<std::size_t>(Series::count_);
std::string_view series_name(Series s);

/// The entry for role `r` of a per-role block of series that starts at `first` (its
/// `_data_scientist` entry) and lists the roles in Role order.
constexpr Series series_for(Series first, Role r) {
  return static_cast<Series>(static_cast<std::size_t>(first) + static_cast<std::size_t>(r));
}

/// Per-replication summary metrics.
enum class Summary : std::size_t {
  roi_final,
  npv_final,
  break_even_month,                 ///< NaN when costs were never recovered
  pilot_to_production,              ///< at the horizon
  pilot_to_production_month_24,     ///< at month 24 (the stylised-fact checkpoint)
  models_in_production_final,
  ideas,                            ///< ideas that arrived over the horizon
  pilots_launched,
  pilots_completed,
  reached_production,
  idea_to_production_months_median, ///< NaN when nothing reached production
  data_prep_effort_share,           ///< person-months of data prep / all development work (retraining excluded)
  incidents,
  models_surviving_36_months_share, ///< of models deployed by month H-36, share still in production 36 months later; NaN if none
  // Resource statistics per role (all teams' pools of the role), over the statistics
  // window [warmup_months, horizon_months].
  utilisation_data_scientist,       ///< busy person-time / headcount person-time; NaN without headcount
  utilisation_data_engineer,
  utilisation_ml_engineer,
  utilisation_mlops_engineer,
  utilisation_product_manager,
  utilisation_governance,
  queue_length_data_scientist,      ///< time-average number of jobs in the pools' queues
  queue_length_data_engineer,
  queue_length_ml_engineer,
  queue_length_mlops_engineer,
  queue_length_product_manager,
  queue_length_governance,
  wait_months_data_scientist,       ///< mean months from a job's request for a person to its seize; NaN if no seize
  wait_months_data_engineer,
  wait_months_ml_engineer,
  wait_months_mlops_engineer,
  wait_months_product_manager,
  wait_months_governance,
  jobs_per_month_data_scientist,    ///< jobs that seized a person of the role, per month
  jobs_per_month_data_engineer,
  jobs_per_month_ml_engineer,
  jobs_per_month_mlops_engineer,
  jobs_per_month_product_manager,
  jobs_per_month_governance,
  // Lifecycle-stage statistics over the same window (kMeasuredStages).
  stage_months_data_prep,           ///< mean months in the stage of the use cases that left it; NaN if none left
  stage_months_modeling,
  stage_months_pilot,
  stage_months_purgatory,
  stage_months_governance_review,
  stage_months_deployment,
  stage_months_production,
  stage_count_data_prep,            ///< time-average number of use cases in the stage
  stage_count_modeling,
  stage_count_pilot,
  stage_count_purgatory,
  stage_count_governance_review,
  stage_count_deployment,
  stage_count_production,
  stage_throughput_data_prep,       ///< entries into the stage per month
  stage_throughput_modeling,
  stage_throughput_pilot,
  stage_throughput_purgatory,
  stage_throughput_governance_review,
  stage_throughput_deployment,
  stage_throughput_production,
  count_
};
inline constexpr std::size_t kSummaryCount = static_cast<std::size_t>(Summary::count_);
std::string_view summary_name(Summary s);

/// The lifecycle stages with stage statistics: the stages a use case passes through
/// between its backlog and its end state, in Stage order.
inline constexpr std::array<Stage, 7> kMeasuredStages = {
    Stage::data_prep,         Stage::modeling,   Stage::pilot,     Stage::purgatory,
    Stage::governance_review, Stage::deployment, Stage::production};

/// The entry for role `r` of a per-role block of summary metrics that starts at `first`
/// (its `_data_scientist` entry) and lists the roles in Role order.
constexpr Summary summary_for(Summary first, Role r) {
  return static_cast<Summary>(static_cast<std::size_t>(first) + static_cast<std::size_t>(r));
}

/// The entry for stage `s` (one of kMeasuredStages) of a per-stage block of summary
/// metrics that starts at `first` (its `_data_prep` entry).
constexpr Summary summary_for(Summary first, Stage s) {
  return static_cast<Summary>(static_cast<std::size_t>(first) + static_cast<std::size_t>(s) -
                              static_cast<std::size_t>(Stage::data_prep));
}

// The blocks list roles and stages in enum order, so the helpers above find them.
static_assert(series_for(Series::utilisation_data_scientist, Role::governance) == Series::utilisation_governance);
static_assert(series_for(Series::queue_length_data_scientist, Role::governance) == Series::queue_length_governance);
static_assert(summary_for(Summary::utilisation_data_scientist, Role::governance) == Summary::utilisation_governance);
static_assert(summary_for(Summary::queue_length_data_scientist, Role::governance) == Summary::queue_length_governance);
static_assert(summary_for(Summary::wait_months_data_scientist, Role::governance) == Summary::wait_months_governance);
static_assert(summary_for(Summary::jobs_per_month_data_scientist, Role::governance) ==
              Summary::jobs_per_month_governance);
static_assert(summary_for(Summary::stage_months_data_prep, Stage::production) == Summary::stage_months_production);
static_assert(summary_for(Summary::stage_count_data_prep, Stage::production) == Summary::stage_count_production);
static_assert(summary_for(Summary::stage_throughput_data_prep, Stage::production) ==
              Summary::stage_throughput_production);
static_assert(static_cast<std::size_t>(Stage::production) - static_cast<std::size_t>(Stage::data_prep) + 1 ==
              kMeasuredStages.size());

/// One replication's output.
struct RunResult {
  std::vector<std::array<double, kSeriesCount>> months;  ///< months[m-1] is month m
  std::array<double, kSummaryCount> summary{};
  std::uint64_t events = 0;                              ///< discrete events handled

  double at(std::size_t month, Series s) const { return months[month - 1][static_cast<std::size_t>(s)]; }
  double get(Summary s) const { return summary[static_cast<std::size_t>(s)]; }
};

}  // namespace models::enterprise
