// Tests analysis/numerics/sensitivity.hpp: the Saltelli design's layout, Sobol' indices of the
// Ishigami and G functions against their analytic values (with the bootstrap intervals
// covering them), the estimators' invariances and exact zeros, Morris trajectories and
// elementary effects against values derived in closed form, reproducibility from the
// seed, and argument checks.
#include <catch2/catch.hpp>

#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/numerics/designs.hpp"
#include "analysis/numerics/sensitivity.hpp"

using analysis::BootstrapOptions;
using analysis::elementary_effects;
using analysis::morris_design;
using analysis::morris_effects;
using analysis::saltelli_design;
using analysis::sobol_indices;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kPi = std::acos(-1.0);

std::uint64_t bits(double x) { return std::bit_cast<std::uint64_t>(x); }

bool same_bits(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  if (a.size() != b.size()) return false;
  for (Eigen::Index i = 0; i < a.size(); ++i) {
    if (bits(a(i)) != bits(b(i))) return false;
  }
  return true;
}

/// The model at every row of a design.
Eigen::VectorXd run(const Eigen::MatrixXd& design,
                    const std::function<double(const Eigen::VectorXd&)>& model) {
  Eigen::VectorXd outputs(design.rows());
  for (Eigen::Index r = 0; r < design.rows(); ++r) outputs(r) = model(design.row(r).transpose());
  return outputs;
}

// --- Ishigami: f = sin u1 + a sin^2 u2 + b u3^4 sin u1, u_i = -pi + 2 pi x_i ----------------

constexpr double kIshigamiA = 7.0;
constexpr double kIshigamiB = 0.1;

double ishigami(const Eigen::VectorXd& x) {
  const double u1 = -kPi + 2.0 * kPi * x(0);
  const double u2 = -kPi + 2.0 * kPi * x(1);
  const double u3 = -kPi + 2.0 * kPi * x(2);
  const double s2 = std::sin(u2);
  return std::sin(u1) + kIshigamiA * s2 * s2 + kIshigamiB * std::pow(u3, 4) * std::sin(u1);
}

/// Analytic indices (Ishigami & Homma 1990; Sobol' & Levitan 1999): V = a^2/8 +
/// b pi^4/5 + b^2 pi^8/18 + 1/2, V1 = (1 + b pi^4/5)^2 / 2, V2 = a^2/8, V3 = 0,
/// V13 = b^2 pi^8 (1/18 - 1/50). S = (0.3139, 0.4424, 0), ST = (0.5576, 0.4424, 0.2437).
struct Analytic {
  std::vector<double> first;
  std::vector<double> total;
};
Analytic ishigami_analytic() {
  const double a = kIshigamiA;
  const double b = kIshigamiB;
  const double pi4 = std::pow(kPi, 4);
  const double pi8 = std::pow(kPi, 8);
  const double v = a * a / 8.0 + b * pi4 / 5.0 + b * b * pi8 / 18.0 + 0.5;
  const double v1 = 0.5 * (1.0 + b * pi4 / 5.0) * (1.0 + b * pi4 / 5.0);
  const double v2 = a * a / 8.0;
  const double v13 = b * b * pi8 * (1.0 / 18.0 - 1.0 / 50.0);
  return {{v1 / v, v2 / v, 0.0}, {(v1 + v13) / v, v2 / v, v13 / v}};
}

// --- Sobol's G function: prod (|4 x_i - 2| + a_i) / (1 + a_i) --------------------------------

const std::vector<double> kGa{0.0, 1.0, 4.5, 9.0, 99.0, 99.0, 99.0, 99.0};

/// The G function of the first kGa.size() coordinates; any further ones are ignored.
double g_function(const Eigen::VectorXd& x) {
  double product = 1.0;
  for (std::size_t i = 0; i < kGa.size(); ++i) {
    product *= (std::fabs(4.0 * x(static_cast<Eigen::Index>(i)) - 2.0) + kGa[i]) / (1.0 + kGa[i]);
  }
  return product;
}

/// V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1, S_i = V_i / V,
/// ST_i = V_i prod_{j != i} (1 + V_j) / V.
Analytic g_analytic() {
  std::vector<double> vi;
  double product = 1.0;
  for (const double a : kGa) {
    vi.push_back(1.0 / (3.0 * (1.0 + a) * (1.0 + a)));
    product *= 1.0 + vi.back();
  }
  const double v = product - 1.0;
  Analytic out;
  for (const double v_i : vi) {
    out.first.push_back(v_i / v);
    out.total.push_back(v_i * product / (1.0 + v_i) / v);
  }
  return out;
}

}  // namespace

// --- Saltelli design ---------------------------------------------------------------------------

TEST_CASE("sensitivity: Saltelli design rows are A then B then each AB_i per base row",
          "[sensitivity]") {
  constexpr std::size_t n = 16;
  constexpr std::size_t k = 3;
  const Eigen::MatrixXd design = saltelli_design(n, k);
  REQUIRE(design.rows() == static_cast<Eigen::Index>(n * (k + 2)));
  REQUIRE(design.cols() == static_cast<Eigen::Index>(k));
  const Eigen::MatrixXd points = analysis::sobol_points(n, 2 * k);  // skip 1, as the design
  const auto kk = static_cast<Eigen::Index>(k);
  for (Eigen::Index j = 0; j < static_cast<Eigen::Index>(n); ++j) {
    const Eigen::Index base = j * (kk + 2);
    const Eigen::RowVectorXd a = points.row(j).head(kk);
    const Eigen::RowVectorXd b = points.row(j).tail(kk);
    CHECK(design.row(base) == a);
    CHECK(design.row(base + 1) == b);
    for (Eigen::Index i = 0; i < kk; ++i) {
      Eigen::RowVectorXd ab = a;
      ab(i) = b(i);
      INFO("base row " << j << " AB_" << i);
      CHECK(design.row(base + 2 + i) == ab);
    }
  }
  // The first base row is Sobol' point 1, (0.5, ..., 0.5); skip = 0 starts at the origin.
  CHECK((design.row(0).array() == 0.5).all());
  CHECK((saltelli_design(4, k, 0).row(0).array() == 0.0).all());
  CHECK((design.array() > 0.0).all());
  CHECK((design.array() < 1.0).all());
}

// --- Sobol' indices ----------------------------------------------------------------------------

TEST_CASE("sensitivity: Sobol indices of the Ishigami function match the analytic values",
          "[sensitivity]") {
  constexpr std::size_t n = 4096;
  const Eigen::MatrixXd design = saltelli_design(n, 3);
  const Eigen::VectorXd outputs = run(design, ishigami);
  BootstrapOptions bootstrap;
  bootstrap.seed = 1;
  const auto indices = sobol_indices(outputs, 3, bootstrap);
  const Analytic exact = ishigami_analytic();
  CHECK(exact.first[0] == Approx(0.3139).margin(5e-5));
  CHECK(exact.total[2] == Approx(0.2437).margin(5e-5));

  CHECK(indices.base_samples == n);
  CHECK(indices.mean == Approx(3.5).margin(0.05));  // E f = a / 2
  CHECK(indices.variance == Approx(13.8446).margin(0.1));
  for (Eigen::Index i = 0; i < 3; ++i) {
    const auto u = static_cast<std::size_t>(i);
    INFO("factor " << i + 1 << ": S " << indices.first_order(i) << " in ["
                   << indices.first_order_low(i) << ", " << indices.first_order_high(i)
                   << "] vs " << exact.first[u] << "; ST " << indices.total_order(i) << " in ["
                   << indices.total_order_low(i) << ", " << indices.total_order_high(i) << "] vs "
                   << exact.total[u]);
    CHECK(std::fabs(indices.first_order(i) - exact.first[u]) < 0.02);
    CHECK(std::fabs(indices.total_order(i) - exact.total[u]) < 0.02);
    CHECK(indices.first_order_low(i) <= exact.first[u]);
    CHECK(exact.first[u] <= indices.first_order_high(i));
    CHECK(indices.total_order_low(i) <= exact.total[u]);
    CHECK(exact.total[u] <= indices.total_order_high(i));
    // The intervals are informative: a few hundredths wide, not a blanket [0, 1].
    CHECK(indices.first_order_high(i) - indices.first_order_low(i) < 0.1);
    CHECK(indices.total_order_high(i) - indices.total_order_low(i) < 0.1);
  }
}

TEST_CASE("sensitivity: Sobol indices of the G function match the analytic values and ranking",
          "[sensitivity]") {
  constexpr std::size_t n = 4096;
  constexpr std::size_t k = 8;
  const Eigen::VectorXd outputs = run(saltelli_design(n, k), g_function);
  BootstrapOptions bootstrap;
  bootstrap.seed = 2;
  const auto indices = sobol_indices(outputs, k, bootstrap);
  const Analytic exact = g_analytic();
  for (Eigen::Index i = 0; i < static_cast<Eigen::Index>(k); ++i) {
    const auto u = static_cast<std::size_t>(i);
    INFO("factor " << i + 1 << ": S " << indices.first_order(i) << " in ["
                   << indices.first_order_low(i) << ", " << indices.first_order_high(i)
                   << "] vs " << exact.first[u] << "; ST " << indices.total_order(i) << " in ["
                   << indices.total_order_low(i) << ", " << indices.total_order_high(i) << "] vs "
                   << exact.total[u]);
    CHECK(std::fabs(indices.first_order(i) - exact.first[u]) < 0.01);
    CHECK(std::fabs(indices.total_order(i) - exact.total[u]) < 0.01);
    CHECK(indices.first_order_low(i) <= exact.first[u]);
    CHECK(exact.first[u] <= indices.first_order_high(i));
    CHECK(indices.total_order_low(i) <= exact.total[u]);
    CHECK(exact.total[u] <= indices.total_order_high(i));
  }
  // The ranking: a = 0, 1, 4.5, 9 in decreasing order, each a = 99 factor below them all.
  for (Eigen::Index i = 0; i < 3; ++i) {
    CHECK(indices.first_order(i) > indices.first_order(i + 1));
    CHECK(indices.total_order(i) > indices.total_order(i + 1));
  }
  for (Eigen::Index i = 4; i < 8; ++i) {
    CHECK(indices.total_order(i) < indices.total_order(3));
    CHECK(indices.first_order(i) < indices.first_order(3));
  }
}

TEST_CASE("sensitivity: Sobol indices ignore offsets and scale and are exactly 0 for an unread factor",
          "[sensitivity]") {
  constexpr std::size_t n = 1024;
  // Four factors; the model reads the first three only.
  const Eigen::MatrixXd design = saltelli_design(n, 4);
  const Eigen::VectorXd outputs = run(design, ishigami);
  BootstrapOptions bootstrap;
  bootstrap.resamples = 200;
  const auto base = sobol_indices(outputs, 4, bootstrap);

  // A cost in the millions that varies by units: centring keeps S_i as it was (the
  // uncentred Saltelli 2010 form would have an error of order 1e6 / V here).
  const Eigen::VectorXd shifted = (outputs.array() + 1e6).matrix();
  const auto offset = sobol_indices(shifted, 4, bootstrap);
  const Eigen::VectorXd scaled = 3.0 * outputs;
  const auto times3 = sobol_indices(scaled, 4, bootstrap);
  for (Eigen::Index i = 0; i < 4; ++i) {
    CHECK(offset.first_order(i) == Approx(base.first_order(i)).margin(1e-6));
    CHECK(offset.total_order(i) == Approx(base.total_order(i)).margin(1e-6));
    CHECK(times3.first_order(i) == Approx(base.first_order(i)).margin(1e-12));
    CHECK(times3.total_order(i) == Approx(base.total_order(i)).margin(1e-12));
  }
  CHECK(offset.mean == Approx(1e6 + base.mean).epsilon(1e-12));
  CHECK(offset.variance == Approx(base.variance).epsilon(1e-6));

  // f(AB_4) == f(A) bit for bit, so every sum for factor 4 is exactly 0.
  CHECK(base.first_order(3) == 0.0);
  CHECK(base.total_order(3) == 0.0);
  CHECK(base.first_order_low(3) == 0.0);
  CHECK(base.first_order_high(3) == 0.0);
  CHECK(base.total_order_high(3) == 0.0);
}

TEST_CASE("sensitivity: a constant model has NaN Sobol indices", "[sensitivity]") {
  const Eigen::VectorXd outputs = Eigen::VectorXd::Constant(64 * 4, 2.5);
  const auto indices = sobol_indices(outputs, 2);
  CHECK(indices.variance == 0.0);
  CHECK(indices.mean == 2.5);
  CHECK(std::isnan(indices.first_order(0)));
  CHECK(std::isnan(indices.total_order(1)));
  CHECK(std::isnan(indices.first_order_low(0)));
  CHECK(std::isnan(indices.total_order_high(1)));

  // f_A and f_B all equal but some f_ABi not: V = 0 still means no index (not ST = inf).
  Eigen::VectorXd uneven = outputs;
  for (Eigen::Index j = 0; j < 64; ++j) uneven(j * 4 + 2) = static_cast<double>(j % 3);
  const auto degenerate = sobol_indices(uneven, 2);
  CHECK(degenerate.variance == 0.0);
  CHECK(std::isnan(degenerate.first_order(0)));
  CHECK(std::isnan(degenerate.total_order(0)));
  CHECK(std::isnan(degenerate.total_order_high(0)));
}

TEST_CASE("sensitivity: Sobol bootstrap intervals are reproducible from their seed", "[sensitivity]") {
  const Eigen::VectorXd outputs = run(saltelli_design(256, 3), ishigami);
  BootstrapOptions bootstrap;
  bootstrap.resamples = 300;
  bootstrap.seed = 11;
  const auto a = sobol_indices(outputs, 3, bootstrap);
  const auto b = sobol_indices(outputs, 3, bootstrap);
  CHECK(same_bits(a.first_order_low, b.first_order_low));
  CHECK(same_bits(a.first_order_high, b.first_order_high));
  CHECK(same_bits(a.total_order_low, b.total_order_low));
  CHECK(same_bits(a.total_order_high, b.total_order_high));

  bootstrap.seed = 12;
  const auto c = sobol_indices(outputs, 3, bootstrap);
  CHECK(same_bits(a.first_order, c.first_order));  // the point estimates take no draws
  CHECK(!same_bits(a.first_order_low, c.first_order_low));
  CHECK(!same_bits(a.total_order_high, c.total_order_high));

  bootstrap.resamples = 0;
  const auto none = sobol_indices(outputs, 3, bootstrap);
  CHECK(same_bits(a.total_order, none.total_order));
  CHECK(std::isnan(none.first_order_low(0)));
  CHECK(std::isnan(none.total_order_high(2)));

  // A wider level gives a wider interval from the same resamples.
  bootstrap.resamples = 300;
  bootstrap.seed = 11;
  bootstrap.level = 0.99;
  const auto wide = sobol_indices(outputs, 3, bootstrap);
  for (Eigen::Index i = 0; i < 3; ++i) {
    CHECK(wide.first_order_low(i) <= a.first_order_low(i));
    CHECK(wide.first_order_high(i) >= a.first_order_high(i));
  }
}

// --- Morris --------------------------------------------------------------------------------------

TEST_CASE("sensitivity: Morris trajectories move one factor by delta per step on the grid",
          "[sensitivity]") {
  for (const std::size_t p : {std::size_t{2}, std::size_t{4}, std::size_t{6}}) {
    constexpr std::size_t r = 30;
    constexpr std::size_t k = 5;
    const Eigen::MatrixXd design = morris_design(r, k, p, 99);
    REQUIRE(design.rows() == static_cast<Eigen::Index>(r * (k + 1)));
    REQUIRE(design.cols() == static_cast<Eigen::Index>(k));
    const double top = static_cast<double>(p - 1);
    const double delta = static_cast<double>(p) / (2.0 * top);
    std::vector<int> level_count(p, 0);
    for (Eigen::Index t = 0; t < static_cast<Eigen::Index>(r); ++t) {
      std::set<Eigen::Index> moved;
      for (Eigen::Index s = 0; s <= static_cast<Eigen::Index>(k); ++s) {
        const Eigen::Index row = t * static_cast<Eigen::Index>(k + 1) + s;
        for (Eigen::Index i = 0; i < design.cols(); ++i) {
          const double level = design(row, i) * top;
          REQUIRE(std::fabs(level - std::round(level)) < 1e-12);  // on the grid
          ++level_count[static_cast<std::size_t>(std::lround(level))];
        }
        if (s == 0) continue;
        Eigen::Index changed = -1;
        int changes = 0;
        for (Eigen::Index i = 0; i < design.cols(); ++i) {
          if (design(row, i) != design(row - 1, i)) {
            changed = i;
            ++changes;
          }
        }
        REQUIRE(changes == 1);
        CHECK(std::fabs(std::fabs(design(row, changed) - design(row - 1, changed)) - delta) < 1e-12);
        moved.insert(changed);
      }
      CHECK(moved.size() == k);  // each factor once
    }
    // Every level is equally likely: r (k + 1) k / p visits each (900 / p here, so 450,
    // 225, 150), within 5 standard deviations of a binomial.
    const double expected = static_cast<double>(r * (k + 1) * k) / static_cast<double>(p);
    for (std::size_t l = 0; l < p; ++l) {
      INFO("p " << p << " level " << l << " count " << level_count[l]);
      CHECK(std::fabs(level_count[l] - expected) < 5.0 * std::sqrt(expected));
    }
  }
  const Eigen::MatrixXd a = morris_design(20, 4, 4, 5);
  const Eigen::MatrixXd b = morris_design(20, 4, 4, 5);
  const Eigen::MatrixXd c = morris_design(20, 4, 4, 6);
  CHECK(a == b);
  CHECK(a != c);
}

TEST_CASE("sensitivity: elementary effects of a linear model are its coefficients", "[sensitivity]") {
  const std::vector<double> c{3.0, -2.0, 0.5, 0.0};
  const auto linear = [&](const Eigen::VectorXd& x) {
    double y = 1.0;
    for (std::size_t i = 0; i < c.size(); ++i) y += c[i] * x(static_cast<Eigen::Index>(i));
    return y;
  };
  const Eigen::MatrixXd design = morris_design(25, 4, 4, 3);
  const Eigen::MatrixXd effects = elementary_effects(design, run(design, linear));
  REQUIRE(effects.rows() == 25);
  REQUIRE(effects.cols() == 4);
  for (Eigen::Index t = 0; t < effects.rows(); ++t) {
    for (Eigen::Index i = 0; i < 4; ++i) {
      CHECK(effects(t, i) == Approx(c[static_cast<std::size_t>(i)]).margin(1e-12));
    }
  }
  const auto measures = morris_effects(design, run(design, linear));
  CHECK(measures.trajectories == 25);
  CHECK(measures.mu(1) == Approx(-2.0).margin(1e-12));
  CHECK(measures.mu_star(1) == Approx(2.0).margin(1e-12));
  CHECK(measures.sigma(0) == Approx(0.0).margin(1e-12));

  const auto single = morris_effects(morris_design(1, 4, 4, 3),
                                     run(morris_design(1, 4, 4, 3), linear));
  CHECK(std::isnan(single.sigma(0)));  // one trajectory: no sd
}

TEST_CASE("sensitivity: Morris mu* ranks the G function factors and is 0 for an unread factor",
          "[sensitivity]") {
  // Nine factors: the G function of the first eight, the ninth unread. On the p = 4
  // grid, |4x - 2| is 2 at levels 0 and 3 and 2/3 at levels 1 and 2, so every step of
  // factor i changes g_i by 4/3 / (1 + a_i) over delta = 2/3, and every other factor's
  // level is uniform on the grid and independent. Hence, in closed form,
  //   |EE_i| = 2 / (1 + a_i) prod_{j != i} g_j,
  //   mu*_i = 2 / (1 + a_i) prod_{j != i} (4/3 + a_j) / (1 + a_j),
  //   sigma_i^2 = E EE_i^2 = 4 / (1 + a_i)^2 prod_{j != i} ((2 + a_j)^2 + (2/3 + a_j)^2) / (2 (1 + a_j)^2),
  // and mu_i = 0 (steps up and down are equally likely and cancel).
  constexpr std::size_t r = 500;
  constexpr std::size_t k = 9;
  const Eigen::MatrixXd design = morris_design(r, k, 4, 2024);
  const Eigen::VectorXd outputs = run(design, g_function);
  BootstrapOptions bootstrap;
  bootstrap.seed = 3;
  const auto m = morris_effects(design, outputs, bootstrap);

  std::vector<double> mu_star_exact;
  std::vector<double> sigma_exact;
  for (std::size_t i = 0; i < kGa.size(); ++i) {
    double mean_product = 2.0 / (1.0 + kGa[i]);
    double square_product = 4.0 / ((1.0 + kGa[i]) * (1.0 + kGa[i]));
    for (std::size_t j = 0; j < kGa.size(); ++j) {
      if (j == i) continue;
      const double a = kGa[j];
      mean_product *= (4.0 / 3.0 + a) / (1.0 + a);
      square_product *= ((2.0 + a) * (2.0 + a) + (2.0 / 3.0 + a) * (2.0 / 3.0 + a)) /
                        (2.0 * (1.0 + a) * (1.0 + a));
    }
    mu_star_exact.push_back(mean_product);
    sigma_exact.push_back(std::sqrt(square_product));
  }
  const auto root_r = std::sqrt(static_cast<double>(r));
  for (Eigen::Index i = 0; i < 8; ++i) {
    const auto u = static_cast<std::size_t>(i);
    INFO("factor " << i + 1 << ": mu* " << m.mu_star(i) << " in [" << m.mu_star_low(i) << ", "
                   << m.mu_star_high(i) << "] vs " << mu_star_exact[u] << "; sigma "
                   << m.sigma(i) << " vs " << sigma_exact[u] << "; mu " << m.mu(i));
    // 10 % is 3.5 to 7 standard errors at r = 500; sigma's error is larger.
    CHECK(std::fabs(m.mu_star(i) / mu_star_exact[u] - 1.0) < 0.10);
    CHECK(std::fabs(m.sigma(i) / sigma_exact[u] - 1.0) < 0.15);
    CHECK(std::fabs(m.mu(i)) < 4.0 * m.sigma(i) / root_r);
    CHECK(m.mu_star_low(i) < m.mu_star(i));
    CHECK(m.mu_star(i) < m.mu_star_high(i));
  }
  // The ranking by mu*: a = 0 > 1 > 4.5 > 9 > each a = 99 > the unread factor.
  for (Eigen::Index i = 0; i < 3; ++i) CHECK(m.mu_star(i) > m.mu_star(i + 1));
  for (Eigen::Index i = 4; i < 8; ++i) {
    CHECK(m.mu_star(i) < m.mu_star(3));
    CHECK(m.mu_star(i) > 0.0);
  }
  CHECK(m.mu_star(8) == 0.0);
  CHECK(m.mu(8) == 0.0);
  CHECK(m.sigma(8) == 0.0);
  CHECK(m.mu_star_low(8) == 0.0);
  CHECK(m.mu_star_high(8) == 0.0);

  // The bootstrap is reproducible from its seed and changes with it.
  const auto again = morris_effects(design, outputs, bootstrap);
  CHECK(same_bits(m.mu_star_low, again.mu_star_low));
  CHECK(same_bits(m.mu_star_high, again.mu_star_high));
  bootstrap.seed = 4;
  const auto other = morris_effects(design, outputs, bootstrap);
  CHECK(same_bits(m.mu_star, other.mu_star));
  CHECK(!same_bits(m.mu_star_low, other.mu_star_low));
}

// --- Arguments -----------------------------------------------------------------------------------

TEST_CASE("sensitivity: bad arguments throw invalid_argument", "[sensitivity]") {
  CHECK_THROWS_AS(saltelli_design(1, 3), std::invalid_argument);
  CHECK_THROWS_AS(saltelli_design(8, 0), std::invalid_argument);
  CHECK_THROWS_AS(saltelli_design(8, 129), std::invalid_argument);
  CHECK(saltelli_design(2, 128).rows() == 2 * 130);
  CHECK_THROWS_AS(saltelli_design(8, 2, analysis::SobolSequence::max_points - 4),
                  std::invalid_argument);

  const Eigen::VectorXd outputs = Eigen::VectorXd::LinSpaced(20, 0.0, 1.0);  // N = 4, k = 3
  CHECK_NOTHROW(sobol_indices(outputs, 3));
  CHECK_THROWS_AS(sobol_indices(outputs, 0), std::invalid_argument);
  CHECK_THROWS_AS(sobol_indices(outputs, 4), std::invalid_argument);  // 20 is not 6 N
  CHECK_THROWS_AS(sobol_indices(outputs.head(5), 3), std::invalid_argument);  // N = 1
  Eigen::VectorXd with_nan = outputs;
  with_nan(7) = kNaN;
  try {
    sobol_indices(with_nan, 3);
    FAIL("expected an exception");
  } catch (const std::invalid_argument& e) {
    // Output 7 is base row 1's AB_0 (rows 5 .. 9: A, B, AB_0, AB_1, AB_2).
    CHECK(std::string(e.what()).find("base row 1, AB_0") != std::string::npos);
  }
  with_nan(7) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_AS(sobol_indices(with_nan, 3), std::invalid_argument);
  BootstrapOptions bad_level;
  bad_level.level = 1.0;
  CHECK_THROWS_AS(sobol_indices(outputs, 3, bad_level), std::invalid_argument);
  bad_level.level = kNaN;
  CHECK_THROWS_AS(sobol_indices(outputs, 3, bad_level), std::invalid_argument);

  CHECK_THROWS_AS(morris_design(0, 3, 4, 1), std::invalid_argument);
  CHECK_THROWS_AS(morris_design(5, 0, 4, 1), std::invalid_argument);
  CHECK_THROWS_AS(morris_design(5, 3, 3, 1), std::invalid_argument);
  CHECK_THROWS_AS(morris_design(5, 3, 0, 1), std::invalid_argument);

  const Eigen::MatrixXd design = morris_design(3, 2, 4, 1);  // 9 rows
  const Eigen::VectorXd y = Eigen::VectorXd::LinSpaced(9, 0.0, 8.0);
  CHECK_NOTHROW(elementary_effects(design, y));
  CHECK_THROWS_AS(elementary_effects(design, y.head(8)), std::invalid_argument);
  CHECK_THROWS_AS(elementary_effects(design.topRows(8), y.head(8)), std::invalid_argument);
  CHECK_THROWS_AS(elementary_effects(Eigen::MatrixXd(0, 0), Eigen::VectorXd(0)),
                  std::invalid_argument);
  Eigen::MatrixXd two_changes = design;
  two_changes.row(1) = (design.row(0).array() + 0.1).matrix();  // both factors moved
  CHECK_THROWS_AS(elementary_effects(two_changes, y), std::invalid_argument);
  Eigen::MatrixXd no_change = design;
  no_change.row(1) = no_change.row(0);
  CHECK_THROWS_AS(elementary_effects(no_change, y), std::invalid_argument);
  Eigen::MatrixXd twice = design;  // step 2 moves the factor step 1 moved, back again
  twice.row(2) = twice.row(0);
  try {
    elementary_effects(twice, y);
    FAIL("expected an exception");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).find("twice") != std::string::npos);
  }
  Eigen::VectorXd y_nan = y;
  y_nan(4) = kNaN;
  CHECK_THROWS_AS(elementary_effects(design, y_nan), std::invalid_argument);
  Eigen::MatrixXd design_nan = design;
  design_nan(4, 1) = kNaN;
  CHECK_THROWS_AS(elementary_effects(design_nan, y), std::invalid_argument);
  CHECK_THROWS_AS(morris_effects(design, y, bad_level), std::invalid_argument);
}
