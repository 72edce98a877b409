/*
 * isal_zshim.h: just enough of zlib's inflate API on top of ISA-L's isal_inflate() to build
 * ../floor.c, unchanged, with ISA-L as its inflater:
 *
 *   cc -O2 -include Benchmarks/inflaters/isal_zshim.h -o floor-isal Benchmarks/floor.c -lisal -lz
 *
 * Covers what floor.c calls: inflateInit2 (gzip only: ISAL_GZIP, which parses the header and
 * verifies CRC-32 and ISIZE), inflateReset (next member), inflate, inflateEnd and zs.msg. One
 * stream at a time (the ISA-L state is a static). Not a general zlib replacement: only for
 * measuring how far below the zlib floor a different inflater takes the same reader.
 *
 * One behaviour differs from zlib: ISA-L reads input up to 8 bytes ahead into its bit buffer, so it may
 * use up all of avail_in while output is still pending. floor.c then reads EOF and reports a
 * truncated file. That fails loudly and never gives a wrong count; run.sh also checks floor's
 * row checksum against the generator's.
 */
#ifndef ISAL_ZSHIM_H
#define ISAL_ZSHIM_H
#include <isa-l/igzip_lib.h>
#include <zlib.h>

static struct inflate_state isal_zshim_state;

static int isal_zshim_inflateInit2(z_streamp zs, int window_bits) {
    (void)zs;
    if (window_bits != 15 + 32 && window_bits != 15 + 16) return Z_STREAM_ERROR; /* gzip only */
    isal_inflate_init(&isal_zshim_state);
    isal_zshim_state.crc_flag = ISAL_GZIP;
    return Z_OK;
}

static int isal_zshim_inflateReset(z_streamp zs) {
    (void)zs;
    isal_inflate_reset(&isal_zshim_state); /* keeps crc_flag */
    return Z_OK;
}

static int isal_zshim_inflate(z_streamp zs, int flush) {
    (void)flush;
    struct inflate_state *st = &isal_zshim_state;
    st->next_in = zs->next_in;
    st->avail_in = zs->avail_in;
    st->next_out = zs->next_out;
    st->avail_out = zs->avail_out;
    int rc = isal_inflate(st);
    zs->total_in += zs->avail_in - st->avail_in;
    zs->total_out += zs->avail_out - st->avail_out;
    zs->next_in = st->next_in;
    zs->avail_in = st->avail_in;
    zs->next_out = st->next_out;
    zs->avail_out = st->avail_out;
    if (rc < 0) {
        zs->msg = rc == ISAL_INCORRECT_CHECKSUM ? (char *)"incorrect data check (ISA-L)" : (char *)"invalid gzip data (ISA-L)";
        return Z_DATA_ERROR;
    }
    return st->block_state == ISAL_BLOCK_FINISH ? Z_STREAM_END : Z_OK;
}

static int isal_zshim_inflateEnd(z_streamp zs) {
    (void)zs;
    return Z_OK;
}

#undef inflateInit2
#define inflateInit2(zs, w) isal_zshim_inflateInit2((zs), (w))
#define inflateReset(zs) isal_zshim_inflateReset(zs)
#define inflate(zs, f) isal_zshim_inflate((zs), (f))
#define inflateEnd(zs) isal_zshim_inflateEnd(zs)
#endif
