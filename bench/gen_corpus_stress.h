// The stress profiles of the benchmark corpus: the inputs where an engine's cost may stop being
// linear, in one source (site-01) without boilerplate.
//
// - near-identical: document 0 is an article of about doc_bytes (a headline line and lines of
//   varied base sentences); every later document is that article with `edits` of its words (of
//   four lowercase letters or more) substituted at random places, a near copy of document 0
//   (word 5-gram Jaccard about 0.97 for 3 edits in 3.3 KB). Doubling the number of documents
//   must not more than double the cost.
// - record: each document is one article of doc_bytes (50 MB by default) written as above, the
//   giant single record whose memory must stay a small multiple of its size.
#ifndef NEARDUP_BENCH_GEN_CORPUS_STRESS_H_
#define NEARDUP_BENCH_GEN_CORPUS_STRESS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "gen_corpus_doc.h"
#include "gen_corpus_text.h"

namespace neardup::bench {

class NearIdenticalGenerator : public DocumentGenerator {
 public:
  // Preconditions: Validate(options).ok(). `bank` must outlive the generator.
  NearIdenticalGenerator(const TextBank& bank, const GeneratorOptions& options);

  void Next(GeneratedDoc& doc) override;
  const std::vector<std::string>& source_names() const override { return source_names_; }

 private:
  const TextBank& bank_;
  const GeneratorOptions options_;
  const std::vector<std::string> source_names_ = {"site-01"};
  std::string article_;
  std::vector<std::pair<uint32_t, uint32_t>> slots_;  // [start, end) of the words edits may swap
  std::vector<uint64_t> words_, article_set_, copy_set_;
  std::vector<size_t> chosen_;
  uint64_t next_ = 0;
};

class RecordGenerator : public DocumentGenerator {
 public:
  // Preconditions: Validate(options).ok(). `bank` must outlive the generator.
  RecordGenerator(const TextBank& bank, const GeneratorOptions& options)
      : bank_(bank), options_(options) {}

  void Next(GeneratedDoc& doc) override;
  const std::vector<std::string>& source_names() const override { return source_names_; }

 private:
  const TextBank& bank_;
  const GeneratorOptions options_;
  const std::vector<std::string> source_names_ = {"site-01"};
  uint64_t next_ = 0;
};

}  // namespace neardup::bench

#endif  // NEARDUP_BENCH_GEN_CORPUS_STRESS_H_
