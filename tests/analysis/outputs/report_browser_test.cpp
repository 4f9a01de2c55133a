// Opens report.html in a real browser (headless Chromium, Debian's `chromium`, installed
// by scripts/install-deps.sh) and checks that every chart drew: the page reports
// data-report-status="ok" only when vega-embed resolved for every chart and no script
// error occurred, and each chart's container holds a drawn SVG. A second test breaks a
// chart on purpose to show that the check can fail.
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include "analysis/outputs/report.hpp"
#include "analysis/run_aiscale.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

using aiscale_test::run_aiscale;
using aiscale_test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kScenarios = std::string(AISCALE_SOURCE_DIR) + "/scenarios/";

using aiscale_test::read_file;

/// The browser: $AISCALE_CHROMIUM, else chromium on the PATH.
std::string chromium() {
  if (const char* env = std::getenv("AISCALE_CHROMIUM"); env != nullptr && *env != '\0') return env;
  return "chromium";
}

/// Runs headless Chromium on `page` and returns the DOM after the page's scripts ran.
/// The flags keep Chromium off the network (the page needs none) and let it run as root.
std::string rendered_dom(const fs::path& page, const fs::path& profile) {
  const std::string command =
      "timeout 180 " + chromium() +
      " --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run"
      " --disable-background-networking --disable-component-update --disable-sync --disable-extensions"
      " --user-data-dir=" + profile.string() + " --virtual-time-budget=60000 --dump-dom file://" +
      fs::absolute(page).string() + " 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string dom;
  std::array<char, 8192> buffer{};
  while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) dom.append(buffer.data(), n);
  const int status = pclose(pipe);
  INFO("command: " << command);
  INFO("Chromium is needed for this test: run scripts/install-deps.sh (Debian package chromium), "
       "or point AISCALE_CHROMIUM at a Chromium binary");
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  REQUIRE_FALSE(dom.empty());
  return dom;
}

/// The opening tag of the element with `id`, or "" if there is none.
std::string opening_tag(const std::string& dom, const std::string& id) {
  const auto at = dom.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  const auto start = dom.rfind('<', at);
  return dom.substr(start, dom.find('>', at) - start + 1);
}

/// What lies between the opening tag of chart `id` and the end of its section.
std::string chart_content(const std::string& dom, const std::string& id) {
  const auto at = dom.find("id=\"chart-" + id + "\"");
  if (at == std::string::npos) return "";
  return dom.substr(at, dom.find("</section>", at) - at);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("report.html draws every chart in headless Chromium", "[report][browser]") {
  const TempDir dir("browser");
  const fs::path out = dir.path() / "results";
  REQUIRE(run_aiscale("compare " + kScenarios + "hybrid.json " + kScenarios + "coe.json " + kScenarios +
                      "federated.json --reps 8 --quiet --out " + out.string())
              .exit_code == 0);
  const std::string dom = rendered_dom(out / "report.html", dir.path() / "profile");

  CHECK_THAT(opening_tag(dom, "report-errors"), Catch::Contains("hidden"));
  REQUIRE_THAT(dom, Catch::Contains("<body data-report-status=\"ok\">"));
  for (const auto& id : analysis::report_chart_ids()) {
    INFO("chart " << id);
    CHECK_THAT(opening_tag(dom, "chart-" + id), Catch::Contains("data-drawn=\"true\""));
    const std::string chart = chart_content(dom, id);
    CHECK(count(chart, "<svg") == 1);
    CHECK_THAT(chart, Catch::Contains("class=\"marks\""));
    CHECK(count(chart, "role=\"graphics-symbol\"") >= 1);  // drawn marks, not an empty frame
    CHECK(count(chart, "<path") >= 3);
  }
}

TEST_CASE("the browser check sees a chart that fails to draw", "[report][browser]") {
  const TempDir dir("browser-broken");
  const fs::path out = dir.path() / "results";
  REQUIRE(run_aiscale("run " + kScenarios + "default.json --reps 3 --quiet --out " + out.string()).exit_code == 0);
  std::string page = read_file(out / "report.html");
  // Give the first chart a mark type that Vega-Lite does not know.
  const std::string line_mark = "\"mark\":{\"type\":\"line\"";
  const auto at = page.find(line_mark);
  REQUIRE(at != std::string::npos);
  page.replace(at, line_mark.size(), "\"mark\":{\"type\":\"no-such-mark\"");
  const fs::path broken = dir.write("broken.html", page);

  const std::string dom = rendered_dom(broken, dir.path() / "profile");
  CHECK_THAT(dom, Catch::Contains("<body data-report-status=\"error\">"));
  CHECK_THAT(dom, Catch::Contains("This chart could not be drawn"));
  CHECK_THAT(opening_tag(dom, "chart-roi"), !Catch::Contains("data-drawn"));
}

TEST_CASE("the sensitivity report draws its tornado charts in headless Chromium", "[report][browser][research]") {
  const TempDir dir("browser-sensitivity");
  const fs::path out = dir.path() / "results";
  const fs::path experiment = dir.write("sa.json", R"({
    "name": "sa", "scenario": ")" + kScenarios + R"(default.json",
    "parameters": [
      {"name": "change", "path": "/money/change_management_per_month", "min": 0, "max": 150000},
      {"name": "mlops", "path": "/workforce/headcount/mlops_engineer", "min": 1, "max": 6},
      {"name": "<b>escaped</b>", "path": "/platform/initial", "min": 0, "max": 0.6}
    ],
    "outputs": ["roi_final", "pilot_to_production_month_24"],
    "replications": 2, "seed": 3, "sobol": {"base_samples": 8}, "bootstrap": 50
  })");
  REQUIRE(run_aiscale("sensitivity " + experiment.string() + " --method sobol --quiet --out " + out.string()).exit_code == 0);
  const std::string page = read_file(out / "report.html");
  CHECK_THAT(page, Catch::Contains("&lt;b&gt;escaped&lt;/b&gt;"));
  const std::string dom = rendered_dom(out / "report.html", dir.path() / "profile");
  REQUIRE_THAT(dom, Catch::Contains("<body data-report-status=\"ok\">"));
  for (const char* id : {"tornado-0", "tornado-1"}) {
    INFO("chart " << id);
    CHECK_THAT(opening_tag(dom, "chart-" + std::string(id)), Catch::Contains("data-drawn=\"true\""));
    const std::string chart = chart_content(dom, id);
    CHECK(count(chart, "<svg") == 1);
    CHECK(count(chart, "role=\"graphics-symbol\"") >= 3);  // a bar per parameter
  }
}
