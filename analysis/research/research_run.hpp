/// @file
/// @brief What `sweep`, `sensitivity` and `calibrate` share: their options, the output
///        folder and journal, the mapping of design points to parameter values, and the
///        points.csv and runs.csv files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "analysis/research/cluster.hpp"
#include "analysis/research/experiment_file.hpp"
#include "analysis/research/study.hpp"

namespace analysis::research {

/// The command-line options of every research command.
struct ResearchOptions {
  std::filesystem::path experiment;
  std::filesystem::path out;
  std::optional<std::uint64_t> seed;          ///< overrides the experiment's seed
  std::optional<std::uint64_t> replications;  ///< overrides the experiment's replications
  unsigned threads = 0;
  bool quiet = false;
  bool force = false;
  bool resume = false;
};

/// An experiment opened for a run: loaded (with the command-line overrides), its output
/// folder prepared (or, with --resume, found) on rank 0 and its journal opened.
class ResearchRun {
 public:
  /// Throws std::invalid_argument (on every rank alike) naming the problem and the fix.
  /// `extra_outputs` (e.g. the targets of a calibration) are added to the experiment's.
  /// The run splits its work across the ranks of `cluster`, which must outlive it.
  ResearchRun(const ResearchOptions& options, const Cluster& cluster,
              const std::vector<std::string>& extra_outputs = {});

  [[nodiscard]] const Experiment& experiment() const { return experiment_; }
  [[nodiscard]] const std::filesystem::path& out() const { return options_.out; }
  [[nodiscard]] const ResearchOptions& options() const { return options_; }
  [[nodiscard]] const Cluster& cluster() const { return cluster_; }

  /// The parameter values of each row of `unit_design` (points of [0, 1]^k).
  [[nodiscard]] std::vector<std::vector<double>> values_of(const Eigen::MatrixXd& unit_design) const;

  /// Runs the points (see Study::run).
  std::vector<std::vector<double>> run(const std::vector<std::vector<double>>& points, const std::string& unit);

  /// Writes points.csv (one row per point x output: mean, sd, 95 % CI, n) and runs.csv
  /// (one row per point x replication) atomically; rank 0 only.
  void write_points(const std::vector<std::vector<double>>& points, const std::vector<std::vector<double>>& results) const;

  /// Deletes the journal once every final file is written; returns the files' note for
  /// the terminal ("results in DIR (a, b, c)").
  std::string finish(const std::vector<std::string>& files);

  /// Model runs done by this invocation (not those resumed from the journal).
  [[nodiscard]] std::uint64_t runs() const { return study_->runs(); }
  [[nodiscard]] std::size_t resumed() const { return journal_->resumed(); }

 private:
  ResearchOptions options_;
  const Cluster& cluster_;
  Experiment experiment_;
  std::optional<Journal> journal_;
  std::optional<Study> study_;
};

}  // namespace analysis::research
