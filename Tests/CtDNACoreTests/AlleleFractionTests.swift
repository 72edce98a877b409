import CtDNACore
import CtDNAModel
import Testing
import TestSupport

@Suite("Per-sample allele fraction")
struct AlleleFractionTests {
    @Test("AF is alt / (alt + ref)")
    func plainFraction() {
        // 5 / (5 + 45) = 0.1
        let observation = observeAlleleFraction(row("TP53", 10, alt: 5, ref: 45), minAltReads: 2)
        #expect(observation.alleleFraction == 0.1)
        #expect(!observation.belowMinimumAltReads)
    }

    @Test("a single read counts as not detected")
    func singleRead() {
        // alt 1 < 2 -> alt taken as 0 -> 0 / (1 + 99) = 0
        let observation = observeAlleleFraction(row("TP53", 10, alt: 1, ref: 99), minAltReads: 2)
        #expect(observation.alleleFraction == 0)
        #expect(observation.belowMinimumAltReads)
        #expect(observation.altCount == 1)  // the table's count is kept for the audit
        // with the rule off (min 1): 1 / 100 = 0.01
        #expect(observeAlleleFraction(row("TP53", 10, alt: 1, ref: 99), minAltReads: 1).alleleFraction == 0.01)
    }

    @Test("no reads gives no AF, not 0")
    func noCoverage() {
        // alt + ref = 0 -> nil
        let observation = observeAlleleFraction(row("TP53", 10, alt: 0, ref: 0), minAltReads: 2)
        #expect(observation.alleleFraction == nil)
        #expect(!observation.hasCoverage)
    }

    @Test("missing counts fall back to the record's VAF")
    func vafOnly() {
        let record = VariantRecord(
            gene: "TP53", chromosome: "17", position: 1, reference: "C", alternate: "T",
            altCount: nil, refCount: nil, alleleFraction: 0.25)
        #expect(observeAlleleFraction(record, minAltReads: 2).alleleFraction == 0.25)
    }

    @Test("difference and ratio; ratio NA when baseline is 0")
    func pairedMetric() {
        // 0.05 - 0.2 = -0.15; 0.05 / 0.2 = 0.25
        let metric = PairedMetric(baseline: 0.2, followup: 0.05)
        #expect(abs(metric.difference + 0.15) < 1e-15)
        #expect(metric.ratio == 0.25)
        #expect(PairedMetric(baseline: 0, followup: 0.1).ratio == nil)
        #expect(PairedMetric(baseline: 0, followup: 0).ratio == nil)
    }
}
