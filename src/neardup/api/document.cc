#include "neardup/document.h"

namespace neardup {

absl::Status DocumentSource::Revisit(std::span<const uint32_t> docs, std::span<const uint64_t> /*positions*/,
                                     const DocumentVisitor& visit) const {
  if (docs.empty()) return absl::OkStatus();
  // Reading stops after the last document wanted; this status says so and is not an error.
  const absl::Status done = absl::CancelledError("neardup: revisit complete");
  uint32_t index = 0;
  size_t next = 0;
  const absl::Status status = ForEach([&](Document&& d) -> absl::Status {
    if (index++ != docs[next]) return absl::OkStatus();
    if (absl::Status s = visit(std::move(d)); !s.ok()) return s;
    return ++next == docs.size() ? done : absl::OkStatus();
  });
  return status == done ? absl::OkStatus() : status;
}

MemorySource MemorySource::FromTexts(std::vector<std::string> texts) {
  std::vector<Document> documents(texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    documents[i].id = std::to_string(i);
    documents[i].text = std::move(texts[i]);
  }
  return MemorySource(std::move(documents));
}

absl::Status MemorySource::ForEach(const DocumentVisitor& visit) const {
  for (Document doc : documents_) {
    if (absl::Status s = visit(std::move(doc)); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace neardup
