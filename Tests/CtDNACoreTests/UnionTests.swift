import CtDNACore
import CtDNAModel
import Testing
import TestSupport

@Suite("Union of detected mutations")
struct UnionTests {
    @Test("a mutation absent from the follow-up table is an imputed zero")
    func absentAtFollowup() {
        let mutation = pair(row("TP53", 10, alt: 20, ref: 80), nil)
        // baseline 20 / 100 = 0.2; follow-up absent -> 0, imputed
        #expect(mutation.observations[0].alleleFraction == 0.2)
        #expect(mutation.observations[1].alleleFraction == 0)
        #expect(mutation.observations[1].imputedZero)
        #expect(mutation.records[1] == nil)
        #expect(unionExclusions(mutation).isEmpty)
    }

    @Test("union is sorted by key and keeps mutations of either table")
    func union() {
        let mutations = mergeSeries(
            [[row("A", 30, alt: 5, ref: 5), row("B", 10, alt: 5, ref: 5)],
             [row("C", 20, alt: 5, ref: 5), row("A", 30, alt: 0, ref: 10)]], minAltReads: 2).mutations
        #expect(mutations.map(\.key) == [key(10), key(20), key(30)])
        #expect(mutations[2].observations[1].alleleFraction == 0)
        #expect(!mutations[2].observations[1].imputedZero)
    }

    @Test("an unsorted table with a repeated mutation: keys come out sorted, the first row is used, the repeat is named")
    func unsortedRepeats() {
        let result = mergeSeries(
            [[row("A", 30, alt: 6, ref: 4), row("B", 10, alt: 5, ref: 5), row("A", 30, alt: 1, ref: 9),
              row("X", 2, alt: 3, ref: 7)],
             [row("B", 10, alt: 2, ref: 8)]], minAltReads: 2)
        #expect(result.mutations.map(\.key) == [key(2), key(10), key(30)])
        // the first A row: 6 / (6 + 4) = 0.6, not the repeat's 1 / 10
        #expect(result.mutations[2].observations[0].alleleFraction == 0.6)
        #expect(result.mutations[2].observations[1].imputedZero)
        // B at follow-up: 2 / 10 = 0.2
        #expect(result.mutations[1].observations[1].alleleFraction == 0.2)
        #expect(result.repeated[0] == [key(30)])
        #expect(result.repeated[1].isEmpty)
    }

    @Test("AF 0 at both timepoints leaves the union as not_detected")
    func notDetected() {
        // one read at each timepoint: both zeroed by the 2-read rule
        let mutation = pair(row("TP53", 10, alt: 1, ref: 50), row("TP53", 10, alt: 1, ref: 50))
        #expect(unionExclusions(mutation) == [.notDetected])
    }

    @Test("call status: called at one timepoint is enough; called at none leaves")
    func callStatus() {
        let once = pair(row("TP53", 10, alt: 5, ref: 5, called: "Yes"), row("TP53", 10, alt: 3, ref: 5, called: "No"))
        #expect(unionExclusions(once).isEmpty)
        let never = pair(row("TP53", 10, alt: 5, ref: 5, called: "No"), row("TP53", 10, alt: 3, ref: 5, called: "no"))
        #expect(unionExclusions(never) == [.notCalled])
        #expect(isCalled("YES") && isCalled(" true ") && !isCalled("Not Called"))
    }

    /// docs/method.md §1 (METHOD.md section 2): a timepoint without reads has no value there;
    /// the mutation stays in the union, and the uncovered timepoint is named.
    @Test("detected at one timepoint, no reads at the other: in the union, uncovered at the second")
    func noCoverage() {
        let mutation = pair(row("TP53", 10, alt: 5, ref: 5), row("TP53", 10, alt: 0, ref: 0))
        #expect(unionExclusions(mutation).isEmpty)
        #expect(uncoveredTimepoints(mutation) == [1])
    }
}
