/// Somewhere bytes can be appended: an output file, a scratch file, or a buffer in a test.
///
/// Renderers write to a sink and know nothing of files; the system module provides the sinks
/// that are files.
public protocol ByteSink: AnyObject {
    /// Appends bytes.
    /// - Throws: What the sink's medium throws (for a file, a system error such as a full disk).
    func write(bytes: UnsafeRawBufferPointer) throws
}

extension ByteSink {
    /// Appends the UTF-8 bytes of a text.
    /// - Throws: What ``write(bytes:)`` throws.
    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Appends bytes.
    /// - Throws: What ``write(bytes:)`` throws.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write(bytes: $0) }
    }
}

/// A sink that keeps what it is given in memory: for tests, and for outputs small enough to
/// be built whole.
public final class ByteBuffer: ByteSink {
    /// Every byte written, in order.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty buffer.
    public init() {}

    /// Appends bytes.
    public func write(bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }

    /// The bytes as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
