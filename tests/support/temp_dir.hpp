/// @file
/// @brief A fresh temporary directory per test, removed with its contents at the end.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

namespace aiscale_test {

class TempDir {
 public:
  /// Creates `<tmp>/aiscale-<label>-<pid>-<n>`, empty.
  explicit TempDir(const std::string& label) {
    static int counter = 0;  // test-only: distinct directories within one process
    path_ = std::filesystem::temp_directory_path() /
            ("aiscale-" + label + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  /// Writes `text` to `name` (subdirectories created) and returns the file's path.
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace aiscale_test
