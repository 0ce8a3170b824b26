#pragma once
// The request phases, in httpd's order (server/request.c
// ap_process_request_internal), and how modules plug into them.
//
//   PostReadRequest -> TranslateName (First) -> MapToStorage (First)
//   -> HeaderParser -> CheckAccess (All) -> CheckAccessEx (First)
//   -> CheckUserId (First) -> CheckAuthz (First) -> TypeChecker (First)
//   -> Fixups (All) -> Handler (First) -> LogTransaction (All)
//
// "First" phases stop at the first hook that does not decline; "All" phases
// run every hook until one fails.

#include <cstdint>
#include <span>

#include "directives/module_id.hpp"

namespace feather {

struct Request;

enum class Phase : std::uint8_t {
    PostReadRequest,
    TranslateName,
    MapToStorage,
    HeaderParser,
    CheckAccess,
    CheckAccessEx,
    CheckUserId,
    CheckAuthz,
    TypeChecker,
    Fixups,
    Handler,
    LogTransaction,
    Count
};

// A hook's answer (httpd's OK / DECLINED / DONE / an HTTP status).
struct Verdict {
    enum class Kind : std::uint8_t { Ok, Declined, Done, Status };
    Kind kind = Kind::Declined;
    int status = 0;

    static constexpr Verdict ok() { return {Kind::Ok, 0}; }
    static constexpr Verdict declined() { return {Kind::Declined, 0}; }
    static constexpr Verdict done() { return {Kind::Done, 0}; }
    static constexpr Verdict http(int status) { return {Kind::Status, status}; }

    bool is_ok() const { return kind == Kind::Ok; }
    bool is_declined() const { return kind == Kind::Declined; }
};

// Where a hook runs among the others of its phase (httpd's hook order).
enum class Rank : std::int8_t { ReallyFirst = -10, First = 0, Middle = 10, Last = 20, ReallyLast = 30 };

using Hook = Verdict (*)(Request& r);

struct HookSpec {
    Phase phase;
    Hook fn;
    Rank rank = Rank::Middle;
};

// A module's request hooks.
struct ModuleHooks {
    ModuleId module;
    std::span<const HookSpec> hooks;
};

}  // namespace feather
