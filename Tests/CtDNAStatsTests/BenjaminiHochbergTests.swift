import Testing
import CtDNAStats

@Suite("Benjamini-Hochberg")
struct BenjaminiHochbergTests {
    /// Fixtures/bh_reference.tsv: R 4.2.2's p.adjust(p, method = "BH") with NA and NaN inputs.
    @Test func matchesPAdjust() {
        let table = fixtureTable("bh_reference.tsv")
        let pValues: [Double?] = table.rows.map { parseNumber($0[0]) }.map { $0.isNaN ? nil : $0 }
        let expected = table.rows.map { parseNumber($0[1]) }
        let qValues = BenjaminiHochberg.qValues(pValues)
        for (q, reference) in zip(qValues, expected) {
            #expect(agrees(q, reference, relative: 1e-12), "q \(String(describing: q)) vs R \(reference)")
        }
    }

    @Test func nanStaysMissing() {
        #expect(BenjaminiHochberg.qValues([.nan, 0.5]) == [nil, 0.5])
        #expect(BenjaminiHochberg.qValues([]) == [])
    }
}
