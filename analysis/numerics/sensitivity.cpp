#include "analysis/numerics/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "analysis/numerics/designs.hpp"
#include "analysis/numerics/statistics.hpp"
#include "sim/distributions.hpp"
#include "sim/random.hpp"

namespace analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void throw_invalid(const std::string& what, double value) {
  throw std::invalid_argument(what + ", got " + std::to_string(value));
}

void check_level(const char* function, double level) {
  if (!(level > 0.0 && level < 1.0)) {
    throw_invalid(std::string(function) + ": bootstrap level must be in (0, 1)", level);
  }
}

/// Type-7 quantile of sorted, non-empty values (as StreamingQuantiles' exact phase).
double type7(const std::vector<double>& sorted, double p) {
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const double floor_h = std::floor(h);
  const auto lo = static_cast<std::size_t>(floor_h);
  const double fraction = h - floor_h;
  if (fraction == 0.0 || lo + 1 >= sorted.size()) return sorted[lo];
  return sorted[lo] + fraction * (sorted[lo + 1] - sorted[lo]);
}

/// Percentile interval at `level` from bootstrap estimates (resamples x factors, one
/// column per factor), NaN estimates left out; {NaN, NaN} where fewer than two remain.
void percentile_intervals(const Eigen::MatrixXd& estimates, double level, Eigen::VectorXd& low,
                          Eigen::VectorXd& high) {
  low = Eigen::VectorXd::Constant(estimates.cols(), kNaN);
  high = Eigen::VectorXd::Constant(estimates.cols(), kNaN);
  std::vector<double> column;
  column.reserve(static_cast<std::size_t>(estimates.rows()));
  for (Eigen::Index i = 0; i < estimates.cols(); ++i) {
    column.clear();
    for (Eigen::Index b = 0; b < estimates.rows(); ++b) {
      if (!std::isnan(estimates(b, i))) column.push_back(estimates(b, i));
    }
    if (column.size() < 2) continue;
    std::sort(column.begin(), column.end());
    low(i) = type7(column, 0.5 * (1.0 - level));
    high(i) = type7(column, 0.5 * (1.0 + level));
  }
}

/// A uniform permutation of 0 .. n-1 by Fisher-Yates (n >= 1), as latin_hypercube draws it.
void shuffle(std::vector<std::size_t>& values, sim::Rng& rng) {
  std::iota(values.begin(), values.end(), std::size_t{0});
  for (std::size_t i = values.size() - 1; i > 0; --i) {
    std::swap(values[i], values[sim::uniform_int(rng, i + 1)]);
  }
}

// --- Sobol' estimators ---------------------------------------------------------------------

/// S_i and ST_i (written to row `out` of first and total) from the base rows `rows`
/// (indices into 0 .. N-1, repeats allowed) of Saltelli-ordered outputs y; returns V.
double sobol_estimate(const double* y, std::size_t k, std::span<const std::size_t> rows,
                      Eigen::MatrixXd& first, Eigen::MatrixXd& total, Eigen::Index out,
                      double* mean_out = nullptr) {
  const std::size_t stride = k + 2;
  const auto n = static_cast<double>(rows.size());

  double sum = 0.0;
  for (const std::size_t j : rows) sum += y[j * stride] + y[j * stride + 1];
  const double mean = sum / (2.0 * n);

  double squares = 0.0;
  for (const std::size_t j : rows) {
    const double a = y[j * stride] - mean;
    const double b = y[j * stride + 1] - mean;
    squares += a * a + b * b;
  }
  const double variance = squares / (2.0 * n);

  for (std::size_t i = 0; i < k; ++i) {
    double first_sum = 0.0;
    double total_sum = 0.0;
    for (const std::size_t j : rows) {
      const double* row = y + j * stride;
      const double a = row[0];
      const double difference = row[2 + i] - a;
      first_sum += (row[1] - mean) * difference;
      total_sum += difference * difference;
    }
    const auto col = static_cast<Eigen::Index>(i);
    // V == 0: f_A and f_B are all equal, and the indices do not exist (NaN), even where
    // some f_ABi differs (which would give ST_i = x / 0 = inf).
    first(out, col) = variance > 0.0 ? first_sum / n / variance : kNaN;
    total(out, col) = variance > 0.0 ? total_sum / (2.0 * n) / variance : kNaN;
  }
  if (mean_out != nullptr) *mean_out = mean;
  return variance;
}

}  // namespace

Eigen::MatrixXd saltelli_design(std::size_t base_samples, std::size_t factors, std::uint64_t skip) {
  if (base_samples < 2) {
    throw_invalid("saltelli_design: base_samples must be >= 2", static_cast<double>(base_samples));
  }
  if (factors == 0 || factors > SobolSequence::max_dimensions / 2) {
    throw_invalid("saltelli_design: factors must be in 1 .. " +
                      std::to_string(SobolSequence::max_dimensions / 2) +
                      " (A and B take 2 x factors Sobol' dimensions)",
                  static_cast<double>(factors));
  }
  if (skip >= SobolSequence::max_points || base_samples > SobolSequence::max_points - skip) {
    throw_invalid("saltelli_design: skip + base_samples must be at most 2^32 (the Sobol' "
                  "points there are), skip " + std::to_string(skip) + ", base_samples",
                  static_cast<double>(base_samples));
  }
  const auto k = static_cast<Eigen::Index>(factors);
  const Eigen::MatrixXd points = sobol_points(base_samples, 2 * factors, skip);

  const Eigen::Index stride = k + 2;
  Eigen::MatrixXd design(points.rows() * stride, k);
  for (Eigen::Index j = 0; j < points.rows(); ++j) {
    const auto a = points.row(j).head(k);
    const auto b = points.row(j).tail(k);
    design.row(j * stride) = a;
    design.row(j * stride + 1) = b;
    for (Eigen::Index i = 0; i < k; ++i) {
      design.row(j * stride + 2 + i) = a;
      design(j * stride + 2 + i, i) = b(i);
    }
  }
  return design;
}

SobolIndices sobol_indices(const Eigen::Ref<const Eigen::VectorXd>& outputs, std::size_t factors,
                           const BootstrapOptions& bootstrap) {
  if (factors == 0) throw std::invalid_argument("sobol_indices: factors must be >= 1, got 0");
  check_level("sobol_indices", bootstrap.level);
  const std::size_t stride = factors + 2;
  const auto count = static_cast<std::size_t>(outputs.size());
  if (count % stride != 0 || count / stride < 2) {
    throw std::invalid_argument(
        "sobol_indices: expected N (factors + 2) outputs with N >= 2 base rows, factors + 2 = " +
        std::to_string(stride) + ", got " + std::to_string(count) + " outputs");
  }
  for (std::size_t r = 0; r < count; ++r) {
    const double y = outputs(static_cast<Eigen::Index>(r));
    if (!std::isfinite(y)) {
      const std::size_t block = r % stride;
      const std::string role = block == 0   ? "A"
                               : block == 1 ? "B"
                                            : "AB_" + std::to_string(block - 2);
      throw_invalid("sobol_indices: output " + std::to_string(r) + " (base row " +
                        std::to_string(r / stride) + ", " + role + ") is not finite",
                    y);
    }
  }

  // A contiguous copy, so that the estimator reads plain memory whatever the Ref's layout.
  const Eigen::VectorXd y = outputs;
  const std::size_t n = count / stride;
  const auto k = static_cast<Eigen::Index>(factors);

  SobolIndices result;
  result.base_samples = n;
  Eigen::MatrixXd first(1, k);
  Eigen::MatrixXd total(1, k);
  std::vector<std::size_t> rows(n);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  result.variance = sobol_estimate(y.data(), factors, rows, first, total, 0, &result.mean);
  result.first_order = first.row(0).transpose();
  result.total_order = total.row(0).transpose();

  const auto resamples = static_cast<Eigen::Index>(bootstrap.resamples);
  Eigen::MatrixXd first_boot(resamples, k);
  Eigen::MatrixXd total_boot(resamples, k);
  sim::Rng rng =
      sim::Rng::for_stream(bootstrap.seed, 0, sim::stream_id("analysis/sobol_bootstrap"));
  for (Eigen::Index b = 0; b < resamples; ++b) {
    for (std::size_t& row : rows) row = sim::uniform_int(rng, n);
    sobol_estimate(y.data(), factors, rows, first_boot, total_boot, b);
  }
  percentile_intervals(first_boot, bootstrap.level, result.first_order_low,
                       result.first_order_high);
  percentile_intervals(total_boot, bootstrap.level, result.total_order_low,
                       result.total_order_high);
  return result;
}

// --- Morris --------------------------------------------------------------------------------

Eigen::MatrixXd morris_design(std::size_t trajectories, std::size_t factors, std::size_t levels,
                              std::uint64_t seed) {
  if (trajectories == 0) {
    throw std::invalid_argument("morris_design: trajectories must be >= 1, got 0");
  }
  if (factors == 0) throw std::invalid_argument("morris_design: factors must be >= 1, got 0");
  if (levels < 2 || levels % 2 != 0) {
    throw_invalid("morris_design: levels must be even and >= 2", static_cast<double>(levels));
  }
  const auto max_rows = static_cast<std::size_t>(std::numeric_limits<Eigen::Index>::max());
  if (trajectories > max_rows / (factors + 1) / factors) {
    throw_invalid("morris_design: too many trajectories for " + std::to_string(factors) +
                      " factors",
                  static_cast<double>(trajectories));
  }

  const std::size_t half = levels / 2;  // delta in grid steps
  const auto top = static_cast<double>(levels - 1);
  sim::Rng rng = sim::Rng::for_stream(seed, 0, sim::stream_id("analysis/morris_design"));
  const auto k = static_cast<Eigen::Index>(factors);
  Eigen::MatrixXd design(static_cast<Eigen::Index>(trajectories) * (k + 1), k);
  std::vector<std::size_t> order(factors);
  std::vector<std::size_t> start(factors);
  std::vector<std::size_t> end(factors);
  for (std::size_t t = 0; t < trajectories; ++t) {
    shuffle(order, rng);
    for (std::size_t j = 0; j < factors; ++j) {
      const std::size_t lower = sim::uniform_int(rng, half);
      const bool up = sim::uniform_int(rng, 2) == 0;
      start[j] = up ? lower : lower + half;
      end[j] = up ? lower + half : lower;
    }
    const Eigen::Index first = static_cast<Eigen::Index>(t) * (k + 1);
    for (Eigen::Index j = 0; j < k; ++j) {
      design(first, j) = static_cast<double>(start[static_cast<std::size_t>(j)]) / top;
    }
    for (Eigen::Index s = 1; s <= k; ++s) {
      design.row(first + s) = design.row(first + s - 1);
      const std::size_t moved = order[static_cast<std::size_t>(s - 1)];
      design(first + s, static_cast<Eigen::Index>(moved)) = static_cast<double>(end[moved]) / top;
    }
  }
  return design;
}

Eigen::MatrixXd elementary_effects(const Eigen::Ref<const Eigen::MatrixXd>& design,
                                   const Eigen::Ref<const Eigen::VectorXd>& outputs) {
  const Eigen::Index k = design.cols();
  if (k == 0) throw std::invalid_argument("elementary_effects: the design has no factors");
  if (design.rows() == 0 || design.rows() % (k + 1) != 0) {
    throw std::invalid_argument("elementary_effects: a design of " + std::to_string(k) +
                                " factors needs a positive multiple of " +
                                std::to_string(k + 1) + " rows, got " +
                                std::to_string(design.rows()));
  }
  if (outputs.size() != design.rows()) {
    throw std::invalid_argument("elementary_effects: expected one output per design row (" +
                                std::to_string(design.rows()) + "), got " +
                                std::to_string(outputs.size()));
  }
  if (!design.allFinite()) {
    throw std::invalid_argument("elementary_effects: the design has a non-finite entry");
  }
  for (Eigen::Index r = 0; r < outputs.size(); ++r) {
    if (!std::isfinite(outputs(r))) {
      throw_invalid("elementary_effects: output " + std::to_string(r) + " is not finite",
                    outputs(r));
    }
  }

  const Eigen::Index trajectories = design.rows() / (k + 1);
  Eigen::MatrixXd effects(trajectories, k);
  std::vector<bool> seen(static_cast<std::size_t>(k));
  for (Eigen::Index t = 0; t < trajectories; ++t) {
    std::fill(seen.begin(), seen.end(), false);
    for (Eigen::Index s = 1; s <= k; ++s) {
      const Eigen::Index before = t * (k + 1) + s - 1;
      const Eigen::Index after = before + 1;
      Eigen::Index changed = -1;
      for (Eigen::Index i = 0; i < k; ++i) {
        if (design(after, i) == design(before, i)) continue;
        if (changed >= 0) {
          throw std::invalid_argument("elementary_effects: trajectory " + std::to_string(t) +
                                      ", step " + std::to_string(s) +
                                      " changes more than one factor (" +
                                      std::to_string(changed) + " and " + std::to_string(i) +
                                      ")");
        }
        changed = i;
      }
      if (changed < 0) {
        throw std::invalid_argument("elementary_effects: trajectory " + std::to_string(t) +
                                    ", step " + std::to_string(s) + " changes no factor");
      }
      const auto index = static_cast<std::size_t>(changed);
      if (seen[index]) {
        throw std::invalid_argument("elementary_effects: trajectory " + std::to_string(t) +
                                    " changes factor " + std::to_string(changed) + " twice");
      }
      seen[index] = true;
      effects(t, changed) =
          (outputs(after) - outputs(before)) / (design(after, changed) - design(before, changed));
    }
  }
  return effects;
}

MorrisEffects morris_effects(const Eigen::Ref<const Eigen::MatrixXd>& design,
                             const Eigen::Ref<const Eigen::VectorXd>& outputs,
                             const BootstrapOptions& bootstrap) {
  check_level("morris_effects", bootstrap.level);
  const Eigen::MatrixXd effects = elementary_effects(design, outputs);
  const Eigen::Index r = effects.rows();
  const Eigen::Index k = effects.cols();

  MorrisEffects result;
  result.trajectories = static_cast<std::size_t>(r);
  result.mu.resize(k);
  result.mu_star.resize(k);
  result.sigma.resize(k);
  for (Eigen::Index i = 0; i < k; ++i) {
    Moments signed_effects;
    Moments absolute_effects;
    for (Eigen::Index t = 0; t < r; ++t) {
      signed_effects.add(effects(t, i));
      absolute_effects.add(std::abs(effects(t, i)));
    }
    result.mu(i) = signed_effects.mean();
    result.mu_star(i) = absolute_effects.mean();
    result.sigma(i) = signed_effects.sd();  // NaN when r == 1
  }

  const auto resamples = static_cast<Eigen::Index>(bootstrap.resamples);
  const Eigen::MatrixXd absolute = effects.cwiseAbs();
  Eigen::MatrixXd mu_star_boot = Eigen::MatrixXd::Zero(resamples, k);
  sim::Rng rng =
      sim::Rng::for_stream(bootstrap.seed, 0, sim::stream_id("analysis/morris_bootstrap"));
  for (Eigen::Index b = 0; b < resamples; ++b) {
    for (Eigen::Index draw = 0; draw < r; ++draw) {
      const auto t = static_cast<Eigen::Index>(sim::uniform_int(rng, static_cast<std::uint64_t>(r)));
      mu_star_boot.row(b) += absolute.row(t);
    }
  }
  mu_star_boot /= static_cast<double>(r);
  percentile_intervals(mu_star_boot, bootstrap.level, result.mu_star_low, result.mu_star_high);
  return result;
}

}  // namespace analysis
