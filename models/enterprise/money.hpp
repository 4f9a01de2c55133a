/// @file
/// @brief The money ledger of one replication (MODEL.md section 6): cumulative cost and
///        value, ROI, NPV and the break-even month, fed once per month in order.
///        No simulation state beyond the sums, no random numbers.
#pragma once

#include <optional>

namespace models::enterprise {

/// The monthly discount rate equivalent to `per_year`: (1 + per_year)^(1/12) - 1, so that
/// twelve months compound to exactly one year: (1 + r_month)^12 == 1 + per_year.
/// (Evaluated as expm1(log1p(per_year) / 12) for precision.) Requires per_year > -1.
double monthly_discount_rate(double per_year);

/// Accumulates a replication's money month by month (section 6).
///
/// Month m = 1, 2, ... is recorded at its end: its net flow (value_m - cost_m) is
/// discounted by (1 + r_month)^m, r_month = monthly_discount_rate(discount rate per
/// year). Cost is everything the month spent (people, infrastructure, platform, change
/// management, incidents); value the sum of model values that month.
class Ledger {
 public:
  /// Requires discount_rate_per_year > -1 (0 means no discounting).
  explicit Ledger(double discount_rate_per_year);

  /// Records the next month (the first call is month 1).
  void record_month(double cost, double value);

  double cumulative_cost() const { return cumulative_cost_; }
  double cumulative_value() const { return cumulative_value_; }

  /// (cumV - cumC) / cumC; 0 when nothing has been spent yet (cumC == 0), rather than a
  /// division by zero.
  double roi() const;

  /// sum over recorded months m of (value_m - cost_m) / (1 + r_month)^m. With a zero
  /// discount rate it equals cumulative_value() - cumulative_cost().
  double npv() const { return npv_; }

  /// The first month m at whose end cumV >= cumC with cumC > 0, or none yet. First
  /// crossing: once set it never changes, even if the cumulative value later falls back
  /// below the cumulative cost. Months of no cost at all do not count as break-even.
  std::optional<int> break_even_month() const { return break_even_month_; }

  /// The number of months recorded.
  int months() const { return months_; }

 private:
  double log_growth_per_month_;  // log(1 + r_month) = log1p(r_year) / 12
  double cumulative_cost_ = 0.0;
  double cumulative_value_ = 0.0;
  double npv_ = 0.0;
  int months_ = 0;
  std::optional<int> break_even_month_;
};

}  // namespace models::enterprise
