// Tests analysis/research/cluster.hpp: the single process a Cluster is by default (every
// command outside mpirun runs as one). The MPI case, several ranks under mpirun, is run
// end to end by tests/analysis/cli/research_commands_test.cpp.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/research/cluster.hpp"

using analysis::research::Cluster;

TEST_CASE("cluster: a default cluster is the single process whose collectives return their input",
          "[research][cluster]") {
  const Cluster cluster;
  CHECK(cluster.rank() == 0);
  CHECK(cluster.size() == 1);
  CHECK(cluster.root());
  const std::vector<double> mine{1.5, -2.0, 3.25};
  CHECK(cluster.all_gather(mine) == mine);
  CHECK(cluster.all_gather({}).empty());
  CHECK(cluster.broadcast("out/sweep-1") == "out/sweep-1");
}

TEST_CASE("cluster: a session outside mpirun is the single process", "[research][cluster]") {
  int argc = 1;
  char name[] = "aiscale";
  char* args[] = {name, nullptr};
  char** argv = args;
  const analysis::research::ClusterSession session(argc, argv);
  CHECK(session.cluster().size() == 1);
  CHECK(session.cluster().root());
  CHECK(argc == 1);
}
