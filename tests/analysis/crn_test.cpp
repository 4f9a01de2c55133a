// Common random numbers: replication r of every scenario draws from the same (seed, r)
// streams, so a paired difference between two scenarios is far more precise than the
// same difference between independent runs.
#include <catch2/catch.hpp>

#include <string>

#include "analysis/statistics.hpp"
#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/scenario_io.hpp"

using namespace models::enterprise;

TEST_CASE("common random numbers narrow the CI of a difference", "[experiment][crn]") {
  const std::string dir = std::string(AISCALE_SOURCE_DIR) + "/scenarios/";
  const Scenario base = load_scenario(dir + "default.json");
  Scenario more_cm = base;  // a what-if: double change management
  more_cm.name = "more-change-management";
  more_cm.money.change_management_per_month *= 2.0;

  analysis::PairedDifference crn(analysis::Direction::higher_is_better);
  analysis::PairedDifference independent(analysis::Direction::higher_is_better);
  for (std::uint64_t rep = 0; rep < 60; ++rep) {
    const double baseline = simulate(base, 1, rep).get(Summary::npv_final);
    crn.add(baseline, simulate(more_cm, 1, rep).get(Summary::npv_final));
    independent.add(baseline, simulate(more_cm, 2, rep).get(Summary::npv_final));
  }
  const auto paired = crn.summary();
  const auto unpaired = independent.summary();
  const double crn_width = paired.ci_high - paired.ci_low;
  const double independent_width = unpaired.ci_high - unpaired.ci_low;
  INFO("CRN CI width " << crn_width << ", independent " << independent_width);
  CHECK(crn_width < 0.5 * independent_width);
  CHECK(paired.mean_difference > 0.0);  // more change management: more adoption, more value
}
