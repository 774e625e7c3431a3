#include "neardup/quality/synth_truth.h"

#include <simdjson.h>

#include "absl/strings/str_format.h"
#include "neardup/base/json_writer.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

constexpr const char* kInjectionNames[kNumInjections] = {
    "pasted-body",      "glued-body",    "caption",           "near-paragraph",
    "tandem-caption",   "boilerplate-line", "template-line", "glued-boilerplate",
    "fused-boilerplate", "copied-line"};
constexpr const char* kNaturalNames[kNumNatural] = {"restated-quote", "rhetoric", "label-list",
                                                    "glued-list"};
constexpr const char* kKindNames[kNumSpanKinds] = {"within", "across", "boilerplate"};
constexpr const char* kStatusNames[3] = {"kept", "duplicate", "ambiguous"};
constexpr const char* kOriginNames[kNumOrigins] = {"base", "exact-copy", "near-copy", "truncated"};

void WriteFields(const char* key, const NumberFields& fields, JsonWriter& w) {
  w.Key(key).BeginObject();
  for (const auto& [name, value] : fields) w.Key(name).Double(value);
  w.EndObject();
}

void WriteDocument(const TruthDocument& d, JsonWriter& w) {
  w.BeginObject().Key("id").String(d.id).Key("source").String(d.source).Key("bytes").Uint(d.bytes);
  w.Key("status").String(DocStatusName(d.status)).Key("made_by").String(OriginName(d.origin));
  if (d.origin != Origin::kBase) w.Key("of").String(d.of).Key("jaccard").Double(d.jaccard);
  w.Key("glued").Bool(d.glued);
  w.Key("spans").BeginArray();
  for (const TruthSpan& s : d.spans) {
    w.BeginObject().Key("start").Uint(s.start).Key("end").Uint(s.end);
    w.Key("kind").String(SpanKindName(s.kind())).Key("made_by").String(InjectionName(s.injection));
    w.Key("ambiguous").Bool(s.ambiguous).Key("similarity").Double(s.similarity).EndObject();
  }
  w.EndArray();
  w.Key("natural").BeginArray();
  for (const NaturalSpan& n : d.natural) {
    w.BeginObject().Key("start").Uint(n.start).Key("end").Uint(n.end);
    w.Key("made_by").String(NaturalName(n.kind)).EndObject();
  }
  w.EndArray().EndObject();
}

absl::Status Malformed(std::string_view name, std::string_view what) {
  return absl::InvalidArgumentError(absl::StrFormat("%s: not a neardup truth file: %s", name, what));
}

template <typename T>
absl::StatusOr<T> Field(simdjson::dom::element e, std::string_view key, std::string_view name) {
  T value{};
  if (e[key].get(value) != simdjson::SUCCESS) {
    return Malformed(name, absl::StrFormat("a document lacks a valid \"%s\"", key));
  }
  return value;
}

absl::StatusOr<TruthSpan> ParseSpan(simdjson::dom::element e, std::string_view name) {
  TruthSpan s;
  NEARDUP_ASSIGN_OR_RETURN(s.start, Field<uint64_t>(e, "start", name));
  NEARDUP_ASSIGN_OR_RETURN(s.end, Field<uint64_t>(e, "end", name));
  NEARDUP_ASSIGN_OR_RETURN(const std::string_view made_by, Field<std::string_view>(e, "made_by", name));
  const std::optional<Injection> injection = ParseInjection(made_by);
  if (!injection) return Malformed(name, absl::StrFormat("unknown span made_by \"%s\"", made_by));
  s.injection = *injection;
  NEARDUP_ASSIGN_OR_RETURN(s.ambiguous, Field<bool>(e, "ambiguous", name));
  if (s.end < s.start) return Malformed(name, "a span ends before it starts");
  return s;
}

absl::StatusOr<NaturalSpan> ParseNaturalSpan(simdjson::dom::element e, std::string_view name) {
  NaturalSpan n;
  NEARDUP_ASSIGN_OR_RETURN(n.start, Field<uint64_t>(e, "start", name));
  NEARDUP_ASSIGN_OR_RETURN(n.end, Field<uint64_t>(e, "end", name));
  NEARDUP_ASSIGN_OR_RETURN(const std::string_view made_by, Field<std::string_view>(e, "made_by", name));
  const std::optional<Natural> kind = ParseNatural(made_by);
  if (!kind) return Malformed(name, absl::StrFormat("unknown natural span made_by \"%s\"", made_by));
  n.kind = *kind;
  if (n.end < n.start) return Malformed(name, "a natural span ends before it starts");
  return n;
}

absl::StatusOr<TruthDocument> ParseDocument(simdjson::dom::element e, std::string_view name) {
  TruthDocument d;
  NEARDUP_ASSIGN_OR_RETURN(const std::string_view id, Field<std::string_view>(e, "id", name));
  d.id = std::string(id);
  NEARDUP_ASSIGN_OR_RETURN(d.bytes, Field<uint64_t>(e, "bytes", name));
  NEARDUP_ASSIGN_OR_RETURN(const std::string_view status, Field<std::string_view>(e, "status", name));
  NEARDUP_ASSIGN_OR_RETURN(const std::string_view origin, Field<std::string_view>(e, "made_by", name));
  bool known = false;
  for (int i = 0; i < 3; ++i) {
    if (status == kStatusNames[i]) d.status = static_cast<DocStatus>(i), known = true;
  }
  if (!known) return Malformed(name, absl::StrFormat("unknown status \"%s\"", status));
  known = false;
  for (int i = 0; i < kNumOrigins; ++i) {
    if (origin == kOriginNames[i]) d.origin = static_cast<Origin>(i), known = true;
  }
  if (!known) return Malformed(name, absl::StrFormat("unknown made_by \"%s\"", origin));
  if (d.origin != Origin::kBase) {
    NEARDUP_ASSIGN_OR_RETURN(const std::string_view of, Field<std::string_view>(e, "of", name));
    d.of = std::string(of);
    NEARDUP_ASSIGN_OR_RETURN(d.jaccard, Field<double>(e, "jaccard", name));
  }
  simdjson::dom::array spans;
  if (e["spans"].get(spans) != simdjson::SUCCESS) return Malformed(name, "a document lacks \"spans\"");
  for (const simdjson::dom::element span : spans) {
    NEARDUP_ASSIGN_OR_RETURN(TruthSpan s, ParseSpan(span, name));
    d.spans.push_back(s);
  }
  // "glued" and "natural" came later: truth files written before them still parse.
  if (const auto error = e["glued"].get(d.glued); error != simdjson::SUCCESS && error != simdjson::NO_SUCH_FIELD) {
    return Malformed(name, "a document's \"glued\" is not true or false");
  }
  simdjson::dom::array natural;
  if (const auto error = e["natural"].get(natural); error == simdjson::SUCCESS) {
    for (const simdjson::dom::element n : natural) {
      NEARDUP_ASSIGN_OR_RETURN(NaturalSpan s, ParseNaturalSpan(n, name));
      d.natural.push_back(s);
    }
  } else if (error != simdjson::NO_SUCH_FIELD) {
    return Malformed(name, "a document's \"natural\" is not an array");
  }
  return d;
}

}  // namespace

const char* SpanKindName(SpanKind kind) { return kKindNames[static_cast<int>(kind)]; }

std::optional<SpanKind> ParseSpanKind(std::string_view name) {
  for (int i = 0; i < kNumSpanKinds; ++i) {
    if (name == kKindNames[i]) return static_cast<SpanKind>(i);
  }
  return std::nullopt;
}

const char* InjectionName(Injection injection) { return kInjectionNames[static_cast<int>(injection)]; }

std::optional<Injection> ParseInjection(std::string_view name) {
  for (int i = 0; i < kNumInjections; ++i) {
    if (name == kInjectionNames[i]) return static_cast<Injection>(i);
  }
  return std::nullopt;
}

const char* NaturalName(Natural natural) { return kNaturalNames[static_cast<int>(natural)]; }

std::optional<Natural> ParseNatural(std::string_view name) {
  for (int i = 0; i < kNumNatural; ++i) {
    if (name == kNaturalNames[i]) return static_cast<Natural>(i);
  }
  return std::nullopt;
}

SpanKind KindOf(Injection injection) {
  switch (injection) {
    case Injection::kBoilerplateLine:
    case Injection::kTemplateLine:
    case Injection::kGluedBoilerplate:
    case Injection::kFusedBoilerplate:
      return SpanKind::kBoilerplate;
    case Injection::kCopiedLine:
      return SpanKind::kAcross;
    default:
      return SpanKind::kWithin;
  }
}

const char* DocStatusName(DocStatus status) { return kStatusNames[static_cast<int>(status)]; }

const char* OriginName(Origin origin) { return kOriginNames[static_cast<int>(origin)]; }

std::string TruthToJson(const Truth& truth, const NumberFields& params, const NumberFields& stats) {
  JsonWriter w;
  w.BeginObject();
  w.Key("neardup_truth").BeginObject().Key("version").String(NEARDUP_VERSION);
  w.Key("schema").Int(kTruthSchema).EndObject();
  w.Key("seed").Uint(truth.seed);
  w.Key("ambiguous_low").Double(truth.ambiguous_low).Key("ambiguous_high").Double(truth.ambiguous_high);
  WriteFields("params", params, w);
  WriteFields("stats", stats, w);
  w.Key("documents").BeginArray();
  for (const TruthDocument& d : truth.documents) WriteDocument(d, w);
  w.EndArray().EndObject();
  return w.Finish();
}

absl::StatusOr<Truth> ParseTruth(std::string_view json, std::string_view name) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (const auto error = parser.parse(json.data(), json.size()).get(root); error != simdjson::SUCCESS) {
    return Malformed(name, simdjson::error_message(error));
  }
  int64_t schema = 0;
  if (root["neardup_truth"]["schema"].get(schema) != simdjson::SUCCESS || schema != kTruthSchema) {
    return Malformed(name, absl::StrFormat("no \"neardup_truth\" header of schema %d", kTruthSchema));
  }
  Truth truth;
  if (root["seed"].get(truth.seed) != simdjson::SUCCESS ||
      root["ambiguous_low"].get(truth.ambiguous_low) != simdjson::SUCCESS ||
      root["ambiguous_high"].get(truth.ambiguous_high) != simdjson::SUCCESS) {
    return Malformed(name, "no \"seed\", \"ambiguous_low\" or \"ambiguous_high\"");
  }
  simdjson::dom::array documents;
  if (root["documents"].get(documents) != simdjson::SUCCESS) return Malformed(name, "no \"documents\" array");
  for (const simdjson::dom::element e : documents) {
    NEARDUP_ASSIGN_OR_RETURN(TruthDocument d, ParseDocument(e, name));
    truth.documents.push_back(std::move(d));
  }
  return truth;
}

}  // namespace neardup
