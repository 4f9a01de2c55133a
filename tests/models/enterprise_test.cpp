// Tests models/enterprise/enterprise.hpp: the rules of the event-driven model, each on a
// small hand-built case derived from the default enterprise.
#include "models/enterprise/enterprise.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <string>

#include "models/enterprise/scenario_io.hpp"

using namespace models::enterprise;

namespace {

Scenario default_scenario() {
  return load_scenario(std::string(AISCALE_SOURCE_DIR) + "/scenarios/default.json");
}

// A quiet enterprise: no randomness in efforts, no learning, debt, drift, attrition,
// incidents or reuse, so a rule's effect can be read off exactly.
Scenario quiet_scenario() {
  Scenario s = default_scenario();
  for (Effort* e : {&s.lifecycle.data_prep, &s.lifecycle.modeling, &s.lifecycle.pilot, &s.lifecycle.deployment,
                    &s.lifecycle.governance_review, &s.lifecycle.retraining}) {
    e->distribution = EffortDistribution::deterministic;
  }
  s.switches = Switches{false, false, false, false, false, false, false};
  for (auto& p : s.policies) p.coordination_delay_months = 0.0;
  return s;
}

// Bitwise equality of two runs' monthly series (NaN marks "no value" and must match too).
bool same_months(const RunResult& a, const RunResult& b) {
  return a.months.size() == b.months.size() &&
         std::memcmp(a.months.data(), b.months.data(), a.months.size() * sizeof(a.months[0])) == 0;
}

int people(const Enterprise& e, Role r) {
  int n = 0;
  for (const auto& t : e.teams()) n += t.pool(r).headcount;
  return n;
}

// The first use case that started data prep, and its data-prep service time.
double first_data_prep(const Scenario& s, std::uint64_t seed) {
  Enterprise e(s, seed, 0);
  e.advance_to(s.horizon_months);
  for (const auto& u : e.use_cases()) {
    const double t = u.service[static_cast<std::size_t>(Phase::data_prep)];
    if (t > 0.0) return t;
  }
  FAIL("no use case reached data prep");
  return 0.0;
}

}  // namespace

TEST_CASE("a run is a pure function of scenario and seed", "[enterprise]") {
  const Scenario s = default_scenario();
  const RunResult a = simulate(s, 42, 3);
  const RunResult b = simulate(s, 42, 3);
  const RunResult c = simulate(s, 42, 4);
  REQUIRE(a.months.size() == static_cast<std::size_t>(s.horizon_months));
  CHECK(same_months(a, b));
  CHECK(std::memcmp(a.summary.data(), b.summary.data(), sizeof(a.summary)) == 0);
  CHECK(a.events == b.events);
  CHECK_FALSE(same_months(a, c));
}

TEST_CASE("the default enterprise produces pilots and production models", "[enterprise]") {
  const RunResult r = simulate(default_scenario(), 7, 0);
  CHECK(r.get(Summary::pilots_completed) > 10);
  CHECK(r.get(Summary::reached_production) > 0);
  CHECK(r.get(Summary::pilot_to_production) > 0.0);
  CHECK(r.get(Summary::pilot_to_production) <= 1.0);
  CHECK(r.get(Summary::data_prep_effort_share) > 0.0);
  CHECK(r.get(Summary::data_prep_effort_share) < 1.0);
  CHECK(r.events > 100);
}

TEST_CASE("with no data engineers a stand-in does data prep 1/penalty slower", "[enterprise][workforce]") {
  Scenario with = quiet_scenario();
  with.structure = Structure::coe;  // one central pool: the first job meets free people
  Scenario without = with;
  without.workforce.headcount[Role::data_engineer] = 0;
  const double own = first_data_prep(with, 5);
  const double stand_in = first_data_prep(without, 5);
  CHECK(stand_in == Approx(own / with.workforce.substitution_penalty).epsilon(1e-12));
}

TEST_CASE("data debt raises data-prep effort by the factor 1 + k_debt D", "[enterprise][data_debt]") {
  Scenario clean = quiet_scenario();
  clean.structure = Structure::coe;
  clean.switches.data_debt = true;
  clean.data_debt.paydown_share = 0.0;
  for (auto& bu : clean.business_units) bu.data_debt = 0.0;
  Scenario indebted = clean;
  for (auto& bu : indebted.business_units) bu.data_debt = 2.0;
  const double ratio = first_data_prep(indebted, 9) / first_data_prep(clean, 9);
  CHECK(ratio == Approx(1.0 + clean.data_debt.prep_factor * 2.0).epsilon(1e-12));
}

TEST_CASE("the experience curve shortens work after deployments", "[enterprise][learning]") {
  Scenario s = quiet_scenario();
  s.structure = Structure::coe;
  s.switches.learning = true;
  Enterprise e(s, 3, 0);
  e.advance_to(s.horizon_months);
  const double experience = e.teams()[0].experience;
  CHECK(experience > 0.0);
  // Every deployment of the central team adds one unit of experience.
  int deployed = 0;
  for (const auto& u : e.use_cases()) deployed += (u.stage == Stage::production || u.stage == Stage::retired);
  CHECK(experience == Approx(static_cast<double>(deployed)));
}

TEST_CASE("the structures place people as their policies say", "[enterprise][structure]") {
  const Scenario base = quiet_scenario();
  for (const Structure st : {Structure::coe, Structure::federated, Structure::hybrid}) {
    Scenario s = base;
    s.structure = st;
    const Enterprise e(s, 1, 0);
    const auto& policy = s.policy(st);
    for (const Role r : kRoles) {
      INFO(structure_name(st) << " " << role_name(r));
      CHECK(people(e, r) == s.workforce.headcount[r]);
      const int central = e.teams()[0].pool(r).headcount;
      CHECK(central == (policy.central[r] ? s.workforce.headcount[r] : 0));
    }
  }
}

TEST_CASE("a reorganisation mid-run moves people to the new structure", "[enterprise][structure]") {
  Scenario s = quiet_scenario();
  s.structure = Structure::federated;
  Intervention reorg{};
  reorg.month = 12.0;
  reorg.kind = Intervention::Kind::set_structure;
  reorg.structure = Structure::coe;
  s.interventions = {reorg};
  Enterprise e(s, 2, 0);
  e.advance_to(11.9);
  CHECK(e.structure() == Structure::federated);
  CHECK(e.teams()[0].pool(Role::data_scientist).headcount == 0);
  e.advance_to(12.0);
  CHECK(e.structure() == Structure::coe);
  // Free people moved at once; busy ones follow when they finish.
  e.advance_to(s.horizon_months);
  for (const Role r : kRoles) {
    INFO(role_name(r));
    CHECK(e.teams()[0].pool(r).headcount == s.workforce.headcount[r]);
  }
  for (std::size_t t = 1; t < e.teams().size(); ++t) CHECK(e.teams()[t].headcount() == 0);
}

TEST_CASE("hiring refills the pools that attrition empties", "[enterprise][workforce]") {
  Scenario s = quiet_scenario();
  s.switches.hiring_attrition = true;
  s.workforce.attrition_per_month = 0.05;
  Enterprise e(s, 11, 0);
  e.advance_to(s.horizon_months);
  int total = 0;
  int target = 0;
  int in_flight = 0;
  for (const auto& t : e.teams()) {
    for (const auto& p : t.pools) {
      total += p.headcount - p.leaving;
      target += p.target;
      in_flight += p.open_requisitions;
    }
  }
  CHECK(total + in_flight == target);
}

TEST_CASE("a hire intervention raises headcount after the lead time", "[enterprise][interventions]") {
  Scenario s = quiet_scenario();
  Intervention hire{};
  hire.month = 6.0;
  hire.kind = Intervention::Kind::hire;
  hire.role = Role::data_engineer;
  hire.count = 5;
  s.interventions = {hire};
  Enterprise e(s, 4, 0);
  e.advance_to(6.0);
  CHECK(people(e, Role::data_engineer) == s.workforce.headcount[Role::data_engineer]);
  e.advance_to(30.0);  // lead times are gamma with mean 3 months: all in by month 30
  CHECK(people(e, Role::data_engineer) == s.workforce.headcount[Role::data_engineer] + 5);
}

TEST_CASE("WIP never exceeds the team limit except for purgatory returns", "[enterprise][lifecycle]") {
  Scenario s = quiet_scenario();
  s.structure = Structure::coe;
  Enterprise e(s, 8, 0);
  const int limit = static_cast<int>(std::ceil(s.lifecycle.wip_per_person * e.teams()[0].headcount()));
  for (double m = 1.0; m <= s.horizon_months; m += 1.0) {
    e.advance_to(m);
    int in_work = 0;
    for (const auto& u : e.use_cases()) in_work += u.in_wip;
    CHECK(in_work == e.teams()[0].wip);
    CHECK(e.teams()[0].wip <= limit + 10);
  }
}

TEST_CASE("purgatory ends in a go or a kill within the limit", "[enterprise][lifecycle]") {
  Scenario s = quiet_scenario();
  s.lifecycle.sponsor_support = 0.2;  // many holds
  Enterprise e(s, 6, 0);
  e.advance_to(s.horizon_months);
  for (const auto& u : e.use_cases()) {
    if (u.stage == Stage::purgatory) {
      CHECK(e.now() - u.purgatory_since < s.lifecycle.purgatory_limit_months + 1e-9);
    }
  }
}

TEST_CASE("an unmonitored model drifts until users complain and is then retrained", "[enterprise][production]") {
  Scenario s = quiet_scenario();
  s.switches.drift = true;
  s.production.shock_rate = 0.0;
  s.production.monitoring_base = 0.0;
  s.production.monitoring_platform = 0.0;
  s.production.monitoring_mlops = 0.0;
  Enterprise e(s, 12, 0);
  e.advance_to(s.horizon_months);
  int retrained = 0;
  for (const auto& u : e.use_cases()) {
    if (u.stage != Stage::production) continue;
    CHECK_FALSE(u.monitored);
    retrained += u.version > 1;
  }
  CHECK(retrained > 0);
}

TEST_CASE("a freeze blocks deployments in its business unit only", "[enterprise][governance]") {
  Scenario s = quiet_scenario();
  s.switches.incidents = true;
  s.governance.incident_rate = 5.0;  // incidents every month for high-risk models
  s.governance.initial = 0.0;
  s.governance.build_rate = 0.0;
  s.governance.freeze_probability = 1.0;
  s.governance.freeze_months = 1000.0;  // frozen for good
  s.lifecycle.high_risk_factor = 1.0;
  for (auto& bu : s.business_units) bu.regulatory_risk = 0.0;
  s.business_units[0].regulatory_risk = 1.0;  // only BU 0 (the largest) has high-risk use cases
  Enterprise e(s, 21, 0);
  double freeze_start = -1.0;
  e.set_trace([&freeze_start](const TraceLine& line) {
    if (freeze_start < 0.0 && line.text.find("deployments frozen") != std::string::npos) freeze_start = line.time;
  });
  e.advance_to(s.horizon_months);
  REQUIRE(freeze_start >= 0.0);
  REQUIRE(freeze_start < s.horizon_months - 12.0);
  CHECK(e.units()[0].frozen_until > s.horizon_months);
  for (std::size_t b = 0; b < e.units().size(); ++b) {
    if (b != 0) CHECK(e.units()[b].frozen_until == 0.0);
  }
  // BU 0 starts no deployment after its freeze began (one under way may finish); the
  // others keep deploying.
  int others_after = 0;
  for (const auto& u : e.use_cases()) {
    const bool deployed = u.stage == Stage::production || u.stage == Stage::retired;
    if (!deployed) continue;
    if (u.unit == 0) CHECK(u.deployed_at - u.service[static_cast<std::size_t>(Phase::deployment)] <= freeze_start);
    if (u.unit != 0 && u.deployed_at > freeze_start) ++others_after;
  }
  CHECK(others_after > 0);
}

TEST_CASE("the monthly record adds up", "[enterprise][metrics]") {
  const Scenario s = default_scenario();
  const RunResult r = simulate(s, 13, 0);
  double cost = 0.0;
  double value = 0.0;
  for (std::size_t m = 1; m <= r.months.size(); ++m) {
    cost += r.at(m, Series::cost);
    value += r.at(m, Series::value);
    CHECK(r.at(m, Series::cumulative_cost) == Approx(cost));
    CHECK(r.at(m, Series::cumulative_value) == Approx(value));
    CHECK(r.at(m, Series::pilot_to_production) <= 1.0);
  }
  CHECK(r.get(Summary::roi_final) == Approx((value - cost) / cost));
}

TEST_CASE("every shipped scenario loads and runs", "[enterprise][scenarios]") {
  namespace fs = std::filesystem;
  int ran = 0;
  for (const auto& entry : fs::directory_iterator(std::string(AISCALE_SOURCE_DIR) + "/scenarios")) {
    const fs::path& file = entry.path();
    if (file.extension() != ".json" || file.filename() == "scenario.schema.json") continue;
    INFO(file.string());
    const Scenario s = load_scenario(file);
    const RunResult r = simulate(s, 1, 0);
    CHECK(r.months.size() == static_cast<std::size_t>(std::ceil(s.horizon_months)));
    CHECK(r.get(Summary::pilots_launched) > 0);
    CHECK(std::isfinite(r.get(Summary::roi_final)));
    ++ran;
  }
  CHECK(ran >= 6);
}

TEST_CASE("the three structures give different trajectories on the default enterprise",
          "[enterprise][structure]") {
  // Averaged over replications, CoE pools people and learns centrally, federated teams
  // fragment them: the pilot-to-production ratios must differ clearly.
  const Scenario base = default_scenario();
  std::array<double, kStructureCount> ratio{};
  for (const Structure st : {Structure::coe, Structure::federated, Structure::hybrid}) {
    Scenario s = base;
    s.structure = st;
    for (std::uint64_t rep = 0; rep < 20; ++rep) {
      ratio[static_cast<std::size_t>(st)] += simulate(s, 1, rep).get(Summary::pilot_to_production) / 20.0;
    }
  }
  const double coe = ratio[static_cast<std::size_t>(Structure::coe)];
  const double federated = ratio[static_cast<std::size_t>(Structure::federated)];
  const double hybrid = ratio[static_cast<std::size_t>(Structure::hybrid)];
  CHECK(coe > federated + 0.1);
  CHECK(hybrid > federated + 0.1);
}

TEST_CASE("a cut removes people even when they are busy", "[enterprise][interventions]") {
  Scenario s = quiet_scenario();
  s.structure = Structure::coe;
  Intervention cut{};
  cut.month = 6.0;
  cut.kind = Intervention::Kind::hire;
  cut.role = Role::data_engineer;
  cut.count = -4;
  s.interventions = {cut};
  Enterprise e(s, 4, 0);
  e.advance_to(s.horizon_months);
  CHECK(people(e, Role::data_engineer) == s.workforce.headcount[Role::data_engineer] - 4);
}

TEST_CASE("a reorganisation keeps the platform built so far", "[enterprise][structure]") {
  Scenario s = quiet_scenario();
  s.structure = Structure::hybrid;
  Intervention reorg{};
  reorg.month = 24.0;
  reorg.kind = Intervention::Kind::set_structure;
  reorg.structure = Structure::federated;
  s.interventions = {reorg};
  Enterprise e(s, 4, 0);
  e.advance_to(23.5);
  const double built = e.shared_platform();
  CHECK(built > s.platform.initial);
  e.advance_to(24.0);
  for (std::uint32_t b = 0; b < e.units().size(); ++b) CHECK(e.platform_for(b) >= built);
}
