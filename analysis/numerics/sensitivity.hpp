/// @file
/// @brief Global sensitivity analysis on the unit hypercube: Sobol' indices from a
///        Saltelli design (first order by Saltelli 2010, total order by Jansen 1999) and
///        Morris elementary effects (Morris 1991), with percentile bootstrap intervals.
///
/// The workflow is two-step, so that model runs (simulations) happen wherever the caller
/// runs them: a *_design function returns the points, one row per model run, in
/// [0, 1]^k; the caller maps each row to real parameter values, runs the model, and
/// passes the outputs, one per row and in row order, to the matching estimator.
///
/// Common contracts:
/// - Bad arguments (sizes that do not fit the design, non-finite outputs, a level
///   outside (0, 1)) throw std::invalid_argument with a message naming the function,
///   the argument and the offending value.
/// - Every random draw (Morris trajectories, bootstrap resamples) comes from the
///   project's generator (sim/random.hpp), seeded from a std::uint64_t, in a documented
///   order, with the project's own portable algorithms: the same inputs and seed give
///   the same bits. Every sum is a plain sequential loop in a fixed order.
/// - An index that does not exist for the data (the output variance is zero) is NaN.
/// - No static mutable state.
#pragma once

#include <cstddef>
#include <cstdint>

#include <Eigen/Core>

namespace analysis {

/// @brief How the percentile bootstrap intervals are computed.
///
/// Each resample draws as many units (base rows of a Saltelli design, trajectories of a
/// Morris design) as the data has, uniformly with replacement, and recomputes the
/// estimate from them. The interval at `level` is the pair of type-7 quantiles (as in
/// statistics.hpp) at (1 - level) / 2 and (1 + level) / 2 of the resampled estimates.
/// Resamples in which an estimate does not exist (zero variance) are left out of that
/// estimate's interval; with fewer than two left, or resamples == 0, the bounds are NaN.
///
/// The bootstrap treats the units as independent draws. For Sobol' (quasi-random) base
/// points that is conservative: the estimate's true error is usually smaller than the
/// interval suggests.
struct BootstrapOptions {
  std::size_t resamples = 1000;  ///< 0: no intervals (NaN bounds), nothing drawn
  double level = 0.95;           ///< in (0, 1)
  std::uint64_t seed = 0;
};

// --- Sobol' indices -----------------------------------------------------------------------

/// @brief The Saltelli sampling design for Sobol' indices of `factors` (k) factors from
///        `base_samples` (N) base points: N (k + 2) rows, k columns.
///
/// Two N x k matrices A and B come from N points of the 2k-dimensional Sobol' sequence
/// (sobol_points(N, 2k, skip)): A is the first k coordinates, B the last k. AB_i is A
/// with column i taken from B. Rows are grouped per base row j = 0 .. N-1, k + 2 rows
/// each, so the model runs can be streamed and checkpointed per base row:
///   row j (k + 2)         : A_j
///   row j (k + 2) + 1     : B_j
///   row j (k + 2) + 2 + i : AB_i,j   (i = 0 .. k-1)
/// skip = 1 (the default) leaves out the Sobol' origin, so no coordinate is 0 and every
/// coordinate stays finite through a quantile function (see sobol_points). N need not be
/// a power of two; powers of two balance the points best.
///
/// Throws std::invalid_argument for base_samples < 2, factors == 0, 2k above
/// SobolSequence::max_dimensions (so k <= 128), or more points than the sequence has.
Eigen::MatrixXd saltelli_design(std::size_t base_samples, std::size_t factors,
                                std::uint64_t skip = 1);

/// First- and total-order Sobol' indices with their bootstrap intervals.
struct SobolIndices {
  Eigen::VectorXd first_order;       ///< S_i, per factor
  Eigen::VectorXd first_order_low;   ///< bootstrap interval for S_i
  Eigen::VectorXd first_order_high;
  Eigen::VectorXd total_order;       ///< ST_i, per factor
  Eigen::VectorXd total_order_low;   ///< bootstrap interval for ST_i
  Eigen::VectorXd total_order_high;
  double mean = 0.0;                 ///< mean of f over A and B (2N values)
  double variance = 0.0;             ///< V: variance of f over A and B, divisor 2N
  std::size_t base_samples = 0;      ///< N
};

/// @brief Sobol' indices from the outputs of the model at the rows of
///        saltelli_design(N, factors), in row order (N (factors + 2) values).
///
/// With f_A, f_B and f_ABi the outputs at A_j, B_j and AB_i,j, m the mean and V the
/// variance (divisor 2N) of the 2N values f_A, f_B:
///   S_i  = (1/N) sum_j (f_B - m) (f_ABi - f_A) / V       (Saltelli et al. 2010)
///   ST_i = (1/(2N)) sum_j (f_A - f_ABi)^2 / V           (Jansen 1999)
/// the pair Saltelli et al. ("Variance based sensitivity analysis of model output",
/// Comput. Phys. Commun. 181, 2010) recommend; SALib uses it too, without the centring.
/// Centring f_B on m changes nothing in expectation (f_ABi and f_A have the same
/// distribution), but it makes S_i invariant to adding a constant to f and keeps its
/// variance from growing with m^2 when |m| is large compared to the spread (a cost in
/// the millions that varies by thousands). S_i can come out slightly negative, and
/// S_i > ST_i can happen, through sampling error. V == 0 (f_A and f_B all equal, as for
/// a constant output) gives NaN indices.
///
/// Intervals: `bootstrap.resamples` resamples of the N base rows (each row's k + 2
/// outputs kept together), drawn from sim::Rng::for_stream(bootstrap.seed, 0,
/// sim::stream_id("analysis/sobol_bootstrap")) resample by resample, N draws of
/// sim::uniform_int(rng, N) each; m, V, S_i and ST_i are all recomputed per resample.
/// Cost O(resamples x N x k).
///
/// Throws std::invalid_argument for factors == 0, an output count that is not a
/// multiple of factors + 2 or gives N < 2, a non-finite output (NaN or inf: the caller
/// must decide what a failed run means), or an invalid level.
SobolIndices sobol_indices(const Eigen::Ref<const Eigen::VectorXd>& outputs, std::size_t factors,
                           const BootstrapOptions& bootstrap = {});

// --- Morris elementary effects ------------------------------------------------------------

/// @brief `trajectories` (r) random one-at-a-time trajectories of Morris (1991) for
///        `factors` (k) factors on a `levels`-level grid (p even): r (k + 1) rows.
///
/// The grid is {0, 1/(p-1), ..., 1} and the step delta = p / (2 (p - 1)) (p/2 grid
/// steps), so each factor moves between a level l / (p-1), l in 0 .. p/2 - 1, and
/// (l + p/2) / (p-1): every level is equally likely in every row. Trajectory t occupies
/// rows t (k + 1) .. t (k + 1) + k; its first row is the starting point, and each of
/// the k following rows changes exactly one factor (each factor once, in a random
/// order) by +delta or -delta from the row before. This is Morris's B* = (J x* +
/// (delta/2) ((2B - J) D* + J)) P* with a random base x*, random signs D* and a random
/// order P*.
///
/// Draws, which fix the bits a seed gives: a generator sim::Rng::for_stream(seed, 0,
/// sim::stream_id("analysis/morris_design")); for each trajectory in turn, a uniform
/// permutation of the factors by Fisher-Yates (as latin_hypercube), then for each
/// factor j = 0 .. k-1 its lower level l_j = sim::uniform_int(rng, p/2) and its
/// direction (up when sim::uniform_int(rng, 2) == 0: start at l_j and move to
/// l_j + p/2; otherwise start at l_j + p/2 and move down).
///
/// Throws std::invalid_argument for trajectories == 0, factors == 0, or levels odd or
/// below 2.
Eigen::MatrixXd morris_design(std::size_t trajectories, std::size_t factors, std::size_t levels,
                              std::uint64_t seed);

/// @brief The elementary effects of a Morris design: an r x k matrix, EE(t, i) the
///        effect of factor i in trajectory t.
///
/// EE(t, i) = (y_after - y_before) / (x_after,i - x_before,i) for the step of
/// trajectory t that changes factor i: the effect of a unit change of the factor on
/// the unit scale (divide by the width of the real range for real units), whatever
/// the direction of the step. The steps are read from the design itself, which must
/// be a set of trajectories as morris_design makes them: rows a multiple of k + 1,
/// each step changing exactly one coordinate (the others bit-for-bit equal), each
/// factor once per trajectory. A factor the model does not read has EE exactly 0.
///
/// Throws std::invalid_argument when the design is not such a set of trajectories (the
/// message names the trajectory and step), outputs.size() != design.rows(), or a
/// design entry or output is not finite.
Eigen::MatrixXd elementary_effects(const Eigen::Ref<const Eigen::MatrixXd>& design,
                                   const Eigen::Ref<const Eigen::VectorXd>& outputs);

/// Morris's measures per factor, with Campolongo et al.'s (2007) mu*.
struct MorrisEffects {
  Eigen::VectorXd mu;            ///< mean of the elementary effects
  Eigen::VectorXd mu_star;       ///< mean of their absolute values: the importance ranking
  Eigen::VectorXd sigma;         ///< their sample sd (divisor r - 1): interactions, nonlinearity
  Eigen::VectorXd mu_star_low;   ///< bootstrap interval for mu*
  Eigen::VectorXd mu_star_high;
  std::size_t trajectories = 0;  ///< r
};

/// @brief mu, mu* and sigma from the outputs of the model at the rows of a Morris
///        design (see elementary_effects for the requirements), with bootstrap intervals
///        for mu* from resampling whole trajectories.
///
/// sigma is NaN with a single trajectory. Resamples are drawn from
/// sim::Rng::for_stream(bootstrap.seed, 0, sim::stream_id("analysis/morris_bootstrap")),
/// resample by resample, r draws of sim::uniform_int(rng, r) each.
///
/// Throws std::invalid_argument as elementary_effects does, and for an invalid level.
MorrisEffects morris_effects(const Eigen::Ref<const Eigen::MatrixXd>& design,
                             const Eigen::Ref<const Eigen::VectorXd>& outputs,
                             const BootstrapOptions& bootstrap = {});

}  // namespace analysis
