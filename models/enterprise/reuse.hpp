/// @file
/// @brief Horizontal reuse (MODEL.md section 3): each month, a production model (not
///        itself a copy) of BU b is adapted to each neighbour c it has not reached yet
///        with probability 1 - exp(-rate x w_bc x s), s the structure's standardisation.
///        A copy starts work at once with lifecycle.reuse_effort_share of the data prep
///        and modelling effort, its value scaled to c. The rule
///        (Enterprise::horizontal_reuse) is in reuse.cpp.
#pragma once

namespace models::enterprise {

/// The monthly probability that a model is reused along an edge of weight `weight`:
/// 1 - exp(-reuse_rate x weight x standardisation).
double reuse_probability(double reuse_rate, double weight, double standardisation);

}  // namespace models::enterprise
