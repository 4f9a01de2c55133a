// Scenario files: one field table drives parsing, checking, the JSON Schema and the docs.
//
// The file has four parts:
//   1. Shapes: a non-template description of what a JSON value must look like (kind,
//      range, names, keys). The checker, the schema and the Markdown table read only
//      shapes.
//   2. Codecs and tables: for each C++ type a Codec (its shape plus read/write
//      functions); for each struct a Table of fields {JSON key, member, codec,
//      description}. A struct's shape is built from its table.
//   3. The field tables themselves: every key of a scenario, in one place.
//   4. Loading: reading files, resolving "extends", checking shapes and the relations
//      between values (unique names, edges, months), and binding checked JSON to C++.
#include "models/enterprise/scenario_io.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace models::enterprise {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------
// 1. Shapes
// ---------------------------------------------------------------------------------------

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

Bounds at_least(double a) { return {a, false, {}, false, false, {}}; }
Bounds above(double a) { return {a, true, {}, false, false, {}}; }
/// [a, b]
Bounds closed(double a, double b) { return {a, false, b, false, false, {}}; }
/// (a, b]
Bounds left_open(double a, double b) { return {a, true, b, false, false, {}}; }
/// [a, b)
Bounds right_open(double a, double b) { return {a, false, b, true, false, {}}; }
Bounds unit() { return closed(0.0, 1.0); }
Bounds nonzero() { return {{}, false, {}, false, true, {}}; }

struct Shape;
using ShapePtr = std::shared_ptr<const Shape>;

/// One key of an object.
struct Key {
  std::string name;
  std::string description;
  ShapePtr shape;
};

/// Keys an object takes when its tag key has the value `tag` (the intervention kinds).
struct Variant {
  std::string tag;
  std::vector<Key> keys;
};

struct Shape {
  Kind kind = Kind::object;
  Bounds bounds;                     // number, integer
  std::vector<std::string> choices;  // enumeration
  std::size_t min_length = 0;        // string
  std::vector<Key> keys;             // object: every key required
  std::string tag;                   // object: key whose value selects a variant
  std::vector<Variant> variants;     // object: the keys each tag value adds
  ShapePtr items;                    // array
  std::size_t min_items = 0;         // array
  bool unique_items = false;         // array
  std::string placeholder;           // object whose keys are the names of a set, all alike
                                     // ("role", "structure"): one row per key in the docs
};

// --- text helpers -----------------------------------------------------------------------

/// JSON text of `v` for messages; invalid UTF-8 (possible in JSON built in memory, or
/// where a long string was cut) is replaced, never thrown about.
std::string dump_text(const json& v) {
  return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// `s` as a JSON string literal: "coe".
std::string dq(std::string_view s) { return dump_text(json(std::string(s))); }

/// A number as people write it: 60, 0.5, 1e-06.
std::string number_text(double x) {
  if (std::isfinite(x) && std::floor(x) == x && std::fabs(x) < 1e15) {
    return std::to_string(static_cast<long long>(x));
  }
  return dump_text(json(x));
}

/// A short rendering of a JSON value for messages (never the whole of a big value).
std::string value_text(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return v.empty() ? "an empty object {}" : "an object {...}";
    case json::value_t::array:
      return v.empty() ? "an empty array []"
                       : "an array of " + std::to_string(v.size()) + " item" +
                             (v.size() == 1 ? "" : "s") + " [...]";
    case json::value_t::string: {
      const auto& s = v.get_ref<const std::string&>();
      if (s.size() > 60) return dq(s.substr(0, 57) + "...");
      return dump_text(v);
    }
    default: return dump_text(v);
  }
}

std::string single_quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

std::string quoted_choices(const std::vector<std::string>& choices) {
  std::vector<std::string> q;
  q.reserve(choices.size());
  for (const auto& c : choices) q.push_back(dq(c));
  return join(q, ", ");
}

/// "in [0, 1]", ">= 0", "> 0", "non-zero", "any", with ", a multiple of 2" appended.
std::string range_text(const Bounds& b) {
  std::string out;
  if (b.min && b.max) {
    out = std::string("in ") + (b.min_exclusive ? "(" : "[") + number_text(*b.min) + ", " +
          number_text(*b.max) + (b.max_exclusive ? ")" : "]");
  } else if (b.min) {
    out = (b.min_exclusive ? "> " : ">= ") + number_text(*b.min);
  } else if (b.max) {
    out = (b.max_exclusive ? "< " : "<= ") + number_text(*b.max);
  }
  if (b.nonzero) out += out.empty() ? "non-zero" : ", non-zero";
  if (b.multiple_of)
    out += (out.empty() ? "" : ", ") + std::string("a multiple of ") + number_text(*b.multiple_of);
  return out.empty() ? "any" : out;
}

bool within(double x, const Bounds& b) {
  if (b.min && (b.min_exclusive ? !(x > *b.min) : !(x >= *b.min))) return false;
  if (b.max && (b.max_exclusive ? !(x < *b.max) : !(x <= *b.max))) return false;
  if (b.nonzero && x == 0.0) return false;
  if (b.multiple_of && std::fmod(x, *b.multiple_of) != 0.0) return false;
  return true;
}

/// What a value of this shape is, for "expected ..., got ..." messages.
std::string expected_text(const Shape& s) {
  switch (s.kind) {
    case Kind::number: return "a number";
    case Kind::integer: return "an integer";
    case Kind::boolean: return "true or false";
    case Kind::string: return s.min_length > 0 ? "a non-empty string" : "a string";
    case Kind::enumeration: return "one of " + quoted_choices(s.choices);
    case Kind::array: return "an array";
    case Kind::object: return "an object";
  }
  return "a value";
}

/// JSON Pointer escaping of one reference token.
std::string escape_token(std::string_view token) {
  std::string out;
  for (const char c : token) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

std::string child(const std::string& path, std::string_view key) {
  return path + "/" + escape_token(key);
}
std::string child(const std::string& path, std::size_t index) {
  return path + "/" + std::to_string(index);
}

// --- did you mean -----------------------------------------------------------------------

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
std::size_t edit_distance(const std::string& a, const std::string& b) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

/// The candidate `word` was most likely meant to be: same up to case, within edit
/// distance 2, or a prefix of it (or it of the word), at least 3 characters long.
std::optional<std::string> nearest(std::string_view word,
                                   const std::vector<std::string>& candidates) {
  if (word.size() > 200) return std::nullopt;
  const std::string w = lower(word);
  std::optional<std::string> best;
  std::size_t best_score = 3;
  for (const auto& candidate : candidates) {
    const std::string c = lower(candidate);
    std::size_t score = edit_distance(w, c);
    if (score > 2 && std::min(w.size(), c.size()) >= 3 && (c.starts_with(w) || w.starts_with(c))) {
      score = 2;
    }
    if (score >= w.size()) continue;  // "ab" is not a typo of "cd"
    if (score < best_score) {
      best_score = score;
      best = candidate;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// The shape checker: walks a JSON value along its shape and collects every problem.
// It descends only into known keys, so its depth is that of the shapes, whatever the
// input's nesting.
// ---------------------------------------------------------------------------------------

struct Issue {
  std::string path;
  std::string message;
};
using Issues = std::vector<Issue>;

const std::string kMissingAdvice =
    "add it, or extend a scenario that sets it (scenarios/default.json sets every key)";

std::vector<std::string> key_names(const std::vector<const Key*>& keys) {
  std::vector<std::string> names;
  names.reserve(keys.size());
  for (const Key* k : keys) names.push_back(k->name);
  return names;
}

void check_value(const json& v, const Shape& s, const std::string& path, bool in_array,
                 Issues& out);

void check_number(const json& v, const Shape& s, const std::string& path, Issues& out) {
  const bool integer = s.kind == Kind::integer;
  const bool integral = v.is_number_integer() ||
                        (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>());
  if (!v.is_number() || (integer && !integral)) {
    out.push_back({path, "expected " + expected_text(s) + ", got " + value_text(v)});
    return;
  }
  const double x = v.get<double>();
  if (!std::isfinite(x)) {
    out.push_back(
        {path, value_text(v) + " is not a finite number: must be " + range_text(s.bounds)});
  } else if (!within(x, s.bounds)) {
    out.push_back({path, value_text(v) + " is out of range: must be " + range_text(s.bounds)});
  } else if (integer &&
             (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max())) {
    out.push_back({path, value_text(v) + " is too large for an integer here: must be in [" +
                             std::to_string(std::numeric_limits<int>::min()) + ", " +
                             std::to_string(std::numeric_limits<int>::max()) + "]"});
  }
}

void check_enumeration(const json& v, const Shape& s, const std::string& path, Issues& out) {
  if (!v.is_string()) {
    out.push_back({path, "expected " + expected_text(s) + ", got " + value_text(v)});
    return;
  }
  const auto& text = v.get_ref<const std::string&>();
  if (std::find(s.choices.begin(), s.choices.end(), text) != s.choices.end()) return;
  std::string message =
      value_text(v) + " is not allowed: must be one of " + quoted_choices(s.choices);
  if (const auto near = nearest(text, s.choices)) message += "; did you mean " + dq(*near) + "?";
  out.push_back({path, message});
}

void check_array(const json& v, const Shape& s, const std::string& path, Issues& out) {
  if (!v.is_array()) {
    out.push_back({path, "expected an array, got " + value_text(v)});
    return;
  }
  if (v.size() < s.min_items) {
    out.push_back({path, "has " + std::to_string(v.size()) + " items: needs at least " +
                             std::to_string(s.min_items)});
  }
  for (std::size_t i = 0; i < v.size(); ++i) {
    check_value(v[i], *s.items, child(path, i), true, out);
    if (!s.unique_items) continue;
    for (std::size_t j = 0; j < i; ++j) {
      if (v[j] == v[i]) {
        out.push_back({child(path, i), value_text(v[i]) + " is listed twice (also at " +
                                           child(path, j) + "): items must be unique"});
        break;
      }
    }
  }
}

void check_object(const json& v, const Shape& s, const std::string& path, bool in_array,
                  Issues& out) {
  if (!v.is_object()) {
    out.push_back({path, "expected an object, got " + value_text(v)});
    return;
  }
  std::vector<const Key*> allowed;
  for (const Key& k : s.keys) allowed.push_back(&k);
  const Variant* variant = nullptr;
  if (!s.tag.empty()) {
    const auto tag = v.find(s.tag);
    if (tag != v.end() && tag->is_string()) {
      for (const Variant& candidate : s.variants) {
        if (candidate.tag == tag->get_ref<const std::string&>()) variant = &candidate;
      }
    }
    if (variant != nullptr) {
      for (const Key& k : variant->keys) allowed.push_back(&k);
    }
  }
  const auto is_allowed = [&](const std::string& name) {
    return std::any_of(allowed.begin(), allowed.end(),
                       [&](const Key* k) { return k->name == name; });
  };
  const auto in_some_variant = [&](const std::string& name) {
    return std::any_of(s.variants.begin(), s.variants.end(), [&](const Variant& var) {
      return std::any_of(var.keys.begin(), var.keys.end(),
                         [&](const Key& k) { return k.name == name; });
    });
  };
  const std::vector<std::string> names = key_names(allowed);

  // Keys that do not belong here.
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string& name = it.key();
    if (is_allowed(name)) continue;
    if (in_some_variant(name)) {
      if (variant == nullptr) continue;  // the bad or missing tag is reported below
      std::vector<std::string> takes;
      for (const Key& k : variant->keys) takes.push_back(k.name);
      out.push_back({child(path, name), single_quoted(name) + " is not used by " + s.tag + " " +
                                            dq(variant->tag) + ", which takes " +
                                            (takes.empty() ? "nothing else" : join(takes, ", ")) +
                                            ": remove it"});
      continue;
    }
    std::string message = "unknown key " + single_quoted(name);
    if (const auto near = nearest(name, names)) {
      message += "; did you mean " + single_quoted(*near) + "?";
    } else {
      message += "; allowed keys here: " + join(names, ", ");
    }
    out.push_back({child(path, name), message});
  }

  // Every allowed key must be there, and be right.
  for (const Key* k : allowed) {
    const auto it = v.find(k->name);
    if (it != v.end()) {
      check_value(*it, *k->shape, child(path, k->name), in_array, out);
      continue;
    }
    const bool variant_key =
        variant != nullptr && std::any_of(variant->keys.begin(), variant->keys.end(),
                                          [&](const Key& vk) { return &vk == k; });
    std::string message = "missing key " + single_quoted(k->name) + ": ";
    if (variant_key) {
      std::vector<std::string> takes;
      for (const Key& vk : variant->keys) takes.push_back(vk.name);
      message += s.tag + " " + dq(variant->tag) + " needs " + join(takes, ", ");
    } else if (in_array) {
      message +=
          "add it: each item of an array needs every key (extends replaces an array whole, it does "
          "not merge items)";
    } else {
      message += kMissingAdvice;
    }
    out.push_back({child(path, k->name), message});
  }
}

void check_value(const json& v, const Shape& s, const std::string& path, bool in_array,
                 Issues& out) {
  switch (s.kind) {
    case Kind::number:
    case Kind::integer: check_number(v, s, path, out); return;
    case Kind::boolean:
      if (!v.is_boolean()) out.push_back({path, "expected true or false, got " + value_text(v)});
      return;
    case Kind::string:
      if (!v.is_string()) {
        out.push_back({path, "expected " + expected_text(s) + ", got " + value_text(v)});
      } else if (v.get_ref<const std::string&>().size() < s.min_length) {
        out.push_back({path, "is empty: must be a non-empty string"});
      }
      return;
    case Kind::enumeration: check_enumeration(v, s, path, out); return;
    case Kind::array: check_array(v, s, path, out); return;
    case Kind::object: check_object(v, s, path, in_array, out); return;
  }
}

// ---------------------------------------------------------------------------------------
// The JSON Schema and the Markdown table, generated from shapes.
// ---------------------------------------------------------------------------------------

json bound_value(double x, Kind kind) {
  if (kind == Kind::integer) return static_cast<long long>(x);
  return x;
}

json schema_of(const Shape& s, const std::string& description, bool complete) {
  json out = json::object();
  if (!description.empty()) out["description"] = description;
  switch (s.kind) {
    case Kind::number:
    case Kind::integer: {
      out["type"] = s.kind == Kind::integer ? "integer" : "number";
      const Bounds& b = s.bounds;
      if (b.min)
        out[b.min_exclusive ? "exclusiveMinimum" : "minimum"] = bound_value(*b.min, s.kind);
      if (b.max)
        out[b.max_exclusive ? "exclusiveMaximum" : "maximum"] = bound_value(*b.max, s.kind);
      if (b.nonzero) out["not"] = {{"const", 0}};
      if (b.multiple_of) out["multipleOf"] = bound_value(*b.multiple_of, s.kind);
      break;
    }
    case Kind::boolean: out["type"] = "boolean"; break;
    case Kind::string:
      out["type"] = "string";
      if (s.min_length > 0) out["minLength"] = s.min_length;
      break;
    case Kind::enumeration:
      out["type"] = "string";
      out["enum"] = s.choices;
      break;
    case Kind::array:
      out["type"] = "array";
      // An array replaces the base's array whole: its items are always complete.
      out["items"] = schema_of(*s.items, "", true);
      if (s.min_items > 0) out["minItems"] = s.min_items;
      if (s.unique_items) out["uniqueItems"] = true;
      break;
    case Kind::object: {
      out["type"] = "object";
      out["additionalProperties"] = false;
      json properties = json::object();
      json required = json::array();
      for (const Key& k : s.keys) {
        properties[k.name] = schema_of(*k.shape, k.description, complete);
        required.push_back(k.name);
      }
      // Keys of variants: listed for completion (type only); their ranges, and which
      // kind may use them, are in the allOf below.
      json all_of = json::array();
      for (const Variant& var : s.variants) {
        json then_properties = json::object();
        json then_required = json::array();
        for (const Key& k : var.keys) {
          if (!properties.contains(k.name)) {
            const json full = schema_of(*k.shape, "", complete);
            properties[k.name] = {
                {"type", full.at("type")},
                {"description", "Used by some values of '" + s.tag + "'; see there."}};
          }
          then_properties[k.name] = schema_of(*k.shape, k.description, complete);
          then_required.push_back(k.name);
        }
        for (const Variant& other : s.variants) {
          for (const Key& k : other.keys) {
            if (!then_properties.contains(k.name)) then_properties[k.name] = false;
          }
        }
        json then = {{"properties", then_properties}};
        if (complete) then["required"] = then_required;
        all_of.push_back(
            {{"if", {{"properties", {{s.tag, {{"const", var.tag}}}}}, {"required", {s.tag}}}},
             {"then", then}});
      }
      out["properties"] = properties;
      if (complete) out["required"] = required;
      if (!all_of.empty()) out["allOf"] = all_of;
      break;
    }
  }
  return out;
}

std::string markdown_cell(std::string text) {
  std::string out;
  for (const char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += ' ';
    else
      out += c;
  }
  return out;
}

std::string type_text(const Shape& s) {
  switch (s.kind) {
    case Kind::number: return "number";
    case Kind::integer: return "integer";
    case Kind::boolean: return "boolean";
    case Kind::string: return "string";
    case Kind::enumeration: return "string";
    case Kind::array:
      return s.items->kind == Kind::object        ? "array of objects"
             : s.items->kind == Kind::enumeration ? "array of strings"
                                                  : "array of " + type_text(*s.items) + "s";
    case Kind::object: return "object";
  }
  return "";
}

std::string backquoted_choices(const std::vector<std::string>& choices) {
  std::vector<std::string> q;
  q.reserve(choices.size());
  for (const auto& c : choices) q.push_back("`" + c + "`");
  return join(q, ", ");
}

std::string allowed_text(const Shape& s) {
  switch (s.kind) {
    case Kind::number:
    case Kind::integer: return range_text(s.bounds);
    case Kind::boolean: return "`true`, `false`";
    case Kind::string: return s.min_length > 0 ? "non-empty" : "any";
    case Kind::enumeration: return backquoted_choices(s.choices);
    case Kind::array: {
      std::vector<std::string> parts;
      if (s.min_items > 0) parts.push_back("at least " + std::to_string(s.min_items));
      if (s.unique_items) parts.push_back("unique");
      if (s.items->kind == Kind::enumeration)
        parts.push_back("each " + backquoted_choices(s.items->choices));
      return parts.empty() ? "any number of items" : join(parts, "; ");
    }
    case Kind::object: return "";
  }
  return "";
}

void markdown_set_rows(const Shape& s, const std::string& path, const std::string& description,
                       std::string& out);

void markdown_rows(const Shape& s, const std::string& path, const std::string& description,
                   std::string& out) {
  if (s.kind == Kind::object && !s.placeholder.empty()) {
    markdown_set_rows(s, path, description, out);
    return;
  }
  out += "| `" + path + "` | " + type_text(s) + " | " + markdown_cell(allowed_text(s)) + " | " +
         markdown_cell(description) + " |\n";
  if (s.kind == Kind::array && s.items->kind == Kind::object) {
    for (const Key& k : s.items->keys) {
      markdown_rows(*k.shape, path + "/*/" + k.name, k.description, out);
    }
    for (const Variant& var : s.items->variants) {
      for (const Key& k : var.keys) {
        markdown_rows(*k.shape, path + "/*/" + k.name,
                      "(" + s.items->tag + " `" + var.tag + "`) " + k.description, out);
      }
    }
  } else if (s.kind == Kind::object) {
    for (const Key& k : s.keys) markdown_rows(*k.shape, path + "/" + k.name, k.description, out);
  }
}

/// Rows of an object keyed by the names of a set (roles, structures): the names once,
/// then the keys of one element, under "/<placeholder>/".
void markdown_set_rows(const Shape& s, const std::string& path, const std::string& description,
                       std::string& out) {
  std::vector<std::string> names;
  for (const Key& k : s.keys) names.push_back(k.name);
  const Shape& element = *s.keys.front().shape;
  const std::string element_path = path + "/<" + s.placeholder + ">";
  if (element.kind == Kind::object) {
    out += "| `" + path + "` | object | keys " + backquoted_choices(names) + " | " +
           markdown_cell(description) + " |\n";
    for (const Key& k : element.keys)
      markdown_rows(*k.shape, element_path + "/" + k.name, k.description, out);
  } else {
    out +=
        "| `" + element_path + "` | " + type_text(element) + " | " +
        markdown_cell(allowed_text(element)) + " | " +
        markdown_cell(description + "; one key per " + s.placeholder + ": " + join(names, ", ")) +
        " |\n";
  }
}

// ---------------------------------------------------------------------------------------
// 2. Codecs and tables
// ---------------------------------------------------------------------------------------

/// How one C++ type maps to JSON. read() is only called on values the checker accepted.
template <class T>
struct Codec {
  ShapePtr shape;
  std::function<T(const json&)> read;
  std::function<json(const T&)> write;
};

/// One JSON key of struct S.
template <class S>
struct Field {
  Key key;
  std::function<void(const json&, S&)> read;
  std::function<json(const S&)> write;
};

/// The keys of struct S: `fields` always; when `tag` is set, the value of that key
/// (an enumeration among `fields`) selects a variant, whose fields are also required.
template <class S>
struct Table {
  struct VariantFields {
    std::string tag;
    std::vector<Field<S>> fields;
  };
  std::vector<Field<S>> fields;
  std::string tag;
  std::vector<VariantFields> variants;
};

template <class S, class T>
Field<S> field(std::string key, T S::*member, Codec<T> codec, std::string description) {
  return Field<S>{Key{std::move(key), std::move(description), codec.shape},
                  [member, read = codec.read](const json& j, S& s) { s.*member = read(j); },
                  [member, write = codec.write](const S& s) { return write(s.*member); }};
}

ShapePtr make_shape(Shape s) { return std::make_shared<const Shape>(std::move(s)); }

Codec<double> number(Bounds bounds) {
  Shape s;
  s.kind = Kind::number;
  s.bounds = bounds;
  return {make_shape(std::move(s)), [](const json& j) { return j.get<double>(); },
          [](const double& x) { return json(x); }};
}

Codec<int> integer(Bounds bounds) {
  Shape s;
  s.kind = Kind::integer;
  s.bounds = bounds;
  return {make_shape(std::move(s)),
          [](const json& j) {
            return j.is_number_integer() ? j.get<int>() : static_cast<int>(j.get<double>());
          },
          [](const int& x) { return json(x); }};
}

Codec<bool> boolean() {
  Shape s;
  s.kind = Kind::boolean;
  return {make_shape(std::move(s)), [](const json& j) { return j.get<bool>(); },
          [](const bool& x) { return json(x); }};
}

Codec<std::string> text(std::size_t min_length) {
  Shape s;
  s.kind = Kind::string;
  s.min_length = min_length;
  return {make_shape(std::move(s)), [](const json& j) { return j.get<std::string>(); },
          [](const std::string& x) { return json(x); }};
}

/// An enum E whose value i is written as names[i].
template <class E>
Codec<E> enumeration(std::vector<std::string> names) {
  Shape s;
  s.kind = Kind::enumeration;
  s.choices = names;
  return {make_shape(std::move(s)),
          [names](const json& j) {
            const auto it = std::find(names.begin(), names.end(), j.get<std::string>());
            if (it == names.end()) throw std::invalid_argument("unknown name " + dump_text(j));
            return static_cast<E>(it - names.begin());
          },
          [names](const E& e) { return json(names.at(static_cast<std::size_t>(e))); }};
}

template <class S>
Shape object_shape(const Table<S>& table) {
  Shape s;
  s.kind = Kind::object;
  for (const auto& f : table.fields) s.keys.push_back(f.key);
  s.tag = table.tag;
  for (const auto& var : table.variants) {
    Variant v{var.tag, {}};
    for (const auto& f : var.fields) v.keys.push_back(f.key);
    s.variants.push_back(std::move(v));
  }
  return s;
}

template <class S>
void read_object(const Table<S>& table, const json& j, S& s) {
  for (const auto& f : table.fields) f.read(j.at(f.key.name), s);
  if (table.tag.empty()) return;
  const auto& tag = j.at(table.tag).template get_ref<const std::string&>();
  for (const auto& var : table.variants) {
    if (var.tag != tag) continue;
    for (const auto& f : var.fields) f.read(j.at(f.key.name), s);
  }
}

template <class S>
json write_object(const Table<S>& table, const S& s) {
  json j = json::object();
  for (const auto& f : table.fields) j[f.key.name] = f.write(s);
  if (table.tag.empty()) return j;
  const auto tag = j.at(table.tag).template get<std::string>();
  for (const auto& var : table.variants) {
    if (var.tag != tag) continue;
    for (const auto& f : var.fields) j[f.key.name] = f.write(s);
  }
  return j;
}

/// A struct, as a JSON object with the keys of its table.
template <class S>
Codec<S> object(const Table<S>& table) {
  return {make_shape(object_shape(table)),
          [&table](const json& j) {
            S s{};  // value-initialised: fields a variant does not use stay 0 / first enum value
            read_object(table, j, s);
            return s;
          },
          [&table](const S& s) { return write_object(table, s); }};
}

template <class T>
Codec<std::vector<T>> list(Codec<T> item, std::size_t min_items) {
  Shape s;
  s.kind = Kind::array;
  s.items = item.shape;
  s.min_items = min_items;
  return {make_shape(std::move(s)),
          [read = item.read](const json& j) {
            std::vector<T> out;
            out.reserve(j.size());
            for (const auto& e : j) out.push_back(read(e));
            return out;
          },
          [write = item.write](const std::vector<T>& v) {
            json out = json::array();
            for (const auto& e : v) out.push_back(write(e));
            return out;
          }};
}

std::vector<std::string> role_names() {
  std::vector<std::string> names;
  for (const Role r : kRoles) names.emplace_back(role_name(r));
  return names;
}

std::vector<std::string> structure_names() {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < kStructureCount; ++i) {
    names.emplace_back(structure_name(static_cast<Structure>(i)));
  }
  return names;
}

/// Plural of each role for descriptions, indexed by Role.
const std::array<std::string, kRoleCount> kRolePeople = {"data scientists",  "data engineers",
                                                         "ML engineers",     "MLOps engineers",
                                                         "product managers", "governance people"};

/// `description` with "{role}" replaced by the role's people.
std::string for_role(const std::string& description, Role role) {
  std::string out = description;
  const auto at = out.find("{role}");
  if (at != std::string::npos) out.replace(at, 6, kRolePeople.at(static_cast<std::size_t>(role)));
  return out;
}

/// A PerRole<T> as an object with one key per role name.
template <class T>
Codec<PerRole<T>> per_role(Codec<T> item, const std::string& description) {
  Shape s;
  s.kind = Kind::object;
  s.placeholder = "role";
  for (const Role r : kRoles)
    s.keys.push_back(Key{std::string(role_name(r)), for_role(description, r), item.shape});
  return {make_shape(std::move(s)),
          [read = item.read](const json& j) {
            PerRole<T> out{};
            for (const Role r : kRoles) out[r] = read(j.at(std::string(role_name(r))));
            return out;
          },
          [write = item.write](const PerRole<T>& v) {
            json out = json::object();
            for (const Role r : kRoles) out[std::string(role_name(r))] = write(v[r]);
            return out;
          }};
}

/// A PerRole<bool> as the array of the names of the roles that are true (unique).
Codec<PerRole<bool>> role_set() {
  Shape s;
  s.kind = Kind::array;
  s.items = enumeration<Role>(role_names()).shape;
  s.unique_items = true;
  return {make_shape(std::move(s)),
          [](const json& j) {
            PerRole<bool> out{};
            const auto read = enumeration<Role>(role_names()).read;
            for (const auto& e : j) out[read(e)] = true;
            return out;
          },
          [](const PerRole<bool>& v) {
            json out = json::array();
            for (const Role r : kRoles) {
              if (v[r]) out.push_back(std::string(role_name(r)));
            }
            return out;
          }};
}

/// An array indexed by Structure, as an object with one key per structure name.
template <class T>
Codec<std::array<T, kStructureCount>> per_structure(
    Codec<T> item, const std::array<std::string, kStructureCount>& descriptions) {
  Shape s;
  s.kind = Kind::object;
  s.placeholder = "structure";
  const auto names = structure_names();
  for (std::size_t i = 0; i < kStructureCount; ++i)
    s.keys.push_back(Key{names[i], descriptions[i], item.shape});
  return {make_shape(std::move(s)),
          [read = item.read, names](const json& j) {
            std::array<T, kStructureCount> out{};
            for (std::size_t i = 0; i < kStructureCount; ++i) out[i] = read(j.at(names[i]));
            return out;
          },
          [write = item.write, names](const std::array<T, kStructureCount>& v) {
            json out = json::object();
            for (std::size_t i = 0; i < kStructureCount; ++i) out[names[i]] = write(v[i]);
            return out;
          }};
}

// ---------------------------------------------------------------------------------------
// 3. The field tables: every key of a scenario, its range, meaning and unit.
// ---------------------------------------------------------------------------------------

const std::vector<std::string> kTopologyNames = {"explicit", "ring", "small_world", "complete"};
const std::vector<std::string> kDistributionNames = {"lognormal", "exponential", "gamma",
                                                     "deterministic"};
const std::vector<std::string> kInterventionKindNames = {"hire",
                                                         "set_structure",
                                                         "set_change_management",
                                                         "set_monitoring",
                                                         "set_auto_retraining",
                                                         "start_platform",
                                                         "raise_governance",
                                                         "set_portfolio_discipline"};

const Table<StructurePolicy>& policy_table() {
  using P = StructurePolicy;
  static const Table<P> table{
      {
          field("domain_fit", &P::domain_fit, number(left_open(0, 1)),
                "Domain fit phi: scales pilot value and adoption imitation (1 = the AI people know "
                "the business as well as the business does)"),
          field("standardisation", &P::standardisation, number(unit()),
                "Standardisation s: new data debt x (1 - s); horizontal reuse x s"),
          field("coordination_delay_months", &P::coordination_delay_months, number(at_least(0)),
                "Delay added before each phase of a use case: the hand-offs and reviews the structure "
                "imposes, months"),
          field("central_roles", &P::central, role_set(),
                "Roles that sit in the central team; the other roles are embedded in the business "
                "units"),
          field("shared_backlog", &P::shared_backlog, boolean(),
                "true: one enterprise-wide backlog ordered by priority score; false: one backlog "
                "per business unit"),
          field("shared_platform", &P::shared_platform, boolean(),
                "true: one platform built centrally; false: each business unit builds its own"),
      },
      {},
      {}};
  return table;
}

const Table<BusinessUnit>& business_unit_table() {
  using B = BusinessUnit;
  static const Table<B> table{
      {
          field("name", &B::name, text(1), "Name of the business unit, unique; edges refer to it"),
          field("users", &B::users, number(above(0)),
                "People whose work an AI use case here touches; embedded teams are sized in proportion, persons"),
          field("idea_rate", &B::idea_rate, number(at_least(0)),
                "AI ideas arriving (Poisson), per month"),
          field("value_scale", &B::value_scale, number(at_least(0)),
                "Median value of a fully adopted use case here, $ per month"),
          field("data_quality", &B::data_quality, number(unit()),
                "Data quality q: data prep effort x (1 - 0.5 q)"),
          field("legacy_complexity", &B::legacy_complexity, number(unit()),
                "Legacy complexity L: deployment effort x (1 + platform.legacy_factor x L); lowers "
                "readiness"),
          field(
              "regulatory_risk", &B::regulatory_risk, number(unit()),
              "Regulatory exposure r: P(a use case is high-risk) = lifecycle.high_risk_factor x r"),
          field("trust", &B::trust, number(unit()),
                "Initial trust T of the unit's people in AI output"),
          field("data_debt", &B::data_debt, number(at_least(0)), "Initial data debt D, debt units"),
      },
      {},
      {}};
  return table;
}

const Table<InitialModels>& initial_models_table() {
  using M = InitialModels;
  static const Table<M> table{
      {
          field("business_unit", &M::business_unit, text(1), "Name of the business unit that owns the models"),
          field("count", &M::count, integer(at_least(1)), "How many models like this are in production"),
          field("age_months", &M::age_months, number(at_least(0)), "Time in production before month 0, months"),
          field("accuracy", &M::accuracy, number(left_open(0, 1)), "Accuracy at month 0"),
          field("adoption", &M::adoption, number(unit()), "Share of intended users at month 0"),
          field("monitored", &M::monitored, boolean(), "Covered by drift monitoring"),
      },
      {},
      {}};
  return table;
}

const Table<Edge>& edge_table() {
  static const Table<Edge> table{
      {
          field("from", &Edge::from, text(1), "Name of the business unit at one end"),
          field("to", &Edge::to, text(1),
                "Name of the business unit at the other end (edges are undirected)"),
          field("weight", &Edge::weight, number(left_open(0, 1)), "Collaboration intensity w"),
          field("shared_data", &Edge::shared_data, boolean(),
                "The two units share data sources (data debt spreads along the edge)"),
      },
      {},
      {}};
  return table;
}

const Table<OrgGraph>& graph_table() {
  using G = OrgGraph;
  Bounds neighbours = at_least(2);
  neighbours.multiple_of = 2;
  static const Table<G> table{
      {
          field("topology", &G::topology, enumeration<Topology>(kTopologyNames),
                "How business units are connected: the edges listed (explicit) or edges generated "
                "from the replication's seed (ring, small_world: Watts-Strogatz, complete)"),
          field("weight", &G::weight, number(left_open(0, 1)),
                "Collaboration intensity w of generated edges"),
          field("shared_data_probability", &G::shared_data_probability, number(unit()),
                "Chance that a generated edge shares data"),
          field("small_world_neighbours", &G::small_world_neighbours, integer(neighbours),
                "Watts-Strogatz k: neighbours of each unit before rewiring; for small_world also "
                "below the number of business units"),
          field("small_world_rewiring", &G::small_world_rewiring, number(unit()),
                "Watts-Strogatz beta: chance that each edge is rewired"),
          field("edges", &G::edges, list(object(edge_table()), 0),
                "The edges when topology is explicit (empty otherwise); no self-loops, no pair "
                "twice"),
      },
      {},
      {}};
  return table;
}

const Table<Workforce>& workforce_table() {
  using W = Workforce;
  static const Table<W> table{
      {
          field("headcount", &W::headcount,
                per_role(integer(at_least(0)),
                         "Initial headcount of {role}, also their hiring target, persons"),
                "Initial headcount per role, also the hiring target, persons"),
          field(
              "monthly_cost", &W::monthly_cost,
              per_role(number(at_least(0)), "Loaded cost of one of the {role}, $ per person-month"),
              "Loaded cost per person per role, $ per person-month"),
          field("hiring_lead_months", &W::hiring_lead_months, number(at_least(0)),
                "Mean time from opening a requisition to the hire's start, months"),
          field("attrition_per_month", &W::attrition_per_month, number(unit()),
                "Leaving hazard per person, per month (0.018 is about 20 % a year)"),
          field("substitution_penalty", &W::substitution_penalty, number(unit()),
                "Productivity of a person working outside their role, relative to the role's own "
                "people"),
          field("progress_ratio", &W::progress_ratio, number(left_open(0, 1)),
                "Wright's law: effort x this ratio per doubling of the team's deployments (1 = no "
                "learning)"),
          field("forgetting_per_leaver", &W::forgetting_per_leaver, number(unit()),
                "Share of a leaver's part of the team's experience that is lost"),
      },
      {},
      {}};
  return table;
}

const Table<Effort>& effort_table() {
  static const Table<Effort> table{
      {
          field("mean", &Effort::mean, number(above(0)),
                "Mean effort, person-months before multipliers"),
          field(
              "cv", &Effort::cv, number(at_least(0)),
              "Coefficient of variation of the effort (ignored by exponential and deterministic)"),
          field("distribution", &Effort::distribution,
                enumeration<EffortDistribution>(kDistributionNames),
                "Distribution of effort draws around the mean"),
      },
      {},
      {}};
  return table;
}

const Table<Lifecycle>& lifecycle_table() {
  using L = Lifecycle;
  const auto effort = object(effort_table());
  static const Table<L> table{
      {
          field("data_prep", &L::data_prep, effort,
                "Effort of data preparation (a data engineer's work)"),
          field("modeling", &L::modeling, effort, "Effort of modelling (a data scientist's work)"),
          field("pilot", &L::pilot, effort, "Effort of the pilot (a product manager's work)"),
          field("deployment", &L::deployment, effort,
                "Effort of deployment (an ML engineer's work)"),
          field("governance_review", &L::governance_review, effort,
                "Effort of the governance review of a high-risk use case (a governance person's "
                "work)"),
          field("retraining", &L::retraining, effort,
                "Effort of a retraining (a data scientist's or ML engineer's work)"),
          field("value_sigma", &L::value_sigma, number(at_least(0)),
                "Lognormal sigma of a use case's value around its unit's value_scale"),
          field("high_risk_factor", &L::high_risk_factor, number(unit()),
                "P(a use case is high-risk) = this factor x its unit's regulatory_risk"),
          field("portfolio_discipline", &L::portfolio_discipline, number(unit()),
                "0: ideas enter work in arrival order; 1: only the best-scoring ideas enter"),
          field("wip_per_person", &L::wip_per_person, number(above(0)),
                "Use cases in work (data prep to deployment) allowed per team member"),
          field("backlog_expiry_months", &L::backlog_expiry_months, number(above(0)),
                "Ideas waiting longer than this in the backlog are dropped, months"),
          field("sponsor_support", &L::sponsor_support, number(unit()),
                "Sponsor factor of the go probability after a pilot: p_go = sponsor_support x "
                "readiness"),
          field("readiness_base", &L::readiness_base, number(unit()),
                "Readiness with no platform, no MLOps and no legacy"),
          field("readiness_platform", &L::readiness_platform, number(unit()),
                "Readiness gained at platform maturity 1"),
          field("readiness_mlops", &L::readiness_mlops, number(unit()),
                "Readiness gained with full MLOps staffing"),
          field("readiness_legacy", &L::readiness_legacy, number(unit()),
                "Readiness lost at legacy complexity 1"),
          field("models_per_mlops", &L::models_per_mlops, number(above(0)),
                "Production models one MLOps engineer fully covers, models per person"),
          field("mlops_team_minimum", &L::mlops_team_minimum, number(above(0)),
                "MLOps engineers a BU's models need for full staffing however few they are, people"),
          field("pilot_noise_sigma", &L::pilot_noise_sigma, number(at_least(0)),
                "Lognormal sigma of the noise on a pilot's measured value"),
          field("kill_value_ratio", &L::kill_value_ratio, number(at_least(0)),
                "Kill a use case when its measured value is below this ratio x its unit's "
                "value_scale"),
          field("purgatory_review_months", &L::purgatory_review_months, number(above(0)),
                "A held use case is re-decided this often, months"),
          field("purgatory_limit_months", &L::purgatory_limit_months, number(above(0)),
                "A held use case is killed after this long in purgatory, months"),
          field("purgatory_go_factor", &L::purgatory_go_factor, number(unit()),
                "Chance of GO at a purgatory review relative to the first decision (fading sponsorship)"),
          field("reuse_rate", &L::reuse_rate, number(at_least(0)),
                "Copies per production model per month, per unit of edge weight x standardisation"),
          field("reuse_effort_share", &L::reuse_effort_share, number(unit()),
                "Share of data prep and modelling effort a reused copy still needs"),
          field("difficulty_effort_spread", &L::difficulty_effort_spread, number(unit()),
                "How much difficulty d ~ Beta(2, 2) scales effort: x (1 - spread/2 + spread d); 1 gives "
                "0.5 + d, 0 makes every use case's effort independent of its difficulty"),
      },
      {},
      {}};
  return table;
}

const Table<Production>& production_table() {
  using P = Production;
  static const Table<P> table{
      {
          field("accuracy_initial", &P::accuracy_initial, number(left_open(0, 1)),
                "Accuracy a0 right after (re)training"),
          field("accuracy_floor", &P::accuracy_floor, number(right_open(0, 1)),
                "Accuracy a_min that drift decays toward; must be below accuracy_initial"),
          field("drift_rate", &P::drift_rate, number(at_least(0)), "Drift rate lambda0, per month"),
          field("drift_debt_factor", &P::drift_debt_factor, number(at_least(0)),
                "k_drift: drift rate lambda = lambda0 x (1 + k_drift x data debt)"),
          field("shock_rate", &P::shock_rate, number(at_least(0)),
                "Concept-drift shocks per model, per month"),
          field("shock_drop_mean", &P::shock_drop_mean, number(unit()),
                "Mean accuracy drop of a shock (exponential), accuracy points"),
          field("monitoring_base", &P::monitoring_base, number(unit()),
                "Monitoring coverage with no MLOps and no platform"),
          field("monitoring_platform", &P::monitoring_platform, number(unit()),
                "Coverage gained at platform maturity 1"),
          field("monitoring_mlops", &P::monitoring_mlops, number(unit()),
                "Coverage gained with full MLOps staffing"),
          field(
              "alert_drop", &P::alert_drop, number(unit()),
              "Monitored drift is detected once accuracy falls this far below a0, accuracy points"),
          field("alert_delay_months", &P::alert_delay_months, number(at_least(0)),
                "Delay between the alert drop and detection, months"),
          field("complaint_drop", &P::complaint_drop, number(unit()),
                "Unmonitored drift is noticed by users once accuracy falls this far below a0, "
                "accuracy points"),
          field("complaint_delay_months", &P::complaint_delay_months, number(at_least(0)),
                "Delay between the complaint drop and users noticing, months"),
          field("auto_retrain_threshold", &P::auto_retrain_threshold, number(unit()),
                "Platform maturity above which retraining is automated"),
          field("auto_retrain_effort_share", &P::auto_retrain_effort_share, number(unit()),
                "Effort of an automated retraining as a share of a manual one"),
          field("infrastructure_per_model", &P::infrastructure_per_model, number(at_least(0)),
                "Infrastructure cost of a production model, $ per model per month"),
          field("retire_value_ratio", &P::retire_value_ratio, number(at_least(0)),
                "Retire a model when its value falls below this ratio x its upkeep"),
          field("retire_min_age_months", &P::retire_min_age_months, number(at_least(0)),
                "Value-based retirement applies only to models at least this old, months"),
          field("end_of_life_months", &P::end_of_life_months, number(above(0)),
                "Mean life in production (exponential) of a fully maintained model, months"),
          field("unmaintained_life_share", &P::unmaintained_life_share, number(left_open(0, 1)),
                "Mean life of a model nobody maintains, as a share of end_of_life_months; in between, life "
                "grows with the unit's monitoring coverage at deployment"),
      },
      {},
      {}};
  return table;
}

const Table<Adoption>& adoption_table() {
  using A = Adoption;
  static const Table<A> table{
      {
          field("innovation_per_year", &A::innovation_per_year, number(at_least(0)),
                "Bass innovation coefficient p0, per year"),
          field("imitation_per_year", &A::imitation_per_year, number(at_least(0)),
                "Bass imitation coefficient q0, per year"),
          field("change_management_effect", &A::change_management_effect, number(at_least(0)),
                "k_cm: innovation p = p0 x (1 + k_cm x change-management intensity)"),
          field("change_management_reference", &A::change_management_reference, number(above(0)),
                "Change-management spend that counts as intensity 1, $ per month"),
      },
      {},
      {}};
  return table;
}

const Table<Trust>& trust_table() {
  using T = Trust;
  static const Table<T> table{
      {
          field("gain_per_success", &T::gain_per_success, number(unit()),
                "alpha_plus: trust gained per model that reaches production and works"),
          field("loss_per_user_drift", &T::loss_per_user_drift, number(unit()),
                "alpha_minus: trust lost per drift noticed by users"),
          field("loss_per_incident", &T::loss_per_incident, number(unit()),
                "Trust lost per governance incident in the unit"),
          field("neighbour_incident_share", &T::neighbour_incident_share, number(unit()),
                "Share of an incident's trust loss felt by each neighbour (x edge weight)"),
          field("spillover_rate", &T::spillover_rate, number(unit()),
                "sigma: relaxation of trust toward neighbours' trust (x edge weight), per month"),
      },
      {},
      {}};
  return table;
}

const Table<DataDebt>& data_debt_table() {
  using D = DataDebt;
  static const Table<D> table{
      {
          field("per_pipeline", &D::per_pipeline, number(at_least(0)),
                "Debt added by each use case passing data prep, before x (1 - s) x (1 - "
                "data_governance), debt units"),
          field("data_governance", &D::data_governance, number(unit()),
                "Share of new debt prevented"),
          field("paydown_share", &D::paydown_share, number(unit()),
                "Share of data engineers' time spent paying debt down"),
          field("paydown_per_engineer_month", &D::paydown_per_engineer_month, number(at_least(0)),
                "Debt removed per engineer-month of paydown, debt units per person-month"),
          field("prep_factor", &D::prep_factor, number(at_least(0)),
                "k_debt: data prep effort x (1 + k_debt x D)"),
          field("pilot_penalty", &D::pilot_penalty, number(at_least(0)),
                "Pilot value x 1 / (1 + penalty x D)"),
          field("spillover_rate", &D::spillover_rate, number(unit()),
                "Debt spread along shared-data edges (x edge weight), per month"),
      },
      {},
      {}};
  return table;
}

const Table<Platform>& platform_table() {
  using P = Platform;
  static const Table<P> table{
      {
          field("initial", &P::initial, number(unit()), "Platform maturity P at month 0"),
          field("build_rate", &P::build_rate, number(unit()),
                "eta: dP/dt = eta x platform people x (1 - P), per person-month"),
          field("deployment_effect", &P::deployment_effect, number(right_open(0, 1)),
                "Deployment effort x (1 - deployment_effect x P); below 1 so deployment never "
                "takes no effort"),
          field("legacy_factor", &P::legacy_factor, number(at_least(0)),
                "k_legacy: deployment effort x (1 + k_legacy x legacy complexity)"),
          field("infrastructure_per_month", &P::infrastructure_per_month, number(at_least(0)),
                "Infrastructure cost of a platform at maturity 1 (x P), $ per month"),
      },
      {},
      {}};
  return table;
}

const Table<Governance>& governance_table() {
  using G = Governance;
  static const Table<G> table{
      {
          field("initial", &G::initial, number(unit()), "Governance maturity G at month 0"),
          field("build_rate", &G::build_rate, number(unit()),
                "Growth of G toward 1 per governance person, per person-month"),
          field("incident_rate", &G::incident_rate, number(at_least(0)),
                "rho: incidents per high-risk model-month at G = 0 (x (1 - G))"),
          field("incident_cost", &G::incident_cost, number(at_least(0)), "Cost of an incident, $"),
          field("freeze_probability", &G::freeze_probability, number(unit()),
                "Chance that an incident freezes deployments in its unit"),
          field("freeze_months", &G::freeze_months, number(at_least(0)),
                "Length of a freeze, months"),
      },
      {},
      {}};
  return table;
}

const Table<Money>& money_table() {
  static const Table<Money> table{
      {
          field("change_management_per_month", &Money::change_management_per_month,
                number(at_least(0)), "Change-management spend, $ per month"),
          field("discount_rate_per_year", &Money::discount_rate_per_year, number(unit()),
                "Discount rate for NPV, per year"),
      },
      {},
      {}};
  return table;
}

const Table<Switches>& switches_table() {
  using S = Switches;
  static const Table<S> table{
      {
          field("drift", &S::drift, boolean(),
                "Mechanism switch: accuracy drift and concept-drift shocks"),
          field("trust", &S::trust, boolean(),
                "Mechanism switch: trust gains, losses and spillover"),
          field("hiring_attrition", &S::hiring_attrition, boolean(),
                "Mechanism switch: attrition and the re-hiring it triggers (hire interventions still take their lead time)"),
          field("learning", &S::learning, boolean(),
                "Mechanism switch: the experience curve (and forgetting)"),
          field("data_debt", &S::data_debt, boolean(),
                "Mechanism switch: data debt accumulation, paydown and spillover"),
          field("incidents", &S::incidents, boolean(), "Mechanism switch: governance incidents"),
          field("reuse", &S::reuse, boolean(),
                "Mechanism switch: horizontal reuse of models across units"),
      },
      {},
      {}};
  return table;
}

const Table<Intervention>& intervention_table() {
  using I = Intervention;
  const auto amount = [](Bounds b, std::string description) {
    return field("amount", &I::amount, number(b), std::move(description));
  };
  static const Table<I> table{
      {
          field("month", &I::month, number(at_least(0)),
                "Month at which the change happens, in [0, horizon_months]"),
          field("kind", &I::kind, enumeration<I::Kind>(kInterventionKindNames), "What changes"),
      },
      "kind",
      {
          {"hire",
           {field("role", &I::role, enumeration<Role>(role_names()), "Role hired (or cut)"),
            field("count", &I::count, integer(nonzero()),
                  "People added to the role and to its hiring target (negative: cut), persons")}},
          {"set_structure",
           {field("structure", &I::structure, enumeration<Structure>(structure_names()),
                  "The org structure from this month on")}},
          {"set_change_management",
           {amount(at_least(0), "New change-management spend, $ per month")}},
          {"set_monitoring", {amount(unit(), "Monitoring coverage added")}},
          {"set_auto_retraining",
           {amount(unit(), "New automated-retraining threshold (platform maturity)")}},
          {"start_platform",
           {amount(above(0), "Platform people added to the build effort, each paid an MLOps engineer's "
                              "workforce.monthly_cost, persons")}},
          {"raise_governance", {amount(left_open(0, 1), "Governance maturity added")}},
          {"set_portfolio_discipline", {amount(unit(), "New portfolio discipline")}},
      }};
  return table;
}

const Table<Scenario>& scenario_table() {
  using S = Scenario;
  static const Table<S> table{
      {
          field("name", &S::name, text(1), "Short name of the scenario, used in reports"),
          field("description", &S::description, text(0), "What the scenario represents"),
          field("horizon_months", &S::horizon_months, number(above(0)), "Simulated time, months"),
          field("warmup_months", &S::warmup_months, number(at_least(0)),
                "Warm-up: resource and stage statistics count from this month on (below "
                "horizon_months; the monthly series are unaffected), months"),
          field("structure", &S::structure, enumeration<Structure>(structure_names()),
                "How AI people are organised at month 0"),
          field("structures", &S::policies,
                per_structure(
                    object(policy_table()),
                    {"The centre of excellence: one central team",
                     "Federated: one team per business unit",
                     "Hybrid: a central platform team plus teams embedded in the business units"}),
                "The numbers that make each org structure (all three: interventions may switch "
                "structure)"),
          field("business_units", &S::business_units, list(object(business_unit_table()), 1),
                "The business units: the vertices of the org graph"),
          field("graph", &S::graph, object(graph_table()),
                "The org graph: how business units are connected"),
          field("workforce", &S::workforce, object(workforce_table()),
                "People: headcount, cost, hiring, attrition, substitution, experience"),
          field("lifecycle", &S::lifecycle, object(lifecycle_table()),
                "The use-case lifecycle from idea to production"),
          field("production", &S::production, object(production_table()),
                "Production models: drift, monitoring, retraining, value"),
          field("adoption", &S::adoption, object(adoption_table()),
                "Bass adoption of each production model within its unit"),
          field("trust", &S::trust, object(trust_table()), "Trust in AI output, per business unit"),
          field("data_debt", &S::data_debt, object(data_debt_table()),
                "Data debt, per business unit"),
          field("platform", &S::platform, object(platform_table()), "Platform maturity P"),
          field("governance", &S::governance, object(governance_table()),
                "Governance maturity G and incidents"),
          field("money", &S::money, object(money_table()), "Budget lines and discounting"),
          field("switches", &S::switches, object(switches_table()),
                "Mechanism switches: turn mechanisms off to isolate others"),
          field("initial_models", &S::initial_models, list(object(initial_models_table()), 0),
                "Models already in production at month 0 (value and risk drawn like ideas of their unit), "
                "e.g. {\"business_unit\": \"retail\", \"count\": 2, \"age_months\": 12, \"accuracy\": "
                "0.84, \"adoption\": 0.3, \"monitored\": false}"),
          field("interventions", &S::interventions, list(object(intervention_table()), 0),
                "Changes at given months, e.g. {\"month\": 24, \"kind\": \"hire\", \"role\": "
                "\"data_engineer\", \"count\": 3}"),
      },
      {},
      {}};
  return table;
}

const Shape& scenario_shape() {
  static const Shape shape = object_shape(scenario_table());
  return shape;
}

const std::string kSchemaKeyDescription =
    "The JSON Schema of scenario files, for editors (ignored by aiscale)";
const std::string kExtendsDescription =
    "Path of the base scenario, relative to this file's directory; this file is applied to it as a "
    "JSON merge patch (RFC 7386)";

// ---------------------------------------------------------------------------------------
// Relations between values that shapes cannot express.
// ---------------------------------------------------------------------------------------

const json* find_path(const json& root, std::initializer_list<std::string_view> keys) {
  const json* at = &root;
  for (const auto key : keys) {
    if (!at->is_object()) return nullptr;
    const auto it = at->find(key);
    if (it == at->end()) return nullptr;
    at = &*it;
  }
  return at;
}

const std::string* string_at(const json& root, std::initializer_list<std::string_view> keys) {
  const json* v = find_path(root, keys);
  return v != nullptr && v->is_string() ? &v->get_ref<const std::string&>() : nullptr;
}

std::optional<double> number_at(const json& root, std::initializer_list<std::string_view> keys) {
  const json* v = find_path(root, keys);
  if (v == nullptr || !v->is_number()) return std::nullopt;
  return v->get<double>();
}

void check_relations(const json& root, Issues& out) {
  // Business unit names: unique (non-empty is the shape's job).
  std::vector<std::string> units;
  std::map<std::string, std::size_t> first_index;
  const json* bus = find_path(root, {"business_units"});
  std::size_t unit_count = 0;
  if (bus != nullptr && bus->is_array()) {
    unit_count = bus->size();
    for (std::size_t i = 0; i < bus->size(); ++i) {
      const std::string* name = string_at((*bus)[i], {"name"});
      if (name == nullptr || name->empty()) continue;
      const auto [it, inserted] = first_index.emplace(*name, i);
      if (!inserted) {
        out.push_back({"/business_units/" + std::to_string(i) + "/name",
                       "duplicate business unit name " + dq(*name) + " (also /business_units/" +
                           std::to_string(it->second) + "/name): names must be unique"});
      } else {
        units.push_back(*name);
      }
    }
  }

  // Topology against the number of units.
  const std::string* topology = string_at(root, {"graph", "topology"});
  if (topology != nullptr && bus != nullptr && bus->is_array()) {
    if ((*topology == "ring" || *topology == "small_world") && unit_count > 0 && unit_count < 3) {
      out.push_back({"/graph/topology", "topology " + dq(*topology) +
                                            " needs at least 3 business units, got " +
                                            std::to_string(unit_count)});
    }
    const json* k = find_path(root, {"graph", "small_world_neighbours"});
    if (*topology == "small_world" && unit_count >= 3 && k != nullptr && k->is_number() &&
        k->get<double>() >= static_cast<double>(unit_count)) {
      out.push_back(
          {"/graph/small_world_neighbours", value_text(*k) +
                                                " is out of range: with topology \"small_world\" "
                                                "it must be below the number of business units (" +
                                                std::to_string(unit_count) + ")"});
    }
  }

  // Explicit edges: only with topology explicit; existing units; no self-loops, no repeats.
  const json* edges = find_path(root, {"graph", "edges"});
  if (edges != nullptr && edges->is_array()) {
    const bool generated =
        topology != nullptr && *topology != "explicit" &&
        std::find(kTopologyNames.begin(), kTopologyNames.end(), *topology) != kTopologyNames.end();
    if (generated && !edges->empty()) {
      out.push_back(
          {"/graph/edges", "has " + std::to_string(edges->size()) + " edges, but topology is " +
                               dq(*topology) +
                               ", which generates its own: edges are only used with topology "
                               "\"explicit\"; set \"edges\": [] or change the topology"});
    }
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    for (std::size_t i = 0; i < edges->size(); ++i) {
      const json& e = (*edges)[i];
      const std::string* from = string_at(e, {"from"});
      const std::string* to = string_at(e, {"to"});
      bool ends_ok = bus != nullptr && bus->is_array();
      for (const auto& [end, name] : {std::pair{"from", from}, std::pair{"to", to}}) {
        if (name == nullptr || name->empty() || bus == nullptr || !bus->is_array()) {
          ends_ok = false;
          continue;
        }
        if (first_index.count(*name) != 0) continue;
        ends_ok = false;
        std::string message =
            "edge " + std::to_string(i) + " names unknown business unit " + dq(*name);
        if (const auto near = nearest(*name, units))
          message += "; did you mean " + dq(*near) + "?";
        else
          message += "; business units: " + quoted_choices(units);
        out.push_back({"/graph/edges/" + std::to_string(i) + "/" + end, message});
      }
      if (!ends_ok) continue;
      if (*from == *to) {
        out.push_back({"/graph/edges/" + std::to_string(i),
                       "edge " + std::to_string(i) + " connects " + dq(*from) +
                           " to itself: self-loops are not allowed"});
        continue;
      }
      const auto pair = std::minmax(*from, *to);
      const auto [it, inserted] = seen.emplace(std::pair{pair.first, pair.second}, i);
      if (!inserted) {
        out.push_back({"/graph/edges/" + std::to_string(i),
                       "edge " + std::to_string(i) + " repeats edge " + std::to_string(it->second) +
                           " (" + dq(*from) + " - " + dq(*to) +
                           "): edges are undirected and each pair may appear once"});
      }
    }
  }

  const auto horizon = number_at(root, {"horizon_months"});
  // Initial models belong to existing units.
  const json* initial = find_path(root, {"initial_models"});
  if (initial != nullptr && initial->is_array() && bus != nullptr && bus->is_array()) {
    for (std::size_t i = 0; i < initial->size(); ++i) {
      const std::string* name = string_at((*initial)[i], {"business_unit"});
      if (name == nullptr || name->empty() || first_index.count(*name) != 0) continue;
      std::string message = "unknown business unit " + dq(*name) + " for initial models " + std::to_string(i);
      if (const auto near = nearest(*name, units))
        message += "; did you mean " + dq(*near) + "?";
      else
        message += "; business units: " + quoted_choices(units);
      out.push_back({"/initial_models/" + std::to_string(i) + "/business_unit", message});
    }
  }

  // Intervention months within the horizon.
  const json* interventions = find_path(root, {"interventions"});
  if (horizon && interventions != nullptr && interventions->is_array()) {
    for (std::size_t i = 0; i < interventions->size(); ++i) {
      const json* month = find_path((*interventions)[i], {"month"});
      if (month == nullptr || !month->is_number()) continue;
      if (month->get<double>() > *horizon) {
        out.push_back({"/interventions/" + std::to_string(i) + "/month",
                       value_text(*month) + " is out of range: must be in [0, " +
                           number_text(*horizon) + "] (horizon_months is " + number_text(*horizon) +
                           ")"});
      }
    }
  }

  // The warm-up ends before the horizon, so the statistics window is not empty. A
  // horizon that is itself out of range is reported on its own.
  const auto warmup = number_at(root, {"warmup_months"});
  if (horizon && *horizon > 0.0 && warmup && !(*warmup < *horizon)) {
    out.push_back({"/warmup_months", number_text(*warmup) +
                                         " is out of range: must be below horizon_months (" +
                                         number_text(*horizon) + ")"});
  }

  // Accuracy decays toward a floor below its initial value.
  const auto a0 = number_at(root, {"production", "accuracy_initial"});
  const auto floor = number_at(root, {"production", "accuracy_floor"});
  if (a0 && floor && !(*floor < *a0)) {
    out.push_back({"/production/accuracy_floor",
                   number_text(*floor) + " is out of range: must be below accuracy_initial (" +
                       number_text(*a0) + ")"});
  }
}

Issues check_scenario_json(const json& root) {
  Issues issues;
  check_value(root, scenario_shape(), "", false, issues);
  if (!root.is_object()) return issues;
  // One problem per value: a relation is not checked again on a value (or inside a
  // value) that is already wrong on its own.
  Issues relations;
  check_relations(root, relations);
  const std::size_t own = issues.size();
  for (auto& relation : relations) {
    const bool already = std::any_of(
        issues.begin(), issues.begin() + static_cast<std::ptrdiff_t>(own), [&](const Issue& i) {
          return relation.path == i.path || relation.path.starts_with(i.path + "/");
        });
    if (!already) issues.push_back(std::move(relation));
  }
  return issues;
}

// ---------------------------------------------------------------------------------------
// 4. Files: reading, parsing, extends.
// ---------------------------------------------------------------------------------------

constexpr int kMaxDepth = 64;

struct ParseFailure {
  std::string path;
  std::string message;
};

/// Tracks where the parser is, to name duplicate keys and refuse absurd nesting.
class ParseTracker {
 public:
  bool operator()(int depth, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        if (depth >= kMaxDepth) {
          throw ParseFailure{path(), "nested deeper than " + std::to_string(kMaxDepth) + " levels"};
        }
        frames_.push_back(Frame{event == json::parse_event_t::object_start, {}, {}, 0});
        break;
      case json::parse_event_t::key: {
        Frame& top = frames_.back();
        std::string key = parsed.get<std::string>();
        if (!top.keys.insert(key).second) {
          top.key = key;
          throw ParseFailure{path(), "duplicate key " + single_quoted(key) +
                                         " in the same object: each key may appear once"};
        }
        top.key = std::move(key);
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        if (!frames_.empty()) frames_.pop_back();
        value_done();
        break;
      case json::parse_event_t::value: value_done(); break;
    }
    return true;
  }

 private:
  struct Frame {
    bool object;
    std::set<std::string> keys;
    std::string key;
    std::size_t index;
  };
  void value_done() {
    if (!frames_.empty() && !frames_.back().object) ++frames_.back().index;
  }
  std::string path() const {
    std::string out;
    for (const Frame& f : frames_) out += f.object ? child("", f.key) : child("", f.index);
    return out;
  }
  std::vector<Frame> frames_;
};

/// Line and column (1-based) of the character at 1-based byte offset `byte`.
std::pair<std::size_t, std::size_t> line_column(const std::string& text, std::size_t byte) {
  const std::size_t index = std::min(byte == 0 ? 0 : byte - 1, text.size());
  std::size_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < index; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, index - line_start + 1};
}

/// Parses `text`; on failure sets `issue` (path empty for malformed JSON).
std::optional<json> parse_text(const std::string& text, Issue& issue) {
  try {
    return json::parse(text, ParseTracker{});
  } catch (const json::parse_error& e) {
    const auto [line, column] = line_column(text, e.byte);
    std::string reason = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 5: <reason>"
    const auto at = reason.find("column ");
    const auto colon = reason.find(": ", at == std::string::npos ? 0 : at);
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
    issue = {"", "malformed JSON at line " + std::to_string(line) + ", column " +
                     std::to_string(column) + ": " + reason};
  } catch (const ParseFailure& f) {
    issue = {f.path, f.message};
  } catch (const json::exception& e) {
    issue = {"", std::string("cannot be read as JSON: ") + e.what()};
  }
  return std::nullopt;
}

/// Reads a whole file; on failure returns nullopt and says why in `why`.
std::optional<std::string> read_text(const fs::path& file, std::string& why) {
  std::error_code ec;
  const auto status = fs::status(file, ec);
  if (ec || !fs::exists(status)) {
    why = "no such file";
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    why = "is a directory, not a scenario file";
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    why = "cannot be opened for reading";
    return std::nullopt;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    why = "cannot be read";
    return std::nullopt;
  }
  return buffer.str();
}

/// One file of an extends chain, as written.
struct Layer {
  std::string file;
  json raw;
};

class ChainLoader {
 public:
  explicit ChainLoader(std::vector<ScenarioProblem>& problems) : problems_(problems) {}

  /// The merged JSON of `file` and its bases, without "extends" and "$schema"; nullopt
  /// when the chain cannot be resolved (the problems say why).
  std::optional<json> resolve(const fs::path& file, const std::string& display,
                              const std::string* extended_by, const std::string& as_written) {
    std::error_code ec;
    fs::path identity = fs::weakly_canonical(file, ec);
    if (ec) identity = fs::absolute(file, ec).lexically_normal();
    const auto loop = std::find(chain_.begin(), chain_.end(), identity);
    if (loop != chain_.end()) {
      std::vector<std::string> cycle(names_.begin() + (loop - chain_.begin()), names_.end());
      cycle.push_back(display);
      problems_.push_back({*extended_by, "/extends", "extends cycle: " + join(cycle, " -> ")});
      return std::nullopt;
    }

    std::string why;
    const auto text = read_text(file, why);
    if (!text) {
      if (extended_by != nullptr) {
        problems_.push_back(
            {*extended_by, "/extends",
             "base scenario " + dq(as_written) + ": " + why + " (looked for " + display + ")"});
      } else {
        problems_.push_back({display, "", why});
      }
      return std::nullopt;
    }
    Issue issue;
    auto raw = parse_text(*text, issue);
    if (!raw) {
      problems_.push_back({display, issue.path, issue.message});
      return std::nullopt;
    }
    if (!raw->is_object()) {
      problems_.push_back(
          {display, "",
           "expected a JSON object (a scenario) at the top level, got " + value_text(*raw)});
      return std::nullopt;
    }
    layers_.push_back({display, *raw});

    json own = *raw;
    own.erase("extends");
    own.erase("$schema");
    if (const auto schema = raw->find("$schema"); schema != raw->end() && !schema->is_string()) {
      problems_.push_back(
          {display, "/$schema",
           "expected a string (the path or URL of the schema), got " + value_text(*schema)});
    }
    const auto extends = raw->find("extends");
    if (extends == raw->end()) return own;
    if (!extends->is_string() || extends->get_ref<const std::string&>().empty()) {
      problems_.push_back({display, "/extends",
                           "expected a non-empty string (the base scenario's path, relative to "
                           "this file's directory), got " +
                               value_text(*extends)});
      return std::nullopt;
    }
    const std::string& written = extends->get_ref<const std::string&>();
    const fs::path base = file.parent_path() / written;
    chain_.push_back(identity);
    names_.push_back(display);
    auto merged = resolve(base, base.lexically_normal().string(), &display, written);
    chain_.pop_back();
    names_.pop_back();
    if (!merged) return std::nullopt;
    merged->merge_patch(own);
    return merged;
  }

  /// The file that sets the value at `path`: the most derived file of the chain that
  /// holds it (null included: a deletion), else the file that was asked for.
  [[nodiscard]] std::string file_of(const std::string& path) const {
    for (const Layer& layer : layers_) {
      try {
        if (layer.raw.contains(json::json_pointer(path))) return layer.file;
      } catch (const json::exception&) {
        // not a pointer into this file
      }
    }
    return layers_.empty() ? std::string() : layers_.front().file;
  }

 private:
  std::vector<ScenarioProblem>& problems_;
  std::vector<fs::path> chain_;     // files being resolved, outermost first
  std::vector<std::string> names_;  // their display names
  std::vector<Layer> layers_;       // every file read, most derived first
};

/// Binds JSON the checker accepted. Never expected to fail; if it does, that is a
/// problem to report, not a crash.
std::optional<Scenario> bind_scenario(const json& root, const std::string& file,
                                      std::vector<ScenarioProblem>& problems) {
  try {
    Scenario s{};
    read_object(scenario_table(), root, s);
    return s;
  } catch (const std::exception& e) {
    problems.push_back(
        {file, "", std::string("internal error while reading a checked scenario: ") + e.what()});
  }
  return std::nullopt;
}

struct Analysis {
  std::vector<ScenarioProblem> problems;
  std::optional<Scenario> scenario;
};

Analysis analyse(const fs::path& file) {
  Analysis out;
  const std::string display = file.string();
  ChainLoader loader(out.problems);
  const auto merged = loader.resolve(file, display, nullptr, display);
  if (!merged) return out;
  for (auto& issue : check_scenario_json(*merged)) {
    out.problems.push_back({loader.file_of(issue.path), issue.path, std::move(issue.message)});
  }
  if (out.problems.empty()) out.scenario = bind_scenario(*merged, display, out.problems);
  return out;
}

}  // namespace

std::string format_problem(const ScenarioProblem& problem) {
  if (problem.json_path.empty()) return problem.file + ": " + problem.message;
  return problem.file + ": " + problem.json_path + ": " + problem.message;
}

namespace {
std::string all_problems(const std::vector<ScenarioProblem>& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += '\n';
    out += format_problem(p);
  }
  return out;
}
}  // namespace

ScenarioError::ScenarioError(std::vector<ScenarioProblem> problems)
    : std::runtime_error(all_problems(problems)), problems_(std::move(problems)) {}

Scenario load_scenario(const fs::path& file) {
  auto result = analyse(file);
  if (!result.problems.empty() || !result.scenario) throw ScenarioError(std::move(result.problems));
  return std::move(*result.scenario);
}

std::vector<ScenarioProblem> check_scenario(const fs::path& file) { return analyse(file).problems; }

Scenario scenario_from_json(const json& input, const std::string& origin) {
  std::vector<ScenarioProblem> problems;
  json root = input;
  if (root.is_object()) {
    root.erase("$schema");
    if (root.contains("extends")) {
      problems.push_back(
          {origin, "/extends",
           "\"extends\" is resolved only when reading a file: pass the complete scenario"});
      root.erase("extends");
    }
  }
  for (auto& issue : check_scenario_json(root))
    problems.push_back({origin, issue.path, std::move(issue.message)});
  std::optional<Scenario> scenario;
  if (problems.empty()) scenario = bind_scenario(root, origin, problems);
  if (!problems.empty() || !scenario) throw ScenarioError(std::move(problems));
  return std::move(*scenario);
}

json to_json(const Scenario& scenario) { return write_object(scenario_table(), scenario); }

json scenario_schema() {
  json defs = json::object();
  for (const bool complete : {true, false}) {
    json def = schema_of(scenario_shape(), "", complete);
    def["properties"]["$schema"] = {{"type", "string"}, {"description", kSchemaKeyDescription}};
    def["properties"]["extends"] = {
        {"type", "string"}, {"minLength", 1}, {"description", kExtendsDescription}};
    def["description"] =
        complete ? "A complete scenario (no extends): every key is required."
                 : "A partial scenario (with extends): keys not given come from the base; array "
                   "items are always complete, because an array replaces the base's array whole.";
    defs[complete ? "complete" : "partial"] = def;
  }
  return {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"title", "aiscale scenario"},
      {"description",
       "An enterprise scenario for the aiscale simulator. Generated by 'aiscale schema' from the "
       "loader's field table; see docs/scenarios.md."},
      {"type", "object"},
      {"if", {{"required", {"extends"}}}},
      {"then", {{"$ref", "#/$defs/partial"}}},
      {"else", {{"$ref", "#/$defs/complete"}}},
      {"$defs", defs},
  };
}

std::string scenario_markdown_table() {
  std::string out = "| Key | Type | Allowed | Meaning, unit |\n|---|---|---|---|\n";
  out += "| `/$schema` | string | any | " + markdown_cell(kSchemaKeyDescription) + " |\n";
  out += "| `/extends` | string | non-empty | " + markdown_cell(kExtendsDescription) + " |\n";
  for (const Key& k : scenario_shape().keys)
    markdown_rows(*k.shape, "/" + k.name, k.description, out);
  return out;
}

}  // namespace models::enterprise
