#ifndef CTDNA_CZLIB_SHIM_H
#define CTDNA_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro in zlib.h, which Swift cannot call; this wraps it.
static inline int ctdna_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

/// deflateInit2 (a macro too) with zlib's default memory level and strategy: for the tests,
/// which write gzip and BGZF files of their own.
static inline int ctdna_deflateInit2(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
#endif
