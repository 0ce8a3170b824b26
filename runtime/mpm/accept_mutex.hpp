#pragma once
// Accept serialization (Mutex mpm-accept): with several listeners, one child
// (or listener thread) at a time waits for a connection. The mechanisms are
// httpd's: fcntl and flock (a lock file), sysvsem and posixsem (semaphores),
// pthread (a process-shared robust mutex in shared memory).
//
// A child blocked on the lock must still notice a graceful stop: lock()
// waits at most about a second and returns false, and the caller checks its
// flags before trying again.

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace feather::runtime {

enum class MutexMechanism { None, Fcntl, Flock, SysvSem, PosixSem, Pthread };

std::string_view mechanism_name(MutexMechanism m);
// Apache's keywords: default/yes, none/no, fcntl/file, flock, sysvsem, posixsem/sem, pthread.
// `deflt` is what "default" means here.
bool parse_mechanism(std::string_view word, MutexMechanism deflt, MutexMechanism& out);

class AcceptMutex {
public:
    // Made by the master before the first fork. `lock_dir` holds the lock
    // file of the file-based mechanisms.
    // When started as root, `child_uid`/`child_gid` (User, Group) are given the
    // lock file or semaphore, as httpd's ap_unixd_set_proc_mutex_perms does,
    // so that children that changed identity can still take the lock.
    static std::unique_ptr<AcceptMutex> create(MutexMechanism mechanism, const std::string& lock_dir,
                                               std::string& error, std::optional<uid_t> child_uid = std::nullopt,
                                               gid_t child_gid = 0);
    virtual ~AcceptMutex() = default;

    // In each child after fork (flock needs its own open file).
    virtual bool child_init(std::string& error);
    // True once held; false after about a second or an interrupting signal.
    virtual bool lock() = 0;
    virtual void unlock() = 0;
    virtual MutexMechanism mechanism() const = 0;
};

}  // namespace feather::runtime
