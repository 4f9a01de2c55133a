/// @file
/// @brief Closed-form updates of the slow stocks integrated at the monthly tick
///        (MODEL.md section 5): platform and governance maturity, spillover along the
///        org graph, trust, data debt, incident rates. Pure functions: no simulation
///        state, no random numbers. Adoption lives in adoption.hpp.
///
/// Callers pass validated parameters; these functions check nothing expensive, but they
/// never return NaN for the edge inputs documented on each function.
#pragma once

#include "models/enterprise/params.hpp"

#include <cstdint>
#include <span>

namespace models::enterprise {

/// The exact solution over dt months of dX/dt = rate (1 - X):
///     X(dt) = 1 - (1 - X) e^{-rate dt}
/// (evaluated as X + (1 - X)(1 - e^{-rate dt}) with expm1). Used for platform maturity
/// P (rate = platform.build_rate x platform people; in federated each BU's own P with its
/// own few people) and governance maturity G (rate = governance.build_rate x governance
/// people), section 5. A level in [0, 1] stays in [level, 1].
/// Edge cases: rate <= 0 or dt <= 0 returns level; dt == +inf with rate > 0 returns 1.
double saturating_growth(double level, double rate, double dt);

/// One synchronous explicit step of diffusion along a weighted graph (trust spillover,
/// data-debt spread along shared-data edges; section 5):
///     x_b += rate x dt x sum_c w_bc (x_c - x_b),
/// every right-hand side computed from the values before the step.
///
/// The graph is in CSR form: the neighbours of vertex b are targets[k], with weight
/// weights[k], for k in [offsets[b], offsets[b + 1]). Preconditions (checked by assert
/// only): offsets.size() == values.size() + 1, offsets non-decreasing with
/// offsets.back() == targets.size() == weights.size(), every target < values.size().
/// An undirected graph lists each edge in both directions.
///
/// Conservation: with symmetric weights (w_bc == w_cb) the flows cancel pairwise, so the
/// sum of values is unchanged (up to floating-point rounding).
/// Stability: the new x_b is (1 - h d_b) x_b + h sum_c w_bc x_c with h = rate x dt and
/// d_b = sum_c w_bc the weighted degree; when h x max_b d_b <= 1 this is a convex
/// combination of old values, so every value stays within [min, max] of the old values
/// (trust stays in [0, 1], debt non-negative). A larger step can overshoot and
/// oscillate; nothing is clamped: choose rate x dt accordingly (or sub-step).
void diffuse(std::span<double> values, std::span<const std::uint32_t> offsets,
             std::span<const std::uint32_t> targets, std::span<const double> weights,
             double rate, double dt);

/// Trust after a model that works (section 5): trust + alpha_plus (1 - trust), a step
/// toward 1 by the share alpha_plus of the remaining distance. Stays in [0, 1] for trust
/// and alpha_plus in [0, 1].
double trust_gain(double trust, double alpha_plus);

/// Trust after a drift noticed by users or an incident (section 5):
/// trust - alpha_minus x trust, a proportional loss toward 0. Stays in [0, 1] for trust
/// and alpha_minus in [0, 1].
/// Asymmetry: the defaults must have alpha_minus > alpha_plus. People forgive an
/// algorithm's mistake less than a person's and stop using it after seeing it err
/// (algorithm aversion: Dietvorst, Simmons & Massey 2015, J. Exp. Psychol. Gen. 144(1)),
/// so one failure costs more trust than one success earns. Neither this file nor the
/// loader enforces it (a researcher may study symmetric trust); the defaults hold it.
double trust_loss(double trust, double alpha_minus);

/// Data debt added to a BU by a use case passing data prep (section 5):
///     per_pipeline x (1 - standardisation) x (1 - data_governance).
/// standardisation is the structure's s in [0, 1].
double debt_added(const DataDebt& data_debt, double standardisation);

/// Data debt after `engineer_months` of paydown work (data engineers x
/// data_debt.paydown_share x dt): max(0, debt - engineer_months x
/// paydown_per_engineer_month). Debt never goes negative.
double debt_after_paydown(double debt, double engineer_months, const DataDebt& data_debt);

/// Incidents per high-risk production model per month at governance maturity G in
/// [0, 1] (section 5): governance.incident_rate x (1 - G).
double incident_rate(const Governance& governance, double maturity);

}  // namespace models::enterprise
