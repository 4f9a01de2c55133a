#include "analysis/research/experiment_file.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>
#include <utility>

#include "models/enterprise/scenario_io.hpp"
#include "models/spec/check.hpp"
#include "models/spec/codec.hpp"
#include "models/spec/did_you_mean.hpp"
#include "models/spec/extends.hpp"
#include "models/spec/markdown.hpp"
#include "models/spec/schema.hpp"
#include "models/spec/text.hpp"

namespace analysis::research {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using models::enterprise::Series;
using models::enterprise::Summary;
using spec::Issues;

std::string in_quotes(const std::string& s) { return "'" + s + "'"; }

/// Every digit of a value, for messages about a design point.
std::string exact_text(double x) {
  std::ostringstream out;
  out.precision(17);
  out << x;
  return out.str();
}

// ---------------------------------------------------------------------------------------
// The field tables of experiment files and targets files.
// ---------------------------------------------------------------------------------------

const std::string kCommentDescription = "A note for readers; aiscale ignores it";

/// "linear" or "log", read as whether the scale is logarithmic.
spec::Codec<bool> scale_codec() {
  spec::Shape s;
  s.kind = spec::Kind::enumeration;
  s.choices = {"linear", "log"};
  return {spec::make_shape(std::move(s)), [](const json& j) { return j.get<std::string>() == "log"; },
          [](const bool& log) { return json(log ? "log" : "linear"); }};
}

/// An output by its name; what it measures is set once the horizon is known.
spec::Codec<Output> output_codec() {
  return {spec::text(1).shape, [](const json& j) { return Output{j.get<std::string>(), std::nullopt, std::nullopt, 0}; },
          [](const Output& o) { return json(o.name); }};
}

const spec::Table<Parameter>& parameter_table() {
  using P = Parameter;
  static const spec::Table<P> table{
      {
          [] {
            // Left out, the name is the path: a default described, not a fixed value.
            auto name = spec::optional_field("name", &P::name, spec::text(1), std::string(),
                                             "Label of the parameter in outputs, unique; left out: its path");
            name.key.default_value.reset();
            return name;
          }(),
          spec::field("path", &P::path, spec::text(1),
                      "JSON Pointer of a number in the scenario format (docs/scenarios.md); * stands for every "
                      "element of an array (/business_units/*/trust sets the trust of every unit); keys holding "
                      "whole numbers (headcounts) are rounded"),
      },
      {},
      {},
      {
          {"a range",
           {
               spec::field("min", &P::min, spec::number(spec::any()), "Lowest value"),
               spec::field("max", &P::max, spec::number(spec::any()), "Highest value, above min"),
               spec::optional_field("scale", &P::log_scale, scale_codec(), false,
                                    "linear: uniform in the value; log: uniform in its logarithm (min > 0)"),
           },
           [](const P& p) { return p.values.empty(); }},
          {"a list",
           {spec::field("values", &P::values, spec::list(spec::number(spec::any()), 1),
                        "The values the parameter takes")},
           [](const P& p) { return !p.values.empty(); }},
      }};
  return table;
}

const spec::Table<SweepDesign>& sweep_table() {
  using S = SweepDesign;
  static const spec::Table<S> table{
      {spec::field("design", &S::kind, spec::enumeration<S::Kind>({"grid", "latin_hypercube"}),
                   "grid: every combination of `levels` equally spaced values of each range (both ends "
                   "included) and of every listed value, the last parameter varying fastest; "
                   "latin_hypercube: `points` points spread evenly over every range")},
      "design",
      {
          {"grid",
           {spec::optional_field("levels", &S::levels, spec::integer<std::size_t>(spec::at_least(2)), S{}.levels,
                                 "Values of each range")}},
          {"latin_hypercube",
           {spec::field("points", &S::points, spec::integer<std::size_t>(spec::at_least(2)), "Design points")}},
      },
      {}};
  return table;
}

const spec::Table<MorrisDesign>& morris_table() {
  using M = MorrisDesign;
  spec::Bounds even = spec::at_least(2);
  even.multiple_of = 2;
  static const spec::Table<M> table{
      {
          spec::optional_field("trajectories", &M::trajectories, spec::integer<std::size_t>(spec::at_least(2)),
                               M{}.trajectories, "r: random one-at-a-time trajectories"),
          spec::optional_field("levels", &M::levels, spec::integer<std::size_t>(even), M{}.levels,
                               "p: levels of the grid the trajectories move on"),
      },
      {},
      {},
      {}};
  return table;
}

const spec::Table<SobolDesign>& sobol_table() {
  using S = SobolDesign;
  static const spec::Table<S> table{
      {spec::optional_field("base_samples", &S::base_samples, spec::integer<std::size_t>(spec::at_least(4)),
                            S{}.base_samples,
                            "N: a Saltelli design of N (k + 2) points for k parameters, built from a Sobol "
                            "sequence (powers of two balance best)")},
      {},
      {},
      {}};
  return table;
}

const spec::Table<Experiment>& experiment_table() {
  using E = Experiment;
  static const spec::Table<E> table{
      {
          spec::ignored_field<E>("$comment", spec::text(0), kCommentDescription),
          spec::field("name", &E::name, spec::text(1), "Short name of the experiment, shown in outputs and reports"),
          spec::optional_field("description", &E::description, spec::text(0), std::string(),
                               "What the experiment is about"),
          spec::field("scenario", &E::scenario, spec::text(1),
                      "The base scenario file, relative to the experiment file's folder; every design point is "
                      "this scenario with the parameters changed"),
          spec::field("parameters", &E::parameters, spec::list(spec::object(parameter_table()), 1),
                      "What varies: each parameter a range (min, max) or a list (values)"),
          spec::field("outputs", &E::outputs, spec::list(output_codec(), 1, true),
                      "What is measured in each replication: a summary metric (a column of replications.csv, "
                      "docs/outputs.md) or a monthly series at a month within the horizon, SERIES@MONTH (e.g. "
                      "mean_accuracy@6)"),
          spec::field("replications", &E::replications, spec::integer<std::uint64_t>(spec::at_least(1)),
                      "Replications of every design point; replication r uses the random streams of (seed, r) at "
                      "every point (common random numbers)"),
          spec::optional_field("seed", &E::seed, spec::integer<std::uint64_t>(spec::at_least(0)), E{}.seed,
                               "Master seed of the random streams"),
          spec::optional_field("sweep", &E::sweep, spec::object(sweep_table()),
                               "The design of `aiscale sweep`"),
          spec::optional_field("morris", &E::morris, spec::object(morris_table()),
                               "The design of `aiscale sensitivity --method morris`: r (k + 1) points for k "
                               "parameters"),
          spec::optional_field("sobol", &E::sobol, spec::object(sobol_table()),
                               "The design of `aiscale sensitivity --method sobol`"),
          spec::optional_field("bootstrap", &E::bootstrap, spec::integer<std::size_t>(spec::at_least(10)),
                               E{}.bootstrap, "Resamples for the bootstrap confidence intervals of sensitivity indices"),
      },
      {},
      {},
      {}};
  return table;
}

const spec::Shape& experiment_shape() {
  static const spec::Shape shape = spec::object_shape(experiment_table());
  return shape;
}

const spec::Table<Target>& target_table() {
  using T = Target;
  static const spec::Table<T> table{
      {
          spec::field("output", &T::output, spec::text(1),
                      "An output, named as in an experiment's outputs (a summary metric or SERIES@MONTH); each "
                      "output once; added to the experiment's outputs"),
          spec::optional_field("scale", &T::given_scale, spec::number(spec::above(0)),
                               "Unit of the target's miss in the objective; left out: the value's magnitude (1 "
                               "for 0), or the range's width"),
      },
      {},
      {},
      {
          {"a value",
           {spec::field("value", &T::value, spec::number(spec::any()), "The value the output's mean should match")},
           [](const T& t) { return t.value.has_value(); }},
          {"a range",
           {
               spec::field("min", &T::min, spec::number(spec::any()), "Lowest value of the range the mean should fall in"),
               spec::field("max", &T::max, spec::number(spec::any()), "Highest value of that range, above min"),
           },
           [](const T& t) { return !t.value.has_value(); }},
      }};
  return table;
}

const spec::Table<Targets>& targets_table() {
  using T = Targets;
  static const spec::Table<T> table{
      {
          spec::ignored_field<T>("$comment", spec::text(0), kCommentDescription),
          spec::field("targets", &T::targets, spec::list(spec::object(target_table()), 1),
                      "Outputs and what their means should be: a value or a range"),
          spec::optional_field("start", &T::start_values,
                               spec::map_of(spec::number(spec::any()), "<parameter>",
                                            "Starting value of the experiment's parameter of that name: within its "
                                            "range, or one of its values"),
                               std::map<std::string, double>(),
                               "Where the search starts; a parameter left out starts at the middle of its range"),
          spec::optional_field("max_evaluations", &T::max_evaluations,
                               spec::integer<std::size_t>(spec::at_least(1)), T{}.max_evaluations,
                               "Most evaluations of the objective; above the number of parameters"),
      },
      {},
      {},
      {}};
  return table;
}

const spec::Shape& targets_shape() {
  static const spec::Shape shape = spec::object_shape(targets_table());
  return shape;
}

const spec::FileFormat& experiment_format() {
  static const spec::FileFormat format{"experiment file", "an experiment", "", "experiment"};
  return format;
}

const spec::FileFormat& targets_format() {
  static const spec::FileFormat format{"targets file", "a targets file", "", "targets file"};
  return format;
}

// ---------------------------------------------------------------------------------------
// Relations that need the scenario format.
// ---------------------------------------------------------------------------------------

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


/// Names of every summary metric and series, for did-you-mean.
std::vector<std::string> metric_names() {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < models::enterprise::kSummaryCount; ++i)
    names.emplace_back(models::enterprise::summary_name(static_cast<Summary>(i)));
  for (std::size_t i = 0; i < models::enterprise::kSeriesCount; ++i)
    names.emplace_back(models::enterprise::series_name(static_cast<Series>(i)));
  return names;
}

/// Why `text` names no output within `horizon` (+infinity: any month): "unknown output
/// ...", with a did-you-mean or what is allowed.
std::string unknown_output(const std::string& text, double horizon) {
  std::string message = "unknown output " + spec::dq(text);
  const auto at = text.find('@');
  const std::string metric = text.substr(0, at);
  if (at != std::string::npos && parse_output(metric + "@1", horizon)) {
    return message + ": a month within the horizon is an integer in [1, " + spec::number_text(std::ceil(horizon)) +
           "], e.g. " + metric + "@6";
  }
  if (const auto near = spec::nearest(metric, metric_names())) {
    return message + "; did you mean " + spec::dq(*near + (at == std::string::npos ? "" : text.substr(at))) + "?";
  }
  return message +
         ": name a summary metric (a column of replications.csv, e.g. roi_final) or a monthly series at a month "
         "within the horizon, e.g. mean_accuracy@6 (docs/outputs.md)";
}

/// The relations of an experiment file (raw JSON, possibly wrong in shape: read
/// defensively) that need its base scenario. Sets `base` when the scenario loads.
Issues experiment_relations(const json& raw, const fs::path& file, json& base) {
  Issues out;
  const std::string* scenario = spec::string_at(raw, {"scenario"});
  if (scenario == nullptr || scenario->empty()) return out;  // the shape's problem
  const fs::path scenario_file = fs::path(*scenario).is_absolute() ? fs::path(*scenario) : file.parent_path() / *scenario;
  try {
    base = models::enterprise::to_json(models::enterprise::load_scenario(scenario_file));
  } catch (const models::enterprise::ScenarioError& error) {
    out.push_back({"/scenario", "the base scenario " + scenario_file.string() + " does not load:\n" + error.what()});
    return out;  // the rest is checked against the base scenario
  }
  const double horizon = base["horizon_months"].get<double>();

  const json* params = spec::find_path(raw, {"parameters"});
  if (params != nullptr && params->is_array()) {
    std::set<std::string> names;
    for (std::size_t k = 0; k < params->size(); ++k) {
      const json& p = (*params)[k];
      const std::string where = "/parameters/" + std::to_string(k);
      const std::string* path = spec::string_at(p, {"path"});
      if (path == nullptr) continue;
      if (path->rfind('/', 0) != 0) {
        out.push_back({where + "/path", "must be a JSON Pointer into the scenario, e.g. \"/money/change_management_per_month\""});
        continue;
      }
      const std::string* name = spec::string_at(p, {"name"});
      const std::string label = name != nullptr && !name->empty() ? *name : *path;
      if (!names.insert(label).second) {
        out.push_back({where + "/name", "two parameters are named " + in_quotes(label) + ": give each its own \"name\""});
      }
      std::string error;
      if (expand(base, *path, error).empty()) out.push_back({where + "/path", error});
      const auto min = spec::number_at(p, {"min"});
      const auto max = spec::number_at(p, {"max"});
      if (min && max && !(*min < *max)) {
        out.push_back({where, "\"min\" must be below \"max\", got min " + spec::number_text(*min) + " and max " +
                                  spec::number_text(*max)});
      }
      const std::string* scale = spec::string_at(p, {"scale"});
      if (scale != nullptr && *scale == "log" && min && *min <= 0) {
        out.push_back({where + "/min", "a log scale needs min > 0"});
      }
    }
  }

  const json* outs = spec::find_path(raw, {"outputs"});
  if (outs != nullptr && outs->is_array()) {
    for (std::size_t i = 0; i < outs->size(); ++i) {
      const auto* text = (*outs)[i].get_ptr<const std::string*>();
      if (text == nullptr || parse_output(*text, horizon)) continue;
      out.push_back({"/outputs/" + std::to_string(i), unknown_output(*text, horizon)});
    }
  }
  return out;
}

/// Each range's ends (each listed value) must give a valid scenario, so that a design
/// never stops half-way on a value the scenario format refuses.
Issues range_end_relations(const Experiment& e) {
  Issues out;
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
        const std::string first = error.problems().front().json_path + ": " + error.problems().front().message;
        out.push_back({"/parameters/" + std::to_string(k),
                       "the value " + exact_text(v) + " makes the scenario invalid (" + first + "): narrow the range"});
      }
    }
  }
  return out;
}

struct ExperimentReading {
  std::vector<spec::Problem> problems;
  std::optional<Experiment> experiment;
};

ExperimentReading read_experiment(const fs::path& file) {
  ExperimentReading out;
  spec::Document document = spec::load_document(file, experiment_format());
  out.problems = std::move(document.problems);
  if (!document.value) return out;
  const json& raw = *document.value;
  Issues issues = spec::check(raw, experiment_shape());
  json base;
  spec::add_relations(issues, experiment_relations(raw, file, base));
  if (issues.empty() && out.problems.empty()) {
    Experiment e;
    spec::read_object(experiment_table(), raw, e);
    e.file = file;
    e.scenario_file = fs::path(e.scenario).is_absolute() ? fs::path(e.scenario) : file.parent_path() / e.scenario;
    e.base = std::move(base);
    const double horizon = e.base["horizon_months"].get<double>();
    for (Parameter& p : e.parameters) {
      if (p.name.empty()) p.name = p.path;
      std::string error;
      p.pointers = expand(e.base, p.path, error);
      p.integer = e.base[json::json_pointer(p.pointers.front())].is_number_integer();
    }
    for (Output& o : e.outputs) o = *parse_output(o.name, horizon);
    issues = range_end_relations(e);
    if (issues.empty()) out.experiment = std::move(e);
  }
  for (auto& p : spec::problems_of(file.string(), std::move(issues))) out.problems.push_back(std::move(p));
  return out;
}

/// The relations of a targets file that need no experiment: each output once and a
/// known metric, a range's min below its max.
Issues targets_relations(const json& raw) {
  Issues out;
  const json* targets = spec::find_path(raw, {"targets"});
  if (targets == nullptr || !targets->is_array()) return out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < targets->size(); ++i) {
    const json& t = (*targets)[i];
    const std::string where = "/targets/" + std::to_string(i);
    if (const std::string* output = spec::string_at(t, {"output"}); output != nullptr) {
      if (!seen.insert(*output).second) {
        out.push_back({where + "/output", "output " + in_quotes(*output) + " has two targets"});
      } else if (!parse_output(*output, std::numeric_limits<double>::infinity())) {
        out.push_back({where + "/output", unknown_output(*output, std::numeric_limits<double>::infinity())});
      }
    }
    const auto min = spec::number_at(t, {"min"});
    const auto max = spec::number_at(t, {"max"});
    if (min && max && !(*min < *max)) {
      out.push_back({where, "a range needs \"min\" < \"max\", got min " + spec::number_text(*min) + " and max " +
                                spec::number_text(*max)});
    }
  }
  return out;
}

struct TargetsReading {
  std::vector<spec::Problem> problems;
  std::optional<Targets> targets;
};

TargetsReading read_targets(const fs::path& file) {
  TargetsReading out;
  spec::Document document = spec::load_document(file, targets_format());
  out.problems = std::move(document.problems);
  if (!document.value) return out;
  Issues issues = spec::check(*document.value, targets_shape());
  spec::add_relations(issues, targets_relations(*document.value));
  if (issues.empty() && out.problems.empty()) {
    Targets t;
    spec::read_object(targets_table(), *document.value, t);
    for (Target& target : t.targets) {
      target.scale = target.given_scale ? *target.given_scale
                     : target.value     ? (*target.value != 0 ? std::abs(*target.value) : 1.0)
                                        : *target.max - *target.min;
    }
    out.targets = std::move(t);
  }
  for (auto& p : spec::problems_of(file.string(), std::move(issues))) out.problems.push_back(std::move(p));
  return out;
}

/// Where u in [0, 1] puts parameter `p` at `value` (the inverse of Parameter::value); -1
/// when the value is not in the list.
double unit_of(const Parameter& p, double value) {
  if (!p.values.empty()) {
    for (std::size_t i = 0; i < p.values.size(); ++i) {
      if (p.values[i] == value) return (static_cast<double>(i) + 0.5) / static_cast<double>(p.values.size());
    }
    return -1.0;
  }
  if (p.log_scale) return (std::log(value) - std::log(p.min)) / (std::log(p.max) - std::log(p.min));
  return (value - p.min) / (p.max - p.min);
}

std::string file_title(const char* kind) { return std::string("aiscale ") + kind + " file"; }

}  // namespace

ExperimentError::ExperimentError(std::vector<spec::Problem> problems)
    : std::invalid_argument(spec::format_problems(problems)), problems_(std::move(problems)) {}

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
      at += (at.empty() ? "" : ", ") + parameters[k].name + " = " + exact_text(values[k]);
    }
    throw std::invalid_argument("the scenario is invalid at " + at + ":\n" + e.what());
  }
}

Experiment load_experiment(const fs::path& file) {
  auto reading = read_experiment(file);
  if (!reading.problems.empty() || !reading.experiment) throw ExperimentError(std::move(reading.problems));
  return std::move(*reading.experiment);
}

std::vector<spec::Problem> check_experiment(const fs::path& file) { return read_experiment(file).problems; }

json experiment_schema() {
  return spec::file_schema(experiment_shape(), file_title("experiment"),
                           "An experiment for aiscale sweep, sensitivity and calibrate: a base scenario, the "
                           "parameters to vary, the outputs to measure and the designs. Generated by 'aiscale "
                           "schema --kind experiment' from the loader's field table; see docs/research.md.",
                           "The JSON Schema of experiment files, for editors (ignored by aiscale)");
}

std::string experiment_markdown_table() {
  return spec::markdown_header() +
         spec::markdown_row("/$schema", "string", "any", "The JSON Schema of experiment files, for editors (ignored by aiscale)") +
         spec::markdown_key_rows(experiment_shape());
}

double Target::miss(double mean) const {
  if (std::isnan(mean)) return std::numeric_limits<double>::infinity();
  if (value) return std::pow((mean - *value) / scale, 2);
  const double outside = mean < *min ? *min - mean : (mean > *max ? mean - *max : 0.0);
  return std::pow(outside / scale, 2);
}

std::vector<std::string> Targets::outputs() const {
  std::vector<std::string> names;
  for (const Target& t : targets) names.push_back(t.output);
  return names;
}

Targets load_targets(const fs::path& file) {
  auto reading = read_targets(file);
  if (!reading.problems.empty() || !reading.targets) throw ExperimentError(std::move(reading.problems));
  return std::move(*reading.targets);
}

std::vector<spec::Problem> check_targets(const fs::path& file) { return read_targets(file).problems; }

void fit_targets(Targets& targets, const fs::path& file, const Experiment& e) {
  Issues issues;
  targets.start.assign(e.parameters.size(), 0.5);
  for (const auto& [name, value] : targets.start_values) {
    std::size_t k = 0;
    while (k < e.parameters.size() && e.parameters[k].name != name) ++k;
    const std::string where = spec::child("/start", name);
    if (k == e.parameters.size()) {
      std::vector<std::string> names;
      for (const Parameter& p : e.parameters) names.push_back(p.name);
      std::string message = "is not a parameter of " + e.file.string();
      if (const auto near = spec::nearest(name, names)) message += "; did you mean " + spec::dq(*near) + "?";
      issues.push_back({where, message});
      continue;
    }
    const double u = unit_of(e.parameters[k], value);
    if (!(u >= 0.0 && u <= 1.0)) {
      issues.push_back({where, "must be a value within the parameter's range (or one of its values)"});
      continue;
    }
    targets.start[k] = u;
  }
  if (targets.max_evaluations <= e.parameters.size()) {
    issues.push_back({"/max_evaluations", "must be a whole number above the number of parameters (" +
                                              std::to_string(e.parameters.size()) + ")"});
  }
  if (!issues.empty()) throw ExperimentError(spec::problems_of(file.string(), std::move(issues)));
}

json targets_schema() {
  return spec::file_schema(targets_shape(), file_title("targets"),
                           "Targets for aiscale calibrate: outputs and the value or range their means should "
                           "have. Generated by 'aiscale schema --kind targets' from the loader's field table; see "
                           "docs/research.md.",
                           "The JSON Schema of targets files, for editors (ignored by aiscale)");
}

std::string targets_markdown_table() {
  return spec::markdown_header() +
         spec::markdown_row("/$schema", "string", "any", "The JSON Schema of targets files, for editors (ignored by aiscale)") +
         spec::markdown_key_rows(targets_shape());
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
