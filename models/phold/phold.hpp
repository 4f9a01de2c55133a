/// @file
/// @brief PHOLD, the standard benchmark model for discrete-event engines (Fujimoto 1990).
///
/// N logical processes (LPs) each start with S events. Handling an event at time t
/// schedules one new event at a uniformly random LP at t + Exp(mean 1); events at or
/// after the end time are not handled. There is no lookahead and no LP state: the
/// benchmark measures the event calendar and the run loop.
#pragma once

#include <cstdint>

namespace models::phold {

/// One PHOLD configuration. Validated by validate().
struct Config {
  std::uint32_t lps = 1024;          ///< number of logical processes, >= 1
  std::uint32_t start_events = 1;    ///< events per LP at time 0, >= 1
  double end_time = 15000.0;         ///< events at or after this time are not handled, > 0
  std::uint64_t seed = 1;            ///< master seed of the single random stream
};

/// Throws std::invalid_argument naming the bad field and what is allowed.
void validate(const Config& config);

/// What one run did: events handled and the wall time of the event loop alone
/// (set-up of the initial events excluded).
struct Result {
  std::uint64_t events = 0;
  double seconds = 0.0;
};

/// Runs PHOLD on the aiscale engine (sim::Simulator with an `Arity`-ary heap, (time,
/// seq) tie-breaking and lazy cancellation). `Arity` is 2 or 4.
Result run_engine(const Config& config, unsigned arity);

/// Runs PHOLD on a minimal hand-written loop: a binary heap of (time, LP) built with
/// std::push_heap / std::pop_heap, no tie-breaking, no cancellation. It draws the same
/// random numbers in the same order as run_engine, so both handle the same events; it
/// is the yardstick the engine's speed is measured against.
Result run_handwritten(const Config& config);

}  // namespace models::phold
