#include "analysis/validation/closed_forms.hpp"

#include <cmath>
#include <stdexcept>

namespace analysis::validation {

double erlang_c(int c, double a) {
  if (c < 1 || !(a >= 0.0) || a >= c) throw std::invalid_argument("erlang_c: needs c >= 1 and 0 <= a < c");
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  return b / (1.0 - (a / c) * (1.0 - b));
}

double mmc_mean_wait(double lambda, double mu, int c) {
  return erlang_c(c, lambda / mu) / (c * mu - lambda);
}

double mmc_utilisation(double lambda, double mu, int c) { return lambda / (c * mu); }

double bass_fraction(double p, double q, double t) {
  const double e = std::exp(-(p + q) * t);
  return (1.0 - e) / (1.0 + (q / p) * e);
}

double exponential_decay(double a0, double a_min, double lambda, double t) {
  return a_min + (a0 - a_min) * std::exp(-lambda * t);
}

}  // namespace analysis::validation
