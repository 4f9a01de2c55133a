// Tests analysis/outputs/atomic_file.hpp: a file appears under its final name only when complete,
// an abandoned write leaves the previous file untouched, and a run killed mid-way
// leaves no half-written result.
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "analysis/outputs/atomic_file.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

using analysis::AtomicFile;
using aiscale_test::TempDir;
namespace fs = std::filesystem;

namespace {

using aiscale_test::read_file;

}  // namespace

TEST_CASE("an atomic file appears under its name only on commit", "[atomic]") {
  const TempDir dir("atomic");
  const fs::path target = dir.path() / "summary.json";
  {
    AtomicFile file(target);
    file.stream() << "complete";
    CHECK_FALSE(fs::exists(target));
    CHECK(fs::exists(dir.path() / ".summary.json.partial"));
    file.commit();
  }
  CHECK(read_file(target) == "complete");
  CHECK_FALSE(fs::exists(dir.path() / ".summary.json.partial"));
}

TEST_CASE("an abandoned atomic file leaves the previous file and no temporary", "[atomic]") {
  const TempDir dir("atomic-abandon");
  const fs::path target = dir.write("results.csv", "old results\n");
  {
    AtomicFile file(target);
    file.stream() << "half of the new";
    // No commit: an exception or an early return abandons the write.
  }
  CHECK(read_file(target) == "old results\n");
  CHECK_FALSE(fs::exists(dir.path() / ".results.csv.partial"));
}

TEST_CASE("an atomic file in a missing directory fails with the path in the message", "[atomic]") {
  const TempDir dir("atomic-missing");
  CHECK_THROWS_WITH(AtomicFile(dir.path() / "no" / "such" / "f.csv"), Catch::Contains("/no/such/.f.csv.partial"));
}

TEST_CASE("a run killed mid-way leaves no half-written result under a final name", "[atomic][cli]") {
  const TempDir dir("atomic-kill");
  const fs::path out = dir.path() / "results";
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // Enough replications to be still running when killed.
    const std::string scenario = std::string(AISCALE_SOURCE_DIR) + "/scenarios/default.json";
    execl(AISCALE_BINARY, AISCALE_BINARY, "run", scenario.c_str(), "--reps", "1000000", "--quiet", "--threads", "1",
          "--out", out.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until the run has started writing (its temporary file exists), then kill it.
  for (int i = 0; i < 400 && !fs::exists(out / ".replications.csv.partial"); ++i) usleep(25'000);
  usleep(200'000);
  REQUIRE(kill(child, SIGKILL) == 0);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));

  REQUIRE(fs::exists(out / ".replications.csv.partial"));  // the work in progress, hidden
  for (const char* name : {"summary.json", "timeseries.csv", "replications.csv", "report.html"}) {
    INFO(name);
    CHECK_FALSE(fs::exists(out / name));
  }
}
