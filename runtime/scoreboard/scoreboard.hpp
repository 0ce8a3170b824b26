#pragma once
// The scoreboard: one shared mapping holding the global record, one record
// per child process (ServerLimit) and one per worker (ServerLimit x
// ThreadLimit). Anonymous shared memory by default; a file mapping when
// ScoreBoardFile is set (so outside tools can read it).

#include <memory>
#include <optional>
#include <string>

#include <boost/interprocess/mapped_region.hpp>

#include "runtime/scoreboard/layout.hpp"

namespace feather::runtime {

class Scoreboard {
public:
    // Creates and zero-initialises the mapping. Throws std::runtime_error
    // with a message naming the file on failure.
    static std::unique_ptr<Scoreboard> create(int server_limit, int thread_limit,
                                              const std::optional<std::string>& file);

    // Maps an existing ScoreBoardFile (tools and tests read a running
    // server's scoreboard this way). Throws std::runtime_error.
    static std::unique_ptr<Scoreboard> open_file(const std::string& file);

    GlobalScore& global() { return *global_; }
    const GlobalScore& global() const { return *global_; }
    ProcessScore& process(int slot) { return processes_[slot]; }
    const ProcessScore& process(int slot) const { return processes_[slot]; }
    WorkerScore& worker(int slot, int thread) { return workers_[slot * thread_limit_ + thread]; }
    const WorkerScore& worker(int slot, int thread) const { return workers_[slot * thread_limit_ + thread]; }

    ScoreboardView view() const { return {global_, processes_, workers_, server_limit_, thread_limit_}; }
    int server_limit() const { return server_limit_; }
    int thread_limit() const { return thread_limit_; }
    const std::optional<std::string>& file() const { return file_; }

    // Returns a dead child's process slot and worker slots to "open".
    void clear_process(int slot);
    // Every process and worker slot back to empty (httpd's non-graceful
    // restart: counters start again from zero). Only with no child running.
    void reset_slots();

private:
    Scoreboard() = default;
    void place(bool construct);

    boost::interprocess::mapped_region region_;
    GlobalScore* global_ = nullptr;
    ProcessScore* processes_ = nullptr;
    WorkerScore* workers_ = nullptr;
    int server_limit_ = 0;
    int thread_limit_ = 0;
    std::optional<std::string> file_;
};

// Microseconds since the epoch, the unit of every time in the scoreboard.
std::int64_t now_us();

}  // namespace feather::runtime
