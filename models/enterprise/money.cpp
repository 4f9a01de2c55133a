#include "models/enterprise/money.hpp"

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

}  // namespace models::enterprise
