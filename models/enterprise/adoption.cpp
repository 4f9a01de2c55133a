#include "models/enterprise/adoption.hpp"

#include <algorithm>
#include <cmath>

namespace models::enterprise {

double per_month(double per_year) { return per_year / 12.0; }

double bass_step(double adoption, double p, double q, double dt) {
  if (!(dt > 0.0) || adoption >= 1.0) return adoption;
  const double b = q * adoption + p;  // the hazard of adopting at the start
  if (!(b > 0.0)) return adoption;    // p == 0 and (q == 0 or nobody has adopted yet)
  const double k = p + q;
  const double e = std::exp(-k * dt);
  if (!(e > 0.0)) return 1.0;  // the exponential underflowed: fully adopted
  const double u = -std::expm1(-k * dt);
  const double gained = b * u * (1.0 - adoption) / (b * u + k * e);
  return std::clamp(adoption + gained, adoption, 1.0);
}

double bass_cumulative(double t, double p, double q) {
  if (!(t > 0.0) || !(p > 0.0)) return 0.0;
  const double k = p + q;
  const double u = -std::expm1(-k * t);
  const double e = std::exp(-k * t);
  return std::min(1.0, p * u / (p + q * e));
}

BassRates bass_rates(const Adoption& adoption, double change_management_per_month, double trust,
                     double domain_fit) {
  const double intensity = adoption.change_management_reference > 0.0
                               ? change_management_per_month / adoption.change_management_reference
                               : 0.0;
  const double p_year =
      adoption.innovation_per_year * (1.0 + adoption.change_management_effect * intensity);
  const double q_year = adoption.imitation_per_year * trust * domain_fit;
  return BassRates{per_month(p_year), per_month(q_year)};
}

}  // namespace models::enterprise
