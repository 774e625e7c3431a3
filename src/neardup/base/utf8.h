// UTF-8 validity, for the places that must write valid UTF-8 (JSON, HTML, XML) from bytes that
// may not be.
#ifndef NEARDUP_UTF8_H_
#define NEARDUP_UTF8_H_

#include <cstddef>
#include <string_view>

namespace neardup {

// Length of the valid UTF-8 sequence starting at bytes[at], or 0 when none starts there
// (overlong forms, surrogates, values above U+10FFFF and truncated sequences are invalid).
size_t ValidUtf8Length(std::string_view bytes, size_t at);

}  // namespace neardup

#endif  // NEARDUP_UTF8_H_
