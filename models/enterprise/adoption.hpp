/// @file
/// @brief Bass adoption of a production model within its business unit (MODEL.md
///        section 5, "Adoption"; docking formula in section 10): pure closed forms, no
///        simulation state, no random numbers.
///
/// A production model's adoption A in [0, 1] follows the Bass (1969) equation
///     dA/dt = (p + q A)(1 - A),
/// p the innovation coefficient (people who adopt on their own, moved by change
/// management) and q the imitation coefficient (people who adopt because colleagues do,
/// scaled by trust and domain fit). All rates here are per month.
///
/// Callers pass validated parameters; these functions check nothing expensive, but they
/// never return NaN for the edge inputs documented on each function.
#pragma once

#include "models/enterprise/params.hpp"

namespace models::enterprise {

/// Converts a Bass coefficient given per year into the same coefficient per month:
/// division by 12.
///
/// Why division and not compounding ((1 + x)^(1/12) - 1): p and q are instantaneous rate
/// coefficients of a differential equation, not interest earned per period. Measuring
/// time in months, t_months = 12 t_years, turns dA/dt_years = (p + q A)(1 - A) into
/// dA/dt_months = (p/12 + (q/12) A)(1 - A) exactly, so the per-month coefficients are the
/// per-year ones divided by 12, and bass_cumulative(12 t, p/12, q/12) equals
/// bass_cumulative(t, p, q) for every t. (The meta-analysis averages p = 0.03, q = 0.38 of
/// MODEL.md section 5 are read as these continuous-time coefficients, as is usual.)
double per_month(double per_year);

/// Adoption after dt months from `adoption`, the exact solution of
/// dA/dt = (p + q A)(1 - A) (MODEL.md section 5: "use the closed form within a month").
///
/// The Riccati solution is (q A + p)/(1 - A) = C e^{(p+q)t}: with
/// s = (q A0 + p)/(1 - A0) e^{(p+q)dt}, A = (s - p)/(s + q). This function evaluates the
/// algebraically identical form
///     A = A0 + B u (1 - A0) / (B u + (p + q)(1 - u)),  B = q A0 + p,  u = 1 - e^{-(p+q)dt},
/// which never divides by 1 - A0, never overflows (e^{-x} only underflows, to 0, which
/// gives A = 1) and keeps full precision for small (p + q)dt (u from expm1).
///
/// Preconditions: adoption in [0, 1], p >= 0, q >= 0 (per month), dt >= 0 (months).
/// Edge cases: adoption == 1 stays 1; p == q == 0, or p == 0 with adoption == 0
/// (nothing to start or spread adoption), leaves it unchanged; dt <= 0 returns it
/// unchanged; a (p + q)dt so large that e^{-(p+q)dt} underflows, or dt == +inf, gives 1.
/// The result lies in [adoption, 1].
double bass_step(double adoption, double p, double q, double dt);

/// The Bass cumulative adoption from A(0) = 0 (MODEL.md section 10, docking):
///     F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}),
/// evaluated as p u / (p + q e^{-(p+q)t}) with u = 1 - e^{-(p+q)t} so that a small p
/// does not overflow q/p. Requires p > 0 for growth: p <= 0 (nobody ever starts) or
/// t <= 0 returns 0. Equals bass_step(0, p, q, t).
double bass_cumulative(double t, double p, double q);

/// Per-month Bass coefficients of one production model.
struct BassRates {
  double p;  ///< innovation, per month
  double q;  ///< imitation, per month
};

/// The Bass coefficients of a production model (MODEL.md section 5):
///     p = per_month(p0 (1 + k_cm cm)), cm = change_management_per_month / reference,
///     q = per_month(q0 x trust x domain_fit),
/// with p0 = adoption.innovation_per_year, q0 = adoption.imitation_per_year,
/// k_cm = adoption.change_management_effect and reference =
/// adoption.change_management_reference ($ per month that counts as intensity 1).
/// `trust` is the owning BU's T in [0, 1]; `domain_fit` the structure's phi.
/// A reference <= 0 counts as no change-management effect (intensity 0), never NaN.
BassRates bass_rates(const Adoption& adoption, double change_management_per_month, double trust,
                     double domain_fit);

}  // namespace models::enterprise
