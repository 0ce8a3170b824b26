#include "runtime/process/one_shot_heap.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace feather::runtime {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;
// Address space the heap takes in one step; only what is touched is backed.
constexpr std::size_t kReserve = std::size_t{256} << 20;
// Blocks up to this size stay in the heap instead of getting an mmap of
// their own (the file texts and section vectors of a large configuration).
constexpr std::size_t kMmapThreshold = std::size_t{32} << 20;

std::uintptr_t round_up(std::uintptr_t value, std::size_t to)
{
    return (value + to - 1) & ~(std::uintptr_t{to} - 1);
}

}  // namespace

void use_huge_pages_for_one_shot_heap()
{
    // The next time the heap grows, it grows by the whole reservation, and
    // freeing at its top gives nothing back: the run is short.
    if (mallopt(M_TOP_PAD, static_cast<int>(kReserve)) == 0 ||
        mallopt(M_TRIM_THRESHOLD, static_cast<int>(kReserve)) == 0 ||
        mallopt(M_MMAP_THRESHOLD, static_cast<int>(kMmapThreshold)) == 0) {
        return;
    }
    // Make it grow now: ask for one byte more than the free block at its top.
    const struct mallinfo2 info = mallinfo2();
    void* probe = std::malloc(info.keepcost + 1);
    if (probe == nullptr) {
        return;
    }
    const auto from = round_up(reinterpret_cast<std::uintptr_t>(probe), kHugePage);
    const auto to = reinterpret_cast<std::uintptr_t>(sbrk(0)) & ~(std::uintptr_t{kHugePage} - 1);
    std::free(probe);
    if (to > from) {
        // Ignored on failure (THP "never", or a kernel without it).
        (void)madvise(reinterpret_cast<void*>(from), to - from, MADV_HUGEPAGE);
    }
}

}  // namespace feather::runtime
