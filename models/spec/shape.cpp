#include "models/spec/shape.hpp"

#include <cmath>
#include <utility>

#include "models/spec/text.hpp"

namespace spec {

Bounds any() { return {}; }
Bounds at_least(double a) { return {a, false, {}, false, false, {}}; }
Bounds above(double a) { return {a, true, {}, false, false, {}}; }
Bounds closed(double a, double b) { return {a, false, b, false, false, {}}; }
Bounds left_open(double a, double b) { return {a, true, b, false, false, {}}; }
Bounds right_open(double a, double b) { return {a, false, b, true, false, {}}; }
Bounds unit() { return closed(0.0, 1.0); }
Bounds nonzero() { return {{}, false, {}, false, true, {}}; }

ShapePtr make_shape(Shape s) { return std::make_shared<const Shape>(std::move(s)); }

std::string range_text(const Bounds& b) {
  std::string out;
  if (b.min && b.max) {
    out = std::string("in ") + (b.min_exclusive ? "(" : "[") + number_text(*b.min) + ", " + number_text(*b.max) +
          (b.max_exclusive ? ")" : "]");
  } else if (b.min) {
    out = (b.min_exclusive ? "> " : ">= ") + number_text(*b.min);
  } else if (b.max) {
    out = (b.max_exclusive ? "< " : "<= ") + number_text(*b.max);
  }
  if (b.nonzero) out += out.empty() ? "non-zero" : ", non-zero";
  if (b.multiple_of) out += (out.empty() ? "" : ", ") + std::string("a multiple of ") + number_text(*b.multiple_of);
  return out.empty() ? "any" : out;
}

bool within(double x, const Bounds& b) {
  if (b.min && (b.min_exclusive ? !(x > *b.min) : !(x >= *b.min))) return false;
  if (b.max && (b.max_exclusive ? !(x < *b.max) : !(x <= *b.max))) return false;
  if (b.nonzero && x == 0.0) return false;
  if (b.multiple_of && std::fmod(x, *b.multiple_of) != 0.0) return false;
  return true;
}

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

}  // namespace spec
