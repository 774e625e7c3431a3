#include "neardup/quality/synth_glued.h"

#include "absl/strings/str_cat.h"

namespace neardup {
namespace {

std::vector<MarkedText> Paragraphs(const std::vector<NaturalLine>& lines) {
  std::vector<MarkedText> paragraphs;
  for (size_t i = 0; i < lines.size();) {
    if (!lines[i].list) {
      paragraphs.push_back(lines[i].text);
      ++i;
      continue;
    }
    MarkedText list;
    for (; i < lines.size() && lines[i].list; ++i) {
      if (lines[i].note) continue;
      if (!list.text.empty()) list.Append(";");
      list.Append(lines[i].text.text);
    }
    list.AddNatural(0, list.text.size(), Natural::kGluedList);
    paragraphs.push_back(std::move(list));
  }
  return paragraphs;
}

// "<caption><joint><caption><joint>" before paragraph p, where the previous paragraph ends
// cleanly (or at the line's start). The second copy is the span, with the whitespace after it.
void AddTandem(std::vector<MarkedText>& paragraphs, const GluedRequest& r, SynthRandom& random) {
  std::vector<size_t> places;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    if (p == 0 || EndsCleanly(paragraphs[p - 1].text)) places.push_back(p);
  }
  const size_t p = places[random.Below(places.size())];
  MarkedText with;
  with.Append(r.caption);
  with.Append(r.caption_spaced ? " " : "");
  const size_t second = with.text.size();
  with.Append(r.caption);
  with.Append(r.caption_spaced || !StartsWithCapital(paragraphs[p].text) ? " " : "");
  with.AddSpan(second, with.text.size(), Injection::kTandemCaption);
  with.protect.emplace_back(0, with.text.size());
  with.Append(paragraphs[p]);
  paragraphs[p] = std::move(with);
}

MarkedText Join(const std::vector<MarkedText>& paragraphs, bool spaced) {
  MarkedText body;
  for (size_t p = 0; p < paragraphs.size(); ++p) {
    if (p > 0) {
      const bool glue = !spaced && EndsCleanly(paragraphs[p - 1].text) && StartsWithCapital(paragraphs[p].text);
      body.Append(glue ? "" : " ");
    }
    body.Append(paragraphs[p]);
  }
  return body;
}

bool AddMidItem(MarkedText& body, const GluedRequest& r, SynthRandom& random) {
  std::vector<size_t> ends;
  for (const size_t e : CleanEnds(body.text)) {
    if (e < body.text.size() && !body.Splits(e)) ends.push_back(e);
  }
  if (ends.empty()) return false;
  const size_t e = ends[random.Below(ends.size())];
  const std::string lead = r.mid_spaced ? " " : "";
  body.Insert(e, absl::StrCat(lead, r.mid_item));
  const size_t start = e + lead.size();
  size_t end = start + r.mid_item.size();
  while (end < body.text.size() && body.text[end] == ' ') ++end;
  body.AddSpan(start, end, Injection::kGluedBoilerplate);
  return true;
}

}  // namespace

GluedLine BuildGluedLine(const std::vector<NaturalLine>& lines, const GluedRequest& r, SynthRandom& random) {
  std::vector<MarkedText> paragraphs = Paragraphs(lines);
  if (!r.caption.empty()) AddTandem(paragraphs, r, random);
  GluedLine out;
  MarkedText& body = out.line;
  body = Join(paragraphs, r.spaced);
  const std::string copy = body.text;
  if (!r.mid_item.empty()) out.mid_placed = AddMidItem(body, r, random);

  // The second copy: [first, copy_end). With no clean end at the joint, the words up to the
  // copy's first clean sentence end are ambiguous.
  size_t joint_start = 0, copy_start = 0, first = 0, copy_end = 0;
  if (r.pasted) {
    joint_start = body.text.size();
    const bool clean = EndsCleanly(body.text) && (r.pasted_spaced || StartsWithCapital(copy));
    body.Append(r.pasted_spaced ? " " : "");
    copy_start = body.text.size();
    body.Append(copy);
    copy_end = body.text.size();
    first = copy_start;
    if (!clean) {
      first = copy_end;
      for (const size_t c : CleanEnds(copy)) {
        if (c == copy.size()) break;
        first = copy_start + c;
        while (first < copy_end && body.text[first] == ' ') ++first;
        break;
      }
    }
  }

  bool fused = false;
  size_t end_separator = 0;
  if (!r.end_item.empty()) {
    if (r.end_fused && StartsWithCapital(r.end_item)) {
      body.Append(absl::StrCat(" (", r.token, ")"));
      const size_t start = body.text.size();
      body.Append(r.end_item);
      body.AddSpan(start, body.text.size(), Injection::kFusedBoilerplate);
      fused = out.end_placed = true;
    } else if (EndsCleanly(body.text) && (r.end_spaced || StartsWithCapital(r.end_item))) {
      end_separator = r.end_spaced ? 1 : 0;
      // The last piece takes the space before it, unless the pasted copy before it goes too.
      const size_t start = body.text.size() + (r.pasted ? end_separator : 0);
      body.Append(r.end_spaced ? " " : "");
      body.Append(r.end_item);
      body.AddSpan(start, body.text.size(), Injection::kGluedBoilerplate);
      out.end_placed = true;
    }
  }

  if (r.pasted) {
    // Followed by another piece, the copy keeps the whitespace before it and takes the one after
    // it; as the line's last piece it takes the whitespace before it.
    const bool last = !out.end_placed;
    const size_t start = first == copy_start && last ? joint_start : first;
    const size_t end = copy_end + (fused ? 1 : end_separator);
    if (first > copy_start) {
      body.AddSpan(joint_start, std::min(first, copy_end), Injection::kGluedBody, /*ambiguous=*/true);
    }
    if (start < copy_end) body.AddSpan(start, end, Injection::kGluedBody);
  }
  return out;
}

}  // namespace neardup
