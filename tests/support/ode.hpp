/// @file
/// @brief Classical fourth-order Runge-Kutta, the independent reference that the closed
///        forms of the model are checked against.
#pragma once

namespace aiscale_test {

/// Integrates dx/dt = f(x) from x over [0, t] in `steps` RK4 steps.
template <class F>
double rk4(F f, double x, double t, int steps) {
  const double h = t / steps;
  for (int i = 0; i < steps; ++i) {
    const double k1 = f(x);
    const double k2 = f(x + 0.5 * h * k1);
    const double k3 = f(x + 0.5 * h * k2);
    const double k4 = f(x + h * k3);
    x += h / 6.0 * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
  }
  return x;
}

}  // namespace aiscale_test
