// Tests models/spec/codec.hpp: tables build shapes, read checked JSON with defaults, and
// write it back.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "models/spec/check.hpp"
#include "spec/toy_format.hpp"

using nlohmann::json;
using namespace spec_test;

namespace {

Toy read(const json& j) {
  INFO(j.dump());
  REQUIRE(spec::check(j, toy_shape()).empty());
  Toy t;
  spec::read_object(toy_table(), j, t);
  return t;
}

}  // namespace

TEST_CASE("a table's shape lists its keys variants and alternatives", "[spec]") {
  const spec::Shape& s = toy_shape();
  CHECK(s.kind == spec::Kind::object);
  REQUIRE(s.keys.size() == 7);
  CHECK(s.keys[0].name == "name");
  CHECK(s.keys[0].required);
  CHECK_FALSE(s.keys[1].required);
  CHECK(s.keys[1].default_value == json(3));
  CHECK_FALSE(s.keys[2].default_value.has_value());
  CHECK(s.tag == "mode");
  REQUIRE(s.variants.size() == 2);
  CHECK(s.variants[1].keys[0].name == "speed");
  REQUIRE(s.alternatives.size() == 2);
  CHECK(s.alternatives[0].label == "a range");
  CHECK(s.keys[4].shape->any_key.name == "<name>");
}

TEST_CASE("reading takes given values and the defaults of optional keys", "[spec]") {
  const Toy a = read(json::parse(R"({"name": "a", "mode": "fast", "steps": 4, "min": 1, "max": 2})"));
  CHECK(a.name == "a");
  CHECK(a.count == 3);
  CHECK_FALSE(a.limit.has_value());
  CHECK(a.mode == Mode::fast);
  CHECK(a.steps == 4);
  CHECK(a.seed == 1);
  CHECK(a.min == 1.0);
  CHECK(a.max == 2.0);
  CHECK(a.values.empty());

  const Toy b = read(json::parse(R"({"name": "b", "count": 7.0, "limit": 0.5, "mode": "slow",
      "weights": {"x": 2}, "tags": ["p", "q"], "seed": 18446744073709551615, "values": [3, 4]})"));
  CHECK(b.count == 7);
  CHECK(b.limit == 0.5);
  CHECK(b.mode == Mode::slow);
  CHECK(b.speed == 1.0);  // the variant's optional key, left out
  CHECK(b.weights == std::map<std::string, double>{{"x", 2.0}});
  CHECK(b.tags == std::vector<std::string>{"p", "q"});
  CHECK(b.seed == 18446744073709551615u);
  CHECK(b.values == std::vector<double>{3, 4});
}

TEST_CASE("writing gives back what was read with defaults made explicit", "[spec]") {
  const json in = json::parse(R"({"name": "b", "limit": 0.5, "mode": "slow", "speed": 2, "values": [3]})");
  const json out = spec::write_object(toy_table(), read(in));
  CHECK(out == json::parse(R"({"name": "b", "count": 3, "limit": 0.5, "mode": "slow", "speed": 2.0,
      "weights": {}, "tags": [], "seed": 1, "values": [3.0]})"));
  // An empty optional member is not written; the chosen alternative is.
  const json range = spec::write_object(
      toy_table(), read(json::parse(R"({"name": "c", "mode": "fast", "steps": 1, "min": 0, "max": 1})")));
  CHECK_FALSE(range.contains("limit"));
  CHECK_FALSE(range.contains("values"));
  CHECK(range.at("min") == 0.0);
}

TEST_CASE("an enumeration codec reads and writes names", "[spec]") {
  const auto codec = spec::enumeration<Mode>({"fast", "slow"});
  CHECK(codec.read(json("slow")) == Mode::slow);
  CHECK(codec.write(Mode::fast) == json("fast"));
  CHECK_THROWS_AS(codec.read(json("medium")), std::invalid_argument);
}
