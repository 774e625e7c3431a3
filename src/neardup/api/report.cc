#include "neardup/report.h"

#include "absl/strings/str_format.h"
#include "neardup/base/json_writer.h"

namespace neardup {
namespace {

std::string KeepName(const Config& c) {
  switch (c.keep) {
    case KeepPolicy::kFirst:
      return "first";
    case KeepPolicy::kLongest:
      return "longest";
    case KeepPolicy::kField:
      return "field:" + c.keep_field;
  }
  return "first";
}

std::string Hex(uint64_t value) { return absl::StrFormat("%016x", value); }

void WriteParams(const Report& r, JsonWriter& w) {
  const Config& c = r.config;
  w.Key("params").BeginObject();
  w.Key("threshold").Double(c.threshold);
  w.Key("num_perm").Int(c.num_perm);
  w.Key("bands").Int(r.lsh.bands);
  w.Key("rows").Int(r.lsh.rows);
  w.Key("shingle").String(c.shingle.ToString());
  w.Key("seed").Uint(c.seed);
  w.Key("passages").String(c.passages.segment.mode == PassageMode::kLine ? "line" : "paragraph");
  w.Key("passage_shingle").String(ShingleSpec{ShingleKind::kWord, c.passages.shingle_words}.ToString());
  w.Key("passage_threshold").Double(c.passages.near_threshold);
  w.Key("passage_near_min_words").Uint(c.passages.near_min_words);
  w.Key("cross_doc").String(c.cross_doc == CrossDocMode::kRemove ? "remove" : "report");
  w.Key("boilerplate_min_docs").Uint(c.boilerplate.min_docs);
  w.Key("boilerplate_min_share").Double(c.boilerplate.min_share);
  w.Key("boilerplate_patterns").String(c.boilerplate.remove_patterns ? "remove" : "report");
  w.Key("containment").Double(c.containment);
  w.Key("keep").String(KeepName(c));
  w.Key("min_tandem_words").Uint(c.min_tandem_words);
  w.EndObject();
}

void WriteStats(const ReportStats& s, JsonWriter& w) {
  w.Key("stats").BeginObject();
  w.Key("documents").Uint(s.documents);
  w.Key("bytes").Uint(s.bytes);
  w.Key("duplicate_documents").Uint(s.duplicate_documents);
  w.Key("duplicate_document_bytes").Uint(s.duplicate_document_bytes);
  w.Key("removed_passages").Uint(s.removed_passages);
  w.Key("removed_passage_bytes").Uint(s.removed_passage_bytes);
  w.Key("removed_bytes").Uint(s.removed_bytes());
  w.Key("duplicate_byte_ratio").Double(s.duplicate_byte_ratio());
  w.Key("duplicate_documents_by_match").BeginObject();
  w.Key("exact").Uint(s.exact_documents).Key("jaccard").Uint(s.jaccard_documents);
  w.Key("containment").Uint(s.containment_documents).EndObject();
  w.Key("rules").BeginObject();
  for (int rule = 0; rule < kNumPassageRules; ++rule) {
    const RuleTotals& t = s.rules[rule];
    w.Key(RuleName(static_cast<PassageRule>(rule))).BeginObject();
    w.Key("passages").Uint(t.passages).Key("bytes").Uint(t.bytes);
    w.Key("removed_passages").Uint(t.removed_passages).Key("removed_bytes").Uint(t.removed_bytes);
    w.EndObject();
  }
  w.EndObject();
  w.Key("boilerplate_by_source").BeginArray();
  for (const SourceTotals& t : s.sources) {
    w.BeginObject().Key("source").String(t.source).Key("documents").Uint(t.documents);
    w.Key("removed_passages").Uint(t.boilerplate_passages).Key("removed_bytes").Uint(t.boilerplate_bytes);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteClusters(const Report& r, JsonWriter& w) {
  w.Key("document_clusters").BeginArray();
  for (const DocumentCluster& c : r.clusters) {
    w.BeginObject().Key("kept").String(r.ids[c.kept]);
    if (c.kept_in_index) w.Key("kept_in_index").Bool(true);
    w.Key("removed").BeginArray();
    for (const RemovedDocument& d : c.removed) {
      w.BeginObject().Key("id").String(r.ids[d.doc]).Key("similarity").Double(d.similarity);
      w.Key("match").String(MatchName(d.match)).Key("fingerprint").String(Hex(r.fingerprints[d.doc]));
      w.EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
}

void WritePassages(const Report& r, JsonWriter& w) {
  w.Key("passages").BeginArray();
  for (const PassageFinding& p : r.passages) {
    w.BeginObject();
    w.Key("doc").String(r.ids[p.doc]).Key("start").Uint(p.start).Key("end").Uint(p.end);
    w.Key("line").Uint(p.line).Key("rule").String(RuleName(p.rule)).Key("removed").Bool(p.removed);
    if (p.has_copy) {
      w.Key("copy_of").BeginObject();
      w.Key("doc").String(r.ids[p.copy_doc]).Key("start").Uint(p.copy_start).Key("end").Uint(p.copy_end);
      w.EndObject();
    }
    w.Key("similarity").Double(p.similarity).Key("fingerprint").String(Hex(p.fingerprint));
    w.EndObject();
  }
  w.EndArray();
}

void WriteBoilerplate(const Report& r, JsonWriter& w) {
  w.Key("boilerplate").BeginArray();
  for (const BoilerplateEntry& b : r.boilerplate) {
    w.BeginObject().Key("source").String(b.source).Key("text").String(b.text);
    w.Key("kind").String(b.pattern ? "pattern" : "passage");
    w.Key("documents").Uint(b.documents).Key("source_documents").Uint(b.source_documents);
    w.Key("first_seen").BeginObject().Key("doc").String(r.ids[b.first_doc]);
    w.Key("start").Uint(b.first_start).Key("end").Uint(b.first_end).EndObject();
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

const char* MatchName(DocumentMatch match) {
  switch (match) {
    case DocumentMatch::kExact:
      return "exact";
    case DocumentMatch::kJaccard:
      return "jaccard";
    case DocumentMatch::kContainment:
      return "containment";
  }
  return "unknown";
}

const char* RuleName(PassageRule rule) {
  switch (rule) {
    case PassageRule::kRepeatWithin:
      return "repeat-within";
    case PassageRule::kRepeatAcross:
      return "repeat-across";
    case PassageRule::kBoilerplate:
      return "boilerplate";
    case PassageRule::kBoilerplatePattern:
      return "boilerplate-pattern";
  }
  return "unknown";
}

std::string ReportToJson(const Report& report) {
  std::string out;
  WriteReportJson(report, [&out](std::string_view piece) { out.append(piece); });
  return out;
}

void WriteReportJson(const Report& report, const std::function<void(std::string_view)>& write) {
  JsonWriter w(2, write);
  w.BeginObject();
  w.Key("neardup").BeginObject().Key("version").String(NEARDUP_VERSION).Key("schema").Int(kReportSchema);
  w.EndObject();
  WriteParams(report, w);
  WriteStats(report.stats, w);
  WriteClusters(report, w);
  WritePassages(report, w);
  WriteBoilerplate(report, w);
  w.EndObject();
  write(w.Finish());
}

}  // namespace neardup
