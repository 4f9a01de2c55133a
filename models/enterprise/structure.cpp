// Org structure and teams (MODEL.md section 2): which team people sit in, whose backlog
// an idea joins, which team serves a phase, which platform serves a BU.
#include "models/enterprise/structure.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "models/enterprise/enterprise.hpp"

namespace models::enterprise {

std::vector<int> split_by_weight(int total, std::span<const double> weights) {
  const double weight_sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  std::vector<int> out(weights.size(), 0);
  if (weight_sum <= 0.0) return out;
  std::vector<std::pair<double, std::size_t>> remainders;
  int placed = 0;
  for (std::size_t b = 0; b < weights.size(); ++b) {
    const double share = total * weights[b] / weight_sum;
    out[b] = static_cast<int>(std::floor(share));
    placed += out[b];
    remainders.emplace_back(share - std::floor(share), b);
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& c) { return a.first > c.first; });
  for (std::size_t k = 0; placed < total; ++k, ++placed) ++out[remainders[k].second];
  return out;
}

std::uint32_t Enterprise::home_team_of(std::uint32_t unit) const {
  return s_.policy(structure_).shared_backlog ? kCentral : 1 + unit;
}

std::uint32_t Enterprise::serving_team(std::uint32_t unit, Role role) const {
  return s_.policy(structure_).central[role] ? kCentral : 1 + unit;
}

// Splits each role's targets (and people) between the central team and the BU teams as
// the structure says: central roles all in the centre; embedded roles over the BUs in
// proportion to their users, i.e. teams sized by BU (largest remainder, ties to the lower
// index). Free
// people move at once; busy people move when they finish (Pool::moving).
void Enterprise::allocate_people(Structure structure) {
  structure_ = structure;
  const auto& policy = s_.policy(structure);
  const std::size_t n = units_.size();
  std::vector<double> weight(n);
  for (std::size_t b = 0; b < n; ++b) weight[b] = s_.business_units[b].users;
  const double weight_sum = std::accumulate(weight.begin(), weight.end(), 0.0);

  for (const Role r : kRoles) {
    int total_target = 0;
    for (auto& t : teams_) total_target += t.pool(r).target;
    std::vector<int> target(teams_.size(), 0);
    if (policy.central[r] || weight_sum <= 0.0) {
      target[kCentral] = total_target;
    } else {
      const std::vector<int> shares = split_by_weight(total_target, weight);
      for (std::size_t b = 0; b < n; ++b) target[1 + b] = shares[b];
    }
    // Move people toward the new targets: first record every surplus, then fill deficits.
    int movers = 0;
    for (std::size_t t = 0; t < teams_.size(); ++t) {
      Pool& p = teams_[t].pool(r);
      p.target = target[t];
      const int surplus = p.headcount - p.moving - p.leaving - p.target;
      if (surplus > 0) {
        const int free_movers = std::min(surplus, p.free());
        p.headcount -= free_movers;
        statistics_.add_headcount(r, -free_movers);
        movers += free_movers;
        p.moving += surplus - free_movers;  // busy: move on release
      }
    }
    for (std::size_t t = 0; t < teams_.size() && movers > 0; ++t) {
      Pool& p = teams_[t].pool(r);
      const int deficit = p.target - (p.headcount - p.moving - p.leaving + p.open_requisitions);
      const int moved = std::min(deficit, movers);
      if (moved > 0) {
        p.headcount += moved;
        statistics_.add_headcount(r, moved);
        movers -= moved;
      }
    }
    // Free people no team needs any more (a cut) leave the company.
  }
}

}  // namespace models::enterprise
