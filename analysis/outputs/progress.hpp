/// @file
/// @brief A progress bar on stderr for long runs: done / total, rate, time left.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace analysis {

/// @brief Draws `[#####.....] 120/200 replications  85/s  1s left` on stderr, redrawn
///        at most ten times a second and only once the run has lasted a second.
///
/// Silent when disabled: with --quiet, or when stderr is not a terminal (logs and CI
/// stay clean). finish() clears the bar.
class Progress {
 public:
  Progress(std::uint64_t total, std::string unit, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// Records that `done` of `total` items are finished.
  void update(std::uint64_t done);
  void finish();

  /// True when stderr is a terminal.
  static bool stderr_is_terminal();

 private:
  using Clock = std::chrono::steady_clock;
  std::uint64_t total_;
  std::string unit_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_;
  Clock::time_point last_draw_;
};

}  // namespace analysis
