#include "analysis/numerics/optimise.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace analysis {

namespace {

[[noreturn]] void throw_invalid(const std::string& what, double value) {
  std::ostringstream message;
  message << what << ", got " << value;
  throw std::invalid_argument(message.str());
}

/// The objective's value for ordering the simplex: NaN is worse than any number.
double rank_value(double f) noexcept {
  return std::isnan(f) ? std::numeric_limits<double>::infinity() : f;
}

/// Evaluation within the budget, remembering the best point seen.
class Evaluator {
 public:
  Evaluator(const Objective& objective, std::size_t budget, OptimiseResult& result)
      : objective_(objective), budget_(budget), result_(result) {}

  /// Evaluates at x (inside the box) into *f (ordering value); false, without calling
  /// the objective, when the budget is used up.
  bool operator()(const Eigen::VectorXd& x, double& f) {
    if (result_.evaluations >= budget_) return false;
    const double value = objective_(x);
    ++result_.evaluations;
    f = rank_value(value);
    if (result_.evaluations == 1 || f < best_) {
      best_ = f;
      result_.x = x;
      result_.f = value;
    }
    return true;
  }

 private:
  const Objective& objective_;
  std::size_t budget_;
  OptimiseResult& result_;
  double best_ = std::numeric_limits<double>::infinity();
};

/// The point reflected into [0, 1]^k coordinate-wise, as often as needed: the triangle
/// wave t = |x| mod 2, then 2 - t where t > 1 (so -0.2 -> 0.2, 1.3 -> 0.7, 2.5 -> 0.5).
/// Points inside are unchanged.
Eigen::VectorXd reflect_into_box(const Eigen::VectorXd& x) {
  Eigen::VectorXd y = x;
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    if (y(i) >= 0.0 && y(i) <= 1.0) continue;
    const double t = std::fmod(std::fabs(y(i)), 2.0);
    y(i) = t > 1.0 ? 2.0 - t : t;
  }
  return y;
}

/// Vertex i > 0 of a fresh simplex at x0: x0 moved by `step` along coordinate i - 1,
/// upwards unless that leaves the box.
Eigen::VectorXd simplex_vertex(const Eigen::VectorXd& x0, Eigen::Index coordinate, double step) {
  Eigen::VectorXd x = x0;
  x(coordinate) = x0(coordinate) + step <= 1.0 ? x0(coordinate) + step : x0(coordinate) - step;
  return x;
}

std::string describe(double spread, double size, const NelderMeadOptions& options) {
  std::ostringstream out;
  out << "f spread " << spread << " (tolerance " << options.f_tolerance << "), simplex size "
      << size << " (tolerance " << options.x_tolerance << ")";
  return out.str();
}

}  // namespace

const char* to_string(StopReason reason) noexcept {
  switch (reason) {
    case StopReason::converged: return "converged";
    case StopReason::max_evaluations: return "max_evaluations";
  }
  return "unknown";
}

OptimiseResult nelder_mead(const Objective& objective, const Eigen::VectorXd& start,
                           const NelderMeadOptions& options) {
  if (!objective) throw std::invalid_argument("nelder_mead: the objective is empty");
  if (start.size() == 0) throw std::invalid_argument("nelder_mead: the start has no coordinates");
  for (Eigen::Index i = 0; i < start.size(); ++i) {
    if (!(start(i) >= 0.0 && start(i) <= 1.0)) {
      throw_invalid("nelder_mead: start coordinate " + std::to_string(i) + " must be in [0, 1]",
                    start(i));
    }
  }
  if (!(options.initial_step > 0.0 && options.initial_step <= 0.5)) {
    throw_invalid("nelder_mead: initial_step must be in (0, 0.5]", options.initial_step);
  }
  const auto k = static_cast<std::size_t>(start.size());
  if (options.max_evaluations < k + 1) {
    throw_invalid("nelder_mead: max_evaluations must be at least k + 1 = " +
                      std::to_string(k + 1) + " (the initial simplex)",
                  static_cast<double>(options.max_evaluations));
  }
  if (!(options.f_tolerance >= 0.0 && std::isfinite(options.f_tolerance))) {
    throw_invalid("nelder_mead: f_tolerance must be >= 0 and finite", options.f_tolerance);
  }
  if (!(options.x_tolerance >= 0.0 && std::isfinite(options.x_tolerance))) {
    throw_invalid("nelder_mead: x_tolerance must be >= 0 and finite", options.x_tolerance);
  }

  // Gao & Han's adaptive coefficients for k >= 2 (the classic ones at k = 2), the
  // classic ones for k = 1.
  const auto n = static_cast<double>(k);
  const double alpha = 1.0;
  const double gamma = k >= 2 ? 1.0 + 2.0 / n : 2.0;
  const double rho = k >= 2 ? 0.75 - 1.0 / (2.0 * n) : 0.5;
  const double sigma = k >= 2 ? 1.0 - 1.0 / n : 0.5;

  OptimiseResult result;
  Evaluator evaluate(objective, options.max_evaluations, result);
  std::vector<Eigen::VectorXd> x(k + 1);
  std::vector<double> f(k + 1);
  std::vector<std::size_t> order(k + 1);

  auto finish = [&](StopReason reason, std::string message) {
    result.reason = reason;
    result.converged = reason == StopReason::converged;
    result.message = std::move(message);
    return result;
  };
  auto out_of_budget = [&](const std::string& state) {
    return finish(StopReason::max_evaluations,
                  "the evaluation budget of " + std::to_string(options.max_evaluations) +
                      " ran out" + (state.empty() ? "" : "; " + state));
  };

  // Vertices 1 .. k of a fresh simplex around x[0] (whose f is known).
  auto build_simplex = [&]() {
    for (std::size_t i = 1; i <= k; ++i) {
      x[i] = simplex_vertex(x[0], static_cast<Eigen::Index>(i - 1), options.initial_step);
      if (!evaluate(x[i], f[i])) return false;
    }
    return true;
  };

  x[0] = start;
  evaluate(x[0], f[0]);  // within budget: max_evaluations >= k + 1
  if (!build_simplex()) return out_of_budget("");

  bool restarted = false;      // a restart's search is under way
  double restart_value = 0.0;  // the best f when it began
  while (true) {
    // Order the vertices by f, ties keeping their order.
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return f[a] < f[b]; });
    {
      std::vector<Eigen::VectorXd> sorted_x(k + 1);
      std::vector<double> sorted_f(k + 1);
      for (std::size_t i = 0; i <= k; ++i) {
        sorted_x[i] = std::move(x[order[i]]);
        sorted_f[i] = f[order[i]];
      }
      x = std::move(sorted_x);
      f = std::move(sorted_f);
    }

    const double spread = f[k] - f[0];  // NaN when both are inf: not converged
    double size = 0.0;
    for (std::size_t i = 1; i <= k; ++i) size = std::max(size, (x[i] - x[0]).cwiseAbs().maxCoeff());
    const std::string state = describe(spread, size, options);
    if (spread <= options.f_tolerance && size <= options.x_tolerance) {
      const bool confirmed = restarted && restart_value - f[0] <= options.f_tolerance;
      if (!options.confirm_by_restart || confirmed) {
        return finish(StopReason::converged,
                      "converged: " + state + (restarted ? ", confirmed by a restart" : ""));
      }
      restarted = true;
      restart_value = f[0];
      ++result.restarts;
      if (!build_simplex()) return out_of_budget("a restart to confirm convergence was under way");
      continue;
    }

    ++result.iterations;
    Eigen::VectorXd centroid = x[0];
    for (std::size_t i = 1; i < k; ++i) centroid += x[i];
    centroid /= n;
    const Eigen::VectorXd away = centroid - x[k];  // from the worst vertex through the centroid

    Eigen::VectorXd reflected = reflect_into_box(centroid + alpha * away);
    double f_reflected = 0.0;
    if (!evaluate(reflected, f_reflected)) return out_of_budget(state);

    bool shrink = false;
    if (f_reflected < f[0]) {
      Eigen::VectorXd expanded = reflect_into_box(centroid + alpha * gamma * away);
      double f_expanded = 0.0;
      if (!evaluate(expanded, f_expanded)) return out_of_budget(state);
      if (f_expanded < f_reflected) {
        x[k] = std::move(expanded);
        f[k] = f_expanded;
      } else {
        x[k] = std::move(reflected);
        f[k] = f_reflected;
      }
    } else if (f_reflected < f[k - 1]) {
      x[k] = std::move(reflected);
      f[k] = f_reflected;
    } else if (f_reflected < f[k]) {
      Eigen::VectorXd contracted = reflect_into_box(centroid + alpha * rho * away);
      double f_contracted = 0.0;
      if (!evaluate(contracted, f_contracted)) return out_of_budget(state);
      if (f_contracted <= f_reflected) {
        x[k] = std::move(contracted);
        f[k] = f_contracted;
      } else {
        shrink = true;
      }
    } else {
      // Inside contraction: a convex combination of box points, so inside the box up
      // to rounding, which the reflection corrects.
      Eigen::VectorXd contracted = reflect_into_box(centroid - rho * away);
      double f_contracted = 0.0;
      if (!evaluate(contracted, f_contracted)) return out_of_budget(state);
      if (f_contracted < f[k]) {
        x[k] = std::move(contracted);
        f[k] = f_contracted;
      } else {
        shrink = true;
      }
    }
    if (shrink) {
      for (std::size_t i = 1; i <= k; ++i) {
        // Convex too: the reflection only ever corrects rounding.
        x[i] = reflect_into_box(x[0] + sigma * (x[i] - x[0]));
        if (!evaluate(x[i], f[i])) return out_of_budget(state);
      }
    }
  }
}

}  // namespace analysis
