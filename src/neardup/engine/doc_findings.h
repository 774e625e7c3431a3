// The passage rules of one kept document, unit by unit, and the byte spans of what they remove.
//
// Rules in order of precedence, each taking units no earlier rule took: boilerplate (a passage,
// or a sentence of one, counted in many documents of the source), templated boilerplate, repeats
// within the document, repeats of an earlier document (passages whose units are all free).
// A document never loses its whole text to boilerplate: when every unit with words would go as
// boilerplate, they are reported and kept.
//
// Spans: a unit that goes takes the whitespace after it when another unit of its line follows;
// the first of the units that end a line takes the whitespace before it instead, so the line
// keeps its terminator and no trailing space; when every unit of a line goes, the line goes whole,
// terminator included.
#ifndef NEARDUP_DOC_FINDINGS_H_
#define NEARDUP_DOC_FINDINGS_H_

#include <cstdint>
#include <utility>
#include <vector>

#include "neardup/passages/boilerplate.h"
#include "neardup/report.h"
#include "neardup/engine/sketch.h"

namespace neardup {

class DocFindings {
 public:
  // Applies the rules that need no other document to `block` (of a document of `source`).
  void Decide(const PassageBlock& block, uint32_t source, const BoilerplateCounter::Decisions& boilerplate,
              bool remove_patterns);

  // Whether passage i is free for the cross-document rule: no rule took any of its bytes.
  bool Free(uint32_t passage) const { return !taken_[passage]; }

  // A cross-document repeat: passage i repeats bytes [copy_start, copy_end) of copy_doc.
  void AddAcross(uint32_t passage, uint32_t copy_doc, uint64_t copy_start, uint64_t copy_end, double similarity,
                 bool remove);

  // Every finding of document `doc`, in text order, appended to `out`.
  void Emit(uint32_t doc, std::vector<PassageFinding>& out) const;

  // Bytes [start, end) of the original text that unit u takes along when it goes, given which
  // units go (u counted among them). Exposed for tests.
  std::pair<uint32_t, uint32_t> UnitSpan(size_t u) const;

 private:
  struct Item {
    PassageRule rule = PassageRule::kRepeatWithin;
    uint32_t first = 0, last = 0;  // units
    bool removed = true;
    bool has_copy = false;
    uint32_t start = 0, end = 0;   // explicit bytes (tandem), or start only (fused_start)
    bool explicit_start = false, explicit_end = false;
    uint32_t copy_doc = 0;
    uint64_t copy_start = 0, copy_end = 0;
    double similarity = 1.0;
    uint64_t fingerprint = 0;
  };

  void Claim(const Item& item);
  void ClaimBoilerplate(uint32_t source, const BoilerplateCounter::Decisions& boilerplate, bool remove_patterns);
  void KeepWholeDocument();
  void ClaimRepeats(const std::vector<WithinRepeat>& repeats);

  std::vector<PassageSketch> passages_;
  std::vector<Unit> units_;
  std::vector<uint32_t> passage_first_unit_;  // per passage, and one past the end
  std::vector<uint32_t> block_first_, block_last_;  // per unit: its line's (paragraph's) units
  std::vector<uint8_t> taken_by_;  // per unit: 0 free, else 1 + PassageRule
  std::vector<bool> removed_;      // per unit
  std::vector<bool> taken_;        // per passage: some rule took bytes of it
  std::vector<Item> items_;
};

}  // namespace neardup

#endif  // NEARDUP_DOC_FINDINGS_H_
