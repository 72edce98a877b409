import CSystemShim

/// The C allocator's settings for a run.
///
/// By default glibc hands freed memory at the top of its heap back to the system as soon as
/// more than a few hundred KB are free, while each file's 256 KB read buffers come and go. A
/// cohort of small files then maps fresh pages for every file and takes a page fault on each one
/// it touches: 20,000 to 35,000 faults on the 1,000-patient benchmark cohort with `-j 1`, and
/// about an eighth of its CPU time on this machine.
public enum Allocator {
    /// Serves blocks up to 1 MB from the heap and keeps up to 8 MB of freed memory for reuse, so
    /// that each file's buffers reuse the last file's pages (about 4,000 faults).
    public static func keepFreedMemoryForReuse() {
        ctdna_keep_freed_memory_for_reuse()
    }
}
