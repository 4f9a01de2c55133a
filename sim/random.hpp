/// @file
/// @brief Random number streams: the xoshiro256** generator, seeded per
///        (master seed, replication, stream id) through SplitMix64.
///
/// Every draw in a simulation goes through a `Rng` that was passed in; there is no
/// global generator. Two runs with the same master seed and replication index see the
/// same numbers in every named stream, whatever else differs between them: this is how
/// scenarios share common random numbers.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace sim {

/// SplitMix64's finaliser (Steele, Lea & Flood 2014): a bijective 64-bit mixing function
/// with full avalanche, used to turn structured inputs into well-spread seeds.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31U);
}

/// A stream identifier from a name (64-bit FNV-1a), computable at compile time:
/// `stream_id("arrivals")`. Names, not positions, identify streams, so adding a stream
/// to a model does not shift the numbers of the others.
constexpr std::uint64_t stream_id(std::string_view name) noexcept {
  std::uint64_t h = 0xCBF29CE484222325ULL;
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return h;
}

/// @brief xoshiro256** 1.0 (Blackman & Vigna 2018): 256 bits of state, period 2^256 - 1,
///        passes BigCrush; a UniformRandomBitGenerator.
class Rng {
 public:
  using result_type = std::uint64_t;

  /// Seeds the state by running SplitMix64 from `seed`, as the authors recommend (the
  /// state is then never all zero).
  explicit constexpr Rng(std::uint64_t seed) noexcept {
    for (auto& word : s_) {
      seed += 0x9E3779B97F4A7C15ULL;
      word = mix64(seed);
    }
  }

  /// The generator for stream `stream` of replication `replication` under `master_seed`.
  /// The three inputs are mixed in sequence, so streams that differ in any one input are
  /// statistically independent.
  static constexpr Rng for_stream(std::uint64_t master_seed, std::uint64_t replication,
                                  std::uint64_t stream) noexcept {
    std::uint64_t h = mix64(master_seed ^ 0x6A09E667F3BCC909ULL);
    h = mix64(h ^ mix64(replication + 0xBB67AE8584CAA73BULL));
    h = mix64(h ^ mix64(stream + 0x3C6EF372FE94F82BULL));
    return Rng(h);
  }

  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return ~result_type{0}; }

  /// The next 64 random bits.
  constexpr result_type operator()() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5U, 7) * 9U;
    const std::uint64_t t = s_[1] << 17U;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  friend constexpr bool operator==(const Rng&, const Rng&) = default;

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept {
    return (x << k) | (x >> (64 - k));
  }
  std::array<std::uint64_t, 4> s_{};
};

}  // namespace sim
