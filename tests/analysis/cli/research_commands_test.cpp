// The research commands as a researcher runs them: sweep, sensitivity and calibrate on
// experiment files; bit-identical results whatever the thread count, the MPI rank count
// or an interruption; parameter recovery by calibration.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <vector>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/run_aiscale.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using aiscale_test::read_file;
using aiscale_test::run_aiscale;
using aiscale_test::TempDir;

namespace {

const std::string kSource = AISCALE_SOURCE_DIR;

std::size_t lines_of(const std::string& text) { return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')); }

/// A small sweep of the default enterprise: a Latin hypercube of `points` points.
fs::path write_lhs_experiment(const TempDir& dir, int points, int reps) {
  return dir.write("lhs.json", R"({
    "name": "lhs", "scenario": ")" + kSource + R"(/scenarios/default.json",
    "parameters": [
      {"path": "/money/change_management_per_month", "min": 0, "max": 150000},
      {"name": "engineers", "path": "/workforce/headcount/data_engineer", "min": 4, "max": 14},
      {"path": "/business_units/*/trust", "min": 0.2, "max": 0.8}
    ],
    "outputs": ["roi_final", "mean_adoption@36", "break_even_month"],
    "replications": )" + std::to_string(reps) + R"(, "seed": 7,
    "sweep": {"design": "latin_hypercube", "points": )" + std::to_string(points) + R"(}
  })");
}

}  // namespace

TEST_CASE("sweep runs a grid and writes tidy points.csv and runs.csv", "[research][cli]") {
  const TempDir dir("sweep");
  const auto r = run_aiscale("sweep " + kSource + "/scenarios/experiments/sweep-change-and-engineers.json --quiet --out " +
                             (dir.path() / "out").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const std::string points = read_file(dir.path() / "out/points.csv");
  const std::string runs = read_file(dir.path() / "out/runs.csv");
  CHECK(points.rfind("point,change management ($/month),data engineers,output,mean,sd,ci_low,ci_high,n\n", 0) == 0);
  CHECK(lines_of(points) == 1 + 4 * 3 * 3);  // header + 12 points x 3 outputs
  CHECK(lines_of(runs) == 1 + 12 * 10);
  // The grid: 4 equally spaced budgets (ends included) x the 3 listed engineer counts.
  CHECK_THAT(points, Catch::Contains("\n0,0,6,roi_final,"));
  CHECK_THAT(points, Catch::Contains("\n1,0,8,roi_final,"));
  CHECK_THAT(points, Catch::Contains("\n5,50000,12,roi_final,"));
  CHECK_THAT(points, Catch::Contains("\n11,150000,12,mean_adoption@60,"));
  CHECK_FALSE(fs::exists(dir.path() / "out/journal.csv"));  // removed once the final files exist
}

TEST_CASE("research outputs are identical on 1 and 2 threads", "[research][cli]") {
  const TempDir dir("sweep-threads");
  const fs::path experiment = write_lhs_experiment(dir, 12, 3);
  for (const char* threads : {"1", "2"}) {
    REQUIRE(run_aiscale("sweep " + experiment.string() + " --quiet --threads " + threads + " --out " +
                        (dir.path() / threads).string())
                .exit_code == 0);
  }
  CHECK(read_file(dir.path() / "1/points.csv") == read_file(dir.path() / "2/points.csv"));
  CHECK(read_file(dir.path() / "1/runs.csv") == read_file(dir.path() / "2/runs.csv"));
  // A "*" path sets every business unit: the runs differ from point to point.
  CHECK_THAT(read_file(dir.path() / "1/points.csv"), Catch::Contains(",/business_units/*/trust,output,"));
}

TEST_CASE("a sweep killed with SIGKILL or SIGINT resumes without losing or recomputing finished points", "[research][cli]") {
  const TempDir dir("sweep-resume");
  const fs::path experiment = write_lhs_experiment(dir, 120, 4);
  const fs::path whole = dir.path() / "whole";
  REQUIRE(run_aiscale("sweep " + experiment.string() + " --quiet --out " + whole.string()).exit_code == 0);
  for (const int signal : {SIGKILL, SIGINT}) {
    INFO("signal " << signal);
    const fs::path out = dir.path() / ("killed-" + std::to_string(signal));
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      execl(AISCALE_BINARY, AISCALE_BINARY, "sweep", experiment.c_str(), "--quiet", "--threads", "1", "--out", out.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    // Kill it once the journal holds some finished points (a batch is 64 points at 4 reps).
    const fs::path journal = out / "journal.csv";
    for (int i = 0; i < 2000 && lines_of(read_file(journal)) < 2; ++i) usleep(10'000);
    REQUIRE(kill(child, signal) == 0);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFSIGNALED(status));
    const std::size_t journaled = lines_of(read_file(journal)) - 1;
    REQUIRE(journaled >= 1);
    REQUIRE(journaled < 120);  // killed before the end
    CHECK_FALSE(fs::exists(out / "points.csv"));

    // Resuming without --resume is refused (the folder holds files)...
    CHECK(run_aiscale("sweep " + experiment.string() + " --quiet --out " + out.string()).exit_code == 2);
    // ...and with a different experiment too.
    const auto other = run_aiscale("sweep " + experiment.string() + " --quiet --seed 8 --resume --out " + out.string());
    CHECK(other.exit_code == 2);
    CHECK_THAT(other.output, Catch::Contains("different experiment"));

    // A kill can also cut the line being written: a torn last line is dropped on resume.
    std::ofstream(journal, std::ios::binary | std::ios::app) << "0x1p+0;0x1.8p+3;0x";
    const auto resumed = run_aiscale("sweep " + experiment.string() + " --resume --quiet --out " + out.string());
    INFO(resumed.output);
    REQUIRE(resumed.exit_code == 0);
    CHECK_THAT(resumed.output, Catch::Contains(std::to_string((120 - journaled) * 4) + " model runs now, " +
                                               std::to_string(journaled) + " points resumed"));
    CHECK(read_file(out / "points.csv") == read_file(whole / "points.csv"));
    CHECK(read_file(out / "runs.csv") == read_file(whole / "runs.csv"));
    // Nothing is left to resume.
    CHECK(run_aiscale("sweep " + experiment.string() + " --resume --quiet --out " + out.string()).exit_code == 2);
  }
}

TEST_CASE("sensitivity writes indices and a report for Morris and Sobol", "[research][cli]") {
  const TempDir dir("sensitivity");
  const fs::path experiment = dir.write("sa.json", R"({
    "name": "sa", "scenario": ")" + kSource + R"(/scenarios/default.json",
    "parameters": [
      {"name": "change", "path": "/money/change_management_per_month", "min": 0, "max": 150000},
      {"name": "mlops", "path": "/workforce/headcount/mlops_engineer", "min": 1, "max": 6},
      {"name": "unused", "path": "/governance/incident_cost", "min": 100000, "max": 100001}
    ],
    "outputs": ["pilot_to_production_month_24", "mean_adoption@36"],
    "replications": 2, "seed": 3,
    "morris": {"trajectories": 6, "levels": 4},
    "sobol": {"base_samples": 16},
    "bootstrap": 50
  })");
  for (const char* method : {"morris", "sobol"}) {
    const fs::path out = dir.path() / method;
    const auto r = run_aiscale("sensitivity " + experiment.string() + " --method " + method + " --quiet --out " + out.string());
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const std::string indices = read_file(out / "indices.csv");
    CHECK(indices.rfind("method,output,parameter,measure,value,ci_low,ci_high\n", 0) == 0);
    CHECK(fs::exists(out / "report.html"));
    CHECK(fs::exists(out / "points.csv"));
    // Change management does not touch the pipeline: no effect on pilot-to-production.
    if (std::string(method) == "morris") {
      CHECK_THAT(indices, Catch::Contains("morris,pilot_to_production_month_24,change,mu_star,0,0,0\n"));
      CHECK(lines_of(indices) == 1 + 2 * 3 * 3);
    } else {
      CHECK_THAT(indices, Catch::Contains("sobol,pilot_to_production_month_24,change,ST,0,0,0\n"));
      CHECK(lines_of(indices) == 1 + 2 * 3 * 2);
    }
  }
  // Without --method, or without the design's section, a clear refusal.
  CHECK(run_aiscale("sensitivity " + experiment.string() + " --quiet --out " + (dir.path() / "x").string()).exit_code == 2);
  const fs::path bare = dir.write("bare.json", R"({"name": "bare", "scenario": ")" + kSource +
                                                  R"(/scenarios/default.json", "parameters": [{"path": "/platform/initial", "min": 0, "max": 0.5}],
    "outputs": ["roi_final"], "replications": 1})");
  const auto r = run_aiscale("sensitivity " + bare.string() + " --method sobol --quiet --out " + (dir.path() / "y").string());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.output, Catch::Contains("has no \"sobol\" section"));
}

TEST_CASE("calibrate recovers the parameters that generated its targets", "[research][cli]") {
  const TempDir dir("calibrate");
  const std::string base = kSource + "/scenarios/exercises/04-drift/no-monitoring.json";
  // 1. Outputs at known parameters (drift rate 0.07, accuracy floor 0.6), by a one-point sweep:
  //    the accuracy of unmonitored models at months 2, 4 and 6, before users complain.
  const fs::path truth = dir.write("truth.json", R"({
    "name": "truth", "scenario": ")" + base + R"(",
    "parameters": [{"name": "drift rate", "path": "/production/drift_rate", "values": [0.07]},
                   {"name": "floor", "path": "/production/accuracy_floor", "values": [0.6]}],
    "outputs": ["mean_accuracy@2", "mean_accuracy@6", "mean_accuracy@4"], "replications": 10, "seed": 5,
    "sweep": {"design": "grid"}
  })");
  REQUIRE(run_aiscale("sweep " + truth.string() + " --quiet --out " + (dir.path() / "truth").string()).exit_code == 0);
  std::map<std::string, std::string> means;
  std::istringstream rows(read_file(dir.path() / "truth/points.csv"));
  std::string row;
  std::getline(rows, row);
  while (std::getline(rows, row)) {
    std::vector<std::string> f;
    std::stringstream cells(row);
    for (std::string cell; std::getline(cells, cell, ',');) f.push_back(cell);
    means[f[3]] = f[4];
  }
  REQUIRE(means.size() == 3);
  // 2. Calibrate the same two parameters over wide ranges, from the centre, to those outputs.
  const fs::path experiment = dir.write("fit.json", R"({
    "name": "fit", "scenario": ")" + base + R"(",
    "parameters": [{"name": "drift rate", "path": "/production/drift_rate", "min": 0.01, "max": 0.2, "scale": "log"},
                   {"name": "floor", "path": "/production/accuracy_floor", "min": 0.3, "max": 0.8}],
    "outputs": ["roi_final"], "replications": 10, "seed": 5
  })");
  const fs::path targets = dir.write("targets.json", R"({"targets": [
    {"output": "mean_accuracy@2", "value": )" + means["mean_accuracy@2"] + R"(},
    {"output": "mean_accuracy@6", "value": )" + means["mean_accuracy@6"] + R"(},
    {"output": "mean_accuracy@4", "value": )" + means["mean_accuracy@4"] + R"(}], "max_evaluations": 400})");
  const auto r = run_aiscale("calibrate " + experiment.string() + " --targets " + targets.string() + " --quiet --out " +
                             (dir.path() / "fit").string());
  INFO(r.output);
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(read_file(dir.path() / "fit/calibration.json"));
  CHECK(doc["parameters"][0]["value"].get<double>() == Approx(0.07).epsilon(0.02));
  CHECK(doc["parameters"][1]["value"].get<double>() == Approx(0.6).epsilon(0.02));
  CHECK(doc["objective"].get<double>() < 1e-5);
  for (const auto& t : doc["targets"]) CHECK(t["met"].get<bool>());
  CHECK(lines_of(read_file(dir.path() / "fit/evaluations.csv")) == 1 + doc["evaluations"].get<std::size_t>());
}

TEST_CASE("experiment files with mistakes are refused with every problem named", "[research][cli]") {
  const TempDir dir("experiment-errors");
  const fs::path bad = dir.write("bad.json", R"({
    "name": "bad", "scenario": ")" + kSource + R"(/scenarios/default.json",
    "parameters": [
      {"path": "/money/no_such_key", "min": 0, "max": 1},
      {"path": "/structure", "values": [1, 2]},
      {"path": "/platform/initial", "min": 0, "max": 2},
      {"path": "/platform/build_rate", "min": 0.1, "max": 0.05},
      {"path": "/business_units/*/trust", "min": 0, "max": 1, "scale": "log"}
    ],
    "outputs": ["roi_finale", "mean_accuracy@499", "roi_final"],
    "replications": 0, "colour": "blue",
    "sweep": {"design": "random"}
  })");
  const auto r = run_aiscale("sweep " + bad.string() + " --quiet --out " + (dir.path() / "out").string());
  CHECK(r.exit_code == 2);
  for (const char* expected : {"/parameters/0/path: /money has no 'no_such_key'",
                               "/parameters/1/path: /structure is string, not a number",
                               "/parameters/3: \"min\" must be below \"max\", got min 0.1 and max 0.05",
                               "/parameters/4/min: a log scale needs min > 0", "/outputs/0: unknown output \"roi_finale\"",
                               "/outputs/1: unknown output \"mean_accuracy@499\"", "/replications: 0 is out of range: must be >= 1",
                               "/colour: unknown key 'colour'", "/sweep/design: \"random\" is not allowed: must be one of \"grid\", \"latin_hypercube\""}) {
    CHECK_THAT(r.output, Catch::Contains(expected));
  }
  CHECK_FALSE(fs::exists(dir.path() / "out"));
  // A range end the scenario format refuses is named with the value (checked once the rest is right).
  const fs::path range = dir.write("range.json", R"({"name": "r", "scenario": ")" + kSource +
                                                     R"(/scenarios/default.json", "parameters": [{"path": "/platform/initial", "min": 0, "max": 2}],
    "outputs": ["roi_final"], "replications": 1, "sweep": {"design": "grid"}})");
  const auto rr = run_aiscale("sweep " + range.string() + " --quiet --out " + (dir.path() / "out").string());
  CHECK(rr.exit_code == 2);
  CHECK_THAT(rr.output, Catch::Contains("/parameters/0: the value 2 makes the scenario invalid (/platform/initial"));
  // Malformed JSON and a missing file.
  const fs::path malformed = dir.write("malformed.json", "{\"name\": ");
  CHECK_THAT(run_aiscale("sweep " + malformed.string() + " --quiet").output, Catch::Contains("malformed JSON"));
  const auto missing = run_aiscale("sweep " + (dir.path() / "nope.json").string() + " --quiet");
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.output, Catch::Contains("nope.json: no such file"));
  // --resume needs --out; --resume with --force is a contradiction.
  CHECK(run_aiscale("sweep " + bad.string() + " --resume --quiet").exit_code == 2);
}

TEST_CASE("under mpirun with 2 ranks the results are byte-identical to one process", "[research][cli][mpi]") {
  const TempDir dir("mpi");
  const fs::path experiment = dir.write("sa.json", R"({
    "name": "sa-mpi", "scenario": ")" + kSource + R"(/scenarios/default.json",
    "parameters": [
      {"name": "change", "path": "/money/change_management_per_month", "min": 0, "max": 150000},
      {"name": "mlops", "path": "/workforce/headcount/mlops_engineer", "min": 1, "max": 6},
      {"name": "platform", "path": "/platform/initial", "min": 0, "max": 0.6}
    ],
    "outputs": ["roi_final", "pilot_to_production_month_24"],
    "replications": 3, "seed": 11, "sobol": {"base_samples": 16}, "bootstrap": 50
  })");
  // Under the sanitizer build, leak checking is off for the ranks only: OpenMPI's
  // dynamically loaded components allocate memory they never free and are unloaded before
  // LeakSanitizer reports, so no suppression can name them. Every other check stays on,
  // and the single-process runs of the same code keep leak checking.
  const std::string mpirun = "ASAN_OPTIONS=\"${ASAN_OPTIONS:-}:detect_leaks=0\" OMPI_ALLOW_RUN_AS_ROOT=1 "
                             "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1 "
                             "mpirun --oversubscribe -np 2 ";
  const std::string args = "sensitivity " + experiment.string() + " --method sobol --quiet --threads 1 --out ";
  const std::string cluster_run = mpirun + AISCALE_BINARY + " " + args + (dir.path() / "two").string() + " 2>&1";
  FILE* pipe = popen(cluster_run.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[4096];
  while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  const int status = pclose(pipe);
  INFO(cluster_run << "\n" << output);
  INFO("mpirun comes with Debian's openmpi-bin (scripts/install-deps.sh installs it)");
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  // Rank 0 alone prints and writes: one summary line, not two.
  CHECK(output.find("sa-mpi (sobol)") == output.rfind("sa-mpi (sobol)"));

  REQUIRE(run_aiscale(args + (dir.path() / "one").string()).exit_code == 0);
  for (const char* file : {"indices.csv", "points.csv", "runs.csv", "report.html"}) {
    INFO(file);
    const std::string one = read_file(dir.path() / "one" / file);
    CHECK_FALSE(one.empty());
    CHECK(one == read_file(dir.path() / "two" / file));
  }

  // Commands that do not split their work refuse to run on several ranks.
  const std::string refused = mpirun + AISCALE_BINARY + " run " + kSource + "/scenarios/default.json --reps 2 --quiet --out " +
                              (dir.path() / "run").string() + " >/dev/null 2>&1";
  const int run_status = std::system(refused.c_str());
  CHECK(WIFEXITED(run_status));
  CHECK(WEXITSTATUS(run_status) != 0);
  CHECK_FALSE(fs::exists(dir.path() / "run" / "summary.json"));
}
