#include "cli/version.h"

#include <oneapi/tbb/version.h>
#include <utf8proc.h>
#include <zlib.h>
#include <zstd.h>

#include <CLI/Version.hpp>

#include "absl/base/config.h"
#include "absl/strings/str_format.h"
#include "neardup/io/archive_codec.h"

namespace neardup::cli {

std::string VersionText() {
  std::string out = absl::StrFormat("neardup %s\n", NEARDUP_VERSION);
  // The build defines the versions that only the headers (or pkg-config) know.
  out += absl::StrFormat(
      "libraries: zlib %s, zstd %s, utf8proc %s, oneTBB %s, simdjson %s, xxHash %s, Abseil %d.%d, "
      "CLI11 %s\n",
      zlibVersion(), ZSTD_versionString(), utf8proc_version(), TBB_runtime_version(), NEARDUP_SIMDJSON_VERSION,
      NEARDUP_XXHASH_VERSION, ABSL_LTS_RELEASE_VERSION, ABSL_LTS_RELEASE_PATCH_LEVEL, CLI11_VERSION);
  // xz, bzip2 and lz4 are read and written through libarchive, which names what it is built with.
  out += absl::StrFormat("compression: %s\n", ArchiveVersion());
  return out;
}

}  // namespace neardup::cli
