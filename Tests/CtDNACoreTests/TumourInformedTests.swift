import CtDNACore
import CtDNAModel
import Testing
import TestSupport

/// The tumour-informed mode (METHOD.md 3.9): m by each step of the published rule, p, and the
/// patient's fraction. Every expected value is worked out by hand in the comment beside it
/// (N = 2 unless a male's X or Y).
@Suite("Tumour-informed fraction")
struct TumourInformedTests {
    /// A tissue row of `1:position:C:T` (or another chromosome).
    func tissue(
        _ position: Int = 1, chromosome: String = "1", tcn: Double?, lcn: Double?, expected: Double? = nil,
        purity: Double? = nil, alt: Int? = nil, ref: Int? = nil, clonal: Bool? = nil
    ) -> TissueMutation {
        TissueMutation(
            key: MutationKey(chromosome: chromosome, position: position, reference: "C", alternate: "T"),
            totalCopies: tcn, minorCopies: lcn, expectedAltCopies: expected, purity: purity, altCount: alt,
            refCount: ref, isClonal: clonal)
    }

    func m(_ row: TissueMutation, n: Double = 2) -> MutantCopies? {
        try? mutantCopies(of: row, normalCopies: n).get()
    }

    func p(_ af: Double, tcn: Double, m: Double, n: Double = 2) -> Double? {
        tumourInformedPurity(alleleFraction: af, copyNumber: MutantCopyNumber(totalCopies: tcn, mutantCopies: m), normalCopies: n)
    }

    @Test("M = lcn: m = lcn")
    func majorEqualsMinor() {
        // tcn 4, lcn 2: M = 4 - 2 = 2 = lcn -> m = 2
        #expect(m(tissue(tcn: 4, lcn: 2)) == MutantCopies(2, rule: .majorEqualsMinor))
        // p at AF 0.3: 2 x 0.3 / (2 + (2 - 4) x 0.3) = 0.6 / 1.4
        #expect(p(0.3, tcn: 4, m: 2) == 0.6 / 1.4)
    }

    @Test("lcn = 0: m = M")
    func minorZero() {
        // tcn 3, lcn 0: M = 3 -> m = 3 (even without purity or tissue counts)
        #expect(m(tissue(tcn: 3, lcn: 0)) == MutantCopies(3, rule: .minorZero))
        // p at AF 0.2: 2 x 0.2 / (3 + (2 - 3) x 0.2) = 0.4 / 2.8
        #expect(p(0.2, tcn: 3, m: 3) == 0.4 / 2.8)
    }

    @Test("lcn missing counts as 0")
    func minorMissing() {
        // tcn 2, lcn missing -> 0: M = 2 != 0, lcn = 0 -> m = 2
        #expect(m(tissue(tcn: 2, lcn: nil)) == MutantCopies(2, rule: .minorZero))
        // p at AF 0.1: 0.2 / (2 + 0 x 0.1) = 0.1
        #expect(p(0.1, tcn: 2, m: 2) == 0.1)
        // tcn 0 and lcn missing: M = 0 = lcn -> m = 0 (the first step)
        #expect(m(tissue(tcn: 0, lcn: nil)) == MutantCopies(0, rule: .majorEqualsMinor))
    }

    @Test("otherwise the nearer of M and lcn to t = VAF (C_T P + N (1 - P)) / P")
    func nearer() {
        // tcn 3, lcn 1 -> M = 2; P = 0.5: t = VAF x (1.5 + 1) / 0.5 = 5 VAF
        // VAF 40/100 = 0.4 -> t = 2.0: |2 - 2| = 0 < |1 - 2| = 1 -> M
        #expect(m(tissue(tcn: 3, lcn: 1, purity: 0.5, alt: 40, ref: 60)) == MutantCopies(2, rule: .nearerMajor))
        // p at AF 0.1 with m = 2: 0.2 / (2 - 0.1) = 0.2 / 1.9
        #expect(p(0.1, tcn: 3, m: 2) == 0.2 / 1.9)
        // VAF 25/100 -> t = 1.25: |1 - 1.25| = 0.25 < |2 - 1.25| = 0.75 -> lcn
        #expect(m(tissue(tcn: 3, lcn: 1, purity: 0.5, alt: 25, ref: 75)) == MutantCopies(1, rule: .nearerMinor))
        // p at AF 0.1 with m = 1: 0.2 / (1 - 0.1) = 0.2 / 0.9
        #expect(p(0.1, tcn: 3, m: 1) == 0.2 / 0.9)
        // tcn 5, lcn 1 -> M = 4; P = 1: t = VAF x 5; VAF 60/100 -> t = 3: |4 - 3| = 1 < |1 - 3| = 2 -> M
        #expect(m(tissue(tcn: 5, lcn: 1, purity: 1, alt: 60, ref: 40)) == MutantCopies(4, rule: .nearerMajor))
    }

    @Test("a tie goes to lcn")
    func tie() {
        // tcn 3, lcn 1 -> M = 2; P = 1: t = VAF x 3 = 0.5 x 3 = 1.5: |2 - 1.5| = |1 - 1.5| = 0.5 -> lcn
        #expect(m(tissue(tcn: 3, lcn: 1, purity: 1, alt: 50, ref: 50)) == MutantCopies(1, rule: .tieMinor))
        // tcn 5, lcn 1 -> M = 4; P = 1: t = 0.5 x 5 = 2.5: |4 - 2.5| = |1 - 2.5| = 1.5 -> lcn
        #expect(m(tissue(tcn: 5, lcn: 1, purity: 1, alt: 50, ref: 50)) == MutantCopies(1, rule: .tieMinor))
    }

    @Test("N = 1 on X and Y in a male, in t and in p")
    func maleX() {
        #expect(normalCopies(on: "X", isMale: true) == 1 && normalCopies(on: "Y", isMale: true) == 1)
        #expect(normalCopies(on: "X", isMale: false) == 2 && normalCopies(on: "7", isMale: true) == 2)
        // tcn 3, lcn 1 -> M = 2; P = 0.5, VAF 35/100 = 0.35.
        // male X, N = 1: t = 0.35 x (1.5 + 0.5) / 0.5 = 1.4: |1 - 1.4| = 0.4 < |2 - 1.4| = 0.6 -> lcn
        let row = tissue(chromosome: "X", tcn: 3, lcn: 1, purity: 0.5, alt: 35, ref: 65)
        #expect(m(row, n: 1) == MutantCopies(1, rule: .nearerMinor))
        // female X, N = 2: t = 0.35 x (1.5 + 1) / 0.5 = 1.75: |2 - 1.75| = 0.25 < 0.75 -> M
        #expect(m(row, n: 2) == MutantCopies(2, rule: .nearerMajor))
        // a male's hemizygous X: tcn 1, lcn 0 -> m = 1; p at AF 0.3 with N = 1: 0.3 / (1 + 0) = 0.3
        let male = TissueEstimate(row: tissue(chromosome: "X", tcn: 1, lcn: 0), alleleFractions: [0.3], isMale: true, inSomaticSet: true)
        #expect(male.normalCopies == 1 && male.purities == [0.3])
        // the same locus in a female: N = 2, 0.6 / (1 + 1 x 0.3) = 0.6 / 1.3
        let female = TissueEstimate(row: tissue(chromosome: "X", tcn: 1, lcn: 0), alleleFractions: [0.3], isMale: false, inSomaticSet: true)
        #expect(female.purities == [0.6 / 1.3])
    }

    @Test("a non-positive denominator gives no p and is recorded")
    func nonPositiveDenominator() {
        // m = 1 (expected_alt_copies), tcn 5: AF 0.4 -> 1 + (2 - 5) x 0.4 = -0.2; AF 0.5 with tcn 4:
        // 1 + (2 - 4) x 0.5 = 0 (not positive either); AF 0.1 -> 1 - 0.3 = 0.7 -> p = 0.2 / 0.7
        #expect(p(0.4, tcn: 5, m: 1) == nil)
        #expect(p(0.5, tcn: 4, m: 1) == nil)
        let estimate = TissueEstimate(
            row: tissue(tcn: 5, lcn: 2, expected: 1), alleleFractions: [0.4, 0.1, nil], isMale: false, inSomaticSet: true)
        #expect(estimate.purities[0] == nil && estimate.purities[1] == 0.2 / 0.7 && estimate.purities[2] == nil)
        #expect(estimate.nonPositiveDenominators == [0])
        #expect(tissueNotes(estimate, timepoints: [Timepoint("a"), Timepoint("b"), Timepoint("c")])
            == ["tumour_informed_denominator_not_positive_a"])
    }

    @Test("expected_alt_copies, when given, is m")
    func expectedAltCopies() {
        // tcn 4, lcn 2 would give 2; expected_alt_copies 1 wins: p at AF 0.1 = 0.2 / (1 - 0.2) = 0.25
        #expect(m(tissue(tcn: 4, lcn: 2, expected: 1)) == MutantCopies(1, rule: .expectedAltCopies))
        #expect(p(0.1, tcn: 4, m: 1) == 0.25)
        // with m = 1 and C_T = 2, p = 2 AF
        #expect(p(0.1, tcn: 2, m: 1) == 0.2)
    }

    @Test("no C_T, or no purity or tissue counts where t is needed: no m, with the reason")
    func problems() {
        #expect(mutantCopies(of: tissue(tcn: nil, lcn: 1, expected: 1), normalCopies: 2) == .failure(.noTotalCopies))
        #expect(mutantCopies(of: tissue(tcn: 3, lcn: 1, alt: 10, ref: 10), normalCopies: 2) == .failure(.noPurity))
        #expect(mutantCopies(of: tissue(tcn: 3, lcn: 1, purity: 0.5), normalCopies: 2) == .failure(.noTissueAlleleFraction))
        #expect(mutantCopies(of: tissue(tcn: 3, lcn: 1, purity: 0.5, alt: 0, ref: 0), normalCopies: 2) == .failure(.noTissueAlleleFraction))
        let estimate = TissueEstimate(row: tissue(tcn: 3, lcn: 1), alleleFractions: [0.1], isMale: false, inSomaticSet: true)
        #expect(!estimate.isUsed && estimate.purities == [nil])
        #expect(tissueNotes(estimate, timepoints: [Timepoint.baseline]) == ["tissue_no_purity"])
    }

    @Test("of a mutation's rows the highest purity is used; clonal rows only when marked")
    func rowChoice() {
        let low = tissue(tcn: 2, lcn: 1, purity: 0.3)
        let high = tissue(tcn: 4, lcn: 1, purity: 0.6)
        let unknown = tissue(tcn: 6, lcn: 1, purity: nil)
        #expect(chooseTissueRows([low, high, unknown]).chosen[key(1)] == high)
        #expect(chooseTissueRows([unknown, low]).chosen[key(1)] == low)
        // a tie of purity: the first row
        let same = tissue(tcn: 3, lcn: 1, purity: 0.6)
        #expect(chooseTissueRows([high, same]).chosen[key(1)] == high)
        // a subclonal row never counts, even with the higher purity
        let subclonal = tissue(tcn: 5, lcn: 1, purity: 0.9, clonal: false)
        let clonal = tissue(tcn: 2, lcn: 1, purity: 0.2, clonal: true)
        #expect(chooseTissueRows([subclonal, clonal]).chosen[key(1)] == clonal)
        let onlySubclonal = chooseTissueRows([subclonal, tissue(2, tcn: 2, lcn: 1, clonal: true)])
        #expect(onlySubclonal.chosen.keys.sorted() == [key(2)] && onlySubclonal.notClonal == [key(1)])
    }

    @Test("the fraction: geometric mean of the positive p, 0 when none, NA when no p")
    func fraction() {
        // sqrt(0.2 x 0.05) = 0.1
        #expect(abs(tumourInformedFraction(purities: [0.2, nil, 0.05])! - 0.1) < 1e-15)
        #expect(tumourInformedFraction(purities: [0, nil]) == 0)
        #expect(tumourInformedFraction(purities: [nil]) == nil && tumourInformedFraction(purities: []) == nil)
    }

    @Test("a patient: tissue mutations in S enter (clonal in plasma or not), filtered ones do not, and the flags")
    func patient() {
        let parameters = testParameters()
        // plasma: TP53-like at 1 (AF 0.2 -> 0.05), a subclonal one at 2 (0.02 -> 0.01), TET2 (CH) at 3.
        // Plasma clonal set at baseline: 0.3 x 0.2 = 0.06 -> only position 1.
        let series = PatientSeries(patient: "P1", cohort: "c", arm: "a", tables: [
            [row("TP53", 1, alt: 20, ref: 80), row("PIK3CA", 2, alt: 2, ref: 98), row("TET2", 3, alt: 30, ref: 70)],
            [row("TP53", 1, alt: 5, ref: 95), row("PIK3CA", 2, alt: 2, ref: 198), row("TET2", 3, alt: 30, ref: 70)],
        ])
        let rows = [
            tissue(1, tcn: 2, lcn: 0),  // M = 2, lcn 0 -> m = 2: p = 0.4 / 2 = 0.2, then 0.1 / 2 = 0.05
            tissue(2, tcn: 2, lcn: 1),  // M = 1 = lcn -> m = 1: p = 2 AF = 0.04, then 0.02
            tissue(3, tcn: 2, lcn: 1),  // TET2: dropped by the CH filter, gives no p
            tissue(9, tcn: 2, lcn: 1),  // not in plasma
        ]
        let result = analyzePatient(series, parameters: parameters, tissue: PatientTissue(rows: rows))
        let s = result.summary
        #expect(s.clonalCount == 1)
        #expect(s.tissueMutationCount == 4 && s.tissueMutationsUsed == 2)
        // baseline sqrt(0.2 x 0.04) = sqrt(0.008); follow-up sqrt(0.05 x 0.02) = sqrt(0.001)
        let fractions = s.tumourInformedFraction!
        #expect(abs(fractions[0]! - (0.008).squareRoot()) < 1e-15)
        #expect(abs(fractions[1]! - (0.001).squareRoot()) < 1e-15)
        #expect(s.flags.isEmpty)
        #expect(result.audit.map { $0.tissue?.isUsed } == [true, true, false])
        #expect(result.audit[2].tissue?.purities == [nil, nil])

        // none of the tissue mutations in S: NA at both timepoints and the flag
        let elsewhere = analyzePatient(series, parameters: parameters, tissue: PatientTissue(rows: [rows[2], rows[3]]))
        #expect(elsewhere.summary.tumourInformedFraction! == [nil, nil])
        #expect(elsewhere.summary.tissueMutationsUsed == 0 && elsewhere.summary.flags == ["no_tissue_mutation_in_plasma"])

        // p above 1: m = 1, tcn 4 at AF 0.2 -> 0.4 / (1 - 0.4) = 2/3; at AF 0.4 (alt 40 of 100) -> 0.8 / 0.2 = 4
        let high = PatientSeries(patient: "P2", cohort: "c", arm: "a", tables: [
            [row("TP53", 1, alt: 40, ref: 60)], [row("TP53", 1, alt: 20, ref: 80)],
        ])
        let above = analyzePatient(high, parameters: parameters, tissue: PatientTissue(rows: [tissue(1, tcn: 4, lcn: 1, expected: 1)]))
        #expect(above.summary.tumourInformedFraction!.map { $0! } == [0.8 / (1 - 2 * 0.4), 0.4 / (1 - 2 * 0.2)])
        #expect(above.summary.flags == ["tumour_informed_p_above_1"])
        #expect(above.audit[0].notes.contains("tumour_informed_p_above_1_baseline"))

        // without tissue data nothing changes: no fraction, no counts
        let plain = analyzePatient(series, parameters: parameters)
        #expect(plain.summary.tumourInformedFraction == nil && plain.summary.tissueMutationCount == nil)
        #expect(plain.audit.allSatisfy { $0.tissue == nil })
    }
}
