#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 (FIPS 180-4) of a byte stream, so that reports can name each input by its digest.
///
/// Feed bytes with ``update(_:)`` as often as needed, then call ``finalize()`` once:
///
/// ```swift
/// var hash = SHA256()
/// "abc".utf8CString.dropLast().withUnsafeBytes { hash.update($0) }
/// hash.finalize() // "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
/// ```
public struct SHA256: Sendable {
    /// The bytes of one compression block.
    static let blockSize = 64

    /// The round constants: the first 32 bits of the fractional parts of the cube roots of the
    /// first 64 primes (FIPS 180-4, section 4.2.2).
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The chaining state H0..H7, starting at the initial hash value of section 5.3.3.
    private var state: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    /// Bytes waiting for a full block.
    private var pending: [UInt8] = []
    /// Bytes fed so far.
    private var totalByteCount: UInt64 = 0

    /// Creates a hash of nothing yet.
    public init() {
        pending.reserveCapacity(SHA256.blockSize)
    }

    /// Adds bytes to the message.
    /// - Parameter bytes: the next bytes of the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        totalByteCount &+= UInt64(bytes.count)
        var offset = 0
        if !pending.isEmpty {
            let taken = min(SHA256.blockSize - pending.count, bytes.count)
            pending.append(contentsOf: bytes[0..<taken])
            offset = taken
            guard pending.count == SHA256.blockSize else { return }
            let block = pending
            block.withUnsafeBytes { compress($0) }
            pending.removeAll(keepingCapacity: true)
        }
        while bytes.count - offset >= SHA256.blockSize {
            compress(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + SHA256.blockSize)]))
            offset += SHA256.blockSize
        }
        pending.append(contentsOf: bytes[offset...])
    }

    /// Adds bytes to the message.
    /// - Parameter bytes: the next bytes of the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Pads the message, processes the last blocks and returns the digest as 64 lower-case hex digits.
    ///
    /// The hash must not be updated afterwards.
    /// - Returns: the digest in hex, as `sha256sum` prints it.
    public mutating func finalize() -> String {
        let bitLength = totalByteCount &* 8
        var tail = pending
        tail.append(0x80)
        while tail.count % SHA256.blockSize != SHA256.blockSize - 8 {
            tail.append(0)
        }
        for shift in stride(from: 56, through: 0, by: -8) {
            tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
        }
        tail.withUnsafeBytes { all in
            for start in stride(from: 0, to: all.count, by: SHA256.blockSize) {
                compress(UnsafeRawBufferPointer(rebasing: all[start..<(start + SHA256.blockSize)]))
            }
        }
        pending.removeAll()
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for word in state {
            for shift in stride(from: 28, through: 0, by: -4) {
                hex.append(digits[Int((word >> UInt32(shift)) & 0xf)])
            }
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

    /// The digest of a file's bytes as stored (not decompressed), read in 1 MiB chunks.
    /// - Parameter path: the file's path.
    /// - Returns: 64 lower-case hex digits, the same as `sha256sum path` prints.
    /// - Throws: ``InputError`` when the file cannot be opened or read.
    public static func hexDigest(ofFile path: String) throws -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw InputError(file: path, message: "cannot open for hashing: \(ByteReader.systemMessage(errno))")
        }
        defer { close(descriptor) }
        let chunkSize = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var hash = SHA256()
        while true {
            let count = read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, message: "cannot read for hashing: \(ByteReader.systemMessage(errno))")
            }
            if count == 0 { break }
            hash.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        return hash.finalize()
    }

    /// Processes one 64-byte block (FIPS 180-4, section 6.2.2).
    private mutating func compress(_ block: UnsafeRawBufferPointer) {
        var schedule = [UInt32](repeating: 0, count: 64)
        for index in 0..<16 {
            let base = index * 4
            schedule[index] = UInt32(block[base]) << 24 | UInt32(block[base + 1]) << 16
                | UInt32(block[base + 2]) << 8 | UInt32(block[base + 3])
        }
        for index in 16..<64 {
            let w15 = schedule[index - 15], w2 = schedule[index - 2]
            let sigma0 = rotateRight(w15, 7) ^ rotateRight(w15, 18) ^ (w15 >> 3)
            let sigma1 = rotateRight(w2, 17) ^ rotateRight(w2, 19) ^ (w2 >> 10)
            schedule[index] = schedule[index - 16] &+ sigma0 &+ schedule[index - 7] &+ sigma1
        }
        var a = state[0], b = state[1], c = state[2], d = state[3]
        var e = state[4], f = state[5], g = state[6], h = state[7]
        for index in 0..<64 {
            let bigSigma1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
            let choose = (e & f) ^ (~e & g)
            let temporary1 = h &+ bigSigma1 &+ choose &+ SHA256.roundConstants[index] &+ schedule[index]
            let bigSigma0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let temporary2 = bigSigma0 &+ majority
            h = g
            g = f
            f = e
            e = d &+ temporary1
            d = c
            c = b
            b = a
            a = temporary1 &+ temporary2
        }
        state[0] &+= a
        state[1] &+= b
        state[2] &+= c
        state[3] &+= d
        state[4] &+= e
        state[5] &+= f
        state[6] &+= g
        state[7] &+= h
    }

    private func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 - count))
    }
}
