#include "runtime/mpm/accept_mutex.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <sys/file.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/sem.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "directives/registry.hpp"

namespace feather::runtime {

namespace {

std::string errno_text() { return "(" + std::to_string(errno) + ")" + std::strerror(errno); }

timespec deadline_in(long ms)
{
    timespec ts{};
    ::clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) {
        ts.tv_sec += 1;
        ts.tv_nsec -= 1000000000L;
    }
    return ts;
}

// fcntl(F_SETLKW) on a lock file the master opened and children inherit:
// record locks belong to processes, so one shared descriptor serves all.
class FcntlMutex final : public AcceptMutex {
public:
    FcntlMutex(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    ~FcntlMutex() override
    {
        ::close(fd_);
        ::unlink(path_.c_str());
    }
    bool lock() override
    {
        struct flock l {};
        l.l_type = F_WRLCK;
        l.l_whence = SEEK_SET;
        return ::fcntl(fd_, F_SETLKW, &l) == 0;
    }
    void unlock() override
    {
        struct flock l {};
        l.l_type = F_UNLCK;
        l.l_whence = SEEK_SET;
        ::fcntl(fd_, F_SETLK, &l);
    }
    MutexMechanism mechanism() const override { return MutexMechanism::Fcntl; }

private:
    int fd_;
    std::string path_;
};

// flock() locks belong to open files: each child reopens the file.
class FlockMutex final : public AcceptMutex {
public:
    FlockMutex(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    ~FlockMutex() override
    {
        ::close(fd_);
        if (owner_ == ::getpid()) {
            ::unlink(path_.c_str());
        }
    }
    bool child_init(std::string& error) override
    {
        ::close(fd_);
        fd_ = ::open(path_.c_str(), O_RDWR | O_CLOEXEC);
        if (fd_ < 0) {
            error = errno_text() + ": AH00144: Couldn't initialize accept mutex " + path_;
            return false;
        }
        return true;
    }
    bool lock() override { return ::flock(fd_, LOCK_EX) == 0; }
    void unlock() override { ::flock(fd_, LOCK_UN); }
    MutexMechanism mechanism() const override { return MutexMechanism::Flock; }

private:
    int fd_;
    std::string path_;
    pid_t owner_ = ::getpid();
};

class SysvSemMutex final : public AcceptMutex {
public:
    explicit SysvSemMutex(int id) : id_(id) {}
    ~SysvSemMutex() override
    {
        if (owner_ == ::getpid()) {
            ::semctl(id_, 0, IPC_RMID);
        }
    }
    bool lock() override
    {
        sembuf op{0, -1, SEM_UNDO};
        const timespec wait{1, 0};
        return ::semtimedop(id_, &op, 1, &wait) == 0;
    }
    void unlock() override
    {
        sembuf op{0, 1, SEM_UNDO};
        ::semop(id_, &op, 1);
    }
    MutexMechanism mechanism() const override { return MutexMechanism::SysvSem; }

private:
    int id_;
    pid_t owner_ = ::getpid();
};

// An unnamed process-shared semaphore in an anonymous shared mapping.
class PosixSemMutex final : public AcceptMutex {
public:
    explicit PosixSemMutex(sem_t* sem) : sem_(sem) {}
    ~PosixSemMutex() override { ::munmap(sem_, sizeof(sem_t)); }
    bool lock() override
    {
        const timespec until = deadline_in(1000);
        return ::sem_timedwait(sem_, &until) == 0;
    }
    void unlock() override { ::sem_post(sem_); }
    MutexMechanism mechanism() const override { return MutexMechanism::PosixSem; }

private:
    sem_t* sem_;
};

// A robust process-shared mutex: a child that dies holding it does not
// block the others (the next owner marks it consistent).
class PthreadMutex final : public AcceptMutex {
public:
    explicit PthreadMutex(pthread_mutex_t* m) : m_(m) {}
    ~PthreadMutex() override { ::munmap(m_, sizeof(pthread_mutex_t)); }
    bool lock() override
    {
        const timespec until = deadline_in(1000);
        const int rc = ::pthread_mutex_timedlock(m_, &until);
        if (rc == EOWNERDEAD) {
            ::pthread_mutex_consistent(m_);
            return true;
        }
        return rc == 0;
    }
    void unlock() override { ::pthread_mutex_unlock(m_); }
    MutexMechanism mechanism() const override { return MutexMechanism::Pthread; }

private:
    pthread_mutex_t* m_;
};

void* shared_anonymous(std::size_t size)
{
    void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? nullptr : p;
}

}  // namespace

std::string_view mechanism_name(MutexMechanism m)
{
    switch (m) {
    case MutexMechanism::None: return "none";
    case MutexMechanism::Fcntl: return "fcntl";
    case MutexMechanism::Flock: return "flock";
    case MutexMechanism::SysvSem: return "sysvsem";
    case MutexMechanism::PosixSem: return "posixsem";
    case MutexMechanism::Pthread: return "pthread";
    }
    return "none";
}

bool parse_mechanism(std::string_view word, MutexMechanism deflt, MutexMechanism& out)
{
    using directives::iequals;
    if (iequals(word, "default") || iequals(word, "yes")) {
        out = deflt;
    } else if (iequals(word, "none") || iequals(word, "no")) {
        out = MutexMechanism::None;
    } else if (iequals(word, "fcntl") || iequals(word, "file")) {
        out = MutexMechanism::Fcntl;
    } else if (iequals(word, "flock")) {
        out = MutexMechanism::Flock;
    } else if (iequals(word, "sysvsem")) {
        out = MutexMechanism::SysvSem;
    } else if (iequals(word, "posixsem") || iequals(word, "sem")) {
        out = MutexMechanism::PosixSem;
    } else if (iequals(word, "pthread")) {
        out = MutexMechanism::Pthread;
    } else {
        return false;
    }
    return true;
}

bool AcceptMutex::child_init(std::string&) { return true; }

std::unique_ptr<AcceptMutex> AcceptMutex::create(MutexMechanism mechanism, const std::string& lock_dir,
                                                 std::string& error, std::optional<uid_t> child_uid,
                                                 gid_t child_gid)
{
    const std::string path = lock_dir + "/feather-accept." + std::to_string(::getpid());
    switch (mechanism) {
    case MutexMechanism::None:
        return nullptr;
    case MutexMechanism::Fcntl:
    case MutexMechanism::Flock: {
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0) {
            error = errno_text() + ": AH00023: Couldn't create the mpm-accept mutex (file " + path + ")";
            return nullptr;
        }
        if (child_uid && ::fchown(fd, *child_uid, child_gid) != 0) {
            error = errno_text() + ": AH00023: Couldn't set permissions on the mpm-accept mutex (file " + path + ")";
            ::close(fd);
            return nullptr;
        }
        if (mechanism == MutexMechanism::Fcntl) {
            return std::make_unique<FcntlMutex>(fd, path);
        }
        return std::make_unique<FlockMutex>(fd, path);
    }
    case MutexMechanism::SysvSem: {
        const int id = ::semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
        if (id < 0 || ::semctl(id, 0, SETVAL, 1) != 0) {
            error = errno_text() + ": AH00023: Couldn't create the mpm-accept mutex";
            return nullptr;
        }
        if (child_uid) {
            semid_ds ds{};
            ds.sem_perm.uid = *child_uid;
            ds.sem_perm.gid = child_gid;
            ds.sem_perm.mode = 0600;
            if (::semctl(id, 0, IPC_SET, &ds) != 0) {
                error = errno_text() + ": AH00023: Couldn't set permissions on the mpm-accept mutex";
                ::semctl(id, 0, IPC_RMID);
                return nullptr;
            }
        }
        return std::make_unique<SysvSemMutex>(id);
    }
    case MutexMechanism::PosixSem: {
        auto* sem = static_cast<sem_t*>(shared_anonymous(sizeof(sem_t)));
        if (sem == nullptr || ::sem_init(sem, 1, 1) != 0) {
            error = errno_text() + ": AH00023: Couldn't create the mpm-accept mutex";
            return nullptr;
        }
        return std::make_unique<PosixSemMutex>(sem);
    }
    case MutexMechanism::Pthread: {
        auto* m = static_cast<pthread_mutex_t*>(shared_anonymous(sizeof(pthread_mutex_t)));
        pthread_mutexattr_t attr;
        ::pthread_mutexattr_init(&attr);
        ::pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
        ::pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
        const int rc = m == nullptr ? ENOMEM : ::pthread_mutex_init(m, &attr);
        ::pthread_mutexattr_destroy(&attr);
        if (rc != 0) {
            errno = rc;
            error = errno_text() + ": AH00023: Couldn't create the mpm-accept mutex";
            return nullptr;
        }
        return std::make_unique<PthreadMutex>(m);
    }
    }
    return nullptr;
}

}  // namespace feather::runtime
