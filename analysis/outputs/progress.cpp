#include "analysis/outputs/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace analysis {

Progress::Progress(std::uint64_t total, std::string unit, bool enabled)
    : total_(total), unit_(std::move(unit)), enabled_(enabled), start_(Clock::now()), last_draw_(start_) {}

Progress::~Progress() { finish(); }

bool Progress::stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

void Progress::update(std::uint64_t done) {
  if (!enabled_ || total_ == 0) return;
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (elapsed < 1.0 || (drawn_ && now - last_draw_ < std::chrono::milliseconds(100) && done < total_)) return;
  last_draw_ = now;
  drawn_ = true;
  constexpr int kWidth = 30;
  const double fraction = static_cast<double>(done) / static_cast<double>(total_);
  const int filled = static_cast<int>(fraction * kWidth);
  const double rate = static_cast<double>(done) / elapsed;
  const double left = rate > 0.0 ? static_cast<double>(total_ - done) / rate : 0.0;
  char bar[kWidth + 1];
  for (int i = 0; i < kWidth; ++i) bar[i] = i < filled ? '#' : '.';
  bar[kWidth] = '\0';
  std::fprintf(stderr, "\r[%s] %llu/%llu %s  %.0f/s  %.0fs left  ", bar, static_cast<unsigned long long>(done),
               static_cast<unsigned long long>(total_), unit_.c_str(), rate, left);
  std::fflush(stderr);
}

void Progress::finish() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r%*s\r", 80, "");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace analysis
