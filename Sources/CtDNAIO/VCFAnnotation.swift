/// Gene, protein change and consequence of a VCF allele from VEP's `CSQ` or snpEff's `ANN`.
///
/// The transcript rule, for one ALT allele: of the annotation's comma-separated entries, only
/// those of this allele count (VEP: its `ALLELE_NUM` when the annotation has one, otherwise its
/// `Allele`; snpEff: its `Allele`). Among them VEP's entry flagged `PICK` comes first, then one
/// flagged `CANONICAL` = `YES`, then the first entry (VEP and snpEff list the most severe
/// consequences first). An allele without an entry has no annotation.
///
/// The layout holds the positions of the sub-fields read, counted from 0 in each entry.
struct VCFAnnotationLayout: Sendable {
    /// The INFO key (`CSQ` or `ANN`).
    let key: StaticString
    /// `Allele`: the allele the entry is for, as the annotator writes it.
    let allele: Int
    /// VEP's `ALLELE_NUM` (with `--allele_number`): the ALT's 1-based number.
    let alleleNumber: Int?
    /// `SYMBOL` (VEP) or `Gene_Name` (snpEff).
    let gene: Int?
    /// `HGVSp` (VEP) or `HGVS.p` (snpEff).
    let protein: Int?
    /// `Consequence` (VEP) or `Annotation` (snpEff): `&`-joined Sequence Ontology terms.
    let consequence: Int?
    /// VEP's `PICK` (with `--flag_pick`): `1` on the entry VEP chose.
    let pick: Int?
    /// VEP's `CANONICAL`: `YES` on the canonical transcript's entry.
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
            key = "CSQ"
            self.allele = allele
            alleleNumber = index(names, "ALLELE_NUM")
            gene = index(names, "SYMBOL")
            protein = index(names, "HGVSp")
            consequence = index(names, "Consequence")
            pick = index(names, "PICK")
            canonical = index(names, "CANONICAL")
            populationFrequency = index(names, "gnomAD_AF", "gnomADe_AF", "gnomADg_AF")
        } else if let names = header.snpEffFields, let allele = index(names, "Allele") {
            key = "ANN"
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

/// Reads the entry of one allele from a `CSQ` or `ANN` value, on its bytes: the entries and
/// sub-fields are located without making strings, and only the chosen entry's gene, protein
/// change and consequence become text (each distinct gene and consequence term is made text,
/// and classified, once per file: ``InternedTexts``).
final class VCFAnnotationReader {
    private let layout: VCFAnnotationLayout
    /// The sub-field ranges of the entry being looked at, and of the entry chosen so far: room
    /// for `layout.lastIndex + 1` each, made once (an entry is split no further).
    @exclusivity(unchecked) private var fields: UnsafeMutableBufferPointer<Range<Int>>
    @exclusivity(unchecked) private var chosen: UnsafeMutableBufferPointer<Range<Int>>
    @exclusivity(unchecked) private var fieldCount = 0
    @exclusivity(unchecked) private var chosenCount = 0
    /// Genes, and consequence terms with their MAF classes, by their bytes.
    private let genes = InternedTexts<Void>()
    private let terms = InternedTexts<VCFAnnotationText.Classes>()
    /// Room for a protein change being shortened, grown to the longest met.
    @exclusivity(unchecked) private var protein = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 1)

    init(layout: VCFAnnotationLayout) {
        self.layout = layout
        fields = .allocate(capacity: layout.lastIndex + 1)
        chosen = .allocate(capacity: layout.lastIndex + 1)
    }

    deinit {
        fields.deallocate()
        chosen.deallocate()
        protein.deallocate()
    }

    /// Picks and reads the entry of one allele (the rule of ``VCFAnnotationLayout``).
    /// - Parameters:
    ///   - value: The INFO value (entries separated by `,`, sub-fields by `|`).
    ///   - alleleNumber: The ALT's 1-based number.
    ///   - spellings: How the annotation may write this ALT: as the VCF does, normalised, and
    ///     without the base all alleles share at their start (VEP).
    ///   - isDeletion: Whether the normalised variant removes bases (for `Frame_Shift_Del`/`Ins`).
    ///   - isInsertion: Whether it adds bases.
    /// - Returns: The allele's annotation, or `nil` when no entry is the allele's.
    func annotation(
        _ value: UnsafeRawBufferPointer, alleleNumber: Int, spellings: (UnsafeRawBufferPointer, UnsafeRawBufferPointer, UnsafeRawBufferPointer?),
        isDeletion: Bool, isInsertion: Bool
    ) -> VCFAlleleAnnotation? {
        let last = layout.lastIndex
        var rank = 3  // 0: PICK, 1: CANONICAL, 2: the first of the allele's entries
        var entryStart = 0
        while entryStart < value.count {
            let entryEnd = index(of: UInt8(ascii: ","), in: value, from: entryStart)
            defer { entryStart = entryEnd + 1 }
            // The entry's sub-fields up to the last one read, bars found a word at a time.
            fieldCount = 0
            var fieldStart = entryStart
            var cursor = entryStart
            splitting: while cursor < entryEnd {
                var marks = ByteSearch.marks(of: UInt8(ascii: "|"), in: value, at: cursor, end: entryEnd)
                while marks != 0 {
                    let bar = cursor + marks.trailingZeroBitCount >> 3
                    fields[fieldCount] = fieldStart..<bar
                    fieldCount += 1
                    fieldStart = bar + 1
                    if fieldCount > last { break splitting }
                    marks &= marks - 1
                }
                cursor += 8
            }
            if fieldCount <= last {
                fields[fieldCount] = fieldStart..<entryEnd
                fieldCount += 1
            }
            func field(_ position: Int?) -> UnsafeRawBufferPointer? {
                guard let position, position < fieldCount else { return nil }
                return UnsafeRawBufferPointer(rebasing: value[fields[position]])
            }
            let matches: Bool
            if let number = field(layout.alleleNumber), let parsed = CellValue.wholeNumber(number) {
                matches = parsed == alleleNumber
            } else if let allele = field(layout.allele) {
                matches = sameBytes(allele, spellings.0) || sameBytes(allele, spellings.1)
                    || spellings.2.map { sameBytes(allele, $0) } == true
            } else {
                matches = false
            }
            guard matches else { continue }
            var entryRank = 2
            if let pick = field(layout.pick), pick.count == 1, pick[0] == UInt8(ascii: "1") { entryRank = 0 }
            else if let canonical = field(layout.canonical), canonical.count == 3, canonical[0] == UInt8(ascii: "Y"),
                    canonical[1] == UInt8(ascii: "E"), canonical[2] == UInt8(ascii: "S") { entryRank = 1 }
            if entryRank < rank {
                rank = entryRank
                swap(&chosen, &fields)
                chosenCount = fieldCount
                if rank == 0 { break }
            }
        }
        guard rank < 3 else { return nil }
        func bytes(_ position: Int?) -> UnsafeRawBufferPointer? {
            guard let position, position < chosenCount, !chosen[position].isEmpty else { return nil }
            return UnsafeRawBufferPointer(rebasing: value[chosen[position]])
        }
        /// The part before the first `&` (VEP joins several terms or values with it).
        func firstTerm(_ field: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: field[..<(field.firstIndex(of: UInt8(ascii: "&")) ?? field.count)])
        }
        var annotation = VCFAlleleAnnotation()
        annotation.gene = bytes(layout.gene).flatMap { genes.entry(of: $0) { _ in () }?.text }
        annotation.proteinChange = bytes(layout.protein).flatMap(shortProteinChange)
        if let consequence = bytes(layout.consequence),
           let classes = terms.entry(of: firstTerm(consequence), VCFAnnotationText.classes(of:))?.payload {
            annotation.variantClassification = isDeletion ? classes.deletion : isInsertion ? classes.insertion : classes.other
        }
        if let frequency = bytes(layout.populationFrequency).flatMap({ CellValue.real(firstTerm($0)) }), frequency >= 0, frequency <= 1 {
            annotation.populationFrequency = frequency
        }
        return annotation
    }

    /// A protein change as a MAF's `HGVSp_Short` writes it: VEP's `ENSP00000275493.2:p.Leu858Arg`
    /// and snpEff's `p.Leu858Arg` are both `p.L858R`; the transcript before `:` is dropped, each
    /// three-letter code becomes its one letter, and VEP's escaped `%3D` (synonymous) is `=`.
    /// `nil` when the bytes are not UTF-8.
    private func shortProteinChange(_ field: UnsafeRawBufferPointer) -> String? {
        var start = 0
        if let colon = field.lastIndex(of: UInt8(ascii: ":")) { start = colon + 1 }
        // The short form is never longer than the field.
        if field.count > protein.count {
            protein.deallocate()
            protein = .allocate(byteCount: field.count, alignment: 1)
        }
        var length = 0
        var index = start
        while index < field.count {
            let byte = field[index]
            if index + 3 <= field.count {
                if byte == UInt8(ascii: "%") && field[index + 1] == UInt8(ascii: "3") && (field[index + 2] | 0x20) == UInt8(ascii: "d") {
                    protein[length] = UInt8(ascii: "=")
                    length += 1
                    index += 3
                    continue
                }
                if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"),
                   let letter = VCFAnnotationText.oneLetter(byte, field[index + 1], field[index + 2]) {
                    protein[length] = letter
                    length += 1
                    index += 3
                    continue
                }
            }
            protein[length] = byte
            length += 1
            index += 1
        }
        return validatedText(UnsafeRawBufferPointer(rebasing: protein[..<length]))
    }
}

/// The vocabularies an annotation is translated with: amino-acid codes and consequence classes.
enum VCFAnnotationText {
    /// The one-letter code of a three-letter amino-acid code given as bytes (`Leu` is `L`, `Ter`
    /// the stop, `*`); `nil` for anything else.
    static func oneLetter(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8? {
        guard let place = codePlace(a, b, c) else { return nil }
        let letter = oneLetterCodes[place]
        return letter == 0 ? nil : letter
    }

    /// The place of a three-letter code in ``oneLetterCodes``: every code is an upper-case
    /// letter then two lower-case ones, a place in a table of 26^3; `nil` for other bytes.
    private static func codePlace(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int? {
        let first = a &- UInt8(ascii: "A"), second = b &- UInt8(ascii: "a"), third = c &- UInt8(ascii: "a")
        guard first < 26, second < 26, third < 26 else { return nil }
        return (Int(first) * 26 + Int(second)) * 26 + Int(third)
    }

    /// Three-letter amino-acid codes, each at its place (``oneLetter(_:_:_:)``), and their
    /// one-letter forms; 0 where no code is.
    private static let oneLetterCodes: [UInt8] = {
        let codes: [(String, Character)] = [
            ("Ala", "A"), ("Arg", "R"), ("Asn", "N"), ("Asp", "D"), ("Cys", "C"), ("Gln", "Q"), ("Glu", "E"), ("Gly", "G"),
            ("His", "H"), ("Ile", "I"), ("Leu", "L"), ("Lys", "K"), ("Met", "M"), ("Phe", "F"), ("Pro", "P"), ("Ser", "S"),
            ("Thr", "T"), ("Trp", "W"), ("Tyr", "Y"), ("Val", "V"), ("Ter", "*"), ("Sec", "U"), ("Pyl", "O"), ("Xaa", "X"),
        ]
        var table = [UInt8](repeating: 0, count: 26 * 26 * 26)
        for (code, letter) in codes {
            let bytes = Array(code.utf8)
            table[codePlace(bytes[0], bytes[1], bytes[2])!] = letter.asciiValue!
        }
        return table
    }()

    /// A consequence term's MAF `Variant_Classification` for a deletion, an insertion and any
    /// other variant (they differ only for terms whose MAF class names the indel's direction).
    struct Classes: Sendable {
        var deletion: String
        var insertion: String
        var other: String
    }

    /// The MAF `Variant_Classification`s of a Sequence Ontology consequence term (as VEP and
    /// snpEff write them), the correspondence vcf2maf uses to make MAFs from VEP's output (so a
    /// VCF and the MAF made from it agree); a term it does not know is `Targeted_Region`.
    static func classes(of term: String) -> Classes {
        classifications[term] ?? Classes(deletion: "Targeted_Region", insertion: "Targeted_Region", other: "Targeted_Region")
    }

    /// Each known term's classes.
    private static let classifications: [String: Classes] = {
        var table: [String: Classes] = [:]
        func same(_ terms: [String], _ name: String) { for term in terms { table[term] = Classes(deletion: name, insertion: name, other: name) } }
        same(["splice_acceptor_variant", "splice_donor_variant", "transcript_ablation", "exon_loss_variant"], "Splice_Site")
        same(["stop_gained"], "Nonsense_Mutation")
        table["frameshift_variant"] = Classes(deletion: "Frame_Shift_Del", insertion: "Frame_Shift_Ins", other: "Frame_Shift_Del")
        same(["stop_lost"], "Nonstop_Mutation")
        same(["start_lost", "initiator_codon_variant"], "Translation_Start_Site")
        same(["inframe_insertion", "disruptive_inframe_insertion", "conservative_inframe_insertion"], "In_Frame_Ins")
        same(["inframe_deletion", "disruptive_inframe_deletion", "conservative_inframe_deletion"], "In_Frame_Del")
        table["protein_altering_variant"] = Classes(deletion: "In_Frame_Del", insertion: "In_Frame_Ins", other: "Missense_Mutation")
        same(["missense_variant", "coding_sequence_variant", "conservative_missense_variant", "rare_amino_acid_variant"], "Missense_Mutation")
        same(["transcript_amplification", "intron_variant", "INTRAGENIC", "intragenic_variant"], "Intron")
        same(["splice_region_variant", "splice_donor_5th_base_variant", "splice_donor_region_variant", "splice_polypyrimidine_tract_variant"], "Splice_Region")
        same(["incomplete_terminal_codon_variant", "synonymous_variant", "stop_retained_variant", "NMD_transcript_variant", "start_retained_variant"], "Silent")
        same(["mature_miRNA_variant", "exon_variant", "non_coding_exon_variant", "non_coding_transcript_exon_variant",
              "non_coding_transcript_variant", "nc_transcript_variant"], "RNA")
        same(["5_prime_UTR_variant", "5_prime_UTR_premature_start_codon_gain_variant"], "5'UTR")
        same(["3_prime_UTR_variant"], "3'UTR")
        same(["TF_binding_site_variant", "regulatory_region_variant", "regulatory_region", "intergenic_variant", "intergenic_region"], "IGR")
        same(["upstream_gene_variant"], "5'Flank")
        same(["downstream_gene_variant"], "3'Flank")
        return table
    }()
}
