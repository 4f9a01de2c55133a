/// @file
/// @brief A small format for the spec tests that uses every feature of the machinery:
///        required and optional keys, defaults, a tag with variants, alternatives, a map,
///        a list of unique names, and an integer of a wide C++ type.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/spec/codec.hpp"

namespace spec_test {

enum class Mode { fast, slow };

struct Toy {
  std::string name;
  std::size_t count = 0;
  std::optional<double> limit;
  Mode mode = Mode::fast;
  int steps = 0;
  double speed = 0.0;
  std::map<std::string, double> weights;
  std::vector<std::string> tags;
  std::uint64_t seed = 0;
  double min = 0.0;
  double max = 0.0;
  std::vector<double> values;
};

inline const spec::Table<Toy>& toy_table() {
  static const spec::Table<Toy> table{
      {
          spec::field("name", &Toy::name, spec::text(1), "Name"),
          spec::optional_field("count", &Toy::count, spec::integer<std::size_t>(spec::at_least(1)), std::size_t{3},
                               "How many"),
          spec::optional_field("limit", &Toy::limit, spec::number(spec::unit()), "A limit"),
          spec::field("mode", &Toy::mode, spec::enumeration<Mode>({"fast", "slow"}), "The mode"),
          spec::optional_field("weights", &Toy::weights,
                               spec::map_of(spec::number(spec::at_least(0)), "<name>", "Weight of that name"),
                               std::map<std::string, double>(), "Weights by name"),
          spec::optional_field("tags", &Toy::tags, spec::list(spec::text(1), 0, true), std::vector<std::string>(),
                               "Tags"),
          spec::optional_field("seed", &Toy::seed, spec::integer<std::uint64_t>(spec::at_least(0)), std::uint64_t{1},
                               "Seed"),
      },
      "mode",
      {
          {"fast", {spec::field("steps", &Toy::steps, spec::integer(spec::at_least(1)), "Steps")}},
          {"slow", {spec::optional_field("speed", &Toy::speed, spec::number(spec::above(0)), 1.0, "Speed")}},
      },
      {
          {"a range",
           {spec::field("min", &Toy::min, spec::number(spec::any()), "Lowest"),
            spec::field("max", &Toy::max, spec::number(spec::any()), "Highest")},
           [](const Toy& t) { return t.values.empty(); }},
          {"a list",
           {spec::field("values", &Toy::values, spec::list(spec::number(spec::any()), 1), "Values")},
           [](const Toy& t) { return !t.values.empty(); }},
      }};
  return table;
}

inline const spec::Shape& toy_shape() {
  static const spec::Shape shape = spec::object_shape(toy_table());
  return shape;
}

}  // namespace spec_test
