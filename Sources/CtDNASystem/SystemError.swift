#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A C error code (`errno`), named as the system names it.
public struct Errno: Error, Sendable, Hashable, CustomStringConvertible {
    /// The code, as `errno` held it (`ENOENT`, `EISDIR`, `ENOSPC`, ...).
    public let rawValue: Int32

    /// Wraps a code.
    /// - Parameter rawValue: An `errno` value.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The code the last failed system call of this thread left in `errno`.
    public static var current: Errno { Errno(rawValue: errno) }

    /// The system's words for the code (`strerror`): `No such file or directory`.
    public var description: String { String(cString: strerror(rawValue)) }
}

/// A system call on a path that failed: the path as the user named it, what was being done,
/// and the system's reason.
///
/// Reads `<path>: <action>: <reason>`, for example
/// `results/report.html: cannot write: No space left on device`.
public struct SystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as the user named it (`-` for a standard stream).
    public var path: String
    /// What was being done, in plain words: `cannot open`, `cannot read`, `cannot write`.
    public var action: String
    /// The system's reason.
    public var code: Errno

    /// Creates an error.
    /// - Parameters:
    ///   - path: The path involved.
    ///   - action: What failed (`cannot write`).
    ///   - code: The reason; by default the current `errno`.
    public init(path: String, action: String, code: Errno = .current) {
        self.path = path
        self.action = action
        self.code = code
    }

    /// `path: action: reason`.
    public var description: String { "\(path): \(action): \(code)" }
}

/// Calls `body` again for as long as it fails with `EINTR` (a signal arrived before the call
/// did anything), the one retry loop every read and write of ctdna goes through.
/// - Parameter body: A system call returning -1 on failure with `errno` set.
/// - Returns: The first result that is not an interrupted failure.
@inline(__always)
public func retryingInterrupts<Result: FixedWidthInteger>(_ body: () -> Result) -> Result {
    while true {
        let result = body()
        if result == -1 && errno == EINTR { continue }
        return result
    }
}

/// Writes every byte of `bytes` to a descriptor, continuing after short writes and interrupts.
/// - Parameters:
///   - descriptor: An open file descriptor.
///   - bytes: The bytes.
///   - offset: Where in the file to write (`pwrite`), or `nil` to write at the descriptor's position.
/// - Throws: ``Errno`` when the system refuses (disk full, closed pipe).
public func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int? = nil) throws(Errno) {
    var done = 0
    while done < bytes.count {
        let written = retryingInterrupts {
            if let offset {
                return pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            }
            return write(descriptor, bytes.baseAddress! + done, bytes.count - done)
        }
        guard written >= 0 else { throw Errno.current }
        done += written
    }
}

/// Reads up to `capacity` bytes from a descriptor, retrying after interrupts.
/// - Parameters:
///   - descriptor: An open file descriptor.
///   - destination: Where the bytes go.
///   - capacity: The most bytes to read.
///   - offset: Where in the file to read (`pread`), or `nil` to read at the descriptor's position.
/// - Returns: The number of bytes read; 0 at the end of the file.
/// - Throws: ``Errno`` when the read fails.
public func readSome(
    _ descriptor: Int32, into destination: UnsafeMutableRawPointer, capacity: Int, at offset: Int? = nil
) throws(Errno) -> Int {
    let count = retryingInterrupts {
        if let offset { return pread(descriptor, destination, capacity, off_t(offset)) }
        return read(descriptor, destination, capacity)
    }
    guard count >= 0 else { throw Errno.current }
    return count
}
