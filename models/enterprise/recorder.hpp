/// @file
/// @brief The recorder (MODEL.md section 7): an observer that turns one run of the
///        enterprise into its monthly series and its summary (metrics.hpp).
///
/// Like Mesa's DataCollector, it reads the model from outside: it counts the typed
/// events it is told (ideas, pilots started and decided, deployments, kills,
/// retirements, incidents), reads the model's read-only views at each month's end and
/// once at the end, and keeps the money ledger. It changes nothing in the model.
#pragma once

#include <vector>

#include "models/enterprise/enterprise.hpp"
#include "models/enterprise/metrics.hpp"
#include "models/enterprise/money.hpp"
#include "models/enterprise/observer.hpp"

namespace models::enterprise {

class Recorder final : public Observer {
 public:
  /// A recorder for a run of `scenario` (which must outlive it).
  explicit Recorder(const Scenario& scenario);

  void on_event(const Enterprise& model, const TraceEvent& event) override;
  /// Appends the month's row to the series.
  void on_month_end(const Enterprise& model, const MonthEnd& month) override;

  /// The monthly series and the summary, once `model` has run to its horizon. Call once.
  RunResult finish(const Enterprise& model);

 private:
  const Scenario& s_;
  Ledger ledger_;
  RunResult result_;
  int ideas_this_month_ = 0;
  int incidents_this_month_ = 0;
  int incidents_total_ = 0;
  int pilots_launched_ = 0;
  int pilots_decided_ = 0;
  int reached_production_ = 0;
  int killed_ = 0;
  int retired_ = 0;
  double pilot_to_production_24_ = 0.0;
  std::vector<double> idea_to_production_;  ///< months from idea to production, per deployment
};

}  // namespace models::enterprise
