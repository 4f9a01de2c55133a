#include "models/spec/check.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>
#include <vector>

#include "models/spec/did_you_mean.hpp"
#include "models/spec/text.hpp"

namespace spec {

namespace {

using nlohmann::json;

class Checker {
 public:
  explicit Checker(const CheckOptions& options) : options_(options) {}

  void value(const json& v, const Shape& s, const std::string& path, bool in_array) {
    switch (s.kind) {
      case Kind::number:
      case Kind::integer: number(v, s, path); return;
      case Kind::boolean:
        if (!v.is_boolean()) add(path, "expected true or false, got " + value_text(v));
        return;
      case Kind::string:
        if (!v.is_string()) {
          add(path, "expected " + expected_text(s) + ", got " + value_text(v));
        } else if (v.get_ref<const std::string&>().size() < s.min_length) {
          add(path, "is empty: must be a non-empty string");
        }
        return;
      case Kind::enumeration: enumeration(v, s, path); return;
      case Kind::array: array(v, s, path); return;
      case Kind::object: object(v, s, path, in_array); return;
    }
  }

  Issues take() { return std::move(issues_); }

 private:
  void add(std::string path, std::string message) { issues_.push_back({std::move(path), std::move(message)}); }

  /// Whether the integral value `v` fits the C++ type of an integer shape.
  static bool fits(const json& v, const Shape& s) {
    if (v.is_number_unsigned()) return v.get<std::uint64_t>() <= s.integer_max;
    if (v.is_number_integer()) {
      const auto x = v.get<std::int64_t>();
      return x >= s.integer_min && (x < 0 || static_cast<std::uint64_t>(x) <= s.integer_max);
    }
    const double x = v.get<double>();
    if (x < 0) return x >= static_cast<double>(s.integer_min);
    return x < 18446744073709551616.0 && static_cast<std::uint64_t>(x) <= s.integer_max;
  }

  void number(const json& v, const Shape& s, const std::string& path) {
    const bool integer = s.kind == Kind::integer;
    const bool integral =
        v.is_number_integer() || (v.is_number_float() && std::floor(v.get<double>()) == v.get<double>());
    if (!v.is_number() || (integer && !integral)) {
      add(path, "expected " + expected_text(s) + ", got " + value_text(v));
      return;
    }
    const double x = v.get<double>();
    if (!std::isfinite(x)) {
      add(path, value_text(v) + " is not a finite number: must be " + range_text(s.bounds));
    } else if (!within(x, s.bounds)) {
      add(path, value_text(v) + " is out of range: must be " + range_text(s.bounds));
    } else if (integer && !fits(v, s)) {
      add(path, value_text(v) + " is too large for an integer here: must be in [" + std::to_string(s.integer_min) +
                    ", " + std::to_string(s.integer_max) + "]");
    }
  }

  void enumeration(const json& v, const Shape& s, const std::string& path) {
    if (!v.is_string()) {
      add(path, "expected " + expected_text(s) + ", got " + value_text(v));
      return;
    }
    const auto& text = v.get_ref<const std::string&>();
    if (std::find(s.choices.begin(), s.choices.end(), text) != s.choices.end()) return;
    std::string message = value_text(v) + " is not allowed: must be one of " + quoted_choices(s.choices);
    if (const auto near = nearest(text, s.choices)) message += "; did you mean " + dq(*near) + "?";
    add(path, message);
  }

  void array(const json& v, const Shape& s, const std::string& path) {
    if (!v.is_array()) {
      add(path, "expected an array, got " + value_text(v));
      return;
    }
    if (v.size() < s.min_items) {
      add(path, "has " + std::to_string(v.size()) + " items: needs at least " + std::to_string(s.min_items));
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      value(v[i], *s.items, child(path, i), true);
      if (!s.unique_items) continue;
      for (std::size_t j = 0; j < i; ++j) {
        if (v[j] == v[i]) {
          add(child(path, i),
              value_text(v[i]) + " is listed twice (also at " + child(path, j) + "): items must be unique");
          break;
        }
      }
    }
  }

  static std::vector<std::string> names_of(const std::vector<Key>& keys, bool required_only = false) {
    std::vector<std::string> names;
    for (const Key& k : keys) {
      if (!required_only || k.required) names.push_back(k.name);
    }
    return names;
  }

  /// "\"min\" and \"max\" (a range)"
  static std::string alternative_text(const Alternative& a) {
    std::vector<std::string> quoted;
    for (const auto& name : names_of(a.keys, true)) quoted.push_back(dq(name));
    return join(quoted, " and ") + " (" + a.label + ")";
  }

  static std::string either_text(const std::vector<Alternative>& alternatives) {
    std::vector<std::string> parts;
    for (const Alternative& a : alternatives) parts.push_back(alternative_text(a));
    if (parts.size() == 2) return "give either " + parts[0] + " or " + parts[1] + ", not both or neither";
    return "give exactly one of: " + join(parts, "; ");
  }

  void object(const json& v, const Shape& s, const std::string& path, bool in_array) {
    if (!v.is_object()) {
      add(path, "expected an object, got " + value_text(v));
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
    for (const Alternative& a : s.alternatives) {
      for (const Key& k : a.keys) allowed.push_back(&k);
    }
    const auto is_allowed = [&](const std::string& name) {
      return std::any_of(allowed.begin(), allowed.end(), [&](const Key* k) { return k->name == name; });
    };
    const auto in_some_variant = [&](const std::string& name) {
      return std::any_of(s.variants.begin(), s.variants.end(), [&](const Variant& var) {
        return std::any_of(var.keys.begin(), var.keys.end(), [&](const Key& k) { return k.name == name; });
      });
    };
    std::vector<std::string> names;
    for (const Key* k : allowed) names.push_back(k->name);

    // Keys that do not belong here.
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string& name = it.key();
      if (is_allowed(name)) continue;
      if (in_some_variant(name)) {
        if (variant == nullptr) continue;  // the bad or missing tag is reported below
        const auto takes = names_of(variant->keys);
        add(child(path, name), single_quoted(name) + " is not used by " + s.tag + " " + dq(variant->tag) +
                                   ", which takes " + (takes.empty() ? "nothing else" : join(takes, ", ")) +
                                   ": remove it");
        continue;
      }
      if (s.any_key.shape) {
        value(*it, *s.any_key.shape, child(path, name), in_array);
        continue;
      }
      std::string message = "unknown key " + single_quoted(name);
      if (const auto near = nearest(name, names)) {
        message += "; did you mean " + single_quoted(*near) + "?";
      } else {
        message += "; allowed keys here: " + join(names, ", ");
      }
      add(child(path, name), message);
    }

    // Every key of the object and of its variant must be right, and there if required.
    const std::size_t own = s.keys.size() + (variant != nullptr ? variant->keys.size() : 0);
    for (std::size_t i = 0; i < own; ++i) {
      const Key* k = allowed[i];
      const auto it = v.find(k->name);
      if (it != v.end()) {
        value(*it, *k->shape, child(path, k->name), in_array);
        continue;
      }
      if (!k->required) continue;
      std::string message = "missing key " + single_quoted(k->name) + ": ";
      if (i >= s.keys.size()) {
        message += s.tag + " " + dq(variant->tag) + " needs " + join(names_of(variant->keys, true), ", ");
      } else if (in_array) {
        message += options_.missing_in_array_advice;
      } else {
        message += options_.missing_advice;
      }
      add(child(path, k->name), message);
    }
    if (!s.alternatives.empty()) alternatives(v, s, path, in_array);
  }

  /// Exactly one alternative: its keys present and right; no key of another.
  void alternatives(const json& v, const Shape& s, const std::string& path, bool in_array) {
    std::vector<const Alternative*> touched;
    std::vector<const Alternative*> complete;
    for (const Alternative& a : s.alternatives) {
      bool any = false;
      bool all = true;
      for (const Key& k : a.keys) {
        const bool present = v.contains(k.name);
        any = any || present;
        all = all && (present || !k.required);
      }
      if (any) touched.push_back(&a);
      if (any && all) complete.push_back(&a);
    }
    // Present keys are checked whatever is chosen.
    for (const Alternative& a : s.alternatives) {
      for (const Key& k : a.keys) {
        const auto it = v.find(k.name);
        if (it != v.end()) value(*it, *k.shape, child(path, k.name), in_array);
      }
    }
    if (complete.size() == 1) {
      for (const Alternative* a : touched) {
        if (a == complete.front()) continue;
        for (const Key& k : a->keys) {
          if (!v.contains(k.name)) continue;
          add(child(path, k.name), single_quoted(k.name) + " is used only by " + alternative_text(*a) +
                                       ", not by " + alternative_text(*complete.front()) + ": remove it");
        }
      }
      return;
    }
    if (complete.empty() && touched.size() == 1) {
      const Alternative& a = *touched.front();
      for (const Key& k : a.keys) {
        if (!k.required || v.contains(k.name)) continue;
        add(child(path, k.name),
            "missing key " + single_quoted(k.name) + ": " + a.label + " needs " + join(names_of(a.keys, true), ", "));
      }
      return;
    }
    add(path, either_text(s.alternatives));
  }

  const CheckOptions& options_;
  Issues issues_;
};

}  // namespace

Issues check(const json& value, const Shape& shape, const CheckOptions& options) {
  Checker checker(options);
  checker.value(value, shape, "", false);
  return checker.take();
}

void add_relations(Issues& issues, Issues relations) {
  const std::size_t own = issues.size();
  for (auto& relation : relations) {
    const bool already =
        std::any_of(issues.begin(), issues.begin() + static_cast<std::ptrdiff_t>(own), [&](const Issue& i) {
          return relation.path == i.path || relation.path.starts_with(i.path + "/");
        });
    if (!already) issues.push_back(std::move(relation));
  }
}

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

}  // namespace spec
