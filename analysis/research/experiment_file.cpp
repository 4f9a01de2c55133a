#include "analysis/research/experiment_file.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "models/enterprise/scenario_io.hpp"

namespace analysis::research {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using models::enterprise::Series;
using models::enterprise::Summary;

std::string in_quotes(const std::string& s) { return "'" + s + "'"; }

std::string number_text(double x) {
  std::ostringstream out;
  out.precision(17);
  out << x;
  return out.str();
}

/// Collects problems as "<file>: <path>: <message>".
class Problems {
 public:
  explicit Problems(std::string file) : file_(std::move(file)) {}
  void add(const std::string& path, const std::string& message) {
    lines_.push_back(file_ + ": " + (path.empty() ? "" : path + ": ") + message);
  }
  [[nodiscard]] bool empty() const { return lines_.empty(); }
  void throw_if_any() const {
    if (lines_.empty()) return;
    std::string all;
    for (const auto& line : lines_) all += (all.empty() ? "" : "\n") + line;
    throw ExperimentError(all);
  }

 private:
  std::string file_;
  std::vector<std::string> lines_;
};

void check_keys(const json& object, const std::string& path, const std::set<std::string>& allowed,
                Problems& problems) {
  for (const auto& [key, value] : object.items()) {
    if (allowed.count(key) != 0) continue;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    problems.add(path + "/" + key, "unknown key " + in_quotes(key) + "; allowed keys here: " + list);
  }
}

/// A whole number >= minimum at object[key], or nullopt (with a problem) when present
/// but wrong; `fallback` when absent.
std::optional<std::uint64_t> count_at(const json& object, const std::string& path, const std::string& key,
                                      std::uint64_t minimum, std::optional<std::uint64_t> fallback,
                                      Problems& problems) {
  const auto it = object.find(key);
  if (it == object.end()) {
    if (!fallback) problems.add(path + "/" + key, "missing: add a whole number >= " + std::to_string(minimum));
    return fallback;
  }
  if (!it->is_number_integer() || it->get<std::int64_t>() < static_cast<std::int64_t>(minimum)) {
    problems.add(path + "/" + key, "must be a whole number >= " + std::to_string(minimum) + ", got " + it->dump());
    return std::nullopt;
  }
  return it->get<std::uint64_t>();
}

/// The concrete pointers a parameter path stands for ("*" expanded over arrays of
/// `base`); empty when some step does not exist.
std::vector<std::string> expand(const json& base, const std::string& path, std::string& error) {
  std::vector<std::pair<std::string, const json*>> current{{"", &base}};
  std::size_t pos = 1;
  while (pos <= path.size()) {
    const std::size_t end = std::min(path.find('/', pos), path.size());
    const std::string token = path.substr(pos, end - pos);
    std::vector<std::pair<std::string, const json*>> next;
    for (const auto& [prefix, node] : current) {
      if (token == "*") {
        if (!node->is_array() || node->empty()) {
          error = "'*' must stand for the elements of a non-empty array, but " + (prefix.empty() ? "/" : prefix) +
                  " is not one";
          return {};
        }
        for (std::size_t i = 0; i < node->size(); ++i) next.emplace_back(prefix + "/" + std::to_string(i), &(*node)[i]);
        continue;
      }
      if (node->is_object() && node->contains(token)) {
        next.emplace_back(prefix + "/" + token, &(*node)[token]);
      } else if (node->is_array() && !token.empty() && std::all_of(token.begin(), token.end(), ::isdigit) &&
                 std::stoul(token) < node->size()) {
        next.emplace_back(prefix + "/" + token, &(*node)[std::stoul(token)]);
      } else {
        error = (prefix.empty() ? std::string("the scenario") : prefix) + " has no " + in_quotes(token) +
                " (see docs/scenarios.md for every key)";
        return {};
      }
    }
    current = std::move(next);
    pos = end + 1;
  }
  std::vector<std::string> pointers;
  for (const auto& [pointer, node] : current) {
    if (!node->is_number()) {
      error = pointer + " is " + std::string(node->type_name()) + ", not a number: only numeric keys can vary";
      return {};
    }
    pointers.push_back(pointer);
  }
  return pointers;
}

json with_values(const json& base, const std::vector<Parameter>& parameters, std::span<const double> values) {
  json scenario = base;
  for (std::size_t k = 0; k < parameters.size(); ++k) {
    for (const std::string& pointer : parameters[k].pointers) {
      if (parameters[k].integer) {
        scenario[json::json_pointer(pointer)] = static_cast<std::int64_t>(std::llround(values[k]));
      } else {
        scenario[json::json_pointer(pointer)] = values[k];
      }
    }
  }
  return scenario;
}

}  // namespace

std::optional<Output> parse_output(const std::string& text, double horizon) {
  Output out{text, std::nullopt, std::nullopt, 0};
  const auto at = text.find('@');
  const std::string metric = text.substr(0, at);
  if (at == std::string::npos) {
    for (std::size_t i = 0; i < models::enterprise::kSummaryCount; ++i) {
      if (models::enterprise::summary_name(static_cast<Summary>(i)) == metric) {
        out.summary = static_cast<Summary>(i);
        return out;
      }
    }
    return std::nullopt;
  }
  const std::string month = text.substr(at + 1);
  if (month.empty() || !std::all_of(month.begin(), month.end(), ::isdigit)) return std::nullopt;
  out.month = std::stoul(month);
  if (out.month < 1 || static_cast<double>(out.month) > std::ceil(horizon)) return std::nullopt;
  for (std::size_t i = 0; i < models::enterprise::kSeriesCount; ++i) {
    if (models::enterprise::series_name(static_cast<Series>(i)) == metric) {
      out.series = static_cast<Series>(i);
      return out;
    }
  }
  return std::nullopt;
}


double Parameter::value(double u) const {
  u = std::clamp(u, 0.0, 1.0);
  if (!values.empty()) {
    const auto n = values.size();
    return values[std::min(n - 1, static_cast<std::size_t>(std::floor(u * static_cast<double>(n))))];
  }
  const double x = log_scale ? std::exp(std::log(min) + u * (std::log(max) - std::log(min))) : min + u * (max - min);
  return integer ? std::round(x) : x;
}

double Output::of(const models::enterprise::RunResult& run) const {
  if (summary) return run.get(*summary);
  return month <= run.months.size() ? run.at(month, *series) : std::nan("");
}

models::enterprise::Scenario Experiment::scenario_at(std::span<const double> values) const {
  try {
    return models::enterprise::scenario_from_json(with_values(base, parameters, values), scenario_file.string());
  } catch (const models::enterprise::ScenarioError& e) {
    std::string at;
    for (std::size_t k = 0; k < parameters.size(); ++k) {
      at += (at.empty() ? "" : ", ") + parameters[k].name + " = " + number_text(values[k]);
    }
    throw std::invalid_argument("the scenario is invalid at " + at + ":\n" + e.what());
  }
}

Experiment load_experiment(const fs::path& file) {
  Problems problems(file.string());
  std::ifstream in(file);
  if (!in) {
    problems.add("", "cannot be read: check the path (it is relative to the current folder)");
    problems.throw_if_any();
  }
  json raw;
  try {
    raw = json::parse(in);
  } catch (const json::parse_error& e) {
    problems.add("", std::string("malformed JSON: ") + e.what());
    problems.throw_if_any();
  }
  if (!raw.is_object()) {
    problems.add("", "must be a JSON object (see docs/research.md)");
    problems.throw_if_any();
  }
  check_keys(raw, "",
             {"$comment", "name", "description", "scenario", "parameters", "outputs", "replications", "seed", "sweep",
              "morris", "sobol", "bootstrap"},
             problems);

  Experiment e;
  e.file = file;
  const auto text_at = [&](const std::string& key, bool required) -> std::string {
    const auto it = raw.find(key);
    if (it == raw.end()) {
      if (required) problems.add("/" + key, "missing: add a string");
      return "";
    }
    if (!it->is_string()) {
      problems.add("/" + key, "must be a string, got " + it->dump());
      return "";
    }
    return it->get<std::string>();
  };
  e.name = text_at("name", true);
  e.description = text_at("description", false);
  const std::string scenario = text_at("scenario", true);
  e.replications = count_at(raw, "", "replications", 1, std::nullopt, problems).value_or(1);
  if (raw.contains("seed") && !raw["seed"].is_number_unsigned()) {
    problems.add("/seed", "must be a whole number >= 0, got " + raw["seed"].dump());
  } else {
    e.seed = raw.value("seed", std::uint64_t{1});
  }
  e.bootstrap = count_at(raw, "", "bootstrap", 10, std::uint64_t{500}, problems).value_or(500);

  if (!scenario.empty()) {
    e.scenario_file = fs::path(scenario).is_absolute() ? fs::path(scenario) : file.parent_path() / scenario;
    try {
      e.base = models::enterprise::to_json(models::enterprise::load_scenario(e.scenario_file));
    } catch (const models::enterprise::ScenarioError& error) {
      problems.add("/scenario", "the base scenario " + e.scenario_file.string() + " does not load:\n" + error.what());
    }
  }
  if (e.base.is_null()) {  // the rest is checked against the base scenario
    if (problems.empty()) problems.add("/scenario", "must name the base scenario file, e.g. \"../default.json\"");
    problems.throw_if_any();
  }
  const double horizon = e.base["horizon_months"].get<double>();

  // parameters
  const auto params = raw.find("parameters");
  if (params == raw.end() || !params->is_array() || params->empty()) {
    problems.add("/parameters", "must be a non-empty array of {\"path\", \"min\", \"max\"} or {\"path\", \"values\"}");
  } else {
    std::set<std::string> names;
    for (std::size_t k = 0; k < params->size(); ++k) {
      const json& p = (*params)[k];
      const std::string where = "/parameters/" + std::to_string(k);
      if (!p.is_object()) {
        problems.add(where, "must be an object with \"path\" and a range or \"values\"");
        continue;
      }
      check_keys(p, where, {"name", "path", "min", "max", "scale", "values"}, problems);
      Parameter parameter;
      if (!p.contains("path") || !p["path"].is_string() || p["path"].get<std::string>().rfind('/', 0) != 0) {
        problems.add(where + "/path", "must be a JSON Pointer into the scenario, e.g. \"/money/change_management_per_month\"");
        continue;
      }
      parameter.path = p["path"].get<std::string>();
      parameter.name = p.contains("name") && p["name"].is_string() ? p["name"].get<std::string>() : parameter.path;
      if (!names.insert(parameter.name).second) problems.add(where + "/name", "two parameters are named " + in_quotes(parameter.name) + ": give each its own \"name\"");
      std::string error;
      parameter.pointers = expand(e.base, parameter.path, error);
      if (parameter.pointers.empty()) {
        problems.add(where + "/path", error);
        continue;
      }
      parameter.integer = e.base[json::json_pointer(parameter.pointers.front())].is_number_integer();
      const bool has_range = p.contains("min") || p.contains("max");
      if (p.contains("values") == has_range) {
        problems.add(where, "give either \"min\" and \"max\" (a range) or \"values\" (a list), not both or neither");
        continue;
      }
      if (has_range) {
        if (!p.contains("min") || !p.contains("max") || !p["min"].is_number() || !p["max"].is_number() ||
            !(p["min"].get<double>() < p["max"].get<double>())) {
          problems.add(where, "\"min\" and \"max\" must be numbers with min < max");
          continue;
        }
        parameter.min = p["min"].get<double>();
        parameter.max = p["max"].get<double>();
        const std::string scale = p.value("scale", std::string("linear"));
        if (scale != "linear" && scale != "log") problems.add(where + "/scale", "must be \"linear\" or \"log\", got " + in_quotes(scale));
        parameter.log_scale = scale == "log";
        if (parameter.log_scale && parameter.min <= 0) problems.add(where + "/min", "a log scale needs min > 0");
      } else {
        if (p.contains("scale")) problems.add(where + "/scale", "applies to a range only");
        if (!p["values"].is_array() || p["values"].empty()) {
          problems.add(where + "/values", "must be a non-empty array of numbers");
          continue;
        }
        for (const auto& v : p["values"]) {
          if (!v.is_number()) problems.add(where + "/values", "must hold numbers only, got " + v.dump());
          else parameter.values.push_back(v.get<double>());
        }
      }
      e.parameters.push_back(parameter);
    }
  }

  // outputs
  const auto outs = raw.find("outputs");
  if (outs == raw.end() || !outs->is_array() || outs->empty()) {
    problems.add("/outputs", "must be a non-empty array of output names, e.g. [\"roi_final\", \"mean_accuracy@6\"]");
  } else {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < outs->size(); ++i) {
      const std::string where = "/outputs/" + std::to_string(i);
      const auto* text = (*outs)[i].get_ptr<const std::string*>();
      std::optional<Output> output = text != nullptr ? parse_output(*text, horizon) : std::nullopt;
      if (!output) {
        problems.add(where, "unknown output " + (*outs)[i].dump() +
                                ": name a summary metric (a column of replications.csv, e.g. roi_final) or a "
                                "monthly series at a month within the horizon, e.g. mean_accuracy@6 (docs/outputs.md)");
      } else if (!seen.insert(output->name).second) {
        problems.add(where, "output " + in_quotes(output->name) + " is listed twice");
      } else {
        e.outputs.push_back(*output);
      }
    }
  }

  // designs
  if (const auto it = raw.find("sweep"); it != raw.end()) {
    if (!it->is_object()) {
      problems.add("/sweep", "must be an object, e.g. {\"design\": \"grid\", \"levels\": 3}");
    } else {
      check_keys(*it, "/sweep", {"design", "levels", "points"}, problems);
      SweepDesign s;
      const std::string design = it->value("design", std::string());
      if (design == "grid") {
        s.kind = SweepDesign::Kind::grid;
        s.levels = count_at(*it, "/sweep", "levels", 2, std::uint64_t{3}, problems).value_or(3);
        if (it->contains("points")) problems.add("/sweep/points", "applies to \"latin_hypercube\" only");
      } else if (design == "latin_hypercube") {
        s.kind = SweepDesign::Kind::latin_hypercube;
        s.points = count_at(*it, "/sweep", "points", 2, std::nullopt, problems).value_or(2);
        if (it->contains("levels")) problems.add("/sweep/levels", "applies to \"grid\" only");
      } else {
        problems.add("/sweep/design", "must be \"grid\" or \"latin_hypercube\"");
      }
      e.sweep = s;
    }
  }
  if (const auto it = raw.find("morris"); it != raw.end()) {
    if (!it->is_object()) {
      problems.add("/morris", "must be an object, e.g. {\"trajectories\": 10, \"levels\": 4}");
    } else {
      check_keys(*it, "/morris", {"trajectories", "levels"}, problems);
      MorrisDesign m;
      m.trajectories = count_at(*it, "/morris", "trajectories", 2, std::uint64_t{10}, problems).value_or(10);
      m.levels = count_at(*it, "/morris", "levels", 2, std::uint64_t{4}, problems).value_or(4);
      if (m.levels % 2 != 0) problems.add("/morris/levels", "must be even (Morris's grid), got " + std::to_string(m.levels));
      e.morris = m;
    }
  }
  if (const auto it = raw.find("sobol"); it != raw.end()) {
    if (!it->is_object()) {
      problems.add("/sobol", "must be an object, e.g. {\"base_samples\": 64}");
    } else {
      check_keys(*it, "/sobol", {"base_samples"}, problems);
      e.sobol = SobolDesign{count_at(*it, "/sobol", "base_samples", 4, std::uint64_t{64}, problems).value_or(64)};
    }
  }
  problems.throw_if_any();

  // Each range's ends (each listed value) must give a valid scenario, so that a design
  // never stops half-way on a value the scenario format refuses.
  std::vector<double> values;
  for (const Parameter& p : e.parameters) values.push_back(e.base[json::json_pointer(p.pointers.front())].get<double>());
  for (std::size_t k = 0; k < e.parameters.size(); ++k) {
    const Parameter& p = e.parameters[k];
    std::vector<double> ends = p.values.empty() ? std::vector<double>{p.value(0.0), p.value(1.0)} : p.values;
    for (const double v : ends) {
      std::vector<double> at = values;
      at[k] = v;
      try {
        models::enterprise::scenario_from_json(with_values(e.base, e.parameters, at), e.scenario_file.string());
      } catch (const models::enterprise::ScenarioError& error) {
        std::string first = error.problems().front().json_path + ": " + error.problems().front().message;
        problems.add("/parameters/" + std::to_string(k),
                     "the value " + number_text(v) + " makes the scenario invalid (" + first + "): narrow the range");
      }
    }
  }
  problems.throw_if_any();
  return e;
}

std::string fingerprint(const Experiment& e) {
  json f;
  f["scenario"] = e.base;
  for (const Parameter& p : e.parameters) {
    f["parameters"].push_back({{"name", p.name}, {"path", p.path}, {"min", p.min}, {"max", p.max},
                               {"log", p.log_scale}, {"values", p.values}, {"integer", p.integer}});
  }
  for (const Output& o : e.outputs) f["outputs"].push_back(o.name);
  f["replications"] = e.replications;
  f["seed"] = e.seed;
  return f.dump();
}

}  // namespace analysis::research
