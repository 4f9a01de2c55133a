/// @file
/// @brief Independent replications computed on worker threads and accumulated on the
///        calling thread in replication order, so results do not depend on the thread
///        count.
///
/// A replication study runs one model under replication indices 0, 1, ..., R-1 (each
/// drawing from `Rng::for_stream(seed, rep, ...)`) and folds the per-replication results
/// into summary statistics. Floating-point folding is order-sensitive, so the fold runs
/// in index order on one thread: a study gives bit-identical output on 1 thread or 64.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

namespace sim {

/// Results run_replications holds at once, per worker thread: at most
/// `replication_window_per_thread * workers` results exist at any time (being computed,
/// waiting for their turn, or being accumulated), whatever the number of replications.
/// A few per worker let fast replications run ahead of a slow one without stalling.
inline constexpr std::uint64_t replication_window_per_thread = 4;

namespace detail {

/// @brief The shared state of one parallel run_replications call: a ring buffer of
///        result slots, filled by worker threads and drained in order by the caller.
///
/// Replication `rep` uses slot `rep % window`. A worker claims the next index under the
/// mutex only while it lies within `window` of the next index to deliver, so two live
/// replications never share a slot. Between its claim and setting `done` (under the
/// mutex), the worker owns the slot and fills it without the lock; after `done`, the
/// caller owns it until it advances `next_to_deliver_` (under the mutex). The mutex thus
/// orders every hand-over of a slot, and only the small counters and flags are touched
/// with it held.
///
/// The destructor stops the workers and joins them, so a run that ends by an exception
/// never leaves a thread running.
template <class Result, class Simulate>
class ReplicationPool {
 public:
  ReplicationPool(std::uint64_t replications, std::uint64_t window, Simulate& simulate)
      : simulate_(simulate),
        replications_(replications),
        window_(window),
        slots_(static_cast<std::size_t>(window)) {}

  ReplicationPool(const ReplicationPool&) = delete;
  ReplicationPool& operator=(const ReplicationPool&) = delete;

  ~ReplicationPool() {
    {
      const std::lock_guard lock(mutex_);
      stop_claiming_ = true;
    }
    claim_cv_.notify_all();
    for (auto& thread : threads_) thread.join();
  }

  /// Starts `workers` threads. If starting one throws, those already started are
  /// joined by the destructor.
  void start(unsigned workers) {
    threads_.reserve(workers);
    for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
  }

  /// Delivers every replication to `accumulate`, in order, on the calling thread.
  /// Rethrows the exception of the first replication (in index order) whose simulation
  /// threw, after delivering all those before it.
  template <class Accumulate>
  void deliver_all(Accumulate& accumulate) {
    for (std::uint64_t rep = 0; rep < replications_; ++rep) {
      Slot& slot = slot_for(rep);
      {
        std::unique_lock lock(mutex_);
        ready_cv_.wait(lock, [&slot] { return slot.done; });
      }
      if (slot.error) std::rethrow_exception(slot.error);
      std::invoke(accumulate, rep, std::move(*slot.value));
      slot.value.reset();
      const std::lock_guard lock(mutex_);
      slot.done = false;
      next_to_deliver_ = rep + 1;
      claim_cv_.notify_one();  // one slot freed: one more replication may be claimed
    }
  }

 private:
  struct Slot {
    std::optional<Result> value;
    std::exception_ptr error;
    bool done = false;  // value or error is set; guarded by mutex_
  };

  Slot& slot_for(std::uint64_t rep) { return slots_[static_cast<std::size_t>(rep % window_)]; }

  void work() noexcept {
    std::unique_lock lock(mutex_);
    for (;;) {
      claim_cv_.wait(lock, [this] {
        return stop_claiming_ || next_to_claim_ >= replications_ ||
               next_to_claim_ < next_to_deliver_ + window_;
      });
      if (stop_claiming_ || next_to_claim_ >= replications_) return;
      const std::uint64_t rep = next_to_claim_++;
      lock.unlock();

      Slot& slot = slot_for(rep);
      try {
        slot.value.emplace(std::invoke(simulate_, rep));
      } catch (...) {
        slot.error = std::current_exception();
      }

      lock.lock();
      slot.done = true;
      // Every index below a failing one is already claimed, so the caller still gets
      // them all; later ones would be thrown away.
      if (slot.error) stop_claiming_ = true;
      if (rep == next_to_deliver_) ready_cv_.notify_one();
    }
  }

  Simulate& simulate_;
  const std::uint64_t replications_;
  const std::uint64_t window_;
  std::vector<Slot> slots_;

  std::mutex mutex_;
  std::condition_variable claim_cv_;  // workers wait for a free slot
  std::condition_variable ready_cv_;  // the caller waits for slot(next_to_deliver_)
  std::uint64_t next_to_claim_ = 0;
  std::uint64_t next_to_deliver_ = 0;
  bool stop_claiming_ = false;

  std::vector<std::thread> threads_;
};

}  // namespace detail

/// @brief Runs `replications` independent replications on `threads` threads and
///        accumulates their results in replication order on the calling thread.
///
/// - `simulate(std::uint64_t rep) -> Result` is called exactly once per replication
///   (unless the run stops early, below), concurrently from worker threads on the same
///   `simulate` object: it must be safe to call concurrently and should be a pure
///   function of `rep`, touching only its own data. It returns `Result` by value;
///   `Result` need only be move-constructible.
/// - `accumulate(std::uint64_t rep, Result&&)` is called on the calling thread only,
///   exactly once per replication, in order 0, 1, ..., replications - 1.
///
/// The accumulated output is therefore identical for any thread count. At most
/// `replication_window_per_thread` results per worker exist at once (being computed,
/// waiting, or being accumulated), so memory does not grow with `replications`.
///
/// `threads == 0` means std::thread::hardware_concurrency() (at least 1). At most
/// min(threads, replications) worker threads are started; when that is 1, everything
/// runs on the calling thread and no thread is started. In parallel runs the calling
/// thread only waits and accumulates.
///
/// Errors: if `simulate` throws for replication `i`, no further replications are handed
/// out; replications before `i` are still delivered in order, all workers are joined,
/// and the exception of the lowest failing replication is rethrown (so which error
/// surfaces is deterministic too). If `accumulate` throws, the workers finish the
/// replications they are computing, are joined, and the exception propagates. No
/// thread is left running when this function returns or throws.
template <class Simulate, class Accumulate>
void run_replications(std::uint64_t replications, unsigned threads, Simulate&& simulate,
                      Accumulate&& accumulate) {
  static_assert(std::is_invocable_v<Simulate&, std::uint64_t>,
                "simulate must be callable as simulate(std::uint64_t rep)");
  using Returned = std::invoke_result_t<Simulate&, std::uint64_t>;
  static_assert(!std::is_void_v<Returned> && !std::is_reference_v<Returned>,
                "simulate must return its result by value");
  using Result = std::remove_cv_t<Returned>;
  static_assert(std::is_move_constructible_v<Result>, "Result must be move-constructible");
  static_assert(std::is_invocable_v<Accumulate&, std::uint64_t, Result&&>,
                "accumulate must be callable as accumulate(std::uint64_t rep, Result&&)");

  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  const auto workers = static_cast<unsigned>(std::min<std::uint64_t>(threads, replications));

  if (workers <= 1) {
    for (std::uint64_t rep = 0; rep < replications; ++rep) {
      Result result = std::invoke(simulate, rep);
      std::invoke(accumulate, rep, std::move(result));
    }
    return;
  }

  detail::ReplicationPool<Result, std::remove_reference_t<Simulate>> pool(
      replications, replication_window_per_thread * workers, simulate);
  pool.start(workers);
  pool.deliver_all(accumulate);
}

}  // namespace sim
