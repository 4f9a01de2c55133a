// Platform maturity (MODEL.md section 5): P in [0, 1] grows toward 1 at
// platform.build_rate x MLOps engineers (saturating_growth in stocks.hpp): one shared
// platform, or one per BU when the structure does not share it. P speeds deployment
// (lifecycle.hpp), raises readiness (pilot_decision.hpp) and monitoring (production.hpp)
// and costs platform.infrastructure_per_month (money.cpp).
#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/stocks.hpp"
#include "models/enterprise/structure.hpp"

namespace models::enterprise {

double Enterprise::platform_for(std::uint32_t unit) const {
  return s_.policy(structure_).shared_platform ? platform_ : units_[unit].platform;
}

// One shared platform built by the central MLOps engineers, or one per BU built by its
// own (duplication: each grows slower); start_platform's builders add to either.
// Changes: platform_ or units_' platforms.
void Enterprise::update_platform() {
  const std::size_t n = units_.size();
  const auto& policy = s_.policy(structure_);
  if (policy.shared_platform) {
    const double people = teams_[kCentral].pool(Role::mlops_engineer).headcount + platform_people_extra_;
    platform_ = saturating_growth(platform_, s_.platform.build_rate * people, 1.0);
  } else {
    for (std::size_t b = 0; b < n; ++b) {
      const double people = teams_[1 + b].pool(Role::mlops_engineer).headcount +
                            platform_people_extra_ / static_cast<double>(n);
      units_[b].platform = saturating_growth(units_[b].platform, s_.platform.build_rate * people, 1.0);
    }
  }
}

}  // namespace models::enterprise
