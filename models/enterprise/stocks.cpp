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

double trust_gain(double trust, double alpha_plus) { return trust + alpha_plus * (1.0 - trust); }

double trust_loss(double trust, double alpha_minus) { return trust - alpha_minus * trust; }

double debt_added(const DataDebt& data_debt, double standardisation) {
  return data_debt.per_pipeline * (1.0 - standardisation) * (1.0 - data_debt.data_governance);
}

double debt_after_paydown(double debt, double engineer_months, const DataDebt& data_debt) {
  return std::max(0.0, debt - engineer_months * data_debt.paydown_per_engineer_month);
}

double incident_rate(const Governance& governance, double maturity) {
  return governance.incident_rate * (1.0 - maturity);
}

}  // namespace models::enterprise
