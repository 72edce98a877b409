import CtDNAModel
import Testing

/// Timepoints, metrics, the in-memory byte sink and the paired observation; expected values by hand.
@Suite("Plain values")
struct ValueTests {
    @Test func timepointsAreTheirNames() {
        #expect(Timepoint.pair == [.baseline, .followup])
        #expect(Timepoint.pair.map(\.name) == ["baseline", "followup"])
        #expect(Timepoint("baseline") == .baseline)
        #expect(Timepoint("week 12").description == "week 12")
        #expect(Timepoint("Baseline") != .baseline)
    }

    @Test func metricColumnsAndNames() {
        #expect(Metric.tested == [.ctDNAFraction, .medianAlleleFraction])
        #expect(Metric.ctDNAFraction.rawValue == "ctdna_fraction" && Metric.medianAlleleFraction.rawValue == "median_af")
        #expect(Metric(rawValue: "median_af") == .medianAlleleFraction)
        #expect(Metric.ctDNAFraction.column(at: .baseline) == "ctdna_fraction_baseline")
        #expect(Metric.medianAlleleFraction.column(at: .followup) == "median_af_followup")
        #expect(Metric.ctDNAFraction.column(at: Timepoint("week12")) == "ctdna_fraction_week12")
        #expect(Metric.medianAlleleFraction.description == "median_af")
    }

    @Test func byteBufferKeepsEverythingInOrder() throws {
        let buffer = ByteBuffer()
        try buffer.write("a\t")
        try buffer.write([0xC3, 0xA9])  // é in UTF-8
        Array("\n".utf8).withUnsafeBytes { buffer.write(bytes: $0) }
        #expect(buffer.bytes == [0x61, 0x09, 0xC3, 0xA9, 0x0A])
        #expect(buffer.text == "a\t\u{E9}\n")
    }

    @Test func pairedObservationDifference() {
        // 0.05 - 0.2 = -0.15
        let observation = PairedObservation(patient: "P1", cohort: "c", arm: "a", baseline: 0.2, followup: 0.05)
        #expect(abs(observation.difference + 0.15) < 1e-15)
    }

    /// The list values the list files fill: a key or gene + protein change match, never a gene.
    @Test func geneProteinChangeIsNormalised() {
        // upper-case gene, no `p.`, Ter written as *
        #expect(GeneProteinChange(gene: " tet2 ", change: "p.R635GfsTer16") == GeneProteinChange(gene: "TET2", change: "R635Gfs*16"))
        #expect(GeneProteinChange(gene: "PPM1D", change: "R458*").change == "R458*")
        let drop = DropList(entries: ["P1": [MutationKey(chromosome: "chr1", position: 10, reference: "C", alternate: "T")]])
        #expect(drop.contains(patient: "P1", key: MutationKey(chromosome: "1", position: 10, reference: "C", alternate: "T")))
        #expect(!drop.contains(patient: "P2", key: MutationKey(chromosome: "1", position: 10, reference: "C", alternate: "T")))
    }
}
