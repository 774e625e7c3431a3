#include "neardup/engine/doc_findings.h"

#include <algorithm>

#include "neardup/base/hash.h"

namespace neardup {
namespace {

uint8_t Tag(PassageRule rule) { return static_cast<uint8_t>(1 + static_cast<int>(rule)); }

}  // namespace

void DocFindings::Decide(const PassageBlock& block, uint32_t source, const BoilerplateCounter::Decisions& boilerplate,
                         bool remove_patterns) {
  passages_ = block.passages;
  DocUnits(block.passages, block.pieces, units_);
  passage_first_unit_.clear();
  for (uint32_t u = 0; u < units_.size(); ++u) {
    while (passage_first_unit_.size() <= units_[u].passage) passage_first_unit_.push_back(u);
  }
  while (passage_first_unit_.size() <= passages_.size()) passage_first_unit_.push_back(static_cast<uint32_t>(units_.size()));
  block_first_.assign(units_.size(), 0);
  block_last_.assign(units_.size(), 0);
  for (size_t u = 0; u < units_.size();) {
    size_t v = u;
    while (v + 1 < units_.size() && units_[v + 1].block_end == units_[u].block_end) ++v;
    for (size_t w = u; w <= v; ++w) {
      block_first_[w] = static_cast<uint32_t>(u);
      block_last_[w] = static_cast<uint32_t>(v);
    }
    u = v + 1;
  }
  taken_by_.assign(units_.size(), 0);
  removed_.assign(units_.size(), false);
  taken_.assign(passages_.size(), false);
  items_.clear();
  ClaimBoilerplate(source, boilerplate, remove_patterns);
  KeepWholeDocument();
  ClaimRepeats(block.repeats);
}

void DocFindings::Claim(const Item& item) {
  for (uint32_t u = item.first; u <= item.last; ++u) {
    taken_by_[u] = Tag(item.rule);
    removed_[u] = item.removed;
    taken_[units_[u].passage] = true;
  }
  items_.push_back(item);
}

// Whole passages first (a line that is boilerplate goes as one finding), then their sentences.
void DocFindings::ClaimBoilerplate(uint32_t source, const BoilerplateCounter::Decisions& boilerplate,
                                   bool remove_patterns) {
  const auto rule_of = [&](uint64_t fingerprint, uint64_t opening, PassageRule& rule) {
    if (boilerplate.IsBoilerplate(source, fingerprint)) {
      rule = PassageRule::kBoilerplate;
      return true;
    }
    if (boilerplate.IsPattern(source, opening)) {
      rule = PassageRule::kBoilerplatePattern;
      return true;
    }
    return false;
  };
  for (uint32_t i = 0; i < passages_.size(); ++i) {
    const PassageSketch& p = passages_[i];
    if (p.words == 0) continue;
    const uint32_t first = passage_first_unit_[i], end = passage_first_unit_[i + 1];
    Item item;
    if (rule_of(p.fingerprint, p.opening, item.rule)) {
      item.first = first;
      item.last = end - 1;
      item.fingerprint = p.fingerprint;
      item.removed = item.rule == PassageRule::kBoilerplate || remove_patterns;
      Claim(item);
      continue;
    }
    if (p.pieces == 0) continue;
    for (uint32_t u = first; u < end; ++u) {
      if (units_[u].words == 0 || !rule_of(units_[u].fingerprint, units_[u].opening, item.rule)) continue;
      item.first = item.last = u;
      item.fingerprint = units_[u].fingerprint;
      item.removed = item.rule == PassageRule::kBoilerplate || remove_patterns;
      Claim(item);
    }
  }
}

// A document all of whose words would go as boilerplate keeps them: that is a finding about the
// document (a page that is nothing but site furniture), not something to cut.
void DocFindings::KeepWholeDocument() {
  bool any = false;
  for (size_t u = 0; u < units_.size(); ++u) {
    if (units_[u].words == 0) continue;
    if (!removed_[u]) return;
    any = true;
  }
  if (!any) return;
  for (Item& item : items_) item.removed = false;
  removed_.assign(units_.size(), false);
}

// Repeats within the document take the units boilerplate left. An exact repeat that boilerplate
// cuts in two is two repeats, each of its own copy; a near one is verified only as a whole, so it
// is dropped.
void DocFindings::ClaimRepeats(const std::vector<WithinRepeat>& repeats) {
  for (const WithinRepeat& r : repeats) {
    Item item;
    item.rule = PassageRule::kRepeatWithin;
    item.has_copy = true;
    item.similarity = r.similarity;
    item.fingerprint = r.fingerprint;
    item.removed = r.remove;
    if (r.kind == WithinRepeat::Kind::kTandem) {
      if (taken_by_[r.first_unit] != 0) continue;
      item.first = item.last = r.first_unit;
      item.start = r.start;
      item.end = r.end;
      item.explicit_start = item.explicit_end = true;
      item.copy_start = r.copies.front().start;
      item.copy_end = r.copies.front().end;
      items_.push_back(item);
      taken_[units_[r.first_unit].passage] = true;
      continue;
    }
    bool cut = false;
    for (uint32_t u = r.first_unit; u <= r.last_unit; ++u) cut = cut || taken_by_[u] != 0;
    if (cut && r.similarity < 1.0) continue;
    for (uint32_t u = r.first_unit; u <= r.last_unit;) {
      if (taken_by_[u] != 0) {
        ++u;
        continue;
      }
      uint32_t last = u;
      while (last + 1 <= r.last_unit && taken_by_[last + 1] == 0) ++last;
      Item part = item;
      part.first = u;
      part.last = last;
      part.explicit_start = r.fused_start && u == r.first_unit;
      part.start = r.start;
      part.copy_start = r.copies[u - r.first_unit].start;
      part.copy_end = r.copies[last - r.first_unit].end;
      if (cut) {
        uint64_t h = units_[u].fingerprint;
        for (uint32_t v = u + 1; v <= last; ++v) h = Hash64(std::string_view(reinterpret_cast<const char*>(&h), 8), units_[v].fingerprint);
        part.fingerprint = h;
      }
      Claim(part);
      if (part.explicit_start) removed_[u] = false;  // the fused word before `start` stays
      u = last + 1;
    }
  }
}

void DocFindings::AddAcross(uint32_t passage, uint32_t copy_doc, uint64_t copy_start, uint64_t copy_end,
                            double similarity, bool remove) {
  Item item;
  item.rule = PassageRule::kRepeatAcross;
  item.first = passage_first_unit_[passage];
  item.last = passage_first_unit_[passage + 1] - 1;
  item.removed = remove;
  item.has_copy = true;
  item.copy_doc = copy_doc;
  item.copy_start = copy_start;
  item.copy_end = copy_end;
  item.similarity = similarity;
  item.fingerprint = passages_[passage].fingerprint;
  Claim(item);
}

std::pair<uint32_t, uint32_t> DocFindings::UnitSpan(size_t u) const {
  const size_t first = block_first_[u], last = block_last_[u];
  const auto gone = [&](size_t v) { return v == u || removed_[v] || units_[v].words == 0; };
  bool whole = true;
  for (size_t v = first; v <= last && whole; ++v) whole = gone(v);
  if (whole) {
    // The line goes: its first unit with words from the line's start, its last to the
    // terminator; units without words go with the one before them.
    bool first_words = true;
    for (size_t v = first; v < u && first_words; ++v) first_words = units_[v].words == 0;
    size_t next = u + 1;
    while (next <= last && units_[next].words == 0) ++next;
    const uint32_t start = first_words ? passages_[units_[first].passage].span.start : units_[u].start;
    return {start, next <= last ? units_[next].start : units_[u].block_end};
  }
  if (u < last) {
    bool trailing = true;
    for (size_t v = u + 1; v <= last && trailing; ++v) trailing = removed_[v];
    const bool opens_tail = trailing && u > first && !removed_[u - 1];
    return {opens_tail ? units_[u - 1].end : units_[u].start, units_[u + 1].start};
  }
  return {u > first && !removed_[u - 1] ? units_[u - 1].end : units_[u].start, units_[u].end};
}

void DocFindings::Emit(uint32_t doc, std::vector<PassageFinding>& out) const {
  const size_t first = out.size();
  for (const Item& item : items_) {
    PassageFinding f;
    f.doc = doc;
    f.start = item.explicit_start ? item.start : UnitSpan(item.first).first;
    f.end = item.explicit_end ? item.end : UnitSpan(item.last).second;
    f.line = units_[item.first].line;
    f.rule = item.rule;
    f.removed = item.removed;
    f.has_copy = item.has_copy;
    f.copy_doc = item.has_copy && item.rule == PassageRule::kRepeatWithin ? doc : item.copy_doc;
    f.copy_start = item.copy_start;
    f.copy_end = item.copy_end;
    f.similarity = item.similarity;
    f.fingerprint = item.fingerprint;
    out.push_back(f);
  }
  std::sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
            [](const PassageFinding& a, const PassageFinding& b) { return a.start < b.start; });
}

}  // namespace neardup
