/// @file
/// @brief Accuracy drift of a production model and the value it still earns (MODEL.md
///        section 4; docking in section 10): pure closed forms, no simulation state, no
///        random numbers. Concept-drift shocks (Poisson, random size) are the caller's:
///        a shock simply restarts the decay from the lowered accuracy.
///
/// Since its last training (or last shock) at t0, a model's accuracy relaxes toward the
/// floor a_min:
///     a(t) = a_min + (a_start - a_min) exp(-lambda (t - t0)),
///     lambda = lambda0 (1 + k_drift D),  D the owning BU's data debt.
/// Calibration (section 4): a0 = 0.88, a_min = 0.50, lambda0 = 0.045 per month gives
/// a(6) = 0.790: 88 % to 79 % in six months without retraining.
///
/// Callers pass validated parameters (lambda >= 0, dt >= 0); nothing here returns NaN
/// for the edge inputs documented on each function.
#pragma once

#include "models/enterprise/params.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace models::enterprise {

/// The drift rate per month of a model in a BU with data debt `data_debt` (section 4):
/// lambda = production.drift_rate x (1 + production.drift_debt_factor x data_debt).
inline double drift_lambda(const Production& production, double data_debt) {
  return production.drift_rate * (1.0 + production.drift_debt_factor * data_debt);
}

/// Accuracy dt months after it was `a_start`: a_min + (a_start - a_min) e^{-lambda dt}.
/// lambda <= 0 or dt <= 0 returns a_start (no drift); dt == +inf with lambda > 0 returns
/// a_min. (An a_start below a_min relaxes up toward a_min by the same formula.)
inline double accuracy_after(double a_start, double a_min, double lambda, double dt) {
  if (!(lambda > 0.0) || !(dt > 0.0)) return a_start;
  return a_min + (a_start - a_min) * std::exp(-lambda * dt);
}

/// The time (months) after which accuracy, decaying from a_start, reaches `target`: the
/// inverse of accuracy_after, ln((a_start - a_min)/(target - a_min)) / lambda.
/// Returns 0 when a_start <= target (already there), and +infinity when it never gets
/// there: target <= a_min (the decay only approaches the floor) or lambda <= 0.
inline double time_to_accuracy(double a_start, double a_min, double lambda, double target) {
  if (a_start <= target) return 0.0;
  if (target <= a_min || !(lambda > 0.0)) return std::numeric_limits<double>::infinity();
  return std::log((a_start - a_min) / (target - a_min)) / lambda;
}

/// The share of a use case's value a model of accuracy `a` earns (section 4):
///     g(a) = max(0, (a - a_min)/(a0 - a_min)), capped at 1.
/// The cap: V is the value at the accuracy the model was trained to, a0; an accuracy
/// above a0 (a retraining that lands a little above it) earns no more than V, so g is in
/// [0, 1] and value never exceeds V x A. Degenerate a0 <= a_min (no range to lose): the
/// limit of the formula, 1 when a > a_min and 0 otherwise.
inline double value_factor(double a, double a0, double a_min) {
  if (!(a0 > a_min)) return a > a_min ? 1.0 : 0.0;
  return std::clamp((a - a_min) / (a0 - a_min), 0.0, 1.0);
}

/// The exact average of g(a(t)) over [0, dt], a(t) = accuracy_after(a_start, a_min,
/// lambda, t), g = value_factor(., a0, a_min): the value earned over a month is V x A x
/// this (for adoption held at its month value).
///
/// With r = (a_start - a_min)/(a0 - a_min), g(a(t)) = min(1, r e^{-lambda t}) for r > 0:
/// it stays at the cap 1 until t1 = ln(r)/lambda (only when r > 1), then decays, so
///     integral = min(t1, dt) + (r e^{-lambda t1'}) (1 - e^{-lambda (dt - t1')}) / lambda,
/// t1' = clamp(t1, 0, dt), evaluated with expm1. Note the argument order (a_start, a_min,
/// a0, ...), unlike value_factor's (a, a0, a_min).
/// Edge cases: r <= 0 (a_start at or below the floor) gives 0; lambda <= 0 gives the
/// constant g(a_start) (the lambda -> 0 limit); dt <= 0 gives g(a_start) (the limit of
/// the average as dt -> 0); dt == +inf with lambda > 0 gives 0; a0 <= a_min gives the
/// degenerate step of value_factor (1 if a_start > a_min: the decay never reaches a_min).
inline double mean_value_factor(double a_start, double a_min, double a0, double lambda,
                                double dt) {
  if (!(a0 > a_min)) return a_start > a_min ? 1.0 : 0.0;
  const double r = (a_start - a_min) / (a0 - a_min);
  if (!(r > 0.0)) return 0.0;
  if (!(lambda > 0.0) || !(dt > 0.0)) return std::min(1.0, r);
  if (std::isinf(dt)) return 0.0;  // a finite integral over an infinite window
  // Time spent at the cap, then the decaying part from `level` = g at its start.
  const double capped = r > 1.0 ? std::min(std::log(r) / lambda, dt) : 0.0;
  const double level = r > 1.0 ? 1.0 : r;
  const double rest = dt - capped;
  const double decaying = rest > 0.0 ? level * (-std::expm1(-lambda * rest)) / lambda : 0.0;
  return std::min(1.0, (capped + decaying) / dt);
}

}  // namespace models::enterprise
