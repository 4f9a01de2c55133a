/// @file
/// @brief Org structure and teams (MODEL.md section 2). Team 0 is the central team, team
///        1 + b is BU b's embedded team; each team has one pool of people per role. The
///        structure's policy (Scenario::policy) says which roles sit in the centre, whether
///        the backlog and the platform are shared. The rules (Enterprise::allocate_people,
///        home_team_of, serving_team, platform_for) are in structure.cpp.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "models/enterprise/params.hpp"

namespace models::enterprise {

inline constexpr std::uint32_t kCentral = 0;  ///< the central team's index

/// The index of team `team`'s pool of `role`: team * kRoleCount + role.
constexpr std::uint32_t pool_id(std::uint32_t team, Role role) {
  return team * static_cast<std::uint32_t>(kRoleCount) + static_cast<std::uint32_t>(role);
}
/// The team of pool `pool`.
constexpr std::uint32_t team_of_pool(std::uint32_t pool) { return pool / static_cast<std::uint32_t>(kRoleCount); }
/// The role of pool `pool`.
constexpr Role role_of_pool(std::uint32_t pool) { return static_cast<Role>(pool % kRoleCount); }

/// Splits `total` people over units in proportion to `weights` (BU users): each gets the
/// floor of its share, then the people left over go one each to the largest remainders
/// (ties to the lower index). The result sums to `total`; all zeros if the weights sum
/// to 0 or less.
std::vector<int> split_by_weight(int total, std::span<const double> weights);

}  // namespace models::enterprise
