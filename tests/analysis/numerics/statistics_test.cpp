// Tests analysis/numerics/statistics.hpp: Welford moments, t quantiles and intervals, exact and
// P² quantiles, paired differences, the Eigen series accumulator, determinism and
// bounded memory.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

#include "analysis/numerics/statistics.hpp"
#include "sim/distributions.hpp"
#include "sim/random.hpp"

using analysis::Accumulator;
using analysis::Direction;
using analysis::Moments;
using analysis::NanRule;
using analysis::PairedDifference;
using analysis::SeriesAccumulator;
using analysis::StreamingQuantiles;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

/// Hyndman & Fan type 7 on a sorted copy: the reference for the exact phase.
double type7(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const double h = static_cast<double>(values.size() - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  if (lo + 1 >= values.size()) return values[lo];
  return values[lo] + (h - std::floor(h)) * (values[lo + 1] - values[lo]);
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

/// A distribution to draw from, with its true CDF.
struct Known {
  const char* name;
  std::function<double(sim::Rng&)> draw;
  std::function<double(double)> cdf;
};

std::vector<Known> known_distributions() {
  return {
      {"uniform(0 1)", [](sim::Rng& r) { return sim::uniform01(r); },
       [](double x) { return std::clamp(x, 0.0, 1.0); }},
      {"normal(3 2)", [](sim::Rng& r) { return sim::normal(r, 3.0, 2.0); },
       [](double x) { return normal_cdf((x - 3.0) / 2.0); }},
      {"exponential(0.5)", [](sim::Rng& r) { return sim::exponential(r, 0.5); },
       [](double x) { return x <= 0.0 ? 0.0 : -std::expm1(-0.5 * x); }},
      {"lognormal(0 1)", [](sim::Rng& r) { return sim::lognormal(r, 0.0, 1.0); },
       [](double x) { return x <= 0.0 ? 0.0 : normal_cdf(std::log(x)); }},
  };
}

}  // namespace

// --- Moments -------------------------------------------------------------------------

TEST_CASE("statistics: Moments gives the textbook mean and sample sd and counts NaN as missing",
          "[statistics]") {
  Moments m;
  CHECK(std::isnan(m.mean()));
  CHECK(std::isnan(m.sd()));
  CHECK(std::isnan(m.ci95().first));
  CHECK(std::isnan(m.ci95().second));

  m.add(2.0);
  CHECK(m.mean() == 2.0);
  CHECK(std::isnan(m.sd()));  // one value: no sample sd
  CHECK(std::isnan(m.ci95().first));

  for (const double x : {4.0, kNaN, 4.0, 4.0, 5.0, 5.0, kNaN, 7.0, 9.0}) m.add(x);
  CHECK(m.count() == 8);
  CHECK(m.missing() == 2);
  CHECK(m.mean() == Approx(5.0).epsilon(1e-15));
  CHECK(m.variance() == Approx(32.0 / 7.0).epsilon(1e-14));
  CHECK(m.sd() == Approx(std::sqrt(32.0 / 7.0)).epsilon(1e-14));
  CHECK(m.standard_error() == Approx(std::sqrt(32.0 / 7.0 / 8.0)).epsilon(1e-14));

  // t_{0.975, 7} = 2.364624251592785
  const auto [low, high] = m.ci95();
  const double half = 2.364624251592785 * std::sqrt(32.0 / 7.0) / std::sqrt(8.0);
  CHECK(low == Approx(5.0 - half).epsilon(1e-12));
  CHECK(high == Approx(5.0 + half).epsilon(1e-12));
  CHECK_THROWS_AS(m.ci(1.0), std::invalid_argument);
  CHECK_THROWS_AS(m.ci(0.0), std::invalid_argument);

  Moments only_nan;
  only_nan.add(kNaN);
  CHECK(only_nan.count() == 0);
  CHECK(only_nan.missing() == 1);
  CHECK(std::isnan(only_nan.mean()));
}

TEST_CASE("statistics: Welford's variance stays accurate around a large offset where sums of squares fail",
          "[statistics]") {
  // x_i = 1e9 + e_i with e_i ~ normal(0, 1). Since x_i is within a factor 2 of 1e9,
  // x_i - 1e9 is exact (Sterbenz), so the exact deviations give the reference.
  constexpr std::size_t n = 20000;
  constexpr double offset = 1e9;
  sim::Rng rng(20240601);
  std::vector<double> x(n);
  for (auto& v : x) v = offset + sim::normal(rng, 0.0, 1.0);

  std::vector<double> e(n);
  std::transform(x.begin(), x.end(), e.begin(), [](double v) { return v - offset; });
  const double e_mean = std::accumulate(e.begin(), e.end(), 0.0) / n;
  double ss = 0.0;
  for (const double v : e) ss += (v - e_mean) * (v - e_mean);
  const double reference_var = ss / (n - 1);
  const double reference_mean = offset + e_mean;

  Moments welford;
  for (const double v : x) welford.add(v);

  // Two-pass on the raw values.
  const double mean2 = std::accumulate(x.begin(), x.end(), 0.0) / n;
  double ss2 = 0.0;
  for (const double v : x) ss2 += (v - mean2) * (v - mean2);
  const double two_pass_var = ss2 / (n - 1);

  // Textbook one-pass: (sum x^2 - n mean^2) / (n - 1): catastrophic cancellation.
  double sum = 0.0;
  double sum_sq = 0.0;
  for (const double v : x) {
    sum += v;
    sum_sq += v * v;
  }
  const double naive_var = (sum_sq - sum * sum / n) / (n - 1);

  INFO("relative errors: welford " << welford.variance() / reference_var - 1.0 << " two-pass "
                                   << two_pass_var / reference_var - 1.0 << " textbook "
                                   << naive_var / reference_var - 1.0);
  // The running mean rounds to ulp(1e9) / 2 = 6e-8 at each of n updates: a random walk
  // of about sqrt(n) such steps. 1e-14 relative is 1e-5 here.
  CHECK(std::fabs(welford.mean() - reference_mean) < 1e-14 * offset);
  CHECK(std::fabs(welford.variance() / reference_var - 1.0) < 1e-6);
  CHECK(std::fabs(two_pass_var / reference_var - 1.0) < 1e-6);
  CHECK(std::fabs(welford.variance() - two_pass_var) < 1e-6 * reference_var);
  // The data are hard: the textbook formula is off by far more than the variance itself.
  CHECK(!(std::fabs(naive_var / reference_var - 1.0) < 0.5));
}

TEST_CASE("statistics: the 95 % t interval covers the true mean in about 95 % of samples of 20",
          "[statistics]") {
  constexpr int samples = 2000;
  constexpr double true_mean = 10.0;
  int covered = 0;
  for (int s = 0; s < samples; ++s) {
    sim::Rng rng = sim::Rng::for_stream(99, static_cast<std::uint64_t>(s), sim::stream_id("ci"));
    Moments m;
    for (int i = 0; i < 20; ++i) m.add(sim::normal(rng, true_mean, 3.0));
    const auto [low, high] = m.ci95();
    if (low <= true_mean && true_mean <= high) ++covered;
  }
  const double coverage = static_cast<double>(covered) / samples;
  INFO("coverage " << coverage);
  CHECK(coverage >= 0.935);  // 0.95 -/+ 3 standard errors (sqrt(0.95 * 0.05 / 2000) = 0.0049)
  CHECK(coverage <= 0.965);
}

// --- Student's t ---------------------------------------------------------------------

TEST_CASE("statistics: student_t_quantile matches the t table and closed forms", "[statistics]") {
  using analysis::student_t_quantile;
  using analysis::t_quantile_975;
  struct Row {
    double dof;
    double t975;
  };
  for (const Row row : {Row{1, 12.706}, Row{2, 4.303}, Row{3, 3.182}, Row{5, 2.571}, Row{10, 2.228},
                        Row{19, 2.093}, Row{30, 2.042}, Row{60, 2.000}, Row{199, 1.972},
                        Row{1e6, 1.960}, Row{kInf, 1.960}}) {
    INFO("dof " << row.dof);
    CHECK(std::fabs(t_quantile_975(row.dof) - row.t975) < 1e-3);
  }
  // Closed forms: dof 1 is Cauchy, tan(pi (p - 1/2)); dof 2 is (2p - 1) / sqrt(2 p (1 - p)).
  const double pi = std::acos(-1.0);
  for (const double p : {0.6, 0.9, 0.975, 0.995}) {
    CHECK(student_t_quantile(p, 1.0) == Approx(std::tan(pi * (p - 0.5))).epsilon(1e-12));
    CHECK(student_t_quantile(p, 2.0) ==
          Approx((2.0 * p - 1.0) / std::sqrt(2.0 * p * (1.0 - p))).epsilon(1e-12));
    CHECK(student_t_quantile(1.0 - p, 7.5) == Approx(-student_t_quantile(p, 7.5)).epsilon(1e-12));
  }
  CHECK(t_quantile_975(kInf) == Approx(1.959963984540054).epsilon(1e-14));
  CHECK(student_t_quantile(0.5, 4.0) == Approx(0.0).margin(1e-15));
  // Decreasing in dof towards the normal value.
  double previous = kInf;
  for (const double dof : {0.5, 1.0, 1.5, 2.0, 4.0, 8.0, 16.0, 100.0, 1e4, 1e8}) {
    const double t = t_quantile_975(dof);
    CHECK(t < previous);
    CHECK(t > 1.959963984540054 - 1e-12);
    previous = t;
  }
  CHECK_THROWS_AS(student_t_quantile(0.0, 5.0), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(1.0, 5.0), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(kNaN, 5.0), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(0.9, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(0.9, -1.0), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(0.9, kNaN), std::invalid_argument);
}

// --- StreamingQuantiles --------------------------------------------------------------

TEST_CASE("statistics: StreamingQuantiles is exact type 7 interpolation for up to exact_limit values",
          "[statistics]") {
  StreamingQuantiles empty;
  CHECK(std::isnan(empty.p10()));
  CHECK(std::isnan(empty.p50()));
  CHECK(std::isnan(empty.p90()));

  StreamingQuantiles two;
  two.add(3.0);
  CHECK(two.p10() == 3.0);
  CHECK(two.p50() == 3.0);
  CHECK(two.p90() == 3.0);
  two.add(kNaN);
  two.add(1.0);
  CHECK(two.count() == 2);
  CHECK(two.missing() == 1);
  CHECK(two.p10() == Approx(1.2).epsilon(1e-15));
  CHECK(two.p50() == 2.0);
  CHECK(two.p90() == Approx(2.8).epsilon(1e-15));

  // Every n up to the limit, against a sort-based reference, with ties.
  sim::Rng rng(7);
  std::vector<double> seen;
  StreamingQuantiles q;
  for (std::size_t n = 1; n <= StreamingQuantiles::exact_limit; ++n) {
    const double x = std::round(sim::normal(rng, 0.0, 10.0));  // rounding makes ties
    seen.push_back(x);
    q.add(x);
    REQUIRE(q.exact());
    for (std::size_t i = 0; i < 3; ++i) {
      INFO("n " << n << " p " << StreamingQuantiles::probabilities[i]);
      CHECK(q.quantile(i) == Approx(type7(seen, StreamingQuantiles::probabilities[i])).epsilon(1e-14));
    }
  }
  q.add(1.0);
  CHECK_FALSE(q.exact());
  CHECK(std::isnan(q.quantile(3)));
}

TEST_CASE("statistics: StreamingQuantiles is within a fraction of a percent in probability at 100000 draws",
          "[statistics]") {
  // Tolerance: the exact sample p-quantile of n draws has F(quantile) - p with standard
  // deviation sqrt(p (1 - p) / n) (0.00095 at p = 0.1, 0.0016 at p = 0.5); allow 4 of
  // those plus 0.001 for P² itself. P²'s own error, the distance in rank from the exact
  // sample quantile of the same draws, is checked separately against 0.002 (it is about
  // 0.0005 at most on these distributions).
  constexpr std::size_t n = 100000;
  std::uint64_t stream = 0;
  for (const Known& known : known_distributions()) {
    sim::Rng rng = sim::Rng::for_stream(2024, 0, ++stream);
    StreamingQuantiles q;
    std::vector<double> draws(n);
    for (auto& x : draws) {
      x = known.draw(rng);
      q.add(x);
    }
    std::sort(draws.begin(), draws.end());
    CHECK(q.count() == n);
    for (std::size_t i = 0; i < 3; ++i) {
      const double p = StreamingQuantiles::probabilities[i];
      const double estimate = q.quantile(i);
      const double tolerance = 4.0 * std::sqrt(p * (1.0 - p) / n) + 0.001;
      const double rank =
          static_cast<double>(std::upper_bound(draws.begin(), draws.end(), estimate) - draws.begin()) / n;
      INFO(known.name << " p " << p << " estimate " << estimate << " F " << known.cdf(estimate)
                      << " rank " << rank);
      CHECK(std::fabs(known.cdf(estimate) - p) < tolerance);
      CHECK(std::fabs(rank - p) < 0.002);
    }
  }
}

TEST_CASE("statistics: StreamingQuantiles stays within the data on sorted and constant inputs",
          "[statistics]") {
  constexpr int n = 20000;
  SECTION("constant input gives the constant") {
    StreamingQuantiles q;
    for (int i = 0; i < n; ++i) q.add(4.25);
    CHECK(q.p10() == 4.25);
    CHECK(q.p50() == 4.25);
    CHECK(q.p90() == 4.25);
  }
  SECTION("ascending and descending inputs give ordered estimates near the true ranks") {
    for (const bool ascending : {true, false}) {
      StreamingQuantiles q;
      for (int i = 0; i < n; ++i) q.add(ascending ? i : n - 1 - i);
      INFO((ascending ? "ascending" : "descending") << " " << q.p10() << " " << q.p50() << " "
                                                     << q.p90());
      CHECK(q.p10() <= q.p50());
      CHECK(q.p50() <= q.p90());
      CHECK(q.p10() >= 0.0);
      CHECK(q.p90() <= n - 1);
      // Sorted input is P²'s hardest case; the estimates still land near the true ranks.
      CHECK(std::fabs(q.p10() / n - 0.1) < 0.02);
      CHECK(std::fabs(q.p50() / n - 0.5) < 0.02);
      CHECK(std::fabs(q.p90() / n - 0.9) < 0.02);
    }
  }
}

TEST_CASE("statistics: quantile memory is bounded whatever the number of values", "[statistics]") {
  // The only heap buffer is the exact phase's, which never holds more than exact_limit
  // values and is freed at the switch to P²; everything else is fixed-size members.
  StreamingQuantiles q;
  sim::Rng rng(5);
  std::size_t largest = 0;
  for (std::size_t i = 1; i <= 1'000'000; ++i) {
    q.add(sim::uniform01(rng));
    if (i <= 2 * StreamingQuantiles::exact_limit) largest = std::max(largest, q.buffer_capacity());
  }
  CHECK(largest <= StreamingQuantiles::exact_limit);
  CHECK(q.buffer_capacity() == 0);
  CHECK(q.count() == 1'000'000);

  // A short study pays only for what it holds.
  StreamingQuantiles small;
  for (int i = 0; i < 5; ++i) small.add(i);
  CHECK(small.buffer_capacity() < StreamingQuantiles::exact_limit);
}

// --- Accumulator ---------------------------------------------------------------------

TEST_CASE("statistics: Accumulator summarises moments and quantiles with NaN counted once",
          "[statistics]") {
  Accumulator a;
  const analysis::Summary empty = a.summary();
  CHECK(empty.n == 0);
  CHECK(std::isnan(empty.mean));
  CHECK(std::isnan(empty.p50));

  for (const double x : {1.0, 2.0, kNaN, 3.0, 4.0, 5.0}) a.add(x);
  const analysis::Summary s = a.summary();
  CHECK(s.n == 5);
  CHECK(s.missing == 1);
  CHECK(a.quantiles().missing() == 0);
  CHECK(s.mean == 3.0);
  CHECK(s.sd == Approx(std::sqrt(2.5)).epsilon(1e-14));
  const double half = 2.7764451051977987 * std::sqrt(2.5) / std::sqrt(5.0);  // t_{0.975, 4}
  CHECK(s.ci_low == Approx(3.0 - half).epsilon(1e-12));
  CHECK(s.ci_high == Approx(3.0 + half).epsilon(1e-12));
  CHECK(s.p10 == Approx(1.4).epsilon(1e-15));
  CHECK(s.p50 == 3.0);
  CHECK(s.p90 == Approx(4.6).epsilon(1e-15));
}

// --- PairedDifference ----------------------------------------------------------------

TEST_CASE("statistics: PairedDifference reproduces a hand-computed paired comparison", "[statistics]") {
  // Differences other - baseline: 1, 0, 2, -1. Mean 0.5; squared deviations
  // 0.25 + 0.25 + 2.25 + 2.25 = 5, variance 5/3; t_{0.975, 3} = 3.182446305284263.
  const std::array<double, 4> baseline{1.0, 2.0, 3.0, 4.0};
  const std::array<double, 4> other{2.0, 2.0, 5.0, 3.0};
  PairedDifference higher(Direction::higher_is_better);
  PairedDifference lower(Direction::lower_is_better);
  for (std::size_t i = 0; i < 4; ++i) {
    higher.add(baseline[i], other[i]);
    lower.add(baseline[i], other[i]);
  }
  const analysis::PairedSummary s = higher.summary();
  const double half = 3.182446305284263 * std::sqrt(5.0 / 3.0) / 2.0;
  CHECK(s.mean_difference == 0.5);
  CHECK(s.sd_difference == Approx(std::sqrt(5.0 / 3.0)).epsilon(1e-14));
  CHECK(s.ci_low == Approx(0.5 - half).epsilon(1e-12));
  CHECK(s.ci_high == Approx(0.5 + half).epsilon(1e-12));
  CHECK(s.n == 4);
  CHECK(s.compared == 4);
  CHECK(s.missing == 0);
  // Higher is better: replications 1 and 3 better, 4 worse, 2 a tie (not better).
  CHECK(s.share_better == 0.5);
  CHECK(s.share_worse == 0.25);
  // Lower is better: only replication 4 better; the difference statistics do not change.
  CHECK(lower.share_better() == 0.25);
  CHECK(lower.share_worse() == 0.5);
  CHECK(bits(lower.summary().ci_low) == bits(s.ci_low));
}

TEST_CASE("statistics: PairedDifference treats NaN pairs as missing or as worst by its rule",
          "[statistics]") {
  // break_even_month: lower is better, NaN = never broke even.
  struct Pair {
    double baseline;
    double other;
  };
  const std::array<Pair, 6> pairs{{
      {10.0, 8.0},   // other better
      {10.0, 12.0},  // other worse
      {kNaN, 30.0},  // baseline never, other does: other better under NanRule::worst
      {20.0, kNaN},  // other never: worse under NanRule::worst
      {kNaN, kNaN},  // neither: a tie
      {15.0, 15.0},  // a tie
  }};
  PairedDifference as_missing(Direction::lower_is_better, NanRule::missing);
  PairedDifference as_worst(Direction::lower_is_better, NanRule::worst);
  for (const Pair& pair : pairs) {
    as_missing.add(pair.baseline, pair.other);
    as_worst.add(pair.baseline, pair.other);
  }
  // The differences are the same under both rules: -2, 2, 0 over three numeric pairs.
  for (const PairedDifference* d : {&as_missing, &as_worst}) {
    CHECK(d->difference().count() == 3);
    CHECK(d->difference().missing() == 3);
    CHECK(d->difference().mean() == 0.0);
  }
  CHECK(as_missing.compared() == 3);
  CHECK(as_missing.better() == 1);
  CHECK(as_missing.worse() == 1);
  CHECK(as_missing.share_better() == Approx(1.0 / 3.0).epsilon(1e-15));

  CHECK(as_worst.compared() == 6);
  CHECK(as_worst.better() == 2);
  CHECK(as_worst.worse() == 2);
  const analysis::PairedSummary s = as_worst.summary();
  CHECK(s.share_better == Approx(1.0 / 3.0).epsilon(1e-15));
  CHECK(s.share_worse == Approx(1.0 / 3.0).epsilon(1e-15));
  CHECK(s.n == 3);
  CHECK(s.compared == 6);
  CHECK(s.missing == 3);

  // Higher is better: NaN is still the worst value.
  PairedDifference up(Direction::higher_is_better, NanRule::worst);
  up.add(kNaN, -1e300);
  up.add(1e300, kNaN);
  CHECK(up.better() == 1);
  CHECK(up.worse() == 1);

  PairedDifference nothing(Direction::higher_is_better);
  nothing.add(kNaN, 1.0);
  CHECK(std::isnan(nothing.share_better()));
  CHECK(std::isnan(nothing.summary().mean_difference));
  CHECK(nothing.summary().missing == 1);
}

// --- SeriesAccumulator ---------------------------------------------------------------

TEST_CASE("statistics: SeriesAccumulator equals a Moments and StreamingQuantiles per cell bit for bit",
          "[statistics]") {
  constexpr std::size_t length = 37;  // not a multiple of any vector width
  constexpr int replications = 600;   // past exact_limit: both quantile phases
  SeriesAccumulator series(length);
  std::vector<Moments> moments(length);
  std::vector<StreamingQuantiles> quantiles(length);

  sim::Rng rng(31337);
  std::vector<double> values(length);
  for (int r = 0; r < replications; ++r) {
    for (std::size_t c = 0; c < length; ++c) {
      // Cells with different scales, offsets and NaN rates; cell 0 is always NaN.
      const double nan_rate = c == 0 ? 1.0 : 0.02 * static_cast<double>(c % 5);
      values[c] = sim::bernoulli(rng, nan_rate)
                      ? kNaN
                      : 1e6 * static_cast<double>(c % 3) + sim::lognormal(rng, 0.1 * static_cast<double>(c), 1.0);
      moments[c].add(values[c]);
      quantiles[c].add(values[c]);
    }
    series.add(values);
  }
  CHECK(series.replications() == replications);
  const Eigen::ArrayXd mean = series.mean();
  const Eigen::ArrayXd sd = series.sd();
  const std::vector<analysis::Summary> summaries = series.summaries();
  for (std::size_t c = 0; c < length; ++c) {
    INFO("cell " << c);
    const auto i = static_cast<Eigen::Index>(c);
    CHECK(series.count(c) == moments[c].count());
    CHECK(series.missing(c) == moments[c].missing());
    CHECK(bits(series.raw_mean()(i)) == bits(moments[c].raw_mean()));
    CHECK(bits(series.m2()(i)) == bits(moments[c].m2()));
    CHECK(bits(mean(i)) == bits(moments[c].mean()));
    CHECK(bits(sd(i)) == bits(moments[c].sd()));
    for (std::size_t q = 0; q < 3; ++q) {
      CHECK(bits(series.quantiles(c).quantile(q)) == bits(quantiles[c].quantile(q)));
    }
    const analysis::Summary& s = summaries[c];
    CHECK(bits(s.ci_low) == bits(moments[c].ci95().first));
    CHECK(bits(s.ci_high) == bits(moments[c].ci95().second));
    CHECK(s.n == moments[c].count());
    CHECK(s.missing == moments[c].missing());
  }
  CHECK(series.count(0) == 0);
  CHECK(std::isnan(summaries[0].mean));
  CHECK(std::isnan(summaries[0].p50));
  CHECK_THROWS_AS(series.add(std::vector<double>(length + 1, 1.0)), std::invalid_argument);
  CHECK(series.replications() == replications);
  CHECK_THROWS_AS(series.summary(length), std::out_of_range);
}

TEST_CASE("statistics: SeriesAccumulator reads one metric of a months x metrics table through a strided map",
          "[statistics]") {
  // The shape of a model run's monthly series: months rows of kMetrics values.
  constexpr std::size_t kMetrics = 7;
  constexpr std::size_t metric = 3;
  constexpr std::size_t months = 24;
  SeriesAccumulator strided(months);
  SeriesAccumulator copied(months);
  sim::Rng rng(11);
  for (int r = 0; r < 50; ++r) {
    std::vector<std::array<double, kMetrics>> table(months);
    for (auto& month : table) {
      for (auto& v : month) v = sim::normal(rng, 0.0, 1.0);
    }
    Eigen::Map<const Eigen::ArrayXd, 0, Eigen::InnerStride<>> column(
        &table[0][metric], static_cast<Eigen::Index>(months), Eigen::InnerStride<>(kMetrics));
    strided.add(column);
    std::vector<double> copy(months);
    for (std::size_t m = 0; m < months; ++m) copy[m] = table[m][metric];
    copied.add(copy);
  }
  CHECK((strided.raw_mean() == copied.raw_mean()).all());
  CHECK((strided.m2() == copied.m2()).all());
}

TEST_CASE("statistics: SeriesAccumulator summaries equal each cell's summary bit for bit", "[statistics]") {
  // Cells with different counts (NaN rates), so that the t quantile summaries() shares
  // between cells of equal count must be recomputed where the count changes.
  constexpr std::size_t length = 41;
  SeriesAccumulator series(length);
  sim::Rng rng(2024);
  std::vector<double> values(length);
  for (int r = 0; r < 150; ++r) {
    for (std::size_t c = 0; c < length; ++c) {
      const double nan_rate = c % 7 == 0 ? 0.3 : (c == 5 ? 1.0 : 0.0);
      values[c] = sim::bernoulli(rng, nan_rate) ? kNaN : sim::normal(rng, static_cast<double>(c), 2.0);
    }
    series.add(values);
  }
  const std::vector<analysis::Summary> all = series.summaries();
  REQUIRE(all.size() == length);
  for (std::size_t c = 0; c < length; ++c) {
    INFO("cell " << c);
    const analysis::Summary one = series.summary(c);
    CHECK(all[c].n == one.n);
    CHECK(all[c].missing == one.missing);
    for (const auto field : {&analysis::Summary::mean, &analysis::Summary::sd, &analysis::Summary::ci_low,
                             &analysis::Summary::ci_high, &analysis::Summary::p10, &analysis::Summary::p50,
                             &analysis::Summary::p90}) {
      CHECK(bits(all[c].*field) == bits(one.*field));
    }
  }
  CHECK(std::isnan(all[5].ci_low));  // a cell without values has no interval
}

namespace {

/// P² as the paper writes its first step (find the cell k of x by a search, then move
/// the markers above it): the reference for P2Quantile's branch-free form.
class ReferenceP2 {
 public:
  ReferenceP2(double p, const std::vector<double>& sorted) : p_(p) {
    const auto n = static_cast<double>(sorted.size());
    const std::array<double, 5> dn{0.0, p / 2.0, p, (1.0 + p) / 2.0, 1.0};
    n_[0] = 1.0;
    n_[4] = n;
    for (std::size_t i = 1; i < 4; ++i) {
      n_[i] = std::clamp(std::round(1.0 + (n - 1.0) * dn[i]), n_[i - 1] + 1.0, n - static_cast<double>(4 - i));
    }
    for (std::size_t i = 0; i < 5; ++i) q_[i] = sorted[static_cast<std::size_t>(n_[i]) - 1];
  }

  void add(double x) {
    auto& q = q_;
    auto& n = n_;
    std::size_t k = 0;
    if (x < q[0]) {
      q[0] = x;
    } else if (x >= q[4]) {
      q[4] = x;
      k = 3;
    } else {
      while (x >= q[k + 1]) ++k;
    }
    for (std::size_t i = k + 1; i < 5; ++i) n[i] += 1.0;
    const std::array<double, 5> dn{0.0, p_ / 2.0, p_, (1.0 + p_) / 2.0, 1.0};
    const double seen_minus_one = n[4] - 1.0;
    for (std::size_t i = 1; i < 4; ++i) {
      const double d = 1.0 + seen_minus_one * dn[i] - n[i];
      if ((d >= 1.0 && n[i + 1] - n[i] > 1.0) || (d <= -1.0 && n[i - 1] - n[i] < -1.0)) {
        const double s = d >= 0.0 ? 1.0 : -1.0;
        const double parabolic =
            q[i] + s / (n[i + 1] - n[i - 1]) *
                       ((n[i] - n[i - 1] + s) * (q[i + 1] - q[i]) / (n[i + 1] - n[i]) +
                        (n[i + 1] - n[i] - s) * (q[i] - q[i - 1]) / (n[i] - n[i - 1]));
        if (q[i - 1] < parabolic && parabolic < q[i + 1]) {
          q[i] = parabolic;
        } else {
          const std::size_t j = s > 0.0 ? i + 1 : i - 1;
          q[i] += s * (q[j] - q[i]) / (n[j] - n[i]);
        }
        n[i] += s;
      }
    }
  }

  [[nodiscard]] double estimate() const { return q_[2]; }
  [[nodiscard]] double count() const { return n_[4]; }

 private:
  double p_;
  std::array<double, 5> q_{};
  std::array<double, 5> n_{};
};

}  // namespace

TEST_CASE("statistics: P2Quantile gives the paper's estimates bit for bit on every kind of stream",
          "[statistics]") {
  sim::Rng rng(77);
  // Continuous draws, heavy ties (a few distinct values), runs of one value, sorted and
  // reverse-sorted streams, and extremes beyond every marker.
  const std::vector<std::function<double(std::size_t)>> streams{
      [&rng](std::size_t) { return sim::lognormal(rng, 0.0, 1.5); },
      [&rng](std::size_t) { return std::floor(4.0 * sim::uniform01(rng)); },
      [](std::size_t i) { return i % 50 < 25 ? 1.0 : 2.0; },
      [](std::size_t i) { return static_cast<double>(i); },
      [](std::size_t i) { return -static_cast<double>(i); },
      [&rng](std::size_t i) { return i % 97 == 0 ? 1e9 : sim::normal(rng, 0.0, 1.0); },
  };
  for (std::size_t s = 0; s < streams.size(); ++s) {
    for (const double p : {0.1, 0.5, 0.9}) {
      INFO("stream " << s << ", p " << p);
      std::vector<double> start;
      for (std::size_t i = 0; i < 16; ++i) start.push_back(streams[s](i));
      std::sort(start.begin(), start.end());
      analysis::P2Quantile estimator(p, start);
      ReferenceP2 reference(p, start);
      bool same = true;
      for (std::size_t i = 16; i < 20000 && same; ++i) {
        const double x = streams[s](i);
        estimator.add(x);
        reference.add(x);
        same = bits(estimator.estimate()) == bits(reference.estimate()) &&
               static_cast<double>(estimator.count()) == reference.count();
      }
      CHECK(same);
    }
  }
}

// --- Determinism ---------------------------------------------------------------------

TEST_CASE("statistics: the same values in the same order give identical bits", "[statistics]") {
  struct Outputs {
    analysis::Summary scalar;
    analysis::PairedSummary paired;
    std::vector<analysis::Summary> series;
  };
  const auto run = [] {
    sim::Rng rng(424242);
    Accumulator a;
    PairedDifference d(Direction::lower_is_better, NanRule::worst);
    SeriesAccumulator s(12);
    std::vector<double> row(12);
    for (int r = 0; r < 3000; ++r) {
      const double base = sim::bernoulli(rng, 0.05) ? kNaN : sim::gamma(rng, 2.0, 3.0);
      const double other = sim::bernoulli(rng, 0.05) ? kNaN : sim::gamma(rng, 2.0, 2.9);
      a.add(base);
      d.add(base, other);
      for (auto& v : row) v = sim::normal(rng, 1e6, 1.0);
      s.add(row);
    }
    return Outputs{a.summary(), d.summary(), s.summaries()};
  };
  const Outputs first = run();
  const Outputs second = run();
  const auto same = [](const analysis::Summary& x, const analysis::Summary& y) {
    return bits(x.mean) == bits(y.mean) && bits(x.sd) == bits(y.sd) &&
           bits(x.ci_low) == bits(y.ci_low) && bits(x.ci_high) == bits(y.ci_high) &&
           bits(x.p10) == bits(y.p10) && bits(x.p50) == bits(y.p50) &&
           bits(x.p90) == bits(y.p90) && x.n == y.n && x.missing == y.missing;
  };
  CHECK(same(first.scalar, second.scalar));
  CHECK(bits(first.paired.mean_difference) == bits(second.paired.mean_difference));
  CHECK(bits(first.paired.ci_low) == bits(second.paired.ci_low));
  CHECK(bits(first.paired.ci_high) == bits(second.paired.ci_high));
  CHECK(bits(first.paired.share_better) == bits(second.paired.share_better));
  CHECK(first.paired.compared == second.paired.compared);
  REQUIRE(first.series.size() == second.series.size());
  for (std::size_t i = 0; i < first.series.size(); ++i) CHECK(same(first.series[i], second.series[i]));
}
