import CZlib
#if ISAL
import CIsal
#endif

/// Which library inflates gzip data. zlib always; ISA-L (Intel's igzip, about twice zlib's speed
/// on x86-64) only in a build with the package trait `ISAL` (`swift build --traits ISAL`, needs
/// Debian's libisal-dev), where it is the default for gzip and BGZF input. zlib streams (RFC
/// 1950) are always inflated by zlib. Both check every member's CRC-32 and size; the bytes they
/// give are the same (tests hold them to it).
public enum InflateEngine: String, Sendable, CaseIterable {
    case zlib
    case isal

    /// The engines this build has.
    public static var available: [InflateEngine] {
        #if ISAL
        return [.zlib, .isal]
        #else
        return [.zlib]
        #endif
    }

    /// ISA-L when this build has it, else zlib.
    public static var preferred: InflateEngine { available.last! }
}

/// What one step of inflating did.
enum InflateStep {
    /// Bytes were consumed or produced; the member goes on.
    case progress
    /// The member's trailer was read and its checks passed.
    case memberEnd
    /// The data is corrupt: the words say why (the library's own, such as "incorrect data check").
    /// The fault lies `before` bytes before the end of the input consumed: ISA-L consumes input
    /// ahead into its bit buffer, and reads ISIZE before it checks the CRC-32, where zlib stops
    /// after the CRC-32; the position reported is zlib's, whichever library ran.
    case fault(String, before: Int)
    /// A zlib stream that asks for a preset dictionary.
    case needsDictionary
    /// The library could not allocate its memory.
    case outOfMemory
}

/// Inflates a gzip or zlib stream member by member, with zlib or ISA-L: the one place that
/// knows the libraries' calls, so that ``ByteReader`` reads the same way whichever runs.
final class StreamInflater {
    private let library: InflateLibraryState

    /// Sets up an inflater for `compression` (gzip or zlib).
    /// - Throws: The zlib status, as a message, when zlib cannot start.
    init(compression: Compression, engine: InflateEngine) throws(InflateStartFailure) {
        #if ISAL
        if engine == .isal && compression == .gzip {
            library = InflateLibraryState(isal: ())
            if case let .isal(isal) = library.handle {
                isal_inflate_init(isal)
                isal.pointee.crc_flag = UInt32(ISAL_GZIP)  // parses the header, checks CRC-32 and ISIZE
            }
            return
        }
        #endif
        // 15 + 32: the largest window, and let zlib recognise the gzip or zlib header itself.
        library = try InflateLibraryState(zlibWindowBits: 15 + 32)
    }

    /// Gets ready for the next gzip member.
    func startNextMember() {
        switch library.handle {
        case let .zlib(stream):
            inflateReset(stream)
        #if ISAL
        case let .isal(isal):
            isal_inflate_reset(isal)
            isal.pointee.crc_flag = UInt32(ISAL_GZIP)
        #endif
        }
    }

    /// Inflates from `input` into `output`.
    /// - Returns: The bytes consumed and produced, and what happened. With an empty `input`, the
    ///   library is only asked for output it holds back (ISA-L reads up to 8 bytes ahead).
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> (consumed: Int, produced: Int, step: InflateStep) {
        switch library.handle {
        case let .zlib(stream):
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(input.count)
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let status = CZlib.inflate(stream, Z_NO_FLUSH)
            let consumed = input.count - Int(stream.pointee.avail_in)
            let produced = output.count - Int(stream.pointee.avail_out)
            let step: InflateStep
            switch status {
            case Z_STREAM_END: step = .memberEnd
            case Z_OK, Z_BUF_ERROR: step = .progress
            case Z_NEED_DICT: step = .needsDictionary
            case Z_MEM_ERROR: step = .outOfMemory
            default: step = .fault(stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)", before: 0)
            }
            return (consumed, produced, step)
        #if ISAL
        case let .isal(isal):
            isal.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
            isal.pointee.avail_in = UInt32(input.count)
            isal.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
            isal.pointee.avail_out = UInt32(output.count)
            let status = isal_inflate(isal)
            let consumed = input.count - Int(isal.pointee.avail_in)
            let produced = output.count - Int(isal.pointee.avail_out)
            guard status >= 0 else {
                let buffered = Int(isal.pointee.read_in_length) / 8
                let isize = status == ISAL_INCORRECT_CHECKSUM ? 4 : 0
                return (consumed, produced, .fault(isalFault(status), before: buffered + isize))
            }
            return (consumed, produced, isal.pointee.block_state == ISAL_BLOCK_FINISH ? .memberEnd : .progress)
        #endif
        }
    }
}

#if ISAL
/// ISA-L's error codes in zlib's words, so that a message reads the same from either build.
func isalFault(_ status: Int32) -> String {
    switch status {
    case ISAL_INCORRECT_CHECKSUM: return "incorrect data check"
    case ISAL_INVALID_WRAPPER: return "incorrect header check"
    case ISAL_UNSUPPORTED_METHOD: return "unknown compression method"
    case ISAL_INVALID_BLOCK: return "invalid block type"
    case ISAL_INVALID_SYMBOL: return "invalid code"
    case ISAL_INVALID_LOOKBACK: return "invalid distance too far back"
    default: return "ISA-L status \(status)"
    }
}
#endif

/// zlib could not set up a stream (its status).
struct InflateStartFailure: Error {
    var status: Int32
}

/// The memory one library inflates in, a zlib stream or an ISA-L state: allocated, set up and
/// freed in one place for the stream inflater and the BGZF block inflater. Its user calls the
/// library on ``handle``; the state lives as long as this object.
final class InflateLibraryState {
    /// The library's state.
    enum Handle {
        case zlib(UnsafeMutablePointer<z_stream>)
        #if ISAL
        case isal(UnsafeMutablePointer<inflate_state>)
        #endif
    }

    /// The library's state.
    let handle: Handle

    /// A zlib stream, initialised with `windowBits` (15 + 32: a gzip or zlib header, recognised;
    /// -15: raw deflate).
    /// - Throws: The zlib status when zlib cannot start.
    init(zlibWindowBits: Int32) throws(InflateStartFailure) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = ctdna_inflateInit2(stream, zlibWindowBits)
        guard status == Z_OK else {
            stream.deallocate()
            throw InflateStartFailure(status: status)
        }
        handle = .zlib(stream)
    }

    #if ISAL
    /// An ISA-L state, allocated; its user calls `isal_inflate_init` before each member or block.
    init(isal: Void) {
        handle = .isal(.allocate(capacity: 1))
    }
    #endif

    deinit {
        switch handle {
        case let .zlib(stream):
            inflateEnd(stream)
            stream.deallocate()
        #if ISAL
        case let .isal(isal):
            isal.deallocate()
        #endif
        }
    }
}
