/// @file
/// @brief Reading a whole file in tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace aiscale_test {

/// The bytes of `path`, or "" when it cannot be read (tests check what they expect).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace aiscale_test
