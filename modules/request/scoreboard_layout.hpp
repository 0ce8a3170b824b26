#pragma once
// The scoreboard's shared-memory layout: plain structs of atomics placed in
// one mapping before the first fork, indexed (never pointers), so every
// process sees the same bytes. Each worker slot has one writer (its thread);
// readers (the master, mod_status) only load. Apache's status letters are
// kept so /server-status?auto stays compatible.

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace feather {

enum class WorkerStatus : std::uint8_t {
    Dead = 0,       // '.' open slot
    Starting,       // 'S'
    Ready,          // '_' waiting for a connection
    BusyRead,       // 'R'
    BusyWrite,      // 'W'
    BusyKeepalive,  // 'K'
    BusyLog,        // 'L'
    BusyDns,        // 'D'
    Closing,        // 'C'
    Graceful,       // 'G'
    IdleKill,       // 'I'
};

// httpd's status_flags, indexed by the values above: ".S_RWKLDCGI".
inline char status_letter(WorkerStatus s)
{
    constexpr char kLetters[] = ".S_RWKLDCGI";
    const auto i = static_cast<std::size_t>(s);
    return i < sizeof kLetters - 1 ? kLetters[i] : '?';
}

// Text that a writer replaces while readers may look: fixed size, stored
// word by word in relaxed atomics and guarded by the slot's sequence counter.
template <std::size_t N>
struct SharedText {
    static_assert(N % 8 == 0);
    std::atomic<std::uint64_t> words[N / 8];

    void store(std::string_view s)
    {
        for (std::size_t w = 0; w < N / 8; ++w) {
            std::uint64_t v = 0;
            for (std::size_t b = 0; b < 8; ++b) {
                const std::size_t i = w * 8 + b;
                const unsigned char c = i < s.size() && i < N - 1 ? static_cast<unsigned char>(s[i]) : 0;
                v |= static_cast<std::uint64_t>(c) << (8 * b);
            }
            words[w].store(v, std::memory_order_relaxed);
        }
    }
    std::string load() const
    {
        std::string out;
        for (std::size_t w = 0; w < N / 8; ++w) {
            const std::uint64_t v = words[w].load(std::memory_order_relaxed);
            for (std::size_t b = 0; b < 8; ++b) {
                const char c = static_cast<char>((v >> (8 * b)) & 0xff);
                if (c == '\0') {
                    return out;
                }
                out.push_back(c);
            }
        }
        return out;
    }
};

struct alignas(64) WorkerScore {
    std::atomic<std::uint8_t> status;
    std::atomic<std::int32_t> pid;
    std::atomic<std::uint32_t> generation;
    std::atomic<std::uint32_t> conn_count;      // requests on the current connection
    std::atomic<std::uint64_t> conn_bytes;
    std::atomic<std::uint64_t> access_count;    // since the slot was last reset
    std::atomic<std::uint64_t> bytes_served;
    std::atomic<std::uint64_t> my_access_count; // since this process took the slot
    std::atomic<std::uint64_t> my_bytes_served;
    std::atomic<std::int64_t> start_time_us;    // of the current/last request
    std::atomic<std::int64_t> stop_time_us;
    std::atomic<std::int64_t> last_used_us;
    std::atomic<std::int64_t> duration_us;      // total time spent on requests
    std::atomic<std::uint64_t> cpu_user_ticks;
    std::atomic<std::uint64_t> cpu_system_ticks;
    // ExtendedStatus only: what the slot is doing, readable while written.
    std::atomic<std::uint32_t> text_seq;         // odd while a writer is updating
    SharedText<64> client;
    SharedText<64> request;
    SharedText<32> vhost;
    SharedText<16> protocol;
};

struct alignas(64) ProcessScore {
    std::atomic<std::int32_t> pid;
    std::atomic<std::uint32_t> generation;
    std::atomic<std::uint8_t> quiescing;      // going down gracefully
    std::atomic<std::uint8_t> not_accepting;
    std::atomic<std::uint32_t> connections;
    std::atomic<std::uint32_t> keep_alive;
};

struct alignas(64) GlobalScore {
    std::uint64_t magic;          // kScoreboardMagic once initialised
    std::int32_t server_limit;
    std::int32_t thread_limit;
    std::atomic<std::uint32_t> running_generation;
    std::atomic<std::int64_t> restart_time_us;
    std::atomic<std::int64_t> start_time_us;
    std::atomic<std::uint32_t> config_generation;  // bumped by every restart
};

inline constexpr std::uint64_t kScoreboardMagic = 0x46454154'48534231ull;  // "FEATHSB1"

static_assert(std::atomic<std::uint64_t>::is_always_lock_free);
static_assert(std::atomic<std::int32_t>::is_always_lock_free);
static_assert(std::is_standard_layout_v<WorkerScore>);
static_assert(std::is_standard_layout_v<ProcessScore>);
static_assert(std::is_standard_layout_v<GlobalScore>);

// Read access to the scoreboard for modules (mod_status): the records of the
// running server, indexed as the runtime lays them out.
struct ScoreboardView {
    const GlobalScore* global = nullptr;
    const ProcessScore* processes = nullptr;
    const WorkerScore* workers = nullptr;
    int server_limit = 0;
    int thread_limit = 0;

    const ProcessScore& process(int slot) const { return processes[slot]; }
    const WorkerScore& worker(int slot, int thread) const { return workers[slot * thread_limit + thread]; }
};

// What mod_status shows about the server besides the scoreboard.
struct ServerFacts {
    std::string description;      // "Apache/2.4.71 (Unix) Feather/0.1.0"
    std::string built;            // "Server Built:" value
    std::string mpm;              // "prefork" or "worker"
    bool threaded = false;
    int daemons_limit = 0;        // processes at most (httpd's max_servers)
    int threads_per_child = 1;
    std::uint32_t generation = 0; // the MPM generation of this configuration
};

}  // namespace feather
