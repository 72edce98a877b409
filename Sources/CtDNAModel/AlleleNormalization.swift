/// The one rule that makes the same variant written two ways (a VCF's anchored alleles, a MAF's
/// `-` alleles, a caller's padded MNV) one ``MutationKey`` (METHOD.md section 1, "Variant calls in VCF").
///
/// 1. An allele written `-` is empty. An empty reference allele means an insertion, and its
///    position is then the base before the inserted bases (the MAF convention).
/// 2. The bases the two alleles share at their end are removed (shared suffix).
/// 3. Then the bases they share at their start are removed (shared prefix), the position moving
///    past each base removed.
/// 4. An allele left empty is written `-`; an insertion's position is the base before the
///    inserted bases.
///
/// So VCF `5 112174757 GAAGA GGA` and MAF `5 112174758 AAGA GA` are both `5:112174758:AA:-`, and
/// VCF `1 100 A AGT` and MAF `1 100 - GT` are both `1:100:-:GT`. A SNV, a MAF-style deletion
/// (`AAGA`, `-`) and a MAF-style insertion (`-`, `GT`) come out as they went in: the rule changes
/// nothing a second time. Bases are compared as written (no change of letter case).
public enum AlleleNormalization {
    /// The normalised position and the ranges of the two alleles' bytes that remain.
    public struct Trimmed: Equatable, Sendable {
        /// The key's position (for an insertion, the base before it).
        public var position: Int
        /// The reference bytes that remain (empty: written `-`).
        public var reference: Range<Int>
        /// The alternate bytes that remain (empty: written `-`).
        public var alternate: Range<Int>

        /// Creates a result.
        @inlinable
        public init(position: Int, reference: Range<Int>, alternate: Range<Int>) {
            self.position = position
            self.reference = reference
            self.alternate = alternate
        }
    }

    /// Whether an allele is written `-` (the empty allele).
    @inlinable @inline(__always)
    public static func isDash(_ allele: UnsafeRawBufferPointer) -> Bool {
        allele.count == 1 && allele[0] == UInt8(ascii: "-")
    }

    /// Applies the rule to two alleles given as bytes.
    ///
    /// Costs two byte comparisons for a SNV (nothing to remove); no allocation.
    /// - Parameters:
    ///   - position: The 1-based position of the reference allele's first base, or, when the
    ///     reference allele is empty (`-`), of the base before the insertion.
    ///   - reference: The reference allele's bytes (`-` for none).
    ///   - alternate: The alternate allele's bytes (`-` for none).
    /// - Returns: The position and the remaining byte ranges of each allele.
    @inlinable
    public static func trim(position: Int, reference: UnsafeRawBufferPointer, alternate: UnsafeRawBufferPointer) -> Trimmed {
        var refStart = 0, refEnd = isDash(reference) ? 0 : reference.count
        var altStart = 0, altEnd = isDash(alternate) ? 0 : alternate.count
        // Where the reference allele's first base sits: after the anchor for an empty one.
        var start = refEnd == 0 ? position + 1 : position
        while refEnd > refStart && altEnd > altStart && reference[refEnd - 1] == alternate[altEnd - 1] {
            refEnd -= 1
            altEnd -= 1
        }
        while refStart < refEnd && altStart < altEnd && reference[refStart] == alternate[altStart] {
            refStart += 1
            altStart += 1
            start += 1
        }
        return Trimmed(position: refStart == refEnd ? start - 1 : start, reference: refStart..<refEnd, alternate: altStart..<altEnd)
    }

    /// Applies the rule to two alleles given as text.
    /// - Parameters:
    ///   - position: As for ``trim(position:reference:alternate:)``.
    ///   - reference: The reference allele (`-` for none).
    ///   - alternate: The alternate allele (`-` for none).
    /// - Returns: The key's position and alleles, an empty allele written `-`.
    public static func normalized(position: Int, reference: String, alternate: String) -> (position: Int, reference: String, alternate: String) {
        var referenceBytes = reference, alternateBytes = alternate
        return referenceBytes.withUTF8 { ref in
            alternateBytes.withUTF8 { alt in
                let ref = UnsafeRawBufferPointer(ref), alt = UnsafeRawBufferPointer(alt)
                let trimmed = trim(position: position, reference: ref, alternate: alt)
                if trimmed.reference.count == ref.count && trimmed.alternate.count == alt.count {
                    return (trimmed.position, reference, alternate)
                }
                return (trimmed.position, text(ref, trimmed.reference), text(alt, trimmed.alternate))
            }
        }
    }

    /// The bytes of `range` as text, `-` when the range is empty.
    public static func text(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        range.isEmpty ? "-" : String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
