// The findings checker itself: each kind of finding holds when it should and fails when
// it should not, and a malformed line is a failure that says why.
#include "docs/findings.hpp"

#include <catch2/catch.hpp>

#include "support/temp_dir.hpp"

using aiscale_test::check_finding;

namespace {

// Two scenarios, four replications: a = 1, 2, 3, 4 and b = a - 1 except one NA cell;
// c is always 10 more than a (an exact pairing); one series at months 1 and 2.
void write_run(const aiscale_test::TempDir& dir) {
  dir.write("run/replications.csv",
            "scenario,replication,seed,x,y\n"
            "a,0,1,1,5\n" "a,1,1,2,5\n" "a,2,1,3,5\n" "a,3,1,4,5\n"
            "b,0,1,0,5\n" "b,1,1,1,NA\n" "b,2,1,2,5\n" "b,3,1,3,5\n"
            "\"c, quoted\",0,1,11,5\n" "\"c, quoted\",1,1,12,5\n" "\"c, quoted\",2,1,13,5\n" "\"c, quoted\",3,1,14,5\n");
  dir.write("run/timeseries.csv",
            "scenario,metric,month,mean,sd,ci_low,ci_high,p10,p50,p90\n"
            "a,acc,1,0.9,0,0.88,0.92,0,0,0\n"
            "a,acc,2,0.8,0,0.78,0.82,0,0,0\n"
            "b,acc,2,0.7,0,0.6,0.79,0,0,0\n");
}

}  // namespace

TEST_CASE("findings: a mean in a range holds only inside the range") {
  aiscale_test::TempDir dir("findings");
  write_run(dir);
  CHECK(check_finding("run: x(a) in [2.5, 2.5]", dir.path()).holds);
  CHECK_FALSE(check_finding("run: x(a) in [2.6, 3]", dir.path()).holds);
  CHECK(check_finding("run: y(b) in [5, 5]", dir.path()).holds);  // the empty cell is skipped
  CHECK(check_finding("run: x(c, quoted) in [12.5, 12.5]", dir.path()).holds);
  CHECK(check_finding("run: acc@2(a) in [0.79, 0.81]", dir.path()).holds);
  CHECK_FALSE(check_finding("run: acc@1(a) in [0.79, 0.81]", dir.path()).holds);
}

TEST_CASE("findings: paired comparisons need the confidence interval on one side of zero") {
  aiscale_test::TempDir dir("findings");
  write_run(dir);
  CHECK(check_finding("run: x(c, quoted) > x(a)", dir.path()).holds);  // always +10: CI is [10, 10]
  CHECK_FALSE(check_finding("run: x(c, quoted) < x(a)", dir.path()).holds);
  CHECK(check_finding("run: x(c, quoted) - x(a) in [10, 10]", dir.path()).holds);
  CHECK(check_finding("run: x(a) > x(b)", dir.path()).holds);  // always +1
  // a vs a shuffled would not be significant: y is constant, so the difference is 0.
  CHECK_FALSE(check_finding("run: y(a) > y(b)", dir.path()).holds);
}

TEST_CASE("findings: series comparisons need separate intervals and ratios use the means") {
  aiscale_test::TempDir dir("findings");
  write_run(dir);
  CHECK(check_finding("run: acc@2(a) > acc@2(b)", dir.path()).holds == false);  // 0.78 < 0.79: overlap
  CHECK(check_finding("run: acc@1(a) > acc@2(b)", dir.path()).holds);
  CHECK(check_finding("run: acc@2(b) < acc@1(a)", dir.path()).holds);
  CHECK(check_finding("run: x(c, quoted) / x(a) in [5, 5]", dir.path()).holds);
  CHECK(check_finding("run: acc@2(b) / acc@1(a) in [0.77, 0.78]", dir.path()).holds);
}

TEST_CASE("findings: malformed lines and unknown names fail with a reason") {
  aiscale_test::TempDir dir("findings");
  write_run(dir);
  const auto reason = [&](const std::string& line) {
    const auto verdict = check_finding(line, dir.path());
    CHECK_FALSE(verdict.holds);
    return verdict.explanation;
  };
  CHECK_THAT(reason("x(a) in [1, 2]"), Catch::Contains("DIR"));
  CHECK_THAT(reason("nowhere: x(a) in [1, 2]"), Catch::Contains("replications.csv"));
  CHECK_THAT(reason("run: x(zzz) in [1, 2]"), Catch::Contains("zzz"));
  CHECK_THAT(reason("run: nope(a) in [1, 2]"), Catch::Contains("nope"));
  CHECK_THAT(reason("run: acc@7(a) in [1, 2]"), Catch::Contains("acc@7(a)"));
  CHECK_THAT(reason("run: x(a) in [2, 1]"), Catch::Contains("LO <= HI"));
  CHECK_THAT(reason("run: x(a) in 1..2"), Catch::Contains("must read"));
  CHECK_THAT(reason("run: x a > x(b)"), Catch::Contains("METRIC(SCENARIO)"));
  CHECK_THAT(reason("run: acc@2(a) - x(b) in [0, 1]"), Catch::Contains("summary metrics"));
}
