/// @file
/// @brief Codecs and tables: how C++ values map to JSON, with the shape that checks them.
///
/// A Codec<T> is a type's shape plus its read and write functions; a Table<S> lists the
/// JSON keys of struct S, each with its member, codec and description. A struct's shape
/// is built from its table, so one table drives parsing, checking, the JSON Schema and
/// the docs. read functions are only called on values the checker accepted.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "models/spec/shape.hpp"
#include "models/spec/text.hpp"

namespace spec {

/// How one C++ type maps to JSON.
template <class T>
struct Codec {
  ShapePtr shape;
  std::function<T(const nlohmann::json&)> read;
  std::function<nlohmann::json(const T&)> write;
};

/// One JSON key of struct S. `absent` (for an optional key) sets the member when the key
/// is left out; write() returns a discarded value when nothing is written.
template <class S>
struct Field {
  Key key;
  std::function<void(const nlohmann::json&, S&)> read;
  std::function<nlohmann::json(const S&)> write;
  std::function<void(S&)> absent;
};

/// The keys of struct S: `fields` always; when `tag` is set, the value of that key (an
/// enumeration among `fields`) selects a variant, whose fields are also taken; and of
/// the `alternatives`, exactly one set of fields, the one whose `chosen` says so when
/// writing.
template <class S>
struct Table {
  struct VariantFields {
    std::string tag;
    std::vector<Field<S>> fields;
  };
  struct AlternativeFields {
    std::string label;
    std::vector<Field<S>> fields;
    std::function<bool(const S&)> chosen;
  };
  /// (A constructor, not an aggregate, so that tables may leave out what they do not use.)
  Table(std::vector<Field<S>> all_fields, std::string tag_key = {}, std::vector<VariantFields> variant_fields = {},
        std::vector<AlternativeFields> alternative_fields = {})
      : fields(std::move(all_fields)),
        tag(std::move(tag_key)),
        variants(std::move(variant_fields)),
        alternatives(std::move(alternative_fields)) {}
  std::vector<Field<S>> fields;
  std::string tag;
  std::vector<VariantFields> variants;
  std::vector<AlternativeFields> alternatives;
};

/// A required key.
template <class S, class T>
Field<S> field(std::string key, T S::*member, Codec<T> codec, std::string description) {
  return Field<S>{Key{std::move(key), std::move(description), codec.shape, true, std::nullopt},
                  [member, read = codec.read](const nlohmann::json& j, S& s) { s.*member = read(j); },
                  [member, write = codec.write](const S& s) { return write(s.*member); }, nullptr};
}

/// A key held in an optional member: required where it appears (an alternative's key),
/// written only when the member holds a value.
template <class S, class T>
Field<S> field(std::string key, std::optional<T> S::*member, Codec<T> codec, std::string description) {
  return Field<S>{Key{std::move(key), std::move(description), codec.shape, true, std::nullopt},
                  [member, read = codec.read](const nlohmann::json& j, S& s) { s.*member = read(j); },
                  [member, write = codec.write](const S& s) {
                    return (s.*member) ? write(*(s.*member)) : nlohmann::json(nlohmann::json::value_t::discarded);
                  },
                  nullptr};
}

/// An optional key: left out, the member is `fallback` (the documented default).
template <class S, class T>
Field<S> optional_field(std::string key, T S::*member, Codec<T> codec, T fallback, std::string description) {
  return Field<S>{Key{std::move(key), std::move(description), codec.shape, false, codec.write(fallback)},
                  [member, read = codec.read](const nlohmann::json& j, S& s) { s.*member = read(j); },
                  [member, write = codec.write](const S& s) { return write(s.*member); },
                  [member, fallback](S& s) { s.*member = fallback; }};
}

/// An optional key held in an optional member: left out, the member is empty.
template <class S, class T>
Field<S> optional_field(std::string key, std::optional<T> S::*member, Codec<T> codec, std::string description) {
  Field<S> f = field(std::move(key), member, std::move(codec), std::move(description));
  f.key.required = false;
  f.absent = [member](S& s) { s.*member = std::nullopt; };
  return f;
}

/// An optional key that is checked but not kept (a comment).
template <class S, class T>
Field<S> ignored_field(std::string key, Codec<T> codec, std::string description) {
  return Field<S>{Key{std::move(key), std::move(description), codec.shape, false, std::nullopt},
                  [](const nlohmann::json&, S&) {},
                  [](const S&) { return nlohmann::json(nlohmann::json::value_t::discarded); }, [](S&) {}};
}

inline Codec<double> number(Bounds bounds) {
  Shape s;
  s.kind = Kind::number;
  s.bounds = bounds;
  return {make_shape(std::move(s)), [](const nlohmann::json& j) { return j.get<double>(); },
          [](const double& x) { return nlohmann::json(x); }};
}

/// An integer of C++ type I (an integral number such as 3.0 counts); the checker also
/// keeps it within I's range.
template <class I = int>
Codec<I> integer(Bounds bounds) {
  Shape s;
  s.kind = Kind::integer;
  s.bounds = bounds;
  s.integer_min = static_cast<std::int64_t>(std::numeric_limits<I>::min());
  s.integer_max = static_cast<std::uint64_t>(std::numeric_limits<I>::max());
  return {make_shape(std::move(s)),
          [](const nlohmann::json& j) {
            return j.is_number_integer() ? j.get<I>() : static_cast<I>(j.get<double>());
          },
          [](const I& x) { return nlohmann::json(x); }};
}

inline Codec<bool> boolean() {
  Shape s;
  s.kind = Kind::boolean;
  return {make_shape(std::move(s)), [](const nlohmann::json& j) { return j.get<bool>(); },
          [](const bool& x) { return nlohmann::json(x); }};
}

/// A string of at least `min_length` bytes.
inline Codec<std::string> text(std::size_t min_length) {
  Shape s;
  s.kind = Kind::string;
  s.min_length = min_length;
  return {make_shape(std::move(s)), [](const nlohmann::json& j) { return j.get<std::string>(); },
          [](const std::string& x) { return nlohmann::json(x); }};
}

/// An enum E whose value i is written as names[i].
template <class E>
Codec<E> enumeration(std::vector<std::string> names) {
  Shape s;
  s.kind = Kind::enumeration;
  s.choices = names;
  return {make_shape(std::move(s)),
          [names](const nlohmann::json& j) {
            const auto it = std::find(names.begin(), names.end(), j.get<std::string>());
            if (it == names.end()) throw std::invalid_argument("unknown name " + dump_text(j));
            return static_cast<E>(it - names.begin());
          },
          [names](const E& e) { return nlohmann::json(names.at(static_cast<std::size_t>(e))); }};
}

namespace detail {
template <class S>
std::vector<Key> keys_of(const std::vector<Field<S>>& fields) {
  std::vector<Key> keys;
  for (const auto& f : fields) keys.push_back(f.key);
  return keys;
}

template <class S>
void read_fields(const std::vector<Field<S>>& fields, const nlohmann::json& j, S& s) {
  for (const auto& f : fields) {
    const auto it = j.find(f.key.name);
    if (it != j.end()) {
      f.read(*it, s);
    } else if (f.absent) {
      f.absent(s);
    }
  }
}

template <class S>
void write_fields(const std::vector<Field<S>>& fields, const S& s, nlohmann::json& j) {
  for (const auto& f : fields) {
    nlohmann::json value = f.write(s);
    if (!value.is_discarded()) j[f.key.name] = std::move(value);
  }
}
}  // namespace detail

/// The shape of an object with the keys of `table`.
template <class S>
Shape object_shape(const Table<S>& table) {
  Shape s;
  s.kind = Kind::object;
  s.keys = detail::keys_of(table.fields);
  s.tag = table.tag;
  for (const auto& var : table.variants) s.variants.push_back(Variant{var.tag, detail::keys_of(var.fields)});
  for (const auto& a : table.alternatives) s.alternatives.push_back(Alternative{a.label, detail::keys_of(a.fields)});
  return s;
}

/// Sets the members of `s` from checked JSON `j`.
template <class S>
void read_object(const Table<S>& table, const nlohmann::json& j, S& s) {
  detail::read_fields(table.fields, j, s);
  if (!table.tag.empty()) {
    const auto& tag = j.at(table.tag).template get_ref<const std::string&>();
    for (const auto& var : table.variants) {
      if (var.tag == tag) detail::read_fields(var.fields, j, s);
    }
  }
  for (const auto& a : table.alternatives) {
    const bool present = std::any_of(a.fields.begin(), a.fields.end(),
                                     [&](const Field<S>& f) { return j.contains(f.key.name); });
    if (present) detail::read_fields(a.fields, j, s);
  }
}

/// The JSON object of `s`: every key of its table that holds a value.
template <class S>
nlohmann::json write_object(const Table<S>& table, const S& s) {
  nlohmann::json j = nlohmann::json::object();
  detail::write_fields(table.fields, s, j);
  if (!table.tag.empty()) {
    const auto tag = j.at(table.tag).template get<std::string>();
    for (const auto& var : table.variants) {
      if (var.tag == tag) detail::write_fields(var.fields, s, j);
    }
  }
  for (const auto& a : table.alternatives) {
    if (a.chosen(s)) detail::write_fields(a.fields, s, j);
  }
  return j;
}

/// A struct, as a JSON object with the keys of its table. `table` must outlive the codec.
template <class S>
Codec<S> object(const Table<S>& table) {
  return {make_shape(object_shape(table)),
          [&table](const nlohmann::json& j) {
            S s{};  // value-initialised: fields a variant does not use stay 0 / first enum value
            read_object(table, j, s);
            return s;
          },
          [&table](const S& s) { return write_object(table, s); }};
}

/// A vector, as a JSON array of at least `min_items` items (all different if `unique`).
template <class T>
Codec<std::vector<T>> list(Codec<T> item, std::size_t min_items, bool unique = false) {
  Shape s;
  s.kind = Kind::array;
  s.items = item.shape;
  s.min_items = min_items;
  s.unique_items = unique;
  return {make_shape(std::move(s)),
          [read = item.read](const nlohmann::json& j) {
            std::vector<T> out;
            out.reserve(j.size());
            for (const auto& e : j) out.push_back(read(e));
            return out;
          },
          [write = item.write](const std::vector<T>& v) {
            nlohmann::json out = nlohmann::json::array();
            for (const auto& e : v) out.push_back(write(e));
            return out;
          }};
}

/// A map from any names to values, as a JSON object; `placeholder` ("<parameter>")
/// stands for a name in the docs, `description` says what each value is.
template <class T>
Codec<std::map<std::string, T>> map_of(Codec<T> item, std::string placeholder, std::string description) {
  Shape s;
  s.kind = Kind::object;
  s.any_key = Key{std::move(placeholder), std::move(description), item.shape, false, std::nullopt};
  return {make_shape(std::move(s)),
          [read = item.read](const nlohmann::json& j) {
            std::map<std::string, T> out;
            for (auto it = j.begin(); it != j.end(); ++it) out.emplace(it.key(), read(*it));
            return out;
          },
          [write = item.write](const std::map<std::string, T>& m) {
            nlohmann::json out = nlohmann::json::object();
            for (const auto& [name, value] : m) out[name] = write(value);
            return out;
          }};
}

}  // namespace spec
