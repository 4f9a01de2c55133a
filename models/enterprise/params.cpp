// The JSON names of the enterprise model's enums that params.hpp declares.
#include "models/enterprise/params.hpp"

#include <array>
#include <cstddef>
#include <string_view>

namespace models::enterprise {
namespace {

constexpr std::array<std::string_view, kRoleCount> kRoleNames = {
    "data_scientist", "data_engineer",   "ml_engineer",
    "mlops_engineer", "product_manager", "governance"};

constexpr std::array<std::string_view, kStructureCount> kStructureNames = {"coe", "federated",
                                                                           "hybrid"};

}  // namespace

std::string_view role_name(Role role) { return kRoleNames.at(static_cast<std::size_t>(role)); }

std::string_view structure_name(Structure structure) {
  return kStructureNames.at(static_cast<std::size_t>(structure));
}

}  // namespace models::enterprise
