/// @file
/// @brief Data debt (MODEL.md section 5): each use case that passes data prep adds debt
///        to its unit; data engineers spend data_debt.paydown_share of their time paying
///        it down (a BU's own engineers on its debt, the central ones shared by debt);
///        debt spreads along shared-data edges (Enterprise::update_data_debt in
///        data_debt.cpp). Debt slows data prep (lifecycle.hpp), lowers pilot quality
///        (pilot_decision.hpp) and speeds drift (drift.hpp).
#pragma once

#include "models/enterprise/params.hpp"

namespace models::enterprise {

/// Data debt added to a BU by a use case passing data prep (section 5):
///     per_pipeline x (1 - standardisation) x (1 - data_governance).
/// standardisation is the structure's s in [0, 1].
double debt_added(const DataDebt& data_debt, double standardisation);

/// Data debt after `engineer_months` of paydown work (data engineers x
/// data_debt.paydown_share x dt): max(0, debt - engineer_months x
/// paydown_per_engineer_month). Debt never goes negative.
double debt_after_paydown(double debt, double engineer_months, const DataDebt& data_debt);

/// The paydown allocation: the engineer-months a BU pays its debt down with in a month,
/// own_engineers x paydown_share, plus the central team's `central_engineer_months`
/// shared in proportion to debt (debt / total_debt; none when total_debt is 0).
double paydown_engineer_months(int own_engineers, double central_engineer_months, double debt, double total_debt,
                               double paydown_share);

}  // namespace models::enterprise
