#pragma once
// The heap of a run that reads the configuration, reports and exits
// (`-t`, `-S`, `-M`, the DUMP_* listings).

namespace feather::runtime {

// Backs the heap of a check-only run with transparent huge pages where the
// kernel offers them on request (THP "madvise" mode).
//
// Why: reading a large configuration is allocation-bound, and on a
// 20,000-section file two fifths of `feather -t`'s time went to first-touch
// page faults on 4 KiB pages. With one reservation advised MADV_HUGEPAGE the
// same memory arrives in 2 MiB pieces, a few hundred faults instead of
// thousands.
//
// Only for runs that exit after loading: a serving master forks children
// that share its heap copy-on-write, and huge pages there would make a
// child's first write to its own heap cost 2 MiB instead of 4 KiB. Best
// effort: when the kernel refuses, nothing changes but the speed.
void use_huge_pages_for_one_shot_heap();

}  // namespace feather::runtime
