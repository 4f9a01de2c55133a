#include "models/spec/extends.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include "models/spec/text.hpp"

namespace spec {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

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
          throw ParseFailure{path(), "duplicate key " + single_quoted(key) + " in the same object: each key may appear once"};
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

/// Reads a whole file; on failure returns nullopt and says why in `why`.
std::optional<std::string> read_text(const fs::path& file, const FileFormat& format, std::string& why) {
  std::error_code ec;
  const auto status = fs::status(file, ec);
  if (ec || !fs::exists(status)) {
    why = "no such file";
    return std::nullopt;
  }
  if (fs::is_directory(status)) {
    why = "is a directory, not a " + format.file_noun;
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

class ChainLoader {
 public:
  ChainLoader(const FileFormat& format, Document& document) : format_(format), document_(document) {}

  /// The merged JSON of `file` and its bases, without the extends key and "$schema";
  /// nullopt when the chain cannot be resolved (the problems say why).
  std::optional<json> resolve(const fs::path& file, const std::string& display, const std::string* extended_by,
                              const std::string& as_written) {
    auto& problems = document_.problems;
    std::error_code ec;
    fs::path identity = fs::weakly_canonical(file, ec);
    if (ec) identity = fs::absolute(file, ec).lexically_normal();
    const auto loop = std::find(chain_.begin(), chain_.end(), identity);
    if (loop != chain_.end()) {
      std::vector<std::string> cycle(names_.begin() + (loop - chain_.begin()), names_.end());
      cycle.push_back(display);
      problems.push_back({*extended_by, "/" + format_.extends_key, "extends cycle: " + join(cycle, " -> ")});
      return std::nullopt;
    }

    std::string why;
    const auto text = read_text(file, format_, why);
    if (!text) {
      if (extended_by != nullptr) {
        problems.push_back({*extended_by, "/" + format_.extends_key,
                            "base " + format_.base_noun + " " + dq(as_written) + ": " + why + " (looked for " +
                                display + ")"});
      } else {
        problems.push_back({display, "", why});
      }
      return std::nullopt;
    }
    Issue issue;
    auto raw = parse_text(*text, issue);
    if (!raw) {
      problems.push_back({display, issue.path, issue.message});
      return std::nullopt;
    }
    if (!raw->is_object()) {
      problems.push_back({display, "",
                          "expected a JSON object (" + format_.top_level + ") at the top level, got " + value_text(*raw)});
      return std::nullopt;
    }
    document_.layers.push_back({display, *raw});

    json own = *raw;
    if (!format_.extends_key.empty()) own.erase(format_.extends_key);
    own.erase("$schema");
    if (const auto schema = raw->find("$schema"); schema != raw->end() && !schema->is_string()) {
      problems.push_back(
          {display, "/$schema", "expected a string (the path or URL of the schema), got " + value_text(*schema)});
    }
    if (format_.extends_key.empty()) return own;
    const auto extends = raw->find(format_.extends_key);
    if (extends == raw->end()) return own;
    if (!extends->is_string() || extends->get_ref<const std::string&>().empty()) {
      problems.push_back({display, "/" + format_.extends_key,
                          "expected a non-empty string (the base " + format_.base_noun +
                              "'s path, relative to this file's directory), got " + value_text(*extends)});
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

 private:
  const FileFormat& format_;
  Document& document_;
  std::vector<fs::path> chain_;     // files being resolved, outermost first
  std::vector<std::string> names_;  // their display names
};

}  // namespace

std::string Document::file_of(const std::string& json_path) const {
  for (const Layer& layer : layers) {
    try {
      if (layer.raw.contains(json::json_pointer(json_path))) return layer.file;
    } catch (const json::exception&) {
      // not a pointer into this file
    }
  }
  return layers.empty() ? std::string() : layers.front().file;
}

Document load_document(const fs::path& file, const FileFormat& format) {
  Document document;
  const std::string display = file.string();
  ChainLoader loader(format, document);
  document.value = loader.resolve(file, display, nullptr, display);
  return document;
}

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
    issue = {"", "malformed JSON at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
                     reason};
  } catch (const ParseFailure& f) {
    issue = {f.path, f.message};
  } catch (const json::exception& e) {
    issue = {"", std::string("cannot be read as JSON: ") + e.what()};
  }
  return std::nullopt;
}

}  // namespace spec
