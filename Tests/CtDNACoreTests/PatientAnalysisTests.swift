import CtDNACore
import CtDNAModel
import Testing
import TestSupport

@Suite("Per-patient analysis")
struct PatientAnalysisTests {
    let parameters = testParameters()

    func analyze(_ baseline: [VariantRecord]?, _ followup: [VariantRecord]?, normal: [VariantRecord]? = nil) -> PatientResult {
        analyzePatient(
            PatientSeries(patient: "P1", cohort: "NSCLC", arm: "SBRT", tables: [baseline, followup], normal: normal),
            parameters: parameters)
    }

    @Test("a table listing a mutation twice: the first row is used and the audit says so")
    func repeatedRows() throws {
        let result = analyze(
            [row("KRAS", 1, alt: 20, ref: 80, hotspot: "Y"),  // 0.2, first row: used
             row("KRAS", 1, alt: 40, ref: 60, hotspot: "Y")],  // 0.4, the repeat
            [row("KRAS", 1, alt: 5, ref: 95, hotspot: "Y")])  // 0.05
        #expect(result.audit.count == 1)
        #expect(result.audit[0].observations[0]?.alleleFraction == 0.2)  // 20 / (20 + 80)
        #expect(result.audit[0].notes == ["duplicate_rows_baseline"])
        #expect(mergeSeries([[row("A", 1, alt: 1, ref: 1), row("B", 2, alt: 1, ref: 1)]], minAltReads: 2).repeated == [[]])
    }

    @Test("patient with drivers: reference, clonal set, fraction, median")
    func withDrivers() throws {
        let result = analyze(
            [row("KRAS", 1, alt: 20, ref: 80, hotspot: "Y"),  // 0.2
             row("STK11", 2, alt: 10, ref: 90),  // 0.1
             row("TET2", 3, alt: 30, ref: 70),  // CH gene
             row("KEAP1", 4, alt: 1, ref: 99)],  // single read -> 0
            [row("KRAS", 1, alt: 5, ref: 95, hotspot: "Y"),  // 0.05
             row("STK11", 2, alt: 2, ref: 98)])  // 0.02; KEAP1 absent
        let s = result.summary
        // union: KRAS, STK11, TET2 (KEAP1 AF 0 at both -> not_detected); S = KRAS, STK11
        #expect(s.status == .paired)
        #expect(s.mutationCount == 3 && s.somaticCount == 2 && s.driverCount == 1)
        // D = {KRAS}: 0.2 > 0.05 -> baseline
        #expect(s.reference == ReferenceTimepoint(index: 0, rule: .drivers))
        #expect(s.referenceTimepoint == .baseline)
        // threshold 0.3 x 0.2 = 0.06: KRAS 0.2 and STK11 0.1 clonal
        #expect(s.clonalCount == 2)
        // baseline 2 x sqrt(0.2 x 0.1) = 2 x sqrt(0.02); follow-up 2 x sqrt(0.05 x 0.02) = 2 x sqrt(0.001)
        let fraction = try #require(s.pair(of: .ctDNAFraction))
        #expect(abs(fraction.baseline - 2 * (0.02).squareRoot()) < 1e-15)
        #expect(abs(fraction.followup - 2 * (0.001).squareRoot()) < 1e-15)
        #expect(s.values(of: .ctDNAFraction) == s.ctDNAFraction && s.ctDNAFraction?.count == 2)
        // medians over S: (0.2 + 0.1) / 2 = 0.15 ; (0.05 + 0.02) / 2 = 0.035
        #expect(abs(s.pair(of: .medianAlleleFraction)!.baseline - 0.15) < 1e-15)
        #expect(abs(s.pair(of: .medianAlleleFraction)!.followup - 0.035) < 1e-15)
        #expect(result.audit.map(\.status) == [.kept, .kept, .chGene, .notDetected])
        #expect(result.audit[3].notes == ["not_detected", "min_alt_reads_baseline"])
        #expect(result.audit[3].observations[1]!.imputedZero)
        #expect(result.audit.map(\.isDriver) == [true, false, false, false])
        #expect(s.flags.isEmpty)
    }

    @Test("patient without drivers uses all of S")
    func withoutDrivers() {
        // S = {0.02 -> 0.1, 0.04 -> 0.08}; gm baseline sqrt(0.0008) < gm follow-up sqrt(0.008) -> follow-up
        // follow-up highest 0.1, threshold 0.03: both clonal
        let result = analyze(
            [row("STK11", 1, alt: 2, ref: 98), row("KEAP1", 2, alt: 4, ref: 96)],
            [row("STK11", 1, alt: 10, ref: 90), row("KEAP1", 2, alt: 8, ref: 92)])
        #expect(result.summary.reference == ReferenceTimepoint(index: 1, rule: .allMutations))
        #expect(result.summary.referenceTimepoint == .followup)
        #expect(result.summary.clonalCount == 2)
    }

    @Test("all mutations zero at follow-up: fraction 0, ratio 0")
    func clearedAtFollowup() {
        // baseline 2 x 0.1 = 0.2; follow-up: single read -> 0, absent -> 0 -> fraction 0
        let result = analyze([row("TP53", 1, alt: 10, ref: 90, oncogenic: "Oncogenic")], [row("TP53", 1, alt: 1, ref: 99)])
        let fraction = result.summary.pair(of: .ctDNAFraction)!
        // (exp(log x) is x up to the last bit, hence the tolerances)
        #expect(abs(fraction.baseline - 0.2) < 1e-15 && fraction.followup == 0)
        #expect(fraction.ratio == 0 && abs(fraction.difference + 0.2) < 1e-15)
    }

    @Test("AF above 0.5 gives a fraction above 1, kept and flagged")
    func fractionAboveOne() {
        // 2 x 0.6 = 1.2 at baseline
        let result = analyze([row("TP53", 1, alt: 60, ref: 40)], [row("TP53", 1, alt: 30, ref: 70)])
        #expect(result.summary.pair(of: .ctDNAFraction)!.baseline == 1.2)
        #expect(result.summary.flags == ["fraction_above_1"])
    }

    @Test("only CH mutations: not_detected, fraction 0 at both timepoints")
    func onlyCH() {
        let result = analyze([row("DNMT3A", 1, alt: 10, ref: 90)], [row("TET2", 2, alt: 10, ref: 90)])
        let s = result.summary
        #expect(s.status == .notDetected)
        #expect(s.reference == nil)
        #expect(s.mutationCount == 2 && s.somaticCount == 0 && s.clonalCount == 0)
        #expect(s.pair(of: .ctDNAFraction) == PairedMetric(baseline: 0, followup: 0))
        #expect(s.pair(of: .medianAlleleFraction) == PairedMetric(baseline: 0, followup: 0))
        #expect(s.ctDNAFraction == [0, 0] && s.medianAlleleFraction == [0, 0])
        #expect(result.audit.map(\.status) == [.chGene, .chGene])
    }

    @Test("matched normal drops a blood-derived variant")
    func matchedNormal() {
        // PIK3CA plasma 0.03 / 0.02 vs normal 0.025: 0.03 < 0.05 -> matched_normal
        let result = analyze(
            [row("TP53", 1, alt: 10, ref: 90), row("PIK3CA", 2, alt: 3, ref: 97)],
            [row("TP53", 1, alt: 5, ref: 95), row("PIK3CA", 2, alt: 2, ref: 98)],
            normal: [row("PIK3CA", 2, alt: 5, ref: 195)])
        #expect(result.audit.map(\.status) == [.kept, .matchedNormal])
        #expect(result.audit[1].normal?.alleleFraction == 0.025)
        #expect(result.audit[0].normal == .absent)
    }

    @Test("a patient with one timepoint is excluded with the reason")
    func excluded() {
        let result = analyze([row("TP53", 1, alt: 10, ref: 90)], nil)
        #expect(result.summary.status == .excluded(reason: "no followup sample"))
        #expect(result.summary.status.description == "excluded: no followup sample")
        #expect(result.summary.ctDNAFraction == nil && result.summary.mutationCount == nil)
        #expect(result.summary.pair(of: .ctDNAFraction) == nil)
        #expect(result.audit.map(\.status) == [.excluded])
        #expect(result.audit[0].observations[1] == nil)
        #expect(analyze(nil, nil).summary.status == .excluded(reason: "no baseline or followup sample"))
    }

    @Test("copy numbers give a tumour-informed fraction")
    func tumourInformed() {
        // clonal TP53 AF 0.1 / 0.05 with m = 1, C_T = 2 -> 0.2 / 0.1, like the default
        let result = analyzePatient(
            PatientSeries(patient: "P1", cohort: "c", arm: "a",
                          tables: [[row("TP53", 1, alt: 10, ref: 90)], [row("TP53", 1, alt: 5, ref: 95)]]),
            parameters: parameters,
            tissue: PatientTissue(rows: [TissueMutation(key: key(1), totalCopies: 2, minorCopies: 1, expectedAltCopies: 1, purity: nil)]))
        let informed = PatientSummary.pair(result.summary.tumourInformedFraction, 0, 1)!
        #expect(abs(informed.baseline - 0.2) < 1e-15 && abs(informed.followup - 0.1) < 1e-15)
    }

    @Test("tie-break decides the reference inside the whole analysis")
    func tieBreakPatient() {
        // PIK3CA (Oncogenic) 0.05 -> 0.048, ESR1 (hotspot) 0.02 -> 0.026: changes -0.002, +0.006,
        // sum 0.004 < 0.01 -> highest Oncogenic AF 0.05 at baseline > 0.048 -> baseline, tie_break.
        // Clonal at baseline: 0.3 x 0.05 = 0.015 -> both; fraction 2 x sqrt(0.05 x 0.02) = 2 x sqrt(0.001).
        let result = analyze(
            [row("PIK3CA", 1, alt: 50, ref: 950, oncogenic: "Oncogenic", hotspot: "Y"),
             row("ESR1", 2, alt: 20, ref: 980, oncogenic: "Likely Oncogenic", hotspot: "Y")],
            [row("PIK3CA", 1, alt: 48, ref: 952, oncogenic: "Oncogenic", hotspot: "Y"),
             row("ESR1", 2, alt: 26, ref: 974, oncogenic: "Likely Oncogenic", hotspot: "Y")])
        #expect(result.summary.reference == ReferenceTimepoint(index: 0, rule: .tieBreak))
        #expect(abs(result.summary.pair(of: .ctDNAFraction)!.baseline - 2 * (0.001).squareRoot()) < 1e-15)
    }

    @Test("no coverage (with --drop-uncovered), LOC gene and manual drop inside the whole analysis")
    func filtersInAnalysis() {
        var withDrop = parameters
        withDrop.dropList = DropList(entries: ["P1": [key(4)]])
        withDrop.dropUncovered = true
        let result = analyzePatient(
            PatientSeries(
                patient: "P1", cohort: "c", arm: "a",
                tables: [[row("TP53", 1, alt: 10, ref: 90), row("RB1", 2, alt: 10, ref: 90),
                          row("LOC1001", 3, alt: 10, ref: 90), row("NF1", 4, alt: 10, ref: 90)],
                         [row("TP53", 1, alt: 5, ref: 95), row("RB1", 2, alt: 0, ref: 0)]]),
            parameters: withDrop)
        // union = 4 (all detected at baseline); S = {TP53}
        #expect(result.audit.map(\.status) == [.kept, .noCoverage, .locGene, .manual])
        #expect(result.audit[1].observations[1]?.alleleFraction == nil)
        #expect(result.summary.mutationCount == 4 && result.summary.somaticCount == 1)
        #expect(result.audit[1].notes == ["no_coverage", "no_coverage_followup"])
    }

    /// The default (docs/method.md §1, the published code): RB1, uncovered at follow-up, stays in
    /// S with its baseline AF and no value at follow-up. By hand: S = {TP53 0.1 -> 0.05,
    /// RB1 0.1 -> none}; no drivers, so the reference is over S: baseline geometric mean 0.1,
    /// follow-up 0.05 (RB1 has no value there) -> baseline. Clonal at baseline: 0.3 x 0.1 = 0.03
    /// -> both. Fraction: baseline 2 x sqrt(0.1 x 0.1) = 0.2, follow-up 2 x 0.05 = 0.1 (TP53
    /// alone). Median AF: baseline 0.1, follow-up 0.05.
    @Test("a mutation without coverage at one timepoint keeps its values at the other")
    func uncoveredMutationStays() {
        let result = analyzePatient(
            PatientSeries(
                patient: "P1", cohort: "c", arm: "a",
                tables: [[row("TP53", 1, alt: 10, ref: 90), row("RB1", 2, alt: 10, ref: 90)],
                         [row("TP53", 1, alt: 5, ref: 95), row("RB1", 2, alt: 0, ref: 0)]]),
            parameters: parameters)
        #expect(result.audit.map(\.status) == [.kept, .kept])
        #expect(result.audit[1].notes == ["no_coverage_followup"])
        #expect(result.summary.somaticCount == 2 && result.summary.clonalCount == 2)
        #expect(result.summary.reference == ReferenceTimepoint(index: 0, rule: .allMutations))
        let fraction = result.summary.ctDNAFraction!
        #expect(abs(fraction[0]! - 0.2) < 1e-15 && abs(fraction[1]! - 0.1) < 1e-15)
        #expect(result.summary.medianAlleleFraction! == [0.1, 0.05])
    }

    /// A timepoint at which no clonal mutation is covered has no fraction (NA), not 0; the
    /// patient then has no pair to test. By hand: S = {TP53 0.1 -> none}; fraction [0.2, nil];
    /// median [0.1, nil]; no pair.
    @Test("no clonal mutation covered at a timepoint: no value there")
    func noValueAtATimepoint() {
        let result = analyzePatient(
            PatientSeries(
                patient: "P1", cohort: "c", arm: "a",
                tables: [[row("TP53", 1, alt: 10, ref: 90)], [row("TP53", 1, alt: 0, ref: 0)]]),
            parameters: parameters)
        #expect(result.summary.status == .paired)
        #expect(result.summary.ctDNAFraction! == [0.2, nil])
        #expect(result.summary.medianAlleleFraction! == [0.1, nil])
        #expect(result.summary.pair(of: .ctDNAFraction) == nil)
    }
}
