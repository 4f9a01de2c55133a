/// @file
/// @brief The dynamics every slow stock shares (MODEL.md section 5): saturating growth
///        (platform and governance maturity) and spillover along the org graph (trust,
///        data debt). Pure functions: no simulation state, no random numbers. Each
///        stock's own rules are in its file: trust.hpp, data_debt.hpp, platform.hpp,
///        governance.hpp; adoption is in adoption.hpp.
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

}  // namespace models::enterprise
