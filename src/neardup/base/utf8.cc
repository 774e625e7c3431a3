#include "neardup/base/utf8.h"

#include <utf8proc.h>

namespace neardup {

size_t ValidUtf8Length(std::string_view bytes, size_t at) {
  int32_t codepoint = 0;
  const utf8proc_ssize_t length =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(bytes.data() + at),
                       static_cast<utf8proc_ssize_t>(bytes.size() - at), &codepoint);
  return length > 0 ? static_cast<size_t>(length) : 0;
}

}  // namespace neardup
