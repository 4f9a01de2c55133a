#include "models/spec/schema.hpp"

namespace spec {

using nlohmann::json;

namespace {

json bound_value(double x, Kind kind) {
  if (kind == Kind::integer) return static_cast<long long>(x);
  return x;
}

json key_schema(const Key& k, bool complete) {
  json out = schema_of(*k.shape, k.description, complete);
  if (k.default_value) out["default"] = *k.default_value;
  return out;
}

}  // namespace

json schema_of(const Shape& s, const std::string& description, bool complete) {
  json out = json::object();
  if (!description.empty()) out["description"] = description;
  switch (s.kind) {
    case Kind::number:
    case Kind::integer: {
      out["type"] = s.kind == Kind::integer ? "integer" : "number";
      const Bounds& b = s.bounds;
      if (b.min) out[b.min_exclusive ? "exclusiveMinimum" : "minimum"] = bound_value(*b.min, s.kind);
      if (b.max) out[b.max_exclusive ? "exclusiveMaximum" : "maximum"] = bound_value(*b.max, s.kind);
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
      out["additionalProperties"] =
          s.any_key.shape ? schema_of(*s.any_key.shape, s.any_key.description, complete) : json(false);
      json properties = json::object();
      json required = json::array();
      for (const Key& k : s.keys) {
        properties[k.name] = key_schema(k, complete);
        if (k.required) required.push_back(k.name);
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
            properties[k.name] = {{"type", full.at("type")},
                                  {"description", "Used by some values of '" + s.tag + "'; see there."}};
          }
          then_properties[k.name] = key_schema(k, complete);
          if (k.required) then_required.push_back(k.name);
        }
        for (const Variant& other : s.variants) {
          for (const Key& k : other.keys) {
            if (!then_properties.contains(k.name)) then_properties[k.name] = false;
          }
        }
        json then = {{"properties", then_properties}};
        if (complete && !then_required.empty()) then["required"] = then_required;
        all_of.push_back(
            {{"if", {{"properties", {{s.tag, {{"const", var.tag}}}}}, {"required", {s.tag}}}}, {"then", then}});
      }
      // Alternatives: every key listed; exactly one set given, without keys of another.
      json one_of = json::array();
      for (const Alternative& a : s.alternatives) {
        json branch_required = json::array();
        json branch_properties = json::object();
        for (const Key& k : a.keys) {
          properties[k.name] = key_schema(k, complete);
          if (k.required) branch_required.push_back(k.name);
        }
        for (const Alternative& other : s.alternatives) {
          if (&other == &a) continue;
          for (const Key& k : other.keys) branch_properties[k.name] = false;
        }
        json branch = {{"required", branch_required}};
        if (!branch_properties.empty()) branch["properties"] = branch_properties;
        one_of.push_back(branch);
      }
      if (!properties.empty() || !s.any_key.shape) out["properties"] = properties;
      if (complete && !required.empty()) out["required"] = required;
      if (!all_of.empty()) out["allOf"] = all_of;
      if (complete && !one_of.empty()) out["oneOf"] = one_of;
      break;
    }
  }
  return out;
}

json file_schema(const Shape& s, const std::string& title, const std::string& description,
                 const std::string& schema_key_description) {
  json out = schema_of(s, description, true);
  out["properties"]["$schema"] = {{"type", "string"}, {"description", schema_key_description}};
  out["$schema"] = kSchemaDialect;
  out["title"] = title;
  return out;
}

}  // namespace spec
