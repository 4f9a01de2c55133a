/// @file
/// @brief The text of `aiscale trace`: formats the enterprise model's typed events
///        (models/enterprise/observer.hpp) into the lines of the story of a run.
///
/// The model never formats text; this is the one place that does. Formatting reads the
/// model only through its const views, at the moment the event is told.
#pragma once

#include <string>

#include "models/enterprise/enterprise.hpp"

namespace analysis::cli {

/// "$1.23M" at or above a million dollars (in absolute value), else "$456k": three
/// significant digits.
std::string format_money(double dollars);

/// What happened, e.g. "pilot done: measured value $85.2k/month, decision GO (readiness 0.62)".
/// `model` is the model that emitted `event`, still at event.time.
std::string trace_text(const models::enterprise::Enterprise& model, const models::enterprise::TraceEvent& event);

/// One line of the trace, without its newline: "month  12.3  Retail/uc-7   <text>".
std::string trace_line(const models::enterprise::Enterprise& model, const models::enterprise::TraceEvent& event);

}  // namespace analysis::cli
