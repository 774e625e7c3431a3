// A small hand-made Report for the tests of the renderers, gates and baseline: every kind of
// finding once, with figures that are easy to check by hand.
#ifndef NEARDUP_TESTS_SAMPLE_REPORT_H_
#define NEARDUP_TESTS_SAMPLE_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "neardup/document.h"
#include "neardup/report.h"

namespace neardup::testing {

// Documents (500 bytes in all):
//   0 "a.txt"   100 bytes, kept; fingerprint 0xA0
//   1 "b.txt"   100 bytes, exact duplicate of a.txt (removed); fingerprint 0xA0
//   2 "rec-7"   200 bytes, record on line 7 of c.jsonl; removes [150, 200) (line 5, a copy of
//               [50, 100), fingerprint 0x11) and boilerplate [0, 20) (line 1, fingerprint 0x22)
//   3 "d.txt"   100 bytes; reports, without removing, [0, 30) as a copy of a.txt [0, 30)
//               (fingerprint 0x33)
// Counted: 1 duplicate document, 2 removed passages, 170 removed bytes (ratio 0.34), 20
// boilerplate bytes (ratio 0.04).
// `table` with entry i replaced by `value` (a StringTable is append-only).
inline StringTable Replace(const StringTable& table, size_t i, std::string_view value) {
  StringTable out;
  for (size_t k = 0; k < table.size(); ++k) out.push_back(k == i ? value : table[k]);
  return out;
}

inline Report SampleReport() {
  Report r;
  r.ids = {"a.txt", "b.txt", "rec-7", "d.txt"};
  r.locations = {"corpus/a.txt", "corpus/b.txt", "corpus/c.jsonl:7", "corpus/d.txt"};
  r.sizes = {100, 100, 200, 100};
  r.fingerprints = {0xA0, 0xA0, 0xC0, 0xD0};
  r.clusters = {{0, {{1, 1.0, DocumentMatch::kExact}}}};
  PassageFinding boilerplate{2, 0, 20, 1, PassageRule::kBoilerplate, true, false};
  boilerplate.fingerprint = 0x22;
  PassageFinding within{2, 150, 200, 5, PassageRule::kRepeatWithin, true, true, 2, 50, 100, 1.0, 0x11};
  PassageFinding across{3, 0, 30, 1, PassageRule::kRepeatAcross, false, true, 0, 0, 30, 0.9, 0x33};
  r.passages = {boilerplate, within, across};
  r.boilerplate = {{"corpus", "Share | this", false, 3, 4, 2, 0, 20}};
  ReportStats& s = r.stats;
  s.documents = 4;
  s.bytes = 500;
  s.duplicate_documents = 1;
  s.duplicate_document_bytes = 100;
  s.exact_documents = 1;
  s.removed_passages = 2;
  s.removed_passage_bytes = 70;
  s.rules[static_cast<int>(PassageRule::kRepeatWithin)] = {1, 50, 1, 50};
  s.rules[static_cast<int>(PassageRule::kRepeatAcross)] = {1, 30, 0, 0};
  s.rules[static_cast<int>(PassageRule::kBoilerplate)] = {1, 20, 1, 20};
  s.sources = {{"corpus", 4, 1, 20}};
  return r;
}

// Texts matching SampleReport(): sizes 100, 100, 200, 100. b.txt equals a.txt; d.txt's first 30
// bytes are a near copy of a.txt's first 30 (one word changed).
inline std::vector<std::string> SampleTexts() {
  std::string a(100, 'a');
  a.replace(0, 30, "<b>&amp; one two three fours\n\n");
  std::string c(200, 'c');
  c.replace(0, 20, "Share | this       \n");
  std::string d(100, 'd');
  d.replace(0, 30, "<b>&amp; one TWO three fours\n\n");
  return {a, a, c, d};
}

// The documents of SampleReport() with SampleTexts(), sources site-b, site-a, site-b, site-a.
inline MemorySource SampleSource(const Report& report) {
  std::vector<Document> docs;
  const std::vector<std::string> texts = SampleTexts();
  const char* const sources[] = {"site-b", "site-a", "site-b", "site-a"};
  for (size_t i = 0; i < texts.size(); ++i) {
    docs.push_back({std::string(report.ids[i]), texts[i], std::string(report.locations[i]), sources[i], std::nullopt});
  }
  return MemorySource(std::move(docs));
}

}  // namespace neardup::testing

#endif  // NEARDUP_TESTS_SAMPLE_REPORT_H_
