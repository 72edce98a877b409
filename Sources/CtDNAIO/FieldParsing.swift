#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CtDNAModel

/// Reading single cells of a table from their bytes, without making a `String` first (the
/// missing-cell rule is ``CellText/isMissing(_:)-(UnsafeRawBufferPointer)``).
enum CellValue {
    /// A non-negative whole number of at most 18 digits, or `nil` when the cell is anything else.
    static func wholeNumber(_ cell: UnsafeRawBufferPointer) -> Int? {
        guard cell.count > 0, cell.count <= 18 else { return nil }
        var value = 0
        for byte in cell {
            let digit = Int(byte) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value &* 10 &+ digit
        }
        return value
    }

    /// A count written as a decimal with a zero fraction (`12.0`, `12.00`, as pandas writes an
    /// integer column that has missing cells), or `nil` when the cell is anything else (`12.5`,
    /// `12.`, `.0`). Called only after ``wholeNumber(_:)`` failed, so whole numbers pay nothing.
    static func wholeNumberWithZeroFraction(_ cell: UnsafeRawBufferPointer) -> Int? {
        guard let point = cell.firstIndex(of: UInt8(ascii: ".")), point > 0, point < cell.count - 1 else { return nil }
        for index in (point + 1)..<cell.count where cell[index] != UInt8(ascii: "0") { return nil }
        return wholeNumber(UnsafeRawBufferPointer(rebasing: cell[..<point]))
    }

    /// A finite decimal number (`0.25`, `1e-3`, `-2`), or `nil` when the cell is not one.
    static func real(_ cell: UnsafeRawBufferPointer) -> Double? {
        guard cell.count > 0, cell.count <= 64 else { return nil }
        for byte in cell {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                 UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return nil
            }
        }
        guard let value = Double(String(decoding: cell, as: UTF8.self)), value.isFinite else { return nil }
        return value
    }
}

/// Decodes UTF-8 bytes to a `String`, or `nil` when they are not valid UTF-8.
///
/// ASCII, by far the common case in variant tables, takes a fast path with no separate validation.
@inline(__always)
func validatedText(_ bytes: UnsafeRawBufferPointer) -> String? {
    let units = bytes.assumingMemoryBound(to: UInt8.self)
    var isASCII = true
    for byte in units where byte >= 0x80 {
        isASCII = false
        break
    }
    if isASCII { return String(decoding: units, as: UTF8.self) }
    return String(validating: units, as: UTF8.self)
}

/// The part `range` of an allele's bytes as text, `-` when the range is empty (the empty allele
/// of ``AlleleNormalization``); `nil` when the bytes are not valid UTF-8.
@inline(__always)
func alleleText(_ allele: UnsafeRawBufferPointer, _ range: Range<Int>) -> String? {
    if range.isEmpty { return "-" }
    if range.count == allele.count { return validatedText(allele) }
    return validatedText(UnsafeRawBufferPointer(rebasing: allele[range]))
}

/// A chromosome's name as the readers write it: without a leading `chr` (any letter case), and
/// `M` written `MT` (`chrM`, UCSC and GDC's GRCh38, is `MT`, Ensembl and GRCh37 MAFs); `nil` when
/// the cell is empty or not valid UTF-8. The text is kept in `cache` at `slot`, so a chromosome
/// repeated line after line is made once.
@inline(__always)
func chromosomeText(_ cell: UnsafeRawBufferPointer, cache: RepeatedTextCache, slot: Int) -> String? {
    guard !cell.isEmpty else { return nil }
    var bytes = cell
    if bytes.count > 3, (bytes[0] | 0x20) == UInt8(ascii: "c"), (bytes[1] | 0x20) == UInt8(ascii: "h"),
       (bytes[2] | 0x20) == UInt8(ascii: "r") {
        bytes = UnsafeRawBufferPointer(rebasing: bytes.dropFirst(3))
    }
    if bytes.count == 1 && (bytes[0] | 0x20) == UInt8(ascii: "m") { return "MT" }
    return cache.text(slot, of: bytes)
}

/// The index of the first `byte` in `bytes` at or after `start`, or `bytes.count` when there is
/// none (found with `memchr`, for the long INFO fields of annotated VCFs).
@inline(__always)
func index(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
    guard start < bytes.count, let found = memchr(bytes.baseAddress! + start, Int32(byte), bytes.count - start) else { return bytes.count }
    return UnsafeRawPointer(found) - bytes.baseAddress!
}

/// Finding a byte eight bytes at a time (little-endian byte order, as on every platform Swift
/// runs on here).
enum ByteSearch {
    /// The places of `byte` among the eight bytes of `bytes` from `start` (fewer when `end`
    /// comes first): the high bit of the mark's byte `k` is set when the byte at `start + k`
    /// is `byte`, so `trailingZeroBitCount >> 3` of the marks is the first place.
    ///
    /// Exact: the zero-byte test on (word XOR the byte repeated) carries from no byte into the next.
    @inline(__always)
    static func marks(of byte: UInt8, in bytes: UnsafeRawBufferPointer, at start: Int, end: Int) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let repeated = UInt64(byte) &* 0x0101_0101_0101_0101
        var word: UInt64
        if start &+ 8 <= end {
            word = bytes.baseAddress!.loadUnaligned(fromByteOffset: start, as: UInt64.self)
        } else {
            // Past `end`, bytes that are not `byte`.
            word = ~repeated
            withUnsafeMutableBytes(of: &word) { tail in
                tail.baseAddress!.copyMemory(from: bytes.baseAddress! + start, byteCount: end &- start)
            }
        }
        word ^= repeated
        return ~(((word & low7) &+ low7) | word | low7)
    }
}

/// Whether two byte ranges hold the same bytes.
@inline(__always)
func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
}

/// Keeps the texts made from each field's bytes (``InternedTexts``, one table per field), so a
/// column whose values repeat (sample, gene, chromosome, classification, `Unknown`) costs a
/// lookup, not a `String` per row.
final class RepeatedTextCache {
    /// The most texts kept per field: a gene panel's genes fit, a whole exome's do not.
    static let capacity = 512
    /// The longest cell kept, in bytes.
    static let longestCell = 64
    private let tables: [InternedTexts<Void>]

    init(fields: Int) {
        tables = (0..<fields).map { _ in InternedTexts(capacity: RepeatedTextCache.capacity, longestKept: RepeatedTextCache.longestCell) }
    }

    /// The cell as text, or `nil` when its bytes are not valid UTF-8.
    @inline(__always)
    func text(_ field: Int, of cell: UnsafeRawBufferPointer) -> String? {
        tables[field].entry(of: cell) { _ in () }?.text
    }
}
