/// @file
/// @brief Governance (MODEL.md section 5): maturity G grows with governance people; each
///        high-risk production model has incidents at rate rho (1 - G) per month, each
///        costing money and trust (its BU's and, by weight, its neighbours') and, with
///        governance.freeze_probability, freezing the BU's deployments for freeze_months
///        (deployments already under way finish). The rules (Enterprise::
///        governance_incidents, deployment_frozen, on_freeze_ends,
///        update_governance_maturity) are in governance.cpp; high-risk use cases pass a
///        governance review before deployment (lifecycle.cpp).
#pragma once

#include "models/enterprise/params.hpp"

namespace models::enterprise {

/// Incidents per high-risk production model per month at governance maturity G in
/// [0, 1] (section 5): governance.incident_rate x (1 - G).
double incident_rate(const Governance& governance, double maturity);

}  // namespace models::enterprise
