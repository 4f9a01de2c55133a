/// @file
/// @brief The processes of one run: one (a plain run) or K under `mpirun -np K`, when
///        aiscale is built with MPI (CMake option AISCALE_MPI, on by default).
///
/// Research commands split their work across ranks and gather results on every rank
/// (so every rank takes the same decisions, e.g. the optimiser's next point); rank 0
/// alone writes files and talks to the terminal. Every other command refuses to run on
/// more than one rank. Without MPI this is a single process with rank 0 of 1.
///
/// There is no process-wide instance: the program starts one ClusterSession in main()
/// and passes its cluster() down to whatever needs it; everything else can use a
/// default-constructed Cluster, the single process.
#pragma once

#include <string>
#include <vector>

namespace analysis::research {

class Cluster {
 public:
  /// The single process: rank 0 of 1; its collectives return their input.
  Cluster() = default;

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] bool root() const { return rank_ == 0; }

  /// Every rank's `mine` concatenated in rank order, on every rank. Collective.
  [[nodiscard]] std::vector<double> all_gather(const std::vector<double>& mine) const;
  /// Rank 0's `text` on every rank. Collective.
  [[nodiscard]] std::string broadcast(const std::string& text) const;

  /// Whether this build can run on several ranks.
  static bool built_with_mpi();

 private:
  friend class ClusterSession;
  int rank_ = 0;
  int size_ = 1;
};

/// Starts MPI for the life of the object when the program runs under mpirun (MPI_Init
/// and MPI_Finalize); otherwise it is the single process. At most one per program.
class ClusterSession {
 public:
  ClusterSession(int& argc, char**& argv);
  ~ClusterSession();
  ClusterSession(const ClusterSession&) = delete;
  ClusterSession& operator=(const ClusterSession&) = delete;

  /// This process's view of the run; valid for the life of the session.
  [[nodiscard]] const Cluster& cluster() const { return cluster_; }

  /// Ends the whole run with `code` on every rank (MPI_Abort): for an error that only
  /// some ranks saw, where the others would wait forever.
  static void abort(int code);

 private:
  Cluster cluster_;
};

}  // namespace analysis::research
