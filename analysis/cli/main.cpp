// The aiscale executable: everything lives in analysis::cli so that tests can reach it.
#include "analysis/cli/commands.hpp"
#include "analysis/research/cluster.hpp"

int main(int argc, char** argv) {
  // MPI starts only when the program runs under mpirun (research commands use it); the
  // session's cluster is passed to whatever needs it.
  const analysis::research::ClusterSession cluster(argc, argv);
  return analysis::cli::run(argc, argv, cluster.cluster());
}
