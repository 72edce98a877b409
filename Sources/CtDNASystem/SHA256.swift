#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto

/// SHA-256 (FIPS 180-4) of a byte stream, so that reports can name each input by its digest.
///
/// The hashing itself is swift-crypto's (BoringSSL on Linux, which uses the processor's SHA
/// instructions where it has them: several times faster than portable code, and it matters,
/// since every input is hashed as it is read). This type adds the hex digest `sha256sum`
/// prints and hashing a file by its path.
///
/// Feed bytes with ``update(_:)`` as often as needed, then call ``finalize()`` once:
///
/// ```swift
/// var hash = SHA256()
/// "abc".utf8CString.dropLast().withUnsafeBytes { hash.update($0) }
/// hash.finalize() // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public struct SHA256 {
    private var hasher = Crypto.SHA256()

    /// Creates a hash of nothing yet.
    public init() {}

    /// Adds bytes to the message.
    /// - Parameter bytes: the next bytes of the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// Adds bytes to the message.
    /// - Parameter bytes: the next bytes of the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Returns the digest as 64 lower-case hex digits. The hash must not be updated afterwards.
    /// - Returns: the digest in hex, as `sha256sum` prints it.
    public mutating func finalize() -> String {
        let digest = hasher.finalize()
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The digest of a whole byte array, in hex.
    /// - Parameter bytes: the message.
    /// - Returns: 64 lower-case hex digits.
    public static func hexDigest(of bytes: [UInt8]) -> String {
        var hash = SHA256()
        hash.update(bytes)
        return hash.finalize()
    }
}

/// A file as stored: its size and SHA-256, for a report's list of inputs.
public struct FileChecksum: Sendable, Hashable, Codable {
    /// Bytes in the file as stored (compressed).
    public var byteCount: Int
    /// SHA-256 of the stored bytes, 64 lower-case hex digits as `sha256sum` prints them.
    public var sha256: String

    /// Creates a checksum from known values.
    /// - Parameters:
    ///   - byteCount: The file's size.
    ///   - sha256: Its digest in hex.
    public init(byteCount: Int, sha256: String) {
        self.byteCount = byteCount
        self.sha256 = sha256
    }

    /// Reads a file once, through any symbolic link, in 1 MiB chunks, for its size and digest.
    /// - Parameter path: The file's path.
    /// - Throws: ``SystemError`` when the file cannot be opened or read.
    public init(ofFile path: String) throws {
        let descriptor = retryingInterrupts { open(path, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw SystemError(path: path, action: "cannot open for hashing") }
        defer { close(descriptor) }
        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var hash = SHA256()
        var total = 0
        while true {
            let count: Int
            do {
                count = try readSome(descriptor, into: buffer.baseAddress!, capacity: chunkSize)
            } catch {
                throw SystemError(path: path, action: "cannot read for hashing", code: error)
            }
            if count == 0 { break }
            total += count
            hash.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        self.init(byteCount: total, sha256: hash.finalize())
    }
}
