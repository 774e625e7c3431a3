#include "neardup/engine/first_pass.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_group.h>

#include <algorithm>
#include <deque>
#include <limits>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "neardup/base/status_macros.h"

namespace neardup {
namespace {

// Bounds the texts held at once: a batch is analyzed while the next is read, then its texts go.
constexpr size_t kBatchDocuments = 128;
constexpr size_t kBatchBytes = size_t{8} << 20;
// Batches in flight: enough for the reader never to wait on analysis while a core is idle.
constexpr size_t kInFlight = 4;

// A document analyzed, with what the in-order append writes prepared on the analysis thread, so
// that the append (the one step that cannot run in parallel) is little more than copies.
struct Prepared {
  DocAnalysis analysis;
  std::string passage_block;
  BoilerplateCounter::Occurrences occurrences;
  std::vector<uint32_t> across;  // long passages that are no repeat within the document
};

struct Batch {
  std::vector<Document> documents;
  std::vector<Prepared> results;
  size_t bytes = 0;
  tbb::task_group tasks;
};

// Which units of a document its repeats remove whole.
void RemovedUnits(const std::vector<WithinRepeat>& repeats, size_t units, std::vector<bool>& out) {
  out.assign(units, false);
  for (const WithinRepeat& r : repeats) {
    if (r.kind != WithinRepeat::Kind::kUnits || !r.remove) continue;
    for (uint32_t u = r.first_unit + (r.fused_start ? 1 : 0); u <= r.last_unit; ++u) out[u] = true;
  }
}

void Prepare(const Analyzer& analyzer, const Document& doc, Analyzer::Scratch& scratch, Prepared& out) {
  analyzer.Analyze(doc.text, scratch, out.analysis);
  const DocPassages& p = out.analysis.passages;
  EncodePassages(p, out.analysis.repeats, out.passage_block);
  BoilerplateCounter::Collect(p.passages, p.pieces, out.occurrences);
  // A passage every unit of which goes as a repeat within the document cannot repeat another.
  size_t units = 0;
  for (const PassageSketch& passage : p.passages) units += std::max<uint32_t>(1, passage.pieces);
  std::vector<bool> gone;
  RemovedUnits(out.analysis.repeats, units, gone);
  out.across.clear();
  uint32_t unit = 0;
  for (uint32_t i = 0; i < p.passages.size(); ++i) {
    const uint32_t units = std::max<uint32_t>(1, p.passages[i].pieces);
    bool all_gone = !out.analysis.repeats.empty();
    for (uint32_t u = unit; u < unit + units && all_gone; ++u) all_gone = gone[u];
    unit += units;
    if (p.passages[i].has_shingles() && !all_gone) out.across.push_back(i);
  }
}

class Sketcher {
 public:
  Sketcher(const Analyzer& analyzer, const Config& config, const ProgressFn& progress, CorpusSketch& sketch,
           BoilerplateCounter& boilerplate, CrossDocMatcher& across)
      : analyzer_(analyzer), config_(config), progress_(progress), sketch_(sketch), boilerplate_(boilerplate),
        across_(across), scratch_([&analyzer] { return Analyzer::Scratch(analyzer); }),
        keys_per_passage_(static_cast<size_t>(analyzer.passage_bands())) {}

  absl::Status Add(Document&& doc) {
    if (read_ >= std::numeric_limits<uint32_t>::max() - 1) {
      return absl::ResourceExhaustedError("more than 4 billion documents in one run");
    }
    ++read_;
    if (!current_) NewBatch();
    current_->bytes += doc.text.size();
    current_->documents.push_back(std::move(doc));
    if (current_->documents.size() >= kBatchDocuments || current_->bytes >= kBatchBytes) return Launch();
    return absl::OkStatus();
  }

  absl::Status Finish() {
    if (current_) NEARDUP_RETURN_IF_ERROR(Launch());
    while (!in_flight_.empty()) NEARDUP_RETURN_IF_ERROR(Retire());
    return absl::OkStatus();
  }

  // Waits for every launched batch without appending: the run is failing anyway.
  void Abandon() {
    for (auto& batch : in_flight_) batch->tasks.wait();
    in_flight_.clear();
  }

 private:
  // Batches are recycled, so their vectors (and the results' vectors) keep their memory.
  void NewBatch() {
    if (spare_.empty()) {
      current_ = std::make_unique<Batch>();
      current_->documents.reserve(kBatchDocuments);
    } else {
      current_ = std::move(spare_.back());
      spare_.pop_back();
      current_->documents.clear();
      current_->bytes = 0;
    }
  }

  absl::Status Launch() {
    Batch* batch = current_.get();
    if (batch->results.size() < batch->documents.size()) batch->results.resize(batch->documents.size());
    batch->tasks.run([this, batch] {
      tbb::parallel_for(size_t{0}, batch->documents.size(), [this, batch](size_t i) {
        Prepare(analyzer_, batch->documents[i], scratch_.local(), batch->results[i]);
      });
    });
    in_flight_.push_back(std::move(current_));
    while (in_flight_.size() > kInFlight) NEARDUP_RETURN_IF_ERROR(Retire());
    return absl::OkStatus();
  }

  // Waits for the oldest batch (helping with any analysis meanwhile) and appends it in order.
  absl::Status Retire() {
    std::unique_ptr<Batch> batch = std::move(in_flight_.front());
    in_flight_.pop_front();
    batch->tasks.wait();
    for (size_t i = 0; i < batch->documents.size(); ++i) {
      NEARDUP_RETURN_IF_ERROR(Append(batch->documents[i], batch->results[i]));
    }
    if (progress_) progress_({"sign", sketch_.size(), bytes_});
    spare_.push_back(std::move(batch));
    return absl::OkStatus();
  }

  absl::Status Append(Document& doc, const Prepared& prepared) {
    const DocAnalysis& a = prepared.analysis;
    CorpusSketch& s = sketch_;
    const auto doc_index = static_cast<uint32_t>(s.size());
    s.ids.push_back(doc.id);
    s.locations.push_back(doc.location);
    s.positions.push_back(doc.position);
    s.sizes.push_back(doc.text.size());
    s.exact.push_back(a.exact_hash);
    const auto bands = static_cast<size_t>(analyzer_.lsh().bands);
    s.band_keys.insert(s.band_keys.end(), a.band_keys.begin(), a.band_keys.begin() + static_cast<std::ptrdiff_t>(bands));
    s.containment_keys.insert(s.containment_keys.end(), a.band_keys.begin() + static_cast<std::ptrdiff_t>(bands),
                              a.band_keys.end());
    const uint64_t first_gid = s.passage_count;
    NEARDUP_RETURN_IF_ERROR(s.AppendPassages(prepared.passage_block, a.passages.size()));
    NEARDUP_RETURN_IF_ERROR(AddAcross(first_gid, prepared));
    const auto [it, inserted] = source_ids_.try_emplace(doc.source, s.source_names.size());
    if (inserted) s.source_names.push_back(doc.source);
    s.source.push_back(it->second);
    if (config_.keep == KeepPolicy::kField) s.keep_keys.push_back(std::move(doc.keep_key));
    bytes_ += doc.text.size();
    return boilerplate_.Add(doc_index, it->second, prepared.occurrences);
  }

  // Long passages that do not repeat one of their own document may repeat another document.
  absl::Status AddAcross(uint64_t first_gid, const Prepared& prepared) {
    const DocPassages& p = prepared.analysis.passages;
    const std::span<const uint64_t> keys(p.band_keys);
    const std::span<const uint8_t> sketches(p.sketches);
    constexpr size_t kSketch = PassageKeys::kSketchBytes;
    size_t ordinal = 0;  // among the long passages, which alone have keys
    size_t next = 0;
    for (uint32_t i = 0; i < p.passages.size() && next < prepared.across.size(); ++i) {
      if (!p.passages[i].has_shingles()) continue;
      const size_t at = ordinal++;
      if (prepared.across[next] != i) continue;
      ++next;
      NEARDUP_RETURN_IF_ERROR(across_.Add(first_gid + i, p.passages[i].fingerprint,
                                          keys.subspan(keys_per_passage_ * at, keys_per_passage_),
                                          sketches.subspan(kSketch * at, kSketch)));
    }
    return absl::OkStatus();
  }

  const Analyzer& analyzer_;
  const Config& config_;
  const ProgressFn& progress_;
  CorpusSketch& sketch_;
  BoilerplateCounter& boilerplate_;
  CrossDocMatcher& across_;
  tbb::enumerable_thread_specific<Analyzer::Scratch> scratch_;
  size_t keys_per_passage_;
  std::unique_ptr<Batch> current_;
  std::deque<std::unique_ptr<Batch>> in_flight_;
  std::vector<std::unique_ptr<Batch>> spare_;
  absl::flat_hash_map<std::string, uint32_t> source_ids_;
  uint64_t read_ = 0;
  uint64_t bytes_ = 0;
};

}  // namespace

absl::Status SketchCorpus(const DocumentSource& source, const Analyzer& analyzer, const Config& config,
                          const ProgressFn& progress, CorpusSketch& sketch, BoilerplateCounter& boilerplate,
                          CrossDocMatcher& across) {
  Sketcher sketcher(analyzer, config, progress, sketch, boilerplate, across);
  absl::Status status = source.ForEach([&](Document&& doc) { return sketcher.Add(std::move(doc)); });
  if (status.ok()) status = sketcher.Finish();
  if (!status.ok()) {
    sketcher.Abandon();
    return status;
  }
  return sketch.passages->Seal();
}

}  // namespace neardup
