#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNAModel
import Synchronization

/// A buffered writer to standard output or to a file that appears only when complete.
///
/// A file is written under a temporary name in its own folder and renamed into place by
/// `commit()`; when the writer is dropped without a commit (an error on the way), the temporary
/// file is removed, so a failed run never leaves a half-written output. A path that already names
/// something other than a regular file (`/dev/null`, `/dev/full`, a named pipe) is written to
/// directly: renaming a finished file over it would replace the device or pipe.
public final class OutputFile: ByteSink {
    /// Where the output goes, as the user named it (`-` for standard output).
    public let path: String
    private let descriptor: Int32
    private let temporaryPath: String?
    /// Whether `descriptor` was opened here on a device or pipe, written directly.
    private let writesDirectly: Bool
    /// What is written and not yet handed to the system: `count` bytes at the start of room for
    /// `capacity` (grown only for a single write longer than the flush threshold). Plain memory
    /// rather than an array: a writer of millions of rows appends a dozen fields a row, and an
    /// array's uniqueness and capacity checks on each cost more than the copies.
    @exclusivity(unchecked) private var buffer: UnsafeMutableRawPointer
    @exclusivity(unchecked) private var count = 0
    @exclusivity(unchecked) private var capacity: Int
    private var committed = false
    /// Set by ``discard()``: nothing more is written.
    private var discarded = false
    /// Set once a temporary file's descriptor is closed.
    private var closed = false
    private static let flushThreshold = 1 << 20
    /// Files opened so far by this process, to keep temporary names apart.
    private static let openedCount = Atomic<Int>(0)

    /// Opens standard output (`path` = `-`) or a temporary file beside `path`.
    /// - Parameter path: The final file name, or `-` for standard output.
    /// - Throws: `SystemError` when the temporary file cannot be created.
    public init(path: String) throws {
        self.path = path
        (descriptor, temporaryPath, writesDirectly) = try OutputFile.openDestination(path)
        // Allocated once nothing can throw: a failed init runs no deinit to free it.
        capacity = OutputFile.flushThreshold + 4096
        buffer = .allocate(byteCount: capacity, alignment: 16)
    }

    /// Opens what `path` names: standard output, a device or pipe written directly, or a
    /// temporary file beside `path` (its name returned).
    private static func openDestination(_ path: String) throws -> (descriptor: Int32, temporaryPath: String?, writesDirectly: Bool) {
        if path == "-" {
            return (STDOUT_FILENO, nil, false)
        }
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG && (status.st_mode & S_IFMT) != S_IFDIR {
            let opened = open(path, O_WRONLY | O_CLOEXEC)
            guard opened >= 0 else {
                throw SystemError(path: path, action: "cannot write")
            }
            return (opened, nil, true)
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        // Unique within the process too: a file may be opened again after a restart.
        let serial = OutputFile.openedCount.wrappingAdd(1, ordering: .relaxed).oldValue
        let temporary = "\(folder).\(name).tmp-\(getpid())-\(serial)"
        let opened = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw SystemError(path: path, action: "cannot write")
        }
        return (opened, temporary, false)
    }

    deinit {
        buffer.deallocate()
        if let temporaryPath, !committed {
            if !closed { close(descriptor) }
            unlink(temporaryPath)
        }
        if writesDirectly { close(descriptor) }
    }

    /// Gives the file up: a temporary file is closed and removed now, and later writes are
    /// ignored. For a run that failed, so that no half-written file stays behind.
    public func discard() {
        guard let temporaryPath, !committed else { return }
        committed = true
        discarded = true
        if !closed { close(descriptor) }
        closed = true
        unlink(temporaryPath)
    }

    /// Appends one field's text, without a separator (the caller adds tabs and line ends).
    @inline(__always)
    public func append(_ text: String) {
        // Native and small strings (every string here) lend their bytes without a copy of the
        // string; any other is made contiguous first.
        if text.utf8.withContiguousStorageIfAvailable({ append(UnsafeRawBufferPointer($0)) }) == nil {
            var text = text
            text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Appends one byte, such as a tab or a line feed.
    @inline(__always)
    public func append(byte: UInt8) {
        makeRoom(1)
        buffer.storeBytes(of: byte, toByteOffset: count, as: UInt8.self)
        count &+= 1
    }

    /// Appends bytes, without a flush.
    @inline(__always)
    private func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress else { return }
        makeRoom(bytes.count)
        (buffer + count).copyMemory(from: source, byteCount: bytes.count)
        count &+= bytes.count
    }

    /// Makes room for `needed` more bytes: nearly always there (the buffer is flushed past a
    /// threshold well below its capacity).
    @inline(__always)
    private func makeRoom(_ needed: Int) {
        if count &+ needed > capacity { grow(count + needed) }
    }

    private func grow(_ wanted: Int) {
        let larger = UnsafeMutableRawPointer.allocate(byteCount: max(wanted, 2 * capacity), alignment: 16)
        larger.copyMemory(from: buffer, byteCount: count)
        buffer.deallocate()
        buffer = larger
        capacity = max(wanted, 2 * capacity)
    }

    /// Appends a whole number in decimal, as `String(value)` writes it.
    public func append(integer value: Int) {
        DecimalDigits.withText(of: value) { append($0) }
    }

    /// Ends a line: appends a line feed and writes out when enough is buffered.
    /// - Throws: `SystemError` when the system refuses the write.
    @inline(__always)
    public func endLine() throws {
        append(byte: 0x0a)
        if count >= OutputFile.flushThreshold { try flush() }
    }

    /// Appends bytes.
    public func write(bytes: UnsafeRawBufferPointer) throws {
        append(bytes)
        if count >= OutputFile.flushThreshold { try flush() }
    }

    /// Writes what is buffered.
    /// - Throws: `SystemError` when the system refuses the write (disk full, closed pipe).
    public func flush() throws {
        if discarded {
            count = 0
            return
        }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: count)
        let outcome: Result<Void, Errno> = Result { () throws(Errno) in try writeAll(descriptor, bytes) }
        if case let .failure(code) = outcome { throw SystemError(path: path, action: "cannot write", code: code) }
        count = 0
    }

    /// Writes out what is buffered and, for a file, closes it, without moving it into place:
    /// a set of outputs can finish every file (where a full disk shows) before renaming any.
    /// - Throws: `SystemError` when writing or closing fails (the temporary file is removed).
    public func finishWriting() throws {
        guard !closed else { return }
        try flush()
        guard let temporaryPath else { return }
        closed = true
        if close(descriptor) != 0 {
            let error = SystemError(path: path, action: "cannot write")
            committed = true
            unlink(temporaryPath)
            throw error
        }
    }

    /// Finishes writing and, for a file, renames it into place. (No fsync: the rename is what
    /// keeps a reader from ever seeing a half-written file; an fsync per output cost seconds on a
    /// busy disk and guards only against a power cut.)
    /// - Throws: `SystemError` when writing, closing or renaming fails.
    public func commit() throws {
        try finishWriting()
        guard let temporaryPath else { return }
        committed = true
        guard rename(temporaryPath, path) == 0 else {
            let error = SystemError(path: path, action: "cannot move the finished file into place")
            unlink(temporaryPath)
            throw error
        }
    }

    /// Writes a whole text file atomically.
    /// - Throws: `SystemError` when the file cannot be written.
    public static func write(_ text: String, to path: String) throws {
        let output = try OutputFile(path: path)
        try output.write(text)
        try output.commit()
    }
}
