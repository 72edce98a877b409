import CSystemShim

/// The C allocator's settings for a run.
///
/// By default glibc hands freed memory at the top of its heap back to the system as soon as
/// more than a few hundred KB are free, while each file's 256 KB read buffers come and go: a
/// cohort of small files would map fresh pages for every file and fault on each one it touches
/// (Benchmarks/README.md, "Allocator settings", has the measured cost).
public enum Allocator {
    /// Serves blocks up to 1 MB from the heap and keeps up to 8 MB of freed memory for reuse, so
    /// that each file's buffers reuse the last file's pages. Call once, before the first file.
    public static func keepFreedMemoryForReuse() {
        ctdna_keep_freed_memory_for_reuse()
    }
}
