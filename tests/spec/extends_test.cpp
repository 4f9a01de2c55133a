// Tests models/spec/extends.hpp: strict reading, extends chains merged as RFC 7386 says,
// cycles, missing bases, and the file each value comes from.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "models/spec/extends.hpp"
#include "support/temp_dir.hpp"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const spec::FileFormat kWithExtends{"toy file", "a toy", "extends", "toy"};
const spec::FileFormat kWithout{"toy file", "a toy", "", "toy"};

std::string listing(const std::vector<spec::Problem>& problems) { return spec::format_problems(problems); }

}  // namespace

TEST_CASE("a chain merges as a JSON merge patch without extends and $schema", "[spec]") {
  const aiscale_test::TempDir dir("spec-extends");
  dir.write("base/base.json", R"({"a": {"x": 1, "y": 2}, "list": [1, 2], "gone": 1, "$schema": "toy.schema.json"})");
  const auto top = dir.write("top.json", R"({"extends": "base/base.json", "a": {"y": 3}, "list": [9], "gone": null})");
  const auto document = spec::load_document(top, kWithExtends);
  INFO(listing(document.problems));
  CHECK(document.problems.empty());
  REQUIRE(document.value.has_value());
  CHECK(*document.value == json::parse(R"({"a": {"x": 1, "y": 3}, "list": [9]})"));
  REQUIRE(document.layers.size() == 2);
  CHECK(document.layers[0].file == top.string());
  CHECK(document.file_of("/a/y") == top.string());
  CHECK(document.file_of("/a/x") == (dir.path() / "base/base.json").string());
  CHECK(document.file_of("/nowhere") == top.string());
}

TEST_CASE("a format without extends keeps the key as written", "[spec]") {
  const aiscale_test::TempDir dir("spec-extends");
  const auto file = dir.write("plain.json", R"({"extends": "other.json", "$schema": "x"})");
  const auto document = spec::load_document(file, kWithout);
  CHECK(document.problems.empty());
  CHECK(*document.value == json::parse(R"({"extends": "other.json"})"));
}

TEST_CASE("cycles missing bases and bad extends are problems of the extending file", "[spec]") {
  const aiscale_test::TempDir dir("spec-extends");
  const auto a = dir.write("a.json", R"({"extends": "b.json"})");
  const auto b = dir.write("b.json", R"({"extends": "a.json"})");
  const auto cycle = spec::load_document(a, kWithExtends);
  REQUIRE(cycle.problems.size() == 1);
  CHECK(cycle.problems[0].file == b.lexically_normal().string());
  CHECK(cycle.problems[0].json_path == "/extends");
  CHECK_THAT(cycle.problems[0].message, Catch::StartsWith("extends cycle: " + a.string() + " -> "));
  CHECK_FALSE(cycle.value.has_value());

  const auto orphan = dir.write("orphan.json", R"({"extends": "nope.json"})");
  const auto missing = spec::load_document(orphan, kWithExtends);
  REQUIRE(missing.problems.size() == 1);
  CHECK(missing.problems[0].message ==
        "base toy \"nope.json\": no such file (looked for " + (dir.path() / "nope.json").string() + ")");

  const auto wrong = dir.write("wrong.json", R"({"extends": 3})");
  CHECK(spec::load_document(wrong, kWithExtends).problems.at(0).message ==
        "expected a non-empty string (the base toy's path, relative to this file's directory), got 3");
}

TEST_CASE("unreadable malformed and non-object files are named", "[spec]") {
  const aiscale_test::TempDir dir("spec-extends");
  CHECK(spec::load_document(dir.path() / "none.json", kWithout).problems.at(0).message == "no such file");
  CHECK(spec::load_document(dir.path(), kWithout).problems.at(0).message == "is a directory, not a toy file");
  const auto broken = dir.write("broken.json", "{\n  \"a\": 1,,\n}");
  CHECK_THAT(spec::load_document(broken, kWithout).problems.at(0).message,
             Catch::StartsWith("malformed JSON at line 2, column 10: "));
  const auto array = dir.write("array.json", "[1]");
  CHECK(spec::load_document(array, kWithout).problems.at(0).message ==
        "expected a JSON object (a toy) at the top level, got an array of 1 item [...]");
  const auto schema = dir.write("schema.json", R"({"$schema": 1, "a": 2})");
  const auto bad_schema = spec::load_document(schema, kWithout);
  REQUIRE(bad_schema.problems.size() == 1);
  CHECK(bad_schema.problems[0].json_path == "/$schema");
  CHECK(*bad_schema.value == json::parse(R"({"a": 2})"));  // still checked further
}

TEST_CASE("parse_text names duplicate keys and refuses absurd nesting", "[spec]") {
  spec::Issue issue;
  CHECK_FALSE(spec::parse_text(R"({"a": {"b": 1, "b": 2}})", issue).has_value());
  CHECK(issue.path == "/a/b");
  CHECK_THAT(issue.message, Catch::StartsWith("duplicate key 'b'"));
  CHECK_FALSE(spec::parse_text(std::string(1000, '[') + std::string(1000, ']'), issue).has_value());
  CHECK_THAT(issue.message, Catch::Contains("nested deeper than 64 levels"));
  CHECK(spec::parse_text(R"([{"a": 1}, {"a": 2}])", issue) == json::parse(R"([{"a": 1}, {"a": 2}])"));
}
