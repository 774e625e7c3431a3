#include "neardup/quality/synth.h"

#include <deque>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_format.h"
#include "neardup/io/atomic_file.h"
#include "neardup/base/json_string.h"
#include "neardup/base/status_macros.h"
#include "neardup/quality/synth_base.h"
#include "neardup/quality/synth_natural.h"
#include "neardup/quality/synth_plan.h"

namespace neardup {
namespace {

constexpr size_t kMinAdmitted = 10;

// Independent streams, so that one document's choices do not shift another's.
enum class Purpose : uint64_t { kShuffle = 1, kOriginal, kExact, kNear, kTruncated, kOrder, kIds, kNatural };

SynthRandom Stream(uint64_t seed, Purpose purpose, uint64_t index) {
  uint64_t state = seed ^ (static_cast<uint64_t>(purpose) * 0x9e3779b97f4a7c15ULL);
  uint64_t mixed = SplitMix64(state) ^ index;
  return SynthRandom(SplitMix64(mixed));
}

struct Made {
  RenderedDocument doc;
  bool glued = false;
  size_t source = 0;
  Origin origin = Origin::kBase;
  size_t of = 0;  // index into the made documents of the original copied
  double jaccard = 0.0;
  DocStatus status = DocStatus::kKept;
};

struct Base {
  std::vector<BaseDocument> originals;
  std::vector<BaseDocument> reserve;
};

absl::StatusOr<Base> SelectBase(const std::vector<std::string>& texts, const SynthOptions& o,
                                const std::vector<SourceProfile>& sources, SynthStats& stats) {
  std::vector<BaseDocument> usable;
  for (const std::string& text : texts) {
    std::optional<BaseDocument> doc = ParseBaseDocument(text, 2);
    if (doc && doc->body_bytes() >= o.min_base_bytes) usable.push_back(std::move(*doc));
  }
  stats.base_documents = texts.size();
  stats.usable = usable.size();
  SynthRandom shuffle = Stream(o.seed, Purpose::kShuffle, 0);
  shuffle.Shuffle(usable);
  BaseFilter filter({});
  for (const SourceProfile& s : sources) {
    filter.ReserveLine(s.top_line);
    filter.ReserveLine(s.bottom_line);
    filter.ReserveSentence(s.bottom_line);
    filter.ReserveOpening(s.template_prefix);
  }
  const size_t wanted = o.max_base + o.reserve;
  std::vector<BaseDocument> admitted;
  for (BaseDocument& doc : usable) {
    if (admitted.size() == wanted) break;
    if (filter.Admit(doc)) {
      admitted.push_back(std::move(doc));
    } else {
      ++stats.overlapping;
    }
  }
  if (admitted.size() < kMinAdmitted) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "only %d of %d base documents are usable and overlap no other (need %d): give a larger "
        "base corpus or a lower --min-base-bytes",
        admitted.size(), texts.size(), kMinAdmitted));
  }
  const size_t reserve = admitted.size() == wanted ? o.reserve : admitted.size() * o.reserve / wanted;
  Base base;
  base.reserve.assign(std::make_move_iterator(admitted.end() - static_cast<std::ptrdiff_t>(reserve)),
                      std::make_move_iterator(admitted.end()));
  admitted.resize(admitted.size() - reserve);
  base.originals = std::move(admitted);
  stats.originals = base.originals.size();
  stats.reserve = base.reserve.size();
  return base;
}

std::vector<std::string> Vocabulary(const Base& base) {
  std::vector<std::string> words;
  const auto add = [&](const std::string& line) {
    for (size_t pos = 0; pos < line.size();) {
      size_t space = line.find(' ', pos);
      if (space == std::string::npos) space = line.size();
      if (space > pos) words.push_back(line.substr(pos, space - pos));
      pos = space + 1;
    }
  };
  // Words of documents the corpus does not otherwise contain, so edits add nothing findable.
  for (const BaseDocument& d : base.reserve.empty() ? base.originals : base.reserve) {
    for (const std::string& line : d.lines) add(line);
  }
  return words;
}

DocStatus StatusOf(double jaccard, const SynthOptions& o) {
  if (jaccard >= o.ambiguous_high) return DocStatus::kDuplicate;
  if (jaccard >= o.ambiguous_low) return DocStatus::kAmbiguous;
  return DocStatus::kKept;
}

// A copy of made[of]. Copied lines count as across only in a document that stays.
Made MakeCopy(std::vector<PlannedLine> lines, size_t of, size_t source, Origin origin,
              const std::vector<Made>& made, const SynthOptions& o) {
  Made copy;
  copy.doc = Render(lines);
  copy.source = source;
  copy.origin = origin;
  copy.of = of;
  copy.jaccard = DocumentSimilarity(copy.doc.text, made[of].doc.text);
  copy.status = StatusOf(copy.jaccard, o);
  if (copy.status != DocStatus::kKept) {
    std::erase_if(copy.doc.spans, [](const TruthSpan& s) { return s.injection == Injection::kCopiedLine; });
  }
  // The words of a near copy are edited: its repetition is no longer the original's.
  copy.doc.natural.clear();
  return copy;
}

std::vector<Made> MakeDocuments(const Base& base, const std::vector<SourceProfile>& sources,
                                const SynthOptions& o) {
  const std::vector<std::string> vocabulary = Vocabulary(base);
  std::vector<std::string> titles;
  for (const BaseDocument& d : base.originals) titles.push_back(FirstWords(d.headline, 12));
  std::deque<std::string> spare;
  for (const BaseDocument& d : base.reserve) spare.insert(spare.end(), d.lines.begin(), d.lines.end());
  std::vector<std::string> foreign;
  for (const BaseDocument& d : base.reserve) foreign.insert(foreign.end(), d.lines.begin(), d.lines.end());
  const PlanContext context{o, sources, vocabulary, titles, spare};
  const NaturalOptions natural{o.restated_quote_rate, o.rhetoric_rate, o.label_list_rate};
  std::vector<Made> made;
  std::vector<BaseDocument> plain;  // what copies are made from: the base with its negatives
  for (size_t i = 0; i < base.originals.size(); ++i) {
    SynthRandom negatives = Stream(o.seed, Purpose::kNatural, i);
    const NaturalDocument doc = AddNaturalNegatives(base.originals[i], natural, foreign, negatives);
    SynthRandom random = Stream(o.seed, Purpose::kOriginal, i);
    const size_t source = random.Below(sources.size());
    OriginalPlan plan = PlanOriginal(doc, i, source, context, random);
    Made original;
    original.doc = Render(plan.lines);
    original.glued = plan.glued;
    original.source = source;
    made.push_back(std::move(original));
    plain.push_back(doc.Plain());
  }
  for (size_t i = 0; i < base.originals.size(); ++i) {
    const BaseDocument& doc = plain[i];
    if (SynthRandom r = Stream(o.seed, Purpose::kExact, i); r.Chance(o.exact_rate)) {
      Made copy = made[i];
      copy.origin = Origin::kExactCopy;
      copy.of = i;
      copy.jaccard = 1.0;
      copy.status = DocStatus::kDuplicate;
      made.push_back(std::move(copy));
    }
    if (made[i].glued) continue;  // its lines are not the lines of its text
    if (SynthRandom r = Stream(o.seed, Purpose::kNear, i); r.Chance(o.near_rate)) {
      // Half are the site's own updated version, half another site's edit of the story.
      const size_t source = r.Chance(0.5) ? made[i].source : r.Below(sources.size());
      made.push_back(MakeCopy(PlanNearCopy(doc, source, context, r), i, source, Origin::kNearCopy, made, o));
    }
    if (SynthRandom r = Stream(o.seed, Purpose::kTruncated, i); r.Chance(o.truncated_rate)) {
      const size_t source = r.Below(sources.size());
      made.push_back(MakeCopy(PlanTruncated(doc, source, context, r), i, source, Origin::kTruncated, made, o));
    }
  }
  return made;
}

// Originals in their (already shuffled) order; each copy somewhere after its original.
std::vector<size_t> CorpusOrder(const std::vector<Made>& made, size_t originals, uint64_t seed) {
  SynthRandom random = Stream(seed, Purpose::kOrder, 0);
  std::vector<std::vector<size_t>> after(originals);
  for (size_t i = originals; i < made.size(); ++i) {
    after[made[i].of + random.Below(originals - made[i].of)].push_back(i);
  }
  std::vector<size_t> order;
  for (size_t i = 0; i < originals; ++i) {
    order.push_back(i);
    order.insert(order.end(), after[i].begin(), after[i].end());
  }
  return order;
}

std::vector<std::string> Ids(size_t count, uint64_t seed) {
  SynthRandom random = Stream(seed, Purpose::kIds, 0);
  absl::flat_hash_set<uint64_t> seen;
  std::vector<std::string> ids;
  while (ids.size() < count) {
    const uint64_t value = random.Next();
    if (seen.insert(value).second) ids.push_back(absl::StrFormat("%016x", value));
  }
  return ids;
}

}  // namespace

absl::Status ValidateSynthOptions(const SynthOptions& o) {
  const std::pair<const char*, double> rates[] = {
      {"--exact-rate", o.exact_rate},       {"--near-rate", o.near_rate},
      {"--truncated-rate", o.truncated_rate}, {"--pasted-rate", o.pasted_rate},
      {"--glued-rate", o.glued_rate},       {"--glued-pasted-rate", o.glued_pasted_rate},
      {"--glued-space-rate", o.glued_space_rate},
      {"--glued-boilerplate-rate", o.glued_boilerplate_rate}, {"--fused-rate", o.fused_rate},
      {"--caption-rate", o.caption_rate},   {"--tandem-rate", o.tandem_rate},
      {"--restated-quote-rate", o.restated_quote_rate}, {"--rhetoric-rate", o.rhetoric_rate},
      {"--label-list-rate", o.label_list_rate},
      {"--near-paragraph-rate", o.near_paragraph_rate}, {"--boilerplate-rate", o.boilerplate_rate},
      {"--template-rate", o.template_rate}, {"--edit-rate", o.edit_rate},
      {"--ambiguous-low", o.ambiguous_low}, {"--ambiguous-high", o.ambiguous_high}};
  for (const auto& [name, value] : rates) {
    if (!(value >= 0.0 && value <= 1.0)) {
      return absl::InvalidArgumentError(absl::StrFormat("%s must lie in [0, 1], got %g", name, value));
    }
  }
  if (o.ambiguous_low > o.ambiguous_high) {
    return absl::InvalidArgumentError("--ambiguous-low must not exceed --ambiguous-high");
  }
  if (o.sources == 0) return absl::InvalidArgumentError("--sources must be at least 1");
  if (o.max_base == 0) return absl::InvalidArgumentError("--max-base must be at least 1");
  return absl::OkStatus();
}

absl::StatusOr<SynthCorpus> Synthesize(const std::vector<std::string>& base_texts,
                                       const SynthOptions& o) {
  NEARDUP_RETURN_IF_ERROR(ValidateSynthOptions(o));
  SynthCorpus corpus;
  const std::vector<SourceProfile> sources = MakeSources(o.sources);
  NEARDUP_ASSIGN_OR_RETURN(const Base base, SelectBase(base_texts, o, sources, corpus.stats));
  std::vector<Made> made = MakeDocuments(base, sources, o);
  const std::vector<size_t> order = CorpusOrder(made, base.originals.size(), o.seed);
  const std::vector<std::string> ids = Ids(made.size(), o.seed);
  std::vector<std::string> id_of(made.size());
  for (size_t k = 0; k < order.size(); ++k) id_of[order[k]] = ids[k];
  corpus.truth = {o.seed, o.ambiguous_low, o.ambiguous_high, {}};
  for (const size_t i : order) {
    Made& m = made[i];
    TruthDocument t;
    t.id = id_of[i];
    t.source = sources[m.source].name;
    t.bytes = m.doc.text.size();
    t.status = m.status;
    t.origin = m.origin;
    if (m.origin != Origin::kBase) {
      t.of = id_of[m.of];
      t.jaccard = m.jaccard;
    }
    t.glued = m.glued;
    t.spans = std::move(m.doc.spans);
    t.natural = std::move(m.doc.natural);
    for (const TruthSpan& s : t.spans) ++corpus.stats.spans[static_cast<int>(s.injection)];
    for (const NaturalSpan& n : t.natural) ++corpus.stats.natural[static_cast<int>(n.kind)];
    if (m.glued) {
      ++corpus.stats.glued;
      if (m.doc.text.size() < 1000) ++corpus.stats.glued_short;
    }
    ++corpus.stats.copies[static_cast<int>(m.origin)];
    ++corpus.stats.status[static_cast<int>(m.status)];
    corpus.truth.documents.push_back(std::move(t));
    corpus.documents.push_back({id_of[i], sources[m.source].name, std::move(m.doc.text)});
  }
  return corpus;
}

absl::StatusOr<std::vector<std::string>> ReadBaseTexts(const DocumentSource& source) {
  std::vector<std::string> texts;
  NEARDUP_RETURN_IF_ERROR(source.ForEach([&](Document&& d) {
    texts.push_back(std::move(d.text));
    return absl::OkStatus();
  }));
  return texts;
}

std::string CorpusJsonl(const SynthCorpus& corpus) {
  std::string out;
  for (const SynthDocument& d : corpus.documents) {
    out += "{\"id\": ";
    out += QuoteJson(d.id);
    out += ", \"source\": ";
    out += QuoteJson(d.source);
    out += ", \"text\": ";
    out += QuoteJson(d.text);
    out += "}\n";
  }
  return out;
}

std::string CorpusTruthJson(const SynthCorpus& corpus, const SynthOptions& o) {
  const NumberFields params = {
      {"max_base", static_cast<double>(o.max_base)}, {"reserve", static_cast<double>(o.reserve)},
      {"min_base_bytes", static_cast<double>(o.min_base_bytes)},
      {"sources", static_cast<double>(o.sources)}, {"exact_rate", o.exact_rate},
      {"near_rate", o.near_rate}, {"truncated_rate", o.truncated_rate},
      {"pasted_rate", o.pasted_rate}, {"glued_rate", o.glued_rate},
      {"glued_pasted_rate", o.glued_pasted_rate}, {"glued_space_rate", o.glued_space_rate},
      {"glued_boilerplate_rate", o.glued_boilerplate_rate}, {"fused_rate", o.fused_rate},
      {"caption_rate", o.caption_rate}, {"tandem_rate", o.tandem_rate},
      {"near_paragraph_rate", o.near_paragraph_rate},
      {"restated_quote_rate", o.restated_quote_rate}, {"rhetoric_rate", o.rhetoric_rate},
      {"label_list_rate", o.label_list_rate},
      {"boilerplate_rate", o.boilerplate_rate}, {"template_rate", o.template_rate},
      {"edit_rate", o.edit_rate}};
  const SynthStats& s = corpus.stats;
  NumberFields stats = {{"base_documents", static_cast<double>(s.base_documents)},
                        {"usable", static_cast<double>(s.usable)},
                        {"overlapping", static_cast<double>(s.overlapping)},
                        {"originals", static_cast<double>(s.originals)},
                        {"reserve", static_cast<double>(s.reserve)},
                        {"documents", static_cast<double>(corpus.documents.size())}};
  for (int i = 1; i < kNumOrigins; ++i) {
    stats.emplace_back(OriginName(static_cast<Origin>(i)), static_cast<double>(s.copies[i]));
  }
  for (int i = 0; i < kNumInjections; ++i) {
    stats.emplace_back(InjectionName(static_cast<Injection>(i)), static_cast<double>(s.spans[i]));
  }
  for (int i = 0; i < kNumNatural; ++i) {
    stats.emplace_back(NaturalName(static_cast<Natural>(i)), static_cast<double>(s.natural[i]));
  }
  stats.emplace_back("glued", static_cast<double>(s.glued));
  stats.emplace_back("glued_under_1000_bytes", static_cast<double>(s.glued_short));
  for (int i = 0; i < 3; ++i) {
    stats.emplace_back(DocStatusName(static_cast<DocStatus>(i)), static_cast<double>(s.status[i]));
  }
  return TruthToJson(corpus.truth, params, stats);
}

absl::Status WriteSynthCorpus(const SynthCorpus& corpus, const SynthOptions& o, const std::string& dir) {
  NEARDUP_RETURN_IF_ERROR(WriteFileAtomically(dir + "/corpus.jsonl", CorpusJsonl(corpus)));
  return WriteFileAtomically(dir + "/truth.json", CorpusTruthJson(corpus, o));
}

}  // namespace neardup
