#include "models/spec/markdown.hpp"

#include <vector>

#include "models/spec/text.hpp"

namespace spec {

namespace {

std::string markdown_cell(const std::string& text) {
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
      if (s.items->kind == Kind::enumeration) parts.push_back("each " + backquoted_choices(s.items->choices));
      return parts.empty() ? "any number of items" : join(parts, "; ");
    }
    case Kind::object: return s.any_key.shape ? "any keys" : "";
  }
  return "";
}

/// `k`'s description, with "(optional, default ...)" when it may be left out.
std::string key_meaning(const Key& k, const std::string& prefix) {
  std::string out = prefix + k.description;
  if (!k.required) out += k.default_value ? " (optional, default " + dump_text(*k.default_value) + ")" : " (optional)";
  return out;
}

void rows(const Shape& s, const std::string& path, const std::string& description, std::string& out);

/// The rows of the keys of object `s`, each at `prefix` + "/" + key.
void key_rows(const Shape& s, const std::string& prefix, std::string& out) {
  for (const Key& k : s.keys) rows(*k.shape, prefix + "/" + k.name, key_meaning(k, ""), out);
  for (const Variant& var : s.variants) {
    for (const Key& k : var.keys)
      rows(*k.shape, prefix + "/" + k.name, key_meaning(k, "(" + s.tag + " `" + var.tag + "`) "), out);
  }
  for (const Alternative& a : s.alternatives) {
    for (const Key& k : a.keys) rows(*k.shape, prefix + "/" + k.name, key_meaning(k, "(" + a.label + ") "), out);
  }
  if (s.any_key.shape) rows(*s.any_key.shape, prefix + "/" + s.any_key.name, s.any_key.description, out);
}

/// Rows of an object keyed by the names of a fixed set: the names once,
/// then the keys of one element, under "/<placeholder>/".
void set_rows(const Shape& s, const std::string& path, const std::string& description, std::string& out) {
  std::vector<std::string> names;
  for (const Key& k : s.keys) names.push_back(k.name);
  const Shape& element = *s.keys.front().shape;
  const std::string element_path = path + "/<" + s.placeholder + ">";
  if (element.kind == Kind::object) {
    out += markdown_row(path, "object", "keys " + backquoted_choices(names), description);
    for (const Key& k : element.keys) rows(*k.shape, element_path + "/" + k.name, k.description, out);
  } else {
    out += markdown_row(element_path, type_text(element), allowed_text(element),
                        description + "; one key per " + s.placeholder + ": " + join(names, ", "));
  }
}

void rows(const Shape& s, const std::string& path, const std::string& description, std::string& out) {
  if (s.kind == Kind::object && !s.placeholder.empty()) {
    set_rows(s, path, description, out);
    return;
  }
  out += markdown_row(path, type_text(s), allowed_text(s), description);
  if (s.kind == Kind::array && s.items->kind == Kind::object) {
    key_rows(*s.items, path + "/*", out);
  } else if (s.kind == Kind::object) {
    key_rows(s, path, out);
  }
}

}  // namespace

std::string markdown_header() { return "| Key | Type | Allowed | Meaning, unit |\n|---|---|---|---|\n"; }

std::string markdown_row(const std::string& path, const std::string& type, const std::string& allowed,
                         const std::string& meaning) {
  return "| `" + path + "` | " + type + " | " + markdown_cell(allowed) + " | " + markdown_cell(meaning) + " |\n";
}

std::string markdown_rows(const Shape& s, const std::string& path, const std::string& description) {
  std::string out;
  rows(s, path, description, out);
  return out;
}

std::string markdown_key_rows(const Shape& s) {
  std::string out;
  key_rows(s, "", out);
  return out;
}

}  // namespace spec
