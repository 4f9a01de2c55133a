#include "analysis/outputs/atomic_file.hpp"

#include <stdexcept>
#include <system_error>

namespace analysis {

namespace {

// `<dir>/.<name>.partial`, hidden beside the final file.
std::filesystem::path partial_path(const std::filesystem::path& final_path) {
  std::string name = final_path.filename().string();
  name.insert(0, 1, '.');
  name.append(".partial");
  return final_path.parent_path() / name;
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path final_path)
    : final_(std::move(final_path)),
      temporary_(partial_path(final_)),
      out_(temporary_, std::ios::binary | std::ios::trunc) {
  if (!out_) {
    throw std::runtime_error("cannot write " + temporary_.string() +
                             ": check that the output directory exists and is writable");
  }
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  out_.close();
  std::error_code ignored;
  std::filesystem::remove(temporary_, ignored);
}

void AtomicFile::commit() {
  out_.flush();
  if (!out_) throw std::runtime_error("writing " + temporary_.string() + " failed (disk full?)");
  out_.close();
  std::error_code ec;
  std::filesystem::rename(temporary_, final_, ec);
  if (ec) throw std::runtime_error("cannot rename " + temporary_.string() + " to " + final_.string() + ": " + ec.message());
  committed_ = true;
}

}  // namespace analysis
