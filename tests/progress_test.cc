// The progress line's text, and how it is cut to a terminal's width.
#include "cli/progress.h"

#include <doctest/doctest.h>

#include <string>

namespace neardup::cli {

TEST_CASE("progress says documents, megabytes of the total, the rate and the time left") {
  Progress p;
  p.stage = "sign";
  p.documents = 1234;
  p.bytes = 45'100'000;
  CHECK(FormatProgress(p, 120'000'000, 1.0) == "neardup: 1234 docs, 45.1 of 120.0 MB, 45.1 MB/s, 2 s left");
  CHECK(FormatProgress(p, 0, 1.0) == "neardup: 1234 docs, 45.1 MB, 45.1 MB/s");  // total unknown
  p.stage = "passages";
  CHECK(FormatProgress(p, 0, 1.0) == "neardup: 1234 docs read, passages...");
}

TEST_CASE("a line too wide for the terminal keeps the whole parts that fit, one column to spare") {
  const std::string line = "neardup: 1234 docs, 45.1 of 120.0 MB, 45.1 MB/s, 2 s left";
  CHECK(FitToWidth(line, 0) == line);    // width unknown
  CHECK(FitToWidth(line, 200) == line);
  CHECK(FitToWidth(line, line.size() + 1) == line);
  CHECK(FitToWidth(line, line.size()) == "neardup: 1234 docs, 45.1 of 120.0 MB, 45.1 MB/s");
  CHECK(FitToWidth(line, 40) == "neardup: 1234 docs, 45.1 of 120.0 MB");
  CHECK(FitToWidth(line, 12) == "neardup: 12");  // no whole part fits: cut
}

}  // namespace neardup::cli
