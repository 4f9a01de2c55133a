/// @file
/// @brief What is wrong with a file: problems that name the file, the JSON path of the
///        value and what is allowed, and the error that carries all of them at once.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace spec {

/// One thing wrong inside one JSON document, before it is tied to a file.
struct Issue {
  std::string path;     ///< JSON Pointer of the value ("/parameters/0/min"); empty for the whole document
  std::string message;  ///< names the bad value and what is allowed
};
using Issues = std::vector<Issue>;

/// One thing wrong with a file.
struct Problem {
  std::string file;       ///< the file that holds (or, for a missing key, lacks) the value
  std::string json_path;  ///< JSON Pointer of the value ("/business_units/3/data_quality");
                          ///< empty for the whole file (unreadable, malformed JSON)
  std::string message;    ///< names the bad value and what is allowed
  friend bool operator==(const Problem&, const Problem&) = default;
};

/// "<file>: <json path>: <message>", or "<file>: <message>" when the path is empty.
std::string format_problem(const Problem& problem);

/// Every problem, one format_problem() a line, no final newline.
std::string format_problems(const std::vector<Problem>& problems);

/// `issues` as problems of `file`, in order.
std::vector<Problem> problems_of(const std::string& file, Issues issues);

/// Thrown when a file does not load: every problem found, at once.
class Error : public std::runtime_error {
 public:
  /// `problems` must not be empty. what() is format_problems(problems).
  explicit Error(std::vector<Problem> problems);
  [[nodiscard]] const std::vector<Problem>& problems() const noexcept { return problems_; }

 private:
  std::vector<Problem> problems_;
};

}  // namespace spec
