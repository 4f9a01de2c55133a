// Tests analysis/numerics/designs.hpp: the full factorial grid's counts and order, the Latin
// hypercube's strata and reproducibility, and the Sobol' sequence against Joe & Kuo's
// published direction numbers and first points, an independent implementation
// (Boost.Random's), and its balance.
#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/random/sobol.hpp>

#include "analysis/numerics/designs.hpp"

using analysis::full_factorial;
using analysis::latin_hypercube;
using analysis::sobol_points;
using analysis::SobolSequence;

namespace {

std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

bool same_bits(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    if (bits(a.data()[i]) != bits(b.data()[i])) return false;
  }
  return true;
}

/// Rows 2 .. 31 of new-joe-kuo-6.21201 as published (d, s, a, m_1 .. m_s), copied
/// independently of the table in designs.cpp.
struct PublishedRow {
  unsigned d;
  unsigned s;
  unsigned a;
  std::vector<unsigned> m;
};
const std::vector<PublishedRow>& published_rows() {
  static const std::vector<PublishedRow> rows{
      {2, 1, 0, {1}},
      {3, 2, 1, {1, 3}},
      {4, 3, 1, {1, 3, 1}},
      {5, 3, 2, {1, 1, 1}},
      {6, 4, 1, {1, 1, 3, 3}},
      {7, 4, 4, {1, 3, 5, 13}},
      {8, 5, 2, {1, 1, 5, 5, 17}},
      {9, 5, 4, {1, 1, 5, 5, 5}},
      {10, 5, 7, {1, 1, 7, 11, 19}},
      {11, 5, 11, {1, 1, 5, 1, 1}},
      {12, 5, 13, {1, 1, 1, 3, 11}},
      {13, 5, 14, {1, 3, 5, 5, 31}},
      {14, 6, 1, {1, 3, 3, 9, 7, 49}},
      {15, 6, 13, {1, 1, 1, 15, 21, 21}},
      {16, 6, 16, {1, 3, 1, 13, 27, 49}},
      {17, 6, 19, {1, 1, 1, 15, 7, 5}},
      {18, 6, 22, {1, 3, 1, 15, 13, 25}},
      {19, 6, 25, {1, 1, 5, 5, 19, 61}},
      {20, 7, 1, {1, 3, 7, 11, 23, 15, 103}},
      {21, 7, 4, {1, 3, 7, 13, 13, 15, 69}},
      {22, 7, 7, {1, 1, 3, 13, 7, 35, 63}},
      {23, 7, 8, {1, 3, 5, 9, 1, 25, 53}},
      {24, 7, 14, {1, 3, 1, 13, 9, 35, 107}},
      {25, 7, 19, {1, 3, 1, 5, 27, 61, 31}},
      {26, 7, 21, {1, 1, 5, 11, 19, 41, 61}},
      {27, 7, 28, {1, 3, 5, 3, 3, 13, 69}},
      {28, 7, 31, {1, 1, 7, 13, 1, 19, 1}},
      {29, 7, 32, {1, 3, 7, 5, 13, 19, 59}},
      {30, 7, 37, {1, 1, 3, 9, 25, 29, 41}},
      {31, 7, 41, {1, 3, 5, 13, 23, 1, 55}},
  };
  return rows;
}

/// Joe & Kuo's reference generator (sobol.cc), transcribed: the first n points in
/// dimensions 1 .. 31 from the published rows, as 32-bit integers.
std::vector<std::vector<std::uint32_t>> joe_kuo_reference(unsigned n) {
  const unsigned dims = 31;
  std::vector<std::vector<std::uint32_t>> points(n, std::vector<std::uint32_t>(dims, 0));
  const unsigned bits_needed = static_cast<unsigned>(std::ceil(std::log2(static_cast<double>(n))));
  std::vector<unsigned> c(n);  // 1 + the index of the lowest zero bit of i
  for (unsigned i = 0; i < n; ++i) {
    c[i] = 1;
    for (unsigned value = i; (value & 1U) != 0; value >>= 1U) ++c[i];
  }
  for (unsigned j = 0; j < dims; ++j) {
    std::vector<std::uint32_t> v(bits_needed + 1);
    if (j == 0) {
      for (unsigned i = 1; i <= bits_needed; ++i) v[i] = std::uint32_t{1} << (32 - i);
    } else {
      const PublishedRow& row = published_rows()[j - 1];
      REQUIRE(row.d == j + 1);
      const unsigned s = row.s;
      for (unsigned i = 1; i <= std::min(s, bits_needed); ++i) v[i] = row.m[i - 1] << (32 - i);
      for (unsigned i = s + 1; i <= bits_needed; ++i) {
        v[i] = v[i - s] ^ (v[i - s] >> s);
        for (unsigned k = 1; k <= s - 1; ++k) v[i] ^= ((row.a >> (s - 1 - k)) & 1U) * v[i - k];
      }
    }
    std::uint32_t x = 0;
    for (unsigned i = 1; i < n; ++i) {
      x ^= v[c[i - 1]];
      points[i][j] = x;
    }
  }
  return points;
}

}  // namespace

// --- Full factorial --------------------------------------------------------------------

TEST_CASE("designs: full factorial lists every combination in odometer order", "[designs]") {
  const Eigen::MatrixXd grid = full_factorial({2, 3, 1});
  REQUIRE(grid.rows() == 6);
  REQUIRE(grid.cols() == 3);
  const double expected[6][3] = {{0, 0, 0.5}, {0, 0.5, 0.5}, {0, 1, 0.5},
                                 {1, 0, 0.5}, {1, 0.5, 0.5}, {1, 1, 0.5}};
  for (Eigen::Index r = 0; r < 6; ++r) {
    for (Eigen::Index c = 0; c < 3; ++c) {
      INFO("row " << r << " column " << c);
      CHECK(grid(r, c) == expected[r][c]);
    }
  }

  // 4 levels in 3 factors: 64 distinct rows, each level 16 times per factor, the
  // levels exactly {0, 1/3, 2/3, 1}, and row r is r written in base 4.
  const Eigen::MatrixXd cube = full_factorial(3, 4);
  REQUIRE(cube.rows() == 64);
  REQUIRE(cube.cols() == 3);
  std::set<std::vector<double>> distinct;
  for (Eigen::Index r = 0; r < cube.rows(); ++r) {
    distinct.insert({cube(r, 0), cube(r, 1), cube(r, 2)});
    const Eigen::Index digits[3] = {r / 16, (r / 4) % 4, r % 4};
    for (Eigen::Index c = 0; c < 3; ++c) {
      CHECK(cube(r, c) == static_cast<double>(digits[c]) / 3.0);
    }
  }
  CHECK(distinct.size() == 64);
  CHECK(cube(63, 0) == 1.0);
  CHECK(full_factorial(1, 1).rows() == 1);
  CHECK(full_factorial(1, 1)(0, 0) == 0.5);
  CHECK(full_factorial(10, 2).rows() == 1024);
}

// --- Latin hypercube -----------------------------------------------------------------------

TEST_CASE("designs: Latin hypercube uses every stratum of every factor exactly once", "[designs]") {
  for (const std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{97}, std::size_t{1000}}) {
    const std::size_t k = 7;
    const Eigen::MatrixXd design = latin_hypercube(n, k, 12345);
    REQUIRE(design.rows() == static_cast<Eigen::Index>(n));
    REQUIRE(design.cols() == static_cast<Eigen::Index>(k));
    const auto strata = static_cast<double>(n);
    double offset_sum = 0.0;
    for (Eigen::Index j = 0; j < design.cols(); ++j) {
      std::vector<int> used(n, 0);
      for (Eigen::Index i = 0; i < design.rows(); ++i) {
        const double x = design(i, j);
        REQUIRE(x >= 0.0);
        REQUIRE(x < 1.0);
        // The stratum s with s / n <= x < (s + 1) / n, the bounds computed in double.
        auto s = static_cast<std::size_t>(x * strata);
        if (s >= n) s = n - 1;
        while (s > 0 && x < static_cast<double>(s) / strata) --s;
        while (s + 1 < n && x >= static_cast<double>(s + 1) / strata) ++s;
        REQUIRE(static_cast<double>(s) / strata <= x);
        REQUIRE(x < static_cast<double>(s + 1) / strata);
        ++used[s];
        offset_sum += x * strata - static_cast<double>(s);
      }
      for (std::size_t s = 0; s < n; ++s) {
        INFO("n " << n << " factor " << j << " stratum " << s);
        CHECK(used[s] == 1);
      }
    }
    // Positions within the strata are uniform, not centred: their mean is 1/2 with sd
    // sqrt(1/12 / (n k)) (0.011 for n = 97), and they are not all 1/2.
    if (n >= 97) {
      const double mean_offset = offset_sum / static_cast<double>(n * k);
      INFO("mean offset within strata " << mean_offset);
      CHECK(std::fabs(mean_offset - 0.5) < 0.05);
      CHECK(design(0, 0) * strata - std::floor(design(0, 0) * strata) != 0.5);
    }
  }
}

TEST_CASE("designs: Latin hypercube is bit-reproducible from its seed", "[designs]") {
  const Eigen::MatrixXd a = latin_hypercube(50, 4, 7);
  const Eigen::MatrixXd b = latin_hypercube(50, 4, 7);
  CHECK(same_bits(a, b));
  const Eigen::MatrixXd c = latin_hypercube(50, 4, 8);
  std::size_t differing = 0;
  for (Eigen::Index i = 0; i < a.size(); ++i) differing += a.data()[i] != c.data()[i] ? 1 : 0;
  CHECK(differing > 190);  // of 200: a new seed gives new points
  // The first values of seed 7 are pinned: a change to the algorithm or to the
  // generator's use shows here.
  const Eigen::MatrixXd pinned = latin_hypercube(4, 2, 7);
  CHECK(bits(pinned(0, 0)) == bits(0x1.4751fd536fa9ep-2));  // 0.31964870282892288
  CHECK(bits(pinned(3, 1)) == bits(0x1.6ae7666acc7fep-1));  // 0.70879669240662202
}

// --- Sobol' sequence -----------------------------------------------------------------------

TEST_CASE("designs: Sobol sequence starts with the published first points", "[designs]") {
  SobolSequence sequence(3);
  const double dim1[8] = {0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125};
  const double dim2[8] = {0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625};
  const double dim3[8] = {0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375};
  for (int i = 0; i < 8; ++i) {
    INFO("point " << i);
    CHECK(sequence.index() == static_cast<std::uint64_t>(i));
    const Eigen::VectorXd x = sequence.next();
    CHECK(x(0) == dim1[i]);
    CHECK(x(1) == dim2[i]);
    CHECK(x(2) == dim3[i]);
  }
  // sobol_points skips the origin by default: its first row is point 1.
  const Eigen::MatrixXd points = sobol_points(7, 3);
  for (Eigen::Index i = 0; i < 7; ++i) {
    CHECK(points(i, 0) == dim1[i + 1]);
    CHECK(points(i, 1) == dim2[i + 1]);
    CHECK(points(i, 2) == dim3[i + 1]);
  }
  CHECK(sobol_points(8, 3, 0)(0, 1) == 0.0);
}

TEST_CASE("designs: Sobol points equal Joe and Kuo's reference generator on the published rows",
          "[designs]") {
  constexpr unsigned n = 4096;
  const auto reference = joe_kuo_reference(n);
  const Eigen::MatrixXd points = sobol_points(n, 31, 0);
  std::size_t mismatches = 0;
  for (unsigned i = 0; i < n; ++i) {
    for (unsigned j = 0; j < 31; ++j) {
      const double expected = static_cast<double>(reference[i][j]) * 0x1.0p-32;
      if (bits(points(i, j)) != bits(expected)) ++mismatches;
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("designs: Sobol points equal Boost.Random's in all embedded dimensions", "[designs]") {
  // Boost's sobol_engine is an independent implementation from the same file
  // (new-joe-kuo-6.21201); it starts at point 1.
  constexpr std::size_t dims = SobolSequence::max_dimensions;
  constexpr std::size_t n = 2048;
  boost::random::sobol_engine<std::uint32_t, 32> boost_sobol(dims);
  const Eigen::MatrixXd points = sobol_points(n, dims);  // points 1 .. n
  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t d = 0; d < dims; ++d) {
      const double expected = static_cast<double>(boost_sobol()) * 0x1.0p-32;
      if (bits(points(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(d))) !=
          bits(expected)) {
        ++mismatches;
      }
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("designs: Sobol points 0 to 2^m - 1 fill every dyadic interval once", "[designs]") {
  // The (t, m, s)-net property in one dimension: each column of the first 2^10 points is
  // a permutation of {0, 1, ..., 1023} / 1024. Points after the origin have no zero.
  constexpr std::size_t n = 1024;
  const Eigen::MatrixXd points = sobol_points(n, SobolSequence::max_dimensions, 0);
  for (Eigen::Index d = 0; d < points.cols(); ++d) {
    std::vector<int> used(n, 0);
    for (Eigen::Index i = 0; i < points.rows(); ++i) {
      const double scaled = points(i, d) * static_cast<double>(n);
      REQUIRE(scaled == std::floor(scaled));  // multiples of 2^-10 only, for 2^10 points
      ++used[static_cast<std::size_t>(scaled)];
    }
    std::size_t once = 0;
    for (const int u : used) once += u == 1 ? 1 : 0;
    INFO("dimension " << d + 1);
    CHECK(once == n);
  }
  const Eigen::MatrixXd later = sobol_points(4096, SobolSequence::max_dimensions);
  CHECK((later.array() > 0.0).all());
  CHECK((later.array() < 1.0).all());
}

TEST_CASE("designs: Sobol seek lands where stepping does and the sequence ends at 2^32", "[designs]") {
  SobolSequence stepped(40);
  for (int i = 0; i < 1000; ++i) static_cast<void>(stepped.next());
  SobolSequence sought(40, 1000);
  CHECK(sought.index() == 1000);
  for (int i = 0; i < 50; ++i) {
    const Eigen::VectorXd a = stepped.next();
    const Eigen::VectorXd b = sought.next();
    CHECK(same_bits(a, b));
  }
  sought.seek(3);
  CHECK(sought.next()(0) == 0.25);

  // The last point, 2^32 - 1, has Gray code 2^31: its coordinates are V_32, which for
  // dimension 1 is 2^-32.
  SobolSequence last(2, SobolSequence::max_points - 1);
  CHECK(last.next()(0) == 0x1.0p-32);
  CHECK(last.index() == SobolSequence::max_points);
  CHECK_THROWS_AS(last.next(), std::out_of_range);
}

TEST_CASE("designs: bad arguments throw invalid_argument", "[designs]") {
  CHECK_THROWS_AS(full_factorial(std::vector<std::size_t>{}), std::invalid_argument);
  CHECK_THROWS_AS(full_factorial({2, 0, 3}), std::invalid_argument);
  CHECK_THROWS_AS(full_factorial(0, 3), std::invalid_argument);
  CHECK_THROWS_AS(full_factorial(3, 0), std::invalid_argument);
  CHECK_THROWS_AS(full_factorial(64, 2), std::invalid_argument);  // 2^64 rows
  CHECK_THROWS_AS(latin_hypercube(0, 3, 1), std::invalid_argument);
  CHECK_THROWS_AS(latin_hypercube(10, 0, 1), std::invalid_argument);
  CHECK_THROWS_AS(SobolSequence(0), std::invalid_argument);
  CHECK_THROWS_AS(SobolSequence(SobolSequence::max_dimensions + 1), std::invalid_argument);
  CHECK_THROWS_AS(SobolSequence(2, SobolSequence::max_points), std::invalid_argument);
  SobolSequence sequence(3);
  CHECK_THROWS_AS(sequence.seek(SobolSequence::max_points), std::invalid_argument);
  Eigen::VectorXd wrong(2);
  CHECK_THROWS_AS(sequence.next(wrong), std::invalid_argument);
  CHECK(sequence.index() == 0);  // nothing consumed
  CHECK_THROWS_AS(sobol_points(0, 2), std::invalid_argument);
  CHECK_THROWS_AS(sobol_points(4, 0), std::invalid_argument);
  CHECK_THROWS_AS(sobol_points(4, SobolSequence::max_dimensions + 1), std::invalid_argument);
  CHECK_THROWS_AS(sobol_points(2, 2, SobolSequence::max_points - 1), std::invalid_argument);
  CHECK(sobol_points(1, 2, SobolSequence::max_points - 1).rows() == 1);
  try {
    full_factorial({2, 0});
    FAIL("expected an exception");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).find("factor 1 has 0 levels") != std::string::npos);
  }
}
