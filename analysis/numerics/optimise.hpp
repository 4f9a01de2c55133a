/// @file
/// @brief A bounded Nelder-Mead minimiser on the unit hypercube [0, 1]^k.
///
/// Derivative-free, so it suits objectives that are a model's output (a mean over
/// replications under common random numbers, which is then a deterministic function
/// of the parameters). Mapping [0, 1]^k to real parameter ranges is the caller's job,
/// as for the designs.
///
/// Common contracts:
/// - Deterministic: no randomness; the same objective, start and options give the same
///   sequence of evaluations and the same bits.
/// - The objective is only ever called at points inside [0, 1]^k, and at most
///   max_evaluations times.
/// - Bad arguments throw std::invalid_argument with a message naming the argument and
///   the offending value; exceptions thrown by the objective propagate unchanged.
/// - No static mutable state.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include <Eigen/Core>

namespace analysis {

/// The function minimised: a point of [0, 1]^k to a value. A NaN value counts as +inf
/// (worse than any number), so the search moves away from points where the model
/// fails; +inf and -inf are values like any other.
using Objective = std::function<double(const Eigen::VectorXd&)>;

/// Tuning of nelder_mead.
struct NelderMeadOptions {
  /// Edge of the initial simplex, in (0, 0.5]: vertex i is the start moved by this
  /// much along coordinate i, upwards, or downwards where upwards would leave the box
  /// (the bound keeps the move inside: the start is in [0, 1] and step <= 0.5).
  double initial_step = 0.1;
  /// Most objective calls, at least k + 1 (the initial simplex).
  std::size_t max_evaluations = 2000;
  /// Convergence needs both: the spread of f over the simplex (worst - best) at most
  /// f_tolerance, and every vertex within x_tolerance of the best in every coordinate
  /// (simplex size, in the max norm). Both >= 0 and finite.
  double f_tolerance = 1e-10;
  double x_tolerance = 1e-8;
  /// When the simplex converges, build a fresh one (of initial_step) at the best point
  /// and search again; convergence is declared only when such a restart ends within
  /// f_tolerance of the value it started from. Nelder-Mead can collapse its simplex
  /// and stall away from any minimum (McKinnon, SIAM J. Optim. 9, 1998), and
  /// reflections at the bounds make that likelier; a restart from the best point (in
  /// an oriented form, Kelley, SIAM J. Optim. 10, 1999) gets it moving again. Costs
  /// the evaluations of at least one more, usually short, search.
  bool confirm_by_restart = true;
};

/// Why nelder_mead stopped.
enum class StopReason {
  converged,        ///< the tolerances were met (and confirmed by a restart, if asked)
  max_evaluations,  ///< the evaluation budget ran out first
};

/// "converged" or "max_evaluations".
const char* to_string(StopReason reason) noexcept;

/// What nelder_mead returns.
struct OptimiseResult {
  Eigen::VectorXd x;            ///< the best point evaluated (the first of equal bests)
  double f = 0.0;               ///< the objective there (NaN only if every value was NaN)
  std::size_t evaluations = 0;  ///< objective calls
  std::size_t iterations = 0;   ///< Nelder-Mead steps (reflections and what follows them)
  std::size_t restarts = 0;     ///< fresh simplices built after a convergence
  bool converged = false;       ///< reason == StopReason::converged
  StopReason reason = StopReason::max_evaluations;
  std::string message;          ///< the reason in words, with the final spread and size
};

/// @brief Minimises `objective` over [0, 1]^k from `start` (k = start.size() >= 1,
///        every coordinate in [0, 1]) by the Nelder-Mead simplex method (Nelder & Mead
///        1965, in the form of Lagarias et al., SIAM J. Optim. 9, 1998).
///
/// Coefficients: reflection 1, expansion 1 + 2/k, contraction 0.75 - 1/(2k), shrink
/// 1 - 1/k, the adaptive values of Gao & Han (Comput. Optim. Appl. 51, 2012), which
/// keep the method effective beyond a few dimensions; for k = 2 they are the classic 1,
/// 2, 0.5, 0.5, and k = 1 uses the classic ones (the adaptive shrink would be 0).
///
/// Bounds by reflection: a reflected, expanded or contracted point that leaves the box
/// is reflected back into it at the faces it crossed, coordinate by coordinate (x < 0
/// becomes -x, x > 1 becomes 2 - x, repeated for points beyond one width). Inside
/// contractions and shrinks are convex combinations of vertices, inside the box but
/// for rounding, which the same reflection corrects. Reflection rather than clamping:
/// clamped points pile up on a face, and once every vertex is on it the simplex is
/// flat there and can never leave it, even when the minimum is inside (for
/// (x_0 - 0.95)^2 + 10 (x_1 - 0.5)^2, from the 121 starts of an 11 x 11 grid with
/// initial_step 0.5, clamping ended on the face x_0 = 1 from 49, restarts or not;
/// reflection reached the minimum from all 121 with the restart, from 115 without). The
/// price: a minimum on a bound is approached from inside, to within about x_tolerance,
/// rather than landed on exactly, and takes more evaluations.
///
/// Each iteration orders the vertices by f (stable: ties keep their order), tests
/// convergence, then tries one reflection and, depending on its value, an expansion,
/// an outside or inside contraction, or a shrink, as in Lagarias et al.
///
/// Throws std::invalid_argument for an empty objective, an empty start or one outside
/// [0, 1]^k (or NaN), initial_step outside (0, 0.5], max_evaluations < k + 1, or a
/// negative or non-finite tolerance.
OptimiseResult nelder_mead(const Objective& objective, const Eigen::VectorXd& start,
                           const NelderMeadOptions& options = {});

}  // namespace analysis
