/// @file
/// @brief The Markdown table of every key of a format (JSON Pointer, type, allowed values,
///        meaning and unit), generated from shapes; the docs embed it verbatim.
#pragma once

#include <string>

#include "models/spec/shape.hpp"

namespace spec {

/// "| Key | Type | Allowed | Meaning, unit |" and its separator line.
std::string markdown_header();

/// One row, with '|' and newlines in the cells escaped.
std::string markdown_row(const std::string& path, const std::string& type, const std::string& allowed,
                         const std::string& meaning);

/// The rows of a value of shape `s` at `path` and of everything inside it: `*` stands
/// for any index of an array, `<name>` for a key of a placeholder object. Optional keys
/// say so in their meaning, with their default; keys of a variant or an alternative
/// start their meaning with "(kind `hire`)" or "(a range)".
std::string markdown_rows(const Shape& s, const std::string& path, const std::string& description);

/// The rows of every key of the object shape `s` (the whole file), without a row for the
/// file itself.
std::string markdown_key_rows(const Shape& s);

}  // namespace spec
