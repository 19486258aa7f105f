#include "cevns/scan/scan_runner.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <fstream>

#include "cevns/core/error.hpp"
#include "cevns/scan/checkpoint.hpp"
#include "cevns/scan/parameter_space.hpp"

namespace cevns::scan {
namespace {

ScanJob quadratic_job(std::size_t n) {
  ParameterSpace space({{"x", -1.0, 1.0, n}, {"y", 0.0, 2.0, 3}}, Sampling::grid);
  return {space, {"f", "g"}, [](const std::vector<double>& p) {
            if (p[0] > 0.99 && p[1] > 1.99) throw InputError("unphysical corner");
            return std::vector<double>{p[0] * p[0] + p[1], std::sin(p[0] * p[1])};
          }};
}

std::filesystem::path temp_file(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("cevns_test_" + std::to_string(::getpid()) + "_" + name);
}

TEST(ParameterSpace, GridOrderIsLastAxisFastest) {
  const ParameterSpace s({{"a", 0.0, 1.0, 2}, {"b", 10.0, 30.0, 3}}, Sampling::grid);
  ASSERT_EQ(s.size(), 6u);
  EXPECT_EQ(s.point(1), (std::vector<double>{0.0, 20.0}));
  EXPECT_EQ(s.point(3), (std::vector<double>{1.0, 10.0}));
  const ParameterSpace logs({{"m", 1.0, 100.0, 3, true}}, Sampling::grid);
  EXPECT_NEAR(logs.point(1)[0], 10.0, 1e-12);
}

TEST(ParameterSpace, LatinHypercubeUsesEveryStratumOnce) {
  const std::size_t n = 50;
  const ParameterSpace s({{"a", 0.0, 1.0}, {"b", 0.0, 1.0}}, Sampling::latin_hypercube, n, 7);
  for (std::size_t d = 0; d < 2; ++d) {
    std::vector<int> hits(n, 0);
    for (std::size_t i = 0; i < n; ++i) ++hits[static_cast<std::size_t>(s.point(i)[d] * n)];
    for (int h : hits) EXPECT_EQ(h, 1);
  }
  const ParameterSpace again({{"a", 0.0, 1.0}, {"b", 0.0, 1.0}}, Sampling::latin_hypercube, n, 7);
  EXPECT_EQ(s.point(17), again.point(17));  // seeded: reproducible
}

TEST(ScanRunner, ThreadsGiveTheSameResultsAsOneThread) {
  const auto job = quadratic_job(101);
  RunOptions one, four;
  one.threads = 1;
  four.threads = 4;
  const auto a = run_scan(job, one), b = run_scan(job, four);
  ASSERT_EQ(a.size(), job.space.size());
  ASSERT_EQ(b.size(), job.space.size());
  for (std::size_t i = 0; i < a.points(); ++i) {
    EXPECT_EQ(a.valid(i), b.valid(i));
    EXPECT_EQ(a.result(i).values, b.result(i).values);  // bit-identical
  }
  EXPECT_FALSE(a.valid(job.space.size() - 1));  // the unphysical corner is marked, not fatal
  EXPECT_EQ(a.invalid(), 1u);
  EXPECT_FALSE(a.message(job.space.size() - 1).empty());
}

TEST(ScanRunner, FatalErrorsStopTheScanAndPropagate) {
  ParameterSpace space({{"x", 0.0, 1.0, 200}}, Sampling::grid);
  std::atomic<int> calls{0};
  ScanJob job{space, {"f"}, [&](const std::vector<double>& p) -> std::vector<double> {
                ++calls;
                if (p[0] > 0.5) throw std::runtime_error("bug in evaluator");
                return {p[0]};
              }};
  RunOptions options;
  options.threads = 2;
  EXPECT_THROW(run_scan(job, options), std::runtime_error);
  EXPECT_LT(calls.load(), 200);
}

TEST(Checkpoint, ResumeSkipsFinishedPointsAndDropsATornLine) {
  const auto path = temp_file("resume.ckpt");
  std::filesystem::remove(path);
  const auto job = quadratic_job(11);
  {
    CheckpointWriter w(path, job.value_names);
    w.append(0, {true, {1.0 / 3.0, -2.5e-300}, ""});
    w.append(4, {false, {}, "bad"});
  }
  {  // a kill in the middle of a write leaves a line without newline
    std::ofstream out(path, std::ios::app);
    out << "5,ok,0.12";
  }
  auto read = read_checkpoint(path);
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read.at(0).values[0], 1.0 / 3.0);  // exact round trip
  EXPECT_EQ(read.at(0).values[1], -2.5e-300);
  EXPECT_FALSE(read.at(4).valid);

  std::atomic<int> calls{0};
  ScanJob counting = job;
  counting.evaluate = [&](const std::vector<double>& p) {
    ++calls;
    return job.evaluate(p);
  };
  RunOptions options;
  options.checkpoint = path;
  options.resume = true;
  const auto all = run_scan(counting, options);
  EXPECT_EQ(all.size(), job.space.size());
  EXPECT_EQ(calls.load(), static_cast<int>(job.space.size()) - 2);  // 0 and 4 were not redone
  EXPECT_EQ(read_checkpoint(path).size(), job.space.size());          // torn line was replaced
  std::filesystem::remove(path);
}

TEST(Checkpoint, MalformedLinesAreConfigErrors) {
  const auto path = temp_file("bad.ckpt");
  std::ofstream(path) << "# header\n3,ok,abc\n";
  EXPECT_THROW(read_checkpoint(path), ConfigError);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace cevns::scan
