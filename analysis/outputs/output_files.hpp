/// @file
/// @brief What every command that writes results shares: the output folder's rules
///        and how numbers and names are written into CSV files.
#pragma once

#include <filesystem>
#include <string>

namespace analysis {

/// Creates `out` if needed. Throws std::invalid_argument (naming the fix) when it is a
/// file, cannot be created, or already holds files and `force` is false.
void prepare_output_directory(const std::filesystem::path& out, bool force);

/// A number as CSV text, the same bytes on every run: 10 significant digits, NaN as NA.
std::string csv_number(double x);

/// A CSV field: quoted (RFC 4180) when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text);

}  // namespace analysis
