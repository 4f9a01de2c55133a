// Scenario files: the enterprise's field tables and the relations between values.
//
// The generic machinery (shapes, codecs, checks, did-you-mean, JSON Schema and Markdown
// generation, file loading with extends) is models/spec/. This file holds:
//   1. Codecs for the enterprise's own types (per role, per structure, sets of roles).
//   2. The field tables: every key of a scenario, in one place.
//   3. Relation checks: what shapes cannot express (unique names, edges, months).
//   4. The scenario format: loading, binding checked JSON to C++, schema and docs table.
#include "models/enterprise/scenario_io.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/spec/check.hpp"
#include "models/spec/codec.hpp"
#include "models/spec/did_you_mean.hpp"
#include "models/spec/extends.hpp"
#include "models/spec/markdown.hpp"
#include "models/spec/schema.hpp"
#include "models/spec/shape.hpp"
#include "models/spec/text.hpp"

namespace models::enterprise {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using namespace spec;

// ---------------------------------------------------------------------------------------
// 1. Codecs for the enterprise's own types
// ---------------------------------------------------------------------------------------
std::vector<std::string> role_names() {
  std::vector<std::string> names;
  for (const Role r : kRoles) names.emplace_back(role_name(r));
  return names;
}

std::vector<std::string> structure_names() {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < kStructureCount; ++i) {
    names.emplace_back(structure_name(static_cast<Structure>(i)));
  }
  return names;
}

/// Plural of each role for descriptions, indexed by Role.
const std::array<std::string, kRoleCount> kRolePeople = {"data scientists",  "data engineers",
                                                         "ML engineers",     "MLOps engineers",
                                                         "product managers", "governance people"};

/// `description` with "{role}" replaced by the role's people.
std::string for_role(const std::string& description, Role role) {
  std::string out = description;
  const auto at = out.find("{role}");
  if (at != std::string::npos) out.replace(at, 6, kRolePeople.at(static_cast<std::size_t>(role)));
  return out;
}

/// A PerRole<T> as an object with one key per role name.
template <class T>
Codec<PerRole<T>> per_role(Codec<T> item, const std::string& description) {
  Shape s;
  s.kind = Kind::object;
  s.placeholder = "role";
  for (const Role r : kRoles)
    s.keys.push_back(Key{std::string(role_name(r)), for_role(description, r), item.shape, true, std::nullopt});
  return {make_shape(std::move(s)),
          [read = item.read](const json& j) {
            PerRole<T> out{};
            for (const Role r : kRoles) out[r] = read(j.at(std::string(role_name(r))));
            return out;
          },
          [write = item.write](const PerRole<T>& v) {
            json out = json::object();
            for (const Role r : kRoles) out[std::string(role_name(r))] = write(v[r]);
            return out;
          }};
}

/// A PerRole<bool> as the array of the names of the roles that are true (unique).
Codec<PerRole<bool>> role_set() {
  Shape s;
  s.kind = Kind::array;
  s.items = enumeration<Role>(role_names()).shape;
  s.unique_items = true;
  return {make_shape(std::move(s)),
          [](const json& j) {
            PerRole<bool> out{};
            const auto read = enumeration<Role>(role_names()).read;
            for (const auto& e : j) out[read(e)] = true;
            return out;
          },
          [](const PerRole<bool>& v) {
            json out = json::array();
            for (const Role r : kRoles) {
              if (v[r]) out.push_back(std::string(role_name(r)));
            }
            return out;
          }};
}

/// An array indexed by Structure, as an object with one key per structure name.
template <class T>
Codec<std::array<T, kStructureCount>> per_structure(
    Codec<T> item, const std::array<std::string, kStructureCount>& descriptions) {
  Shape s;
  s.kind = Kind::object;
  s.placeholder = "structure";
  const auto names = structure_names();
  for (std::size_t i = 0; i < kStructureCount; ++i)
    s.keys.push_back(Key{names[i], descriptions[i], item.shape, true, std::nullopt});
  return {make_shape(std::move(s)),
          [read = item.read, names](const json& j) {
            std::array<T, kStructureCount> out{};
            for (std::size_t i = 0; i < kStructureCount; ++i) out[i] = read(j.at(names[i]));
            return out;
          },
          [write = item.write, names](const std::array<T, kStructureCount>& v) {
            json out = json::object();
            for (std::size_t i = 0; i < kStructureCount; ++i) out[names[i]] = write(v[i]);
            return out;
          }};
}

// ---------------------------------------------------------------------------------------

// 2. The field tables: every key of a scenario, its range, meaning and unit.
// ---------------------------------------------------------------------------------------

const std::vector<std::string> kTopologyNames = {"explicit", "ring", "small_world", "complete"};
const std::vector<std::string> kDistributionNames = {"lognormal", "exponential", "gamma",
                                                     "deterministic"};
const std::vector<std::string> kInterventionKindNames = {"hire",
                                                         "set_structure",
                                                         "set_change_management",
                                                         "set_monitoring",
                                                         "set_auto_retraining",
                                                         "start_platform",
                                                         "raise_governance",
                                                         "set_portfolio_discipline"};

const Table<StructurePolicy>& policy_table() {
  using P = StructurePolicy;
  static const Table<P> table{
      {
          field("domain_fit", &P::domain_fit, number(left_open(0, 1)),
                "Domain fit phi: scales pilot value and adoption imitation (1 = the AI people know "
                "the business as well as the business does)"),
          field("standardisation", &P::standardisation, number(unit()),
                "Standardisation s: new data debt x (1 - s); horizontal reuse x s"),
          field("coordination_delay_months", &P::coordination_delay_months, number(at_least(0)),
                "Delay added before each phase of a use case: the hand-offs and reviews the structure "
                "imposes, months"),
          field("central_roles", &P::central, role_set(),
                "Roles that sit in the central team; the other roles are embedded in the business "
                "units"),
          field("shared_backlog", &P::shared_backlog, boolean(),
                "true: one enterprise-wide backlog ordered by priority score; false: one backlog "
                "per business unit"),
          field("shared_platform", &P::shared_platform, boolean(),
                "true: one platform built centrally; false: each business unit builds its own"),
      },
      {},
      {}};
  return table;
}

const Table<BusinessUnit>& business_unit_table() {
  using B = BusinessUnit;
  static const Table<B> table{
      {
          field("name", &B::name, text(1), "Name of the business unit, unique; edges refer to it"),
          field("users", &B::users, number(above(0)),
                "People whose work an AI use case here touches; embedded teams are sized in proportion, persons"),
          field("idea_rate", &B::idea_rate, number(at_least(0)),
                "AI ideas arriving (Poisson), per month"),
          field("value_scale", &B::value_scale, number(at_least(0)),
                "Median value of a fully adopted use case here, $ per month"),
          field("data_quality", &B::data_quality, number(unit()),
                "Data quality q: data prep effort x (1 - 0.5 q)"),
          field("legacy_complexity", &B::legacy_complexity, number(unit()),
                "Legacy complexity L: deployment effort x (1 + platform.legacy_factor x L); lowers "
                "readiness"),
          field(
              "regulatory_risk", &B::regulatory_risk, number(unit()),
              "Regulatory exposure r: P(a use case is high-risk) = lifecycle.high_risk_factor x r"),
          field("trust", &B::trust, number(unit()),
                "Initial trust T of the unit's people in AI output"),
          field("data_debt", &B::data_debt, number(at_least(0)), "Initial data debt D, debt units"),
      },
      {},
      {}};
  return table;
}

const Table<InitialModels>& initial_models_table() {
  using M = InitialModels;
  static const Table<M> table{
      {
          field("business_unit", &M::business_unit, text(1), "Name of the business unit that owns the models"),
          field("count", &M::count, integer(at_least(1)), "How many models like this are in production"),
          field("age_months", &M::age_months, number(at_least(0)), "Time in production before month 0, months"),
          field("accuracy", &M::accuracy, number(left_open(0, 1)), "Accuracy at month 0"),
          field("adoption", &M::adoption, number(unit()), "Share of intended users at month 0"),
          field("monitored", &M::monitored, boolean(), "Covered by drift monitoring"),
      },
      {},
      {}};
  return table;
}

const Table<Edge>& edge_table() {
  static const Table<Edge> table{
      {
          field("from", &Edge::from, text(1), "Name of the business unit at one end"),
          field("to", &Edge::to, text(1),
                "Name of the business unit at the other end (edges are undirected)"),
          field("weight", &Edge::weight, number(left_open(0, 1)), "Collaboration intensity w"),
          field("shared_data", &Edge::shared_data, boolean(),
                "The two units share data sources (data debt spreads along the edge)"),
      },
      {},
      {}};
  return table;
}

const Table<OrgGraph>& graph_table() {
  using G = OrgGraph;
  Bounds neighbours = at_least(2);
  neighbours.multiple_of = 2;
  static const Table<G> table{
      {
          field("topology", &G::topology, enumeration<Topology>(kTopologyNames),
                "How business units are connected: the edges listed (explicit) or edges generated "
                "from the replication's seed (ring, small_world: Watts-Strogatz, complete)"),
          field("weight", &G::weight, number(left_open(0, 1)),
                "Collaboration intensity w of generated edges"),
          field("shared_data_probability", &G::shared_data_probability, number(unit()),
                "Chance that a generated edge shares data"),
          field("small_world_neighbours", &G::small_world_neighbours, integer(neighbours),
                "Watts-Strogatz k: neighbours of each unit before rewiring; for small_world also "
                "below the number of business units"),
          field("small_world_rewiring", &G::small_world_rewiring, number(unit()),
                "Watts-Strogatz beta: chance that each edge is rewired"),
          field("edges", &G::edges, list(object(edge_table()), 0),
                "The edges when topology is explicit (empty otherwise); no self-loops, no pair "
                "twice"),
      },
      {},
      {}};
  return table;
}

const Table<Workforce>& workforce_table() {
  using W = Workforce;
  static const Table<W> table{
      {
          field("headcount", &W::headcount,
                per_role(integer(at_least(0)),
                         "Initial headcount of {role}, also their hiring target, persons"),
                "Initial headcount per role, also the hiring target, persons"),
          field(
              "monthly_cost", &W::monthly_cost,
              per_role(number(at_least(0)), "Loaded cost of one of the {role}, $ per person-month"),
              "Loaded cost per person per role, $ per person-month"),
          field("hiring_lead_months", &W::hiring_lead_months, number(at_least(0)),
                "Mean time from opening a requisition to the hire's start, months"),
          field("attrition_per_month", &W::attrition_per_month, number(unit()),
                "Leaving hazard per person, per month (0.018 is about 20 % a year)"),
          field("substitution_penalty", &W::substitution_penalty, number(unit()),
                "Productivity of a person working outside their role, relative to the role's own "
                "people"),
          field("progress_ratio", &W::progress_ratio, number(left_open(0, 1)),
                "Wright's law: effort x this ratio per doubling of the team's deployments (1 = no "
                "learning)"),
          field("forgetting_per_leaver", &W::forgetting_per_leaver, number(unit()),
                "Share of a leaver's part of the team's experience that is lost"),
      },
      {},
      {}};
  return table;
}

const Table<Effort>& effort_table() {
  static const Table<Effort> table{
      {
          field("mean", &Effort::mean, number(above(0)),
                "Mean effort, person-months before multipliers"),
          field(
              "cv", &Effort::cv, number(at_least(0)),
              "Coefficient of variation of the effort (ignored by exponential and deterministic)"),
          field("distribution", &Effort::distribution,
                enumeration<EffortDistribution>(kDistributionNames),
                "Distribution of effort draws around the mean"),
      },
      {},
      {}};
  return table;
}

const Table<Lifecycle>& lifecycle_table() {
  using L = Lifecycle;
  const auto effort = object(effort_table());
  static const Table<L> table{
      {
          field("data_prep", &L::data_prep, effort,
                "Effort of data preparation (a data engineer's work)"),
          field("modeling", &L::modeling, effort, "Effort of modelling (a data scientist's work)"),
          field("pilot", &L::pilot, effort, "Effort of the pilot (a product manager's work)"),
          field("deployment", &L::deployment, effort,
                "Effort of deployment (an ML engineer's work)"),
          field("governance_review", &L::governance_review, effort,
                "Effort of the governance review of a high-risk use case (a governance person's "
                "work)"),
          field("retraining", &L::retraining, effort,
                "Effort of a retraining (a data scientist's or ML engineer's work)"),
          field("value_sigma", &L::value_sigma, number(at_least(0)),
                "Lognormal sigma of a use case's value around its unit's value_scale"),
          field("high_risk_factor", &L::high_risk_factor, number(unit()),
                "P(a use case is high-risk) = this factor x its unit's regulatory_risk"),
          field("portfolio_discipline", &L::portfolio_discipline, number(unit()),
                "0: ideas enter work in arrival order; 1: only the best-scoring ideas enter"),
          field("wip_per_person", &L::wip_per_person, number(above(0)),
                "Use cases in work (data prep to deployment) allowed per team member"),
          field("backlog_expiry_months", &L::backlog_expiry_months, number(above(0)),
                "Ideas waiting longer than this in the backlog are dropped, months"),
          field("sponsor_support", &L::sponsor_support, number(unit()),
                "Sponsor factor of the go probability after a pilot: p_go = sponsor_support x "
                "readiness"),
          field("readiness_base", &L::readiness_base, number(unit()),
                "Readiness with no platform, no MLOps and no legacy"),
          field("readiness_platform", &L::readiness_platform, number(unit()),
                "Readiness gained at platform maturity 1"),
          field("readiness_mlops", &L::readiness_mlops, number(unit()),
                "Readiness gained with full MLOps staffing"),
          field("readiness_legacy", &L::readiness_legacy, number(unit()),
                "Readiness lost at legacy complexity 1"),
          field("models_per_mlops", &L::models_per_mlops, number(above(0)),
                "Production models one MLOps engineer fully covers, models per person"),
          field("mlops_team_minimum", &L::mlops_team_minimum, number(above(0)),
                "MLOps engineers a BU's models need for full staffing however few they are, people"),
          field("pilot_noise_sigma", &L::pilot_noise_sigma, number(at_least(0)),
                "Lognormal sigma of the noise on a pilot's measured value"),
          field("kill_value_ratio", &L::kill_value_ratio, number(at_least(0)),
                "Kill a use case when its measured value is below this ratio x its unit's "
                "value_scale"),
          field("purgatory_review_months", &L::purgatory_review_months, number(above(0)),
                "A held use case is re-decided this often, months"),
          field("purgatory_limit_months", &L::purgatory_limit_months, number(above(0)),
                "A held use case is killed after this long in purgatory, months"),
          field("purgatory_go_factor", &L::purgatory_go_factor, number(unit()),
                "Chance of GO at a purgatory review relative to the first decision (fading sponsorship)"),
          field("reuse_rate", &L::reuse_rate, number(at_least(0)),
                "Copies per production model per month, per unit of edge weight x standardisation"),
          field("reuse_effort_share", &L::reuse_effort_share, number(unit()),
                "Share of data prep and modelling effort a reused copy still needs"),
          field("difficulty_effort_spread", &L::difficulty_effort_spread, number(unit()),
                "How much difficulty d ~ Beta(2, 2) scales effort: x (1 - spread/2 + spread d); 1 gives "
                "0.5 + d, 0 makes every use case's effort independent of its difficulty"),
      },
      {},
      {}};
  return table;
}

const Table<Production>& production_table() {
  using P = Production;
  static const Table<P> table{
      {
          field("accuracy_initial", &P::accuracy_initial, number(left_open(0, 1)),
                "Accuracy a0 right after (re)training"),
          field("accuracy_floor", &P::accuracy_floor, number(right_open(0, 1)),
                "Accuracy a_min that drift decays toward; must be below accuracy_initial"),
          field("drift_rate", &P::drift_rate, number(at_least(0)), "Drift rate lambda0, per month"),
          field("drift_debt_factor", &P::drift_debt_factor, number(at_least(0)),
                "k_drift: drift rate lambda = lambda0 x (1 + k_drift x data debt)"),
          field("shock_rate", &P::shock_rate, number(at_least(0)),
                "Concept-drift shocks per model, per month"),
          field("shock_drop_mean", &P::shock_drop_mean, number(unit()),
                "Mean accuracy drop of a shock (exponential), accuracy points"),
          field("monitoring_base", &P::monitoring_base, number(unit()),
                "Monitoring coverage with no MLOps and no platform"),
          field("monitoring_platform", &P::monitoring_platform, number(unit()),
                "Coverage gained at platform maturity 1"),
          field("monitoring_mlops", &P::monitoring_mlops, number(unit()),
                "Coverage gained with full MLOps staffing"),
          field(
              "alert_drop", &P::alert_drop, number(unit()),
              "Monitored drift is detected once accuracy falls this far below a0, accuracy points"),
          field("alert_delay_months", &P::alert_delay_months, number(at_least(0)),
                "Delay between the alert drop and detection, months"),
          field("complaint_drop", &P::complaint_drop, number(unit()),
                "Unmonitored drift is noticed by users once accuracy falls this far below a0, "
                "accuracy points"),
          field("complaint_delay_months", &P::complaint_delay_months, number(at_least(0)),
                "Delay between the complaint drop and users noticing, months"),
          field("auto_retrain_threshold", &P::auto_retrain_threshold, number(unit()),
                "Platform maturity above which retraining is automated"),
          field("auto_retrain_effort_share", &P::auto_retrain_effort_share, number(unit()),
                "Effort of an automated retraining as a share of a manual one"),
          field("infrastructure_per_model", &P::infrastructure_per_model, number(at_least(0)),
                "Infrastructure cost of a production model, $ per model per month"),
          field("retire_value_ratio", &P::retire_value_ratio, number(at_least(0)),
                "Retire a model when its value falls below this ratio x its upkeep"),
          field("retire_min_age_months", &P::retire_min_age_months, number(at_least(0)),
                "Value-based retirement applies only to models at least this old, months"),
          field("end_of_life_months", &P::end_of_life_months, number(above(0)),
                "Mean life in production (exponential) of a fully maintained model, months"),
          field("unmaintained_life_share", &P::unmaintained_life_share, number(left_open(0, 1)),
                "Mean life of a model nobody maintains, as a share of end_of_life_months; in between, life "
                "grows with the unit's monitoring coverage at deployment"),
      },
      {},
      {}};
  return table;
}

const Table<Adoption>& adoption_table() {
  using A = Adoption;
  static const Table<A> table{
      {
          field("innovation_per_year", &A::innovation_per_year, number(at_least(0)),
                "Bass innovation coefficient p0, per year"),
          field("imitation_per_year", &A::imitation_per_year, number(at_least(0)),
                "Bass imitation coefficient q0, per year"),
          field("change_management_effect", &A::change_management_effect, number(at_least(0)),
                "k_cm: innovation p = p0 x (1 + k_cm x change-management intensity)"),
          field("change_management_reference", &A::change_management_reference, number(above(0)),
                "Change-management spend that counts as intensity 1, $ per month"),
      },
      {},
      {}};
  return table;
}

const Table<Trust>& trust_table() {
  using T = Trust;
  static const Table<T> table{
      {
          field("gain_per_success", &T::gain_per_success, number(unit()),
                "alpha_plus: trust gained per model that reaches production and works"),
          field("loss_per_user_drift", &T::loss_per_user_drift, number(unit()),
                "alpha_minus: trust lost per drift noticed by users"),
          field("loss_per_incident", &T::loss_per_incident, number(unit()),
                "Trust lost per governance incident in the unit"),
          field("neighbour_incident_share", &T::neighbour_incident_share, number(unit()),
                "Share of an incident's trust loss felt by each neighbour (x edge weight)"),
          field("spillover_rate", &T::spillover_rate, number(unit()),
                "sigma: relaxation of trust toward neighbours' trust (x edge weight), per month"),
      },
      {},
      {}};
  return table;
}

const Table<DataDebt>& data_debt_table() {
  using D = DataDebt;
  static const Table<D> table{
      {
          field("per_pipeline", &D::per_pipeline, number(at_least(0)),
                "Debt added by each use case passing data prep, before x (1 - s) x (1 - "
                "data_governance), debt units"),
          field("data_governance", &D::data_governance, number(unit()),
                "Share of new debt prevented"),
          field("paydown_share", &D::paydown_share, number(unit()),
                "Share of data engineers' time spent paying debt down"),
          field("paydown_per_engineer_month", &D::paydown_per_engineer_month, number(at_least(0)),
                "Debt removed per engineer-month of paydown, debt units per person-month"),
          field("prep_factor", &D::prep_factor, number(at_least(0)),
                "k_debt: data prep effort x (1 + k_debt x D)"),
          field("pilot_penalty", &D::pilot_penalty, number(at_least(0)),
                "Pilot value x 1 / (1 + penalty x D)"),
          field("spillover_rate", &D::spillover_rate, number(unit()),
                "Debt spread along shared-data edges (x edge weight), per month"),
      },
      {},
      {}};
  return table;
}

const Table<Platform>& platform_table() {
  using P = Platform;
  static const Table<P> table{
      {
          field("initial", &P::initial, number(unit()), "Platform maturity P at month 0"),
          field("build_rate", &P::build_rate, number(unit()),
                "eta: dP/dt = eta x platform people x (1 - P), per person-month"),
          field("deployment_effect", &P::deployment_effect, number(right_open(0, 1)),
                "Deployment effort x (1 - deployment_effect x P); below 1 so deployment never "
                "takes no effort"),
          field("legacy_factor", &P::legacy_factor, number(at_least(0)),
                "k_legacy: deployment effort x (1 + k_legacy x legacy complexity)"),
          field("infrastructure_per_month", &P::infrastructure_per_month, number(at_least(0)),
                "Infrastructure cost of a platform at maturity 1 (x P), $ per month"),
      },
      {},
      {}};
  return table;
}

const Table<Governance>& governance_table() {
  using G = Governance;
  static const Table<G> table{
      {
          field("initial", &G::initial, number(unit()), "Governance maturity G at month 0"),
          field("build_rate", &G::build_rate, number(unit()),
                "Growth of G toward 1 per governance person, per person-month"),
          field("incident_rate", &G::incident_rate, number(at_least(0)),
                "rho: incidents per high-risk model-month at G = 0 (x (1 - G))"),
          field("incident_cost", &G::incident_cost, number(at_least(0)), "Cost of an incident, $"),
          field("freeze_probability", &G::freeze_probability, number(unit()),
                "Chance that an incident freezes deployments in its unit"),
          field("freeze_months", &G::freeze_months, number(at_least(0)),
                "Length of a freeze, months"),
      },
      {},
      {}};
  return table;
}

const Table<Money>& money_table() {
  static const Table<Money> table{
      {
          field("change_management_per_month", &Money::change_management_per_month,
                number(at_least(0)), "Change-management spend, $ per month"),
          field("discount_rate_per_year", &Money::discount_rate_per_year, number(unit()),
                "Discount rate for NPV, per year"),
      },
      {},
      {}};
  return table;
}

const Table<Switches>& switches_table() {
  using S = Switches;
  static const Table<S> table{
      {
          field("drift", &S::drift, boolean(),
                "Mechanism switch: accuracy drift and concept-drift shocks"),
          field("trust", &S::trust, boolean(),
                "Mechanism switch: trust gains, losses and spillover"),
          field("hiring_attrition", &S::hiring_attrition, boolean(),
                "Mechanism switch: attrition and the re-hiring it triggers (hire interventions still take their lead time)"),
          field("learning", &S::learning, boolean(),
                "Mechanism switch: the experience curve (and forgetting)"),
          field("data_debt", &S::data_debt, boolean(),
                "Mechanism switch: data debt accumulation, paydown and spillover"),
          field("incidents", &S::incidents, boolean(), "Mechanism switch: governance incidents"),
          field("reuse", &S::reuse, boolean(),
                "Mechanism switch: horizontal reuse of models across units"),
      },
      {},
      {}};
  return table;
}

const Table<Intervention>& intervention_table() {
  using I = Intervention;
  const auto amount = [](Bounds b, std::string description) {
    return field("amount", &I::amount, number(b), std::move(description));
  };
  static const Table<I> table{
      {
          field("month", &I::month, number(at_least(0)),
                "Month at which the change happens, in [0, horizon_months]"),
          field("kind", &I::kind, enumeration<I::Kind>(kInterventionKindNames), "What changes"),
      },
      "kind",
      {
          {"hire",
           {field("role", &I::role, enumeration<Role>(role_names()), "Role hired (or cut)"),
            field("count", &I::count, integer(nonzero()),
                  "People added to the role and to its hiring target (negative: cut), persons")}},
          {"set_structure",
           {field("structure", &I::structure, enumeration<Structure>(structure_names()),
                  "The org structure from this month on")}},
          {"set_change_management",
           {amount(at_least(0), "New change-management spend, $ per month")}},
          {"set_monitoring", {amount(unit(), "Monitoring coverage added")}},
          {"set_auto_retraining",
           {amount(unit(), "New automated-retraining threshold (platform maturity)")}},
          {"start_platform",
           {amount(above(0), "Platform people added to the build effort, each paid an MLOps engineer's "
                              "workforce.monthly_cost, persons")}},
          {"raise_governance", {amount(left_open(0, 1), "Governance maturity added")}},
          {"set_portfolio_discipline", {amount(unit(), "New portfolio discipline")}},
      }};
  return table;
}

const Table<Scenario>& scenario_table() {
  using S = Scenario;
  static const Table<S> table{
      {
          field("name", &S::name, text(1), "Short name of the scenario, used in reports"),
          field("description", &S::description, text(0), "What the scenario represents"),
          field("horizon_months", &S::horizon_months, number(above(0)), "Simulated time, months"),
          field("warmup_months", &S::warmup_months, number(at_least(0)),
                "Warm-up: resource and stage statistics count from this month on (below "
                "horizon_months; the monthly series are unaffected), months"),
          field("structure", &S::structure, enumeration<Structure>(structure_names()),
                "How AI people are organised at month 0"),
          field("structures", &S::policies,
                per_structure(
                    object(policy_table()),
                    {"The centre of excellence: one central team",
                     "Federated: one team per business unit",
                     "Hybrid: a central platform team plus teams embedded in the business units"}),
                "The numbers that make each org structure (all three: interventions may switch "
                "structure)"),
          field("business_units", &S::business_units, list(object(business_unit_table()), 1),
                "The business units: the vertices of the org graph"),
          field("graph", &S::graph, object(graph_table()),
                "The org graph: how business units are connected"),
          field("workforce", &S::workforce, object(workforce_table()),
                "People: headcount, cost, hiring, attrition, substitution, experience"),
          field("lifecycle", &S::lifecycle, object(lifecycle_table()),
                "The use-case lifecycle from idea to production"),
          field("production", &S::production, object(production_table()),
                "Production models: drift, monitoring, retraining, value"),
          field("adoption", &S::adoption, object(adoption_table()),
                "Bass adoption of each production model within its unit"),
          field("trust", &S::trust, object(trust_table()), "Trust in AI output, per business unit"),
          field("data_debt", &S::data_debt, object(data_debt_table()),
                "Data debt, per business unit"),
          field("platform", &S::platform, object(platform_table()), "Platform maturity P"),
          field("governance", &S::governance, object(governance_table()),
                "Governance maturity G and incidents"),
          field("money", &S::money, object(money_table()), "Budget lines and discounting"),
          field("switches", &S::switches, object(switches_table()),
                "Mechanism switches: turn mechanisms off to isolate others"),
          field("initial_models", &S::initial_models, list(object(initial_models_table()), 0),
                "Models already in production at month 0 (value and risk drawn like ideas of their unit), "
                "e.g. {\"business_unit\": \"retail\", \"count\": 2, \"age_months\": 12, \"accuracy\": "
                "0.84, \"adoption\": 0.3, \"monitored\": false}"),
          field("interventions", &S::interventions, list(object(intervention_table()), 0),
                "Changes at given months, e.g. {\"month\": 24, \"kind\": \"hire\", \"role\": "
                "\"data_engineer\", \"count\": 3}"),
      },
      {},
      {}};
  return table;
}

const Shape& scenario_shape() {
  static const Shape shape = object_shape(scenario_table());
  return shape;
}

const std::string kSchemaKeyDescription =
    "The JSON Schema of scenario files, for editors (ignored by aiscale)";
const std::string kExtendsDescription =
    "Path of the base scenario, relative to this file's directory; this file is applied to it as a "
    "JSON merge patch (RFC 7386)";

// ---------------------------------------------------------------------------------------
// 3. Relations between values that shapes cannot express.
// ---------------------------------------------------------------------------------------

void check_relations(const json& root, Issues& out) {
  // Business unit names: unique (non-empty is the shape's job).
  std::vector<std::string> units;
  std::map<std::string, std::size_t> first_index;
  const json* bus = find_path(root, {"business_units"});
  std::size_t unit_count = 0;
  if (bus != nullptr && bus->is_array()) {
    unit_count = bus->size();
    for (std::size_t i = 0; i < bus->size(); ++i) {
      const std::string* name = string_at((*bus)[i], {"name"});
      if (name == nullptr || name->empty()) continue;
      const auto [it, inserted] = first_index.emplace(*name, i);
      if (!inserted) {
        out.push_back({"/business_units/" + std::to_string(i) + "/name",
                       "duplicate business unit name " + dq(*name) + " (also /business_units/" +
                           std::to_string(it->second) + "/name): names must be unique"});
      } else {
        units.push_back(*name);
      }
    }
  }

  // Topology against the number of units.
  const std::string* topology = string_at(root, {"graph", "topology"});
  if (topology != nullptr && bus != nullptr && bus->is_array()) {
    if ((*topology == "ring" || *topology == "small_world") && unit_count > 0 && unit_count < 3) {
      out.push_back({"/graph/topology", "topology " + dq(*topology) +
                                            " needs at least 3 business units, got " +
                                            std::to_string(unit_count)});
    }
    const json* k = find_path(root, {"graph", "small_world_neighbours"});
    if (*topology == "small_world" && unit_count >= 3 && k != nullptr && k->is_number() &&
        k->get<double>() >= static_cast<double>(unit_count)) {
      out.push_back(
          {"/graph/small_world_neighbours", value_text(*k) +
                                                " is out of range: with topology \"small_world\" "
                                                "it must be below the number of business units (" +
                                                std::to_string(unit_count) + ")"});
    }
  }

  // Explicit edges: only with topology explicit; existing units; no self-loops, no repeats.
  const json* edges = find_path(root, {"graph", "edges"});
  if (edges != nullptr && edges->is_array()) {
    const bool generated =
        topology != nullptr && *topology != "explicit" &&
        std::find(kTopologyNames.begin(), kTopologyNames.end(), *topology) != kTopologyNames.end();
    if (generated && !edges->empty()) {
      out.push_back(
          {"/graph/edges", "has " + std::to_string(edges->size()) + " edges, but topology is " +
                               dq(*topology) +
                               ", which generates its own: edges are only used with topology "
                               "\"explicit\"; set \"edges\": [] or change the topology"});
    }
    std::map<std::pair<std::string, std::string>, std::size_t> seen;
    for (std::size_t i = 0; i < edges->size(); ++i) {
      const json& e = (*edges)[i];
      const std::string* from = string_at(e, {"from"});
      const std::string* to = string_at(e, {"to"});
      bool ends_ok = bus != nullptr && bus->is_array();
      for (const auto& [end, name] : {std::pair{"from", from}, std::pair{"to", to}}) {
        if (name == nullptr || name->empty() || bus == nullptr || !bus->is_array()) {
          ends_ok = false;
          continue;
        }
        if (first_index.count(*name) != 0) continue;
        ends_ok = false;
        std::string message =
            "edge " + std::to_string(i) + " names unknown business unit " + dq(*name);
        if (const auto near = nearest(*name, units))
          message += "; did you mean " + dq(*near) + "?";
        else
          message += "; business units: " + quoted_choices(units);
        out.push_back({"/graph/edges/" + std::to_string(i) + "/" + end, message});
      }
      if (!ends_ok) continue;
      if (*from == *to) {
        out.push_back({"/graph/edges/" + std::to_string(i),
                       "edge " + std::to_string(i) + " connects " + dq(*from) +
                           " to itself: self-loops are not allowed"});
        continue;
      }
      const auto pair = std::minmax(*from, *to);
      const auto [it, inserted] = seen.emplace(std::pair{pair.first, pair.second}, i);
      if (!inserted) {
        out.push_back({"/graph/edges/" + std::to_string(i),
                       "edge " + std::to_string(i) + " repeats edge " + std::to_string(it->second) +
                           " (" + dq(*from) + " - " + dq(*to) +
                           "): edges are undirected and each pair may appear once"});
      }
    }
  }

  const auto horizon = number_at(root, {"horizon_months"});
  // Initial models belong to existing units.
  const json* initial = find_path(root, {"initial_models"});
  if (initial != nullptr && initial->is_array() && bus != nullptr && bus->is_array()) {
    for (std::size_t i = 0; i < initial->size(); ++i) {
      const std::string* name = string_at((*initial)[i], {"business_unit"});
      if (name == nullptr || name->empty() || first_index.count(*name) != 0) continue;
      std::string message = "unknown business unit " + dq(*name) + " for initial models " + std::to_string(i);
      if (const auto near = nearest(*name, units))
        message += "; did you mean " + dq(*near) + "?";
      else
        message += "; business units: " + quoted_choices(units);
      out.push_back({"/initial_models/" + std::to_string(i) + "/business_unit", message});
    }
  }

  // Intervention months within the horizon.
  const json* interventions = find_path(root, {"interventions"});
  if (horizon && interventions != nullptr && interventions->is_array()) {
    for (std::size_t i = 0; i < interventions->size(); ++i) {
      const json* month = find_path((*interventions)[i], {"month"});
      if (month == nullptr || !month->is_number()) continue;
      if (month->get<double>() > *horizon) {
        out.push_back({"/interventions/" + std::to_string(i) + "/month",
                       value_text(*month) + " is out of range: must be in [0, " +
                           number_text(*horizon) + "] (horizon_months is " + number_text(*horizon) +
                           ")"});
      }
    }
  }

  // The warm-up ends before the horizon, so the statistics window is not empty. A
  // horizon that is itself out of range is reported on its own.
  const auto warmup = number_at(root, {"warmup_months"});
  if (horizon && *horizon > 0.0 && warmup && !(*warmup < *horizon)) {
    out.push_back({"/warmup_months", number_text(*warmup) +
                                         " is out of range: must be below horizon_months (" +
                                         number_text(*horizon) + ")"});
  }

  // Accuracy decays toward a floor below its initial value.
  const auto a0 = number_at(root, {"production", "accuracy_initial"});
  const auto floor = number_at(root, {"production", "accuracy_floor"});
  if (a0 && floor && !(*floor < *a0)) {
    out.push_back({"/production/accuracy_floor",
                   number_text(*floor) + " is out of range: must be below accuracy_initial (" +
                       number_text(*a0) + ")"});
  }
}

const CheckOptions& scenario_check_options() {
  static const CheckOptions options{
      "add it, or extend a scenario that sets it (scenarios/default.json sets every key)",
      "add it: each item of an array needs every key (extends replaces an array whole, it does not merge "
      "items)"};
  return options;
}

Issues check_scenario_json(const json& root) {
  Issues issues = check(root, scenario_shape(), scenario_check_options());
  if (!root.is_object()) return issues;
  // One problem per value: a relation is not checked again on a value (or inside a
  // value) that is already wrong on its own.
  Issues relations;
  check_relations(root, relations);
  add_relations(issues, std::move(relations));
  return issues;
}

// ---------------------------------------------------------------------------------------
// 4. The scenario format: files, binding, schema, docs.
// ---------------------------------------------------------------------------------------

const FileFormat& scenario_file_format() {
  static const FileFormat format{"scenario file", "a scenario", "extends", "scenario"};
  return format;
}

/// Binds JSON the checker accepted. Never expected to fail; if it does, that is a
/// problem to report, not a crash.
std::optional<Scenario> bind_scenario(const json& root, const std::string& file,
                                      std::vector<ScenarioProblem>& problems) {
  try {
    Scenario s{};
    read_object(scenario_table(), root, s);
    return s;
  } catch (const std::exception& e) {
    problems.push_back(
        {file, "", std::string("internal error while reading a checked scenario: ") + e.what()});
  }
  return std::nullopt;
}

struct Analysis {
  std::vector<ScenarioProblem> problems;
  std::optional<Scenario> scenario;
};

Analysis analyse(const fs::path& file) {
  Analysis out;
  Document document = load_document(file, scenario_file_format());
  out.problems = std::move(document.problems);
  if (!document.value) return out;
  for (auto& issue : check_scenario_json(*document.value)) {
    out.problems.push_back({document.file_of(issue.path), issue.path, std::move(issue.message)});
  }
  if (out.problems.empty()) out.scenario = bind_scenario(*document.value, file.string(), out.problems);
  return out;
}

}  // namespace

Scenario load_scenario(const fs::path& file) {
  auto result = analyse(file);
  if (!result.problems.empty() || !result.scenario) throw ScenarioError(std::move(result.problems));
  return std::move(*result.scenario);
}

std::vector<ScenarioProblem> check_scenario(const fs::path& file) { return analyse(file).problems; }

Scenario scenario_from_json(const json& input, const std::string& origin) {
  std::vector<ScenarioProblem> problems;
  json root = input;
  if (root.is_object()) {
    root.erase("$schema");
    if (root.contains("extends")) {
      problems.push_back(
          {origin, "/extends",
           "\"extends\" is resolved only when reading a file: pass the complete scenario"});
      root.erase("extends");
    }
  }
  for (auto& issue : check_scenario_json(root))
    problems.push_back({origin, issue.path, std::move(issue.message)});
  std::optional<Scenario> scenario;
  if (problems.empty()) scenario = bind_scenario(root, origin, problems);
  if (!problems.empty() || !scenario) throw ScenarioError(std::move(problems));
  return std::move(*scenario);
}

json to_json(const Scenario& scenario) { return write_object(scenario_table(), scenario); }

json scenario_schema() {
  json defs = json::object();
  for (const bool complete : {true, false}) {
    json def = schema_of(scenario_shape(), "", complete);
    def["properties"]["$schema"] = {{"type", "string"}, {"description", kSchemaKeyDescription}};
    def["properties"]["extends"] = {
        {"type", "string"}, {"minLength", 1}, {"description", kExtendsDescription}};
    def["description"] =
        complete ? "A complete scenario (no extends): every key is required."
                 : "A partial scenario (with extends): keys not given come from the base; array "
                   "items are always complete, because an array replaces the base's array whole.";
    defs[complete ? "complete" : "partial"] = def;
  }
  return {
      {"$schema", kSchemaDialect},
      {"title", "aiscale scenario"},
      {"description",
       "An enterprise scenario for the aiscale simulator. Generated by 'aiscale schema' from the "
       "loader's field table; see docs/scenarios.md."},
      {"type", "object"},
      {"if", {{"required", {"extends"}}}},
      {"then", {{"$ref", "#/$defs/partial"}}},
      {"else", {{"$ref", "#/$defs/complete"}}},
      {"$defs", defs},
  };
}

std::string scenario_markdown_table() {
  return markdown_header() + markdown_row("/$schema", "string", "any", kSchemaKeyDescription) +
         markdown_row("/extends", "string", "non-empty", kExtendsDescription) + markdown_key_rows(scenario_shape());
}

}  // namespace models::enterprise
