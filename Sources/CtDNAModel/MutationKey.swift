/// A variant's identity: the same key in two tables is the same mutation.
public struct MutationKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Chromosome without a leading `chr`.
    public var chromosome: String
    /// 1-based start position.
    public var position: Int
    /// Reference allele.
    public var reference: String
    /// Alternate allele.
    public var alternate: String

    /// Creates a key; a leading `chr` on the chromosome is removed and the position and alleles
    /// are normalised (``AlleleNormalization``), so that `5:112174757:GAAGA:GGA` (a VCF's
    /// alleles) and `5:112174758:AA:-` are one key.
    public init(chromosome: String, position: Int, reference: String, alternate: String) {
        self.chromosome = MutationKey.normalizedChromosome(chromosome)
        (self.position, self.reference, self.alternate) = AlleleNormalization.normalized(
            position: position, reference: reference, alternate: alternate)
    }

    /// Creates a key from a chromosome that has no leading `chr` already and alleles already
    /// normalised (as a reader's records are).
    init(alreadyNormalized chromosome: String, position: Int, reference: String, alternate: String) {
        self.chromosome = chromosome
        self.position = position
        self.reference = reference
        self.alternate = alternate
    }

    /// `chrom:pos:ref:alt`, the form used in audit tables and block lists.
    public var description: String { "\(chromosome):\(position):\(reference):\(alternate)" }

    /// Orders keys by chromosome (1-22, X, Y, MT, then others by name), then position, then alleles.
    public static func < (lhs: MutationKey, rhs: MutationKey) -> Bool {
        // Keys compared while sorting or merging mostly share their chromosome: its rank is
        // read only when the names differ (equal names have equal ranks).
        if lhs.chromosome != rhs.chromosome {
            let l = chromosomeRank(lhs.chromosome), r = chromosomeRank(rhs.chromosome)
            if l != r { return l < r }
            return lhs.chromosome < rhs.chromosome
        }
        if lhs.position != rhs.position { return lhs.position < rhs.position }
        if lhs.reference != rhs.reference { return lhs.reference < rhs.reference }
        return lhs.alternate < rhs.alternate
    }

    /// Removes a leading `chr` (any letter case) from a chromosome name, and writes the
    /// mitochondrial chromosome `M` as `MT` (`chrM`, `M` and `MT` are one chromosome), as the
    /// variant table reader does.
    public static func normalizedChromosome(_ name: String) -> String {
        var name = Substring(name)
        let utf8 = name.utf8
        if utf8.count > 3 {
            var iterator = utf8.makeIterator()
            let c = iterator.next()! | 0x20, h = iterator.next()! | 0x20, r = iterator.next()! | 0x20
            if c == UInt8(ascii: "c") && h == UInt8(ascii: "h") && r == UInt8(ascii: "r") { name = name.dropFirst(3) }
        }
        return name == "M" || name == "m" ? "MT" : String(name)
    }

    /// 1-22 for autosomes, 23 X, 24 Y, 25 M/MT, 26 anything else; read from the bytes, without
    /// making strings (sorting calls this for every comparison).
    private static func chromosomeRank(_ name: String) -> Int {
        var number = 0
        var count = 0
        var letters: (UInt8, UInt8) = (0, 0)
        for byte in name.utf8 {
            count += 1
            if count > 2 { return 26 }
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                number = -1000
            }
            if count == 1 { letters.0 = byte | 0x20 } else { letters.1 = byte | 0x20 }
        }
        if number >= 1 && number <= 22 && !(count == 2 && letters.0 == UInt8(ascii: "0")) { return number }
        switch (count, letters.0, letters.1) {
        case (1, UInt8(ascii: "x"), _): return 23
        case (1, UInt8(ascii: "y"), _): return 24
        case (1, UInt8(ascii: "m"), _), (2, UInt8(ascii: "m"), UInt8(ascii: "t")): return 25
        default: return 26
        }
    }
}

extension MutationKey {
    /// Reads a key written as `chrom:pos:ref:alt` (the audit table's form); surrounding white
    /// space is ignored, a leading `chr` dropped and the alleles normalised (``AlleleNormalization``).
    /// - Parameter text: The key's text.
    /// - Returns: `nil` when the text does not have four non-empty parts with a position of 1 or more.
    public init?(parsing text: String) {
        let parts = CellText.trimmed(text).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 4, let position = Int(parts[1]), position >= 1, !parts[0].isEmpty, !parts[2].isEmpty,
            !parts[3].isEmpty
        else { return nil }
        self.init(
            chromosome: String(parts[0]), position: position, reference: String(parts[2]),
            alternate: String(parts[3]))
    }
}
