/// @file
/// @brief What one run of the enterprise model reports (MODEL.md section 7): monthly
///        series and a per-replication summary, each metric with a stable name.
///
/// The model does not compute these: the Recorder (recorder.hpp) reads the model's
/// state at each monthly tick and at the end. The names are the output contract used
/// by summary.json, timeseries.csv and replications.csv.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

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
  count_
};
inline constexpr std::size_t kSeriesCount = static_cast<std::size_t>(Series::count_);
std::string_view series_name(Series s);

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
  count_
};
inline constexpr std::size_t kSummaryCount = static_cast<std::size_t>(Summary::count_);
std::string_view summary_name(Summary s);

/// One replication's output.
struct RunResult {
  std::vector<std::array<double, kSeriesCount>> months;  ///< months[m-1] is month m
  std::array<double, kSummaryCount> summary{};
  std::uint64_t events = 0;                              ///< discrete events handled

  double at(std::size_t month, Series s) const { return months[month - 1][static_cast<std::size_t>(s)]; }
  double get(Summary s) const { return summary[static_cast<std::size_t>(s)]; }
};

}  // namespace models::enterprise
