// Tests models/spec/schema.hpp: the JSON Schema says what the checker checks.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "models/spec/schema.hpp"
#include "spec/toy_format.hpp"

using nlohmann::json;
using namespace spec_test;

TEST_CASE("required keys defaults and ranges are in the schema", "[spec]") {
  const json s = spec::schema_of(toy_shape(), "A toy", true);
  CHECK(s.at("description") == "A toy");
  CHECK(s.at("type") == "object");
  CHECK(s.at("additionalProperties") == false);
  CHECK(s.at("required") == json::array({"name", "mode"}));
  const json& p = s.at("properties");
  CHECK(p.at("count") == json::parse(R"({"type": "integer", "minimum": 1, "default": 3, "description": "How many"})"));
  CHECK(p.at("limit").at("maximum") == 1.0);
  CHECK_FALSE(p.at("limit").contains("default"));
  CHECK(p.at("mode").at("enum") == json::array({"fast", "slow"}));
  CHECK(p.at("tags").at("uniqueItems") == true);
  // A map: any key, each value of the map's shape.
  CHECK(p.at("weights").at("additionalProperties").at("minimum") == 0.0);
  CHECK_FALSE(p.at("weights").contains("properties"));
}

TEST_CASE("variants become if-then branches and alternatives one-of branches", "[spec]") {
  const json s = spec::schema_of(toy_shape(), "", true);
  const json& all_of = s.at("allOf");
  REQUIRE(all_of.size() == 2);
  CHECK(all_of[0].at("if") == json::parse(R"({"properties": {"mode": {"const": "fast"}}, "required": ["mode"]})"));
  CHECK(all_of[0].at("then").at("required") == json::array({"steps"}));
  CHECK(all_of[0].at("then").at("properties").at("speed") == false);
  CHECK_FALSE(all_of[1].at("then").contains("required"));  // speed is optional
  CHECK(all_of[1].at("then").at("properties").at("speed").at("default") == 1.0);
  CHECK(s.at("oneOf") == json::parse(R"([
      {"required": ["min", "max"], "properties": {"values": false}},
      {"required": ["values"], "properties": {"min": false, "max": false}}])"));
  CHECK(s.at("properties").at("values").at("type") == "array");
}

TEST_CASE("a partial schema requires nothing outside arrays", "[spec]") {
  const json s = spec::schema_of(toy_shape(), "", false);
  CHECK_FALSE(s.contains("required"));
  CHECK_FALSE(s.contains("oneOf"));
  CHECK_FALSE(s.at("allOf")[0].at("then").contains("required"));
}

TEST_CASE("a file schema names the dialect the title and the $schema key", "[spec]") {
  const json s = spec::file_schema(toy_shape(), "toy", "A toy file", "Its schema");
  CHECK(s.at("$schema") == spec::kSchemaDialect);
  CHECK(s.at("title") == "toy");
  CHECK(s.at("description") == "A toy file");
  CHECK(s.at("properties").at("$schema") == json::parse(R"({"type": "string", "description": "Its schema"})"));
}
