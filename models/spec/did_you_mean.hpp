/// @file
/// @brief "Did you mean": the known name a mistyped one was most likely meant to be.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace spec {

/// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
std::size_t edit_distance(const std::string& a, const std::string& b);

/// The candidate `word` was most likely meant to be: the same up to case, within edit
/// distance 2, or a prefix of it (or it of the word) of at least 3 characters; nullopt
/// when none is near (or the word is absurdly long). Ties go to the first candidate.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace spec
