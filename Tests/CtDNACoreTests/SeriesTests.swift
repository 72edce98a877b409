import CtDNACore
import CtDNAModel
import Testing
import TestSupport

/// The method over a series of more than two samples, new with `PatientSeries`. Every
/// expected number is worked out by hand in the comments (AF = alt / (alt + ref), the
/// geometric mean of two values is the square root of their product, the clonal threshold is
/// 0.3 x the highest AF at the reference); the two-timepoint expectations are those of the other
/// suites, unchanged.
@Suite("Three-timepoint series")
struct SeriesTests {
    static let week24 = Timepoint("week24")
    static let three = [Timepoint.baseline, .followup, week24]
    let parameters = testParameters()

    func analyze(_ tables: [[VariantRecord]?], normal: [VariantRecord]? = nil) -> PatientResult {
        analyzePatient(
            PatientSeries(patient: "P1", cohort: "NSCLC", arm: "SBRT", timepoints: Self.three, tables: tables, normal: normal),
            parameters: parameters)
    }

    func somatic(_ position: Int, _ alleleFractions: [Double], driver: Bool = false, oncogenic: Bool = false) -> SomaticMutation {
        SomaticMutation(key: key(position), alleleFractions: alleleFractions, isDriver: driver, isOncogenic: oncogenic)
    }

    // MARK: Exclusion

    /// The missing timepoints are named in series order: one alone, two with "or", three with
    /// commas and a final "or".
    @Test func exclusionReasonNamesEveryMissingTimepoint() {
        let table = [row("TP53", 1, alt: 10, ref: 90)]
        func reason(_ tables: [[VariantRecord]?]) -> String? {
            PatientSeries(patient: "P1", cohort: "c", arm: "a", timepoints: Self.three, tables: tables).exclusionReason
        }
        #expect(reason([table, table, table]) == nil)
        #expect(reason([table, nil, table]) == "no followup sample")
        #expect(reason([table, table, nil]) == "no week24 sample")
        #expect(reason([nil, table, nil]) == "no baseline or week24 sample")
        #expect(reason([nil, nil, nil]) == "no baseline, followup or week24 sample")
        // the pair, as before
        #expect(PatientSeries(patient: "P1", cohort: "c", arm: "a", tables: [table, nil]).exclusionReason == "no followup sample")
        #expect(PatientSeries(patient: "P1", cohort: "c", arm: "a", tables: [nil, nil]).exclusionReason
            == "no baseline or followup sample")
        #expect(PatientSeries(patient: "P1", cohort: "c", arm: "a", timepoints: [.baseline], tables: [nil]).exclusionReason
            == "no baseline sample")
    }

    /// An excluded patient of three timepoints: no numbers; each audit row has the observation
    /// of every table the patient has (an absent mutation is an imputed zero there) and `nil`
    /// for the missing sample.
    @Test func anExcludedSeriesAuditsTheTablesItHas() throws {
        let result = analyze([[row("TP53", 1, alt: 10, ref: 90)], nil, [row("KRAS", 2, alt: 5, ref: 95)]])
        #expect(result.summary.status == .excluded(reason: "no followup sample"))
        #expect(result.summary.timepoints == Self.three)
        #expect(result.summary.ctDNAFraction == nil && result.summary.reference == nil)
        #expect(result.audit.map(\.key) == [key(1), key(2)])
        #expect(result.audit.map(\.status) == [.excluded, .excluded])
        #expect(result.audit[0].notes == ["no followup sample"])
        // TP53: 10 / 100 = 0.1 at baseline, no sample at follow-up, absent at week 24
        let tp53 = result.audit[0].observations
        #expect(tp53.count == 3 && tp53[0]?.alleleFraction == 0.1 && tp53[1] == nil && tp53[2] == .absent)
        // KRAS: absent at baseline, 5 / 100 = 0.05 at week 24
        #expect(result.audit[1].observations[0] == .absent && result.audit[1].observations[2]?.alleleFraction == 0.05)
    }

    // MARK: Union

    /// Three tables merged: every key of any table, in key order, an imputed zero where a table
    /// lacks it, the first of repeated rows, and the repeats named per table.
    @Test func mergeSeriesTakesTheUnionOfEveryTable() {
        let result = mergeSeries(
            [[row("A", 30, alt: 10, ref: 90), row("B", 10, alt: 5, ref: 95)],
             [row("C", 20, alt: 4, ref: 96), row("A", 30, alt: 1, ref: 99)],
             [row("B", 10, alt: 20, ref: 80), row("B", 10, alt: 3, ref: 97), row("D", 40, alt: 0, ref: 0)]],
            minAltReads: 2)
        let mutations = result.mutations
        #expect(mutations.map(\.key) == [key(10), key(20), key(30), key(40)])
        #expect(mutations.allSatisfy { $0.records.count == 3 && $0.observations.count == 3 })
        // B: 5 / 100 = 0.05; absent at follow-up; 20 / 100 = 0.2 at week 24 (the first row, not 3 / 100)
        #expect(mutations[0].observations.map(\.alleleFraction) == [0.05, 0, 0.2])
        #expect(mutations[0].observations.map(\.imputedZero) == [false, true, false])
        #expect(mutations[0].records[1] == nil && mutations[0].records[2]?.altCount == 20)
        // C: only at follow-up, 4 / 100 = 0.04
        #expect(mutations[1].observations.map(\.alleleFraction) == [0, 0.04, 0])
        #expect(mutations[1].gene == "C")
        // A: 10 / 100 = 0.1; one read at follow-up, taken as 0 (a covered zero, not imputed)
        #expect(mutations[2].observations.map(\.alleleFraction) == [0.1, 0, 0])
        #expect(mutations[2].observations.map(\.belowMinimumAltReads) == [false, true, false])
        #expect(mutations[2].observations.map(\.imputedZero) == [false, false, true])
        // D: 0 + 0 reads at week 24 -> no AF; absent elsewhere
        #expect(mutations[3].observations.map(\.alleleFraction) == [0, 0, nil])
        #expect(result.repeated == [[], [], [key(10)]])
        // C is detected once: in the union; D nowhere, and uncovered at week 24
        #expect(unionExclusions(mutations[1]).isEmpty)
        #expect(unionExclusions(mutations[3]) == [.notDetected])
        #expect(uncoveredTimepoints(mutations[3]) == [2])
    }

    // MARK: Reference timepoint

    /// Over three timepoints the reference is the highest geometric mean over D, a tie going to
    /// the earliest of the tied timepoints.
    @Test func referenceIsTheHighestGeometricMeanTiesToTheEarliest() {
        // D: gm t0 = sqrt(0.1 x 0.1) = 0.1; t1 = sqrt(0.4 x 0.2) = sqrt(0.08); t2 = sqrt(0.2 x 0.4)
        // = sqrt(0.08), the same sum of logarithms -> the tie goes to t1
        let tied = [somatic(1, [0.1, 0.4, 0.2], driver: true), somatic(2, [0.1, 0.2, 0.4], driver: true), somatic(3, [0.5, 0.5, 0.5])]
        #expect(chooseReferenceTimepoint(somatic: tied, tieBreakThreshold: 0.01) == ReferenceTimepoint(index: 1, rule: .drivers))
        // all equal -> the first
        #expect(chooseReferenceTimepoint(somatic: [somatic(1, [0.2, 0.2, 0.2])], tieBreakThreshold: 0.01)
            == ReferenceTimepoint(index: 0, rule: .allMutations))
        // no drivers, all of S: gm t0 = sqrt(0.02 x 0.04) = 0.028, t1 = sqrt(0.1 x 0.08) = 0.089,
        // t2 = sqrt(0.05 x 0.2) = 0.1 -> the last
        #expect(chooseReferenceTimepoint(somatic: [somatic(1, [0.02, 0.1, 0.05]), somatic(2, [0.04, 0.08, 0.2])], tieBreakThreshold: 0.01)
            == ReferenceTimepoint(index: 2, rule: .allMutations))
    }

    /// The tie-break is defined for a pair only: the drivers of ReferenceClonalTests' tie-break
    /// case (changes +0.006 and -0.002, |sum| 0.004 < 0.01) with a third timepoint added no
    /// longer trigger it, and the geometric mean decides.
    @Test func theTieBreakAppliesOnlyToTwoTimepoints() {
        let pair = [somatic(1, [0.020, 0.026], driver: true), somatic(2, [0.050, 0.048], driver: true, oncogenic: true)]
        #expect(tieBreakApplies(drivers: pair, threshold: 0.01))
        #expect(chooseReferenceTimepoint(somatic: pair, tieBreakThreshold: 0.01) == ReferenceTimepoint(index: 0, rule: .tieBreak))
        let three = [somatic(1, [0.020, 0.026, 0.03], driver: true), somatic(2, [0.050, 0.048, 0.05], driver: true, oncogenic: true)]
        #expect(!tieBreakApplies(drivers: three, threshold: 0.01))
        // gm t0 = sqrt(0.02 x 0.05) = 0.0316, t1 = sqrt(0.026 x 0.048) = 0.0353,
        // t2 = sqrt(0.03 x 0.05) = 0.0387 -> t2
        #expect(chooseReferenceTimepoint(somatic: three, tieBreakThreshold: 0.01) == ReferenceTimepoint(index: 2, rule: .drivers))
    }

    @Test func theClonalSetIsChosenAtAnyReference() {
        // at t2 the highest AF is 0.5, threshold 0.15: 0.5 and 0.2 in, 0.1 out (and the first,
        // highest at t0, is not considered there)
        let s = [somatic(1, [0.6, 0.1, 0.1]), somatic(2, [0.1, 0.3, 0.5]), somatic(3, [0.1, 0.1, 0.2])]
        let clonal = selectClonalSet(somatic: s, reference: 2, clonalFraction: 0.3)
        #expect(clonal.members.map(\.key) == [key(2), key(3)])
        #expect(clonal.highestAlleleFraction == 0.5 && abs(clonal.threshold - 0.15) < 1e-15)
    }

    // MARK: The whole analysis

    /// Drivers KRAS (hotspot) and TP53 (Oncogenic), a passenger STK11, a CH gene, and a single
    /// read at week 24.
    @Test func aThreeTimepointPatientWithDrivers() throws {
        let result = analyze([
            [row("KRAS", 1, alt: 10, ref: 90, hotspot: "Y"),  // 0.1
             row("TP53", 2, alt: 10, ref: 90, oncogenic: "Oncogenic"),  // 0.1
             row("STK11", 3, alt: 2, ref: 98),  // 0.02
             row("TET2", 4, alt: 30, ref: 70)],  // CH gene
            [row("KRAS", 1, alt: 40, ref: 60, hotspot: "Y"),  // 0.4
             row("TP53", 2, alt: 20, ref: 80, oncogenic: "Oncogenic"),  // 0.2
             row("STK11", 3, alt: 5, ref: 95),  // 0.05
             row("TET2", 4, alt: 30, ref: 70)],
            [row("KRAS", 1, alt: 20, ref: 80, hotspot: "Y"),  // 0.2
             row("TP53", 2, alt: 40, ref: 60, oncogenic: "Oncogenic"),  // 0.4
             row("STK11", 3, alt: 20, ref: 80),  // 0.2
             row("TET2", 4, alt: 30, ref: 70),
             row("KEAP1", 5, alt: 1, ref: 99)],  // single read -> 0: not detected anywhere
        ])
        let s = result.summary
        #expect(s.timepoints == Self.three)
        // union: KRAS, TP53, STK11, TET2 (KEAP1 not detected); S = KRAS, TP53, STK11; D = KRAS, TP53
        #expect(s.status == .paired)
        #expect(s.mutationCount == 4 && s.somaticCount == 3 && s.driverCount == 2)
        // gm over D: t0 sqrt(0.1 x 0.1) = 0.1, t1 sqrt(0.4 x 0.2) = sqrt(0.08) = 0.283,
        // t2 sqrt(0.2 x 0.4) = sqrt(0.08): a tie between t1 and t2 -> t1, the follow-up
        #expect(s.reference == ReferenceTimepoint(index: 1, rule: .drivers))
        #expect(s.referenceTimepoint == .followup)
        // threshold 0.3 x 0.4 = 0.12 at t1: KRAS 0.4 and TP53 0.2 clonal, STK11 0.05 not
        #expect(s.clonalCount == 2)
        #expect(result.audit.map(\.isClonal) == [true, true, false, false, false])
        // fraction: t0 2 x sqrt(0.1 x 0.1) = 0.2; t1 2 x sqrt(0.4 x 0.2) = 2 x sqrt(0.08);
        // t2 2 x sqrt(0.2 x 0.4) = 2 x sqrt(0.08)
        let fraction = try #require(s.ctDNAFraction)
        #expect(fraction.count == 3)
        #expect(abs(fraction[0]! - 0.2) < 1e-15)
        #expect(abs(fraction[1]! - 2 * (0.08).squareRoot()) < 1e-15)
        #expect(abs(fraction[2]! - 2 * (0.08).squareRoot()) < 1e-15)
        // medians over S: t0 [0.02, 0.1, 0.1] -> 0.1; t1 [0.05, 0.2, 0.4] -> 0.2; t2 [0.2, 0.2, 0.4] -> 0.2
        #expect(s.medianAlleleFraction == [0.1, 0.2, 0.2])
        #expect(s.values(of: .medianAlleleFraction) == [0.1, 0.2, 0.2])
        // the tested pair is the first two timepoints
        #expect(s.pair(of: .medianAlleleFraction) == PairedMetric(baseline: 0.1, followup: 0.2))
        #expect(abs(s.pair(of: .ctDNAFraction)!.followup - 2 * (0.08).squareRoot()) < 1e-15)
        #expect(result.audit.map(\.status) == [.kept, .kept, .kept, .chGene, .notDetected])
        #expect(result.audit.map(\.isDriver) == [true, true, false, false, false])
        #expect(result.audit[4].notes == ["not_detected", "min_alt_reads_week24"])
        #expect(result.audit[4].observations.map { $0?.imputedZero } == [true, true, false])
        #expect(s.flags.isEmpty)
    }

    /// The patient of PatientAnalysisTests' tie-break case with a week-24 draw: with two
    /// timepoints the tie-break chose baseline; with three it does not apply.
    @Test func aThreeTimepointPatientIsNotTieBroken() throws {
        let result = analyze([
            [row("PIK3CA", 1, alt: 50, ref: 950, oncogenic: "Oncogenic", hotspot: "Y"),  // 0.05
             row("ESR1", 2, alt: 20, ref: 980, oncogenic: "Likely Oncogenic", hotspot: "Y")],  // 0.02
            [row("PIK3CA", 1, alt: 48, ref: 952, oncogenic: "Oncogenic", hotspot: "Y"),  // 0.048
             row("ESR1", 2, alt: 26, ref: 974, oncogenic: "Likely Oncogenic", hotspot: "Y")],  // 0.026
            [row("PIK3CA", 1, alt: 30, ref: 970, oncogenic: "Oncogenic", hotspot: "Y"),  // 0.03
             row("ESR1", 2, alt: 30, ref: 970, oncogenic: "Likely Oncogenic", hotspot: "Y")],  // 0.03
        ])
        let s = result.summary
        // gm over D: t0 sqrt(0.05 x 0.02) = sqrt(0.001) = 0.0316; t1 sqrt(0.048 x 0.026) =
        // sqrt(0.001248) = 0.0353; t2 sqrt(0.03 x 0.03) = 0.03 -> t1 by the drivers rule
        #expect(s.reference == ReferenceTimepoint(index: 1, rule: .drivers))
        // threshold 0.3 x 0.048 = 0.0144: both clonal
        #expect(s.clonalCount == 2)
        // fraction 2 x sqrt(0.001), 2 x sqrt(0.001248), 2 x 0.03 = 0.06
        let fraction = try #require(s.ctDNAFraction)
        #expect(abs(fraction[0]! - 2 * (0.001).squareRoot()) < 1e-15)
        #expect(abs(fraction[1]! - 2 * (0.001248).squareRoot()) < 1e-15)
        #expect(abs(fraction[2]! - 0.06) < 1e-15)
        // medians: (0.05 + 0.02) / 2 = 0.035; (0.048 + 0.026) / 2 = 0.037; 0.03
        let median = try #require(s.medianAlleleFraction)
        #expect(abs(median[0]! - 0.035) < 1e-15 && abs(median[1]! - 0.037) < 1e-15 && abs(median[2]! - 0.03) < 1e-15)
        // the same patient without its week-24 draw: the tie-break, as in PatientAnalysisTests
        let pair = analyzePatient(
            PatientSeries(patient: "P1", cohort: "c", arm: "a", tables: [
                [row("PIK3CA", 1, alt: 50, ref: 950, oncogenic: "Oncogenic", hotspot: "Y"),
                 row("ESR1", 2, alt: 20, ref: 980, oncogenic: "Likely Oncogenic", hotspot: "Y")],
                [row("PIK3CA", 1, alt: 48, ref: 952, oncogenic: "Oncogenic", hotspot: "Y"),
                 row("ESR1", 2, alt: 26, ref: 974, oncogenic: "Likely Oncogenic", hotspot: "Y")],
            ]),
            parameters: parameters)
        #expect(pair.summary.reference == ReferenceTimepoint(index: 0, rule: .tieBreak))
    }

    /// Without drivers the reference follows all of S, here the last timepoint.
    @Test func aThreeTimepointPatientWithoutDrivers() {
        let result = analyze([
            [row("STK11", 1, alt: 2, ref: 98), row("KEAP1", 2, alt: 4, ref: 96)],  // 0.02, 0.04
            [row("STK11", 1, alt: 10, ref: 90), row("KEAP1", 2, alt: 8, ref: 92)],  // 0.1, 0.08
            [row("STK11", 1, alt: 5, ref: 95), row("KEAP1", 2, alt: 20, ref: 80)],  // 0.05, 0.2
        ])
        let s = result.summary
        // gm t0 sqrt(0.0008) = 0.028, t1 sqrt(0.008) = 0.089, t2 sqrt(0.01) = 0.1 -> t2
        #expect(s.reference == ReferenceTimepoint(index: 2, rule: .allMutations))
        #expect(s.referenceTimepoint == Self.week24)
        // threshold 0.3 x 0.2 = 0.06 at t2: KEAP1 0.2 in, STK11 0.05 out; one clonal mutation,
        // so the fraction is exactly 2 x its AF: 0.08, 0.16, 0.4
        #expect(s.clonalCount == 1)
        #expect(s.ctDNAFraction == [0.08, 0.16, 0.4])
        // medians: (0.02 + 0.04) / 2 = 0.03; (0.1 + 0.08) / 2 = 0.09; (0.05 + 0.2) / 2 = 0.125
        let median = s.medianAlleleFraction!
        #expect(abs(median[0]! - 0.03) < 1e-15 && abs(median[1]! - 0.09) < 1e-15 && abs(median[2]! - 0.125) < 1e-15)
    }

    /// A matched normal judges the highest plasma AF over every timepoint: PIK3CA 0.03, 0.02,
    /// 0.04 against a normal 0.025: 0.04 < 2 x 0.025 = 0.05 -> matched_normal; TP53 is kept.
    @Test func theMatchedNormalRuleLooksAtEveryTimepoint() {
        let result = analyze(
            [[row("TP53", 1, alt: 10, ref: 90), row("PIK3CA", 2, alt: 3, ref: 97)],
             [row("TP53", 1, alt: 5, ref: 95), row("PIK3CA", 2, alt: 2, ref: 98)],
             [row("TP53", 1, alt: 8, ref: 92), row("PIK3CA", 2, alt: 4, ref: 96)]],
            normal: [row("PIK3CA", 2, alt: 5, ref: 195)])
        #expect(result.audit.map(\.status) == [.kept, .matchedNormal])
        // with 6 alt reads at week 24 (0.06 >= 0.05) it stays
        let kept = analyze(
            [[row("PIK3CA", 2, alt: 3, ref: 97)], [row("PIK3CA", 2, alt: 2, ref: 98)], [row("PIK3CA", 2, alt: 6, ref: 94)]],
            normal: [row("PIK3CA", 2, alt: 5, ref: 195)])
        #expect(kept.audit.map(\.status) == [.kept])
    }
}
