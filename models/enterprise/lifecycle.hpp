/// @file
/// @brief The use-case lifecycle (MODEL.md section 3): an idea's value, difficulty and
///        efforts, its score in the backlog, and the multipliers that set how long each
///        phase takes. Pure functions here; the rules (Enterprise::create_use_case,
///        fill_team, begin_phase, on_phase_done, phase_duration, expire_backlog...) are in
///        lifecycle.cpp.
#pragma once

#include "models/enterprise/params.hpp"
#include "models/enterprise/state.hpp"
#include "sim/random.hpp"

namespace models::enterprise {

/// Both shape parameters of an idea's difficulty d ~ Beta(2, 2): symmetric around 0.5,
/// most ideas middling, few trivial or near-impossible. Not a parameter: the effort
/// factor below has mean 1 over d only because the mean of d is 0.5 (any symmetric Beta
/// keeps that); how strongly difficulty matters is the parameter
/// lifecycle.difficulty_effort_spread.
inline constexpr double kDifficultyBeta = 2.0;

/// The effort specification of `phase`.
const Effort& effort_spec(const Lifecycle& l, Phase phase);

/// A random effort multiplier with mean 1 and the coefficient of variation of `e`, drawn
/// from `rng` (deterministic: 1, no draw).
double effort_multiplier(sim::Rng& rng, const Effort& e);

/// How much more effort a harder idea takes: 1 - spread/2 + spread x difficulty. Mean 1
/// over d ~ Beta(2, 2); the default spread 1 gives 0.5 + d, a spread of 0 gives 1.
double difficulty_effort_factor(double spread, double difficulty);

/// An idea's prioritisation score, the value-vs-difficulty 2x2:
/// value x feasibility / expected_effort, feasibility = (1 - d/2)(1/2 + data_quality/2).
/// Requires expected_effort > 0.
double idea_score(double value, double difficulty, double data_quality, double expected_effort);

/// Data prep's effort multiplier: (1 + prep_factor x data_debt)(1 - data_quality / 2),
/// slowed by the BU's debt, helped by its data quality.
double data_prep_multiplier(double prep_factor, double data_debt, double data_quality);

/// Deployment's effort multiplier: (1 + legacy_factor x legacy)(1 - deployment_effect x P),
/// slowed by legacy systems, sped by the serving platform's maturity P.
double deployment_multiplier(const Platform& platform, double legacy_complexity, double maturity);

/// Wright's experience curve: (1 + experience)^(-b), b = -log2(progress_ratio); each
/// doubling of a team's deployments multiplies effort by progress_ratio.
double experience_multiplier(double progress_ratio, double experience);

}  // namespace models::enterprise
