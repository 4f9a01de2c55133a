/// @file
/// @brief The enterprise model's parameters: plain structs, one per mechanism, filled
///        from a scenario file and validated once (models/enterprise/scenario_io.hpp).
///
/// Every number of MODEL.md is a field here. Defaults live in one place: the bundled
/// default enterprise, scenarios/default.json, which every scenario extends (directly
/// or through another file). The structs carry no default values of their own: the
/// loader requires every field, so nothing is ever silently zero.
/// Units: time in months, money in dollars, rates per month unless the name says
/// otherwise.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace models::enterprise {

/// The roles people hold. A person is a server in the pool of their role.
enum class Role : std::uint8_t {
  data_scientist,
  data_engineer,
  ml_engineer,
  mlops_engineer,
  product_manager,
  governance,
};
inline constexpr std::size_t kRoleCount = 6;
inline constexpr std::array<Role, kRoleCount> kRoles = {
    Role::data_scientist, Role::data_engineer,    Role::ml_engineer,
    Role::mlops_engineer, Role::product_manager, Role::governance};

/// The JSON name of a role ("data_scientist", ...).
std::string_view role_name(Role role);

/// A value per role, indexed by Role.
template <class T>
struct PerRole {
  std::array<T, kRoleCount> values{};
  T& operator[](Role r) { return values[static_cast<std::size_t>(r)]; }
  const T& operator[](Role r) const { return values[static_cast<std::size_t>(r)]; }
  friend bool operator==(const PerRole&, const PerRole&) = default;
};

/// How AI people are organised (MODEL.md section 2).
enum class Structure : std::uint8_t { coe, federated, hybrid };
inline constexpr std::size_t kStructureCount = 3;
std::string_view structure_name(Structure structure);

/// The numbers that make one org structure: a policy over the one model.
struct StructurePolicy {
  double domain_fit;                  ///< phi: scales pilot value and adoption imitation
  double standardisation;             ///< s: scales new data debt down, reuse up
  double coordination_delay_months;   ///< added before each phase: hand-offs and reviews the structure imposes
  PerRole<bool> central;              ///< roles that sit in the central team (the rest are embedded in BUs)
  bool shared_backlog;                ///< one enterprise-wide backlog (true) or one per BU
  bool shared_platform;               ///< one platform built centrally (true) or one per BU
};

/// How effort draws are distributed around their mean.
enum class EffortDistribution : std::uint8_t { lognormal, exponential, gamma, deterministic };

/// Effort of one lifecycle phase, in person-months before multipliers.
struct Effort {
  double mean;                        ///< person-months
  double cv;                          ///< coefficient of variation (ignored by exponential, deterministic)
  EffortDistribution distribution;
};

/// A business unit: a vertex of the org graph (MODEL.md section 1).
struct BusinessUnit {
  std::string name;
  double users;                       ///< people whose work a use case here touches; sizes embedded teams
  double idea_rate;                   ///< AI ideas per month (Poisson)
  double value_scale;                 ///< median monthly value of a fully adopted use case, $
  double data_quality;                ///< q in [0, 1]
  double legacy_complexity;           ///< L in [0, 1]
  double regulatory_risk;             ///< r in [0, 1]
  double trust;                       ///< initial T in [0, 1]
  double data_debt;                   ///< initial D >= 0
};

/// An explicit edge of the org graph.
struct Edge {
  std::string from;
  std::string to;
  double weight;                      ///< collaboration intensity in (0, 1]
  bool shared_data;                   ///< the two BUs share data sources
};

enum class Topology : std::uint8_t { explicit_edges, ring, small_world, complete };

/// The org graph: explicit or generated from the replication's seed.
struct OrgGraph {
  Topology topology;
  double weight;                      ///< weight of generated edges
  double shared_data_probability;     ///< chance a generated edge shares data
  int small_world_neighbours;         ///< Watts-Strogatz k (even, >= 2)
  double small_world_rewiring;        ///< Watts-Strogatz beta in [0, 1]
  std::vector<Edge> edges;            ///< used when topology is explicit_edges
};

/// People: headcount, cost, hiring, attrition, substitution, experience (section 1, 3).
struct Workforce {
  PerRole<int> headcount;             ///< initial headcount, also the hiring target
  PerRole<double> monthly_cost;       ///< loaded cost per person-month, $
  double hiring_lead_months;          ///< mean time from opening a requisition to a start
  double attrition_per_month;         ///< monthly leaving hazard per person
  double substitution_penalty;        ///< productivity of a person working outside their role
  double progress_ratio;              ///< Wright's law: effort x this per doubling of deployments
  double forgetting_per_leaver;       ///< share of a leaver's part of the team's experience lost
};

/// The use-case lifecycle (section 3).
struct Lifecycle {
  Effort data_prep;                   ///< needs a data engineer
  Effort modeling;                    ///< needs a data scientist
  Effort pilot;                       ///< needs a product manager
  Effort deployment;                  ///< needs an ML engineer
  Effort governance_review;           ///< needs a governance person (high-risk only)
  Effort retraining;                  ///< needs a data scientist (an ML engineer stands in first)
  double value_sigma;                 ///< lognormal sigma of a use case's value around value_scale
  double high_risk_factor;            ///< P(high risk) = factor x BU regulatory_risk
  double portfolio_discipline;        ///< in [0, 1]: 0 = arrival order, 1 = best score only
  double wip_per_person;              ///< use cases in work (data prep .. deployment) per team member
  double backlog_expiry_months;       ///< ideas waiting longer are dropped
  double sponsor_support;             ///< sponsor factor of p_go, in [0, 1]
  double readiness_base;              ///< readiness with no platform, no MLOps, no legacy
  double readiness_platform;          ///< readiness gained at platform maturity 1
  double readiness_mlops;             ///< readiness gained with full MLOps staffing
  double readiness_legacy;            ///< readiness lost at legacy complexity 1
  double models_per_mlops;            ///< production models one MLOps engineer fully covers
  double mlops_team_minimum;          ///< MLOps engineers needed for full staffing however few the models
  double pilot_noise_sigma;           ///< lognormal noise of the measured pilot value
  double kill_value_ratio;            ///< kill when measured value < ratio x BU value_scale
  double purgatory_review_months;     ///< a held use case is re-decided this often
  double purgatory_limit_months;      ///< and killed after this long in purgatory
  double purgatory_go_factor;         ///< p_go at a review relative to the first decision (fading sponsorship)
  double reuse_rate;                  ///< copies per production model per month per unit w x s
  double reuse_effort_share;          ///< share of data prep and modelling a copy still needs
  double difficulty_effort_spread;    ///< effort x (1 - spread/2 + spread x d): 1 gives 0.5 + d, 0 ignores difficulty
};

/// Production models: drift, monitoring, retraining, value (section 4).
struct Production {
  double accuracy_initial;            ///< a0 after (re)training
  double accuracy_floor;              ///< a_min
  double drift_rate;                  ///< lambda0 per month
  double drift_debt_factor;           ///< k_drift: lambda = lambda0 (1 + k_drift D)
  double shock_rate;                  ///< concept-drift shocks per model per month
  double shock_drop_mean;             ///< mean accuracy drop of a shock (exponential)
  double monitoring_base;             ///< coverage with no MLOps and no platform
  double monitoring_platform;         ///< coverage gained at platform maturity 1
  double monitoring_mlops;            ///< coverage gained with full MLOps staffing
  double alert_drop;                  ///< monitored: detected once a falls this far below a0
  double alert_delay_months;          ///< and after this delay
  double complaint_drop;              ///< unmonitored: noticed by users at this drop
  double complaint_delay_months;      ///< after this delay
  double auto_retrain_threshold;      ///< platform maturity above which retraining is automated
  double auto_retrain_effort_share;   ///< effort share of an automated retraining
  double infrastructure_per_model;    ///< $ per production model per month
  double retire_value_ratio;          ///< retire when a month's value < ratio x upkeep
  double retire_min_age_months;       ///< value-based retirement only from this age on
  double end_of_life_months;          ///< mean life in production (exponential) of a fully maintained model
  double unmaintained_life_share;     ///< mean life of an unmaintained model, as a share of end_of_life_months
};

/// Bass adoption of each production model within its BU (section 5).
struct Adoption {
  double innovation_per_year;         ///< p0
  double imitation_per_year;          ///< q0
  double change_management_effect;    ///< k_cm: p = p0 (1 + k_cm x change-management intensity)
  double change_management_reference; ///< $ per month that counts as change-management intensity 1
};

/// Trust per BU (section 5).
struct Trust {
  double gain_per_success;            ///< alpha_plus, per model that reaches production and works
  double loss_per_user_drift;         ///< alpha_minus, per drift noticed by users
  double loss_per_incident;           ///< per governance incident in the BU
  double neighbour_incident_share;    ///< share of an incident's loss felt by neighbours (x w)
  double spillover_rate;              ///< sigma, per month
};

/// Data debt per BU (section 5).
struct DataDebt {
  double per_pipeline;                ///< debt added by a use case passing data prep (before s, governance)
  double data_governance;             ///< in [0, 1]: share of new debt prevented
  double paydown_share;               ///< share of data engineers' time on paydown
  double paydown_per_engineer_month;  ///< debt removed per engineer-month of paydown
  double prep_factor;                 ///< k_debt: data prep effort x (1 + k_debt D)
  double pilot_penalty;               ///< pilot value x 1 / (1 + penalty D)
  double spillover_rate;              ///< per month along shared-data edges (x w)
};

/// Platform maturity P (section 5).
struct Platform {
  double initial;                     ///< P at month 0
  double build_rate;                  ///< eta per platform person per month
  double deployment_effect;           ///< deployment effort x (1 - effect x P)
  double legacy_factor;               ///< k_legacy: deployment effort x (1 + k_legacy L)
  double infrastructure_per_month;    ///< $ per platform (x P) per month
};

/// Governance maturity G and incidents (section 5).
struct Governance {
  double initial;                     ///< G at month 0
  double build_rate;                  ///< per governance person per month, toward 1
  double incident_rate;               ///< rho per high-risk model-month at G = 0
  double incident_cost;               ///< $ per incident
  double freeze_probability;          ///< chance an incident freezes deployments in its BU
  double freeze_months;               ///< length of a freeze
};

/// Money (section 6).
struct Money {
  double change_management_per_month; ///< $ per month
  double discount_rate_per_year;      ///< for NPV
};

/// Mechanism switches: isolate one mechanism by turning others off.
struct Switches {
  bool drift;
  bool trust;
  bool hiring_attrition;
  bool learning;
  bool data_debt;
  bool incidents;
  bool reuse;
};

/// Models already in production at month 0: a real enterprise never starts from zero.
struct InitialModels {
  std::string business_unit;          ///< owning BU, by name
  int count;                          ///< models like this
  double age_months;                  ///< time in production before month 0
  double accuracy;                    ///< accuracy at month 0
  double adoption;                    ///< share of intended users at month 0
  bool monitored;                     ///< covered by drift monitoring
};

/// A change at a given month (section 8).
struct Intervention {
  enum class Kind : std::uint8_t {
    hire,                 ///< role, count: add (or, negative, cut) people and targets
    set_structure,        ///< structure
    set_change_management,///< amount, $ per month
    set_monitoring,       ///< amount: added monitoring coverage in [0, 1]
    set_auto_retraining,  ///< amount: new automated-retraining threshold
    start_platform,       ///< amount: platform people added to the build effort
    raise_governance,     ///< amount: governance maturity added
    set_portfolio_discipline, ///< amount
  };
  double month;
  Kind kind;
  Role role;              ///< for hire
  int count;              ///< for hire
  Structure structure;    ///< for set_structure
  double amount;          ///< for the others
};

/// A whole scenario: everything one simulation needs besides its seed.
struct Scenario {
  std::string name;
  std::string description;
  double horizon_months;
  double warmup_months;               ///< resource and stage statistics count from this month on, in [0, horizon)
  Structure structure;
  std::array<StructurePolicy, kStructureCount> policies;  ///< indexed by Structure
  std::vector<BusinessUnit> business_units;
  OrgGraph graph;
  Workforce workforce;
  Lifecycle lifecycle;
  Production production;
  Adoption adoption;
  Trust trust;
  DataDebt data_debt;
  Platform platform;
  Governance governance;
  Money money;
  Switches switches;
  std::vector<InitialModels> initial_models;
  std::vector<Intervention> interventions;

  const StructurePolicy& policy(Structure s) const { return policies[static_cast<std::size_t>(s)]; }
};

}  // namespace models::enterprise
