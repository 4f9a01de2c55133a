#include "analysis/research/cluster.hpp"

#include <cstdlib>

#ifdef AISCALE_WITH_MPI
#include <mpi.h>
#endif

namespace analysis::research {

bool Cluster::built_with_mpi() {
#ifdef AISCALE_WITH_MPI
  return true;
#else
  return false;
#endif
}

std::vector<double> Cluster::all_gather(const std::vector<double>& mine) const {
#ifdef AISCALE_WITH_MPI
  if (size_ > 1) {
    int count = static_cast<int>(mine.size());
    std::vector<int> counts(static_cast<std::size_t>(size_));
    MPI_Allgather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, MPI_COMM_WORLD);
    std::vector<int> offsets(counts.size(), 0);
    for (std::size_t r = 1; r < counts.size(); ++r) offsets[r] = offsets[r - 1] + counts[r - 1];
    std::vector<double> all(static_cast<std::size_t>(offsets.back() + counts.back()));
    MPI_Allgatherv(mine.data(), count, MPI_DOUBLE, all.data(), counts.data(), offsets.data(), MPI_DOUBLE,
                   MPI_COMM_WORLD);
    return all;
  }
#endif
  return mine;
}

std::string Cluster::broadcast(const std::string& text) const {
#ifdef AISCALE_WITH_MPI
  if (size_ > 1) {
    unsigned long long length = text.size();
    MPI_Bcast(&length, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
    std::string out = rank_ == 0 ? text : std::string(length, '\0');
    MPI_Bcast(out.data(), static_cast<int>(length), MPI_CHAR, 0, MPI_COMM_WORLD);
    return out;
  }
#endif
  return text;
}

ClusterSession::ClusterSession([[maybe_unused]] int& argc, [[maybe_unused]] char**& argv) {
#ifdef AISCALE_WITH_MPI
  // Only under a launcher: a plain run must not need an MPI runtime at all.
  if (std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMI_SIZE") != nullptr ||
      std::getenv("PMIX_RANK") != nullptr) {
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &cluster_.rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &cluster_.size_);
  }
#endif
}

ClusterSession::~ClusterSession() {
#ifdef AISCALE_WITH_MPI
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (initialised != 0) MPI_Finalize();
#endif
}

void ClusterSession::abort(int code) {
#ifdef AISCALE_WITH_MPI
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (initialised != 0) MPI_Abort(MPI_COMM_WORLD, code);
#endif
  std::exit(code);
}

}  // namespace analysis::research
