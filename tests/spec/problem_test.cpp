// Tests models/spec/problem.hpp: how a problem is written, and the error that carries all.
#include <catch2/catch.hpp>

#include "models/spec/problem.hpp"

using namespace spec;

TEST_CASE("a problem names the file then the JSON path then the message", "[spec]") {
  CHECK(format_problem({"a.json", "/x/0", "is wrong"}) == "a.json: /x/0: is wrong");
  CHECK(format_problem({"a.json", "", "no such file"}) == "a.json: no such file");
}

TEST_CASE("problems_of ties issues to a file in order", "[spec]") {
  const auto problems = problems_of("f.json", {{"/a", "one"}, {"", "two"}});
  REQUIRE(problems.size() == 2);
  CHECK(problems[0] == Problem{"f.json", "/a", "one"});
  CHECK(problems[1] == Problem{"f.json", "", "two"});
}

TEST_CASE("the error lists every problem one a line", "[spec]") {
  const Error e({{"f.json", "/a", "one"}, {"f.json", "", "two"}});
  CHECK(std::string(e.what()) == "f.json: /a: one\nf.json: two");
  CHECK(e.problems().size() == 2);
  CHECK(format_problems({}).empty());
}
