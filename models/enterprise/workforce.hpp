/// @file
/// @brief Workforce (MODEL.md section 1): people leave at a monthly hazard, each leaver is
///        replaced by a hire after a lead time, and a team forgets part of its experience
///        with each leaver. Pure functions here; the rules (Enterprise::attrition,
///        person_leaves, open_requisition, on_hire_arrives) are in workforce.cpp.
#pragma once

#include "sim/random.hpp"

namespace models::enterprise {

/// The shape of the gamma distribution of hiring lead times: 4, a coefficient of
/// variation of 1/sqrt(4) = 0.5 around the mean workforce.hiring_lead_months. Not a
/// parameter: time-to-fill varies about half its mean across requisitions, and what
/// scenarios vary (and the outputs respond to) is the mean.
inline constexpr double kHiringLeadShape = 4.0;

/// A hiring lead time in months: gamma with shape kHiringLeadShape and mean
/// `mean_months`, one draw from `rng`.
double hiring_lead_time(sim::Rng& rng, double mean_months);

/// The probability that a person leaves within a month at hazard `attrition_per_month`:
/// 1 - e^{-hazard}.
double leave_probability(double attrition_per_month);

/// A team's experience after one of its `headcount_before` (> 0) people leaves:
/// experience x (1 - forgetting_per_leaver / headcount_before).
double experience_after_leaver(double experience, double forgetting_per_leaver, int headcount_before);

}  // namespace models::enterprise
