// Runs every validation case of analysis/validation/cases.hpp (docking against closed
// forms, and the published patterns) with the replications the test budget allows, and
// checks that docs/validation.md is the table of the current case list.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/validation/cases.hpp"
#include "support/files.hpp"

namespace validation = analysis::validation;

namespace {

validation::Settings test_settings() {
  validation::Settings s;
  s.scenarios = std::string(AISCALE_SOURCE_DIR) + "/scenarios";
  s.seed = 1;
  return s;
}

/// One shared runner, so that cases reading the same runs (Little's law per stage, the
/// M/M/c wait and utilisation) simulate them once.
validation::Runner& runner() {
  static validation::Runner r(test_settings());
  return r;
}

const validation::Case& find_case(const std::string& id) {
  const auto& all = validation::cases();
  const auto it = std::find_if(all.begin(), all.end(), [&](const auto& c) { return c.id == id; });
  REQUIRE(it != all.end());
  return *it;
}

/// The case passes with `replications` replications (0: the report's own number).
void check_case(const std::string& id, std::uint64_t replications) {
  const validation::Case& c = find_case(id);
  const validation::Outcome o = c.run(runner(), replications == 0 ? c.replications : replications);
  INFO(c.id << ": " << c.what);
  INFO("expected " << o.expected);
  INFO("simulated " << o.simulated);
  CHECK(o.pass);
}

// The cases with the replications used here (fewer than the report where the CI allows).
struct Planned {
  const char* id;
  std::uint64_t replications;
};
constexpr Planned kPlanned[] = {
#define AISCALE_VALIDATION_CASES \
  X("mmc-wait-c1-rho50", 60) X("mmc-utilisation-c1-rho50", 60) X("mmc-wait-c2-rho70", 60) \
  X("mmc-utilisation-c2-rho70", 60) X("mmc-wait-c3-rho90", 60) X("mmc-utilisation-c3-rho90", 60) \
  X("mmc-wait-c5-rho90", 60) X("mmc-utilisation-c5-rho90", 60) X("pooling-separate-c3-rho70", 60) \
  X("pooling-separate-c5-rho90", 60) X("little-data_prep", 10) X("little-modeling", 10) X("little-pilot", 10) \
  X("little-purgatory", 10) X("little-governance_review", 10) X("little-deployment", 10) \
  X("little-production", 10) X("bass", 1) X("drift-decay", 5) X("drift-default", 100) X("attrition-tenure", 10) \
  X("experience-exponent", 10) X("ad-hoc-pilot-to-production", 200) X("mature-pilot-to-production", 200) \
  X("idea-to-production-months", 200) X("purgatory-pilots", 200) X("purgatory-production", 200) \
  X("data-prep-share-ad-hoc", 200) X("data-prep-share-default", 200) X("engineers-over-scientists", 200) \
  X("platform-deployment-time", 200) X("change-management-adoption", 200) X("change-management-value", 200) \
  X("break-even-years-2-4", 200) X("break-even-year-1", 200) X("best-practice-roi-36", 200) \
  X("survival-by-maturity", 200)
#define X(id, n) Planned{id, n},
    AISCALE_VALIDATION_CASES
#undef X
};

using aiscale_test::read_file;

}  // namespace

#define X(id, n) \
  TEST_CASE("validation case " id, "[validation]") { check_case(id, n); }
AISCALE_VALIDATION_CASES
#undef X

TEST_CASE("every validation case is run by a test", "[validation]") {
  std::vector<std::string> planned;
  for (const Planned& p : kPlanned) planned.emplace_back(p.id);
  std::vector<std::string> ids;
  for (const auto& c : validation::cases()) ids.push_back(c.id);
  CHECK(planned == ids);
}

TEST_CASE("docs/validation.md is the table of the current cases", "[validation]") {
  const std::string doc = read_file(std::string(AISCALE_SOURCE_DIR) + "/docs/validation.md");
  REQUIRE_FALSE(doc.empty());
  std::vector<std::string> listed;
  const std::regex row(R"(\n\| `([a-z0-9_-]+)` \|)");
  for (std::sregex_iterator it(doc.begin(), doc.end(), row), end; it != end; ++it) listed.push_back((*it)[1]);
  std::vector<std::string> ids;
  for (const auto& c : validation::cases()) ids.push_back(c.id);
  INFO("regenerate docs/validation.md: see its first lines");
  CHECK(listed == ids);
}
