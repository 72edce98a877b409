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

    /// The eight words H0..H7 of the chaining state, kept inline (no heap storage).
    private struct ChainingState {
        var h0: UInt32, h1: UInt32, h2: UInt32, h3: UInt32, h4: UInt32, h5: UInt32, h6: UInt32, h7: UInt32
    }

    /// The chaining state, starting at the initial hash value of section 5.3.3.
    private var state = ChainingState(
        h0: 0x6a09e667, h1: 0xbb67ae85, h2: 0x3c6ef372, h3: 0xa54ff53a,
        h4: 0x510e527f, h5: 0x9b05688c, h6: 0x1f83d9ab, h7: 0x5be0cd19)
    /// Room for one block of bytes waiting for the rest of their block (the first
    /// `pendingCount` bytes are in use). A tuple, so it lives inside the value, not on the heap.
    private var pendingBlock: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// How many bytes of `pendingBlock` are in use, 0 to 63.
    private var pendingCount = 0
    /// Bytes fed so far.
    private var totalByteCount: UInt64 = 0

    /// Creates a hash of nothing yet.
    public init() {}

    /// Adds bytes to the message.
    /// - Parameter bytes: the next bytes of the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        totalByteCount &+= UInt64(bytes.count)
        var offset = 0
        if pendingCount > 0 {
            let taken = min(SHA256.blockSize - pendingCount, bytes.count)
            let filled = pendingCount
            withUnsafeMutableBytes(of: &pendingBlock) { block in
                block.baseAddress!.advanced(by: filled).copyMemory(from: base, byteCount: taken)
            }
            pendingCount += taken
            offset = taken
            guard pendingCount == SHA256.blockSize else { return }
            var block = pendingBlock
            withUnsafeBytes(of: &block) { compress(blocks: $0.baseAddress!, count: 1) }
            pendingCount = 0
        }
        let wholeBlocks = (bytes.count - offset) / SHA256.blockSize
        if wholeBlocks > 0 {
            compress(blocks: base + offset, count: wholeBlocks)
            offset += wholeBlocks * SHA256.blockSize
        }
        let left = bytes.count - offset
        if left > 0 {
            withUnsafeMutableBytes(of: &pendingBlock) { block in
                block.baseAddress!.copyMemory(from: base + offset, byteCount: left)
            }
            pendingCount = left
        }
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
        // The padding (section 5.1.1): 0x80, zeros, then the message length in bits, big-endian,
        // ending a block; one block when at most 55 bytes are pending, two otherwise.
        let tailLength = pendingCount < SHA256.blockSize - 8 ? SHA256.blockSize : 2 * SHA256.blockSize
        let filled = pendingCount
        var pending = pendingBlock
        withUnsafeTemporaryAllocation(byteCount: 2 * SHA256.blockSize, alignment: 8) { tail in
            tail.initializeMemory(as: UInt8.self, repeating: 0)
            withUnsafeBytes(of: &pending) { tail.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: filled) }
            tail[filled] = 0x80
            tail.storeBytes(of: bitLength.bigEndian, toByteOffset: tailLength - 8, as: UInt64.self)
            compress(blocks: UnsafeRawPointer(tail.baseAddress!), count: tailLength / SHA256.blockSize)
        }
        pendingCount = 0
        let words = [state.h0, state.h1, state.h2, state.h3, state.h4, state.h5, state.h6, state.h7]
        return String(unsafeUninitializedCapacity: 64) { hex in
            let digits: StaticString = "0123456789abcdef"
            var index = 0
            for word in words {
                for shift in stride(from: 28, through: 0, by: -4) {
                    hex[index] = digits.utf8Start[Int((word &>> UInt32(shift)) & 0xf)]
                    index += 1
                }
            }
            return index
        }
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

    /// Processes `count` consecutive 64-byte blocks starting at `blocks` (FIPS 180-4, section 6.2.2).
    ///
    /// The state is held in locals for the whole run of blocks, and the message schedule (with
    /// each round's constant already added) lives in one stack buffer reused by every block.
    private mutating func compress(blocks: UnsafeRawPointer, count: Int) {
        var h0 = state.h0, h1 = state.h1, h2 = state.h2, h3 = state.h3
        var h4 = state.h4, h5 = state.h5, h6 = state.h6, h7 = state.h7
        SHA256.roundConstants.withUnsafeBufferPointer { constants in
            let constants = constants.baseAddress!
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { scheduleBuffer in
                let schedule = scheduleBuffer.baseAddress!
                for blockIndex in 0..<count {
                    let block = blocks + blockIndex &* SHA256.blockSize
                    for index in 0..<16 {
                        schedule[index] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: index &* 4, as: UInt32.self))
                    }
                    for index in 16..<64 {
                        schedule[index] = schedule[index &- 16] &+ SHA256.smallSigma0(schedule[index &- 15])
                            &+ schedule[index &- 7] &+ SHA256.smallSigma1(schedule[index &- 2])
                    }
                    for index in 0..<64 {
                        schedule[index] &+= constants[index]
                    }
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    var round = 0
                    while round < 64 {
                        // Eight rounds with the letters renamed instead of shifted.
                        SHA256.round(a, b, c, &d, e, f, g, &h, schedule[round])
                        SHA256.round(h, a, b, &c, d, e, f, &g, schedule[round &+ 1])
                        SHA256.round(g, h, a, &b, c, d, e, &f, schedule[round &+ 2])
                        SHA256.round(f, g, h, &a, b, c, d, &e, schedule[round &+ 3])
                        SHA256.round(e, f, g, &h, a, b, c, &d, schedule[round &+ 4])
                        SHA256.round(d, e, f, &g, h, a, b, &c, schedule[round &+ 5])
                        SHA256.round(c, d, e, &f, g, h, a, &b, schedule[round &+ 6])
                        SHA256.round(b, c, d, &e, f, g, h, &a, schedule[round &+ 7])
                        round &+= 8
                    }
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                    h5 &+= f
                    h6 &+= g
                    h7 &+= h
                }
            }
        }
        state = ChainingState(h0: h0, h1: h1, h2: h2, h3: h3, h4: h4, h5: h5, h6: h6, h7: h7)
    }

    /// One round of section 6.2.2 step 3, written so that the caller renames the eight working
    /// variables instead of moving them: `d` receives the new `e`, and `h` the new `a`.
    /// - Parameter constantPlusWord: the round constant K(t) plus the schedule word W(t).
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ constantPlusWord: UInt32
    ) {
        let choose = g ^ (e & (f ^ g))
        let temporary1 = h &+ bigSigma1(e) &+ choose &+ constantPlusWord
        let majority = (a & b) | (c & (a | b))
        d &+= temporary1
        h = temporary1 &+ bigSigma0(a) &+ majority
    }

    /// Σ0 of section 4.1.2 (4.4).
    @inline(__always)
    private static func bigSigma0(_ x: UInt32) -> UInt32 {
        rotateRight(x, 2) ^ rotateRight(x, 13) ^ rotateRight(x, 22)
    }

    /// Σ1 of section 4.1.2 (4.5).
    @inline(__always)
    private static func bigSigma1(_ x: UInt32) -> UInt32 {
        rotateRight(x, 6) ^ rotateRight(x, 11) ^ rotateRight(x, 25)
    }

    /// σ0 of section 4.1.2 (4.6).
    @inline(__always)
    private static func smallSigma0(_ x: UInt32) -> UInt32 {
        rotateRight(x, 7) ^ rotateRight(x, 18) ^ (x &>> 3)
    }

    /// σ1 of section 4.1.2 (4.7).
    @inline(__always)
    private static func smallSigma1(_ x: UInt32) -> UInt32 {
        rotateRight(x, 17) ^ rotateRight(x, 19) ^ (x &>> 10)
    }

    /// Rotates a word right by `count` bits, 1 to 31.
    @inline(__always)
    private static func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value &>> count) | (value &<< (32 &- count))
    }
}
