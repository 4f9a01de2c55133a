// Tests models/enterprise/resource_statistics.hpp and the statistics the enterprise model
// records with it: the exact integrals on a scripted sequence; a single data engineer
// whose utilisation, waits and queue are recomputed by hand (Lindley's recursion); the
// running totals against the model's state at every step; Little's law per stage; the
// warm-up; the bounds; the names; and the scenario key warmup_months.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "support/enterprise_fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace aiscale_test;

namespace {

/// Length of [from, to] within [start, end].
double overlap(double from, double to, double start, double end) {
  return std::max(0.0, std::min(to, end) - std::max(from, start));
}

/// A single data engineer serves every data prep, first come first served: one business
/// unit has ideas, every idea starts work at once (no WIP limit in practice), and no
/// rule other than the effort draw changes a data prep's duration.
Scenario single_data_engineer() {
  Scenario s = quiet_scenario();
  s.structure = Structure::coe;
  s.horizon_months = 240.0;
  s.warmup_months = 48.0;
  s.lifecycle.wip_per_person = 1000.0;
  s.workforce.headcount[Role::data_engineer] = 1;
  for (std::size_t b = 0; b < s.business_units.size(); ++b) s.business_units[b].idea_rate = b == 0 ? 0.15 : 0.0;
  return s;
}

/// Every structural change the model has: reorganisations, hires, cuts, attrition,
/// incidents with deployment freezes, coordination delays, reuse.
Scenario busy_enterprise() {
  Scenario s = default_scenario();
  s.horizon_months = 72.0;
  s.workforce.attrition_per_month = 0.03;
  s.governance.incident_rate = 0.2;
  s.governance.freeze_probability = 0.8;
  s.governance.freeze_months = 6.0;
  s.interventions = {reorganisation(12.0, Structure::coe), hiring(18.0, Role::ml_engineer, 3),
                     hiring(24.0, Role::data_engineer, -3), reorganisation(36.0, Structure::federated),
                     hiring(40.0, Role::governance, -2), reorganisation(50.0, Structure::hybrid)};
  return s;
}

double get(const RunResult& r, Summary first, Role role) { return r.get(summary_for(first, role)); }
double get(const RunResult& r, Summary first, Stage stage) { return r.get(summary_for(first, stage)); }

}  // namespace

TEST_CASE("the statistics integrate running totals exactly and clip to the window", "[statistics]") {
  // Window [2, 6]. Two ML engineers from month 0; one job from 1 to 5 (seized before the
  // window, so not counted), one that asks at 3 and seizes at 4 (waits 1), done at 5.
  ResourceStatistics st(2.0);
  const Role ml = Role::ml_engineer;
  st.add_headcount(ml, 2);
  st.advance(1.0);
  st.seized(ml, 1.0, 1.0);
  st.enter(Stage::pilot, 1.0);
  st.advance(3.0);
  st.add_waiting(ml, 1);
  st.leave(Stage::pilot, 1.0, 3.0);
  st.enter(Stage::deployment, 3.0);
  st.advance(4.0);
  st.add_waiting(ml, -1);
  st.seized(ml, 3.0, 4.0);
  st.advance(5.0);
  st.released(ml);
  st.released(ml);
  st.advance(6.0);

  const RoleStatistics& r = st.role(ml);
  CHECK(r.busy == 0);
  CHECK(r.headcount == 2);
  CHECK(r.waiting == 0);
  CHECK(r.headcount_window == 8.0);          // 2 people x [2, 6]
  CHECK(r.busy_window == 4.0);               // 1 x [2, 4] + 2 x [4, 5]
  CHECK(r.waiting_window == 1.0);            // 1 x [3, 4]
  CHECK(r.seizes == 1.0);
  CHECK(r.wait_sum == 1.0);
  CHECK(r.headcount_month == 12.0);          // month integrals start at 0
  CHECK(r.busy_month == 5.0);
  CHECK(r.waiting_month == 1.0);

  const StageStatistics& pilot = st.stage(Stage::pilot);
  CHECK(pilot.count == 0);
  CHECK(pilot.entries == 0.0);               // entered before the window
  CHECK(pilot.exits == 1.0);                 // left in it, after 2 months
  CHECK(pilot.sojourn_sum == 2.0);
  CHECK(pilot.count_window == 1.0);          // [2, 3]
  const StageStatistics& deployment = st.stage(Stage::deployment);
  CHECK(deployment.count == 1);
  CHECK(deployment.entries == 1.0);
  CHECK(deployment.exits == 0.0);
  CHECK(deployment.count_window == 3.0);     // [3, 6]

  st.start_month();
  CHECK(st.role(ml).busy_month == 0.0);
  CHECK(st.role(ml).headcount_month == 0.0);
  CHECK(st.role(ml).waiting_month == 0.0);
  CHECK(st.role(ml).busy_window == 4.0);
}

TEST_CASE("a single data engineer's utilisation and waits match Lindley's recursion", "[enterprise][statistics]") {
  const Scenario s = single_data_engineer();
  const double start = s.warmup_months;
  const double end = s.horizon_months;
  const double quality = s.business_units[0].data_quality;
  int delayed = 0;
  int immediate = 0;
  for (const std::uint64_t seed : {1, 2, 3, 4}) {
    INFO("seed " << seed);
    Enterprise e(s, seed, 0);
    e.advance_to(end);
    // By hand: requests at the ideas' arrivals, served in order by one person.
    double free_from = 0.0;
    double busy = 0.0;
    double queued = 0.0;
    double waited = 0.0;
    int seizes = 0;
    for (const auto& u : e.use_cases()) {
      const double duration = u.effort[static_cast<std::size_t>(Phase::data_prep)] * (1.0 - 0.5 * quality);
      const double begins = std::max(u.created, free_from);
      free_from = begins + duration;
      if (begins <= end) CHECK(u.service[static_cast<std::size_t>(Phase::data_prep)] == Approx(duration));
      busy += overlap(begins, free_from, start, end);
      queued += overlap(u.created, begins, start, end);
      if (begins >= start && begins <= end) {
        ++seizes;
        waited += begins - u.created;
        ++(begins > u.created ? delayed : immediate);
      }
    }
    REQUIRE(seizes > 10);
    const RunResult r = run_recorded(e);
    const Role de = Role::data_engineer;
    CHECK(get(r, Summary::utilisation_data_scientist, de) == Approx(busy / (end - start)).epsilon(1e-9));
    CHECK(get(r, Summary::queue_length_data_scientist, de) == Approx(queued / (end - start)).epsilon(1e-9));
    CHECK(get(r, Summary::wait_months_data_scientist, de) == Approx(waited / seizes).epsilon(1e-9));
    CHECK(get(r, Summary::jobs_per_month_data_scientist, de) == Approx(seizes / (end - start)).epsilon(1e-12));
  }
  // Both kinds of seize were exercised: immediate ones count with a wait of 0.
  CHECK(delayed > 10);
  CHECK(immediate > 10);
}

TEST_CASE("the running totals follow every change of pools and stages", "[enterprise][statistics]") {
  const Scenario s = busy_enterprise();
  for (const std::uint64_t seed : {1, 2}) {
    Enterprise e(s, seed, 0);
    for (double t = 0.0; t <= s.horizon_months; t += 0.125) {
      e.advance_to(t);
      INFO("seed " << seed << ", month " << t);
      for (const Role r : kRoles) {
        int busy = 0;
        int headcount = 0;
        int waiting = 0;
        for (const auto& team : e.teams()) {
          busy += team.pool(r).busy;
          headcount += team.pool(r).headcount;
          waiting += static_cast<int>(team.pool(r).waiting.size());
        }
        INFO(role_name(r));
        REQUIRE(e.statistics().role(r).busy == busy);
        REQUIRE(e.statistics().role(r).headcount == headcount);
        REQUIRE(e.statistics().role(r).waiting == waiting);
      }
      std::array<int, kStageCount> in_stage{};
      for (const auto& u : e.use_cases()) ++in_stage[static_cast<std::size_t>(u.stage)];
      for (std::size_t st = 0; st < kStageCount; ++st) {
        INFO("stage " << st);
        REQUIRE(e.statistics().stage(static_cast<Stage>(st)).count == in_stage[st]);
      }
    }
  }
}

TEST_CASE("queue integrals equal the waits exactly without a warm-up", "[enterprise][statistics]") {
  // Every queued job asked at its requested_at, after the coordination delay, and either
  // seized a person (its wait) or still waits at the horizon. Quiet: no job leaves a
  // queue otherwise (no retirement of models waiting for retraining, no freeze).
  Scenario s = default_scenario();
  const Scenario quiet = quiet_scenario();
  s.lifecycle = quiet.lifecycle;
  s.switches = quiet.switches;
  REQUIRE(s.policy(s.structure).coordination_delay_months > 0.0);
  for (const std::uint64_t seed : {1, 2, 3}) {
    INFO("seed " << seed);
    Enterprise e(s, seed, 0);
    e.advance_to(s.horizon_months);
    std::array<double, kRoleCount> still_waiting{};
    for (const auto& team : e.teams()) {
      for (const Role r : kRoles) {
        for (const std::uint32_t uc : team.pool(r).waiting) {
          still_waiting[static_cast<std::size_t>(r)] += s.horizon_months - e.use_cases()[uc].requested_at;
        }
      }
    }
    double waited = 0.0;
    for (const Role r : kRoles) {
      INFO(role_name(r));
      const RoleStatistics& stats = e.statistics().role(r);
      CHECK(stats.waiting_window ==
            Approx(stats.wait_sum + still_waiting[static_cast<std::size_t>(r)]).epsilon(1e-9).margin(1e-9));
      waited += stats.wait_sum;
    }
    CHECK(waited > 1.0);
  }
}

TEST_CASE("stage integrals equal the stays in the stage exactly without a warm-up", "[enterprise][statistics]") {
  // With the window from month 0, the time-integral of a stage's count is the sum of the
  // stays that ended plus the parts of the stays still under way at the horizon.
  const Scenario s = busy_enterprise();
  Enterprise e(s, 3, 0);
  EventLog log;
  e.add_observer(log);
  e.advance_to(s.horizon_months);
  int frozen = 0;  // deployments that waited for a freeze to end
  for (const TraceEvent& event : log.events) frozen += event.kind == TraceEvent::Kind::deployment_waits;
  for (const Stage st : kMeasuredStages) {
    INFO("stage " << static_cast<int>(st));
    const StageStatistics& stats = e.statistics().stage(st);
    double under_way = 0.0;
    int now = 0;
    for (const auto& u : e.use_cases()) {
      if (u.stage != st) continue;
      under_way += s.horizon_months - u.stage_since;
      ++now;
    }
    CHECK(stats.entries == stats.exits + now);
    CHECK(stats.count_window == Approx(stats.sojourn_sum + under_way).epsilon(1e-9));
    CHECK(stats.entries > 0.0);
  }
  // Each stay counts once: everything that left data prep, modelling or deployment went
  // on to the next stage, including deployments that waited for a freeze to end.
  const auto& stats = e.statistics();
  CHECK(stats.stage(Stage::data_prep).exits == stats.stage(Stage::modeling).entries);
  CHECK(stats.stage(Stage::modeling).exits == stats.stage(Stage::pilot).entries);
  CHECK(stats.stage(Stage::deployment).exits == stats.stage(Stage::production).entries);
  CHECK(frozen > 0);
}

TEST_CASE("Little's law holds per stage over a long run of the default enterprise", "[enterprise][statistics]") {
  // Long enough that stays under way at either end of the window (production stays
  // last years) shift L and lambda W by about 1 %.
  Scenario s = default_scenario();
  s.horizon_months = 1200.0;
  s.warmup_months = 200.0;
  std::array<double, kMeasuredStages.size()> count{};
  std::array<double, kMeasuredStages.size()> flow_times_stay{};
  for (const std::uint64_t rep : {0, 1, 2, 3}) {
    const RunResult r = simulate(s, 5, rep);
    for (std::size_t k = 0; k < kMeasuredStages.size(); ++k) {
      const Stage st = kMeasuredStages[k];
      const double l = get(r, Summary::stage_count_data_prep, st);
      const double lambda_w = get(r, Summary::stage_throughput_data_prep, st) * get(r, Summary::stage_months_data_prep, st);
      INFO("replication " << rep << ", stage " << static_cast<int>(st) << ": L " << l << ", lambda W " << lambda_w);
      CHECK(lambda_w == Approx(l).epsilon(0.025));  // each run alone: within 2.5 %
      count[k] += l;
      flow_times_stay[k] += lambda_w;
    }
  }
  for (std::size_t k = 0; k < kMeasuredStages.size(); ++k) {
    INFO("stage " << static_cast<int>(kMeasuredStages[k]) << ": L " << count[k] << ", lambda W " << flow_times_stay[k]);
    CHECK(flow_times_stay[k] == Approx(count[k]).epsilon(0.01));  // four runs: within 1 %
  }
}

TEST_CASE("the warm-up excludes early time from the statistics and nothing else", "[enterprise][statistics]") {
  // Quiet: headcounts are constant, so the window's utilisation is the mean of the
  // monthly ones, as its queue length is.
  Scenario from_zero = quiet_scenario();
  from_zero.horizon_months = 48.0;
  Scenario warm = from_zero;
  warm.warmup_months = 12.0;
  const RunResult a = simulate(from_zero, 9, 0);
  const RunResult b = simulate(warm, 9, 0);
  CHECK(same_months(a, b));
  CHECK(std::memcmp(a.summary.data(), b.summary.data(),
                    static_cast<std::size_t>(Summary::utilisation_data_scientist) * sizeof(double)) == 0);
  bool differs = false;
  for (const Role r : kRoles) {
    INFO(role_name(r));
    for (const auto& [run, first_month] : {std::pair{&a, 1}, std::pair{&b, 13}}) {
      double utilisation = 0.0;
      double queue = 0.0;
      for (std::size_t m = static_cast<std::size_t>(first_month); m <= 48; ++m) {
        utilisation += run->at(m, series_for(Series::utilisation_data_scientist, r));
        queue += run->at(m, series_for(Series::queue_length_data_scientist, r));
      }
      const double months = 49.0 - first_month;
      CHECK(get(*run, Summary::utilisation_data_scientist, r) == Approx(utilisation / months).epsilon(1e-9));
      CHECK(get(*run, Summary::queue_length_data_scientist, r) == Approx(queue / months).margin(1e-12));
    }
    CHECK(get(b, Summary::jobs_per_month_data_scientist, r) * 36.0 <= get(a, Summary::jobs_per_month_data_scientist, r) * 48.0);
    differs = differs || get(a, Summary::utilisation_data_scientist, r) != get(b, Summary::utilisation_data_scientist, r);
  }
  CHECK(differs);
  // Entries before the warm-up are not counted; those after it are.
  Enterprise e(warm, 9, 0);
  e.advance_to(12.0);
  for (const Stage st : kMeasuredStages) CHECK(e.statistics().stage(st).entries == 0.0);
  e.advance_to(48.0);
  CHECK(e.statistics().stage(Stage::data_prep).entries > 0.0);
}

TEST_CASE("resource and stage statistics stay within their bounds in every shipped scenario", "[enterprise][statistics]") {
  for (const char* name : {"default", "coe", "federated", "hybrid", "ad-hoc", "best-practice"}) {
    const Scenario s = load_scenario(std::string(AISCALE_SOURCE_DIR) + "/scenarios/" + name + ".json");
    for (const std::uint64_t rep : {0, 1, 2}) {
      INFO(name << ", replication " << rep);
      const RunResult r = simulate(s, 1, rep);
      for (const Role role : kRoles) {
        INFO(role_name(role));
        const double u = get(r, Summary::utilisation_data_scientist, role);
        CHECK((std::isnan(u) || (u >= 0.0 && u <= 1.0)));
        CHECK(get(r, Summary::queue_length_data_scientist, role) >= 0.0);
        const double wait = get(r, Summary::wait_months_data_scientist, role);
        CHECK((std::isnan(wait) || wait >= 0.0));
        CHECK(get(r, Summary::jobs_per_month_data_scientist, role) >= 0.0);
        for (std::size_t m = 1; m <= r.months.size(); ++m) {
          const double monthly = r.at(m, series_for(Series::utilisation_data_scientist, role));
          CHECK((std::isnan(monthly) || (monthly >= 0.0 && monthly <= 1.0)));
          CHECK(r.at(m, series_for(Series::queue_length_data_scientist, role)) >= 0.0);
        }
      }
      for (const Stage st : kMeasuredStages) {
        const double months = get(r, Summary::stage_months_data_prep, st);
        CHECK((std::isnan(months) || months >= 0.0));
        CHECK(get(r, Summary::stage_count_data_prep, st) >= 0.0);
        CHECK(get(r, Summary::stage_throughput_data_prep, st) >= 0.0);
      }
      // The busiest roles do work in every scenario.
      CHECK(get(r, Summary::utilisation_data_scientist, Role::data_engineer) > 0.0);
      CHECK(get(r, Summary::stage_throughput_data_prep, Stage::data_prep) > 0.0);
    }
  }
}

TEST_CASE("resource and stage metric names are composed from role and stage names", "[statistics][metrics]") {
  const char* stages[] = {"data_prep", "modeling", "pilot", "purgatory", "governance_review", "deployment", "production"};
  for (const Role r : kRoles) {
    const std::string role(role_name(r));
    CHECK(series_name(series_for(Series::utilisation_data_scientist, r)) == "utilisation_" + role);
    CHECK(series_name(series_for(Series::queue_length_data_scientist, r)) == "queue_length_" + role);
    CHECK(summary_name(summary_for(Summary::utilisation_data_scientist, r)) == "utilisation_" + role);
    CHECK(summary_name(summary_for(Summary::queue_length_data_scientist, r)) == "queue_length_" + role);
    CHECK(summary_name(summary_for(Summary::wait_months_data_scientist, r)) == "wait_months_" + role);
    CHECK(summary_name(summary_for(Summary::jobs_per_month_data_scientist, r)) == "jobs_per_month_" + role);
  }
  for (std::size_t k = 0; k < kMeasuredStages.size(); ++k) {
    const std::string stage = stages[k];
    CHECK(summary_name(summary_for(Summary::stage_months_data_prep, kMeasuredStages[k])) == "stage_months_" + stage);
    CHECK(summary_name(summary_for(Summary::stage_count_data_prep, kMeasuredStages[k])) == "stage_count_" + stage);
    CHECK(summary_name(summary_for(Summary::stage_throughput_data_prep, kMeasuredStages[k])) ==
          "stage_throughput_" + stage);
  }
  CHECK(kSeriesCount == 47);
  CHECK(kSummaryCount == 14 + 4 * 6 + 3 * 7);
}

TEST_CASE("warmup_months must be at least 0 and below the horizon", "[statistics][scenario_io]") {
  const TempDir dir("warmup");
  const auto with = [&dir](const std::string& name, const nlohmann::json& patch) {
    nlohmann::json j = patch;
    j["extends"] = std::string(AISCALE_SOURCE_DIR) + "/scenarios/default.json";
    return dir.write(name, j.dump());
  };
  CHECK(load_scenario(with("zero.json", {{"warmup_months", 0}})).warmup_months == 0.0);
  CHECK(load_scenario(with("twelve.json", {{"warmup_months", 12.5}})).warmup_months == 12.5);
  CHECK(load_scenario(with("just_below.json", {{"warmup_months", 59.9}})).warmup_months == 59.9);
  struct Case {
    nlohmann::json patch;
    const char* fragment;
  };
  for (const Case& c : {Case{{{"warmup_months", -1}}, "-1 is out of range: must be >= 0"},
                        Case{{{"warmup_months", 60}}, "60 is out of range: must be below horizon_months (60)"},
                        Case{{{"warmup_months", 100}}, "100 is out of range: must be below horizon_months (60)"},
                        Case{{{"warmup_months", 30}, {"horizon_months", 24}},
                             "30 is out of range: must be below horizon_months (24)"},
                        Case{{{"warmup_months", "none"}}, "expected a number"}}) {
    INFO(c.patch.dump());
    const auto problems = check_scenario(with("bad.json", c.patch));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].json_path == "/warmup_months");
    CHECK_THAT(problems[0].message, Catch::Contains(c.fragment));
    try {
      (void)load_scenario(with("bad.json", c.patch));
      FAIL("accepted");
    } catch (const ScenarioError& e) {
      CHECK_THAT(e.what(), Catch::Contains("/warmup_months: "));
    }
  }
  // A horizon out of range is reported alone, not again through the warm-up.
  const auto problems = check_scenario(with("horizon.json", {{"horizon_months", -1}}));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].json_path == "/horizon_months");
}
