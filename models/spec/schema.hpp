/// @file
/// @brief JSON Schema (draft 2020-12) generated from shapes, for editors.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "models/spec/shape.hpp"

namespace spec {

/// The JSON Schema URI every generated schema names in "$schema".
inline constexpr const char* kSchemaDialect = "https://json-schema.org/draft/2020-12/schema";

/// The schema of a value of shape `s`, with `description` when not empty. When
/// `complete` is false, no key of an object is required (a partial file, completed by
/// its base), except inside array items, which are always complete.
nlohmann::json schema_of(const Shape& s, const std::string& description, bool complete);

/// The schema of a whole file of shape `s` (an object): `s`'s schema with "$schema",
/// "title" and "description", plus an optional string key "$schema" described by
/// `schema_key_description` (files name their schema there; the loader ignores it).
nlohmann::json file_schema(const Shape& s, const std::string& title, const std::string& description,
                           const std::string& schema_key_description);

}  // namespace spec
