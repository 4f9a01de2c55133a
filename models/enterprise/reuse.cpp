// Horizontal reuse (MODEL.md section 3): production models adapted by neighbouring units.
#include "models/enterprise/reuse.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "models/enterprise/enterprise.hpp"
#include "sim/distributions.hpp"

namespace models::enterprise {

double reuse_probability(double reuse_rate, double weight, double standardisation) {
  return 1.0 - std::exp(-reuse_rate * weight * standardisation);
}

// Horizontal reuse: a production model in BU b is adapted to neighbour c with
// probability 1 - exp(-rate x w x s) per month, once per neighbour.
void Enterprise::horizontal_reuse() {
  if (!s_.switches.reuse) return;
  const double s = s_.policy(structure_).standardisation;
  const std::vector<std::uint32_t> models = in_production_;
  for (const std::uint32_t uc : models) {
    if (use_cases_[uc].is_copy) continue;
    for (const Neighbour& nb : neighbours_.of(use_cases_[uc].unit)) {
      const auto& reused = use_cases_[uc].reused_by;
      if (std::find(reused.begin(), reused.end(), nb.unit) != reused.end()) continue;
      const double p = reuse_probability(s_.lifecycle.reuse_rate, nb.weight, s);
      if (!sim::bernoulli(reuse_, p)) continue;
      use_cases_[uc].reused_by.push_back(nb.unit);
      // Copies draw from the reuse stream, so reuse never shifts the BU's own ideas.
      const std::uint32_t copy = create_use_case(nb.unit, true, uc, reuse_);
      emit({.kind = TraceEvent::Kind::reuse, .unit = nb.unit, .use_case = copy, .source = uc,
            .source_unit = use_cases_[uc].unit});
      start_work(copy);
    }
  }
}

}  // namespace models::enterprise
