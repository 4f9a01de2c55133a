/// @file
/// @brief How values are written in problem messages: JSON values shortened, numbers as
///        people write them, quoted names, JSON Pointer steps.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace spec {

/// JSON text of `v`; invalid UTF-8 (possible in JSON built in memory, or where a long
/// string was cut) is replaced, never thrown about.
std::string dump_text(const nlohmann::json& v);

/// `s` as a JSON string literal: "coe".
std::string dq(std::string_view s);

/// `s` in single quotes: 'coe'.
std::string single_quoted(std::string_view s);

/// A number as people write it: 60, 0.5, 1e-06.
std::string number_text(double x);

/// A short rendering of a JSON value for messages (never the whole of a big value):
/// "an object {...}", "an array of 2 items [...]", a string cut at 60 characters.
std::string value_text(const nlohmann::json& v);

/// `items` joined by `sep`.
std::string join(const std::vector<std::string>& items, std::string_view sep);

/// "\"a\", \"b\"": each choice as a JSON string, comma-separated.
std::string quoted_choices(const std::vector<std::string>& choices);

/// "`a`, `b`": each choice in backquotes (Markdown), comma-separated.
std::string backquoted_choices(const std::vector<std::string>& choices);

/// JSON Pointer escaping of one reference token ('~' -> "~0", '/' -> "~1").
std::string escape_token(std::string_view token);

/// `path` extended by one object key or array index.
std::string child(const std::string& path, std::string_view key);
std::string child(const std::string& path, std::size_t index);

}  // namespace spec
