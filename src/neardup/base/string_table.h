// Many short strings (document ids, locations) in a few large blocks: a std::string each would
// cost 32 bytes of header and often a heap block, which at millions of documents is most of the
// memory a run needs. Blocks never move once written, so growing the table copies nothing.
#ifndef NEARDUP_STRING_TABLE_H_
#define NEARDUP_STRING_TABLE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace neardup {

class StringTable {
 public:
  StringTable() = default;
  StringTable(std::initializer_list<std::string_view> strings) {
    for (const std::string_view s : strings) push_back(s);
  }

  void push_back(std::string_view s) {
    if (blocks_.empty() || blocks_.back().capacity() - blocks_.back().size() < s.size()) {
      blocks_.emplace_back();
      blocks_.back().reserve(std::max(kBlockBytes, s.size()));
    }
    std::string& block = blocks_.back();
    entries_.push_back({static_cast<uint32_t>(blocks_.size() - 1), static_cast<uint32_t>(block.size()),
                        static_cast<uint32_t>(s.size())});
    block.append(s);
  }
  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  // Const, so that `table[i] = x` does not compile as an assignment to a temporary.
  const std::string_view operator[](size_t i) const {
    const Entry& e = entries_[i];
    return std::string_view(blocks_[e.block]).substr(e.offset, e.length);
  }

 private:
  static constexpr size_t kBlockBytes = size_t{1} << 20;
  struct Entry {
    uint32_t block, offset, length;
  };
  std::vector<std::string> blocks_;
  std::vector<Entry> entries_;
};

}  // namespace neardup

#endif  // NEARDUP_STRING_TABLE_H_
