#include "runtime/mpm/master.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <set>
#include <thread>

#include "modules/config_sets.hpp"
#include "runtime/build_info.hpp"
#include "runtime/mpm/child_main.hpp"
#include "runtime/process/pid_file.hpp"

namespace feather::runtime {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kMasterSignals[] = {SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGWINCH, SIGCHLD};

std::string server_description() { return std::string("Apache/") + build::kApacheVersion + " (Feather)"; }

std::string signal_text(int sig)
{
    const char* d = ::strsignal(sig);
    return d != nullptr ? d : "Unknown signal";
}

// Every "|program" a configuration names (error and access logs): the
// piped loggers to keep across a restart.
std::set<std::string> piped_targets(const directives::Config& config)
{
    std::set<std::string> out;
    for (const auto& s : config.servers) {
        const auto& core = get<mod::core::CoreServerConfig>(*s.modules);
        if (core.error_log.is_set() && core.error_log.value->kind == mod::core::ErrorLogTarget::Kind::Pipe) {
            out.insert(core.error_log.value->raw);
        }
        for (const auto& l : get<mod::log_config::LogConfigServerConfig>(*s.modules).logs) {
            if (!l.target.empty() && l.target.front() == '|') {
                out.insert(l.target);
            }
        }
    }
    return out;
}

// The accept mutex httpd would use: several listeners are serialized with
// the mechanism "Mutex mpm-accept" (or "Mutex ... default") names; one
// listener never is (SINGLE_LISTEN_UNSERIALIZED_ACCEPT). Feather's own
// default is no mutex at all: every child waits EPOLLEXCLUSIVE, which wakes
// one child per connection without a lock.
MutexMechanism accept_mechanism(const directives::Config& config, std::size_t listeners, std::string& dir)
{
    const auto& core = get<mod::core::CoreServerConfig>(*config.main_server().modules);
    dir = core.runtime_dir.get_or(parser::merge_path(config.server_root, "logs"));
    MutexMechanism m = MutexMechanism::None;
    auto apply = [&](const mod::core::MutexSetting& s) {
        using C = mod::core::MutexMechanism;
        switch (s.mechanism) {
        case C::Default: m = MutexMechanism::None; break;  // Feather's default: EPOLLEXCLUSIVE, no lock
        case C::Fcntl: m = MutexMechanism::Fcntl; break;
        case C::Flock: m = MutexMechanism::Flock; break;
        case C::PosixSem: m = MutexMechanism::PosixSem; break;
        case C::SysvSem: m = MutexMechanism::SysvSem; break;
        case C::Pthread: m = MutexMechanism::Pthread; break;
        }
        if (s.none) {
            m = MutexMechanism::None;
        }
        if (s.directory && s.mechanism != C::PosixSem) {
            dir = *s.directory;
        }
    };
    if (const auto it = core.mutexes.find("default"); it != core.mutexes.end()) {
        apply(it->second);
    }
    if (const auto it = core.mutexes.find("mpm-accept"); it != core.mutexes.end()) {
        apply(it->second);
    }
    return listeners > 1 ? m : MutexMechanism::None;
}

}  // namespace

Master::Master(MasterOptions options, ConfigLoader loader, ServerFactory factory)
    : options_(std::move(options)), loader_(std::move(loader)), factory_(std::move(factory))
{
}

Master::~Master()
{
    if (signal_fd_ >= 0) {
        ::close(signal_fd_);
    }
}

void Master::log(LogLevel level, const std::string& text, int os_error) const
{
    if (gen_.error_log) {
        gen_.error_log->log(ModuleId::Core, level, text, os_error);
    }
}

bool Master::make_generation(std::shared_ptr<const directives::Config> config, Generation& out,
                             std::vector<std::string>& errors)
{
    out.config = config;
    out.params = effective_mpm_params(*config, gen_.config ? &gen_.params : nullptr,
                                      [&](std::string w) { log(LogLevel::Warn, w); });
    const auto& main = *config->main_server().modules;
    out.extended_status = get<mod::core::CoreServerConfig>(main).extended_status.get_or(
        config->modules.contains(ModuleId::Status));

    std::string error;
    const auto identity = resolve_child_identity(get<mod::unixd::UnixdConfig>(main), error);
    if (!identity) {
        errors.push_back(error);
        return false;
    }
    out.identity = *identity;

    piped_->set_working_dir(config->server_root);
    std::unique_ptr<ErrorLog> log = ErrorLog::open(*config, piped_.get(), error);
    if (!log) {
        errors.push_back(error);
        return false;
    }
    out.error_log = std::move(log);
    out.error_log->set_threaded(out.params.kind == MpmKind::Worker);

    out.piped_logs = piped_.get();
    out.resources = &res_;
    out.server = factory_(out, error);
    if (!out.server) {
        errors.push_back(error);
        return false;
    }
    return true;
}

bool Master::open_listeners(const directives::Config& config, std::vector<std::string>& errors)
{
    const auto& mpm = get<mod::mpm::MpmConfig>(*config.main_server().modules);
    ListenOptions options;
    options.backlog = mpm.listen_backlog.get_or(511);
    options.send_buffer = mpm.send_buffer_size.get_or(0);
    options.receive_buffer = mpm.receive_buffer_size.get_or(0);
    return listeners_->reconcile(mpm.listeners, options, errors);
}

int Master::free_slot() const
{
    for (int i = 0; i < gen_.params.daemons_limit && i < scoreboard_->server_limit(); ++i) {
        bool used = false;
        for (const auto& [pid, c] : children_) {
            used = used || c.slot == i;
        }
        if (!used) {
            return i;
        }
    }
    return -1;
}

void Master::spawn(int slot)
{
    ProcessScore& ps = scoreboard_->process(slot);
    ps.quiescing.store(0);
    ps.generation.store(gen_.number);
    for (int t = 0; t < scoreboard_->thread_limit(); ++t) {
        WorkerScore& w = scoreboard_->worker(slot, t);
        w.status.store(static_cast<std::uint8_t>(t < gen_.params.threads_per_child ? WorkerStatus::Starting
                                                                                    : WorkerStatus::Dead));
        w.my_access_count.store(0);
        w.my_bytes_served.store(0);
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        log(LogLevel::Error, "AH00159: fork: Unable to fork new process", errno);
        scoreboard_->clear_process(slot);
        return;
    }
    if (pid == 0) {
        ::close(signal_fd_);
        if (gen_.params.kind == MpmKind::Worker) {
            worker_child_main(gen_, res_, slot);
        }
        prefork_child_main(gen_, res_, slot);
    }
    ps.pid.store(static_cast<std::int32_t>(pid));
    for (int t = 0; t < gen_.params.threads_per_child; ++t) {
        scoreboard_->worker(slot, t).pid.store(static_cast<std::int32_t>(pid));
    }
    children_[pid] = Child{slot, gen_.number};
}

void Master::startup_children(int count)
{
    for (int i = 0; i < count; ++i) {
        const int slot = free_slot();
        if (slot < 0) {
            return;
        }
        spawn(slot);
    }
}

void Master::reap(bool& child_died)
{
    while (true) {
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, WNOHANG);
        if (pid <= 0) {
            return;
        }
        if (piped_->on_exit(pid, shutdown_ || graceful_stop_)) {
            continue;
        }
        const auto it = children_.find(pid);
        if (it == children_.end()) {
            log(LogLevel::Warn, "AH00167: long lost child came home! (pid " + std::to_string(pid) + ")");
            continue;
        }
        child_died = true;
        const Child child = it->second;
        children_.erase(it);
        if (scoreboard_->process(child.slot).pid.load() == pid) {
            scoreboard_->clear_process(child.slot);
        }
        if (WIFSIGNALED(status)) {
            const int sig = WTERMSIG(status);
            if (sig != SIGTERM && sig != SIGHUP && sig != SIGUSR1 && sig != SIGKILL) {
                log(LogLevel::Notice, "AH00052: child pid " + std::to_string(pid) + " exit signal " +
                                          signal_text(sig) + " (" + std::to_string(sig) + ")" +
                                          (WCOREDUMP(status) ? ", possible coredump" : ""));
            }
        } else if (WIFEXITED(status) && WEXITSTATUS(status) == kChildExitFatal) {
            if (child.generation == gen_.number) {
                log(LogLevel::Alert,
                    "AH00050: Child " + std::to_string(pid) + " returned a Fatal error... Feather is exiting!");
                shutdown_ = true;
                return;
            }
            log(LogLevel::Warn, "AH00166: Ignoring fatal error in child of previous generation (pid " +
                                    std::to_string(pid) + ").");
        }
        if (remaining_to_start_ > 0 && !shutdown_ && !graceful_stop_) {
            // Still replacing the previous generation one for one.
            const int slot = free_slot();
            if (slot >= 0) {
                spawn(slot);
                --remaining_to_start_;
            }
        }
    }
}

void Master::signal_old_generation()
{
    for (const auto& [pid, child] : children_) {
        if (child.generation != gen_.number) {
            ::kill(pid, SIGUSR1);
        }
    }
}

void Master::maintenance()
{
    std::vector<SlotView> slots(static_cast<std::size_t>(scoreboard_->server_limit()));
    for (const auto& [pid, child] : children_) {
        SlotView& v = slots[static_cast<std::size_t>(child.slot)];
        v.has_process = true;
        v.current_generation = child.generation == gen_.number;
        v.quiescing = scoreboard_->process(child.slot).quiescing.load() != 0 || !v.current_generation;
        for (int t = 0; t < gen_.params.threads_per_child; ++t) {
            v.threads.push_back(static_cast<WorkerStatus>(scoreboard_->worker(child.slot, t).status.load()));
        }
    }
    const SpawnDecision d = gen_.params.kind == MpmKind::Worker ? decide_worker(slots, gen_.params, spawn_)
                                                                : decide_prefork(slots, gen_.params, spawn_);
    for (const auto& [level, text] : d.log) {
        log(level, text);
    }
    if (d.retire) {
        for (const auto& [pid, child] : children_) {
            if (child.slot == *d.retire) {
                scoreboard_->process(child.slot).quiescing.store(1);
                ::kill(pid, SIGUSR1);
            }
        }
    }
    for (const int slot : d.start_in) {
        spawn(slot);
    }
}

void Master::stop_children(int sig, bool wait)
{
    for (const auto& [pid, child] : children_) {
        ::kill(pid, sig);
    }
    if (!wait) {
        return;
    }
    // httpd's ap_reclaim_child_processes: wait, then insist.
    const auto start = Clock::now();
    bool killed = false;
    while (!children_.empty()) {
        bool died = false;
        reap(died);
        if (children_.empty()) {
            break;
        }
        const auto waited = Clock::now() - start;
        if (!killed && waited > std::chrono::seconds(3)) {
            for (const auto& [pid, child] : children_) {
                log(LogLevel::Error, "AH00276: child process " + std::to_string(pid) +
                                         " still did not exit, sending a SIGKILL");
                ::kill(pid, SIGKILL);
            }
            killed = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

bool Master::restart(bool graceful)
{
    if (graceful) {
        log(LogLevel::Notice, "AH00171: Graceful restart requested, doing restart");
    } else {
        log(LogLevel::Notice, "AH00173: SIGHUP received.  Attempting to restart");
    }
    auto failed = [&](const std::vector<std::string>& lines) {
        for (const auto& l : lines) {
            log(LogLevel::Error, l);
        }
        log(LogLevel::Error, "configuration reload failed: still serving the previous configuration");
        return false;
    };
    const directives::LoadResult loaded = loader_();
    if (!loaded.config) {
        return failed(loaded.error_lines);
    }
    Generation next;
    next.number = gen_.number + 1;
    std::vector<std::string> errors;
    if (!make_generation(loaded.config, next, errors) || !open_listeners(*loaded.config, errors)) {
        return failed(errors);
    }
    std::string dir;
    const MutexMechanism m = accept_mechanism(*loaded.config, listeners_->listeners().size(), dir);
    if (m != MutexMechanism::None) {
        std::string error;
        next.accept_mutex = AcceptMutex::create(m, dir, error,
                                                next.identity.switch_user ? std::optional<uid_t>(next.identity.uid)
                                                                          : std::nullopt,
                                                next.identity.gid);
        if (!next.accept_mutex) {
            return failed({error});
        }
    }

    if (!graceful) {
        stop_children(SIGTERM, true);
        scoreboard_->reset_slots();
    }
    gen_ = std::move(next);
    res_.piped_logs = piped_.get();
    scoreboard_->global().running_generation.store(gen_.number);
    scoreboard_->global().restart_time_us.store(now_us());
    scoreboard_->global().config_generation.fetch_add(1);
    piped_->retain_only(piped_targets(*gen_.config));
    if (::dup2(gen_.error_log->main_fd(), STDERR_FILENO) < 0) {
        // syslog: stderr stays where it was
    }
    spawn_ = SpawnState{};
    if (graceful) {
        for (const auto& [pid, child] : children_) {
            scoreboard_->process(child.slot).quiescing.store(1);
            ::kill(pid, SIGUSR1);
        }
        spawn_.hold_off_exponential = 10;
        remaining_to_start_ = gen_.params.start_servers;
    } else {
        startup_children(gen_.params.start_servers);
    }
    log(LogLevel::Notice, "AH00163: " + server_description() + " configured -- resuming normal operations");
    return true;
}

void Master::graceful_stop()
{
    listeners_->close_all();
    for (const auto& [pid, child] : children_) {
        scoreboard_->process(child.slot).quiescing.store(1);
        ::kill(pid, SIGUSR1);
    }
    log(LogLevel::Notice, "AH00170: caught SIGWINCH, shutting down gracefully");
    const auto deadline = Clock::now() + std::chrono::seconds(gen_.params.graceful_shutdown_timeout);
    while (!children_.empty()) {
        if (gen_.params.graceful_shutdown_timeout > 0 && Clock::now() >= deadline) {
            break;
        }
        pollfd p{signal_fd_, POLLIN, 0};
        ::poll(&p, 1, 200);
        if (p.revents & POLLIN) {
            signalfd_siginfo si{};
            while (::read(signal_fd_, &si, sizeof si) == static_cast<ssize_t>(sizeof si)) {
                if (si.ssi_signo == SIGTERM || si.ssi_signo == SIGINT) {
                    shutdown_ = true;
                }
            }
            if (shutdown_) {
                break;
            }
        }
        bool died = false;
        reap(died);
        signal_old_generation();
    }
    stop_children(SIGTERM, true);
}

int Master::run(std::shared_ptr<const directives::Config> config)
{
    sigset_t mask;
    sigemptyset(&mask);
    for (const int s : kMasterSignals) {
        sigaddset(&mask, s);
    }
    ::sigprocmask(SIG_BLOCK, &mask, nullptr);
    signal_fd_ = ::signalfd(-1, &mask, SFD_CLOEXEC | SFD_NONBLOCK);
    struct sigaction ign {};
    ign.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ign, nullptr);

    piped_ = std::make_unique<PipedLogs>(config->server_root);
    // httpd's piped-log maintenance reports a dead logger and a failed
    // respawn as startup messages (AH00106, AH00107).
    piped_->set_reporter([this](std::string_view message, int os_error) {
        if (gen_.error_log) {
            gen_.error_log->startup(message, os_error);
        }
    });
    listeners_ = std::make_unique<ListenerSet>();
    std::vector<std::string> errors;
    if (!make_generation(config, gen_, errors) || !open_listeners(*config, errors)) {
        for (const auto& e : errors) {
            std::fprintf(stderr, "%s\n", e.c_str());
        }
        std::fprintf(stderr, "AH00015: Unable to open logs\n");
        return 1;
    }
    std::string dir;
    const MutexMechanism mech = accept_mechanism(*config, listeners_->listeners().size(), dir);
    if (mech != MutexMechanism::None) {
        std::string error;
        gen_.accept_mutex = AcceptMutex::create(mech, dir, error,
                                                gen_.identity.switch_user ? std::optional<uid_t>(gen_.identity.uid)
                                                                          : std::nullopt,
                                                gen_.identity.gid);
        if (!gen_.accept_mutex) {
            std::fprintf(stderr, "%s\n", error.c_str());
            return 1;
        }
    }

    const auto& core = get<mod::core::CoreServerConfig>(*config->main_server().modules);
    if (!options_.foreground && !options_.no_detach && !options_.one_process) {
        // Detach only now: every startup error above reached the terminal.
        const pid_t pid = ::fork();
        if (pid < 0) {
            std::perror("fork");
            return 1;
        }
        if (pid > 0) {
            ::_exit(0);
        }
        ::setsid();
        const int devnull = ::open("/dev/null", O_RDWR);
        ::dup2(devnull, STDIN_FILENO);
        ::dup2(devnull, STDOUT_FILENO);
        ::close(devnull);
    } else if (options_.no_detach) {
        ::setsid();
    }

    pid_file_ = parser::merge_path(config->server_root, core.pid_file.get_or("logs/httpd.pid"));
    std::string error;
    if (!write_pid_file(pid_file_, error)) {
        log(LogLevel::Error, error);
    }
    if (gen_.error_log->main_fd() >= 0) {
        ::dup2(gen_.error_log->main_fd(), STDERR_FILENO);
    }

    const std::string sb_file = core.scoreboard_file.is_set()
                                    ? parser::merge_path(config->server_root, *core.scoreboard_file.value)
                                    : std::string();
    try {
        scoreboard_ = Scoreboard::create(gen_.params.server_limit, gen_.params.thread_limit,
                                         sb_file.empty() ? std::nullopt : std::optional<std::string>(sb_file));
    } catch (const std::exception& e) {
        log(LogLevel::Emerg, std::string("AH00023: ") + e.what());
        remove_pid_file(pid_file_);
        return 1;
    }
    res_.listeners = listeners_.get();
    res_.scoreboard = scoreboard_.get();
    res_.piped_logs = piped_.get();
    res_.one_process = options_.one_process;
    gen_.number = 0;
    scoreboard_->global().running_generation.store(0);

    log(LogLevel::Notice, "AH00163: " + server_description() + " configured -- resuming normal operations");
    log(LogLevel::Info, std::string("AH00164: Server built: ") + build::kBuiltAt);
    log(LogLevel::Notice, "AH00094: Command line: '" + options_.command_line + "'");
    log(LogLevel::Debug, std::string("AH00165: Accept mutex: ") +
                             std::string(gen_.accept_mutex ? mechanism_name(gen_.accept_mutex->mechanism())
                                                           : "none (EPOLLEXCLUSIVE)") +
                             " (default: none)");

    if (options_.one_process) {
        ::sigprocmask(SIG_UNBLOCK, &mask, nullptr);
        ::close(signal_fd_);
        signal_fd_ = -1;
        prefork_child_main(gen_, res_, 0);
    }

    startup_children(gen_.params.start_servers);
    auto last_maintenance = Clock::now();
    while (!shutdown_ && !graceful_stop_) {
        pollfd p{signal_fd_, POLLIN, 0};
        ::poll(&p, 1, 1000);
        if (p.revents & POLLIN) {
            signalfd_siginfo si{};
            while (::read(signal_fd_, &si, sizeof si) == static_cast<ssize_t>(sizeof si)) {
                switch (si.ssi_signo) {
                case SIGTERM:
                case SIGINT: shutdown_ = true; break;
                case SIGHUP: restart_ = true; break;
                case SIGUSR1: graceful_restart_ = true; break;
                case SIGWINCH: graceful_stop_ = true; break;
                default: break;
                }
            }
        }
        bool died = false;
        reap(died);
        if (shutdown_ || graceful_stop_) {
            break;
        }
        if (restart_ || graceful_restart_) {
            const bool graceful = !restart_;
            restart_ = graceful_restart_ = false;
            restart(graceful);
            last_maintenance = Clock::now();
            continue;
        }
        if (Clock::now() - last_maintenance < std::chrono::milliseconds(950)) {
            continue;
        }
        last_maintenance = Clock::now();
        signal_old_generation();
        if (remaining_to_start_ > 0) {
            // A second went by without an old child to replace: start the
            // rest at once.
            startup_children(remaining_to_start_);
            remaining_to_start_ = 0;
            continue;
        }
        maintenance();
    }

    if (graceful_stop_ && !shutdown_) {
        graceful_stop();
    } else {
        stop_children(SIGTERM, true);
        log(LogLevel::Notice, "AH00169: caught SIGTERM, shutting down");
    }
    piped_->stop_all();
    remove_pid_file(pid_file_);
    return 0;
}

}  // namespace feather::runtime
