// Tests the aiscale program as a user runs it: every documented command, its output
// contract, and its answers to bad usage (a message and a non-zero exit, never a crash).
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "analysis/run_aiscale.hpp"

using aiscale_test::last_line;
using aiscale_test::run_aiscale;

TEST_CASE("aiscale --help lists the commands", "[cli]") {
  const auto r = run_aiscale("--help");
  CHECK(r.exit_code == 0);
  for (const char* command : {"run", "compare", "sweep", "sensitivity", "calibrate", "validate", "validate-model",
                              "schema", "trace", "bench"}) {
    CHECK_THAT(r.output, Catch::Contains(std::string("\n  ") + command + " "));
  }
  CHECK_THAT(r.output, Catch::Contains("aiscale <command> --help"));
}

TEST_CASE("aiscale --version prints the version", "[cli]") {
  const auto r = run_aiscale("--version");
  CHECK(r.exit_code == 0);
  CHECK(std::regex_search(r.output, std::regex(R"(^aiscale \d+\.\d+\.\d+)")));
}

TEST_CASE("aiscale bench phold --help documents every option", "[cli]") {
  const auto r = run_aiscale("bench phold --help");
  CHECK(r.exit_code == 0);
  for (const char* option : {"--lps", "--start-events", "--end", "--seed", "--loop", "--arity"}) {
    CHECK_THAT(r.output, Catch::Contains(option));
  }
}

TEST_CASE("aiscale bench phold prints the result line last", "[cli]") {
  const std::regex result(R"(events=(\d+) seconds=[0-9.]+ events_per_second=\d+)");
  std::smatch engine_match;
  const auto engine = run_aiscale("bench phold --lps 256 --start-events 2 --end 100 --seed 7");
  REQUIRE(engine.exit_code == 0);
  const std::string engine_line = last_line(engine.output);
  REQUIRE(std::regex_match(engine_line, engine_match, result));

  // The yardstick loop, and the binary-heap engine, handle the very same events.
  for (const char* variant : {"--loop handwritten", "--arity 2"}) {
    const auto other =
        run_aiscale(std::string("bench phold --lps 256 --start-events 2 --end 100 --seed 7 ") + variant);
    REQUIRE(other.exit_code == 0);
    const std::string other_line = last_line(other.output);
    std::smatch other_match;
    REQUIRE(std::regex_match(other_line, other_match, result));
    CHECK(other_match[1] == engine_match[1]);
  }
}

TEST_CASE("aiscale bench model times replications of a scenario", "[cli]") {
  const auto r = run_aiscale("bench model " + std::string(AISCALE_SOURCE_DIR) + "/scenarios/default.json --reps 3");
  REQUIRE(r.exit_code == 0);
  CHECK(std::regex_match(last_line(r.output),
                         std::regex(R"(replications=3 events_per_replication=[0-9.]+ ms_per_replication=[0-9.]+ us_per_event=[0-9.]+)")));
  // Whoever watches, the model handles the same events.
  const auto events = [](const std::string& output) {
    std::smatch m;
    const std::string line = last_line(output);
    return std::regex_search(line, m, std::regex(R"(events_per_replication=([0-9.]+))")) ? m[1].str() : std::string();
  };
  for (const std::string observers : {"none", "trace"}) {
    const auto o = run_aiscale("bench model " + std::string(AISCALE_SOURCE_DIR) + "/scenarios/default.json --reps 3 --observers " + observers);
    REQUIRE(o.exit_code == 0);
    CHECK(events(o.output) == events(r.output));
  }
  CHECK(run_aiscale("bench model " + std::string(AISCALE_SOURCE_DIR) + "/scenarios/default.json --observers all").exit_code != 0);
  CHECK(run_aiscale("bench model " + std::string(AISCALE_SOURCE_DIR) + "/scenarios/default.json --reps 0").exit_code != 0);
  CHECK(run_aiscale("bench model /no/such.json").exit_code != 0);
}

TEST_CASE("aiscale rejects bad usage with a message and a non-zero exit", "[cli]") {
  struct Case {
    const char* args;
    const char* message;
  };
  for (const Case c : {Case{"", "subcommand"},
                       Case{"frobnicate", "frobnicate"},
                       Case{"bench", "subcommand"},
                       Case{"bench frob", "unknown command 'frob'"},
                       Case{"bench phold --lps 0", "--lps"},
                       Case{"bench phold --lps -5", "--lps"},
                       Case{"bench phold --lps many", "--lps"},
                       Case{"bench phold --end 0", "--end"},
                       Case{"bench phold --start-events 0", "--start-events"},
                       Case{"bench phold --loop turbo", "--loop"},
                       Case{"bench phold --arity 3", "--arity"},
                       Case{"bench phold --no-such-option", "--no-such-option"}}) {
    INFO("aiscale " << c.args);
    const auto r = run_aiscale(c.args);
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.output, Catch::Contains(c.message));
  }
}
