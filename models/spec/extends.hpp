/// @file
/// @brief Reading a JSON file strictly (malformed JSON with line and column, duplicate
///        keys, absurd nesting), with its "extends" chain when the format has one.
///
/// A file may start from another: `"extends": "<path>"` (relative to the extending
/// file's directory) names a base, and the file is applied to the base as an RFC 7386
/// JSON merge patch (objects merge key by key, arrays and scalars replace the base's
/// value whole, `null` deletes a key). Chains work; cycles are errors. A "$schema" key
/// (the path or URL of the file's JSON Schema, for editors) must be a string and is
/// removed before the document is checked.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/spec/problem.hpp"

namespace spec {

/// How a format's files are named in messages, and whether they may extend others.
struct FileFormat {
  std::string file_noun = "file";        ///< e.g. "recipe file": "is a directory, not a recipe file"
  std::string top_level = "an object";   ///< e.g. "a recipe": "expected a JSON object (a recipe) at the top level"
  std::string extends_key;               ///< "extends", or empty: the format has no extends
  std::string base_noun = "file";        ///< e.g. "recipe": "base recipe \"x\": no such file"
};

/// One file of a chain, as written.
struct Layer {
  std::string file;
  nlohmann::json raw;
};

/// A file read with its chain: the merged document, or the problems that stopped it.
struct Document {
  std::optional<nlohmann::json> value;  ///< merged, without the extends key and "$schema"
  std::vector<Problem> problems;        ///< reading problems (a document may have both)
  std::vector<Layer> layers;            ///< every file read, most derived first

  /// The file that sets the value at `json_path`: the most derived file of the chain
  /// that holds it (null included: a deletion), else the file that was asked for.
  [[nodiscard]] std::string file_of(const std::string& json_path) const;
};

/// Reads `file` and its chain. Reads only the files of the chain; changes nothing.
Document load_document(const std::filesystem::path& file, const FileFormat& format);

/// Parses `text` strictly; on failure returns nullopt and sets `issue` (path empty for
/// malformed JSON, the JSON Pointer of a duplicate key or of too deep a nesting).
std::optional<nlohmann::json> parse_text(const std::string& text, Issue& issue);

/// Nesting deeper than this is refused while parsing.
inline constexpr int kMaxDepth = 64;

}  // namespace spec
