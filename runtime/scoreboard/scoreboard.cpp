#include "runtime/scoreboard/scoreboard.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <new>
#include <stdexcept>

#include <boost/interprocess/anonymous_shared_memory.hpp>
#include <boost/interprocess/file_mapping.hpp>

namespace feather::runtime {

namespace bip = boost::interprocess;

namespace {

std::size_t round_up(std::size_t n) { return (n + 63) & ~std::size_t{63}; }

}  // namespace



std::int64_t now_us()
{
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::unique_ptr<Scoreboard> Scoreboard::create(int server_limit, int thread_limit,
                                               const std::optional<std::string>& file)
{
    const std::size_t global_size = round_up(sizeof(GlobalScore));
    const std::size_t process_size = round_up(sizeof(ProcessScore) * static_cast<std::size_t>(server_limit));
    const std::size_t worker_size =
        sizeof(WorkerScore) * static_cast<std::size_t>(server_limit) * static_cast<std::size_t>(thread_limit);
    const std::size_t total = global_size + process_size + worker_size;

    std::unique_ptr<Scoreboard> sb(new Scoreboard());
    sb->server_limit_ = server_limit;
    sb->thread_limit_ = thread_limit;
    sb->file_ = file;
    try {
        if (file) {
            const int fd = ::open(file->c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
            if (fd < 0 || ::ftruncate(fd, static_cast<off_t>(total)) != 0) {
                const std::string err = std::strerror(errno);
                if (fd >= 0) {
                    ::close(fd);
                }
                throw std::runtime_error("unable to create or access scoreboard \"" + *file + "\": " + err);
            }
            ::close(fd);
            bip::file_mapping mapping(file->c_str(), bip::read_write);
            sb->region_ = bip::mapped_region(mapping, bip::read_write, 0, total);
        } else {
            sb->region_ = bip::anonymous_shared_memory(total);
        }
    } catch (const bip::interprocess_exception& e) {
        throw std::runtime_error(std::string("unable to create the scoreboard: ") + e.what());
    }

    std::memset(sb->region_.get_address(), 0, total);
    sb->place(true);
    sb->global_->magic = kScoreboardMagic;
    sb->global_->server_limit = server_limit;
    sb->global_->thread_limit = thread_limit;
    sb->global_->start_time_us.store(now_us());
    sb->global_->restart_time_us.store(now_us());
    return sb;
}

void Scoreboard::place(bool construct)
{
    auto* base = static_cast<unsigned char*>(region_.get_address());
    const std::size_t global_size = round_up(sizeof(GlobalScore));
    const std::size_t process_size = round_up(sizeof(ProcessScore) * static_cast<std::size_t>(server_limit_));
    global_ = construct ? new (base) GlobalScore{} : reinterpret_cast<GlobalScore*>(base);
    processes_ = reinterpret_cast<ProcessScore*>(base + global_size);
    workers_ = reinterpret_cast<WorkerScore*>(base + global_size + process_size);
    if (construct) {
        reset_slots();
    }
}

void Scoreboard::reset_slots()
{
    for (int i = 0; i < server_limit_; ++i) {
        new (&processes_[i]) ProcessScore{};
    }
    for (int i = 0; i < server_limit_ * thread_limit_; ++i) {
        new (&workers_[i]) WorkerScore{};
    }
}

std::unique_ptr<Scoreboard> Scoreboard::open_file(const std::string& file)
{
    std::unique_ptr<Scoreboard> sb(new Scoreboard());
    try {
        bip::file_mapping mapping(file.c_str(), bip::read_write);
        sb->region_ = bip::mapped_region(mapping, bip::read_write);
    } catch (const bip::interprocess_exception& e) {
        throw std::runtime_error("cannot map scoreboard " + file + ": " + e.what());
    }
    const auto* g = static_cast<const GlobalScore*>(sb->region_.get_address());
    if (sb->region_.get_size() < sizeof(GlobalScore) || g->magic != kScoreboardMagic) {
        throw std::runtime_error("not a feather scoreboard: " + file);
    }
    sb->server_limit_ = g->server_limit;
    sb->thread_limit_ = g->thread_limit;
    sb->file_ = file;
    sb->place(false);
    return sb;
}

void Scoreboard::clear_process(int slot)
{
    ProcessScore& p = processes_[slot];
    p.pid.store(0);
    p.quiescing.store(0);
    p.not_accepting.store(0);
    p.connections.store(0);
    p.keep_alive.store(0);
    for (int t = 0; t < thread_limit_; ++t) {
        WorkerScore& w = worker(slot, t);
        if (w.status.load() != static_cast<std::uint8_t>(WorkerStatus::Dead)) {
            w.status.store(static_cast<std::uint8_t>(WorkerStatus::Dead));
        }
        w.pid.store(0);
    }
}

}  // namespace feather::runtime
