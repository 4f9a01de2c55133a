// Tests models/spec/check.hpp: every class of problem, with its JSON path and message.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>

#include <nlohmann/json.hpp>

#include "models/spec/check.hpp"
#include "spec/toy_format.hpp"

using nlohmann::json;
using namespace spec_test;

namespace {

std::string listing(const spec::Issues& issues) {
  std::string out;
  for (const auto& i : issues) out += i.path + ": " + i.message + "\n";
  return out;
}

/// A valid toy with `patch` merged in (null deletes a key).
json toy(const char* patch) {
  json j = json::parse(R"({"name": "t", "mode": "fast", "steps": 2, "min": 0, "max": 1})");
  j.merge_patch(json::parse(patch));
  return j;
}

/// `value` has exactly one problem, at `path`, whose message contains every fragment.
void expect_one(const json& value, const std::string& path, std::initializer_list<std::string> fragments) {
  const auto issues = spec::check(value, toy_shape());
  INFO(listing(issues));
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].path == path);
  for (const auto& f : fragments) CHECK_THAT(issues[0].message, Catch::Contains(f));
}

}  // namespace

TEST_CASE("a valid value has no problems", "[spec]") { CHECK(spec::check(toy("{}"), toy_shape()).empty()); }

TEST_CASE("unknown keys get a did-you-mean or the allowed keys", "[spec]") {
  expect_one(toy(R"({"cuont": 2})"), "/cuont", {"unknown key 'cuont'", "did you mean 'count'?"});
  expect_one(toy(R"({"zzzzzz": 2})"), "/zzzzzz", {"allowed keys here: name, count, limit"});
}

TEST_CASE("missing required keys are named with the advice given", "[spec]") {
  expect_one(toy(R"({"name": null})"), "/name", {"missing key 'name': add it"});
  spec::CheckOptions options;
  options.missing_advice = "extend a base";
  const auto issues = spec::check(toy(R"({"name": null})"), toy_shape(), options);
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].message == "missing key 'name': extend a base");
  // Optional keys may be left out.
  CHECK(spec::check(toy(R"({"count": null, "limit": null})"), toy_shape()).empty());
}

TEST_CASE("wrong types and values out of range say what is allowed", "[spec]") {
  expect_one(toy(R"({"name": 3})"), "/name", {"expected a non-empty string, got 3"});
  expect_one(toy(R"({"name": ""})"), "/name", {"is empty"});
  expect_one(toy(R"({"count": 0})"), "/count", {"0 is out of range: must be >= 1"});
  expect_one(toy(R"({"count": 1.5})"), "/count", {"expected an integer, got 1.5"});
  expect_one(toy(R"({"limit": 2})"), "/limit", {"2 is out of range: must be in [0, 1]"});
  expect_one(toy(R"({"limit": "x"})"), "/limit", {"expected a number, got \"x\""});
  expect_one(toy(R"({"steps": 3000000000})"), "/steps", {"too large for an integer here", "2147483647"});
  expect_one(toy(R"({"seed": -1})"), "/seed", {"-1 is out of range: must be >= 0"});
  expect_one(toy(R"({"seed": 1e30})"), "/seed", {"too large for an integer here"});
  CHECK(spec::check(toy(R"({"seed": 18446744073709551615})"), toy_shape()).empty());
}

TEST_CASE("enumerations list the allowed names with a did-you-mean", "[spec]") {
  expect_one(toy(R"({"mode": "fats"})"), "/mode",
             {"\"fats\" is not allowed: must be one of \"fast\", \"slow\"", "did you mean \"fast\"?"});
}

TEST_CASE("variants take their own keys only", "[spec]") {
  expect_one(toy(R"({"steps": null})"), "/steps", {"missing key 'steps': mode \"fast\" needs steps"});
  expect_one(toy(R"({"speed": 2})"), "/speed", {"'speed' is not used by mode \"fast\", which takes steps: remove it"});
  CHECK(spec::check(toy(R"({"mode": "slow", "steps": null})"), toy_shape()).empty());
}

TEST_CASE("exactly one alternative is given in full", "[spec]") {
  expect_one(toy(R"({"min": null, "max": null})"), "",
             {"give either \"min\" and \"max\" (a range) or \"values\" (a list), not both or neither"});
  expect_one(toy(R"({"values": [1, 2]})"), "", {"not both or neither"});
  expect_one(toy(R"({"max": null})"), "/max", {"missing key 'max': a range needs min, max"});
  expect_one(toy(R"({"min": null, "max": 3, "values": [1]})"), "/max",
             {"'max' is used only by \"min\" and \"max\" (a range), not by \"values\" (a list): remove it"});
  expect_one(toy(R"({"min": "low"})"), "/min", {"expected a number"});
  expect_one(toy(R"({"min": null, "max": null, "values": []})"), "/values", {"has 0 items: needs at least 1"});
}

TEST_CASE("maps check every value and lists their items", "[spec]") {
  expect_one(toy(R"({"weights": {"a": 1, "b": -1}})"), "/weights/b", {"-1 is out of range: must be >= 0"});
  expect_one(toy(R"({"tags": ["x", "y", "x"]})"), "/tags/2",
             {"\"x\" is listed twice (also at /tags/0): items must be unique"});
  expect_one(toy(R"({"tags": "x"})"), "/tags", {"expected an array, got \"x\""});
}

TEST_CASE("all problems are reported together", "[spec]") {
  const auto issues = spec::check(toy(R"({"name": 1, "count": 0, "mode": "slow", "speed": -1, "extra": 1})"),
                                  toy_shape());
  INFO(listing(issues));
  // Unknown keys first, then each key in table order: steps is fast's key.
  REQUIRE(issues.size() == 5);
  CHECK(issues[0].path == "/extra");
  CHECK(issues[1].path == "/steps");
  CHECK(issues[2].path == "/name");
  CHECK(issues[3].path == "/count");
  CHECK(issues[4].path == "/speed");
  CHECK(spec::check(json::array(), toy_shape()).at(0).message == "expected an object, got an empty array []");
}

TEST_CASE("relations are added unless their value already has a problem", "[spec]") {
  spec::Issues issues{{"/a", "own"}, {"/b/0", "own"}};
  spec::add_relations(issues, {{"/a", "relation"}, {"/a/x", "inside"}, {"/ab", "other"}, {"/b", "outer"}});
  REQUIRE(issues.size() == 4);
  CHECK(issues[2].path == "/ab");
  CHECK(issues[3].path == "/b");
}

TEST_CASE("find_path string_at and number_at read defensively", "[spec]") {
  const json j = json::parse(R"({"a": {"b": 2, "s": "x"}, "n": [1]})");
  CHECK(spec::find_path(j, {"a", "b"})->get<int>() == 2);
  CHECK(spec::find_path(j, {"a", "z"}) == nullptr);
  CHECK(spec::find_path(j, {"n", "0"}) == nullptr);  // object keys only
  CHECK(*spec::string_at(j, {"a", "s"}) == "x");
  CHECK(spec::string_at(j, {"a", "b"}) == nullptr);
  CHECK(spec::number_at(j, {"a", "b"}) == 2.0);
  CHECK_FALSE(spec::number_at(j, {"a", "s"}).has_value());
}
