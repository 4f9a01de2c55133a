/// @file
/// @brief The closed forms the simulator is docked against (MODEL.md section 10), written
///        from the textbook formulas, independently of the model's own code, so that a
///        docking case compares two separate derivations.
#pragma once

namespace analysis::validation {

/// Erlang's C formula: the probability that an arrival to an M/M/c queue waits, with
/// offered load a = lambda / mu (in erlangs) and c servers; requires a < c. Computed
/// from the Erlang B recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), which is
/// stable for any c: C = B / (1 - (a / c)(1 - B)).
double erlang_c(int c, double a);

/// Mean wait in queue of an M/M/c queue: C(c, a) / (c mu - lambda). Requires
/// lambda < c mu.
double mmc_mean_wait(double lambda, double mu, int c);

/// Server utilisation of an M/M/c queue: lambda / (c mu).
double mmc_utilisation(double lambda, double mu, int c);

/// The Bass cumulative adoption F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}),
/// for p > 0.
double bass_fraction(double p, double q, double t);

/// Exponential relaxation toward a floor: a_min + (a0 - a_min) e^{-lambda t}.
double exponential_decay(double a0, double a_min, double lambda, double t);

}  // namespace analysis::validation
