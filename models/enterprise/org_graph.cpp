#include "models/enterprise/org_graph.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/clustering_coefficient.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/visitors.hpp>
#include <boost/property_map/property_map.hpp>

#include "sim/distributions.hpp"

namespace models::enterprise {
namespace {

using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

bool valid_weight(double w) { return w > 0.0 && w <= 1.0; }  // false for NaN

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string edge_label(std::size_t index, const Edge& edge) {
  return "org graph: edge " + std::to_string(index) + " (" + quoted(edge.from) + " - " +
         quoted(edge.to) + ")";
}

Graph build_explicit(const OrgGraph& spec, const std::vector<BusinessUnit>& units) {
  std::map<std::string_view, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (!index.emplace(units[i].name, i).second) {
      throw std::invalid_argument("org graph: two business units are named " +
                                  quoted(units[i].name) + ", so edges naming it are ambiguous");
    }
  }
  auto lookup = [&](std::size_t e, std::string_view name) {
    const auto it = index.find(name);
    if (it == index.end()) {
      throw std::invalid_argument(edge_label(e, spec.edges[e]) + ": unknown business unit " +
                                  quoted(name));
    }
    return it->second;
  };

  Graph g(units.size());
  for (std::size_t e = 0; e < spec.edges.size(); ++e) {
    const Edge& edge = spec.edges[e];
    const std::size_t u = lookup(e, edge.from);
    const std::size_t v = lookup(e, edge.to);
    if (u == v) {
      throw std::invalid_argument(edge_label(e, edge) + ": self-loop on business unit " +
                                  quoted(edge.from) + " (an edge must join two units)");
    }
    if (!valid_weight(edge.weight)) {
      throw std::invalid_argument(edge_label(e, edge) + ": weight must be in (0, 1], got " +
                                  std::to_string(edge.weight));
    }
    if (boost::edge(u, v, g).second) {
      throw std::invalid_argument(edge_label(e, edge) + ": duplicate edge between " +
                                  quoted(edge.from) + " and " + quoted(edge.to));
    }
    boost::add_edge(u, v, EdgeProperties{edge.weight, edge.shared_data}, g);
  }
  return g;
}

/// Adds u-v unless it would be a self-loop or a parallel edge.
void add_simple_edge(Graph& g, std::size_t u, std::size_t v, double weight) {
  if (u != v && !boost::edge(u, v, g).second) {
    boost::add_edge(u, v, EdgeProperties{weight, false}, g);
  }
}

Graph build_ring(std::size_t n, double weight) {
  Graph g(n);
  if (n == 2) {
    add_simple_edge(g, 0, 1, weight);
  } else if (n >= 3) {
    for (std::size_t i = 0; i < n; ++i) add_simple_edge(g, i, (i + 1) % n, weight);
  }
  return g;
}

Graph build_complete(std::size_t n, double weight) {
  Graph g(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) add_simple_edge(g, i, j, weight);
  }
  return g;
}

Graph build_small_world(std::size_t n, std::size_t k, double beta, double weight,
                        sim::Rng& rng) {
  const std::size_t half = k / 2;
  Graph g(n);
  for (std::size_t j = 1; j <= half; ++j) {
    for (std::size_t i = 0; i < n; ++i) add_simple_edge(g, i, (i + j) % n, weight);
  }

  std::vector<char> excluded(n, 0);  // i itself and its current neighbours
  for (std::size_t j = 1; j <= half; ++j) {
    for (std::size_t i = 0; i < n; ++i) {
      const auto [lattice_edge, present] = boost::edge(i, (i + j) % n, g);
      // Every lattice edge is still present when its turn comes: a rewiring removes only
      // the edge being considered and never adds an edge that already exists.
      if (!present || !sim::bernoulli(rng, beta)) continue;

      excluded[i] = 1;
      std::size_t excluded_count = 1;
      for (auto [it, end] = boost::adjacent_vertices(i, g); it != end; ++it) {
        if (excluded[*it] == 0) {
          excluded[*it] = 1;
          ++excluded_count;
        }
      }
      const std::size_t candidates = n - excluded_count;
      if (candidates > 0) {
        auto r = static_cast<std::size_t>(sim::uniform_int(rng, candidates));
        std::size_t w = 0;
        for (;; ++w) {
          if (excluded[w] == 0) {
            if (r == 0) break;
            --r;
          }
        }
        boost::remove_edge(lattice_edge, g);
        boost::add_edge(i, w, EdgeProperties{weight, false}, g);
      }
      std::fill(excluded.begin(), excluded.end(), 0);
    }
  }
  return g;
}

/// The edges of a generated topology, shared_data not yet drawn. `spec`'s weight and
/// shared-data probability are already checked.
Graph build_generated(const OrgGraph& spec, std::size_t n, sim::Rng& rng) {
  switch (spec.topology) {
    case Topology::ring:
      return build_ring(n, spec.weight);
    case Topology::complete:
      return build_complete(n, spec.weight);
    case Topology::small_world: {
      const int k = spec.small_world_neighbours;
      if (k < 2 || k % 2 != 0 || static_cast<std::size_t>(k) >= n) {
        throw std::invalid_argument(
            "org graph: small_world_neighbours must be even, >= 2 and below the number of "
            "business units (" + std::to_string(n) + "), got " + std::to_string(k));
      }
      const double beta = spec.small_world_rewiring;
      if (!(beta >= 0.0 && beta <= 1.0)) {
        throw std::invalid_argument("org graph: small_world_rewiring must be in [0, 1], got " +
                                    std::to_string(beta));
      }
      return build_small_world(n, static_cast<std::size_t>(k), beta, spec.weight, rng);
    }
    case Topology::explicit_edges:
      break;
  }
  throw std::invalid_argument("org graph: not a generated topology (" +
                              std::to_string(static_cast<int>(spec.topology)) + ")");
}

}  // namespace

Graph build_org_graph(const OrgGraph& spec, const std::vector<BusinessUnit>& units,
                      sim::Rng& rng) {
  if (spec.topology == Topology::explicit_edges) return build_explicit(spec, units);

  if (!valid_weight(spec.weight)) {
    throw std::invalid_argument("org graph: weight of generated edges must be in (0, 1], got " +
                                std::to_string(spec.weight));
  }
  const double p = spec.shared_data_probability;
  if (!(p >= 0.0 && p <= 1.0)) {
    throw std::invalid_argument(
        "org graph: shared_data_probability must be in [0, 1], got " + std::to_string(p));
  }
  Graph g = build_generated(spec, units.size(), rng);
  for (auto [it, end] = boost::edges(g); it != end; ++it) {
    g[*it].shared_data = sim::bernoulli(rng, p);
  }
  return g;
}

Neighbourhood::Neighbourhood(const Graph& g) {
  const std::size_t n = boost::num_vertices(g);
  if (n > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("Neighbourhood: too many units (" + std::to_string(n) + ")");
  }
  offsets_.reserve(n + 1);
  offsets_.push_back(0);
  neighbours_.reserve(2 * boost::num_edges(g));
  for (std::size_t u = 0; u < n; ++u) {
    const auto first = static_cast<std::ptrdiff_t>(neighbours_.size());
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      const EdgeProperties& e = g[*it];
      neighbours_.push_back(
          Neighbour{static_cast<std::uint32_t>(boost::target(*it, g)), e.weight, e.shared_data});
    }
    std::stable_sort(neighbours_.begin() + first, neighbours_.end(),
                     [](const Neighbour& a, const Neighbour& b) { return a.unit < b.unit; });
    offsets_.push_back(neighbours_.size());
  }
}

std::span<const Neighbour> Neighbourhood::of(std::size_t unit) const {
  if (unit >= size()) {
    throw std::out_of_range("Neighbourhood::of: unit " + std::to_string(unit) +
                            " out of range (" + std::to_string(size()) + " units)");
  }
  return std::span<const Neighbour>(neighbours_).subspan(offsets_[unit],
                                                         offsets_[unit + 1] - offsets_[unit]);
}

std::size_t connected_component_count(const Graph& g) {
  std::vector<int> component(boost::num_vertices(g));
  if (component.empty()) return 0;
  const int count = boost::connected_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  return static_cast<std::size_t>(count);
}

std::vector<int> hop_distances_from(const Graph& g, std::size_t source) {
  const std::size_t n = boost::num_vertices(g);
  if (source >= n) {
    throw std::out_of_range("hop_distances_from: source " + std::to_string(source) +
                            " out of range (" + std::to_string(n) + " units)");
  }
  std::vector<int> distance(n, -1);
  distance[source] = 0;
  auto distance_map =
      boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, g));
  boost::breadth_first_search(
      g, boost::vertex(source, g),
      boost::visitor(boost::make_bfs_visitor(
          boost::record_distances(distance_map, boost::on_tree_edge()))));
  return distance;
}

double mean_clustering(const Graph& g) {
  std::vector<double> coefficient(boost::num_vertices(g));
  if (coefficient.empty()) return 0.0;
  return boost::all_clustering_coefficients(
      g, boost::make_iterator_property_map(coefficient.begin(),
                                           boost::get(boost::vertex_index, g)));
}

}  // namespace models::enterprise
