#include "neardup/report.h"

#include "neardup/json_writer.h"

namespace neardup {
namespace {

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
  w.EndObject();
}

void WriteClusters(const Report& r, JsonWriter& w) {
  w.Key("document_clusters").BeginArray();
  for (const DocumentCluster& c : r.clusters) {
    w.BeginObject().Key("kept").String(r.ids[c.kept]).Key("removed").BeginArray();
    for (const RemovedDocument& d : c.removed) {
      w.BeginObject().Key("id").String(r.ids[d.doc]).Key("similarity").Double(d.similarity);
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
    w.Key("rule").String(RuleName(p.rule));
    w.Key("copy_of").BeginObject();
    w.Key("doc").String(r.ids[p.copy_doc]).Key("start").Uint(p.copy_start).Key("end").Uint(p.copy_end);
    w.EndObject();
    w.Key("similarity").Double(p.similarity);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

const char* RuleName(PassageRule rule) {
  switch (rule) {
    case PassageRule::kRepeatWithin:
      return "repeat-within";
  }
  return "unknown";
}

std::string ReportToJson(const Report& report) {
  JsonWriter w;
  w.BeginObject();
  w.Key("neardup").BeginObject().Key("version").String(NEARDUP_VERSION).Key("schema").Int(kReportSchema);
  w.EndObject();
  WriteParams(report, w);
  WriteStats(report.stats, w);
  WriteClusters(report, w);
  WritePassages(report, w);
  w.EndObject();
  return w.Finish();
}

}  // namespace neardup
