/// @file
/// @brief Experimental designs on the unit hypercube [0, 1]^k: the full factorial grid,
///        the Latin hypercube and the Sobol' low-discrepancy sequence.
///
/// A design is an Eigen::MatrixXd with one row per point (one model run) and one column
/// per factor, every entry in [0, 1]. Mapping a column to the real range of a parameter
/// (a + (b - a) x, or a quantile function for a non-uniform input) is the caller's job.
///
/// Common contracts:
/// - Bad arguments (no factors, no points, more points or dimensions than the design
///   supports) throw std::invalid_argument with a message naming the function, the
///   argument and the offending value; nothing is drawn or allocated first.
/// - Randomised designs take a std::uint64_t seed and draw only from the project's
///   generator (sim/random.hpp), in a fixed, documented order, with our own portable
///   algorithms (no std:: distribution or shuffle): the same seed gives the same bits
///   on every platform and compiler. Deterministic designs (factorial, Sobol') take no
///   seed.
/// - No static mutable state: the functions and distinct objects are safe to use
///   concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <Eigen/Core>

namespace analysis {

/// @brief The full factorial grid: every combination of the factors' levels.
///
/// Factor j has levels[j] >= 1 levels, equally spaced and including both ends of
/// [0, 1]: level l of L is l / (L - 1), so 2 levels are {0, 1} and 3 are {0, 0.5, 1};
/// a factor with a single level is held at the centre, 0.5. Rows come in lexicographic
/// order of the level indices, the last factor varying fastest (an odometer): for
/// levels {2, 3} the rows are (0, 0), (0, 0.5), (0, 1), (1, 0), (1, 0.5), (1, 1). The
/// grid has prod(levels) rows and levels.size() columns.
///
/// Throws std::invalid_argument when levels is empty, a factor has 0 levels, or the
/// number of entries (rows x columns) does not fit in an Eigen::Index.
Eigen::MatrixXd full_factorial(const std::vector<std::size_t>& levels);

/// full_factorial with the same number of levels, `levels`, for each of `factors` factors.
Eigen::MatrixXd full_factorial(std::size_t factors, std::size_t levels);

/// @brief A Latin hypercube of n points in k factors (McKay, Beckman & Conover 1979):
///        in every column, each of the n strata [s / n, (s + 1) / n) holds exactly one
///        point, placed uniformly at random within its stratum, and the columns are
///        paired by independent random permutations.
///
/// Algorithm, which fixes the bits a seed gives: a generator
/// sim::Rng::for_stream(seed, 0, sim::stream_id("analysis/latin_hypercube")); for each
/// factor j = 0 .. k-1 in turn, a uniform permutation p of 0 .. n-1 by Fisher-Yates
/// (for i = n-1 down to 1, swap p[i] with p[sim::uniform_int(rng, i + 1)]), then for
/// each row i = 0 .. n-1, x(i, j) = (p[i] + sim::uniform01(rng)) / n. Where rounding
/// would carry that value up to the stratum's upper bound (p[i] + 1) / n (computed in
/// double), it is replaced by the largest double below that bound, so every value
/// satisfies s / n <= x < (s + 1) / n with both bounds computed in double, and x < 1.
///
/// Throws std::invalid_argument for n == 0 or k == 0.
Eigen::MatrixXd latin_hypercube(std::size_t n, std::size_t k, std::uint64_t seed);

/// @brief The Sobol' sequence (Sobol' 1967) in base 2, with the direction numbers of Joe
///        & Kuo (new-joe-kuo-6.21201; "Constructing Sobol sequences with better
///        two-dimensional projections", SIAM J. Sci. Comput. 30, 2008), in Gray-code
///        order, exactly as Joe & Kuo's reference generator computes it.
///
/// Dimension 1 is the van der Corput sequence (every m_i = 1); dimension d >= 2 uses
/// row d of Joe & Kuo's file (its primitive polynomial of degree s with inner
/// coefficients a, and its initial m_1 .. m_s). The first max_dimensions rows are
/// embedded. Direction numbers have 32 bits: V_i = m_i 2^(32 - i), then for i > s,
/// V_i = V_{i-s} ^ (V_{i-s} >> s) ^ XOR_{k=1}^{s-1} a_k V_{i-k}. Point 0 is the origin;
/// point i (1 <= i < 2^32) is point i - 1 XOR V_c, c = 1 + the number of trailing one
/// bits of i - 1; a coordinate is that 32-bit integer times 2^-32, so every value is
/// an exact multiple of 2^-32 in [0, 1).
///
/// The first values, from point 0: dimension 1: 0, 0.5, 0.75, 0.25, 0.375, 0.875,
/// 0.625, 0.125; dimension 2: 0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625;
/// dimension 3: 0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375.
///
/// Point 0, the origin, is part of the sequence (and of its balance: points 0 .. 2^m - 1
/// put exactly one point in each dyadic interval of length 2^-m in every dimension).
/// This class starts wherever it is told; sobol_points() and the Saltelli design skip
/// the origin by default (see there why).
class SobolSequence {
 public:
  /// Dimensions embedded: the first rows of new-joe-kuo-6.21201 (dimension 1 plus
  /// rows 2 .. 256, primitive polynomials up to degree 11).
  static constexpr std::size_t max_dimensions = 256;
  /// Points available: indices 0 .. 2^32 - 1 (32-bit direction numbers).
  static constexpr std::uint64_t max_points = std::uint64_t{1} << 32U;

  /// The sequence in `dimensions` dimensions (1 .. max_dimensions), positioned at point
  /// `start` (< max_points). Throws std::invalid_argument otherwise.
  explicit SobolSequence(std::size_t dimensions, std::uint64_t start = 0);

  [[nodiscard]] std::size_t dimensions() const noexcept { return dimensions_; }
  /// The index of the point the next call to next() returns.
  [[nodiscard]] std::uint64_t index() const noexcept { return index_; }
  /// Repositions at point `index` (< max_points) in O(32 x dimensions): the point is
  /// the XOR of the V_j for the bits j set in the Gray code index ^ (index >> 1).
  /// Throws std::invalid_argument for index >= max_points.
  void seek(std::uint64_t index);

  /// Writes point index() into `point` (which must have dimensions() entries; throws
  /// std::invalid_argument otherwise) and advances by one. `point` may be strided, e.g.
  /// a row of a design: next(design.row(i).transpose()). Throws std::out_of_range
  /// once all max_points points have been returned.
  void next(Eigen::Ref<Eigen::VectorXd, 0, Eigen::InnerStride<>> point);
  /// Point index() as a new vector, and advances by one.
  [[nodiscard]] Eigen::VectorXd next();

 private:
  std::size_t dimensions_;
  std::uint64_t index_ = 0;
  std::vector<std::uint32_t> directions_;  // V_{j+1} of dimension d at [32 d + j]
  std::vector<std::uint32_t> state_;       // point index_, as 32-bit integers
};

/// @brief n points of the Sobol' sequence in `dimensions` dimensions: rows are points
///        skip, skip + 1, ..., skip + n - 1 of SobolSequence.
///
/// The default skip = 1 leaves out the origin, so every coordinate lies strictly inside
/// (0, 1) (point i >= 1 has no zero coordinate below 2^32 points: each dimension's
/// generator matrix is non-singular) and stays finite through any quantile function a
/// caller maps it with. Skipping costs a little balance: points 1 .. 2^m are the
/// balanced net 0 .. 2^m - 1 with the origin exchanged for point 2^m (Owen, "On dropping
/// the first Sobol' point", 2022, argues for skip = 0 with n a power of two, for
/// integration error rates; pass skip = 0 for that).
///
/// Throws std::invalid_argument for n == 0, dimensions outside
/// 1 .. SobolSequence::max_dimensions, or skip + n > SobolSequence::max_points.
Eigen::MatrixXd sobol_points(std::size_t n, std::size_t dimensions, std::uint64_t skip = 1);

}  // namespace analysis
