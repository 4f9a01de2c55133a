/// @file
/// @brief Production (MODEL.md section 4): a deployed model's MLOps support, monitoring
///        and expected life. Pure functions here; the rules (Enterprise::enter_production,
///        schedule_detection, on_drift_detected, finish_retraining, retire,
///        integrate_production_month, retire_unprofitable, add_initial_models...) are in
///        production.cpp. Accuracy decay is in drift.hpp, adoption in adoption.hpp.
#pragma once

#include "models/enterprise/params.hpp"

namespace models::enterprise {

/// MLOps staffing in [0, 1]: the serving team's MLOps engineers relative to what its
/// production models need, people / max(team_minimum, models / models_per_mlops),
/// capped at 1.
double mlops_staffing_ratio(double people, double models, double team_minimum, double models_per_mlops);

/// The share of new deployments that are monitored: monitoring base + platform
/// coefficient x P + MLOps coefficient x staffing + extra (set_monitoring), clamped to
/// [0, 1].
double monitoring_share(const Production& p, double platform, double mlops_staffing, double extra);

/// Mean months in production of a model deployed at monitoring coverage c:
/// end_of_life_months x (s + (1 - s) c), s = unmaintained_life_share (models nobody
/// maintains are abandoned sooner; MODEL.md section 9).
double mean_life_months(const Production& p, double coverage);

}  // namespace models::enterprise
