// JUnit XML for CI servers (Jenkins, GitLab, GitHub test reporters): one test case per gate, and
// one failed test case per offending document, i.e. each document whose findings count against a
// gate that failed. A passing check therefore has no failures at all.
#ifndef NEARDUP_RENDER_JUNIT_H_
#define NEARDUP_RENDER_JUNIT_H_

#include <string>

#include "neardup/check/gates.h"
#include "neardup/report.h"

namespace neardup {

// <testsuites> with two <testsuite>s: "neardup.gates" (a <testcase> per gate, with a <failure>
// when it failed) and "neardup.documents" (a <testcase> per offending document with one
// <failure> listing its findings by line). Counts in the tests/failures attributes add up.
// Well-formed XML 1.0 whatever bytes ids and paths hold.
std::string RenderJunit(const Report& report, const CheckResult& result);

}  // namespace neardup

#endif  // NEARDUP_RENDER_JUNIT_H_
