/// A gene and a protein change, the build-independent identity of a coding variant.
public struct GeneProteinChange: Sendable, Hashable {
    /// Upper-case gene symbol.
    public var gene: String
    /// Protein change without a `p.` prefix (`R882H`).
    public var change: String

    /// Creates the pair, normalising the gene to upper case, removing a `p.` prefix and writing
    /// a stop codon `Ter` as `*` (the list's `R635GfsTer16` is the MAF's `p.R635Gfs*16`).
    /// - Parameters:
    ///   - gene: gene symbol.
    ///   - change: protein change, with or without `p.` (`p.R882H` or `R882H`).
    public init(gene: String, change: String) {
        self.gene = CellText.trimmed(gene).uppercased()
        var text = CellText.trimmed(change)
        if text.hasPrefix("p.") { text.removeFirst(2) }
        self.change = text.replacingTer()
    }
}

/// A variant-level clonal-haematopoiesis or artifact block list.
///
/// A mutation matches by position key (`chrom:pos:ref:alt`, `chr` stripped) OR by gene and protein
/// change, because list and data may use different genome builds. It never drops a whole gene.
public struct CHVariantList: Sendable, Equatable {
    /// Listed position keys.
    public var keys: Set<MutationKey>
    /// Listed gene + protein changes.
    public var proteinChanges: Set<GeneProteinChange>
    /// When set, only variants in these (upper-case) genes are matched.
    public var genes: Set<String>?

    /// Creates a list.
    /// - Parameters:
    ///   - keys: position keys.
    ///   - proteinChanges: gene + protein change pairs.
    ///   - genes: optional gene restriction.
    public init(keys: Set<MutationKey> = [], proteinChanges: Set<GeneProteinChange> = [], genes: Set<String>? = nil) {
        self.keys = keys
        self.proteinChanges = proteinChanges
        self.genes = genes.map { Set($0.map { $0.uppercased() }) }
    }

    /// The same list matching only variants in the given genes.
    /// - Parameter genes: gene symbols (any case).
    /// - Returns: the restricted list.
    public func restricted(toGenes genes: Set<String>) -> CHVariantList {
        CHVariantList(keys: keys, proteinChanges: proteinChanges, genes: genes)
    }

    /// Whether a mutation is on the list.
    /// - Parameters:
    ///   - gene: the mutation's gene symbol, if known.
    ///   - key: its position key.
    ///   - proteinChange: its `HGVSp_Short`, if known.
    /// - Returns: `true` when the key or the gene + protein change is listed (and the gene passes
    ///   the restriction, when there is one).
    public func matches(gene: String?, key: MutationKey, proteinChange: String?) -> Bool {
        if let genes {
            guard let gene, genes.contains(gene.uppercased()) else { return false }
        }
        if keys.contains(key) { return true }
        guard let gene, let proteinChange, !proteinChange.isEmpty else { return false }
        return proteinChanges.contains(GeneProteinChange(gene: gene, change: proteinChange))
    }
}

/// (patient, mutation) pairs a user drops by hand.
public struct DropList: Sendable, Equatable {
    /// Keys to drop, per patient.
    public var entries: [String: Set<MutationKey>]

    /// Creates a drop list.
    /// - Parameter entries: keys to drop, per patient identifier.
    public init(entries: [String: Set<MutationKey>] = [:]) {
        self.entries = entries
    }

    /// Whether a patient's mutation is on the list.
    /// - Parameters:
    ///   - patient: patient identifier.
    ///   - key: mutation key.
    /// - Returns: `true` when listed.
    public func contains(patient: String, key: MutationKey) -> Bool {
        entries[patient]?.contains(key) ?? false
    }
}

extension String {
    /// Replaces every `Ter` (three-letter stop codon) with `*`.
    func replacingTer() -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: "Ter") {
            result += rest[rest.startIndex..<range.lowerBound]
            result += "*"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
