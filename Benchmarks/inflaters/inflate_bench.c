/*
 * inflate_bench: how fast can one core turn a .gz into bytes, with each inflater Debian packages?
 *
 *   inflate_bench BACKEND FILE.gz
 *
 * Every backend decompresses FILE and counts its '\n' bytes with memchr (the same count in every
 * backend, so the work is comparable with each other and roughly with ../floor.c, which also
 * parses columns). It prints one line:
 *
 *   backend=B bytes=N lines=N seconds=S MBps=X [extra key=value ...]
 *
 * seconds is measured inside the program (CLOCK_MONOTONIC, from open() to the end); MB is 10^6
 * bytes of uncompressed output. run.sh times the whole process with /usr/bin/time as well.
 *
 * Backends (those whose library was not found at build time say so and exit 2):
 *
 *   zlib            inflate(), windowBits 15+32, 128 KiB read()s, 256 KiB output buffer, multi-member
 *                   through inflateReset. zlib checks the gzip CRC-32 and ISIZE itself.
 *   zlib-nocrc      the same inflate on the raw deflate stream (we skip the gzip header ourselves,
 *                   windowBits -15): no CRC-32 computed, so the difference to `zlib` is its cost.
 *   isal            ISA-L igzip isal_inflate() with crc_flag ISAL_GZIP (header parsed, CRC-32 and
 *                   ISIZE verified by the library), same buffer sizes, multi-member through
 *                   isal_inflate_reset.
 *   isal-nocrc      isal_inflate() with ISAL_DEFLATE on the raw deflate stream: no CRC-32.
 *   libdeflate      whole buffer: the input is mmap()ed, the whole output is one buffer, then the
 *                   newlines are counted over it. libdeflate_gzip_decompress_ex() checks CRC-32
 *                   and ISIZE (a second pass over the output, after inflating). Multi-member by
 *                   looping over members into the same buffer. Prints inflate_s (the library
 *                   call, page faults on the fresh output included) and count_s too.
 *   libdeflate-nocrc  libdeflate_deflate_decompress_ex() on the raw deflate stream: no CRC-32.
 *   libdeflate-warm   `libdeflate` after writing one byte into every page of the output first
 *                   (ISIZE bytes: the trailer's size mod 2^32, exact for this single-member file
 *                   under 4 GiB; only a warm-up, nothing depends on it), timed apart as fault_s:
 *                   inflate_s is then libdeflate's own speed, as it would be into a reused buffer.
 *   crc32           context, not an inflater: decompresses the file into memory (untimed), then
 *                   times CRC-32 over all of it with zlib crc32_z(), libdeflate_crc32() and ISA-L
 *                   crc32_gzip_refl() (those found), and memchr newline counting, checking each
 *                   CRC against the gzip trailer.
 *
 * How libdeflate gets its output buffer. libdeflate needs the whole output size up front. The
 * gzip trailer's ISIZE is the size mod 2^32, so for a file above 4 GiB it is wrong, and for a
 * multi-member file it is only the last member's. We do not trust it: we reserve address space
 * for the worst case deflate allows (1032 bytes out per byte in, plus a page) with an anonymous
 * mmap(MAP_NORESERVE). Linux backs only the pages actually written, so the resident cost is the
 * real output size and there is a single pass whatever the size. (Under strict overcommit,
 * vm.overcommit_memory=2, that reservation can fail; the program then says so.)
 *
 * The *-nocrc variants read a single-member file only: they stop after the first deflate stream.
 *
 * Build (run.sh does this): cc -O2 -o inflate_bench inflate_bench.c -lz [-ldeflate] [-lisal]
 * Backends are compiled in when their header is found (__has_include); -DNO_LIBDEFLATE,
 * -DNO_ISAL leave one out on purpose. (zlib-ng has no Debian bookworm package, so there is no
 * backend for it: code that could never be built here would be code never run.)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#if !defined(NO_LIBDEFLATE) && __has_include(<libdeflate.h>)
#define HAVE_LIBDEFLATE 1
#include <libdeflate.h>
#endif
#if !defined(NO_ISAL) && __has_include(<isa-l/igzip_lib.h>)
#define HAVE_ISAL 1
#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#endif

#define IN_SIZE (128u << 10)
#define OUT_SIZE (256u << 10)

static const char *path;
static uint64_t total_out, lines;

static void die(const char *msg) {
    fprintf(stderr, "inflate_bench: %s: %s\n", path, msg);
    exit(1);
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static uint64_t count_nl(const unsigned char *p, size_t n) {
    const unsigned char *end = p + n;
    uint64_t c = 0;
    while ((p = memchr(p, '\n', (size_t)(end - p)))) {
        c++;
        p++;
    }
    return c;
}

static void consume(const unsigned char *p, size_t n) {
    total_out += n;
    lines += count_nl(p, n);
}

static int open_input(void) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) die(strerror(errno));
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    return fd;
}

static size_t read_some(int fd, unsigned char *buf, size_t cap) {
    ssize_t n;
    do n = read(fd, buf, cap);
    while (n < 0 && errno == EINTR);
    if (n < 0) die(strerror(errno));
    return (size_t)n;
}

/* Length of the gzip member header at p (RFC 1952), or 0 if p[0..n) does not hold a whole one. */
static size_t gzip_header_len(const unsigned char *p, size_t n) {
    if (n < 10 || p[0] != 0x1f || p[1] != 0x8b || p[2] != 8) die("not a gzip file");
    unsigned flg = p[3];
    if (flg & 0xe0) die("gzip header has reserved flags set");
    size_t i = 10;
    if (flg & 4) { /* FEXTRA */
        if (i + 2 > n) return 0;
        i += 2 + (size_t)(p[i] | p[i + 1] << 8);
    }
    for (unsigned bit = 8; bit <= 16; bit <<= 1) /* FNAME, FCOMMENT: zero-terminated */
        if (flg & bit) {
            const unsigned char *z = i < n ? memchr(p + i, 0, n - i) : NULL;
            if (!z) return 0;
            i = (size_t)(z - p) + 1;
        }
    if (flg & 2) i += 2; /* FHCRC */
    return i <= n ? i : 0;
}

/* ---------------------------------------------------------------- zlib */

static void run_zlib(int nocrc) {
    int fd = open_input();
    unsigned char *in = malloc(IN_SIZE), *out = malloc(OUT_SIZE);
    if (!in || !out) die("out of memory");
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, nocrc ? -15 : 15 + 32) != Z_OK) die("inflateInit2 failed");
    int member_ended = 0, any_input = 0;
    for (;;) {
        if (zs.avail_in == 0) {
            size_t n = read_some(fd, in, IN_SIZE);
            if (n == 0) break;
            zs.next_in = in;
            zs.avail_in = (uInt)n;
            if (!any_input && nocrc) {
                size_t h = gzip_header_len(in, n);
                if (!h) die("gzip header longer than one read");
                zs.next_in += h;
                zs.avail_in -= (uInt)h;
            }
            any_input = 1;
            if (zs.avail_in == 0) continue;
        }
        if (member_ended) {
            if (nocrc) break; /* single member only: the rest is the trailer */
            if (inflateReset(&zs) != Z_OK) die("inflateReset failed");
            member_ended = 0;
        }
        zs.next_out = out;
        zs.avail_out = OUT_SIZE;
        int rc = inflate(&zs, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) member_ended = 1;
        else if (rc != Z_OK && rc != Z_BUF_ERROR) die(zs.msg ? zs.msg : "not gzip data");
        consume(out, OUT_SIZE - zs.avail_out);
    }
    if (!any_input || !member_ended) die("gzip file truncated");
    inflateEnd(&zs);
    close(fd);
}

/* ---------------------------------------------------------------- ISA-L igzip */

#ifdef HAVE_ISAL
static void run_isal(int nocrc) {
    int fd = open_input();
    unsigned char *in = malloc(IN_SIZE), *out = malloc(OUT_SIZE);
    struct inflate_state *st = malloc(sizeof *st); /* about 45 KB: keep it off the stack */
    if (!in || !out || !st) die("out of memory");
    isal_inflate_init(st);
    st->crc_flag = nocrc ? ISAL_DEFLATE : ISAL_GZIP;
    int finished = 0, any_input = 0, eof = 0;
    for (;;) {
        if (st->avail_in == 0 && !eof) {
            size_t n = read_some(fd, in, IN_SIZE);
            if (n == 0) eof = 1;
            else {
                st->next_in = in;
                st->avail_in = (uint32_t)n;
                if (!any_input && nocrc) {
                    size_t h = gzip_header_len(in, n);
                    if (!h) die("gzip header longer than one read");
                    st->next_in += h;
                    st->avail_in -= (uint32_t)h;
                }
                any_input = 1;
            }
        }
        if (finished) {
            if (nocrc || (eof && st->avail_in == 0)) break;
            if (st->avail_in == 0) continue;
            isal_inflate_reset(st); /* another member follows; crc_flag is kept */
            finished = 0;
        }
        st->next_out = out;
        st->avail_out = OUT_SIZE;
        int rc = isal_inflate(st);
        if (rc == ISAL_INCORRECT_CHECKSUM) die("CRC-32 or length check failed");
        if (rc < 0) die("invalid deflate data");
        size_t produced = OUT_SIZE - st->avail_out;
        consume(out, produced);
        if (st->block_state == ISAL_BLOCK_FINISH) finished = 1;
        else if (eof && st->avail_in == 0 && produced == 0) die("gzip file truncated");
    }
    if (!any_input) die("empty file");
    close(fd);
}
#endif

/* ---------------------------------------------------------------- libdeflate (whole buffer) */

#ifdef HAVE_LIBDEFLATE
/* The input mapped read-only, and an output reservation big enough for any deflate data. */
static const unsigned char *map_input(size_t *len) {
    int fd = open_input();
    struct stat sb;
    if (fstat(fd, &sb) < 0) die(strerror(errno));
    if (sb.st_size == 0) die("empty file");
    void *in = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (in == MAP_FAILED) die(strerror(errno));
    madvise(in, (size_t)sb.st_size, MADV_SEQUENTIAL);
    close(fd);
    *len = (size_t)sb.st_size;
    return in;
}

static unsigned char *reserve_output(size_t in_len, size_t *cap) {
    *cap = in_len * 1032 + 4096; /* deflate cannot expand beyond about 1032:1 */
    void *out = mmap(NULL, *cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (out == MAP_FAILED) die("cannot reserve address space for the output (strict overcommit?)");
    return out;
}

static const char *ld_error(enum libdeflate_result r) {
    return r == LIBDEFLATE_BAD_DATA ? "libdeflate: bad data (or CRC-32 / ISIZE mismatch)"
         : r == LIBDEFLATE_INSUFFICIENT_SPACE ? "libdeflate: output reservation too small"
         : "libdeflate: decompression failed";
}

static double ld_fault_s, ld_inflate_s, ld_count_s;

/* The gzip trailer's ISIZE: the last member's size mod 2^32. Only used to pre-touch pages. */
static size_t trailer_isize(const unsigned char *in, size_t len) {
    const unsigned char *t = in + len - 4;
    return len < 18 ? 0 : (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 | (size_t)t[3] << 24;
}

/* Decompresses the whole file into *outp (all members, or the first only with nocrc). With
 * warm, first writes one byte in each page of the output's first ISIZE bytes, timed apart as
 * ld_fault_s, so that ld_inflate_s is libdeflate's own speed without the kernel's page faults. */
static size_t libdeflate_whole(int nocrc, int warm, unsigned char **outp) {
    size_t in_len, cap, have = 0, off = 0;
    const unsigned char *in = map_input(&in_len);
    unsigned char *out = reserve_output(in_len, &cap);
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    if (!d) die("out of memory");
    if (warm) {
        double t = now();
        size_t touch = trailer_isize(in, in_len);
        for (size_t i = 0; i < touch && i < cap; i += 4096) out[i] = 0;
        ld_fault_s = now() - t;
    }
    double t = now();
    if (nocrc) {
        size_t h = gzip_header_len(in, in_len);
        if (!h) die("truncated gzip header");
        size_t used;
        enum libdeflate_result r =
            libdeflate_deflate_decompress_ex(d, in + h, in_len - h, out, cap, &used, &have);
        if (r != LIBDEFLATE_SUCCESS) die(ld_error(r));
    } else {
        while (off < in_len) {
            size_t used, got;
            enum libdeflate_result r =
                libdeflate_gzip_decompress_ex(d, in + off, in_len - off, out + have, cap - have, &used, &got);
            if (r != LIBDEFLATE_SUCCESS) die(ld_error(r));
            off += used;
            have += got;
        }
    }
    ld_inflate_s = now() - t;
    libdeflate_free_decompressor(d);
    munmap((void *)in, in_len);
    *outp = out;
    return have;
}

static void run_libdeflate(int nocrc, int warm) {
    unsigned char *out;
    size_t n = libdeflate_whole(nocrc, warm, &out);
    double t = now();
    consume(out, n);
    ld_count_s = now() - t;
}
#endif

/* ---------------------------------------------------------------- CRC-32 alone, for context */

#ifndef HAVE_LIBDEFLATE
/* Whole file into one buffer with zlib, when libdeflate is not there. */
static size_t zlib_whole(unsigned char **outp) {
    int fd = open_input();
    size_t cap = (size_t)1 << 30, have = 0;
    unsigned char *in = malloc(IN_SIZE), *out = malloc(cap);
    if (!in || !out) die("out of memory");
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 15 + 32) != Z_OK) die("inflateInit2 failed");
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (zs.avail_in == 0) {
            size_t n = read_some(fd, in, IN_SIZE);
            if (n == 0) die("gzip file truncated");
            zs.next_in = in;
            zs.avail_in = (uInt)n;
        }
        if (cap - have < OUT_SIZE) {
            cap *= 2;
            if (!(out = realloc(out, cap))) die("out of memory");
        }
        zs.next_out = out + have;
        zs.avail_out = OUT_SIZE;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) die(zs.msg ? zs.msg : "not gzip data");
        have += OUT_SIZE - zs.avail_out;
    }
    inflateEnd(&zs);
    close(fd);
    *outp = out;
    return have;
}
#endif

static uint32_t trailer_crc(void) {
    int fd = open_input();
    unsigned char t[8];
    off_t size = lseek(fd, 0, SEEK_END);
    if (size < 18 || pread(fd, t, 8, size - 8) != 8) die("cannot read the gzip trailer");
    close(fd);
    return (uint32_t)t[0] | (uint32_t)t[1] << 8 | (uint32_t)t[2] << 16 | (uint32_t)t[3] << 24;
}

static void report_crc(const char *name, uint32_t crc, uint32_t want, double s, size_t n) {
    printf("crc32 %-22s crc=%08x %s seconds=%.3f GBps=%.2f\n", name, crc, crc == want ? "ok" : "MISMATCH", s,
           n / 1e9 / s);
}

static void run_crc32(void) {
    unsigned char *buf;
#ifdef HAVE_LIBDEFLATE
    size_t n = libdeflate_whole(0, 0, &buf);
#else
    size_t n = zlib_whole(&buf);
#endif
    uint32_t want = trailer_crc(); /* meaningful for a single-member file */
    printf("crc32 over %zu bytes in memory (single-member trailer crc=%08x)\n", n, want);
    double t = now();
    uint32_t c = (uint32_t)crc32_z(0, buf, n);
    report_crc("zlib crc32_z", c, want, now() - t, n);
#ifdef HAVE_LIBDEFLATE
    t = now();
    c = libdeflate_crc32(0, buf, n);
    report_crc("libdeflate_crc32", c, want, now() - t, n);
#endif
#ifdef HAVE_ISAL
    t = now();
    c = crc32_gzip_refl(0, buf, n);
    report_crc("isal crc32_gzip_refl", c, want, now() - t, n);
#endif
    t = now();
    uint64_t nl = count_nl(buf, n);
    double s = now() - t;
    printf("count memchr newlines=%llu seconds=%.3f GBps=%.2f\n", (unsigned long long)nl, s, n / 1e9 / s);
}

/* ---------------------------------------------------------------- main */

__attribute__((unused)) static void unavailable(const char *b) {
    fprintf(stderr, "inflate_bench: backend %s was not compiled in (header or library missing)\n", b);
    exit(2);
}

int main(int argc, char **argv) {
    if (argc == 2 && !strcmp(argv[1], "list")) { /* which backends this build has */
        printf("zlib zlib-nocrc");
#ifdef HAVE_ISAL
        printf(" isal isal-nocrc");
#endif
#ifdef HAVE_LIBDEFLATE
        printf(" libdeflate libdeflate-nocrc libdeflate-warm");
#endif
        printf(" crc32\n");
        return 0;
    }
    if (argc != 3) {
        fprintf(stderr,
                "usage: inflate_bench BACKEND FILE.gz    (inflate_bench list: the backends built in)\n"
                "backends: zlib zlib-nocrc isal isal-nocrc libdeflate libdeflate-nocrc libdeflate-warm crc32\n");
        return 64;
    }
    const char *b = argv[1];
    path = argv[2];
    double t0 = now();
    if (!strcmp(b, "zlib")) run_zlib(0);
    else if (!strcmp(b, "zlib-nocrc")) run_zlib(1);
    else if (!strcmp(b, "isal") || !strcmp(b, "isal-nocrc")) {
#ifdef HAVE_ISAL
        run_isal(b[4] != 0);
#else
        unavailable(b);
#endif
    } else if (!strcmp(b, "libdeflate") || !strcmp(b, "libdeflate-nocrc") || !strcmp(b, "libdeflate-warm")) {
#ifdef HAVE_LIBDEFLATE
        run_libdeflate(!strcmp(b, "libdeflate-nocrc"), !strcmp(b, "libdeflate-warm"));
#else
        unavailable(b);
#endif
    } else if (!strcmp(b, "crc32")) {
        run_crc32();
        return 0;
    } else {
        fprintf(stderr, "inflate_bench: unknown backend %s\n", b);
        return 64;
    }
    double s = now() - t0;
    printf("backend=%s bytes=%llu lines=%llu seconds=%.3f MBps=%.1f", b, (unsigned long long)total_out,
           (unsigned long long)lines, s, total_out / 1e6 / s);
#ifdef HAVE_LIBDEFLATE
    if (!strncmp(b, "libdeflate", 10))
        printf(" fault_s=%.3f inflate_s=%.3f count_s=%.3f", ld_fault_s, ld_inflate_s, ld_count_s);
#endif
    printf("\n");
    return 0;
}
