#include "neardup/check/gates.h"

#include <algorithm>
#include <numeric>

#include "absl/strings/str_format.h"

namespace neardup {
namespace {

bool IsBoilerplate(PassageRule rule) {
  return rule == PassageRule::kBoilerplate || rule == PassageRule::kBoilerplatePattern;
}

std::vector<CheckFinding> CountedFindings(const Report& report, const NewFindings& fresh) {
  std::vector<CheckFinding> out;
  for (const DocumentCluster& c : report.clusters) {
    for (const RemovedDocument& d : c.removed) {
      if (!fresh.documents[d.doc]) continue;
      CheckFinding f;
      f.document = true;
      f.doc = d.doc;
      f.bytes = report.sizes[d.doc];
      f.kept = c.kept;
      f.match = d.match;
      f.similarity = d.similarity;
      out.push_back(f);
    }
  }
  // Clusters are ordered by kept document; findings read best in document order.
  std::stable_sort(out.begin(), out.end(),
                   [](const CheckFinding& a, const CheckFinding& b) { return a.doc < b.doc; });
  for (size_t i = 0; i < report.passages.size(); ++i) {
    const PassageFinding& p = report.passages[i];
    if (!p.removed || !fresh.passages[i]) continue;
    CheckFinding f;
    f.doc = p.doc;
    f.bytes = p.end - p.start;
    f.line = p.line;
    f.passage = i;
    out.push_back(f);
  }
  return out;
}

GateResult Evaluate(Gate gate, double value, double limit) {
  const double slack = IsRatioGate(gate) ? 1e-12 : 0.0;
  return {gate, value, limit, value <= limit + slack};
}

double Ratio(uint64_t part, uint64_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

const char* GateName(Gate gate) {
  switch (gate) {
    case Gate::kDupDocs: return "max-dup-docs";
    case Gate::kDupRatio: return "max-dup-ratio";
    case Gate::kPassages: return "max-passages";
    case Gate::kBoilerplateRatio: return "max-boilerplate-ratio";
  }
  return "unknown";
}

const char* GateDescription(Gate gate) {
  switch (gate) {
    case Gate::kDupDocs: return "duplicate documents";
    case Gate::kDupRatio: return "removed bytes / total bytes";
    case Gate::kPassages: return "removed passages";
    case Gate::kBoilerplateRatio: return "boilerplate bytes / total bytes";
  }
  return "unknown";
}

bool IsRatioGate(Gate gate) { return gate == Gate::kDupRatio || gate == Gate::kBoilerplateRatio; }

bool Counts(const Report& report, const CheckFinding& f, Gate gate) {
  switch (gate) {
    case Gate::kDupDocs: return f.document;
    case Gate::kDupRatio: return true;
    case Gate::kPassages: return !f.document;
    case Gate::kBoilerplateRatio: return !f.document && IsBoilerplate(report.passages[f.passage].rule);
  }
  return false;
}

bool CheckResult::passed() const { return failed_gates() == 0; }

size_t CheckResult::failed_gates() const {
  return static_cast<size_t>(
      std::count_if(gates.begin(), gates.end(), [](const GateResult& g) { return !g.passed; }));
}

CheckResult EvaluateGates(const Report& report, const GateLimits& limits, const NewFindings& fresh) {
  CheckResult result;
  result.findings = CountedFindings(report, fresh);
  result.absorbed = fresh.absorbed;
  uint64_t docs = 0, passages = 0, bytes = 0, boilerplate_bytes = 0;
  for (const CheckFinding& f : result.findings) {
    bytes += f.bytes;
    docs += Counts(report, f, Gate::kDupDocs) ? 1 : 0;
    passages += Counts(report, f, Gate::kPassages) ? 1 : 0;
    if (Counts(report, f, Gate::kBoilerplateRatio)) boilerplate_bytes += f.bytes;
  }
  const uint64_t total = report.stats.bytes;
  if (limits.max_dup_docs) {
    result.gates.push_back(Evaluate(Gate::kDupDocs, static_cast<double>(docs),
                                    static_cast<double>(*limits.max_dup_docs)));
  }
  if (limits.max_dup_ratio) {
    result.gates.push_back(Evaluate(Gate::kDupRatio, Ratio(bytes, total), *limits.max_dup_ratio));
  }
  if (limits.max_passages) {
    result.gates.push_back(Evaluate(Gate::kPassages, static_cast<double>(passages),
                                    static_cast<double>(*limits.max_passages)));
  }
  if (limits.max_boilerplate_ratio) {
    result.gates.push_back(Evaluate(Gate::kBoilerplateRatio, Ratio(boilerplate_bytes, total),
                                    *limits.max_boilerplate_ratio));
  }
  return result;
}

std::vector<size_t> WorstFindings(const CheckResult& result, size_t n) {
  std::vector<size_t> order(result.findings.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return result.findings[a].bytes > result.findings[b].bytes;
  });
  if (order.size() > n) order.resize(n);
  return order;
}

std::vector<OffendingDocument> OffendingDocuments(const Report& report, const CheckResult& result) {
  std::vector<int64_t> slot(report.ids.size(), -1);
  std::vector<OffendingDocument> out;
  for (size_t i = 0; i < result.findings.size(); ++i) {
    const CheckFinding& f = result.findings[i];
    const bool offends = std::any_of(result.gates.begin(), result.gates.end(), [&](const GateResult& g) {
      return !g.passed && Counts(report, f, g.gate);
    });
    if (!offends) continue;
    if (slot[f.doc] < 0) {
      slot[f.doc] = static_cast<int64_t>(out.size());
      out.push_back({f.doc, {}, 0});
    }
    OffendingDocument& d = out[static_cast<size_t>(slot[f.doc])];
    d.findings.push_back(i);
    d.bytes += f.bytes;
  }
  std::sort(out.begin(), out.end(),
            [](const OffendingDocument& a, const OffendingDocument& b) { return a.doc < b.doc; });
  return out;
}

std::string DescribeFinding(const Report& report, const CheckFinding& f) {
  if (f.document) {
    return absl::StrFormat("duplicate document of %s (%s, similarity %.3g), %d bytes",
                           report.ids[f.kept], MatchName(f.match), f.similarity, f.bytes);
  }
  const PassageFinding& p = report.passages[f.passage];
  std::string out = absl::StrFormat("%s: %d bytes", RuleName(p.rule), f.bytes);
  if (!p.has_copy) {
    out += " of boilerplate";
    return out;
  }
  out += absl::StrFormat(", a copy of bytes %d-%d of ", p.copy_start, p.copy_end);
  out += p.copy_doc == p.doc ? std::string("the same document") : report.ids[p.copy_doc];
  out += absl::StrFormat(" (similarity %.3g)", p.similarity);
  return out;
}

FileLine FindingPosition(const Report& report, const CheckFinding& f) {
  FileLine at = SplitLocation(report.locations[f.doc]);
  // A JSONL record is one line of its file; a text file's lines are the document's lines.
  if (at.line == 0) at.line = f.line;
  return at;
}

}  // namespace neardup
