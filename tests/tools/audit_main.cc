// neardup_audit REPORT [--text-field F] [--id-field F] INPUT...
// Audits a report.json against the corpus it was made from (neardup/audit.h) and prints every
// inconsistency; exit 0 when there is none, 1 when there are, 2 on an error. The end-to-end tests
// run it after every neardup run that writes a report. Options other than the two JSONL fields are
// accepted and ignored, so a test can pass the arguments it gave neardup.
#include <simdjson.h>

#include <cstdio>
#include <string>
#include <vector>

#include "neardup/quality/audit.h"
#include "neardup/io/corpus.h"
#include "neardup/io/inputs.h"

namespace {

using neardup::AuditedReport;

std::string Str(simdjson::dom::element e) { return std::string(std::string_view(e.get_string().value())); }

bool ParseReport(const std::string& path, AuditedReport& out) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.load(path).get(root)) return false;
  const auto params = root["params"];
  out.params.seed = params["seed"].get_uint64().value();
  out.params.shingle = *neardup::ParseShingleSpec(Str(params["shingle"]));
  out.params.threshold = params["threshold"].get_double().value();
  out.params.containment = params["containment"].get_double().value();
  out.params.passage_k = neardup::ParseShingleSpec(Str(params["passage_shingle"]))->k;
  out.params.passage_threshold = params["passage_threshold"].get_double().value();
  out.params.near_min_words = params["passage_near_min_words"].get_uint64().value();
  out.params.mode = Str(params["passages"]) == "line" ? neardup::PassageMode::kLine : neardup::PassageMode::kParagraph;
  for (const auto cluster : root["document_clusters"].get_array()) {
    // A document kept in a persistent index (--index) has no text here to recompute against;
    // index_test checks those similarities by hand.
    bool in_index = false;
    if (!cluster["kept_in_index"].get(in_index) && in_index) continue;
    for (const auto removed : cluster["removed"].get_array()) {
      out.duplicates.push_back({Str(removed["id"]), Str(cluster["kept"]), Str(removed["match"]),
                                removed["similarity"].get_double().value()});
    }
  }
  for (const auto p : root["passages"].get_array()) {
    AuditedReport::Finding f;
    f.doc = Str(p["doc"]);
    f.rule = Str(p["rule"]);
    f.start = p["start"].get_uint64().value();
    f.end = p["end"].get_uint64().value();
    f.similarity = p["similarity"].get_double().value();
    simdjson::dom::element copy;
    if (!p["copy_of"].get(copy)) {
      f.has_copy = true;
      f.copy_doc = Str(copy["doc"]);
      f.copy_start = copy["start"].get_uint64().value();
      f.copy_end = copy["end"].get_uint64().value();
    }
    out.passages.push_back(f);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: neardup_audit REPORT [--text-field F] [--id-field F] INPUT...\n");
    return 2;
  }
  neardup::JsonlOptions jsonl;
  std::vector<std::string> inputs;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool flag = arg == "-q" || arg == "--quiet" || arg == "-v" || arg == "--verbose" || arg == "--progress";
    if (arg.size() > 1 && arg[0] == '-' && !flag) {
      const size_t eq = arg.find('=');
      const std::string name = arg.substr(0, eq);
      const std::string value = eq != std::string::npos ? arg.substr(eq + 1) : (i + 1 < argc ? argv[++i] : "");
      if (name == "--text-field") jsonl.text_field = value;
      if (name == "--id-field") jsonl.id_field = value;
    } else if (!flag) {
      inputs.push_back(arg);
    }
  }
  AuditedReport report;
  try {
    if (!ParseReport(argv[1], report)) {
      std::fprintf(stderr, "neardup_audit: cannot read %s\n", argv[1]);
      return 2;
    }
  } catch (const simdjson::simdjson_error& e) {
    std::fprintf(stderr, "neardup_audit: %s: %s\n", argv[1], e.what());
    return 2;
  }
  const auto set = neardup::ResolveInputs(inputs);
  if (!set.ok()) {
    std::fprintf(stderr, "neardup_audit: %s\n", std::string(set.status().message()).c_str());
    return 2;
  }
  const neardup::InputCorpus corpus(*set, jsonl);
  const auto problems = neardup::Audit(report, corpus);
  if (!problems.ok()) {
    std::fprintf(stderr, "neardup_audit: %s\n", std::string(problems.status().message()).c_str());
    return 2;
  }
  for (const std::string& p : *problems) std::printf("%s\n", p.c_str());
  return problems->empty() ? 0 : 1;
}
