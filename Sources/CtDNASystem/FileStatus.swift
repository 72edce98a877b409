#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CSystemShim

/// What a path names, as `stat` sees it through symbolic links.
public enum FileKind: Sendable, Equatable {
    /// Nothing of that name (or a dangling link).
    case missing
    /// A regular file.
    case file
    /// A folder.
    case folder
    /// A device, pipe or socket.
    case other

    /// Looks a path up.
    /// - Parameter path: The path.
    public init(of path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            self = .missing
            return
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .file
        case S_IFDIR: self = .folder
        default: self = .other
        }
    }
}

/// Whether this process may read the file at `path` (`access(R_OK)`).
/// - Parameter path: The path.
public func isReadable(_ path: String) -> Bool {
    access(path, R_OK) == 0
}

/// The processors this process may run on (its CPU affinity, as `taskset` or a cluster's job
/// scheduler sets it; else the processors online), at least 1: the default number of threads.
public var onlineProcessorCount: Int {
    let affinity = Int(ctdna_affinity_processor_count())
    if affinity > 0 { return affinity }
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
