/// @file
/// @brief The go / hold / kill decision after a pilot (MODEL.md section 3). The pilot
///        measures the idea's value with noise; below the bar it is killed; otherwise it
///        goes to deployment with probability sponsor x readiness, else it is held in
///        purgatory and reviewed every purgatory_review_months (the sponsor's interest
///        faded by purgatory_go_factor) until a go or the purgatory limit kills it. Pure
///        functions here; the rules (Enterprise::decide_after_pilot, go_decision,
///        on_purgatory_review, readiness) are in pilot_decision.cpp.
#pragma once

#include "models/enterprise/params.hpp"

namespace models::enterprise {

/// How much a difficult idea under-shows in its pilot: quality falls from 1 at d = 0 to
/// 0.6 at d = 1. Not a parameter: what a pilot shows is set by the calibrated pilot
/// noise (lifecycle.pilot_noise_sigma) and kill bar (lifecycle.kill_value_ratio); this
/// slope is not identifiable apart from them in any data we calibrate against.
inline constexpr double kPilotDifficultyLoss = 0.4;

/// Readiness for production in [0, 1]: base + platform coefficient x P + MLOps
/// coefficient x staffing - legacy coefficient x legacy complexity, clamped.
double production_readiness(const Lifecycle& l, double platform, double mlops_staffing, double legacy_complexity);

/// The quality of a pilot's evidence: (1 - 0.4 d) / (1 + pilot_penalty x data_debt).
double pilot_quality(double difficulty, double pilot_penalty, double data_debt);

/// The value a pilot measures: value x domain_fit x quality x noise (noise is
/// exp(N(0, pilot_noise_sigma)), drawn by the caller).
double pilot_measurement(double value, double domain_fit, double quality, double noise);

/// The probability of GO: sponsor_support x readiness x fading, clamped to [0, 1]
/// (fading is 1 after a pilot, purgatory_go_factor at a purgatory review).
double go_probability(double sponsor_support, double readiness, double fading);

}  // namespace models::enterprise
