/*
 * floor: the fastest plain single-threaded reader of a gzipped MAF we know how to write.
 *
 *   floor FILE.maf.gz      prints   rows=<N> checksum=<16 hex>
 *
 * It is the yardstick for `ctdna view`: zlib inflate into a 256 KiB buffer, lines split with
 * memchr, '#' lines skipped, the header mapped to column indices, and for every data row the
 * nine columns a variant reader needs located with memchr and the position and two counts
 * parsed as integers. Nothing else: no threads, no SIMD of our own, no mmap tricks.
 *
 * Checksum (genmaf prints the same one for the rows it wrote), FNV-1a style over rows:
 *     v = Start_Position*1000003 + t_ref_count*8191 + t_alt_count*131
 *       + len(Hugo_Symbol) + 3 len(Chromosome) + 5 len(Reference_Allele)
 *       + 7 len(Tumor_Seq_Allele1) + 11 len(Tumor_Seq_Allele2) + 13 len(Tumor_Sample_Barcode)
 *     h = (h ^ v) * 1099511628211,  h0 = 1469598103934665603      (all mod 2^64)
 *
 * Build: cc -O2 -o Benchmarks/bin/floor Benchmarks/floor.c -lz
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#ifndef IN_SIZE
#define IN_SIZE (128u << 10)
#endif
#ifndef OUT_SIZE
#define OUT_SIZE (256u << 10)
#endif

enum { GENE, CHROM, POS, REF, TSA1, TSA2, SAMPLE, ALT_COUNT, REF_COUNT, NWANT };
static const char *WANT[NWANT] = {"Hugo_Symbol", "Chromosome", "Start_Position", "Reference_Allele",
    "Tumor_Seq_Allele1", "Tumor_Seq_Allele2", "Tumor_Sample_Barcode", "t_alt_count", "t_ref_count"};

static const char *path;
static uint64_t line_no, rows, checksum = 1469598103934665603ULL;
static int have_header;
static int slot_of_col[4096]; /* column index -> WANT slot, or -1 */
static int last_col;           /* highest column index we need */

static void die(const char *msg) {
    fprintf(stderr, "floor: %s: %s\n", path, msg);
    exit(1);
}

static void header(const char *p, const char *end) {
    int col[NWANT];
    for (int i = 0; i < NWANT; i++) col[i] = -1;
    for (int c = 0;; c++) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        const char *fe = tab ? tab : end;
        for (int i = 0; i < NWANT; i++)
            if ((size_t)(fe - p) == strlen(WANT[i]) && !memcmp(p, WANT[i], (size_t)(fe - p)) && col[i] < 0) col[i] = c;
        if (!tab) break;
        p = tab + 1;
    }
    for (int i = 0; i < 4096; i++) slot_of_col[i] = -1;
    last_col = 0;
    for (int i = 0; i < NWANT; i++) {
        if (col[i] < 0) { fprintf(stderr, "floor: %s: the header has no column %s\n", path, WANT[i]); exit(1); }
        if (col[i] >= 4096) die("column index beyond 4096");
        slot_of_col[col[i]] = i;
        if (col[i] > last_col) last_col = col[i];
    }
    have_header = 1;
}

static uint64_t integer(const char *p, size_t n, int slot) {
    if (n == 0 || n > 18) goto bad;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)(unsigned char)p[i] - '0';
        if (d > 9) goto bad;
        v = v * 10 + d;
    }
    return v;
bad:
    fprintf(stderr, "floor: %s:%llu: column %s: \"%.*s\" is not a count\n", path, (unsigned long long)line_no,
            WANT[slot], (int)(n > 40 ? 40 : n), p);
    exit(1);
}

static void row(const char *p, const char *end) {
    const char *start[NWANT];
    size_t len[NWANT];
    for (int c = 0; c <= last_col; c++) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        const char *fe = tab ? tab : end;
        int s = slot_of_col[c];
        if (s >= 0) { start[s] = p; len[s] = (size_t)(fe - p); }
        if (!tab) {
            if (c < last_col) {
                fprintf(stderr, "floor: %s:%llu: the row has %d fields, the header needs %d\n", path,
                        (unsigned long long)line_no, c + 1, last_col + 1);
                exit(1);
            }
            break;
        }
        p = tab + 1;
    }
    uint64_t pos = integer(start[POS], len[POS], POS);
    uint64_t alt = integer(start[ALT_COUNT], len[ALT_COUNT], ALT_COUNT);
    uint64_t ref = integer(start[REF_COUNT], len[REF_COUNT], REF_COUNT);
    uint64_t v = pos * 1000003ULL + ref * 8191ULL + alt * 131ULL + len[GENE] + len[CHROM] * 3 + len[REF] * 5
               + len[TSA1] * 7 + len[TSA2] * 11 + len[SAMPLE] * 13;
    checksum = (checksum ^ v) * 1099511628211ULL;
    rows++;
}

static void line(const char *p, const char *end) {
    line_no++;
    if (end > p && end[-1] == '\r') end--;
    if (p == end || *p == '#') return;
    if (!have_header) header(p, end);
    else row(p, end);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: floor FILE.maf.gz\n");
        return 64;
    }
    path = argv[1];
    int fd = open(path, O_RDONLY);
    if (fd < 0) die(strerror(errno));
    posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);

    unsigned char *in = malloc(IN_SIZE);
    size_t cap = OUT_SIZE, have = 0;
    char *buf = malloc(cap);
    if (!in || !buf) die("out of memory");

    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 15 + 32) != Z_OK) die("inflateInit2 failed");
    int member_ended = 0, any_input = 0;

    for (;;) {
        if (zs.avail_in == 0) {
            ssize_t n = read(fd, in, IN_SIZE);
            if (n < 0) die(strerror(errno));
            if (n == 0) break;
            zs.next_in = in;
            zs.avail_in = (uInt)n;
            any_input = 1;
        }
        if (member_ended) { /* another gzip member follows */
            if (inflateReset(&zs) != Z_OK) die("inflateReset failed");
            member_ended = 0;
        }
        if (have == cap) { /* one line longer than the buffer */
            cap *= 2;
            if (!(buf = realloc(buf, cap))) die("out of memory");
        }
        zs.next_out = (unsigned char *)buf + have;
        zs.avail_out = (uInt)(cap - have);
        int rc = inflate(&zs, Z_NO_FLUSH);
        if (rc == Z_STREAM_END) member_ended = 1;
        else if (rc != Z_OK && rc != Z_BUF_ERROR) die(zs.msg ? zs.msg : "not gzip data");
        have = cap - zs.avail_out;

        char *p = buf, *end = buf + have, *nl;
        while ((nl = memchr(p, '\n', (size_t)(end - p)))) {
            line(p, nl);
            p = nl + 1;
        }
        have = (size_t)(end - p);
        if (have && p != buf) memmove(buf, p, have);
    }
    if (any_input && !member_ended) die("gzip file truncated");
    if (have) line(buf, buf + have); /* last line without a newline */
    inflateEnd(&zs);
    close(fd);
    if (!have_header) die("no header line");
    printf("rows=%llu checksum=%016llx\n", (unsigned long long)rows, (unsigned long long)checksum);
    return 0;
}
