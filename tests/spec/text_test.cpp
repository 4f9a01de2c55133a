// Tests models/spec/text.hpp: how values are written in messages.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "models/spec/text.hpp"

using nlohmann::json;
using namespace spec;

TEST_CASE("numbers are written as people write them", "[spec]") {
  CHECK(number_text(60) == "60");
  CHECK(number_text(-3) == "-3");
  CHECK(number_text(0.5) == "0.5");
  CHECK(number_text(1e-6) == "1e-06");
  CHECK(number_text(1e20) == "1e+20");
}

TEST_CASE("values are shortened for messages", "[spec]") {
  CHECK(value_text(json::object()) == "an empty object {}");
  CHECK(value_text(json{{"a", 1}}) == "an object {...}");
  CHECK(value_text(json::array()) == "an empty array []");
  CHECK(value_text(json::array({1})) == "an array of 1 item [...]");
  CHECK(value_text(json::array({1, 2})) == "an array of 2 items [...]");
  CHECK(value_text(json("coe")) == "\"coe\"");
  CHECK(value_text(json(std::string(100, 'x'))) == "\"" + std::string(57, 'x') + "...\"");
  CHECK(value_text(json(nullptr)) == "null");
  // Bytes that are not UTF-8 are replaced, not thrown about.
  CHECK_NOTHROW(value_text(json(std::string("a\xff"))));
}

TEST_CASE("names are quoted and joined", "[spec]") {
  CHECK(dq("coe") == "\"coe\"");
  CHECK(single_quoted("cv") == "'cv'");
  CHECK(join({"a", "b", "c"}, ", ") == "a, b, c");
  CHECK(join({}, ", ").empty());
  CHECK(quoted_choices({"grid", "latin_hypercube"}) == "\"grid\", \"latin_hypercube\"");
  CHECK(backquoted_choices({"true", "false"}) == "`true`, `false`");
}

TEST_CASE("JSON Pointer steps escape tilde and slash", "[spec]") {
  CHECK(escape_token("a/b~c") == "a~1b~0c");
  CHECK(child("/start", "drift rate") == "/start/drift rate");
  CHECK(child("/start", "a/b") == "/start/a~1b");
  CHECK(child("/items", std::size_t{3}) == "/items/3");
}
