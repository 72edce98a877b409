#ifndef CTDNA_CSYSTEMSHIM_H
#define CTDNA_CSYSTEMSHIM_H
// The C library calls that Swift's Glibc module does not offer as they are: nothing to link.
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#include <stddef.h>

/// mallopt: blocks up to 1 MB from the heap, and up to 8 MB of freed memory kept for reuse
/// (see Sources/CtDNASystem/Allocator.swift).
static inline void ctdna_keep_freed_memory_for_reuse(void) {
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    mallopt(M_TRIM_THRESHOLD, 8 << 20);
}

// sched_getaffinity is declared by <sched.h> only with _GNU_SOURCE.
extern int sched_getaffinity(int pid, size_t size, void *mask);

/// The processors this process may run on (its CPU affinity mask, up to 1024 CPUs), or -1
/// when the system does not say.
static inline int ctdna_affinity_processor_count(void) {
    unsigned long mask[1024 / (8 * sizeof(unsigned long))] = {0};
    if (sched_getaffinity(0, sizeof mask, mask) != 0) return -1;
    int count = 0;
    for (size_t i = 0; i < sizeof mask / sizeof mask[0]; i++) count += __builtin_popcountl(mask[i]);
    return count;
}
#else
static inline void ctdna_keep_freed_memory_for_reuse(void) {}
static inline int ctdna_affinity_processor_count(void) { return -1; }
#endif
#endif
