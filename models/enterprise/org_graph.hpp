/// @file
/// @brief The org graph (MODEL.md section 1): business units as vertices, collaboration
///        edges with a weight and a shared-data flag; built from a scenario's OrgGraph,
///        flattened for the simulation's hot loops, and questioned with Boost's algorithms.
///
/// Vertex i is business unit i of the scenario (the order of Scenario::business_units).
/// The graph is simple: no self-loops and no parallel edges, whatever the topology.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "models/enterprise/params.hpp"
#include "sim/random.hpp"

namespace models::enterprise {

/// What an org-graph edge carries.
/// The defaults only fill edges Boost default-constructs internally (when copying a
/// graph); build_org_graph sets both fields of every edge.
struct EdgeProperties {
  double weight = 0.0;       ///< collaboration intensity w in (0, 1]
  bool shared_data = false;  ///< the two BUs share data sources (data debt spreads along it)
};

/// The org graph. Vertex i is business unit i; edges are undirected.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS,
                                    boost::no_property, EdgeProperties>;

/// @brief Builds the org graph of `units` as `spec` describes it.
///
/// - explicit_edges: one edge per entry of spec.edges, in that order, joining the units
///   named `from` and `to`, with the entry's weight and shared_data. Does not touch `rng`.
///   Throws std::invalid_argument, naming the edge, for an unknown unit name, a self-loop,
///   a duplicate edge (A-B twice, or A-B and B-A) or a weight outside (0, 1]; also when two
///   units share a name (the edges would be ambiguous).
/// - ring: edges i-(i+1) mod n for i = 0..n-1 (n >= 3); one edge 0-1 when n == 2; none
///   when n <= 1.
/// - complete: every pair i < j, in lexicographic order.
/// - small_world: Watts-Strogatz (Watts & Strogatz, Nature 1998) with
///   k = spec.small_world_neighbours and beta = spec.small_world_rewiring. Start from the
///   ring lattice: for j = 1..k/2, for i = 0..n-1, the edge i-(i+j) mod n. Then, in the
///   paper's order (all nearest clockwise edges around the ring, then all second-nearest,
///   ...), for each lattice edge i-(i+j): draw bernoulli(beta); on true, if i has a
///   non-neighbour other than itself, replace the edge by i-w with w uniform among those
///   (uniform_int over their count, in increasing vertex order); otherwise leave it. The
///   rewired edge moves to the end of the edge list. The edge count stays n k / 2.
///   Requires k even, 2 <= k < n, and beta in [0, 1].
///
/// Generated topologies ignore spec.edges, give every edge weight spec.weight (required in
/// (0, 1]) and then draw shared_data ~ bernoulli(spec.shared_data_probability) for each edge
/// in the final edge order (boost::edges(g)). They draw from `rng` only: ring and complete
/// consume exactly one output per edge. Every parameter is checked before anything is
/// drawn; on std::invalid_argument `rng` is untouched.
///
/// Same spec, same units and same `rng` state give the identical graph, edges in the same
/// order, and leave `rng` in the same state.
Graph build_org_graph(const OrgGraph& spec, const std::vector<BusinessUnit>& units,
                      sim::Rng& rng);

/// One entry of a unit's neighbour list.
struct Neighbour {
  std::uint32_t unit;  ///< the neighbouring business unit
  double weight;       ///< w of the edge
  bool shared_data;    ///< shared_data of the edge
};

/// @brief A compact, immutable neighbour list for the simulation's hot loops (compressed
///        sparse rows: one offset per unit into one flat vector).
///
/// For each unit, one entry per incident edge, sorted by neighbour index (entries of
/// parallel edges, which build_org_graph never makes, keep their out-edge order). A copy:
/// later changes to the Graph are not seen.
class Neighbourhood {
 public:
  /// Builds the lists from `g`. Throws std::length_error if `g` has 2^32 vertices or more.
  explicit Neighbourhood(const Graph& g);

  /// The neighbours of `unit`, sorted by neighbour index. Throws std::out_of_range when
  /// unit >= size(). The span stays valid as long as this object lives.
  [[nodiscard]] std::span<const Neighbour> of(std::size_t unit) const;

  /// Number of units (vertices).
  [[nodiscard]] std::size_t size() const noexcept { return offsets_.size() - 1; }

 private:
  std::vector<std::size_t> offsets_;    // unit u's entries are [offsets_[u], offsets_[u + 1])
  std::vector<Neighbour> neighbours_;
};

/// Number of connected components (boost::connected_components); 0 for an empty graph,
/// and an isolated vertex is a component of its own.
[[nodiscard]] std::size_t connected_component_count(const Graph& g);

/// Hop counts from `source` to every vertex (boost::breadth_first_search), ignoring
/// weights: 0 at the source, -1 where unreachable. Throws std::out_of_range when
/// source >= num_vertices(g).
[[nodiscard]] std::vector<int> hop_distances_from(const Graph& g, std::size_t source);

/// The mean local clustering coefficient (boost::all_clustering_coefficients): for each
/// vertex, the share of pairs of its neighbours that are themselves joined, 0 for a vertex
/// of degree < 2; averaged over all vertices. 0 for an empty graph. For the Watts-Strogatz
/// lattice (beta = 0, n > 3k/2) it is 3(k - 2) / (4(k - 1)).
[[nodiscard]] double mean_clustering(const Graph& g);

}  // namespace models::enterprise
