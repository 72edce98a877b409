import CZlib
#if ISAL
import CIsal
#endif

/// One BGZF block (SAMv1 specification, section 4.1): a gzip member of at most 64 KiB whose
/// header carries its own length in the `BC` extra subfield, so that a reader can find the next
/// block without inflating this one. bgzip, tabix and htslib write them; blocks are independent,
/// which is what lets ``ParallelBlockReadAhead`` inflate several at once.
///
/// Layout: `1f 8b 08 04` (FLG = FEXTRA only), MTIME, XFL, OS, XLEN, the extra subfields (one of
/// them `B C`, length 2, BSIZE = block length - 1), the raw deflate data, CRC-32 and ISIZE.
enum BGZFBlock {
    /// Bytes before the extra subfields: the fixed gzip header and XLEN.
    static let fixedHeaderSize = 12
    /// Bytes after the deflate data: CRC-32 and ISIZE.
    static let trailerSize = 8
    /// Enough bytes to read a block's length: the fixed header and the `BC` subfield when it
    /// comes first, as bgzip writes it.
    static let headerBytesNeeded = 18
    /// The largest block BSIZE allows.
    static let maximumSize = 1 << 16

    /// The length of the block that starts at `bytes`, or `nil` when they do not start a BGZF
    /// block (plain gzip, or a gzip member with a file name, a comment or a header CRC).
    /// - Parameter bytes: At least the block's fixed header and extra field (XLEN bytes after
    ///   the first 12); fewer gives `nil`.
    static func length(ofBlockAt bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= fixedHeaderSize, bytes[0] == 0x1f, bytes[1] == 0x8b, bytes[2] == 8, bytes[3] == 4 else {
            return nil
        }
        let extraLength = Int(bytes[10]) | Int(bytes[11]) << 8
        let extraEnd = fixedHeaderSize + extraLength
        guard bytes.count >= extraEnd else { return nil }
        var field = fixedHeaderSize
        while field + 4 <= extraEnd {
            let fieldLength = Int(bytes[field + 2]) | Int(bytes[field + 3]) << 8
            if bytes[field] == UInt8(ascii: "B"), bytes[field + 1] == UInt8(ascii: "C"), fieldLength == 2, field + 6 <= extraEnd {
                let length = (Int(bytes[field + 4]) | Int(bytes[field + 5]) << 8) + 1
                return length >= extraEnd + trailerSize ? length : nil
            }
            field += 4 + fieldLength
        }
        return nil
    }

    /// Where a block's deflate data starts (after its extra field).
    static func dataOffset(_ block: UnsafeRawBufferPointer) -> Int {
        fixedHeaderSize + (Int(block[10]) | Int(block[11]) << 8)
    }

    /// The CRC-32 recorded in a block's trailer.
    static func recordedCRC(_ block: UnsafeRawBufferPointer) -> UInt32 {
        littleEndian32(block, at: block.count - trailerSize)
    }

    /// The uncompressed size recorded in a block's trailer (ISIZE).
    static func recordedSize(_ block: UnsafeRawBufferPointer) -> Int {
        Int(littleEndian32(block, at: block.count - 4))
    }

    private static func littleEndian32(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}

/// Inflates whole BGZF blocks one at a time, checking each block's CRC-32 and size. One per
/// inflating thread, used by that thread alone. zlib inflates the raw deflate data (a stream
/// reset between blocks) and the CRC-32 is computed here; ISA-L reads the whole member itself,
/// header and trailer checks included.
final class BGZFBlockInflater: @unchecked Sendable {
    private let library: InflateLibraryState

    /// - Parameters:
    ///   - path: The file, for the message when zlib cannot start.
    ///   - engine: The library that inflates.
    init(path: String, engine: InflateEngine) throws {
        #if ISAL
        if engine == .isal {
            library = InflateLibraryState(isal: ())
            return
        }
        #endif
        do {
            // -15: raw deflate, the largest window; the gzip header and trailer are read here.
            library = try InflateLibraryState(zlibWindowBits: -15)
        } catch {
            throw InputError(file: path, message: "cannot start decompression (zlib status \(error.status))")
        }
    }

    /// Inflates one block into the start of `output`.
    /// - Parameters:
    ///   - block: The whole block, header to trailer (its length from ``BGZFBlock/length(ofBlockAt:)``).
    ///   - output: Room for at least the block's recorded size.
    /// - Returns: The number of bytes written, which is the block's recorded size.
    /// - Throws: Words (without the file's name) saying why the block is corrupt: its data does
    ///   not inflate, does not end where the trailer begins, or disagrees with its CRC or size.
    func inflate(_ block: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(BGZFBlockFault) -> Int {
        let produced: Int
        switch library.handle {
        case let .zlib(stream):
            let start = BGZFBlock.dataOffset(block)
            inflateReset(stream)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: (block.baseAddress! + start).assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(block.count - BGZFBlock.trailerSize - start)
            stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let status = CZlib.inflate(stream, Z_FINISH)
            produced = output.count - Int(stream.pointee.avail_out)
            guard status == Z_STREAM_END, stream.pointee.avail_in == 0 else {
                throw BGZFBlockFault(message: stream.pointee.msg.map { String(cString: $0) } ?? "the deflate data does not end where the block's trailer begins")
            }
            guard produced == BGZFBlock.recordedSize(block) else {
                throw BGZFBlockFault(message: "incorrect length check")
            }
            let crc = UInt32(crc32_z(0, output.baseAddress!.assumingMemoryBound(to: Bytef.self), produced))
            guard crc == BGZFBlock.recordedCRC(block) else {
                throw BGZFBlockFault(message: "incorrect data check")
            }
        #if ISAL
        case let .isal(isal):
            isal_inflate_init(isal)
            isal.pointee.crc_flag = UInt32(ISAL_GZIP)  // parses the header, checks CRC-32 and ISIZE
            isal.pointee.next_in = UnsafeMutablePointer(mutating: block.baseAddress!.assumingMemoryBound(to: UInt8.self))
            isal.pointee.avail_in = UInt32(block.count)
            isal.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)
            isal.pointee.avail_out = UInt32(output.count)
            let status = isal_inflate(isal)
            produced = output.count - Int(isal.pointee.avail_out)
            guard status >= 0 else { throw BGZFBlockFault(message: isalFault(status)) }
            guard isal.pointee.block_state == ISAL_BLOCK_FINISH, isal.pointee.avail_in == 0 else {
                throw BGZFBlockFault(message: "the deflate data does not end where the block's trailer begins")
            }
            guard produced == BGZFBlock.recordedSize(block) else {
                throw BGZFBlockFault(message: "incorrect length check")
            }
        #endif
        }
        return produced
    }
}

/// Why one BGZF block could not be inflated, in zlib's words where zlib found it.
struct BGZFBlockFault: Error {
    var message: String
}
