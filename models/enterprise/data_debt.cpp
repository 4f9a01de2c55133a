// Data debt (MODEL.md section 5): added by each pipeline built, paid down by data
// engineers, spreading along shared-data edges.
#include "models/enterprise/data_debt.hpp"

#include <algorithm>
#include <vector>

#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/stocks.hpp"
#include "models/enterprise/structure.hpp"

namespace models::enterprise {

double debt_added(const DataDebt& data_debt, double standardisation) {
  return data_debt.per_pipeline * (1.0 - standardisation) * (1.0 - data_debt.data_governance);
}

double debt_after_paydown(double debt, double engineer_months, const DataDebt& data_debt) {
  return std::max(0.0, debt - engineer_months * data_debt.paydown_per_engineer_month);
}

double paydown_engineer_months(int own_engineers, double central_engineer_months, double debt, double total_debt,
                               double paydown_share) {
  double months = own_engineers * paydown_share;
  if (total_debt > 0.0) months += central_engineer_months * debt / total_debt;
  return months;
}

// Paydown, then spread along shared-data edges (the edge list is built once, in the
// constructor). Changes: units_' data debt.
void Enterprise::update_data_debt() {
  const std::size_t n = units_.size();
  if (s_.switches.data_debt) {
    // Paydown: each BU's data engineers (or the central ones, shared by debt) spend
    // paydown_share of their month on it.
    const double central_de = teams_[kCentral].pool(Role::data_engineer).headcount * s_.data_debt.paydown_share;
    double total_debt = 0.0;
    for (const auto& u : units_) total_debt += u.data_debt;
    for (std::size_t b = 0; b < n; ++b) {
      const double engineer_months =
          paydown_engineer_months(teams_[1 + b].pool(Role::data_engineer).headcount, central_de, units_[b].data_debt,
                                  total_debt, s_.data_debt.paydown_share);
      units_[b].data_debt = debt_after_paydown(units_[b].data_debt, engineer_months, s_.data_debt);
    }
    std::vector<double> debt(n);
    for (std::size_t b = 0; b < n; ++b) debt[b] = units_[b].data_debt;
    diffuse(debt, data_edges_.offsets, data_edges_.targets, data_edges_.weights, s_.data_debt.spillover_rate, 1.0);
    for (std::size_t b = 0; b < n; ++b) units_[b].data_debt = std::max(0.0, debt[b]);
  }
}

}  // namespace models::enterprise
