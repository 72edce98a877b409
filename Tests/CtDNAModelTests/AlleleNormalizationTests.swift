import CtDNAModel
import Testing

/// METHOD.md section 1's rule for one key across formats: remove the alleles' shared suffix,
/// then their shared prefix (the position moving past it); `-` for an empty allele; an
/// insertion at the base before it. Every expected key below is worked out by hand from that
/// rule, step by step in the comments.
@Suite("Allele normalisation")
struct AlleleNormalizationTests {
    static func normalized(_ position: Int, _ reference: String, _ alternate: String) -> String {
        let result = AlleleNormalization.normalized(position: position, reference: reference, alternate: alternate)
        return "\(result.position):\(result.reference):\(result.alternate)"
    }

    @Test(arguments: [
        // METHOD.md's example, VCF: GAAGA/GGA; suffix A, then G, shared -> GAA/G; prefix G -> AA/"" at 112174758.
        (112_174_757, "GAAGA", "GGA", "112174758:AA:-"),
        // ... and the MAF made from it: AAGA/GA; suffix A, then G -> AA/"" at 112174758.
        (112_174_758, "AAGA", "GA", "112174758:AA:-"),
        // VCF insertion A/AGT at 100: no shared suffix (A, T); prefix A -> ""/GT at 101; an insertion sits at the base before: 100.
        (100, "A", "AGT", "100:-:GT"),
        // MAF insertion -/GT at 100 (already the base before): unchanged.
        (100, "-", "GT", "100:-:GT"),
        // VCF deletion (EGFR exon 19): AGGAATTAAGAGAAGC/A; no suffix (C, A); prefix A -> 55242465.
        (55_242_464, "AGGAATTAAGAGAAGC", "A", "55242465:GGAATTAAGAGAAGC:-"),
        // MAF deletion: unchanged.
        (55_242_465, "GGAATTAAGAGAAGC", "-", "55242465:GGAATTAAGAGAAGC:-"),
        // SNV: unchanged.
        (7_577_120, "C", "T", "7577120:C:T"),
        // MNV padded by a caller: TTG/TTT; no suffix (G, T); prefix TT -> G/T at 115256530.
        (115_256_528, "TTG", "TTT", "115256530:G:T"),
        // MNV without padding: unchanged.
        (10, "AT", "GC", "10:AT:GC"),
        // Complex: ATG/ACC; no suffix (G, C); prefix A -> TG/CC at 11.
        (10, "ATG", "ACC", "11:TG:CC"),
        // Suffix first: CAT/CGAT; suffix T, A -> C/CG; prefix C -> ""/G at 101: an insertion, at 100.
        (100, "CAT", "CGAT", "100:-:G"),
        // The order matters: AAT/AT; suffix T, then A -> A/"" at 10 (prefix first would give 11).
        (10, "AAT", "AT", "10:A:-"),
        // A MAF deletion written with an anchor base: GA/G; no suffix (A, G); prefix G -> A/"" at 101.
        (100, "GA", "G", "101:A:-"),
    ])
    func keysFollowTheRule(position: Int, reference: String, alternate: String, expected: String) {
        #expect(Self.normalized(position, reference, alternate) == expected)
        // The rule changes nothing a second time.
        let once = AlleleNormalization.normalized(position: position, reference: reference, alternate: alternate)
        let twice = AlleleNormalization.normalized(position: once.position, reference: once.reference, alternate: once.alternate)
        #expect(once == twice)
    }

    /// The key itself applies the rule, so a list written with a VCF's alleles finds the MAF's mutation.
    @Test func keysAreNormalised() throws {
        let vcf = try #require(MutationKey(parsing: "chr5:112174757:GAAGA:GGA"))
        let maf = MutationKey(chromosome: "5", position: 112_174_758, reference: "AAGA", alternate: "GA")
        #expect(vcf == maf)
        #expect(vcf.description == "5:112174758:AA:-")
    }

    /// The byte form reports ranges within the alleles given.
    @Test func bytesGiveRanges() {
        let trimmed = Array("GAAGA".utf8).withUnsafeBytes { ref in
            Array("GGA".utf8).withUnsafeBytes { alt in AlleleNormalization.trim(position: 112_174_757, reference: ref, alternate: alt) }
        }
        #expect(trimmed == AlleleNormalization.Trimmed(position: 112_174_758, reference: 1..<3, alternate: 1..<1))
    }
}
