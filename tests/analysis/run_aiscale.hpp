/// @file
/// @brief Runs the built aiscale program as a user would, for the CLI tests.
#pragma once

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

#include <catch2/catch.hpp>

namespace aiscale_test {

struct Outcome {
  int exit_code;
  std::string output;  // stdout and stderr together
};

/// Runs the built aiscale binary with `args` through the shell (so quoting and
/// redirections work) and fails the test if it did not exit normally (a crash).
inline Outcome run_aiscale(const std::string& args) {
  const std::string command = std::string(AISCALE_BINARY) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  std::array<char, 4096> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) {
    output.append(buffer.data(), n);
  }
  const int status = pclose(pipe);
  REQUIRE(WIFEXITED(status));  // no crash, no signal
  return Outcome{WEXITSTATUS(status), output};
}

/// The last non-empty line of `text`.
inline std::string last_line(const std::string& text) {
  const auto end = text.find_last_not_of('\n');
  const auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - start);
}

}  // namespace aiscale_test
