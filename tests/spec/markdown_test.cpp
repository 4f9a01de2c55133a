// Tests models/spec/markdown.hpp: the key table a doc embeds.
#include <catch2/catch.hpp>

#include <string>

#include "models/spec/markdown.hpp"
#include "spec/toy_format.hpp"

using namespace spec_test;

TEST_CASE("rows escape pipes and newlines in cells", "[spec]") {
  CHECK(spec::markdown_header() == "| Key | Type | Allowed | Meaning, unit |\n|---|---|---|---|\n");
  CHECK(spec::markdown_row("/a", "string", "x|y", "line\nbreak") == "| `/a` | string | x\\|y | line break |\n");
}

TEST_CASE("every key of a format has its row", "[spec]") {
  const std::string rows = spec::markdown_key_rows(toy_shape());
  CHECK(rows ==
        "| `/name` | string | non-empty | Name |\n"
        "| `/count` | integer | >= 1 | How many (optional, default 3) |\n"
        "| `/limit` | number | in [0, 1] | A limit (optional) |\n"
        "| `/mode` | string | `fast`, `slow` | The mode |\n"
        "| `/weights` | object | any keys | Weights by name (optional, default {}) |\n"
        "| `/weights/<name>` | number | >= 0 | Weight of that name |\n"
        "| `/tags` | array of strings | unique | Tags (optional, default []) |\n"
        "| `/seed` | integer | >= 0 | Seed (optional, default 1) |\n"
        "| `/steps` | integer | >= 1 | (mode `fast`) Steps |\n"
        "| `/speed` | number | > 0 | (mode `slow`) Speed (optional, default 1.0) |\n"
        "| `/min` | number | any | (a range) Lowest |\n"
        "| `/max` | number | any | (a range) Highest |\n"
        "| `/values` | array of numbers | at least 1 | (a list) Values |\n");
}

TEST_CASE("arrays of objects list their items' keys under a star", "[spec]") {
  const auto items = spec::list(spec::object(toy_table()), 1);
  const std::string rows = spec::markdown_rows(*items.shape, "/toys", "The toys");
  CHECK_THAT(rows, Catch::StartsWith("| `/toys` | array of objects | at least 1 | The toys |\n"
                                     "| `/toys/*/name` | string | non-empty | Name |\n"));
  CHECK_THAT(rows, Catch::Contains("| `/toys/*/steps` | integer | >= 1 | (mode `fast`) Steps |\n"));
}
