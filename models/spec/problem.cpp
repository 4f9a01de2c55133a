#include "models/spec/problem.hpp"

#include <utility>

namespace spec {

std::string format_problem(const Problem& problem) {
  if (problem.json_path.empty()) return problem.file + ": " + problem.message;
  return problem.file + ": " + problem.json_path + ": " + problem.message;
}

std::string format_problems(const std::vector<Problem>& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += '\n';
    out += format_problem(p);
  }
  return out;
}

std::vector<Problem> problems_of(const std::string& file, Issues issues) {
  std::vector<Problem> out;
  out.reserve(issues.size());
  for (auto& issue : issues) out.push_back({file, std::move(issue.path), std::move(issue.message)});
  return out;
}

Error::Error(std::vector<Problem> problems)
    : std::runtime_error(format_problems(problems)), problems_(std::move(problems)) {}

}  // namespace spec
