// Tests three mechanisms of the enterprise model (models/enterprise/production.cpp,
// lifecycle.cpp, scenario_io.cpp): models already in production at month 0
// (Scenario::initial_models), how difficulty scales effort
// (lifecycle.difficulty_effort_spread), and the life span of models nobody maintains
// (production.unmaintained_life_share, Enterprise::mean_life).
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/enterprise/adoption.hpp"
#include "models/enterprise/drift.hpp"
#include "support/enterprise_fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace aiscale_test;
using nlohmann::json;

namespace {

InitialModels existing(const std::string& unit, int count, double age_months, double accuracy, double adoption,
                       bool monitored) {
  InitialModels m;
  m.business_unit = unit;
  m.count = count;
  m.age_months = age_months;
  m.accuracy = accuracy;
  m.adoption = adoption;
  m.monitored = monitored;
  return m;
}

/// `s` as the loader sees it: throws ScenarioError if a test built an invalid scenario.
Scenario validated(const Scenario& s) { return scenario_from_json(to_json(s), "test"); }

std::uint32_t unit_index(const Scenario& s, const std::string& name) {
  for (std::uint32_t b = 0; b < s.business_units.size(); ++b) {
    if (s.business_units[b].name == name) return b;
  }
  FAIL("no business unit " << name);
  return 0;
}

/// No idea arrives and nothing is reused: the only use cases are the initial models.
Scenario without_ideas(Scenario s) {
  for (auto& bu : s.business_units) bu.idea_rate = 0.0;
  s.switches.reuse = false;
  return s;
}

/// The problems scenario_from_json reports for the default scenario with `patch` merged
/// in (RFC 7386: arrays replace the default's whole).
std::vector<ScenarioProblem> problems_with(const json& patch) {
  json j = to_json(default_scenario());
  j.merge_patch(patch);
  try {
    (void)scenario_from_json(j, "memory");
  } catch (const ScenarioError& e) {
    return e.problems();
  }
  return {};
}

std::string listing(const std::vector<ScenarioProblem>& problems) {
  std::string out;
  for (const auto& p : problems) out += format_problem(p) + "\n";
  return out;
}

/// `patch` gives exactly one problem, at `path`, whose message holds every fragment.
void expect_one_problem(const json& patch, const std::string& path, std::initializer_list<std::string> fragments) {
  INFO(patch.dump());
  const auto problems = problems_with(patch);
  INFO(listing(problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].file == "memory");
  CHECK(problems[0].json_path == path);
  for (const auto& fragment : fragments) CHECK_THAT(problems[0].message, Catch::Contains(fragment));
}

json one_initial_model(const std::string& unit, json count, json accuracy, json adoption) {
  return json{{"initial_models", json::array({json{{"business_unit", unit},
                                                   {"count", count},
                                                   {"age_months", 12},
                                                   {"accuracy", accuracy},
                                                   {"adoption", adoption},
                                                   {"monitored", false}}})}};
}

/// The attributes an idea draws from its BU's idea stream.
struct IdeaDraw {
  double created;
  double value;
  double difficulty;
  bool high_risk;
  std::array<double, kPhaseCount> effort;
  friend bool operator==(const IdeaDraw&, const IdeaDraw&) = default;
};

/// Per BU, the ideas of a run to the horizon, in arrival order.
std::vector<std::vector<IdeaDraw>> ideas_of_run(const Scenario& s, std::uint64_t seed) {
  Enterprise e(s, seed, 0);
  e.advance_to(s.horizon_months);
  std::vector<std::vector<IdeaDraw>> out(s.business_units.size());
  for (const auto& u : e.use_cases()) {
    if (u.existing || u.is_copy) continue;
    out[u.unit].push_back(IdeaDraw{u.created, u.value, u.difficulty, u.high_risk, u.effort});
  }
  return out;
}

/// Mean life in production, months, of `count` models that enter production at month 0
/// in retail: time in production (censored at the horizon) per end of life, the
/// maximum-likelihood estimate of an exponential mean.
double observed_mean_life(Scenario s, int count, std::uint64_t seed) {
  s.initial_models = {existing("retail", count, 0.0, 0.88, 0.5, false)};
  s = validated(s);
  Enterprise e(s, seed, 0);
  e.advance_to(s.horizon_months);
  double exposure = 0.0;
  double ends = 0.0;
  int others = 0;
  for (const auto& u : e.use_cases()) {
    others += !u.existing;
    if (u.stage == Stage::retired) {
      exposure += u.retired_at - u.deployed_at;
      ends += 1.0;
    } else {
      REQUIRE(u.stage == Stage::production);
      exposure += s.horizon_months - u.deployed_at;
    }
  }
  REQUIRE(others == 0);
  REQUIRE(ends > 0.9 * count);
  return exposure / ends;
}

/// A quiet enterprise without ideas whose models end only by end of life (mean 6 months
/// when fully maintained): value-based retirement is off (a month's value is never
/// below 0 x upkeep), and the horizon is long enough for nearly all of them to end.
Scenario life_scenario(double coverage) {
  Scenario s = without_ideas(quiet_scenario());
  s.horizon_months = 120.0;
  s.production.end_of_life_months = 6.0;
  s.production.retire_value_ratio = 0.0;
  s.production.monitoring_base = coverage;
  s.production.monitoring_platform = 0.0;
  s.production.monitoring_mlops = 0.0;
  return s;
}

}  // namespace

// --- initial_models: the enterprise at month 0 ------------------------------------------

TEST_CASE("initial models are in production at month 0 as the scenario describes", "[initial_state][enterprise][initial_models]") {
  Scenario s = default_scenario();
  // Full coverage: had the models' monitoring been drawn as at a deployment, every one
  // would be monitored.
  s.production.monitoring_base = 1.0;
  s.initial_models = {existing("finance", 3, 12.0, 0.84, 0.3, false), existing("hr", 2, 0.0, 0.88, 0.0, true)};
  s = validated(s);
  const std::uint32_t finance = unit_index(s, "finance");
  const std::uint32_t hr = unit_index(s, "hr");

  Enterprise e(s, 11, 0);
  e.advance_to(0.0);
  CHECK(e.now() == 0.0);
  REQUIRE(e.use_cases().size() == 5);  // no idea arrives at month 0
  int in_finance = 0;
  int in_hr = 0;
  for (const auto& u : e.use_cases()) {
    CHECK(u.existing);
    CHECK_FALSE(u.is_copy);
    CHECK(u.stage == Stage::production);
    CHECK_FALSE(u.in_wip);
    CHECK_FALSE(u.drift_noticed);
    CHECK(u.version == 1);
    CHECK(u.accuracy_time == 0.0);
    CHECK(u.value > 0.0);
    CHECK(u.difficulty > 0.0);
    CHECK(u.difficulty < 1.0);
    if (u.unit == finance) {
      ++in_finance;
      CHECK(u.deployed_at == -12.0);
      CHECK(u.accuracy_start == 0.84);
      CHECK(u.adoption == 0.3);
      CHECK_FALSE(u.monitored);
    } else {
      REQUIRE(u.unit == hr);
      ++in_hr;
      CHECK(u.deployed_at == 0.0);
      CHECK(u.accuracy_start == 0.88);
      CHECK(u.adoption == 0.0);
      CHECK(u.monitored);
    }
  }
  CHECK(in_finance == 3);
  CHECK(in_hr == 2);
  CHECK(e.statistics().stage(Stage::production).count == 5);

  // And the other way round: no coverage, yet the models the scenario says are monitored are.
  Scenario dark = s;
  dark.production.monitoring_base = 0.0;
  dark.production.monitoring_platform = 0.0;
  dark.production.monitoring_mlops = 0.0;
  Enterprise d(dark, 11, 0);
  for (const auto& u : d.use_cases()) CHECK(u.monitored == (u.unit == hr));
}

TEST_CASE("initial models adopt by Bass and drift over their first month", "[initial_state][enterprise][initial_models]") {
  Scenario s = without_ideas(default_scenario());
  s.production.shock_rate = 0.0;  // drift only: the month's accuracy is a closed form
  s.initial_models = {existing("finance", 3, 12.0, 0.84, 0.3, false)};
  s = validated(s);
  const auto& bu = s.business_units[unit_index(s, "finance")];
  const BassRates rates = bass_rates(s.adoption, s.money.change_management_per_month, bu.trust,
                                     s.policy(s.structure).domain_fit);
  const double adoption = bass_step(0.3, rates.p, rates.q, 1.0);
  const double lambda = drift_lambda(s.production, bu.data_debt);
  const double accuracy = accuracy_after(0.84, s.production.accuracy_floor, lambda, 1.0);
  REQUIRE(adoption > 0.3 + 1e-3);
  REQUIRE(accuracy < 0.84 - 1e-3);

  Enterprise e(s, 21, 0);
  e.advance_to(1.0);
  int alive = 0;
  for (const auto& u : e.use_cases()) {
    REQUIRE(u.existing);
    if (u.stage != Stage::production) continue;  // ended in the first month
    ++alive;
    CHECK(u.adoption == Approx(adoption).epsilon(1e-12));
    CHECK(u.accuracy_time == 1.0);
    CHECK(u.accuracy_start == Approx(accuracy).epsilon(1e-12));
  }
  CHECK(alive >= 2);

  // Without drift the accuracy holds; adoption still grows.
  Scenario steady = s;
  steady.switches.drift = false;
  Enterprise f(steady, 21, 0);
  f.advance_to(1.0);
  for (const auto& u : f.use_cases()) {
    if (u.stage != Stage::production) continue;
    CHECK(u.accuracy_start == 0.84);
    CHECK(u.adoption == Approx(adoption).epsilon(1e-12));
  }
}

TEST_CASE("initial models count in no lifecycle counter and not in the survival share", "[initial_state][enterprise][initial_models]") {
  Scenario s = without_ideas(default_scenario());
  // Never retired for low value: they would still be in production at month 36.
  s.production.retire_value_ratio = 0.0;
  s.initial_models = {existing("finance", 3, 12.0, 0.84, 0.3, false), existing("retail", 4, 30.0, 0.8, 0.6, true)};
  s = validated(s);
  Enterprise e(s, 5, 0);
  const RunResult r = run_recorded(e);
  CHECK(r.get(Summary::ideas) == 0.0);
  CHECK(r.get(Summary::pilots_launched) == 0.0);
  CHECK(r.get(Summary::pilots_completed) == 0.0);
  CHECK(r.get(Summary::reached_production) == 0.0);
  CHECK(std::isnan(r.get(Summary::idea_to_production_months_median)));
  // Every one was deployed by month H - 36 = 24: counted, they would give a number.
  CHECK(std::isnan(r.get(Summary::models_surviving_36_months_share)));
  for (std::size_t m = 1; m <= r.months.size(); ++m) {
    CHECK(r.at(m, Series::pilots_launched_cum) == 0.0);
    CHECK(r.at(m, Series::production_cum) == 0.0);
  }
  // They were there all the same.
  CHECK(r.at(1, Series::in_production) >= 5.0);
  CHECK(r.at(1, Series::value) > 0.0);
  int in_production = 0;
  for (const auto& u : e.use_cases()) in_production += u.stage == Stage::production;
  CHECK(r.get(Summary::models_in_production_final) == in_production);
  CHECK(e.use_cases().size() == 7);
}

TEST_CASE("with ideas the lifecycle counters count exactly the run's own use cases", "[initial_state][enterprise][initial_models]") {
  Scenario s = default_scenario();
  s.initial_models = {existing("retail", 5, 12.0, 0.84, 0.3, false), existing("e-commerce", 5, 40.0, 0.86, 0.7, true)};
  s = validated(s);
  Enterprise e(s, 8, 0);
  const RunResult r = run_recorded(e);
  int started = 0;
  int deployed = 0;
  int existing_models = 0;
  for (const auto& u : e.use_cases()) {
    if (u.existing) {
      ++existing_models;
      continue;
    }
    started += u.stage != Stage::backlog && u.stage != Stage::expired;
    deployed += u.stage == Stage::production || u.stage == Stage::retired;
  }
  CHECK(existing_models == 10);
  REQUIRE(deployed > 0);
  CHECK(r.get(Summary::pilots_launched) == started);
  CHECK(r.get(Summary::reached_production) == deployed);
}

TEST_CASE("initial models draw from their own stream and leave the BU idea streams alone", "[initial_state][enterprise][initial_models]") {
  const Scenario plain = default_scenario();
  Scenario with = plain;
  with.initial_models = {existing("retail", 3, 12.0, 0.84, 0.3, false), existing("finance", 6, 24.0, 0.8, 0.5, true)};
  with = validated(with);
  const auto a = ideas_of_run(plain, 31);
  const auto b = ideas_of_run(with, 31);
  REQUIRE(a.size() == b.size());
  std::size_t ideas = 0;
  for (std::size_t unit = 0; unit < a.size(); ++unit) {
    INFO("business unit " << plain.business_units[unit].name);
    CHECK(a[unit].size() == b[unit].size());
    CHECK(a[unit] == b[unit]);
    ideas += a[unit].size();
  }
  CHECK(ideas > 100);
  // The initial models did change the run.
  CHECK_FALSE(same_months(simulate(plain, 31, 0), simulate(with, 31, 0)));

  // Their own draws depend on the seed, like ideas.
  Enterprise x(with, 31, 0);
  Enterprise y(with, 32, 0);
  CHECK(x.use_cases()[0].value != y.use_cases()[0].value);
}

TEST_CASE("an empty initial_models list changes nothing", "[initial_state][enterprise][initial_models]") {
  const Scenario plain = default_scenario();
  REQUIRE(plain.initial_models.empty());
  json j = to_json(plain);
  REQUIRE(j.at("initial_models") == json::array());
  j["initial_models"] = json::array();
  const Scenario same = scenario_from_json(j, "memory");
  const RunResult a = simulate(plain, 17, 2);
  const RunResult b = simulate(same, 17, 2);
  CHECK(same_months(a, b));
  CHECK(std::memcmp(a.summary.data(), b.summary.data(), sizeof(a.summary)) == 0);
  CHECK(a.events == b.events);
}

// --- initial_models: the loader ---------------------------------------------------------

TEST_CASE("initial models read from a scenario file and round-trip", "[initial_state][scenario_io][initial_models]") {
  const TempDir dir("initial-state");
  const json patch = {{"extends", std::string(AISCALE_SOURCE_DIR) + "/scenarios/default.json"},
                      {"initial_models", json::array({json{{"business_unit", "finance"},
                                                           {"count", 3},
                                                           {"age_months", 12},
                                                           {"accuracy", 0.84},
                                                           {"adoption", 0.3},
                                                           {"monitored", false}}})}};
  const Scenario s = load_scenario(dir.write("initial.json", patch.dump(2)));
  REQUIRE(s.initial_models.size() == 1);
  const InitialModels& m = s.initial_models[0];
  CHECK(m.business_unit == "finance");
  CHECK(m.count == 3);
  CHECK(m.age_months == 12.0);
  CHECK(m.accuracy == 0.84);
  CHECK(m.adoption == 0.3);
  CHECK_FALSE(m.monitored);
  const Scenario back = scenario_from_json(to_json(s), "memory");
  REQUIRE(back.initial_models.size() == 1);
  CHECK(back.initial_models[0].business_unit == "finance");
  CHECK(back.initial_models[0].count == 3);
  CHECK(back.initial_models[0].accuracy == 0.84);
  CHECK(to_json(back) == to_json(s));
}

TEST_CASE("an initial model in an unknown business unit is named with a suggestion", "[initial_state][scenario_io][initial_models]") {
  expect_one_problem(one_initial_model("finanse", 3, 0.84, 0.3), "/initial_models/0/business_unit",
                     {"unknown business unit \"finanse\"", "did you mean \"finance\"?"});
  expect_one_problem(one_initial_model("zzzz", 3, 0.84, 0.3), "/initial_models/0/business_unit",
                     {"unknown business unit \"zzzz\"", "business units: \"retail\""});
  // The index is the list's.
  json two = one_initial_model("finance", 3, 0.84, 0.3);
  json bad = two["initial_models"][0];
  bad["business_unit"] = "Retail ";
  two["initial_models"].push_back(bad);
  expect_one_problem(two, "/initial_models/1/business_unit", {"\"Retail \"", "did you mean \"retail\"?"});

  // load_scenario throws it, naming the file and the path.
  const TempDir dir("initial-state");
  json patch = one_initial_model("finanse", 3, 0.84, 0.3);
  patch["extends"] = std::string(AISCALE_SOURCE_DIR) + "/scenarios/default.json";
  const auto file = dir.write("unknown.json", patch.dump(2));
  try {
    (void)load_scenario(file);
    FAIL("load_scenario accepted an initial model in an unknown business unit");
  } catch (const ScenarioError& e) {
    REQUIRE(e.problems().size() == 1);
    CHECK(e.problems()[0].file == file.string());
    CHECK(e.problems()[0].json_path == "/initial_models/0/business_unit");
    CHECK_THAT(std::string(e.what()), Catch::Contains("/initial_models/0/business_unit") &&
                                          Catch::Contains("\"finanse\"") && Catch::Contains("\"finance\""));
  }
}

TEST_CASE("out-of-range initial models are named by their JSON path", "[initial_state][scenario_io][initial_models]") {
  expect_one_problem(one_initial_model("finance", 0, 0.84, 0.3), "/initial_models/0/count",
                     {"0 is out of range", "must be >= 1"});
  expect_one_problem(one_initial_model("finance", -2, 0.84, 0.3), "/initial_models/0/count",
                     {"-2 is out of range", "must be >= 1"});
  expect_one_problem(one_initial_model("finance", 3, 0, 0.3), "/initial_models/0/accuracy",
                     {"0 is out of range", "must be in (0, 1]"});
  expect_one_problem(one_initial_model("finance", 3, 1.5, 0.3), "/initial_models/0/accuracy",
                     {"1.5 is out of range", "must be in (0, 1]"});
  expect_one_problem(one_initial_model("finance", 3, 0.84, -0.1), "/initial_models/0/adoption",
                     {"-0.1 is out of range", "must be in [0, 1]"});
  expect_one_problem(one_initial_model("finance", 3, 0.84, 1.2), "/initial_models/0/adoption",
                     {"1.2 is out of range", "must be in [0, 1]"});
  json old = one_initial_model("finance", 3, 0.84, 0.3);
  old["initial_models"][0]["age_months"] = -1;
  expect_one_problem(old, "/initial_models/0/age_months", {"-1 is out of range", "must be >= 0"});
  // The bounds themselves are allowed.
  CHECK(problems_with(one_initial_model("finance", 1, 1.0, 0.0)).empty());
  CHECK(problems_with(one_initial_model("finance", 1, 0.01, 1.0)).empty());
}

// --- lifecycle.difficulty_effort_spread -------------------------------------------------

TEST_CASE("difficulty_effort_spread scales effort by difficulty", "[initial_state][enterprise][lifecycle]") {
  // Deterministic efforts: an effort is its phase mean x the difficulty factor alone.
  const auto check_spread = [](double spread) {
    Scenario s = quiet_scenario();
    s.horizon_months = 36.0;
    s.lifecycle.difficulty_effort_spread = spread;
    s.initial_models = {existing("retail", 5, 6.0, 0.84, 0.3, false)};
    s = validated(s);
    const Effort* specs[kPhaseCount] = {};
    specs[static_cast<std::size_t>(Phase::data_prep)] = &s.lifecycle.data_prep;
    specs[static_cast<std::size_t>(Phase::modeling)] = &s.lifecycle.modeling;
    specs[static_cast<std::size_t>(Phase::pilot)] = &s.lifecycle.pilot;
    specs[static_cast<std::size_t>(Phase::governance_review)] = &s.lifecycle.governance_review;
    specs[static_cast<std::size_t>(Phase::deployment)] = &s.lifecycle.deployment;
    specs[static_cast<std::size_t>(Phase::retraining)] = &s.lifecycle.retraining;
    Enterprise e(s, 3, 0);
    e.advance_to(s.horizon_months);
    double easiest = 1.0;
    double hardest = 0.0;
    for (const auto& u : e.use_cases()) {
      REQUIRE_FALSE(u.is_copy);
      easiest = std::min(easiest, u.difficulty);
      hardest = std::max(hardest, u.difficulty);
      for (std::size_t ph = 0; ph < kPhaseCount; ++ph) {
        const double mean = specs[ph]->mean;
        if (spread == 0.0) {
          CHECK(u.effort[ph] == mean);
        } else {
          CHECK(u.effort[ph] == Approx(mean * (1.0 - spread / 2.0 + spread * u.difficulty)).epsilon(1e-12));
        }
      }
    }
    CHECK(e.use_cases().size() > 50);
    CHECK(easiest < 0.25);  // the check covered easy and hard use cases alike
    CHECK(hardest > 0.75);
  };
  SECTION("spread 0 ignores difficulty") { check_spread(0.0); }
  SECTION("spread 1 the default gives 0.5 + d") {
    REQUIRE(default_scenario().lifecycle.difficulty_effort_spread == 1.0);
    check_spread(1.0);
  }
  SECTION("spread 0.5 gives 0.75 + d/2") { check_spread(0.5); }
}

TEST_CASE("difficulty_effort_spread does not shift the idea streams", "[initial_state][enterprise][lifecycle]") {
  // The spread changes what an idea's efforts are, not how many numbers it draws: every
  // BU gets the same ideas (arrival times, values, difficulties, risk classes).
  Scenario flat = default_scenario();
  flat.lifecycle.difficulty_effort_spread = 0.0;
  const auto a = ideas_of_run(default_scenario(), 4);
  const auto b = ideas_of_run(flat, 4);
  REQUIRE(a.size() == b.size());
  for (std::size_t unit = 0; unit < a.size(); ++unit) {
    REQUIRE(a[unit].size() == b[unit].size());
    REQUIRE_FALSE(a[unit].empty());
    for (std::size_t k = 0; k < a[unit].size(); ++k) {
      CHECK(a[unit][k].created == b[unit][k].created);
      CHECK(a[unit][k].value == b[unit][k].value);
      CHECK(a[unit][k].difficulty == b[unit][k].difficulty);
      CHECK(a[unit][k].high_risk == b[unit][k].high_risk);
    }
  }
}

TEST_CASE("difficulty_effort_spread outside 0 to 1 is rejected", "[initial_state][scenario_io][lifecycle]") {
  expect_one_problem(json{{"lifecycle", {{"difficulty_effort_spread", -0.1}}}}, "/lifecycle/difficulty_effort_spread",
                     {"-0.1 is out of range", "must be in [0, 1]"});
  expect_one_problem(json{{"lifecycle", {{"difficulty_effort_spread", 1.5}}}}, "/lifecycle/difficulty_effort_spread",
                     {"1.5 is out of range", "must be in [0, 1]"});
  CHECK(problems_with(json{{"lifecycle", {{"difficulty_effort_spread", 0.0}}}}).empty());
}

// --- production.unmaintained_life_share -------------------------------------------------

TEST_CASE("an unmaintained model lives unmaintained_life_share of a maintained one", "[initial_state][enterprise][production]") {
  // 6,000 models per setting: the estimate of an exponential mean has a relative
  // standard error of 1.3 %, so 5 % is almost 4 of them (7 % for the ratio of two).
  constexpr int kModels = 6000;
  const double share = default_scenario().production.unmaintained_life_share;
  REQUIRE(share == Approx(0.38));

  const double maintained = observed_mean_life(life_scenario(1.0), kModels, 1);
  const double unmaintained = observed_mean_life(life_scenario(0.0), kModels, 2);
  const double half = observed_mean_life(life_scenario(0.5), kModels, 3);
  CHECK(maintained == Approx(6.0).epsilon(0.05));
  CHECK(unmaintained == Approx(6.0 * share).epsilon(0.05));
  // In between, life grows linearly with coverage: s + (1 - s) x 0.5.
  CHECK(half == Approx(6.0 * (share + (1.0 - share) * 0.5)).epsilon(0.05));
  CHECK(unmaintained / maintained == Approx(share).epsilon(0.07));

  // A share of 1 makes maintenance irrelevant.
  Scenario flat = life_scenario(0.0);
  flat.production.unmaintained_life_share = 1.0;
  CHECK(observed_mean_life(flat, kModels, 4) == Approx(6.0).epsilon(0.05));
}

TEST_CASE("models deployed in the run live as long as their unit's coverage says", "[initial_state][enterprise][production]") {
  // The same rule through enter_production: a quiet enterprise that deploys nearly every
  // idea at once (short phases, every pilot a GO) and gets five times the ideas; two
  // runs per setting give about 6,000 models.
  const auto life = [](double coverage, std::initializer_list<std::uint64_t> seeds) {
    Scenario s = life_scenario(coverage);
    for (auto& bu : s.business_units) bu.idea_rate = 4.5;
    for (Effort* e : {&s.lifecycle.data_prep, &s.lifecycle.modeling, &s.lifecycle.pilot, &s.lifecycle.deployment,
                      &s.lifecycle.governance_review}) {
      e->mean = 0.05;
    }
    s.lifecycle.kill_value_ratio = 0.0;
    s.lifecycle.sponsor_support = 1.0;
    s.lifecycle.readiness_base = 1.0;
    s = validated(s);
    double exposure = 0.0;
    double ends = 0.0;
    for (const std::uint64_t seed : seeds) {
      Enterprise e(s, seed, 0);
      e.advance_to(s.horizon_months);
      for (const auto& u : e.use_cases()) {
        if (u.stage == Stage::retired) {
          exposure += u.retired_at - u.deployed_at;
          ends += 1.0;
        } else if (u.stage == Stage::production) {
          exposure += s.horizon_months - u.deployed_at;
        }
      }
    }
    REQUIRE(ends > 5000.0);
    return exposure / ends;
  };
  const double share = default_scenario().production.unmaintained_life_share;
  const double maintained = life(1.0, {5, 6});
  const double unmaintained = life(0.0, {7, 8});
  CHECK(maintained == Approx(6.0).epsilon(0.05));
  CHECK(unmaintained == Approx(6.0 * share).epsilon(0.05));
  CHECK(unmaintained / maintained == Approx(share).epsilon(0.07));
}

TEST_CASE("unmaintained_life_share of 0 or less or above 1 is rejected", "[initial_state][scenario_io][production]") {
  // 0 would give an unmonitored model no life at all (and an infinite end-of-life rate).
  for (const double bad : {-0.1, 0.0, 1.5}) {
    INFO(bad);
    expect_one_problem(json{{"production", {{"unmaintained_life_share", bad}}}}, "/production/unmaintained_life_share",
                       {"is out of range", "must be in (0, 1]"});
  }
}
