#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNAModel

/// Splits a `ByteReader`'s content into lines, on bytes, before any text decoding.
///
/// Line ends may be LF, CRLF or CR alone (old Mac files); the first line end in the input
/// decides which. The last line needs no line end. Empty lines are skipped but still counted,
/// so line numbers match what an editor shows. A line may be up to ``maximumLineLength`` bytes
/// long: the buffer grows to hold the longest line, and no more.
public struct LineReader: ~Copyable {
    private enum LineEnd { case unknown, lineFeed, carriageReturn }

    private let source: ByteReader
    private var buffer: UnsafeMutableRawBufferPointer
    private var lineEnd = LineEnd.unknown
    /// The number of the last line handed out (or skipped as empty).
    public private(set) var lineNumber = 0

    /// The size of the buffer that decompressed bytes are written to; it grows for longer lines.
    public static let initialBufferSize = 256 * 1024

    /// The longest line read (256 MiB; a MAF line is a few KB): a file without line ends, such
    /// as `/dev/zero` or a binary, is an error once this much is read, not a buffer that grows
    /// until memory runs out.
    public static let maximumLineLength = 256 << 20

    /// Creates a line reader over `source`.
    public init(source: ByteReader) {
        self.source = source
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: LineReader.initialBufferSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// The file the lines come from, as the user named it.
    public var path: String { source.path }

    /// The byte reader underneath (for its digest and byte count once the lines are read).
    public var byteReader: ByteReader { source }

    /// Calls `body` with each non-empty line, without its line end, and the line's number.
    ///
    /// The bytes are only valid during the call.
    /// - Parameter body: Receives the line and its 1-based number; returns `false` to stop early.
    /// - Throws: Whatever the byte reader or `body` throws.
    public mutating func forEachLine(
        _ body: (_ line: UnsafeRawBufferPointer, _ number: Int) throws -> Bool
    ) throws {
        var start = 0
        var end = 0
        // Where the search for the current line's end resumes: the bytes before it are known
        // to hold none, so a long line is searched once, not again after every read.
        var searched = 0
        var endOfInput = false
        while true {
            let base = UnsafeRawPointer(buffer.baseAddress!)
            scanning: while start < end {
                let terminator: Int
                let from = max(start, searched)
                switch lineEnd {
                case .lineFeed:
                    guard let found = memchr(base + from, 0x0a, end - from) else { searched = end; break scanning }
                    terminator = UnsafeRawPointer(found) - base
                case .carriageReturn:
                    guard let found = memchr(base + from, 0x0d, end - from) else { searched = end; break scanning }
                    terminator = UnsafeRawPointer(found) - base
                case .unknown:
                    guard let found = firstLineEnd(base, from: from, to: end) else { searched = end; break scanning }
                    if buffer[found] == 0x0d {
                        if found + 1 == end && !endOfInput { searched = found; break scanning }  // is an LF next?
                        lineEnd = (found + 1 < end && buffer[found + 1] == 0x0a) ? .lineFeed : .carriageReturn
                        terminator = lineEnd == .lineFeed ? found + 1 : found
                    } else {
                        lineEnd = .lineFeed
                        terminator = found
                    }
                }
                lineNumber += 1
                var lineStop = terminator
                if lineEnd == .lineFeed && lineStop > start && buffer[lineStop - 1] == 0x0d { lineStop -= 1 }
                if lineStop > start {
                    guard try body(UnsafeRawBufferPointer(start: base + start, count: lineStop - start), lineNumber) else { return }
                }
                start = terminator + 1
            }
            if endOfInput {
                if start < end {
                    lineNumber += 1
                    var lineStop = end
                    if buffer[lineStop - 1] == 0x0d { lineStop -= 1 }
                    if lineStop > start {
                        _ = try body(UnsafeRawBufferPointer(start: base + start, count: lineStop - start), lineNumber)
                    }
                }
                return
            }
            // Keep the unfinished line, make room, read more.
            if start > 0 {
                if end > start { memmove(buffer.baseAddress!, buffer.baseAddress! + start, end - start) }
                end -= start
                searched = max(0, searched - start)
                start = 0
            }
            if end == buffer.count {
                guard buffer.count < LineReader.maximumLineLength else {
                    throw InputError(
                        file: source.path, line: lineNumber + 1,
                        message: "a line longer than \(LineReader.maximumLineLength >> 20) MiB: not a variant table, or its lines do not end in LF, CRLF or CR")
                }
                grow()
            }
            let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            if count == 0 { endOfInput = true }
            end += count
        }
    }

    private mutating func grow() {
        let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 16)
        larger.copyMemory(from: UnsafeRawBufferPointer(buffer))
        buffer.deallocate()
        buffer = larger
    }

    private func firstLineEnd(_ base: UnsafeRawPointer, from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            if byte == 0x0a || byte == 0x0d { return index }
            index += 1
        }
        return nil
    }
}
