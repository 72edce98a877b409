import CtDNAModel
import CtDNASystem
import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Ordered chunk writer")
struct OrderedChunkWriterTests {
    static func folder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ctdna-chunks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Chunks given in the order 3, 0, 2, 1, 4 come out as 0 1 2 3 4, whether the early ones
    /// wait in memory (a large budget) or in a scratch file (a budget of 0 bytes).
    @Test(arguments: [1 << 20, 0])
    func writesChunksInNumberOrder(memoryBudget: Int) throws {
        let scratchFolder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: scratchFolder) }
        let sink = ByteBuffer()
        let writer = OrderedChunkWriter(sink: sink, scratchFolder: scratchFolder, memoryBudget: memoryBudget)
        let text = ["zero\n", "one\n", "two\n", "three\n", "four\n"]
        for number in [3, 0, 2, 1, 4] {
            try writer.put(Array(text[number].utf8), number: number)
            if number == 0 { #expect(String(decoding: sink.bytes, as: UTF8.self) == "zero\n") }
            if number == 2 { #expect(String(decoding: sink.bytes, as: UTF8.self) == "zero\n") }
        }
        #expect(String(decoding: sink.bytes, as: UTF8.self) == "zero\none\ntwo\nthree\nfour\n")
        #expect(writer.nextChunk == 5)
        // The scratch file is unlinked as soon as it is made: the folder stays empty.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratchFolder).isEmpty)
    }

    /// A scratch file gives back exactly what went in, from any offset, across its 1 MiB copy steps.
    @Test func scratchFileCopiesRangesBack() throws {
        let scratchFolder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: scratchFolder) }
        let scratch = try ScratchFile(folder: scratchFolder)
        let bytes = (0..<(3 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        try bytes.withUnsafeBytes { try scratch.write(bytes: $0) }
        #expect(scratch.byteCount == bytes.count)
        let sink = ByteBuffer()
        try scratch.copy(from: 1_000_001, count: 2_000_000, to: sink)
        #expect(sink.bytes == Array(bytes[1_000_001..<3_000_001]))
        let all = ByteBuffer()
        try scratch.copyAll(to: all)
        #expect(all.bytes == bytes)
    }

    /// A `SystemError` now (it was an `InputError`), with the same text.
    @Test func aScratchFileInAMissingFolderIsAClearError() throws {
        #expect(throws: SystemError(path: "/nonexistent-ctdna-folder", action: "cannot make a scratch file", code: Errno(rawValue: ENOENT))) {
            _ = try ScratchFile(folder: "/nonexistent-ctdna-folder")
        }
        let error = caughtError(SystemError.self) { _ = try ScratchFile(folder: "/nonexistent-ctdna-folder") }
        #expect(error?.description == "/nonexistent-ctdna-folder: cannot make a scratch file: No such file or directory")
    }
}
