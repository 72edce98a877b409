import CtDNASystem
import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How the bytes of an input are packed, as told by its first bytes (never by its name).
public enum Compression: String, Sendable {
    /// Not compressed.
    case plain
    /// gzip, including multi-member gzip and BGZF (bgzip/tabix output), which is multi-member gzip.
    case gzip
    /// A zlib stream (RFC 1950), as written by `zlib.compress`.
    case zlib
}

/// Reads a file or standard input and hands out its content, decompressed when it is gzip,
/// BGZF or zlib.
///
/// The compression is detected from the magic bytes. Every gzip member is read, so
/// concatenated gzip files and BGZF blocks come out whole. A file that ends inside a member,
/// fails its CRC check, or carries anything but another member after one, is an error naming
/// the file: the reader never returns silently partial data.
public final class ByteReader {
    /// The input as the user named it; `-` is standard input.
    public let path: String
    /// The detected packing of the input.
    public private(set) var compression: Compression = .plain
    /// Compressed (raw) bytes read from the file so far.
    public private(set) var rawBytesRead: Int = 0

    private let descriptor: Int32
    private let closesDescriptor: Bool
    private let input: UnsafeMutableRawBufferPointer
    @exclusivity(unchecked) private var inputStart = 0
    @exclusivity(unchecked) private var inputEnd = 0
    private var reachedEndOfFile = false
    /// The inflater of gzip or zlib input (nil for plain input).
    private var stream: StreamInflater?
    /// Which library inflates gzip input.
    public let engine: InflateEngine
    private var insideMember = false
    private var membersFinished = 0
    private var digest: SHA256?

    /// The size of each read from the file.
    public static let inputBufferSize = 256 * 1024

    /// Opens `path` (or standard input for `-`) and detects its compression.
    /// - Parameters:
    ///   - path: A file path, or `-` for standard input.
    ///   - computesDigest: Whether to compute the SHA-256 of the raw (compressed) bytes as they
    ///     are read, for `rawDigest()`: a report's checksum at no second read of the file.
    ///   - engine: The library that inflates gzip input (``InflateEngine/preferred`` by default).
    /// - Throws: `SystemError` when the file cannot be opened or read; `InputError` when a
    ///   compressed stream cannot be set up.
    public init(path: String, computesDigest: Bool = false, engine: InflateEngine = .preferred) throws {
        self.path = path
        self.engine = engine
        digest = computesDigest ? SHA256() : nil
        if path == "-" {
            descriptor = STDIN_FILENO
            closesDescriptor = false
        } else {
            let opened = retryingInterrupts { open(path, O_RDONLY | O_CLOEXEC) }
            guard opened >= 0 else { throw SystemError(path: path, action: "cannot open") }
            descriptor = opened
            closesDescriptor = true
        }
        input = UnsafeMutableRawBufferPointer.allocate(byteCount: ByteReader.inputBufferSize, alignment: 16)
        // Every stored property is set: when this throws, deinit runs and releases the buffer and
        // the descriptor (releasing them here too freed them twice: `ctdna view <folder>` crashed).
        try detectCompression()
    }

    deinit {
        readAhead?.stop()
        blockReadAhead?.stop()
        releaseResources()
    }

    private var readAhead: ReadAhead?
    /// The most threads that inflate one BGZF file: each brings a 2 MiB slot, and memory stays
    /// under 50 MB on any machine.
    static let maximumInflatingThreads = 4
    private var blockReadAhead: ParallelBlockReadAhead?

    /// Moves decompression to threads of their own that work ahead of the reader, so inflating
    /// and parsing overlap. Worth it for a compressed input when a core is idle.
    /// Call before the first `read(into:)`.
    ///
    /// A BGZF file (bgzip's output: independent blocks that carry their own length) is inflated
    /// by `threads` threads at once, blocks in batches (``ParallelBlockReadAhead``); any other
    /// compressed input by one thread, since a plain gzip stream can only be inflated in order.
    /// A file of at most one read (256 KiB) is inflated on the caller's thread: starting a thread
    /// and filling a 1 MiB slot before the first line cost more than the overlap gained on such
    /// a file (a per-sample MAF of a panel is a few tens of KiB).
    /// - Parameter threads: How many threads may inflate BGZF blocks at once (at least 1).
    /// - Throws: `SystemError` when the file cannot be read while looking at its first block.
    public func startReadingAhead(threads: Int = 1) throws {
        guard readAhead == nil, blockReadAhead == nil, compression != .plain else { return }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) <= input.count {
            return
        }
        if threads > 1, compression == .gzip, try startsWithBGZFBlock() {
            blockReadAhead = try ParallelBlockReadAhead(reader: self, threads: min(threads, Self.maximumInflatingThreads))
        } else {
            readAhead = ReadAhead(reader: self)
        }
    }

    private func releaseResources() {
        stream = nil
        input.deallocate()
        if closesDescriptor { close(descriptor) }
    }

    private func detectCompression() throws {
        // Two bytes decide; a file shorter than that is plain text.
        while inputEnd < 2 && !reachedEndOfFile { try fillInput() }
        guard inputEnd >= 2 else { return }
        let first = input[0], second = input[1]
        if first == 0x1f && second == 0x8b {
            compression = .gzip
        } else if first & 0x0f == 8, first >> 4 <= 7, (UInt16(first) << 8 | UInt16(second)) % 31 == 0 {
            compression = .zlib
        } else {
            return
        }
        do {
            stream = try StreamInflater(compression: compression, engine: engine)
        } catch {
            throw InputError(file: path, message: "cannot start decompression (zlib status \(error.status))")
        }
    }

    /// Reads more raw bytes into the input buffer after `inputEnd`, compacting first.
    private func fillInput() throws {
        if inputStart > 0 {
            let pending = inputEnd - inputStart
            if pending > 0 {
                memmove(input.baseAddress!, input.baseAddress! + inputStart, pending)
            }
            inputStart = 0
            inputEnd = pending
        }
        guard inputEnd < input.count else { return }
        let count = try readDescriptor(into: input.baseAddress! + inputEnd, capacity: input.count - inputEnd)
        if count == 0 { reachedEndOfFile = true }
        inputEnd += count
    }

    private func readDescriptor(into destination: UnsafeMutableRawPointer, capacity: Int) throws -> Int {
        let count: Int
        do {
            count = try readSome(descriptor, into: destination, capacity: capacity)
        } catch {
            throw SystemError(path: path, action: "cannot read", code: error)
        }
        rawBytesRead += count
        if digest != nil && count > 0 { digest!.update(UnsafeRawBufferPointer(start: destination, count: count)) }
        return count
    }

    /// Every byte of a small file (a sample sheet, a list), decompressed if it is gzip or zlib.
    /// - Parameter path: A file path, or `-` for standard input.
    /// - Returns: The file's (decompressed) bytes.
    /// - Throws: `SystemError` in the system's words (`cannot open: No such file or directory`,
    ///   `cannot read: Is a directory`); `InputError` for a compressed stream's fault.
    public static func contents(ofFile path: String) throws -> [UInt8] {
        let reader = try ByteReader(path: path)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try reader.read(into: $0) }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// Fills `buffer` with the next decompressed bytes.
    /// - Parameter buffer: Where to write; must not be empty.
    /// - Returns: The number of bytes written; 0 only at the end of the input.
    /// - Throws: `InputError` for a read failure, a truncated or corrupt compressed stream,
    ///   or data after the end of a zlib stream or between gzip members.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        precondition(buffer.count > 0, "ByteReader.read needs room to write")
        if let readAhead { return try readAhead.read(into: buffer) }
        if let blockReadAhead { return try blockReadAhead.read(into: buffer) }
        return try produce(into: buffer)
    }

    /// Decompresses (or copies) the next bytes: the work `read(into:)` does in the caller's
    /// thread, or the read-ahead thread does ahead of it.
    func produce(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let stream else { return try readPlain(into: buffer) }
        while true {
            if inputStart == inputEnd {
                if reachedEndOfFile {
                    // ISA-L may hold the last output back (it reads ahead): ask once with no input.
                    if insideMember {
                        let (_, produced, step) = stream.inflate(UnsafeRawBufferPointer(start: nil, count: 0), into: buffer)
                        try check(step)
                        if case .memberEnd = step { endMember() }
                        if produced > 0 { return produced }
                    }
                    return try finishCompressed()
                }
                try fillInput()
                continue
            }
            if !insideMember {
                try startMember()
            }
            let (consumed, produced, step) = stream.inflate(
                UnsafeRawBufferPointer(start: input.baseAddress! + inputStart, count: inputEnd - inputStart), into: buffer)
            inputStart += consumed
            try check(step)
            if case .memberEnd = step { endMember() }
            if produced > 0 { return produced }
        }
    }

    private func endMember() {
        insideMember = false
        membersFinished += 1
    }

    /// Throws for an inflate step that found a fault.
    private func check(_ step: InflateStep) throws {
        switch step {
        case .progress, .memberEnd:
            return
        case .needsDictionary:
            throw InputError(file: path, message: "corrupt \(compression.rawValue) data: the stream asks for a preset dictionary")
        case .outOfMemory:
            throw InputError(file: path, message: "out of memory while decompressing")
        case let .fault(words, before):
            throw InputError(file: path, message: "corrupt \(compression.rawValue) data (\(words)) near compressed byte \(max(0, rawOffset - before))")
        }
    }

    /// The SHA-256 (hex) of every raw byte read, once the whole input has been read; `nil` when
    /// the reader was not asked to compute it. Call it once, at the end.
    public func rawDigest() -> String? {
        guard var digest else { return nil }
        self.digest = nil
        return digest.finalize()
    }

    /// The offset in the raw file of the next unread compressed byte.
    var rawOffset: Int { rawBytesRead - (inputEnd - inputStart) }

    /// Called at a member boundary with unread input: only another gzip member may follow.
    private func startMember() throws {
        if membersFinished > 0 {
            if compression == .zlib {
                throw InputError(file: path, message: "unexpected data after the end of the zlib stream at byte \(rawOffset)")
            }
            while inputEnd - inputStart < 2 && !reachedEndOfFile { try fillInput() }
            let available = inputEnd - inputStart
            if available == 1 && input[inputStart] == 0x1f {
                throw InputError(file: path, message: "gzip data is truncated: the file ends inside the header of member \(membersFinished + 1)")
            }
            guard available >= 2, input[inputStart] == 0x1f, input[inputStart + 1] == 0x8b else {
                throw InputError(file: path, message: "unexpected data after gzip member \(membersFinished) at byte \(rawOffset) (not another gzip member)")
            }
            stream!.startNextMember()
        }
        insideMember = true
    }

    private func finishCompressed() throws -> Int {
        if insideMember || membersFinished == 0 {
            throw InputError(file: path, message: "\(compression == .gzip ? "gzip" : "zlib") data is truncated: the file ends inside a compressed member (after \(rawBytesRead) bytes)")
        }
        return 0
    }

    /// What ``takeBGZFBlocks(into:outputCapacity:blockEnds:)`` found at the reading position.
    enum BGZFBatch {
        /// Whole blocks were copied: this many compressed bytes.
        case blocks(compressedBytes: Int)
        /// The next member is not a BGZF block, or is cut short: the rest is read by `produce`,
        /// in order, which also words any fault the way it does for every gzip file.
        case notBGZF
        /// The input ended after the last block.
        case end
    }

    /// Whether the input starts with a BGZF block. Call before the first read.
    func startsWithBGZFBlock() throws -> Bool {
        try fillForBlock()
        return BGZFBlock.length(ofBlockAt: UnsafeRawBufferPointer(start: input.baseAddress! + inputStart, count: inputEnd - inputStart)) != nil
    }

    /// Reads whole BGZF blocks (as many as fit both capacities) into `batch`, without inflating
    /// them, and moves the reading position past them: the part of reading a BGZF file that must
    /// happen in order. One caller at a time (``ParallelBlockReadAhead`` takes turns).
    /// - Parameters:
    ///   - batch: Where the compressed blocks go, one after another.
    ///   - outputCapacity: The room for their inflated bytes (the sum of their recorded sizes).
    ///   - blockEnds: Set to the end offset of each block in `batch`.
    /// - Returns: What was found; `.blocks` whenever at least one block was taken.
    /// - Throws: `SystemError` when the file cannot be read; `InputError` when it is empty of members.
    func takeBGZFBlocks(into batch: UnsafeMutableRawBufferPointer, outputCapacity: Int, blockEnds: inout [Int]) throws -> BGZFBatch {
        blockEnds.removeAll(keepingCapacity: true)
        var used = 0
        var inflated = 0
        while true {
            try fillForBlock()
            let available = inputEnd - inputStart
            if available == 0 {
                if used > 0 { return .blocks(compressedBytes: used) }
                _ = try finishCompressed()
                return .end
            }
            let view = UnsafeRawBufferPointer(start: input.baseAddress! + inputStart, count: available)
            guard let length = BGZFBlock.length(ofBlockAt: view), length <= available else {
                return used > 0 ? .blocks(compressedBytes: used) : .notBGZF
            }
            let size = BGZFBlock.recordedSize(UnsafeRawBufferPointer(rebasing: view[..<length]))
            if used + length > batch.count || inflated + size > outputCapacity {
                // A block larger than an empty batch can only be corrupt (sizes are at most
                // 64 KiB): the in-order path reports it.
                return used > 0 ? .blocks(compressedBytes: used) : .notBGZF
            }
            (batch.baseAddress! + used).copyMemory(from: view.baseAddress!, byteCount: length)
            used += length
            inflated += size
            blockEnds.append(used)
            inputStart += length
            membersFinished += 1
        }
    }

    /// Reads until a whole block of the largest size is in the input buffer, or the file ends.
    private func fillForBlock() throws {
        while inputEnd - inputStart < BGZFBlock.maximumSize && !reachedEndOfFile { try fillInput() }
    }

    private func readPlain(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let pending = inputEnd - inputStart
        if pending > 0 {
            let count = min(pending, buffer.count)
            buffer.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: count)
            inputStart += count
            return count
        }
        if reachedEndOfFile { return 0 }
        let count = try readDescriptor(into: buffer.baseAddress!, capacity: buffer.count)
        if count == 0 { reachedEndOfFile = true }
        return count
    }

}

/// A thread that decompresses into a ring of buffers ahead of the consumer.
///
/// The producer fills slot after slot; the consumer empties them in the same order. Two
/// semaphores count the slots that are full and free, so neither side ever spins.
private final class ReadAhead: @unchecked Sendable {
    private static let slotCount = 4
    private static let slotSize = 1 << 20
    private let slots: [UnsafeMutableRawBufferPointer]
    private var filledBytes: [Int]
    /// The error that ended the input, recorded in the slot where it happened.
    private var failures: [Error?]
    private let full = DispatchSemaphore(value: 0)
    /// Starts at 0 and is signalled once per slot: libdispatch traps when a semaphore is freed
    /// with a value below the one it was created with.
    private let free = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let stopping = Atomic<Bool>(false)
    private var consumerSlot = 0
    private var consumerOffset = 0
    private var consumerHasSlot = false
    private var reachedEnd = false
    private unowned(unsafe) let reader: ByteReader

    init(reader: ByteReader) {
        self.reader = reader
        slots = (0..<ReadAhead.slotCount).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: ReadAhead.slotSize, alignment: 64) }
        filledBytes = Array(repeating: 0, count: ReadAhead.slotCount)
        failures = Array(repeating: nil, count: ReadAhead.slotCount)
        for _ in 0..<ReadAhead.slotCount { free.signal() }
        DetachedThread.start { [self] in produce() }
    }

    private func produce() {
        var slot = 0
        defer { finished.signal() }
        while true {
            free.wait()
            if stopping.load(ordering: .acquiring) { return }
            var count = 0
            var failure: Error?
            do {
                while count < ReadAhead.slotSize {
                    let produced = try reader.produce(into: UnsafeMutableRawBufferPointer(rebasing: slots[slot][count...]))
                    if produced == 0 { break }
                    count += produced
                }
            } catch {
                failure = error
            }
            filledBytes[slot] = count
            failures[slot] = failure
            full.signal()
            if count == 0 || failure != nil { return }
            slot = (slot + 1) % ReadAhead.slotCount
        }
    }

    /// Copies the next decompressed bytes into `buffer`; 0 at the end of the input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            if reachedEnd { return 0 }
            if !consumerHasSlot {
                full.wait()
                consumerHasSlot = true
                consumerOffset = 0
            }
            let available = filledBytes[consumerSlot] - consumerOffset
            if available == 0 {
                if let failure = failures[consumerSlot] {
                    reachedEnd = true
                    throw failure
                }
                if filledBytes[consumerSlot] == 0 {
                    reachedEnd = true
                    return 0
                }
                consumerHasSlot = false
                consumerSlot = (consumerSlot + 1) % ReadAhead.slotCount
                free.signal()
                continue
            }
            let count = min(available, buffer.count)
            buffer.baseAddress!.copyMemory(from: slots[consumerSlot].baseAddress! + consumerOffset, byteCount: count)
            consumerOffset += count
            return count
        }
    }

    /// Stops the producer and waits for it, then frees the ring.
    func stop() {
        stopping.store(true, ordering: .releasing)
        free.signal()
        finished.wait()
        for slot in slots { slot.deallocate() }
    }
}
