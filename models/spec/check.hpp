/// @file
/// @brief The checker: walks a JSON value along its shape and collects every problem,
///        each with the JSON Pointer of the value. It descends only into known keys, so
///        its depth is that of the shape, whatever the input's nesting. Relations between
///        values that shapes cannot express are a format's own checks (relation checks),
///        merged with add_relations().
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "models/spec/problem.hpp"
#include "models/spec/shape.hpp"

namespace spec {

/// What a message about a missing required key advises.
struct CheckOptions {
  std::string missing_advice = "add it";  ///< for a key of an object outside arrays
  std::string missing_in_array_advice =   ///< for a key of an array item
      "add it: each item of an array needs every key";
};

/// Every problem of `value` against `shape`, in document order of the shape: unknown
/// keys (with a did-you-mean), missing keys, wrong types, values out of range, names not
/// allowed, too few or repeated items, keys of the wrong variant or alternative.
Issues check(const nlohmann::json& value, const Shape& shape, const CheckOptions& options = {});

/// Appends the relation issues to `issues`, except those at or inside a path that
/// already has one of `issues`: one problem per value, the value's own first.
void add_relations(Issues& issues, Issues relations);

/// The value at `keys` below `root` (object keys only), or nullptr if a step is missing
/// or not an object.
const nlohmann::json* find_path(const nlohmann::json& root, std::initializer_list<std::string_view> keys);

/// The string at `keys`, or nullptr when absent or not a string.
const std::string* string_at(const nlohmann::json& root, std::initializer_list<std::string_view> keys);

/// The number at `keys`, or nullopt when absent or not a number.
std::optional<double> number_at(const nlohmann::json& root, std::initializer_list<std::string_view> keys);

}  // namespace spec
