/// @file
/// @brief Reading, checking and writing scenario files: JSON <-> models::enterprise::Scenario.
///
/// One field table (in scenario_io.cpp) lists every JSON key with its C++ member, its
/// kind, its allowed range and its description with unit. That table alone drives
/// parsing, range checks, the JSON Schema (`aiscale schema`,
/// scenarios/scenario.schema.json) and the key table of docs/scenarios.md
/// (`aiscale schema --markdown`), so the four cannot disagree. The machinery that reads
/// tables is generic (models/spec/); this file adds the enterprise's tables and the
/// relations between values that a table cannot express.
///
/// A scenario file may start from another: `"extends": "<path>"` (relative to the
/// extending file's directory) names a base, and the file is applied to the base as an
/// RFC 7386 JSON merge patch (objects merge key by key, arrays and scalars replace the
/// base's value whole, `null` deletes a key). Chains work; cycles are errors. After the
/// merge every key is required: C++ holds no defaults, scenarios/default.json sets every
/// key, and a missing key is an error, never a silent zero.
///
/// Bad input never crashes and is never half-accepted: every problem found (malformed
/// JSON, unknown keys, wrong types, out-of-range values, unknown names, dangling edges,
/// extends cycles, ...) is collected and reported with the file, the JSON Pointer of the
/// value (`/lifecycle/data_prep/cv`), the bad value and what is allowed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/enterprise/params.hpp"
#include "models/spec/problem.hpp"

namespace models::enterprise {

/// One thing wrong with a scenario (the problem type every file format shares).
using ScenarioProblem = spec::Problem;

/// Thrown by load_scenario() and scenario_from_json(): every problem found, at once;
/// what() lists them, one spec::format_problem() per line.
using ScenarioError = spec::Error;

using spec::format_problem;

/// Reads `file`, resolves its extends chain, checks everything and returns the scenario.
/// Throws ScenarioError listing all problems found (a missing or unreadable file is a
/// problem too). Reads only the files of the chain; changes nothing.
Scenario load_scenario(const std::filesystem::path& file);

/// The checks of load_scenario(), returned instead of thrown: empty means `file` loads.
std::vector<ScenarioProblem> check_scenario(const std::filesystem::path& file);

/// Builds a scenario from a complete, resolved JSON object (no "extends"; a "$schema"
/// key is ignored). `origin` stands for the file name in problems. Throws ScenarioError.
Scenario scenario_from_json(const nlohmann::json& json, const std::string& origin);

/// The complete JSON form of `scenario` (every key, no extends), such that
/// scenario_from_json(to_json(s), ...) gives back `s` exactly. Interventions carry only
/// the keys their kind uses.
nlohmann::json to_json(const Scenario& scenario);

/// The JSON Schema (draft 2020-12) of scenario files, generated from the field table.
/// A file with "extends" is checked as a partial scenario (no key required, except
/// inside array elements, which replace the base's array whole); a file without it as
/// a complete one (every key required).
nlohmann::json scenario_schema();

/// The Markdown table of every key (JSON Pointer, type, allowed values, meaning and
/// unit), generated from the field table; docs/scenarios.md embeds it verbatim.
std::string scenario_markdown_table();

}  // namespace models::enterprise
