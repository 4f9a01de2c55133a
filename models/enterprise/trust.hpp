/// @file
/// @brief Trust (MODEL.md section 5): a business unit's trust in AI, gained by each model
///        that works, lost to governance incidents and to drift its users notice, and
///        spilling over to neighbours (Enterprise::update_trust in trust.cpp). Trust
///        scales imitation in adoption (adoption.hpp).
#pragma once

namespace models::enterprise {

// Trust after a model that works (section 5): trust + alpha_plus (1 - trust), a step
/// toward 1 by the share alpha_plus of the remaining distance. Stays in [0, 1] for trust
/// and alpha_plus in [0, 1].
double trust_gain(double trust, double alpha_plus);

/// Trust after a drift noticed by users or an incident (section 5):
/// trust - alpha_minus x trust, a proportional loss toward 0. Stays in [0, 1] for trust
/// and alpha_minus in [0, 1].
/// Asymmetry: the defaults must have alpha_minus > alpha_plus. People forgive an
/// algorithm's mistake less than a person's and stop using it after seeing it err
/// (algorithm aversion: Dietvorst, Simmons & Massey 2015, J. Exp. Psychol. Gen. 144(1)),
/// so one failure costs more trust than one success earns. Neither this file nor the
/// loader enforces it (a researcher may study symmetric trust); the defaults hold it.
double trust_loss(double trust, double alpha_minus);

}  // namespace models::enterprise
