#include "analysis/research/study.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>
#include <system_error>

#include "analysis/outputs/progress.hpp"
#include "analysis/research/cluster.hpp"
#include "models/enterprise/enterprise.hpp"
#include "sim/replication_runner.hpp"

namespace analysis::research {

namespace {

namespace fs = std::filesystem;

constexpr const char* kJournalName = "journal.csv";

/// Exact text of a double (hexadecimal floating point; NaN as "nan"), read back by strtod.
std::string exact(double x) {
  if (std::isnan(x)) return "nan";
  char text[40];
  std::snprintf(text, sizeof text, "%a", x);
  return text;
}

std::string exact_list(const std::vector<double>& values) {
  std::string text;
  for (const double v : values) {
    if (!text.empty()) text += ';';
    text += exact(v);
  }
  return text;
}

/// Parses "a;b;c" written by exact_list; false when malformed (a torn line).
bool parse_list(const std::string& text, std::vector<double>& values) {
  values.clear();
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find(';', pos), text.size());
    const std::string field = text.substr(pos, end - pos);
    if (field.empty()) return false;
    char* stop = nullptr;
    values.push_back(std::strtod(field.c_str(), &stop));
    if (stop != field.c_str() + field.size()) return false;
    pos = end + 1;
  }
  return true;
}

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Journal::Journal(const fs::path& dir, const std::string& fingerprint, bool resume, const Cluster& cluster)
    : cluster_(cluster), file_(dir / kJournalName) {
  std::string text;
  std::string problem;
  if (resume && cluster.root()) {
    if (!fs::exists(file_)) {
      problem = "nothing to resume in " + dir.string() + ": it has no " + kJournalName +
                " (the experiment finished, or was never started there): run without --resume";
    } else {
      text = read_all(file_);
      if (text.substr(0, text.find('\n')) != fingerprint) {
        problem = file_.string() + " belongs to a different experiment (base scenario, parameters, outputs, "
                  "replications or seed differ): resume with the same experiment and options, or choose another --out";
      }
    }
  }
  problem = cluster.broadcast(problem);
  if (!problem.empty()) throw std::invalid_argument(problem);
  if (resume) {
    text = cluster.broadcast(text);
    std::istringstream lines(text);
    std::string line;
    std::getline(lines, line);  // the fingerprint
    std::vector<double> point;
    std::vector<double> results;
    while (std::getline(lines, line)) {
      const auto bar = line.find('|');
      // A torn last line (killed while writing) does not parse, or lacks its '\n'.
      if (bar == std::string::npos || lines.eof() || !parse_list(line.substr(0, bar), point) ||
          !parse_list(line.substr(bar + 1), results)) {
        break;
      }
      done_[exact_list(point)] = results;
    }
    resumed_ = done_.size();
  }
  if (cluster.root()) {
    if (resume) {
      // Rewrite the journal without a torn tail, then append to it.
      std::ofstream rewrite(file_, std::ios::binary | std::ios::trunc);
      rewrite << fingerprint << '\n';
      for (const auto& [point, results] : done_) rewrite << point << '|' << exact_list(results) << '\n';
    } else {
      std::ofstream(file_, std::ios::binary | std::ios::trunc) << fingerprint << '\n';
    }
    out_ = std::make_unique<std::ofstream>(file_, std::ios::binary | std::ios::app);
    if (!*out_) throw std::invalid_argument("cannot write " + file_.string() + ": choose a writable --out");
  }
}

const std::vector<double>* Journal::find(const std::vector<double>& point) const {
  const auto it = done_.find(exact_list(point));
  return it == done_.end() ? nullptr : &it->second;
}

void Journal::record(const std::vector<double>& point, const std::vector<double>& results) {
  const std::string key = exact_list(point);
  if (out_) *out_ << key << '|' << exact_list(results) << '\n';
  done_[key] = results;
}

void Journal::remove() {
  out_.reset();
  if (cluster_.root()) {
    std::error_code ec;
    fs::remove(file_, ec);
  }
}

Study::Study(const Experiment& experiment, Journal& journal, const Cluster& cluster, StudyOptions options)
    : experiment_(experiment), journal_(journal), cluster_(cluster), options_(options) {}

std::vector<std::vector<double>> Study::run(const std::vector<std::vector<double>>& points, const std::string& unit) {
  const Cluster& cluster = cluster_;
  const std::size_t outputs = experiment_.outputs.size();
  const std::uint64_t reps = experiment_.replications;

  // Points still to run, each once even if the design repeats it.
  std::vector<std::size_t> todo;
  {
    std::map<std::string, bool> queued;
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (journal_.find(points[i]) == nullptr && queued.emplace(exact_list(points[i]), true).second) todo.push_back(i);
    }
  }
  // Batches of about 256 model runs per rank: small enough to journal often and to
  // keep every thread busy, large enough that gathering costs nothing.
  const std::size_t per_batch =
      std::max<std::size_t>(1, static_cast<std::size_t>(256 * cluster.size()) / static_cast<std::size_t>(reps));

  Progress progress(points.size(), unit, options_.progress && cluster.root() && Progress::stderr_is_terminal());
  std::size_t finished = points.size() - todo.size();
  progress.update(finished);
  for (std::size_t first = 0; first < todo.size(); first += per_batch) {
    const std::size_t count = std::min(per_batch, todo.size() - first);
    // Every rank builds every scenario of the batch, so a scenario the format refuses
    // fails on every rank alike.
    std::vector<models::enterprise::Scenario> scenarios;
    for (std::size_t j = 0; j < count; ++j) scenarios.push_back(experiment_.scenario_at(points[todo[first + j]]));
    // Task t = (point j, replication r) = (t / reps, t % reps); rank k runs t = k, k + K, ...
    const std::uint64_t tasks = count * reps;
    const auto K = static_cast<std::uint64_t>(cluster.size());
    const auto k = static_cast<std::uint64_t>(cluster.rank());
    const std::uint64_t mine = tasks > k ? (tasks - k + K - 1) / K : 0;
    std::vector<double> local(mine * outputs);
    sim::run_replications(
        mine, options_.threads,
        [&](std::uint64_t i) {
          const std::uint64_t t = k + i * K;
          const auto run = models::enterprise::simulate(scenarios[t / reps], experiment_.seed, t % reps);
          std::vector<double> values(outputs);
          for (std::size_t o = 0; o < outputs; ++o) values[o] = experiment_.outputs[o].of(run);
          return values;
        },
        [&](std::uint64_t i, std::vector<double>&& values) { std::copy(values.begin(), values.end(), local.begin() + static_cast<std::ptrdiff_t>(i * outputs)); });
    const std::vector<double> all = cluster.all_gather(local);
    // Rank q's block starts after ranks 0..q-1; its i-th task is t = q + i K.
    std::vector<std::size_t> offset(K, 0);
    for (std::uint64_t q = 1; q < K; ++q) {
      const std::uint64_t before = tasks > q - 1 ? (tasks - (q - 1) + K - 1) / K : 0;
      offset[q] = offset[q - 1] + before * outputs;
    }
    for (std::size_t j = 0; j < count; ++j) {
      std::vector<double> results(reps * outputs);
      for (std::uint64_t r = 0; r < reps; ++r) {
        const std::uint64_t t = j * reps + r;
        const std::size_t at = offset[t % K] + (t / K) * outputs;
        std::copy(all.begin() + static_cast<std::ptrdiff_t>(at), all.begin() + static_cast<std::ptrdiff_t>(at + outputs),
                  results.begin() + static_cast<std::ptrdiff_t>(r * outputs));
      }
      journal_.record(points[todo[first + j]], results);
    }
    runs_ += tasks;
    finished += count;
    progress.update(std::min(finished, points.size()));
  }
  progress.finish();

  std::vector<std::vector<double>> results;
  results.reserve(points.size());
  for (const auto& point : points) results.push_back(*journal_.find(point));
  return results;
}

double output_mean(const std::vector<double>& results, std::size_t outputs, std::size_t o) {
  double sum = 0.0;
  std::size_t n = 0;
  for (std::size_t i = o; i < results.size(); i += outputs) {
    if (std::isnan(results[i])) continue;
    sum += results[i];
    ++n;
  }
  return n == 0 ? std::nan("") : sum / static_cast<double>(n);
}

}  // namespace analysis::research
