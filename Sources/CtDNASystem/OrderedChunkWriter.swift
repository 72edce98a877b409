#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNAModel

/// An unnamed file for bytes that do not fit in memory: made in a chosen folder (so it counts
/// against the same disk as the outputs) and unlinked at once, so nothing is left behind
/// whatever happens to the process.
public final class ScratchFile: ByteSink {
    private let descriptor: Int32
    /// The folder it lives in, for messages.
    private let folder: String
    /// Bytes written so far: the offset of the next write.
    public private(set) var byteCount = 0

    /// Makes the file.
    /// - Parameter folder: The folder to make it in.
    /// - Throws: `SystemError` when the file cannot be made.
    public init(folder: String) throws {
        self.folder = folder
        let base = folder.isEmpty ? "." : folder
        var opened: Int32 = -1
        for attempt in 0..<100 {
            let path = "\(base)/.ctdna-scratch-\(getpid())-\(attempt)"
            opened = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if opened >= 0 {
                unlink(path)
                break
            }
            if errno != EEXIST { break }
        }
        guard opened >= 0 else {
            throw SystemError(path: base, action: "cannot make a scratch file")
        }
        descriptor = opened
    }

    deinit { close(descriptor) }

    /// Appends bytes at the end.
    public func write(bytes: UnsafeRawBufferPointer) throws {
        do {
            try writeAll(descriptor, bytes, at: byteCount)
        } catch {
            throw SystemError(path: folder.isEmpty ? "." : folder, action: "cannot write a scratch file", code: error)
        }
        byteCount += bytes.count
    }

    /// Copies `count` bytes starting at `offset` to `sink`, a megabyte at a time.
    /// - Throws: `SystemError` when reading back or writing fails.
    public func copy(from offset: Int, count: Int, to sink: ByteSink) throws {
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: min(chunk, max(count, 1)))
        var done = 0
        while done < count {
            let wanted = min(buffer.count, count - done)
            let outcome: Result<Int, Errno> = buffer.withUnsafeMutableBytes { room in
                Result { () throws(Errno) in
                    try readSome(descriptor, into: room.baseAddress!, capacity: wanted, at: offset + done)
                }
            }
            let got: Int
            switch outcome {
            case let .success(count): got = count
            case let .failure(error):
                throw SystemError(path: folder.isEmpty ? "." : folder, action: "cannot read a scratch file back", code: error)
            }
            // The scratch file is this process's own and unlinked: shorter than written is a bug.
            precondition(got > 0, "a scratch file is shorter than what was written to it")
            try buffer.withUnsafeBytes { try sink.write(bytes: UnsafeRawBufferPointer(rebasing: $0.prefix(got))) }
            done += got
        }
    }

    /// Copies everything written to `sink`.
    public func copyAll(to sink: ByteSink) throws {
        try copy(from: 0, count: byteCount, to: sink)
    }
}

/// Writes numbered chunks to a sink in number order, whatever order they arrive in.
///
/// Patients finish in the order their files happen to be read, but their rows must appear in
/// sheet order, the same on every run. A chunk that arrives before its turn waits in memory,
/// up to `memoryBudget` bytes in all; beyond that it waits in a ``ScratchFile``. Chunk `n` is
/// written as soon as chunks `0..<n` have been.
public final class OrderedChunkWriter {
    private enum Waiting {
        case inMemory([UInt8])
        case inScratch(offset: Int, count: Int)
    }

    private let sink: ByteSink
    private let memoryBudget: Int
    private let scratchFolder: String
    private var scratch: ScratchFile?
    private var waiting: [Int: Waiting] = [:]
    private var waitingBytes = 0
    /// The number of the chunk to write next.
    public private(set) var nextChunk = 0

    /// Creates a writer.
    /// - Parameters:
    ///   - sink: Where the chunks go, in order.
    ///   - scratchFolder: Where a scratch file is made when early chunks exceed the budget.
    ///   - memoryBudget: Bytes of early chunks held in memory before any goes to scratch.
    public init(sink: ByteSink, scratchFolder: String, memoryBudget: Int = 8 << 20) {
        self.sink = sink
        self.scratchFolder = scratchFolder
        self.memoryBudget = memoryBudget
    }

    /// Hands over chunk `number` (each number from 0 once).
    /// - Throws: `SystemError` when writing fails.
    public func put(_ chunk: [UInt8], number: Int) throws {
        precondition(number >= nextChunk && waiting[number] == nil, "chunk \(number) given twice")
        guard number == nextChunk else {
            if waitingBytes + chunk.count <= memoryBudget {
                waiting[number] = .inMemory(chunk)
                waitingBytes += chunk.count
            } else {
                if scratch == nil { scratch = try ScratchFile(folder: scratchFolder) }
                let offset = scratch!.byteCount
                try chunk.withUnsafeBytes { try scratch!.write(bytes: $0) }
                waiting[number] = .inScratch(offset: offset, count: chunk.count)
            }
            return
        }
        try chunk.withUnsafeBytes { try sink.write(bytes: $0) }
        nextChunk += 1
        while let early = waiting.removeValue(forKey: nextChunk) {
            switch early {
            case let .inMemory(bytes):
                waitingBytes -= bytes.count
                try bytes.withUnsafeBytes { try sink.write(bytes: $0) }
            case let .inScratch(offset, count):
                try scratch!.copy(from: offset, count: count, to: sink)
            }
            nextChunk += 1
        }
    }
}
