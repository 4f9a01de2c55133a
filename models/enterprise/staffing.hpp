/// @file
/// @brief Staffing (MODEL.md section 3): which pool of people serves a phase. Each team
///        has one pool per role; a person is a server, busy with one phase at a time,
///        and each pool has a FIFO queue. The rules that seize and release people and
///        serve the queues (Enterprise::request_person, seize, release, serve_queue) are
///        in staffing.cpp.
#pragma once

#include <cstdint>
#include <span>

#include "models/enterprise/params.hpp"
#include "models/enterprise/state.hpp"

namespace models::enterprise {

/// Roles that stand in when a team has nobody of `role`, in order of preference: the
/// closest skills first (a data scientist's work goes to an ML engineer, then a data
/// engineer; governance work to a product manager). A fixed part of the model's
/// structure rather than a parameter: it encodes which skills overlap, which no
/// scenario of ours varies. A stand-in works at workforce.substitution_penalty.
std::span<const Role> substitutes_for(Role role);

/// The pool a phase of `role` served by team `team` asks, and whether its person works
/// at the substitution penalty.
struct PoolChoice {
  std::uint32_t pool;  ///< pool_id(team, role) of the chosen pool
  bool stand_in;       ///< a stand-in role or a borrowed person: works at the penalty
};

/// The choice, in order of preference: the role in `team` if anyone stays there (headcount
/// less leavers and movers) or one is being hired; else the role, then a stand-in
/// (substitutes_for), in `team`, then in the central team; else the largest pool of the
/// role in any team (borrowed). If nobody anywhere can do the work, the role in `team`
/// (it waits for a hire), not a stand-in. Reads only `teams`.
PoolChoice choose_pool(std::span<const Team> teams, std::uint32_t team, Role role);

}  // namespace models::enterprise
