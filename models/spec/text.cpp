#include "models/spec/text.hpp"

#include <cmath>

namespace spec {

using nlohmann::json;

std::string dump_text(const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string dq(std::string_view s) { return dump_text(json(std::string(s))); }

std::string single_quoted(std::string_view s) {
  std::string out;  // (not "'" + ... + "'": GCC 12 -O3 sees a false -Wrestrict in it)
  out.reserve(s.size() + 2);
  out += '\'';
  out += s;
  out += '\'';
  return out;
}

std::string number_text(double x) {
  if (std::isfinite(x) && std::floor(x) == x && std::fabs(x) < 1e15) {
    return std::to_string(static_cast<long long>(x));
  }
  return dump_text(json(x));
}

std::string value_text(const json& v) {
  switch (v.type()) {
    case json::value_t::object: return v.empty() ? "an empty object {}" : "an object {...}";
    case json::value_t::array:
      return v.empty() ? "an empty array []"
                       : "an array of " + std::to_string(v.size()) + " item" + (v.size() == 1 ? "" : "s") +
                             " [...]";
    case json::value_t::string: {
      const auto& s = v.get_ref<const std::string&>();
      if (s.size() > 60) return dq(s.substr(0, 57) + "...");
      return dump_text(v);
    }
    default: return dump_text(v);
  }
}

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

std::string backquoted_choices(const std::vector<std::string>& choices) {
  std::vector<std::string> q;
  q.reserve(choices.size());
  for (const auto& c : choices) q.push_back("`" + c + "`");
  return join(q, ", ");
}

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

std::string child(const std::string& path, std::string_view key) { return path + "/" + escape_token(key); }
std::string child(const std::string& path, std::size_t index) { return path + "/" + std::to_string(index); }

}  // namespace spec
