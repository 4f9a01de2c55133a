#include "models/enterprise/stocks.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <vector>

namespace models::enterprise {

double saturating_growth(double level, double rate, double dt) {
  if (!(rate > 0.0) || !(dt > 0.0)) return level;
  return level + (1.0 - level) * -std::expm1(-rate * dt);
}

void diffuse(std::span<double> values, std::span<const std::uint32_t> offsets,
             std::span<const std::uint32_t> targets, std::span<const double> weights,
             double rate, double dt) {
  assert(offsets.size() == values.size() + 1);
  assert(targets.size() == weights.size());
  assert(offsets.empty() || offsets.back() == targets.size());
  const double h = rate * dt;
  if (values.empty() || h == 0.0) return;
  std::vector<double> change(values.size(), 0.0);
  for (std::size_t b = 0; b < values.size(); ++b) {
    double flow = 0.0;
    for (std::size_t k = offsets[b]; k < offsets[b + 1]; ++k) {
      assert(targets[k] < values.size());
      flow += weights[k] * (values[targets[k]] - values[b]);
    }
    change[b] = h * flow;
  }
  for (std::size_t b = 0; b < values.size(); ++b) values[b] += change[b];
}

}  // namespace models::enterprise
