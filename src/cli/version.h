// What `neardup --version` prints: the version, then the libraries it runs with.
#ifndef NEARDUP_CLI_VERSION_H_
#define NEARDUP_CLI_VERSION_H_

#include <string>

namespace neardup::cli {

// "neardup 0.1.0\n" and one line naming each library with its version: read from the library
// itself where it can say (zlib, zstd, utf8proc, oneTBB), else the version built against.
std::string VersionText();

}  // namespace neardup::cli

#endif  // NEARDUP_CLI_VERSION_H_
