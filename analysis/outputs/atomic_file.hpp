/// @file
/// @brief Output files that appear under their final name only when complete.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace analysis {

/// @brief Writes to `<dir>/.<name>.partial` and renames it to `<dir>/<name>` on commit(),
///        so an interrupted run never leaves a half-written file under the final name.
///
/// The destructor removes an uncommitted temporary file (an exception or an early
/// return abandons the output). Throws std::runtime_error naming the file when it
/// cannot be opened, written or renamed.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path final_path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  /// The stream to write to.
  std::ofstream& stream() { return out_; }

  /// Flushes, checks that every write succeeded and renames the file into place.
  void commit();

  [[nodiscard]] const std::filesystem::path& path() const { return final_; }

 private:
  std::filesystem::path final_;
  std::filesystem::path temporary_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace analysis
