// Trust (MODEL.md section 5): gained by each model that works, lost to incidents and to
// drift that users notice, spilling over to neighbouring units along the org graph.
#include "models/enterprise/trust.hpp"

#include <algorithm>
#include <vector>

#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/stocks.hpp"

namespace models::enterprise {

double trust_gain(double trust, double alpha_plus) { return trust + alpha_plus * (1.0 - trust); }

double trust_loss(double trust, double alpha_minus) { return trust - alpha_minus * trust; }

// Trust relaxes toward neighbours along every edge (the edge list is built once, in the
// constructor). Changes: units_' trust.
void Enterprise::update_trust() {
  const std::size_t n = units_.size();
  if (s_.switches.trust) {
    std::vector<double> trust(n);
    for (std::size_t b = 0; b < n; ++b) trust[b] = units_[b].trust;
    diffuse(trust, all_edges_.offsets, all_edges_.targets, all_edges_.weights, s_.trust.spillover_rate, 1.0);
    for (std::size_t b = 0; b < n; ++b) units_[b].trust = std::clamp(trust[b], 0.0, 1.0);
  }
}

}  // namespace models::enterprise
