#include "neardup/io/temp_files.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/random.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace neardup {
namespace {

// A run holds few temporary files at once: one output being written, the spooled stdin, a probe.
constexpr int kSlots = 64;

enum SlotState : int { kFree = 0, kFilling = 1, kReady = 2 };

struct Slot {
  std::atomic<int> state{kFree};
  char path[PATH_MAX];
};

Slot slots[kSlots];

}  // namespace

int RememberTemporaryFile(std::string_view path) {
  if (path.empty() || path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    // The slot is claimed before its path is written, and published only once the path is whole,
    // so a handler running in between never reads half a path.
    if (!slots[i].state.compare_exchange_strong(expected, kFilling, std::memory_order_acquire)) continue;
    std::memcpy(slots[i].path, path.data(), path.size());
    slots[i].path[path.size()] = '\0';
    slots[i].state.store(kReady, std::memory_order_release);
    return i;
  }
  return -1;
}

void ForgetTemporaryFile(int ticket) {
  if (ticket < 0 || ticket >= kSlots) return;
  slots[ticket].state.store(kFree, std::memory_order_release);
}

int CreateTemporaryFile(std::string& pattern, int& ticket) {
  ticket = -1;
  constexpr std::string_view kSuffix = "XXXXXX";
  if (pattern.size() < kSuffix.size() || pattern.compare(pattern.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0) {
    errno = EINVAL;
    return -1;
  }
  static constexpr char kLetters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (int attempt = 0; attempt < 100; ++attempt) {
    unsigned char random[6];
    if (::getrandom(random, sizeof random, 0) != static_cast<ssize_t>(sizeof random)) return -1;
    for (size_t i = 0; i < kSuffix.size(); ++i) {
      pattern[pattern.size() - kSuffix.size() + i] = kLetters[random[i] % (sizeof kLetters - 1)];
    }
    // Remembered first: a handler that unlinks a name not yet created does no harm.
    ticket = RememberTemporaryFile(pattern);
    const int fd = ::open(pattern.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    const int saved = errno;
    ForgetTemporaryFile(ticket);
    ticket = -1;
    errno = saved;
    if (saved != EEXIST) return -1;
  }
  errno = EEXIST;
  return -1;
}

void RemoveTemporaryFiles() {
  for (Slot& slot : slots) {
    if (slot.state.load(std::memory_order_acquire) == kReady) ::unlink(slot.path);
  }
}

}  // namespace neardup
