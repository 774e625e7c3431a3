#include "neardup/quality/eval.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace neardup {
namespace {

TruthSpan Span(uint64_t start, uint64_t end, Injection injection, bool ambiguous = false) {
  TruthSpan s;
  s.start = start;
  s.end = end;
  s.injection = injection;
  s.ambiguous = ambiguous;
  return s;
}

TruthDocument Doc(std::string id, uint64_t bytes, DocStatus status, Origin origin, std::string of,
                  double jaccard, std::vector<TruthSpan> spans) {
  TruthDocument d;
  d.id = std::move(id);
  d.source = "site";
  d.bytes = bytes;
  d.status = status;
  d.origin = origin;
  d.of = std::move(of);
  d.jaccard = jaccard;
  d.spans = std::move(spans);
  return d;
}

// A: an original with a pasted line [50, 70) and a boilerplate line [90, 100).
// B: its exact copy. C: a kept near copy with a copied line [0, 40) and an ambiguous one
// [40, 60). D: an ambiguous near copy. E: an unrelated original.
Truth TinyTruth() {
  const std::vector<TruthSpan> a_spans = {Span(50, 70, Injection::kPastedBody),
                                          Span(90, 100, Injection::kBoilerplateLine)};
  Truth t;
  t.documents = {
      Doc("A", 100, DocStatus::kKept, Origin::kBase, "", 0, a_spans),
      Doc("B", 100, DocStatus::kDuplicate, Origin::kExactCopy, "A", 1.0, a_spans),
      Doc("C", 80, DocStatus::kKept, Origin::kNearCopy, "A", 0.6,
          {Span(0, 40, Injection::kCopiedLine), Span(40, 60, Injection::kCopiedLine, true)}),
      Doc("D", 80, DocStatus::kAmbiguous, Origin::kNearCopy, "A", 0.8, {}),
      Doc("E", 50, DocStatus::kKept, Origin::kBase, "", 0, {}),
  };
  return t;
}

RunPassage Passage(std::string doc, uint64_t start, uint64_t end, SpanKind kind, bool removed) {
  RunPassage p;
  p.doc = std::move(doc);
  p.start = start;
  p.end = end;
  p.kind = kind;
  p.removed = removed;
  return p;
}

void CheckScore(const Score& s, uint64_t tp, uint64_t fp, uint64_t fn) {
  CHECK(s.true_positives == tp);
  CHECK(s.false_positives == fp);
  CHECK(s.false_negatives == fn);
}

EvalResult MustEvaluate(const Truth& truth, const Run& run) {
  const absl::StatusOr<EvalResult> r = Evaluate(truth, run);
  REQUIRE(r.ok());
  return *r;
}

}  // namespace

TEST_CASE("a perfect run scores 1 everywhere") {
  Run run;
  run.removed_documents = {"B"};
  run.passages = {Passage("A", 50, 70, SpanKind::kWithin, true),
                  Passage("A", 90, 100, SpanKind::kBoilerplate, true),
                  Passage("C", 0, 40, SpanKind::kAcross, true)};
  const EvalResult r = MustEvaluate(TinyTruth(), run);
  CheckScore(r.documents, 1, 0, 0);
  CheckScore(r.spans[static_cast<int>(SpanKind::kWithin)], 20, 0, 0);
  CheckScore(r.spans[static_cast<int>(SpanKind::kAcross)], 40, 0, 0);
  CheckScore(r.spans[static_cast<int>(SpanKind::kBoilerplate)], 10, 0, 0);
  CheckScore(r.clean_text, 170, 0, 0);  // B, A's two spans, C's copied line
  for (const Score& s : {r.documents, r.spans[0], r.spans[1], r.spans[2], r.all_spans, r.clean_text}) {
    CHECK(s.precision() == 1.0);
    CHECK(s.recall() == 1.0);
    CHECK(s.f1() == 1.0);
  }
  CHECK(r.collateral_bytes == 0);
  CHECK(r.kept_bytes == 70 + 20 + 50);  // A, C and E outside every span
  CHECK(r.ambiguous_documents == 1);
}

TEST_CASE("an empty run finds nothing: recall 0, nothing claimed wrongly") {
  const EvalResult r = MustEvaluate(TinyTruth(), Run{});
  CheckScore(r.documents, 0, 0, 1);
  CHECK(r.documents.recall() == 0.0);
  CHECK(r.documents.precision() == 1.0);
  CHECK(r.documents.f1() == 0.0);
  for (const Score& s : {r.spans[0], r.spans[1], r.spans[2], r.all_spans, r.clean_text}) {
    CHECK(s.recall() == 0.0);
    CHECK(s.f1() == 0.0);
  }
  CheckScore(r.clean_text, 0, 0, 170);
  CHECK(r.collateral() == 0.0);
}

TEST_CASE("hand-computed scores of a run with every kind of mistake") {
  Run run;
  run.removed_documents = {"A", "E", "D"};  // keeps the copy B instead of A; E is a mistake
  run.passages = {Passage("B", 50, 75, SpanKind::kWithin, true),   // 5 bytes too many
                  Passage("C", 0, 50, SpanKind::kAcross, false),   // [40, 50) is ambiguous
                  Passage("C", 70, 80, SpanKind::kWithin, true)};  // wrong
  const EvalResult r = MustEvaluate(TinyTruth(), run);
  CheckScore(r.documents, 1, 1, 0);  // the group {A, B} lost one; E was kept; D is not scored
  CHECK(r.documents.f1() == doctest::Approx(2.0 / 3.0));
  // B stands in for A, so B's spans are scored.
  CheckScore(r.spans[static_cast<int>(SpanKind::kWithin)], 20, 15, 0);
  CheckScore(r.spans[static_cast<int>(SpanKind::kAcross)], 40, 0, 0);
  CheckScore(r.spans[static_cast<int>(SpanKind::kBoilerplate)], 0, 0, 10);
  CheckScore(r.all_spans, 60, 15, 10);
  CHECK(r.collateral_bytes == 5 + 10 + 50);  // B [70, 75), C [70, 80), all of E
  CHECK(r.kept_bytes == 70 + 20 + 50);
  CHECK(r.collateral() == doctest::Approx(65.0 / 140.0));
  CheckScore(r.clean_text, 100 + 20, 5 + 10 + 50, 10 + 40);
  const InjectionTally& pasted = r.injections[static_cast<int>(Injection::kPastedBody)];
  CHECK(pasted.spans == 1);
  CHECK(pasted.found_bytes == 20);
  CHECK(r.injections[static_cast<int>(Injection::kBoilerplateLine)].found_bytes == 0);
  const DocumentTally& exact = r.origins[static_cast<int>(Origin::kExactCopy)];
  CHECK(exact.documents[static_cast<int>(DocStatus::kDuplicate)] == 1);
  CHECK(exact.removed[static_cast<int>(DocStatus::kDuplicate)] == 1);  // found: it stands in
  const DocumentTally& near = r.origins[static_cast<int>(Origin::kNearCopy)];
  CHECK(near.removed[static_cast<int>(DocStatus::kAmbiguous)] == 1);
  CHECK(near.removed[static_cast<int>(DocStatus::kKept)] == 0);
}

TEST_CASE("copies land in their true-Jaccard bucket; 1 has a bucket of its own") {
  const EvalResult r = MustEvaluate(TinyTruth(), Run{});
  const auto count = [&](double low) {
    for (const DocumentTally& t : r.buckets) {
      if (t.low == low) return t.documents[0] + t.documents[1] + t.documents[2];
    }
    return uint64_t{999};
  };
  CHECK(count(0.6) == 1);   // C
  CHECK(count(0.8) == 1);   // D
  CHECK(count(1.0) == 1);   // B
  CHECK(count(0.95) == 0);
}

TEST_CASE("removing every copy of a group, original included, costs one false positive") {
  Truth t;
  t.documents = {Doc("O", 10, DocStatus::kKept, Origin::kBase, "", 0, {}),
                 Doc("X", 10, DocStatus::kDuplicate, Origin::kExactCopy, "O", 1, {}),
                 Doc("Y", 10, DocStatus::kDuplicate, Origin::kNearCopy, "O", 0.9, {})};
  Run run;
  run.removed_documents = {"O", "X", "Y"};
  CheckScore(MustEvaluate(t, run).documents, 2, 1, 0);
}

TEST_CASE("a run naming an unknown document or a passage past its end is an error") {
  Run unknown;
  unknown.removed_documents = {"nope"};
  const absl::StatusOr<EvalResult> a = Evaluate(TinyTruth(), unknown);
  REQUIRE_FALSE(a.ok());
  CHECK(std::string(a.status().message()).find("\"nope\"") != std::string::npos);
  Run outside;
  outside.passages = {Passage("E", 40, 51, SpanKind::kWithin, true)};
  CHECK_FALSE(Evaluate(TinyTruth(), outside).ok());
}

TEST_CASE("a report is read for its removed documents and passages, rules mapped to kinds") {
  constexpr const char* kReport = R"({
    "params": {"threshold": 0.8, "cross_doc": "report", "boilerplate_patterns": "report", "containment": 0},
    "document_clusters": [{"kept": "a", "removed": [{"id": "b", "similarity": 1}]}],
    "passages": [
      {"doc": "a", "start": 1, "end": 5, "rule": "boilerplate-pattern", "removed": false},
      {"doc": "a", "start": 6, "end": 9, "rule": "repeat-within", "removed": true},
      {"doc": "a", "start": 9, "end": 12, "rule": "repeat-across", "removed": false},
      {"doc": "a", "start": 12, "end": 14, "rule": "repeat-within"}]})";
  const absl::StatusOr<Run> run = ParseRunReport(kReport, "r.json");
  REQUIRE(run.ok());
  CHECK(run->description == "threshold 0.8, cross-doc report, boilerplate patterns report");
  CHECK(run->removed_documents == std::vector<std::string>{"b"});
  REQUIRE(run->passages.size() == 4);
  CHECK(run->passages[0].kind == SpanKind::kBoilerplate);
  CHECK_FALSE(run->passages[0].removed);
  CHECK(run->passages[1].kind == SpanKind::kWithin);
  CHECK(run->passages[2].kind == SpanKind::kAcross);
  CHECK(run->passages[3].removed);  // "removed" left out
  const absl::StatusOr<Run> bad = ParseRunReport(
      R"({"document_clusters": [], "passages": [{"doc": "a", "start": 1, "end": 2, "rule": "magic", "removed": true}]})",
      "r.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(std::string(bad.status().message()).find("\"magic\"") != std::string::npos);
  CHECK_FALSE(ParseRunReport("{\"passages\": []}", "r.json").ok());
}

// G: a glued kept document with a boilerplate span [80, 100) and a restated quote [10, 30).
// L: a line-structured kept document with a boilerplate span [40, 50) and a list [0, 20).
Truth LayoutTruth() {
  Truth t;
  t.documents = {Doc("G", 100, DocStatus::kKept, Origin::kBase, "", 0, {Span(80, 100, Injection::kGluedBoilerplate)}),
                 Doc("L", 50, DocStatus::kKept, Origin::kBase, "", 0, {Span(40, 50, Injection::kBoilerplateLine)})};
  t.documents[0].glued = true;
  t.documents[0].natural = {{10, 30, Natural::kRestatedQuote}};
  t.documents[1].natural = {{0, 20, Natural::kLabelList}};
  return t;
}

TEST_CASE("boilerplate is scored separately in glued and line-structured documents") {
  Run run;
  run.passages = {Passage("G", 80, 90, SpanKind::kBoilerplate, true),  // half of G's span
                  Passage("L", 40, 50, SpanKind::kBoilerplate, true)};
  const EvalResult r = MustEvaluate(LayoutTruth(), run);
  const int glued = static_cast<int>(Layout::kGlued);
  const int line = static_cast<int>(Layout::kLine);
  const int boilerplate = static_cast<int>(SpanKind::kBoilerplate);
  CheckScore(r.layout_spans[glued][boilerplate], 10, 0, 10);
  CheckScore(r.layout_spans[line][boilerplate], 10, 0, 0);
  CHECK(r.layout_spans[glued][boilerplate].recall() == doctest::Approx(0.5));
  CHECK(r.layout_spans[line][boilerplate].recall() == 1.0);
  CheckScore(r.spans[boilerplate], 20, 0, 10);  // the two layouts add up
  CHECK(r.injections[static_cast<int>(Injection::kGluedBoilerplate)].found_bytes == 10);
}

TEST_CASE("removals inside natural negatives are counted per kind, and as collateral") {
  Run run;
  run.passages = {Passage("G", 20, 25, SpanKind::kWithin, true),   // 5 bytes of the quote
                  Passage("G", 25, 35, SpanKind::kWithin, false),  // reported only: not removed
                  Passage("L", 0, 10, SpanKind::kWithin, true)};   // half of the list
  const EvalResult r = MustEvaluate(LayoutTruth(), run);
  const NaturalTally& quote = r.natural[static_cast<int>(Natural::kRestatedQuote)];
  CHECK(quote.spans == 1);
  CHECK(quote.bytes == 20);
  CHECK(quote.touched_spans == 1);
  CHECK(quote.removed_bytes == 5);
  const NaturalTally& list = r.natural[static_cast<int>(Natural::kLabelList)];
  CHECK(list.removed_bytes == 10);
  CHECK(r.natural[static_cast<int>(Natural::kRhetoric)].spans == 0);
  const NaturalTally total = r.natural_total();
  CHECK(total.bytes == 40);
  CHECK(total.removed_bytes == 15);
  CHECK(total.touched_spans == 2);
  CHECK(r.natural_collateral() == doctest::Approx(15.0 / 40.0));
  CHECK(r.collateral_bytes == 15);
  CHECK(r.kept_bytes == 80 + 40);
  // Reported-only passages are found, not removed: they count for the span scores alone.
  CheckScore(r.layout_spans[static_cast<int>(Layout::kGlued)][static_cast<int>(SpanKind::kWithin)], 0, 15, 0);
}

TEST_CASE("a document removed whole takes its natural negatives with it") {
  Run run;
  run.removed_documents = {"L"};
  const EvalResult r = MustEvaluate(LayoutTruth(), run);
  CHECK(r.natural[static_cast<int>(Natural::kLabelList)].removed_bytes == 20);
  CHECK(r.collateral_bytes == 40);  // L outside its boilerplate span
}

TEST_CASE("the layout and natural figures are in the tables and the JSON") {
  const EvalResult r = MustEvaluate(LayoutTruth(), Run{});
  const std::string table = FormatEvalTable(r);
  CHECK(table.find("| boilerplate spans, glued documents (bytes) |") != std::string::npos);
  CHECK(table.find("| boilerplate spans, line documents (bytes) |") != std::string::npos);
  CHECK(table.find("Natural negatives: 0 of 40 bytes removed (0.0000%)") != std::string::npos);
  CHECK(table.find("| restated-quote | 1 | 20 | 0 | 0 | 0.0000% |") != std::string::npos);
  const std::string json = EvalToJson(r);
  CHECK(json.find("\"by_layout\"") != std::string::npos);
  CHECK(json.find("\"natural\"") != std::string::npos);
}

TEST_CASE("the truth survives a round trip through JSON") {
  Truth t = TinyTruth();
  t.seed = 42;
  t.documents[0].glued = true;
  t.documents[0].natural = {{0, 10, Natural::kRhetoric}, {20, 30, Natural::kGluedList}};
  const absl::StatusOr<Truth> back = ParseTruth(TruthToJson(t, {{"rate", 0.5}}, {}), "truth.json");
  REQUIRE(back.ok());
  CHECK(back->seed == 42);
  CHECK(back->ambiguous_low == t.ambiguous_low);
  REQUIRE(back->documents.size() == t.documents.size());
  for (size_t i = 0; i < t.documents.size(); ++i) {
    const TruthDocument& a = t.documents[i];
    const TruthDocument& b = back->documents[i];
    CHECK(a.id == b.id);
    CHECK(a.bytes == b.bytes);
    CHECK(a.status == b.status);
    CHECK(a.origin == b.origin);
    CHECK(a.of == b.of);
    CHECK(a.jaccard == b.jaccard);
    CHECK(a.glued == b.glued);
    REQUIRE(a.natural.size() == b.natural.size());
    for (size_t n = 0; n < a.natural.size(); ++n) {
      CHECK(a.natural[n].start == b.natural[n].start);
      CHECK(a.natural[n].end == b.natural[n].end);
      CHECK(a.natural[n].kind == b.natural[n].kind);
    }
    REQUIRE(a.spans.size() == b.spans.size());
    for (size_t s = 0; s < a.spans.size(); ++s) {
      CHECK(a.spans[s].start == b.spans[s].start);
      CHECK(a.spans[s].end == b.spans[s].end);
      CHECK(a.spans[s].injection == b.spans[s].injection);
      CHECK(a.spans[s].ambiguous == b.spans[s].ambiguous);
    }
  }
  CHECK_FALSE(ParseTruth("{\"documents\": []}", "truth.json").ok());
}

TEST_CASE("a truth file without the glued and natural fields still parses") {
  const absl::StatusOr<Truth> t = ParseTruth(
      R"({"neardup_truth": {"schema": 1}, "seed": 1, "ambiguous_low": 0.75, "ambiguous_high": 0.85,
          "documents": [{"id": "a", "bytes": 5, "status": "kept", "made_by": "base", "spans": []}]})",
      "truth.json");
  REQUIRE(t.ok());
  REQUIRE(t->documents.size() == 1);
  CHECK_FALSE(t->documents[0].glued);
  CHECK(t->documents[0].natural.empty());
  CHECK_FALSE(ParseTruth(
                  R"({"neardup_truth": {"schema": 1}, "seed": 1, "ambiguous_low": 0.75, "ambiguous_high": 0.85,
          "documents": [{"id": "a", "bytes": 5, "status": "kept", "made_by": "base", "spans": [],
                         "natural": [{"start": 0, "end": 2, "made_by": "sarcasm"}]}]})",
                  "truth.json")
                  .ok());
}

}  // namespace neardup
