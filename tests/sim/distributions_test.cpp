// Tests sim/distributions.hpp: pinned first draws, moments and frequencies against
// theory, edge parameters, and the rejection of invalid parameters.
//
// Statistical checks draw from fixed seeds, so each is deterministic: it passes or fails
// the same way on every run of the same binary. Tolerances are 5 standard errors of the
// statistic, computed from the distribution's theoretical moments (for a sample
// variance: Var(s^2) = mu4 / n - sigma^4 (n - 3) / (n (n - 1)), mu4 the fourth central
// moment). A correct implementation passes them with overwhelming probability for any
// seed, and a wrong mean or variance by more than a fraction of a percent fails them.
#include "sim/distributions.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numbers>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/random.hpp"

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint64_t k3Pow40 = 12157665459056928801ULL;  // 3^40, about 0.66 * 2^64

/// Running mean and variance (Welford), numerically stable for large values.
struct Moments {
  std::int64_t n = 0;
  double mean = 0.0;
  double m2 = 0.0;

  void add(double x) {
    ++n;
    const double delta = x - mean;
    mean += delta / static_cast<double>(n);
    m2 += delta * (x - mean);
  }
  [[nodiscard]] double variance() const { return m2 / static_cast<double>(n - 1); }
};

/// Draws `n` values and checks that their sample mean and variance are within 5 standard
/// errors of the theoretical `mean` and `variance`; `mu4` is the fourth central moment.
template <class Draw>
void check_moments(const std::string& label, std::int64_t n, double mean, double variance,
                   double mu4, Draw&& draw) {
  Moments m;
  for (std::int64_t i = 0; i < n; ++i) m.add(static_cast<double>(draw()));
  const auto nd = static_cast<double>(n);
  const double se_mean = std::sqrt(variance / nd);
  const double var_of_var = mu4 / nd - variance * variance * (nd - 3.0) / (nd * (nd - 1.0));
  const double se_variance = std::sqrt(var_of_var);
  INFO(label << ": sample mean " << m.mean << " vs " << mean << " (se " << se_mean
             << "), sample variance " << m.variance() << " vs " << variance << " (se "
             << se_variance << ")");
  CHECK(std::fabs(m.mean - mean) <= 5.0 * se_mean);
  CHECK(std::fabs(m.variance() - variance) <= 5.0 * se_variance);
}

/// The chi-square critical value with `df` degrees of freedom at about 5 standard normal
/// deviations (upper tail ~3e-7), by the Wilson-Hilferty approximation.
double chi_square_critical(double df) {
  const double h = 2.0 / (9.0 * df);
  return df * std::pow(1.0 - h + 5.0 * std::sqrt(h), 3.0);
}

/// Checks observed counts against expected probabilities: each cell within 5 binomial
/// standard errors, and Pearson's chi-square below the ~5-sigma critical value. Cells
/// with probability 0 must be empty.
void check_frequencies(const std::string& label, const std::vector<std::int64_t>& counts,
                       const std::vector<double>& probabilities) {
  REQUIRE(counts.size() == probabilities.size());
  std::int64_t total = 0;
  for (const auto c : counts) total += c;
  const auto n = static_cast<double>(total);
  double chi_square = 0.0;
  int cells = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const double p = probabilities[i];
    const auto observed = static_cast<double>(counts[i]);
    INFO(label << ": cell " << i << " observed " << observed << ", expected " << n * p);
    if (p == 0.0) {
      CHECK(counts[i] == 0);
      continue;
    }
    const double expected = n * p;
    CHECK(std::fabs(observed - expected) <= 5.0 * std::sqrt(n * p * (1.0 - p)));
    chi_square += (observed - expected) * (observed - expected) / expected;
    ++cells;
  }
  INFO(label << ": chi-square " << chi_square << " with " << cells - 1 << " df");
  CHECK(chi_square <= chi_square_critical(cells - 1));
}

/// The first three values drawn with `draw` from Rng(12345).
template <class Draw>
auto first_three(Draw&& draw) {
  sim::Rng rng(12345);
  using Value = decltype(draw(rng));
  std::array<Value, 3> values{};
  for (auto& v : values) v = draw(rng);
  return values;
}

/// Number of 64-bit outputs `draw` consumes from a generator in state `rng`.
template <class Draw>
int outputs_consumed(sim::Rng rng, Draw&& draw) {
  sim::Rng probe = rng;
  draw(rng);
  int count = 0;
  while (!(probe == rng)) {
    probe();
    ++count;
  }
  return count;
}

/// Exact Poisson probabilities of the cells {K <= first}, {K = first + 1}, ...,
/// {K = last - 1}, {K >= last}: the tails are merged so that every cell expects enough
/// draws for the chi-square approximation.
std::vector<double> poisson_cells(double mean, std::size_t first, std::size_t last) {
  std::vector<double> p;
  double pmf = std::exp(-mean);
  double cdf = pmf;
  for (std::size_t k = 1; k <= first; ++k) {
    pmf *= mean / static_cast<double>(k);
    cdf += pmf;
  }
  p.push_back(cdf);
  for (std::size_t k = first + 1; k < last; ++k) {
    pmf *= mean / static_cast<double>(k);
    p.push_back(pmf);
    cdf += pmf;
  }
  p.push_back(1.0 - cdf);
  return p;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Pinned values. These literals were produced by running this implementation once. They
// pin the portability of our own algorithms: the same seed must give the same numbers
// bit for bit with any standard library, so any change to an algorithm (or to the
// generator, or the order in which a draw consumes outputs) fails here and must be a
// deliberate decision. Exact `==` on doubles is intended. (Transcendental functions come
// from the C library; one whose results differ in the last bit would show up here too.)
// ---------------------------------------------------------------------------------------

TEST_CASE("the first draws of every distribution from seed 12345 are pinned",
          "[distributions][pinned]") {
  using sim::Rng;
  CHECK(first_three([](Rng& r) { return sim::uniform01(r); }) ==
        std::array{0.7438081631565894, 0.13004553462783452, 0.9633344930128545});
  CHECK(first_three([](Rng& r) { return sim::uniform(r, -2.0, 3.0); }) ==
        std::array{1.7190408157829467, -1.3497723268608275, 2.816672465064272});
  CHECK(first_three([](Rng& r) { return sim::uniform_int(r, 6); }) ==
        std::array<std::uint64_t, 3>{4, 0, 5});
  CHECK(first_three([](Rng& r) { return sim::uniform_int(r, k3Pow40); }) ==
        std::array<std::uint64_t, 3>{9042970813373447933ULL, 1581050104449415688ULL,
                                     11711898491220499507ULL});
  CHECK(first_three([](Rng& r) { return sim::exponential(r, 2.0); }) ==
        std::array{0.6809143762325095, 0.06965720367795304, 1.6529594149906488});
  CHECK(first_three([](Rng& r) { return sim::normal(r, 1.0, 2.0); }) ==
        std::array{1.765291268510218, 1.0553890841367064, -0.6490566972755436});
  CHECK(first_three([](Rng& r) { return sim::lognormal(r, 0.5, 0.25); }) ==
        std::array{1.814230495806418, 1.66017602435878, 1.341606682947098});
  CHECK(first_three([](Rng& r) { return sim::lognormal_mean_sd(r, 10.0, 5.0); }) ==
        std::array{10.71631921914581, 9.062052913266001, 6.058862138406499});
  CHECK(first_three([](Rng& r) { return sim::gamma(r, 0.5, 2.0); }) ==
        std::array{2.953704963951963, 1.1870017413626066, 0.40717111865182226});
  CHECK(first_three([](Rng& r) { return sim::gamma(r, 2.5, 1.5); }) ==
        std::array{4.170182093649861, 2.0814003864744772, 1.7482574839560698});
  CHECK(first_three([](Rng& r) { return sim::beta(r, 2.0, 5.0); }) ==
        std::array{0.38920813544732275, 0.1424234806786768, 0.25589652441398025});
  CHECK(first_three([](Rng& r) { return sim::beta(r, 0.5, 0.5); }) ==
        std::array{0.713333538007148, 0.38020609932792887, 0.9998989219124406});
  CHECK(first_three([](Rng& r) { return sim::poisson(r, 4.0); }) ==
        std::array<std::uint64_t, 3>{5, 2, 8});
  CHECK(first_three([](Rng& r) { return sim::poisson(r, 30.0); }) ==
        std::array<std::uint64_t, 3>{34, 45, 31});
  CHECK(first_three([](Rng& r) { return sim::poisson(r, 1000.0); }) ==
        std::array<std::uint64_t, 3>{1023, 1087, 1005});
  CHECK(first_three([](Rng& r) { return sim::bernoulli(r, 0.3); }) ==
        std::array{false, true, false});
  const std::array weights{1.0, 0.0, 2.0, 3.0};
  CHECK(first_three([&](Rng& r) { return sim::choose(r, weights); }) ==
        std::array<std::size_t, 3>{3, 0, 3});
  const sim::DiscreteDistribution discrete(weights);
  CHECK(first_three([&](Rng& r) { return discrete(r); }) ==
        std::array<std::size_t, 3>{3, 0, 3});
}

// ---------------------------------------------------------------------------------------
// uniform01, uniform
// ---------------------------------------------------------------------------------------

TEST_CASE("uniform01 is the top 53 bits of one output and lies in 0 to 1", "[distributions]") {
  sim::Rng rng(3);
  sim::Rng raw = rng;
  for (int i = 0; i < 1000; ++i) {
    const double u = sim::uniform01(rng);
    CHECK(u == static_cast<double>(raw() >> 11U) * 0x1.0p-53);
    CHECK(u >= 0.0);
    CHECK(u < 1.0);
  }
  check_moments("uniform01", 400'000, 0.5, 1.0 / 12.0, 1.0 / 80.0,
                [&] { return sim::uniform01(rng); });
}

TEST_CASE("uniform has the moments of a uniform variable and stays in its half-open range",
          "[distributions]") {
  sim::Rng rng(11);
  const double a = -2.0;
  const double b = 3.0;
  const double w = b - a;
  double lo = kInf;
  double hi = -kInf;
  check_moments("uniform(-2, 3)", 200'000, (a + b) / 2.0, w * w / 12.0,
                w * w * w * w / 80.0, [&] {
                  const double x = sim::uniform(rng, a, b);
                  lo = std::min(lo, x);
                  hi = std::max(hi, x);
                  return x;
                });
  CHECK(lo >= a);
  CHECK(hi < b);
  CHECK(lo < a + 0.001);
  CHECK(hi > b - 0.001);
}

TEST_CASE("uniform handles degenerate and extreme ranges", "[distributions]") {
  sim::Rng rng(5);
  SECTION("a == b returns a and still consumes one output") {
    CHECK(outputs_consumed(rng, [](sim::Rng& r) { return sim::uniform(r, 2.5, 2.5); }) == 1);
    CHECK(sim::uniform(rng, 2.5, 2.5) == 2.5);
  }
  SECTION("a range wider than the largest double stays finite and in [a, b)") {
    const double big = std::numeric_limits<double>::max();
    Moments m;
    for (int i = 0; i < 10'000; ++i) {
      const double x = sim::uniform(rng, -big, big);
      REQUIRE(std::isfinite(x));
      m.add(x / big);
    }
    CHECK(std::fabs(m.mean) <= 5.0 * std::sqrt(1.0 / 3.0 / 10'000.0));
  }
  SECTION("a range of one ulp gives a") {
    const double a = 1.0;
    const double b = std::nextafter(1.0, 2.0);
    for (int i = 0; i < 1000; ++i) CHECK(sim::uniform(rng, a, b) == a);
  }
}

// ---------------------------------------------------------------------------------------
// uniform_int
// ---------------------------------------------------------------------------------------

TEST_CASE("uniform_int(1) is always 0 and consumes exactly one output", "[distributions]") {
  sim::Rng rng(8);
  for (int i = 0; i < 1000; ++i) {
    CHECK(outputs_consumed(rng, [](sim::Rng& r) { return sim::uniform_int(r, 1); }) == 1);
    CHECK(sim::uniform_int(rng, 1) == 0);
  }
}

TEST_CASE("uniform_int(6) is a fair die", "[distributions]") {
  sim::Rng rng(9);
  const std::int64_t n = 300'000;
  std::vector<std::int64_t> counts(6, 0);
  Moments m;
  for (std::int64_t i = 0; i < n; ++i) {
    const std::uint64_t x = sim::uniform_int(rng, 6);
    REQUIRE(x < 6);
    ++counts[x];
    m.add(static_cast<double>(x));
  }
  check_frequencies("uniform_int(6)", counts, std::vector<double>(6, 1.0 / 6.0));
  // Discrete uniform on 0..5: mean 2.5, variance (6^2 - 1) / 12.
  CHECK(std::fabs(m.mean - 2.5) <= 5.0 * std::sqrt(35.0 / 12.0 / static_cast<double>(n)));
}

TEST_CASE("uniform_int with a power-of-two bound takes the high bits of one output",
          "[distributions]") {
  sim::Rng rng(10);
  sim::Rng raw = rng;
  for (int i = 0; i < 1000; ++i) {
    CHECK(sim::uniform_int(rng, std::uint64_t{1} << 20U) == raw() >> 44U);
  }
}

TEST_CASE("uniform_int(3^40) has the right mean and no multiply-shift bias",
          "[distributions]") {
  // n = 3^40 is about 0.66 * 2^64, so 2^64 mod n is about 0.34 * 2^64: Lemire's method
  // rejects about a third of the raw outputs, and multiply-shift *without* the rejection
  // would give some values two preimages and others one. Which values get two is known:
  // the interval of raw outputs mapping to j, [j 2^64 / n, (j + 1) 2^64 / n), has length
  // L = 2^64 / n in (1, 2) and holds two integers exactly when the fractional part f of
  // its start is 0 or above 2 - L, i.e. when r_j = (j (2^64 mod n)) mod n = f n is 0 or
  // above 2n - 2^64. Unbiased j (uniform on [0, n)) make r_j uniform on [0, n) too
  // (j -> r_j is a bijection, as gcd(2^64 mod n, n) = gcd(2^64, 3^40) = 1), so the
  // fraction of draws with r_j > T = 2n - 2^64 must be (n - 1 - T) / n ~ 0.517; the
  // biased method would give ~0.68.
  __extension__ using u128 = unsigned __int128;
  const std::uint64_t n = k3Pow40;
  const auto two64 = static_cast<u128>(1) << 64U;
  const auto r = static_cast<std::uint64_t>(two64 % n);
  const auto threshold = static_cast<std::uint64_t>(2 * static_cast<u128>(n) - two64);
  const auto in_long_interval = [&](std::uint64_t j) {
    return static_cast<std::uint64_t>((static_cast<u128>(j) * r) % n) > threshold;
  };
  const double p_long =
      static_cast<double>(n - 1 - threshold) / static_cast<double>(n);  // ~0.517

  sim::Rng rng(12);
  const std::int64_t draws = 200'000;
  std::int64_t hits = 0;
  std::int64_t biased_hits = 0;
  Moments m;
  sim::Rng raw(99);
  for (std::int64_t i = 0; i < draws; ++i) {
    const std::uint64_t j = sim::uniform_int(rng, n);
    REQUIRE(j < n);
    m.add(static_cast<double>(j));
    if (in_long_interval(j)) ++hits;
    // The same statistic for multiply-shift without rejection, to show the test's power.
    const auto biased = static_cast<std::uint64_t>((static_cast<u128>(raw()) * n) >> 64U);
    if (in_long_interval(biased)) ++biased_hits;
  }
  const auto nd = static_cast<double>(draws);
  const double se = std::sqrt(p_long * (1.0 - p_long) / nd);
  CHECK(std::fabs(static_cast<double>(hits) / nd - p_long) <= 5.0 * se);
  CHECK(std::fabs(static_cast<double>(biased_hits) / nd - p_long) > 50.0 * se);

  const auto nn = static_cast<double>(n);
  CHECK(std::fabs(m.mean - (nn - 1.0) / 2.0) <= 5.0 * std::sqrt(nn * nn / 12.0 / nd));
  CHECK(std::fabs(m.variance() - nn * nn / 12.0) <=
        5.0 * std::sqrt((nn * nn * nn * nn / 80.0 - nn * nn * nn * nn / 144.0) / nd));
}

TEST_CASE("uniform_int(2^64 - 1) stays below its bound", "[distributions]") {
  sim::Rng rng(13);
  const std::uint64_t n = ~std::uint64_t{0};
  for (int i = 0; i < 10'000; ++i) CHECK(sim::uniform_int(rng, n) < n);
}

// ---------------------------------------------------------------------------------------
// exponential, normal, lognormal
// ---------------------------------------------------------------------------------------

TEST_CASE("exponential has mean 1/rate and variance 1/rate^2", "[distributions]") {
  sim::Rng rng(14);
  for (const double rate : {0.5, 2.0, 1000.0}) {
    check_moments("exponential(" + std::to_string(rate) + ")", 200'000, 1.0 / rate,
                  1.0 / (rate * rate), 9.0 / std::pow(rate, 4.0), [&] {
                    const double x = sim::exponential(rng, rate);
                    REQUIRE(x >= 0.0);
                    REQUIRE(std::isfinite(x));
                    return x;
                  });
  }
  CHECK(outputs_consumed(rng, [](sim::Rng& r) { return sim::exponential(r, 1.0); }) == 1);
}

TEST_CASE("normal has the given mean and standard deviation", "[distributions]") {
  sim::Rng rng(15);
  check_moments("normal(0, 1)", 200'000, 0.0, 1.0, 3.0, [&] { return sim::normal(rng, 0, 1); });
  check_moments("normal(-3, 2.5)", 200'000, -3.0, 6.25, 3.0 * std::pow(2.5, 4.0),
                [&] { return sim::normal(rng, -3.0, 2.5); });
}

TEST_CASE("normal draws are symmetric and independent of each other", "[distributions]") {
  // No cached second variate: consecutive draws are uncorrelated, and a draw from a copy
  // of the generator equals the next draw from the original.
  sim::Rng rng(16);
  const int n = 200'000;
  double sum_xy = 0.0;
  int positive = 0;
  double previous = sim::normal(rng, 0.0, 1.0);
  for (int i = 0; i < n; ++i) {
    sim::Rng copy = rng;
    const double x = sim::normal(rng, 0.0, 1.0);
    REQUIRE(sim::normal(copy, 0.0, 1.0) == x);
    sum_xy += previous * x;
    if (x > 0.0) ++positive;
    previous = x;
  }
  CHECK(std::fabs(sum_xy / n) <= 5.0 / std::sqrt(static_cast<double>(n)));
  CHECK(std::fabs(positive / static_cast<double>(n) - 0.5) <=
        5.0 * std::sqrt(0.25 / static_cast<double>(n)));
}

TEST_CASE("normal with sd 0 returns the mean", "[distributions]") {
  sim::Rng rng(17);
  for (int i = 0; i < 100; ++i) CHECK(sim::normal(rng, 4.25, 0.0) == 4.25);
}

namespace {

/// Mean, variance and fourth central moment of lognormal(mu, sigma).
struct LognormalMoments {
  double mean, variance, mu4;
};
LognormalMoments lognormal_moments(double mu, double sigma) {
  const double s2 = sigma * sigma;
  const double mean = std::exp(mu + s2 / 2.0);
  const double variance = std::expm1(s2) * std::exp(2.0 * mu + s2);
  const double kurtosis =
      std::exp(4.0 * s2) + 2.0 * std::exp(3.0 * s2) + 3.0 * std::exp(2.0 * s2) - 3.0;
  return {mean, variance, kurtosis * variance * variance};
}

}  // namespace

TEST_CASE("lognormal is exp of normal with the same parameters", "[distributions]") {
  sim::Rng rng(18);
  for (int i = 0; i < 1000; ++i) {
    sim::Rng copy = rng;
    CHECK(sim::lognormal(rng, 0.3, 0.7) == std::exp(sim::normal(copy, 0.3, 0.7)));
  }
  const auto m = lognormal_moments(0.5, 0.25);
  check_moments("lognormal(0.5, 0.25)", 200'000, m.mean, m.variance, m.mu4,
                [&] { return sim::lognormal(rng, 0.5, 0.25); });
}

TEST_CASE("lognormal_mean_sd has the requested mean and standard deviation",
          "[distributions]") {
  sim::Rng rng(19);
  for (const auto& mean_sd : {std::array{10.0, 5.0}, std::array{0.2, 0.1}}) {
    const double mean = mean_sd[0];
    const double sd = mean_sd[1];
    const double sigma = std::sqrt(std::log1p((sd / mean) * (sd / mean)));
    const double mu = std::log(mean) - sigma * sigma / 2.0;
    const auto m = lognormal_moments(mu, sigma);
    REQUIRE(m.mean == Approx(mean).epsilon(1e-12));
    REQUIRE(m.variance == Approx(sd * sd).epsilon(1e-12));
    check_moments("lognormal_mean_sd(" + std::to_string(mean) + ", " + std::to_string(sd) + ")",
                  200'000, mean, sd * sd, m.mu4,
                  [&] { return sim::lognormal_mean_sd(rng, mean, sd); });
  }
}

TEST_CASE("lognormal_mean_sd edge parameters", "[distributions]") {
  sim::Rng rng(36);
  SECTION("sd 0 returns exactly the mean") {
    for (int i = 0; i < 100; ++i) CHECK(sim::lognormal_mean_sd(rng, 0.1, 0.0) == 0.1);
  }
  SECTION("a huge coefficient of variation (sd / mean = 1e300) never gives NaN") {
    for (int i = 0; i < 100; ++i) {
      const double x = sim::lognormal_mean_sd(rng, 1e-150, 1e150);
      CHECK(x >= 0.0);
      CHECK_FALSE(std::isnan(x));
    }
  }
}

// ---------------------------------------------------------------------------------------
// gamma, beta
// ---------------------------------------------------------------------------------------

TEST_CASE("gamma has mean k theta and variance k theta^2", "[distributions]") {
  sim::Rng rng(20);
  for (const double shape : {0.5, 1.0, 2.5, 9.0}) {
    const double scale = 1.5;
    const double variance = shape * scale * scale;
    check_moments("gamma(" + std::to_string(shape) + ", 1.5)", 200'000, shape * scale,
                  variance, (3.0 + 6.0 / shape) * variance * variance, [&] {
                    const double x = sim::gamma(rng, shape, scale);
                    REQUIRE(x > 0.0);
                    return x;
                  });
  }
}

TEST_CASE("gamma with a tiny shape is non-negative and has the right mean",
          "[distributions]") {
  // Shape 0.05: most variates are far below 1, many underflow to 0.
  sim::Rng rng(21);
  const double shape = 0.05;
  Moments m;
  const std::int64_t n = 200'000;
  for (std::int64_t i = 0; i < n; ++i) {
    const double x = sim::gamma(rng, shape, 1.0);
    REQUIRE(x >= 0.0);
    m.add(x);
  }
  CHECK(std::fabs(m.mean - shape) <= 5.0 * std::sqrt(shape / static_cast<double>(n)));
}

namespace {

void check_beta(sim::Rng& rng, double a, double b) {
  const double s = a + b;
  const double mean = a / s;
  const double variance = a * b / (s * s * (s + 1.0));
  const double excess_kurtosis =
      6.0 * ((a - b) * (a - b) * (s + 1.0) - a * b * (s + 2.0)) / (a * b * (s + 2.0) * (s + 3.0));
  check_moments("beta(" + std::to_string(a) + ", " + std::to_string(b) + ")", 200'000, mean,
                variance, (3.0 + excess_kurtosis) * variance * variance, [&] {
                  const double x = sim::beta(rng, a, b);
                  REQUIRE(x >= 0.0);
                  REQUIRE(x <= 1.0);
                  return x;
                });
}

}  // namespace

TEST_CASE("beta has mean a/(a+b) and variance ab/((a+b)^2 (a+b+1))", "[distributions]") {
  sim::Rng rng(22);
  check_beta(rng, 2.0, 5.0);
  check_beta(rng, 0.5, 0.5);
  check_beta(rng, 3.0, 0.7);
}

TEST_CASE("beta with tiny shapes never gives NaN", "[distributions]") {
  // Both gamma variates underflow often; the log-space ratio keeps the result defined.
  sim::Rng rng(23);
  std::int64_t near_zero = 0;
  const std::int64_t n = 100'000;
  for (std::int64_t i = 0; i < n; ++i) {
    const double x = sim::beta(rng, 0.01, 0.01);
    REQUIRE(x >= 0.0);
    REQUIRE(x <= 1.0);
    if (x < 0.5) ++near_zero;
  }
  // Symmetric: half the mass on each side.
  CHECK(std::fabs(static_cast<double>(near_zero) / n - 0.5) <= 5.0 * std::sqrt(0.25 / n));
}

// ---------------------------------------------------------------------------------------
// poisson
// ---------------------------------------------------------------------------------------

TEST_CASE("poisson(0) is always 0", "[distributions]") {
  sim::Rng rng(24);
  for (int i = 0; i < 1000; ++i) CHECK(sim::poisson(rng, 0.0) == 0);
}

TEST_CASE("poisson has mean and variance equal to its mean", "[distributions]") {
  // Both algorithms (inversion below 10, PTRS from 10) and both branches of the log
  // probability in PTRS (table below 30, Stirling above); 1e12 checks the large-mean
  // accuracy.
  sim::Rng rng(25);
  for (const double mean : {0.5, 4.0, 9.9, 10.0, 30.0, 1000.0, 1e12}) {
    check_moments("poisson(" + std::to_string(mean) + ")", 200'000, mean, mean,
                  mean * (1.0 + 3.0 * mean), [&] { return sim::poisson(rng, mean); });
  }
}

TEST_CASE("poisson frequencies match the probability mass function", "[distributions]") {
  sim::Rng rng(26);
  struct Case {
    double mean;
    std::size_t first;  // cells: K <= first, first + 1, ..., last - 1, K >= last
    std::size_t last;
  };
  for (const Case c : {Case{4.0, 0, 12}, Case{9.9, 1, 23}, Case{10.0, 1, 23},
                       Case{30.0, 14, 48}}) {
    const auto p = poisson_cells(c.mean, c.first, c.last);
    std::vector<std::int64_t> counts(p.size(), 0);
    for (int i = 0; i < 200'000; ++i) {
      const std::uint64_t k = sim::poisson(rng, c.mean);
      ++counts[std::clamp<std::uint64_t>(k, c.first, c.last) - c.first];
    }
    check_frequencies("poisson(" + std::to_string(c.mean) + ")", counts, p);
  }
}

TEST_CASE("poisson below 10 consumes one output and is monotone in it", "[distributions]") {
  sim::Rng rng(27);
  for (int i = 0; i < 1000; ++i) {
    CHECK(outputs_consumed(rng, [](sim::Rng& r) { return sim::poisson(r, 7.5); }) == 1);
    sim::poisson(rng, 7.5);
  }
  // Draws from the generators whose first outputs are ordered are ordered too.
  std::vector<std::pair<double, std::uint64_t>> pairs;
  for (std::uint64_t seed = 0; seed < 2000; ++seed) {
    sim::Rng a(seed);
    sim::Rng b(seed);
    pairs.emplace_back(sim::uniform01(a), sim::poisson(b, 3.0));
  }
  std::sort(pairs.begin(), pairs.end());
  CHECK(std::is_sorted(pairs.begin(), pairs.end(),
                       [](const auto& x, const auto& y) { return x.second < y.second; }));
}

// ---------------------------------------------------------------------------------------
// bernoulli
// ---------------------------------------------------------------------------------------

TEST_CASE("bernoulli(0) is never true and bernoulli(1) always is and each uses one output",
          "[distributions]") {
  sim::Rng rng(28);
  for (int i = 0; i < 10'000; ++i) {
    CHECK_FALSE(sim::bernoulli(rng, 0.0));
    CHECK(sim::bernoulli(rng, 1.0));
  }
  CHECK(outputs_consumed(rng, [](sim::Rng& r) { return sim::bernoulli(r, 0.0); }) == 1);
  CHECK(outputs_consumed(rng, [](sim::Rng& r) { return sim::bernoulli(r, 1.0); }) == 1);
}

TEST_CASE("bernoulli(0.3) is true 30 % of the time", "[distributions]") {
  sim::Rng rng(29);
  const double p = 0.3;
  check_moments("bernoulli(0.3)", 400'000, p, p * (1.0 - p),
                p * (1.0 - p) * (1.0 - 3.0 * p + 3.0 * p * p),
                [&] { return sim::bernoulli(rng, p) ? 1.0 : 0.0; });
}

// ---------------------------------------------------------------------------------------
// choose, DiscreteDistribution
// ---------------------------------------------------------------------------------------

TEST_CASE("choose picks indices in proportion to their weights", "[distributions]") {
  sim::Rng rng(30);
  const std::vector<double> weights{0.0, 1.0, 0.0, 3.0, 0.5, 0.0, 2.5, 0.0};
  const double total = 7.0;
  std::vector<std::int64_t> counts(weights.size(), 0);
  for (int i = 0; i < 200'000; ++i) ++counts[sim::choose(rng, weights)];
  std::vector<double> p;
  for (const double w : weights) p.push_back(w / total);
  check_frequencies("choose", counts, p);  // zero-weight cells must be empty
}

TEST_CASE("DiscreteDistribution picks indices in proportion to their weights",
          "[distributions]") {
  sim::Rng rng(31);
  const std::vector<double> weights{0.0, 1.0, 0.0, 3.0, 0.5, 0.0, 2.5, 0.0};
  const sim::DiscreteDistribution dist(weights);
  CHECK(dist.size() == weights.size());
  std::vector<std::int64_t> counts(weights.size(), 0);
  for (int i = 0; i < 200'000; ++i) ++counts[dist(rng)];
  std::vector<double> p;
  for (const double w : weights) p.push_back(w / 7.0);
  check_frequencies("DiscreteDistribution", counts, p);
}

TEST_CASE("DiscreteDistribution and choose agree draw for draw", "[distributions]") {
  sim::Rng weight_rng(32);
  for (int trial = 0; trial < 20; ++trial) {
    std::vector<double> weights(1 + sim::uniform_int(weight_rng, 50));
    for (auto& w : weights) {
      w = sim::bernoulli(weight_rng, 0.3) ? 0.0 : sim::exponential(weight_rng, 1.0);
    }
    weights[sim::uniform_int(weight_rng, weights.size())] = 1.0;  // a positive sum
    const sim::DiscreteDistribution dist(weights);
    sim::Rng a(1000 + static_cast<std::uint64_t>(trial));
    sim::Rng b = a;
    for (int i = 0; i < 2000; ++i) {
      const std::size_t x = dist(a);
      REQUIRE(x == sim::choose(b, weights));
      REQUIRE(weights[x] > 0.0);
    }
  }
}

TEST_CASE("a single category is always chosen", "[distributions]") {
  sim::Rng rng(33);
  const sim::DiscreteDistribution dist{0.0, 0.0, 4.0};
  for (int i = 0; i < 1000; ++i) {
    CHECK(dist(rng) == 2);
    CHECK(sim::choose(rng, std::array{2.0}) == 0);
  }
}

// ---------------------------------------------------------------------------------------
// Invalid parameters
// ---------------------------------------------------------------------------------------

TEST_CASE("invalid parameters throw std::invalid_argument and draw nothing",
          "[distributions][invalid]") {
  sim::Rng rng(34);
  const sim::Rng before = rng;
  const auto empty = std::span<const double>();
  const std::array zeros{0.0, 0.0};
  const std::array negative{1.0, -1.0};
  const std::array with_nan{1.0, kNaN};
  const std::array with_inf{1.0, kInf};
  const std::array overflowing{1e308, 1e308};

  CHECK_THROWS_AS(sim::uniform(rng, 1.0, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::uniform(rng, kNaN, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::uniform(rng, 0.0, kNaN), std::invalid_argument);
  CHECK_THROWS_AS(sim::uniform(rng, 0.0, kInf), std::invalid_argument);
  CHECK_THROWS_AS(sim::uniform(rng, -kInf, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::uniform_int(rng, 0), std::invalid_argument);
  CHECK_THROWS_AS(sim::exponential(rng, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::exponential(rng, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::exponential(rng, kNaN), std::invalid_argument);
  CHECK_THROWS_AS(sim::exponential(rng, kInf), std::invalid_argument);
  CHECK_THROWS_AS(sim::normal(rng, 0.0, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::normal(rng, kNaN, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::normal(rng, 0.0, kNaN), std::invalid_argument);
  CHECK_THROWS_AS(sim::normal(rng, kInf, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::lognormal(rng, 0.0, -0.5), std::invalid_argument);
  CHECK_THROWS_AS(sim::lognormal(rng, kNaN, 0.5), std::invalid_argument);
  CHECK_THROWS_AS(sim::lognormal_mean_sd(rng, 0.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::lognormal_mean_sd(rng, -1.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::lognormal_mean_sd(rng, 1.0, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::lognormal_mean_sd(rng, 1.0, kNaN), std::invalid_argument);
  CHECK_THROWS_AS(sim::lognormal_mean_sd(rng, 1e-300, 1e300), std::invalid_argument);
  CHECK_THROWS_AS(sim::gamma(rng, 0.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::gamma(rng, -2.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::gamma(rng, 1.0, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::gamma(rng, kNaN, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::gamma(rng, 1.0, kInf), std::invalid_argument);
  CHECK_THROWS_AS(sim::beta(rng, 0.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::beta(rng, 1.0, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::beta(rng, kNaN, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::poisson(rng, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(sim::poisson(rng, kNaN), std::invalid_argument);
  CHECK_THROWS_AS(sim::poisson(rng, kInf), std::invalid_argument);
  CHECK_THROWS_AS(sim::poisson(rng, 2e15), std::invalid_argument);
  CHECK_THROWS_AS(sim::bernoulli(rng, 1.5), std::invalid_argument);
  CHECK_THROWS_AS(sim::bernoulli(rng, -0.1), std::invalid_argument);
  CHECK_THROWS_AS(sim::bernoulli(rng, kNaN), std::invalid_argument);
  CHECK_THROWS_AS(sim::choose(rng, empty), std::invalid_argument);
  CHECK_THROWS_AS(sim::choose(rng, zeros), std::invalid_argument);
  CHECK_THROWS_AS(sim::choose(rng, negative), std::invalid_argument);
  CHECK_THROWS_AS(sim::choose(rng, with_nan), std::invalid_argument);
  CHECK_THROWS_AS(sim::choose(rng, with_inf), std::invalid_argument);
  CHECK_THROWS_AS(sim::choose(rng, overflowing), std::invalid_argument);
  CHECK_THROWS_AS(sim::DiscreteDistribution(empty), std::invalid_argument);
  CHECK_THROWS_AS(sim::DiscreteDistribution(zeros), std::invalid_argument);
  CHECK_THROWS_AS(sim::DiscreteDistribution(negative), std::invalid_argument);
  CHECK_THROWS_AS(sim::DiscreteDistribution(with_nan), std::invalid_argument);
  CHECK_THROWS_AS(sim::DiscreteDistribution({}), std::invalid_argument);

  CHECK(rng == before);  // validation happens before any draw
}

TEST_CASE("error messages name the distribution and the parameter and the value",
          "[distributions][invalid]") {
  sim::Rng rng(35);
  CHECK_THROWS_WITH(sim::exponential(rng, -1.0),
                    "exponential: rate must be > 0 and finite, got -1");
  CHECK_THROWS_WITH(sim::normal(rng, 0.0, -0.5), "normal: sd must be >= 0 and finite, got -0.5");
  CHECK_THROWS_WITH(sim::gamma(rng, 0.0, 1.0), "gamma: shape must be > 0 and finite, got 0");
  CHECK_THROWS_WITH(sim::bernoulli(rng, 1.25), "bernoulli: p must be in [0, 1], got 1.25");
  CHECK_THROWS_WITH(sim::poisson(rng, kNaN), "poisson: mean must be in [0, 1e15], got nan");
  CHECK_THROWS_WITH(sim::uniform(rng, 2.0, 1.0),
                    "uniform: b must be finite and >= a = 2, got 1");
  CHECK_THROWS_WITH(sim::uniform_int(rng, 0), "uniform_int: n must be > 0, got 0");
  CHECK_THROWS_WITH(sim::choose(rng, std::array{1.0, -2.0}),
                    "choose: weight 1 must be >= 0 and finite, got -2");
  CHECK_THROWS_WITH(sim::DiscreteDistribution({0.0, 0.0}),
                    "DiscreteDistribution: weights must have a finite sum > 0, got 0");
  CHECK_THROWS_WITH(sim::DiscreteDistribution(std::span<const double>()),
                    "DiscreteDistribution: weights must not be empty");
}
