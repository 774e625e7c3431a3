// Early-return helpers for absl::Status, which Debian's Abseil 20220623 does not ship.
#ifndef NEARDUP_STATUS_MACROS_H_
#define NEARDUP_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define NEARDUP_RETURN_IF_ERROR(expr)          \
  do {                                         \
    const absl::Status neardup_status_ = (expr); \
    if (!neardup_status_.ok()) return neardup_status_; \
  } while (0)

#define NEARDUP_CONCAT_INNER_(a, b) a##b
#define NEARDUP_CONCAT_(a, b) NEARDUP_CONCAT_INNER_(a, b)
#define NEARDUP_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(*tmp)

// NEARDUP_ASSIGN_OR_RETURN(auto x, MaybeX()); declares x or returns the error.
#define NEARDUP_ASSIGN_OR_RETURN(lhs, expr) \
  NEARDUP_ASSIGN_OR_RETURN_IMPL_(NEARDUP_CONCAT_(neardup_statusor_, __LINE__), lhs, expr)

#endif  // NEARDUP_STATUS_MACROS_H_
