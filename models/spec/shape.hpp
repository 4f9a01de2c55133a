/// @file
/// @brief Shapes: a non-template description of what a JSON value must look like (its
///        kind, range, names, keys). The checker (check.hpp), the JSON Schema
///        (schema.hpp) and the Markdown key table (markdown.hpp) read only shapes, so the
///        three cannot disagree. Codecs (codec.hpp) build shapes from C++ types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace spec {

enum class Kind { number, integer, boolean, string, enumeration, array, object };

/// Allowed range of a number or integer. No bound means unbounded on that side.
struct Bounds {
  std::optional<double> min;
  bool min_exclusive = false;
  std::optional<double> max;
  bool max_exclusive = false;
  bool nonzero = false;               ///< 0 is not allowed
  std::optional<double> multiple_of;  ///< the value must be a multiple of this
};

/// Any value.
Bounds any();
/// >= a
Bounds at_least(double a);
/// > a
Bounds above(double a);
/// [a, b]
Bounds closed(double a, double b);
/// (a, b]
Bounds left_open(double a, double b);
/// [a, b)
Bounds right_open(double a, double b);
/// [0, 1]
Bounds unit();
/// any value but 0
Bounds nonzero();

struct Shape;
using ShapePtr = std::shared_ptr<const Shape>;

/// One key of an object.
struct Key {
  std::string name;
  std::string description;
  ShapePtr shape;
  bool required = true;                        ///< false: the key may be left out
  std::optional<nlohmann::json> default_value;  ///< what leaving it out means (schema, docs)
};

/// Keys an object takes when its tag key has the value `tag` (e.g. an intervention kind).
struct Variant {
  std::string tag;
  std::vector<Key> keys;
};

/// One of several sets of keys of which an object gives exactly one, told apart by which
/// keys are present (e.g. a range {"min", "max"} or a list {"values"}).
struct Alternative {
  std::string label;  ///< what the keys make, for messages and docs: "a range"
  std::vector<Key> keys;
};

struct Shape {
  Kind kind = Kind::object;
  Bounds bounds;                     // number, integer
  std::int64_t integer_min = std::numeric_limits<int>::min();   // integer: the C++ type's range
  std::uint64_t integer_max = std::numeric_limits<int>::max();
  std::vector<std::string> choices;  // enumeration
  std::size_t min_length = 0;        // string
  std::vector<Key> keys;             // object: its keys (each required unless marked)
  std::string tag;                   // object: key whose value selects a variant
  std::vector<Variant> variants;     // object: the keys each tag value adds
  std::vector<Alternative> alternatives;  // object: exactly one of these key sets
  Key any_key;                       // object: when any_key.shape is set, keys not in `keys`
                                     // are allowed, each a value of that shape; any_key.name
                                     // is the placeholder in docs ("<parameter>")
  ShapePtr items;                    // array
  std::size_t min_items = 0;         // array
  bool unique_items = false;         // array
  std::string placeholder;           // object whose keys are the names of a set, all alike
                                     // (the placeholder names one): one row per key in the docs
};

ShapePtr make_shape(Shape s);

/// "in [0, 1]", ">= 0", "> 0", "non-zero", "any", with ", a multiple of 2" appended.
std::string range_text(const Bounds& b);

/// Whether `x` is within `b`.
bool within(double x, const Bounds& b);

/// What a value of this shape is, for "expected ..., got ..." messages: "a number".
std::string expected_text(const Shape& s);

}  // namespace spec
