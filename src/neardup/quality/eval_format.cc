// The eval result as Markdown tables (what quality.sh puts in docs/quality.md) and as JSON.
#include "absl/strings/str_format.h"
#include "neardup/quality/eval.h"
#include "neardup/base/json_writer.h"

namespace neardup {
namespace {

constexpr int kEvalSchema = 1;

std::string ScoreRow(const char* name, const Score& s) {
  return absl::StrFormat("| %s | %.4f | %.4f | %.4f | %d | %d | %d |\n", name, s.precision(), s.recall(),
                         s.f1(), s.true_positives, s.false_positives, s.false_negatives);
}

std::string BucketName(const DocumentTally& t) {
  if (t.low == t.high) return absl::StrFormat("%.2f (exact)", t.low);
  return absl::StrFormat("[%.2f, %.2f)", t.low, t.high);
}

std::string TallyRow(const std::string& name, const DocumentTally& t) {
  const auto share = [](uint64_t part, uint64_t whole) {
    return whole == 0 ? std::string("-") : absl::StrFormat("%.4f", static_cast<double>(part) / static_cast<double>(whole));
  };
  const int dup = static_cast<int>(DocStatus::kDuplicate);
  const int amb = static_cast<int>(DocStatus::kAmbiguous);
  const int kept = static_cast<int>(DocStatus::kKept);
  return absl::StrFormat("| %s | %d | %d | %s | %d | %s | %d | %s |\n", name,
                         t.documents[0] + t.documents[1] + t.documents[2], t.documents[dup],
                         share(t.removed[dup], t.documents[dup]), t.documents[amb],
                         share(t.removed[amb], t.documents[amb]), t.documents[kept],
                         share(t.removed[kept], t.documents[kept]));
}

void WriteScore(const char* key, const Score& s, JsonWriter& w) {
  w.Key(key).BeginObject();
  w.Key("precision").Double(s.precision()).Key("recall").Double(s.recall()).Key("f1").Double(s.f1());
  w.Key("true_positives").Uint(s.true_positives).Key("false_positives").Uint(s.false_positives);
  w.Key("false_negatives").Uint(s.false_negatives).EndObject();
}

void WriteTally(const DocumentTally& t, JsonWriter& w) {
  for (int s = 0; s < 3; ++s) {
    const std::string name = DocStatusName(static_cast<DocStatus>(s));
    w.Key(name).Uint(t.documents[s]).Key(name + "_removed").Uint(t.removed[s]);
  }
}

}  // namespace

std::string FormatEvalTable(const EvalResult& r) {
  std::string out;
  if (!r.run.empty()) absl::StrAppendFormat(&out, "Run: %s\n\n", r.run);
  out += "| measure | precision | recall | F1 | TP | FP | FN |\n|---|---:|---:|---:|---:|---:|---:|\n";
  out += ScoreRow("documents", r.documents);
  for (int k = 0; k < kNumSpanKinds; ++k) {
    out += ScoreRow(absl::StrFormat("%s spans (bytes)", SpanKindName(static_cast<SpanKind>(k))).c_str(), r.spans[k]);
  }
  out += ScoreRow("all spans, any kind (bytes)", r.all_spans);
  out += ScoreRow("clean text: removed bytes", r.clean_text);
  for (const SpanKind kind : {SpanKind::kWithin, SpanKind::kBoilerplate}) {
    for (int l = 0; l < kNumLayouts; ++l) {
      out += ScoreRow(absl::StrFormat("%s spans, %s documents (bytes)", SpanKindName(kind),
                                      LayoutName(static_cast<Layout>(l))).c_str(),
                      r.layout_spans[l][static_cast<int>(kind)]);
    }
  }
  const NaturalTally natural = r.natural_total();
  absl::StrAppendFormat(&out,
                        "\nAmbiguous documents (not scored): %d. Collateral damage: %d of %d kept bytes "
                        "removed outside every true span (%.4f%%). Natural negatives: %d of %d bytes "
                        "removed (%.4f%%), %d of %d spans touched.\n",
                        r.ambiguous_documents, r.collateral_bytes, r.kept_bytes, 100 * r.collateral(),
                        natural.removed_bytes, natural.bytes, 100 * r.natural_collateral(),
                        natural.touched_spans, natural.spans);
  out += "\n| natural negative | spans | bytes | spans touched | removed bytes | removed |\n"
         "|---|---:|---:|---:|---:|---:|\n";
  for (int i = 0; i < kNumNatural; ++i) {
    const NaturalTally& t = r.natural[i];
    absl::StrAppendFormat(&out, "| %s | %d | %d | %d | %d | %.4f%% |\n", NaturalName(static_cast<Natural>(i)),
                          t.spans, t.bytes, t.touched_spans, t.removed_bytes,
                          t.bytes == 0 ? 0.0 : 100.0 * static_cast<double>(t.removed_bytes) / static_cast<double>(t.bytes));
  }
  out += "\n| injected as | kind | spans | bytes | found bytes | recall |\n|---|---|---:|---:|---:|---:|\n";
  for (int i = 0; i < kNumInjections; ++i) {
    const Injection injection = static_cast<Injection>(i);
    const InjectionTally& t = r.injections[i];
    absl::StrAppendFormat(&out, "| %s | %s | %d | %d | %d | %.4f |\n", InjectionName(injection),
                          SpanKindName(KindOf(injection)), t.spans, t.bytes, t.found_bytes,
                          t.bytes == 0 ? 1.0 : static_cast<double>(t.found_bytes) / static_cast<double>(t.bytes));
  }
  const char* kTallyHeader =
      " | documents | duplicate | found | ambiguous | removed | kept | removed |\n"
      "|---|---:|---:|---:|---:|---:|---:|---:|\n";
  out += "\n| copies made as";
  out += kTallyHeader;
  for (int o = 1; o < kNumOrigins; ++o) out += TallyRow(OriginName(static_cast<Origin>(o)), r.origins[o]);
  out += "\n| true Jaccard";
  out += kTallyHeader;
  for (const DocumentTally& t : r.buckets) {
    if (t.documents[0] + t.documents[1] + t.documents[2] > 0) out += TallyRow(BucketName(t), t);
  }
  return out;
}

std::string EvalToJson(const EvalResult& r) {
  JsonWriter w;
  w.BeginObject();
  w.Key("neardup_eval").BeginObject().Key("version").String(NEARDUP_VERSION);
  w.Key("schema").Int(kEvalSchema).EndObject();
  w.Key("run").String(r.run);
  WriteScore("documents", r.documents, w);
  w.Key("ambiguous_documents").Uint(r.ambiguous_documents);
  w.Key("spans").BeginObject();
  for (int k = 0; k < kNumSpanKinds; ++k) WriteScore(SpanKindName(static_cast<SpanKind>(k)), r.spans[k], w);
  WriteScore("all", r.all_spans, w);
  w.EndObject();
  w.Key("collateral").BeginObject().Key("bytes").Uint(r.collateral_bytes);
  w.Key("kept_bytes").Uint(r.kept_bytes).Key("share").Double(r.collateral()).EndObject();
  WriteScore("clean_text", r.clean_text, w);
  w.Key("by_layout").BeginObject();
  for (int l = 0; l < kNumLayouts; ++l) {
    w.Key(LayoutName(static_cast<Layout>(l))).BeginObject();
    for (int k = 0; k < kNumSpanKinds; ++k) WriteScore(SpanKindName(static_cast<SpanKind>(k)), r.layout_spans[l][k], w);
    w.EndObject();
  }
  w.EndObject();
  const NaturalTally natural = r.natural_total();
  w.Key("natural").BeginObject().Key("bytes").Uint(natural.bytes).Key("removed_bytes").Uint(natural.removed_bytes);
  w.Key("share").Double(r.natural_collateral()).Key("by_kind").BeginArray();
  for (int i = 0; i < kNumNatural; ++i) {
    const NaturalTally& t = r.natural[i];
    w.BeginObject().Key("made_by").String(NaturalName(static_cast<Natural>(i))).Key("spans").Uint(t.spans);
    w.Key("bytes").Uint(t.bytes).Key("touched_spans").Uint(t.touched_spans).Key("removed_bytes").Uint(t.removed_bytes);
    w.EndObject();
  }
  w.EndArray().EndObject();
  w.Key("by_injection").BeginArray();
  for (int i = 0; i < kNumInjections; ++i) {
    const InjectionTally& t = r.injections[i];
    w.BeginObject().Key("made_by").String(InjectionName(static_cast<Injection>(i)));
    w.Key("kind").String(SpanKindName(KindOf(static_cast<Injection>(i))));
    w.Key("spans").Uint(t.spans).Key("bytes").Uint(t.bytes).Key("found_bytes").Uint(t.found_bytes);
    w.EndObject();
  }
  w.EndArray();
  w.Key("by_origin").BeginArray();
  for (int o = 1; o < kNumOrigins; ++o) {
    w.BeginObject().Key("made_by").String(OriginName(static_cast<Origin>(o)));
    WriteTally(r.origins[o], w);
    w.EndObject();
  }
  w.EndArray();
  w.Key("by_jaccard").BeginArray();
  for (const DocumentTally& t : r.buckets) {
    w.BeginObject().Key("low").Double(t.low).Key("high").Double(t.high);
    WriteTally(t, w);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Finish();
}

}  // namespace neardup
