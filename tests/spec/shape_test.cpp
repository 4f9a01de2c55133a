// Tests models/spec/shape.hpp: ranges as messages say them, membership, expected kinds.
#include <catch2/catch.hpp>

#include "models/spec/shape.hpp"

using namespace spec;

TEST_CASE("ranges are written as intervals and inequalities", "[spec]") {
  CHECK(range_text(unit()) == "in [0, 1]");
  CHECK(range_text(left_open(0, 1)) == "in (0, 1]");
  CHECK(range_text(right_open(0, 1)) == "in [0, 1)");
  CHECK(range_text(at_least(0)) == ">= 0");
  CHECK(range_text(above(0)) == "> 0");
  CHECK(range_text(nonzero()) == "non-zero");
  CHECK(range_text(any()) == "any");
  Bounds even = at_least(2);
  even.multiple_of = 2;
  CHECK(range_text(even) == ">= 2, a multiple of 2");
}

TEST_CASE("within honours open and closed ends zero and multiples", "[spec]") {
  CHECK(within(0, unit()));
  CHECK(within(1, unit()));
  CHECK_FALSE(within(1.5, unit()));
  CHECK_FALSE(within(0, left_open(0, 1)));
  CHECK_FALSE(within(1, right_open(0, 1)));
  CHECK_FALSE(within(0, above(0)));
  CHECK_FALSE(within(0, nonzero()));
  CHECK(within(-3, nonzero()));
  Bounds even = at_least(2);
  even.multiple_of = 2;
  CHECK(within(4, even));
  CHECK_FALSE(within(3, even));
}

TEST_CASE("expected_text names each kind", "[spec]") {
  Shape s;
  s.kind = Kind::integer;
  CHECK(expected_text(s) == "an integer");
  s.kind = Kind::string;
  s.min_length = 1;
  CHECK(expected_text(s) == "a non-empty string");
  s.kind = Kind::enumeration;
  s.choices = {"a", "b"};
  CHECK(expected_text(s) == "one of \"a\", \"b\"");
  s.kind = Kind::boolean;
  CHECK(expected_text(s) == "true or false");
}
