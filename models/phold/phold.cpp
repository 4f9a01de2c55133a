#include "models/phold/phold.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/distributions.hpp"
#include "sim/random.hpp"
#include "sim/simulator.hpp"

namespace models::phold {
namespace {

using Clock = std::chrono::steady_clock;

sim::Rng make_rng(const Config& config) {
  return sim::Rng::for_stream(config.seed, 0, sim::stream_id("phold"));
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

template <std::size_t Arity>
Result run_engine_with(const Config& config) {
  sim::Rng rng = make_rng(config);
  sim::Simulator<std::uint32_t, Arity> simulator;
  simulator.reserve(static_cast<std::size_t>(config.lps) * config.start_events + 1);
  for (std::uint32_t lp = 0; lp < config.lps; ++lp) {
    for (std::uint32_t k = 0; k < config.start_events; ++k) {
      simulator.schedule_at(sim::exponential(rng, 1.0), lp);
    }
  }
  const std::uint64_t lps = config.lps;
  const auto start = Clock::now();
  simulator.run_before(config.end_time, [&](std::uint32_t /*lp*/) {
    const auto destination = static_cast<std::uint32_t>(sim::uniform_int(rng, lps));
    simulator.schedule_in(sim::exponential(rng, 1.0), destination);
  });
  return Result{simulator.events_handled(), seconds_since(start)};
}

}  // namespace

void validate(const Config& config) {
  if (config.lps < 1) throw std::invalid_argument("phold: --lps must be >= 1, got 0");
  if (config.start_events < 1) {
    throw std::invalid_argument("phold: --start-events must be >= 1, got 0");
  }
  if (!(config.end_time > 0.0) || !std::isfinite(config.end_time)) {
    throw std::invalid_argument("phold: --end must be a finite time > 0, got " +
                                std::to_string(config.end_time));
  }
}

Result run_engine(const Config& config, unsigned arity) {
  validate(config);
  switch (arity) {
    case 2: return run_engine_with<2>(config);
    case 4: return run_engine_with<4>(config);
    default:
      throw std::invalid_argument("phold: heap arity must be 2 or 4, got " +
                                  std::to_string(arity));
  }
}

Result run_handwritten(const Config& config) {
  validate(config);
  struct Event {
    double time;
    std::uint32_t lp;
  };
  const auto later = [](const Event& a, const Event& b) { return a.time > b.time; };

  sim::Rng rng = make_rng(config);
  std::vector<Event> heap;
  heap.reserve(static_cast<std::size_t>(config.lps) * config.start_events + 1);
  for (std::uint32_t lp = 0; lp < config.lps; ++lp) {
    for (std::uint32_t k = 0; k < config.start_events; ++k) {
      heap.push_back(Event{sim::exponential(rng, 1.0), lp});
      std::push_heap(heap.begin(), heap.end(), later);
    }
  }
  const std::uint64_t lps = config.lps;
  std::uint64_t events = 0;
  const auto start = Clock::now();
  while (!heap.empty()) {
    std::pop_heap(heap.begin(), heap.end(), later);
    const Event event = heap.back();
    heap.pop_back();
    if (event.time >= config.end_time) break;
    ++events;
    const auto destination = static_cast<std::uint32_t>(sim::uniform_int(rng, lps));
    heap.push_back(Event{event.time + sim::exponential(rng, 1.0), destination});
    std::push_heap(heap.begin(), heap.end(), later);
  }
  return Result{events, seconds_since(start)};
}

}  // namespace models::phold
