import CtDNACore
import CtDNAModel
import Testing
import TestSupport

@Suite("Drivers, reference timepoint, clonal set, fraction")
struct ReferenceClonalTests {
    func somatic(_ position: Int, _ baseline: Double, _ followup: Double, driver: Bool = false, oncogenic: Bool = false) -> SomaticMutation {
        SomaticMutation(key: key(position), alleleFractions: [baseline, followup], isDriver: driver, isOncogenic: oncogenic)
    }

    @Test("driver annotation")
    func drivers() {
        #expect(isDriver(pair(row("TP53", 1, alt: 5, ref: 5, hotspot: "y"), nil), likelyOncogenicIsDriver: false))
        #expect(isDriver(pair(row("TP53", 1, alt: 5, ref: 5, oncogenic: "Oncogenic"), nil), likelyOncogenicIsDriver: false))
        let likely = pair(row("TP53", 1, alt: 5, ref: 5, oncogenic: "Likely Oncogenic"), nil)
        #expect(!isDriver(likely, likelyOncogenicIsDriver: false))
        #expect(isDriver(likely, likelyOncogenicIsDriver: true))
        var whitelisted = row("TP53", 1, alt: 5, ref: 5)
        whitelisted.hotspotWhitelist = "true"
        #expect(isHotspot(whitelisted))
    }

    @Test("with drivers, the reference follows the drivers' geometric mean")
    func driversRule() {
        // D = {1}: baseline 0.1 vs follow-up 0.05 -> baseline, although the passenger rises
        let s = [somatic(1, 0.1, 0.05, driver: true), somatic(2, 0.01, 0.4)]
        #expect(chooseReferenceTimepoint(somatic: s, tieBreakThreshold: 0.01)
            == ReferenceTimepoint(index: 0, rule: .drivers))
    }

    @Test("without drivers, the reference follows all of S")
    func allMutationsRule() {
        // gm baseline = sqrt(0.1 x 0.01) = 0.0316; gm follow-up = sqrt(0.05 x 0.4) = 0.141 -> follow-up
        let s = [somatic(1, 0.1, 0.05), somatic(2, 0.01, 0.4)]
        #expect(chooseReferenceTimepoint(somatic: s, tieBreakThreshold: 0.01)
            == ReferenceTimepoint(index: 1, rule: .allMutations))
        // a tie goes to baseline
        #expect(chooseReferenceTimepoint(somatic: [somatic(1, 0.2, 0.2)], tieBreakThreshold: 0.01)?.index == 0)
        #expect(chooseReferenceTimepoint(somatic: [], tieBreakThreshold: 0.01) == nil)
    }

    @Test("tie-break: crossing driver changes summing to less than 0.01")
    func tieBreak() {
        // changes +0.006 and -0.002: opposite signs, |sum| = 0.004 < 0.01.
        // gm baseline = sqrt(0.020 x 0.050) = 0.0316 < gm follow-up = sqrt(0.026 x 0.048) = 0.0353,
        // so the drivers rule would say follow-up; the tie-break compares the Oncogenic driver (2):
        // 0.050 at baseline > 0.048 -> baseline.
        let s = [somatic(1, 0.020, 0.026, driver: true), somatic(2, 0.050, 0.048, driver: true, oncogenic: true)]
        #expect(tieBreakApplies(drivers: s, threshold: 0.01))
        #expect(chooseReferenceTimepoint(somatic: s, tieBreakThreshold: 0.01)
            == ReferenceTimepoint(index: 0, rule: .tieBreak))
        // no Oncogenic driver (hotspots only) -> baseline
        let hotspots = s.map { var m = $0; m.isOncogenic = false; return m }
        #expect(chooseReferenceTimepoint(somatic: hotspots, tieBreakThreshold: 0.01)?.index == 0)
        // changes +0.02 and -0.002: |sum| = 0.018 >= 0.01 -> no tie-break
        #expect(!tieBreakApplies(drivers: [somatic(1, 0.02, 0.04, driver: true), s[1]], threshold: 0.01))
        // same direction -> no tie-break
        #expect(!tieBreakApplies(drivers: [somatic(1, 0.02, 0.021, driver: true), somatic(2, 0.05, 0.051, driver: true)], threshold: 0.01))
    }

    @Test("clonal set: at least 0.3 x the highest AF at the reference, chosen from all of S")
    func clonalSet() {
        // highest at baseline 0.2 -> threshold 0.06: 0.2 and 0.06 in, 0.05 out
        let s = [somatic(1, 0.2, 0.1, driver: true), somatic(2, 0.06, 0.0), somatic(3, 0.05, 0.3)]
        let clonal = selectClonalSet(somatic: s, reference: 0, clonalFraction: 0.3)
        #expect(clonal.members.map(\.key) == [key(1), key(2)])
        #expect(abs(clonal.threshold - 0.06) < 1e-15)
        // fraction at baseline: 2 x sqrt(0.2 x 0.06) = 2 x 0.10954 = 0.21909
        #expect(abs(ctDNAFraction(clonalAlleleFractions: [0.2, 0.06])! - 2 * (0.012).squareRoot()) < 1e-15)
        // at follow-up the 0 is skipped: 2 x 0.1 = 0.2
        #expect(abs(ctDNAFraction(clonalAlleleFractions: [0.1, 0.0])! - 0.2) < 1e-15)
        #expect(ctDNAFraction(clonalAlleleFractions: [0, 0]) == 0)
    }

    @Test("tumour-informed purity reduces to 2 x AF for one mutant copy of two")
    func tumourInformed() {
        // m = 1, C_T = 2: 2 x 0.1 / (1 + 0 x 0.1) = 0.2
        #expect(tumourInformedPurity(alleleFraction: 0.1, copyNumber: MutantCopyNumber(totalCopies: 2, mutantCopies: 1)) == 0.2)
        // m = 2, C_T = 4: 2 x 0.3 / (2 + (2 - 4) x 0.3) = 0.6 / 1.4
        #expect(tumourInformedPurity(alleleFraction: 0.3, copyNumber: MutantCopyNumber(totalCopies: 4, mutantCopies: 2)) == 0.6 / 1.4)
    }
}
