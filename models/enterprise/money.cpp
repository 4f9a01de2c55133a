#include "models/enterprise/money.hpp"

#include "models/enterprise/enterprise.hpp"

#include <cmath>

namespace models::enterprise {

double monthly_discount_rate(double per_year) { return std::expm1(std::log1p(per_year) / 12.0); }

Ledger::Ledger(double discount_rate_per_year)
    : log_growth_per_month_(std::log1p(discount_rate_per_year) / 12.0) {}

void Ledger::record_month(double cost, double value) {
  ++months_;
  cumulative_cost_ += cost;
  cumulative_value_ += value;
  // (1 + r_month)^-m computed afresh each month: no drift from repeated multiplication.
  const double discount = std::exp(-log_growth_per_month_ * static_cast<double>(months_));
  npv_ += (value - cost) * discount;
  if (!break_even_month_ && cumulative_cost_ > 0.0 && cumulative_value_ >= cumulative_cost_) {
    break_even_month_ = months_;
  }
}

double Ledger::roi() const {
  if (cumulative_cost_ == 0.0) return 0.0;
  return (cumulative_value_ - cumulative_cost_) / cumulative_cost_;
}

// People, change management, start_platform's builders, model infrastructure and the
// platforms in use, plus the month's incident cost.
double Enterprise::monthly_cost(double incident_cost) const {
  double cost = incident_cost + change_management_;
  for (const auto& t : teams_) {
    for (const Role r : kRoles) cost += t.pool(r).headcount * s_.workforce.monthly_cost[r];
  }
  // The extra platform builders of start_platform are MLOps engineers outside the teams'
  // pools (they build the platform and do no lifecycle work): paid like one.
  cost += platform_people_extra_ * s_.workforce.monthly_cost[Role::mlops_engineer];
  cost += static_cast<double>(in_production_.size()) * s_.production.infrastructure_per_model;
  if (s_.policy(structure_).shared_platform) {
    cost += s_.platform.infrastructure_per_month * platform_;
  } else {
    for (const auto& u : units_) cost += s_.platform.infrastructure_per_month * u.platform;  // one per BU
  }
  return cost;
}

}  // namespace models::enterprise
