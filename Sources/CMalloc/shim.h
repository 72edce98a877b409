#ifndef CTDNA_CMALLOC_SHIM_H
#define CTDNA_CMALLOC_SHIM_H
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>

/// mallopt: blocks up to 1 MB from the heap, and up to 8 MB of freed memory kept for reuse
/// (see Sources/ctdna/Allocator.swift).
static inline void ctdna_keep_freed_memory_for_reuse(void) {
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    mallopt(M_TRIM_THRESHOLD, 8 << 20);
}
#else
static inline void ctdna_keep_freed_memory_for_reuse(void) {}
#endif
#endif
