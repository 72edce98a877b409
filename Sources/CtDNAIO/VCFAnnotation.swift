/// Gene, protein change and consequence of a VCF allele from VEP's `CSQ` or snpEff's `ANN`.
///
/// The transcript rule, for one ALT allele: of the annotation's comma-separated entries, only
/// those of this allele count (VEP: its `ALLELE_NUM` when the annotation has one, otherwise its
/// `Allele`; snpEff: its `Allele`). Among them VEP's entry flagged `PICK` comes first, then one
/// flagged `CANONICAL` = `YES`, then the first entry (VEP and snpEff list the most severe
/// consequences first). An allele without an entry has no annotation.
struct VCFAnnotationLayout: Sendable {
    /// Which annotation the sub-field indices below belong to.
    enum Source: Sendable { case vep, snpEff }

    let source: Source
    /// The INFO key (`CSQ` or `ANN`).
    let key: String
    let allele: Int
    let alleleNumber: Int?
    let gene: Int?
    let protein: Int?
    let consequence: Int?
    let pick: Int?
    let canonical: Int?
    /// VEP's gnomAD allele frequency sub-field (`gnomAD_AF`, or `gnomADe_AF`/`gnomADg_AF` in newer releases; `MAX_AF` not).
    let populationFrequency: Int?
    /// The highest sub-field index read, to stop splitting an entry early.
    let lastIndex: Int

    /// The layout of the header's `CSQ` (preferred) or `ANN`, or `nil` when it has neither with an allele sub-field.
    init?(header: VCFHeader) {
        func index(_ names: [String], _ wanted: String...) -> Int? {
            for name in wanted { if let found = names.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return found } }
            return nil
        }
        if let names = header.consequenceFields, let allele = index(names, "Allele") {
            source = .vep; key = "CSQ"
            self.allele = allele
            alleleNumber = index(names, "ALLELE_NUM")
            gene = index(names, "SYMBOL")
            protein = index(names, "HGVSp")
            consequence = index(names, "Consequence")
            pick = index(names, "PICK")
            canonical = index(names, "CANONICAL")
            populationFrequency = index(names, "gnomAD_AF", "gnomADe_AF", "gnomADg_AF")
        } else if let names = header.snpEffFields, let allele = index(names, "Allele") {
            source = .snpEff; key = "ANN"
            self.allele = allele
            alleleNumber = nil
            gene = index(names, "Gene_Name")
            protein = index(names, "HGVS.p")
            consequence = index(names, "Annotation")
            pick = nil
            canonical = nil
            populationFrequency = nil
        } else {
            return nil
        }
        lastIndex = [allele, alleleNumber, gene, protein, consequence, pick, canonical, populationFrequency].compactMap { $0 }.max()!
    }
}

/// The annotation chosen for one allele.
struct VCFAlleleAnnotation: Sendable, Equatable {
    var gene: String?
    var proteinChange: String?
    /// The MAF `Variant_Classification` of the entry's first consequence term.
    var variantClassification: String?
    var populationFrequency: Double?
}

enum VCFAnnotationText {
    /// Picks and reads the entry of one allele from an annotation's value.
    /// - Parameters:
    ///   - value: The INFO value (entries separated by `,`, sub-fields by `|`).
    ///   - layout: The sub-fields.
    ///   - alleleNumber: The ALT's 1-based number.
    ///   - alleleSpellings: How the annotation may write this ALT (as in the VCF, without the
    ///     shared first base, normalised).
    ///   - isDeletion: Whether the normalised variant removes bases (for `Frame_Shift_Del`/`Ins`).
    ///   - isInsertion: Whether it adds bases.
    static func annotation(
        _ value: Substring, layout: VCFAnnotationLayout, alleleNumber: Int, alleleSpellings: [Substring],
        isDeletion: Bool, isInsertion: Bool
    ) -> VCFAlleleAnnotation? {
        var chosen: [Substring]?
        var rank = 3  // 0: PICK, 1: CANONICAL, 2: first of the allele's entries
        for entry in value.split(separator: ",", omittingEmptySubsequences: true) {
            let fields = entry.split(separator: "|", maxSplits: layout.lastIndex + 1, omittingEmptySubsequences: false)
            func field(_ index: Int?) -> Substring? {
                guard let index, index < fields.count else { return nil }
                return fields[index]
            }
            let matches: Bool
            if let number = field(layout.alleleNumber), let parsed = Int(number) {
                matches = parsed == alleleNumber
            } else if let allele = field(layout.allele) {
                matches = alleleSpellings.contains(allele)
            } else {
                matches = false
            }
            guard matches else { continue }
            var entryRank = 2
            if let pick = field(layout.pick), pick == "1" { entryRank = 0 }
            else if let canonical = field(layout.canonical), canonical == "YES" { entryRank = 1 }
            if entryRank < rank {
                rank = entryRank
                chosen = fields
                if rank == 0 { break }
            }
        }
        guard let fields = chosen else { return nil }
        func text(_ index: Int?) -> String? {
            guard let index, index < fields.count, !fields[index].isEmpty else { return nil }
            return String(fields[index])
        }
        let consequence = text(layout.consequence).map { String($0.split(separator: "&").first ?? Substring($0)) }
        let frequency = text(layout.populationFrequency).flatMap { Double($0.split(separator: "&").first ?? "") }
        return VCFAlleleAnnotation(
            gene: text(layout.gene),
            proteinChange: text(layout.protein).map(shortProteinChange),
            variantClassification: consequence.map { mafClassification($0, isDeletion: isDeletion, isInsertion: isInsertion) },
            populationFrequency: frequency.flatMap { $0 >= 0 && $0 <= 1 ? $0 : nil })
    }

    /// Three-letter amino-acid codes and their one-letter forms (`Ter` is the stop, `*`).
    static let aminoAcids: [String: Character] = [
        "Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E", "Gly": "G",
        "His": "H", "Ile": "I", "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F", "Pro": "P", "Ser": "S",
        "Thr": "T", "Trp": "W", "Tyr": "Y", "Val": "V", "Ter": "*", "Sec": "U", "Pyl": "O", "Xaa": "X",
    ]

    /// A protein change as a MAF's `HGVSp_Short` writes it: VEP's
    /// `ENSP00000275493.2:p.Leu858Arg` and snpEff's `p.Leu858Arg` are both `p.L858R`; the
    /// transcript before `:` is dropped, each three-letter code becomes its one letter, and VEP's
    /// escaped `%3D` (synonymous) is `=`.
    static func shortProteinChange(_ text: String) -> String {
        var change = Substring(text)
        if let colon = change.lastIndex(of: ":") { change = change[change.index(after: colon)...] }
        let characters = Array(change.replacing("%3D", with: "="))
        var result = ""
        var index = 0
        while index < characters.count {
            if index + 3 <= characters.count, characters[index].isUppercase,
               let letter = aminoAcids[String(characters[index..<index + 3])] {
                result.append(letter)
                index += 3
            } else {
                result.append(characters[index])
                index += 1
            }
        }
        return result
    }

    /// The MAF `Variant_Classification` of a Sequence Ontology consequence term (as VEP and
    /// snpEff write them), the correspondence vcf2maf uses to make MAFs from VEP's output (so a
    /// VCF and the MAF made from it agree); a term it does not know is `Targeted_Region`.
    static func mafClassification(_ term: String, isDeletion: Bool, isInsertion: Bool) -> String {
        switch term {
        case "splice_acceptor_variant", "splice_donor_variant", "transcript_ablation", "exon_loss_variant":
            return "Splice_Site"
        case "stop_gained":
            return "Nonsense_Mutation"
        case "frameshift_variant":
            return isDeletion ? "Frame_Shift_Del" : isInsertion ? "Frame_Shift_Ins" : "Frame_Shift_Del"
        case "stop_lost":
            return "Nonstop_Mutation"
        case "start_lost", "initiator_codon_variant":
            return "Translation_Start_Site"
        case "inframe_insertion", "disruptive_inframe_insertion", "conservative_inframe_insertion":
            return "In_Frame_Ins"
        case "inframe_deletion", "disruptive_inframe_deletion", "conservative_inframe_deletion":
            return "In_Frame_Del"
        case "protein_altering_variant":
            return isDeletion ? "In_Frame_Del" : isInsertion ? "In_Frame_Ins" : "Missense_Mutation"
        case "missense_variant", "coding_sequence_variant", "conservative_missense_variant", "rare_amino_acid_variant":
            return "Missense_Mutation"
        case "transcript_amplification", "intron_variant", "INTRAGENIC", "intragenic_variant":
            return "Intron"
        case "splice_region_variant", "splice_donor_5th_base_variant", "splice_donor_region_variant", "splice_polypyrimidine_tract_variant":
            return "Splice_Region"
        case "incomplete_terminal_codon_variant", "synonymous_variant", "stop_retained_variant", "NMD_transcript_variant", "start_retained_variant":
            return "Silent"
        case "mature_miRNA_variant", "exon_variant", "non_coding_exon_variant", "non_coding_transcript_exon_variant",
             "non_coding_transcript_variant", "nc_transcript_variant":
            return "RNA"
        case "5_prime_UTR_variant", "5_prime_UTR_premature_start_codon_gain_variant":
            return "5'UTR"
        case "3_prime_UTR_variant":
            return "3'UTR"
        case "TF_binding_site_variant", "regulatory_region_variant", "regulatory_region", "intergenic_variant", "intergenic_region":
            return "IGR"
        case "upstream_gene_variant":
            return "5'Flank"
        case "downstream_gene_variant":
            return "3'Flank"
        default:
            return "Targeted_Region"
        }
    }
}
