import CZlib
import CtDNAIO
import Foundation
import Testing
import TestSupport

/// The fast paths of `ByteReader` against the plain one: BGZF blocks inflated on several threads
/// (`startReadingAhead(threads:)`) and each inflate engine of the build must give exactly the
/// bytes that were compressed, which the one-thread zlib path also gives.
@Suite struct ParallelInflateTests {
    /// About 6 MB of MAF-like text (so 6 batches of 1 MiB and more: the ring of slots wraps
    /// around), varied enough that deflate's blocks differ.
    static let text: [UInt8] = {
        var lines = "Hugo_Symbol\tChromosome\tStart_Position\tTumor_Sample_Barcode\tt_alt_count\tt_ref_count\n"
        var state: UInt64 = 42
        func next() -> UInt64 {  // splitmix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let genes = ["KRAS", "EGFR", "TP53", "PIK3CA", "DNMT3A", "TET2", "BRAF", "ERBB2"]
        for row in 0..<110_000 {
            let gene = genes[Int(next() % UInt64(genes.count))]
            lines += "\(gene)\t\(1 + next() % 22)\t\(next() % 250_000_000)\tC-\(100_000 + row / 2000)-L001-d01\t\(next() % 50)\t\(500 + next() % 4500)\n"
        }
        return Array(lines.utf8)
    }()

    /// Every engine and thread count gives the text back from a BGZF file; so does the one-thread path.
    @Test(arguments: InflateEngine.available)
    func bgzfBlocksInflatedInParallelGiveTheSameBytes(engine: InflateEngine) throws {
        let folder = TemporaryFolder()
        let file = folder.file("table.bgzf", try BGZFWriter.bgzf(Self.text))
        #expect(try read(file, engine: .zlib, threads: nil) == Self.text)  // in order, one thread
        for threads in [2, 3, 4] {
            for chunk in [1000, 1 << 20, 3 << 20] {
                #expect(try read(file, engine: engine, threads: threads, chunk: chunk) == Self.text, "\(threads) threads, \(chunk)-byte reads")
            }
        }
    }

    /// A plain gzip member after the BGZF blocks is read in order, after the blocks' bytes.
    @Test(arguments: InflateEngine.available)
    func aPlainGzipMemberAfterTheBlocksIsReadInOrder(engine: InflateEngine) throws {
        let folder = TemporaryFolder()
        let tail = Array("one more line\tafter the blocks\n".utf8)
        let file = folder.file("mixed.gz", try BGZFWriter.bgzf(Self.text, endOfFileBlock: false) + BGZFWriter.gzip(tail))
        #expect(try read(file, engine: engine, threads: 2) == Self.text + tail)
        #expect(try read(file, engine: engine, threads: nil) == Self.text + tail)
    }

    /// A block whose CRC-32 is wrong, in the middle of the file: the same kind of error as on
    /// one thread, after the bytes of the blocks before it.
    @Test(arguments: InflateEngine.available)
    func aCorruptBlockIsAnError(engine: InflateEngine) throws {
        let folder = TemporaryFolder()
        var bytes = try BGZFWriter.bgzf(Self.text)
        let offsets = BGZFWriter.blockOffsets(bytes)
        let victim = offsets[offsets.count / 2]
        let crcAt = offsets[offsets.count / 2 + 1] - 8
        bytes[crcAt] ^= 0xff
        let file = folder.file("bad.bgzf", bytes)
        for threads in [2, 3] {
            let error = inputError { _ = try read(file, engine: engine, threads: threads) }
            #expect(error?.message.contains("incorrect data check") == true, "\(error?.message ?? "no error")")
            #expect(error?.message.contains("byte \(victim)") == true, "\(error?.message ?? "no error")")
        }
        let serial = inputError { _ = try read(file, engine: engine, threads: nil) }
        #expect(serial?.message.contains("incorrect data check") == true)
    }

    /// A BGZF file cut inside a block is truncated, on the parallel path as on the serial one.
    @Test(arguments: InflateEngine.available)
    func aCutBlockIsTruncated(engine: InflateEngine) throws {
        let folder = TemporaryFolder()
        let bytes = try BGZFWriter.bgzf(Self.text)
        let file = folder.file("cut.bgzf", Array(bytes[..<(bytes.count - 20_000)]))
        for threads in [nil, 2] as [Int?] {
            let error = inputError { _ = try read(file, engine: engine, threads: threads) }
            #expect(error?.message.contains("truncated") == true, "\(error?.message ?? "no error")")
        }
    }

    /// Every fixture, through every engine, with and without reading ahead: the plain file's bytes.
    @Test(arguments: InflateEngine.available)
    func everyEngineReadsEveryFixture(engine: InflateEngine) throws {
        let plain = ByteReaderTests.plain
        for name in ["small.maf.gz", "small.multi.gz", "small.bgzf", "small.zlib"] {
            for threads in [nil, 1, 2] as [Int?] {
                #expect(try read(Fixture.path(name), engine: engine, threads: threads, chunk: 7) == plain, "\(name)")
            }
        }
    }

    /// A multi-member gzip file of many megabytes (one member per 100 KB): every engine agrees.
    @Test(arguments: InflateEngine.available)
    func manyMembersGiveTheSameBytes(engine: InflateEngine) throws {
        let folder = TemporaryFolder()
        var bytes: [UInt8] = []
        var start = 0
        while start < Self.text.count {
            let end = min(start + 100_000, Self.text.count)
            bytes += try BGZFWriter.gzip(Array(Self.text[start..<end]))
            start = end
        }
        let file = folder.file("members.gz", bytes)
        #expect(try read(file, engine: engine, threads: nil) == Self.text)
        #expect(try read(file, engine: engine, threads: 2) == Self.text)
    }

    /// The same faults as the fixtures show on zlib, with every engine, at the same place: a
    /// failed CRC-32 is reported after the CRC field, before ISIZE, as zlib does (bad-crc.gz is
    /// 718 bytes, `wc -c`; its trailer's ISIZE is the last 4).
    @Test(arguments: InflateEngine.available)
    func everyEngineReportsTheFixturesFaults(engine: InflateEngine) {
        for (name, words) in [
            ("truncated.gz", "truncated"), ("bad-crc.gz", "(incorrect data check) near compressed byte 714"),
            ("trailing-junk.gz", "unexpected data"),
        ] {
            let error = inputError { _ = try read(Fixture.path(name), engine: engine, threads: nil) }
            #expect(error?.message.contains(words) == true, "\(name): \(error?.message ?? "no error")")
        }
    }

    /// Dropping a reader after one byte stops its inflating threads (some wait for a free slot
    /// while holding the turn) and frees the ring, again and again.
    @Test func stoppingEarlyIsClean() throws {
        let folder = TemporaryFolder()
        let file = folder.file("table.bgzf", try BGZFWriter.bgzf(Self.text))
        let byte = UnsafeMutableRawBufferPointer.allocate(byteCount: 1, alignment: 1)
        defer { byte.deallocate() }
        for threads in [2, 3, 4] {
            for _ in 0..<10 {
                let reader = try ByteReader(path: file)
                try reader.startReadingAhead(threads: threads)
                #expect(try reader.read(into: byte) == 1)
                #expect(byte[0] == Self.text[0])
            }
        }
    }

    /// Everything a reader yields; `threads` nil reads on the calling thread.
    private func read(_ path: String, engine: InflateEngine, threads: Int?, chunk: Int = 64 * 1024) throws -> [UInt8] {
        let reader = try ByteReader(path: path, engine: engine)
        if let threads { try reader.startReadingAhead(threads: threads) }
        var result: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let count = try reader.read(into: buffer)
            if count == 0 { return result }
            result.append(contentsOf: buffer[0..<count])
        }
    }
}

/// Writes gzip and BGZF files for the tests, with zlib's deflate: the BGZF layout written out
/// byte by byte from the SAMv1 specification (section 4.1), not by the code under test.
enum BGZFWriter {
    /// `bytes` as BGZF: blocks of at most 65,280 input bytes (as bgzip cuts them), then the
    /// empty end-of-file block unless told not to.
    static func bgzf(_ bytes: [UInt8], endOfFileBlock: Bool = true) throws -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        while start < bytes.count {
            let end = min(start + 65_280, bytes.count)
            out += try block(Array(bytes[start..<end]))
            start = end
        }
        if endOfFileBlock { out += try block([]) }
        return out
    }

    /// One BGZF block: header with the BC subfield, raw deflate data, CRC-32, ISIZE.
    static func block(_ bytes: [UInt8]) throws -> [UInt8] {
        let data = try deflate(bytes, windowBits: -15)
        let total = 18 + data.count + 8
        var out: [UInt8] = [0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0xff, 6, 0, UInt8(ascii: "B"), UInt8(ascii: "C"), 2, 0]
        out += littleEndian(UInt32(total - 1)).prefix(2)
        out += data
        out += littleEndian(checksum(bytes))
        out += littleEndian(UInt32(bytes.count))
        return out
    }

    /// One ordinary gzip member (zlib's own gzip wrapper).
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        try deflate(bytes, windowBits: 15 + 16)
    }

    /// Where each block starts, by walking the BSIZE fields.
    static func blockOffsets(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        var at = 0
        while at + 18 <= bytes.count {
            offsets.append(at)
            at += (Int(bytes[at + 16]) | Int(bytes[at + 17]) << 8) + 1
        }
        return offsets
    }

    private static func checksum(_ bytes: [UInt8]) -> UInt32 {
        UInt32(bytes.withUnsafeBufferPointer { crc32_z(0, $0.baseAddress, $0.count) })
    }

    private static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)]
    }

    private static func deflate(_ bytes: [UInt8], windowBits: Int32) throws -> [UInt8] {
        var stream = z_stream()
        guard ctdna_deflateInit2(&stream, 6, windowBits) == Z_OK else { throw CocoaError(.featureUnsupported) }
        defer { deflateEnd(&stream) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 64)
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw CocoaError(.featureUnsupported) }
        return Array(output[..<Int(stream.total_out)])
    }
}
