/// @file
/// @brief Runs the design points of an experiment (each point: R replications of the
///        base scenario with the point's parameter values) on every core and every MPI
///        rank, records finished points in a journal as they complete, and picks up
///        an interrupted run from that journal.
///
/// Replication r of every point uses the random streams of (seed, r): common random
/// numbers across points, so differences between points come from the parameters, not
/// from luck (this smooths elementary effects and the calibration objective alike).
/// A point's results depend only on its parameter values, the seed and r, never on the
/// thread count, the rank count or on which rank ran it, so outputs are byte-identical
/// however the work was split and whether it was resumed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analysis/research/cluster.hpp"
#include "analysis/research/experiment_file.hpp"

namespace analysis::research {

/// The journal of finished points, DIR/journal.csv: its first line is the experiment's
/// fingerprint; then one line per finished point, "<values>|<results>", every number
/// written exactly (hexadecimal floating point). Lines are appended and flushed as
/// points finish, so a killed run loses at most the points in progress; a torn last
/// line is ignored on resume.
class Journal {
 public:
  /// Starts a fresh journal in `dir`, or, with `resume`, reads the one there (every
  /// rank gets rank 0's copy). Throws std::invalid_argument when there is nothing to
  /// resume or the journal belongs to a different experiment. Only rank 0 of `cluster`
  /// (which must outlive the journal) writes.
  Journal(const std::filesystem::path& dir, const std::string& fingerprint, bool resume, const Cluster& cluster);

  /// The results recorded for `point`, or nullptr.
  [[nodiscard]] const std::vector<double>* find(const std::vector<double>& point) const;
  /// Records a finished point (rank 0 appends it to the file; every rank remembers it).
  void record(const std::vector<double>& point, const std::vector<double>& results);
  /// Points read back when resuming.
  [[nodiscard]] std::size_t resumed() const { return resumed_; }
  /// Deletes the journal file, once the final files are written.
  void remove();

 private:
  const Cluster& cluster_;
  std::filesystem::path file_;
  std::unique_ptr<std::ofstream> out_;  // rank 0 only
  std::map<std::string, std::vector<double>> done_;
  std::size_t resumed_ = 0;
};

struct StudyOptions {
  unsigned threads = 0;    ///< per rank; 0: all cores
  bool progress = true;    ///< progress bar on rank 0's stderr (if a terminal)
};

/// Runs points, consulting and filling `journal`, across the ranks of `cluster` (the
/// three must outlive the study).
class Study {
 public:
  Study(const Experiment& experiment, Journal& journal, const Cluster& cluster, StudyOptions options);

  /// Results of every point: results[i][r * O + o] is output o of replication r of
  /// points[i] (real parameter values). Points already in the journal are not run
  /// again; the others are split across ranks and threads in batches, and each batch
  /// is journaled when it finishes. Collective: every rank calls it with the same points.
  std::vector<std::vector<double>> run(const std::vector<std::vector<double>>& points, const std::string& unit);

  /// Model runs (point x replication) done by this process so far, all ranks together.
  [[nodiscard]] std::uint64_t runs() const { return runs_; }

 private:
  const Experiment& experiment_;
  Journal& journal_;
  const Cluster& cluster_;
  StudyOptions options_;
  std::uint64_t runs_ = 0;
};

/// Mean over replications of output o of one point's results (NaN values skipped).
double output_mean(const std::vector<double>& results, std::size_t outputs, std::size_t o);

}  // namespace analysis::research
