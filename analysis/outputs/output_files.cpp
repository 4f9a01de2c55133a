#include "analysis/outputs/output_files.hpp"

#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <system_error>

namespace analysis {

namespace fs = std::filesystem;

void prepare_output_directory(const fs::path& out, bool force) {
  std::error_code ec;
  if (fs::exists(out, ec)) {
    if (!fs::is_directory(out, ec)) {
      throw std::invalid_argument("--out " + out.string() + " exists and is not a directory: choose another --out");
    }
    if (!fs::is_empty(out, ec) && !force) {
      throw std::invalid_argument("--out " + out.string() +
                                  " already holds files: choose another --out, or pass --force to replace its results");
    }
    return;
  }
  fs::create_directories(out, ec);
  if (ec) {
    throw std::invalid_argument("--out " + out.string() + " cannot be created (" + ec.message() +
                                "): choose a writable directory");
  }
}

std::string csv_number(double x) {
  if (std::isnan(x)) return "NA";
  char text[32];
  std::snprintf(text, sizeof text, "%.10g", x);
  return text;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

}  // namespace analysis
