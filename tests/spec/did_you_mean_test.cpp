// Tests models/spec/did_you_mean.hpp: edit distance and the nearest known name.
#include <catch2/catch.hpp>

#include <string>

#include "models/spec/did_you_mean.hpp"

using namespace spec;

TEST_CASE("edit distance counts insertions deletions substitutions and swaps", "[spec]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("abc", "abc") == 0);
  CHECK(edit_distance("abc", "abd") == 1);
  CHECK(edit_distance("abc", "ab") == 1);
  CHECK(edit_distance("abc", "acb") == 1);  // one transposition
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("nearest finds typos case differences and prefixes", "[spec]") {
  const std::vector<std::string> keys{"drift_rate", "replications", "small_world_neighbours", "seed"};
  CHECK(nearest("drift_rat", keys) == "drift_rate");
  CHECK(nearest("replicatoins", keys) == "replications");
  CHECK(nearest("REPLICATIONS", keys) == "replications");
  CHECK(nearest("small_world", keys) == "small_world_neighbours");
  CHECK_FALSE(nearest("bonus", keys).has_value());
  CHECK_FALSE(nearest("ab", {"cd"}).has_value());  // short words are not typos of anything
  CHECK_FALSE(nearest(std::string(300, 'x'), keys).has_value());
}
