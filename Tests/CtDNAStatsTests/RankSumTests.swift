import Testing
import CtDNAStats

@Suite("Rank-sum test")
struct RankSumTests {
    /// By hand: first = [3, 5], second = [1, 4]. Pairs where first > second: (3,1), (5,1), (5,4),
    /// so W = 3. The C(4,2) = 6 equally likely rank sets for the first group give
    /// W = 0, 1, 2, 2, 3, 4, so P(W >= 3) = 2/6 and the two-sided p = 2/3.
    /// The differences first - second are 2, -1, 4, 1; their median is (1 + 2) / 2 = 1.5.
    @Test func handComputedSmallCase() throws {
        let result = try RankSumTest.run(first: [3, 5], second: [1, 4])
        #expect(result.statistic == 3)
        #expect(abs(result.pValue - 2.0 / 3.0) < 1e-15)
        #expect(result.estimate == 1.5)
        #expect(result.observationsUsed == 4)
    }

    @Test func identicalGroupsGiveOne() throws {
        let result = try WilcoxonReference.named("rank_sum_identical").run()
        #expect(result.pValue == 1)
        #expect(result.statistic == 8)
    }

    @Test func emptyGroupIsNotEnough() {
        #expect(throws: StatisticsError.notEnoughObservations(label: "second-group")) {
            try RankSumTest.run(first: [1, 2], second: [])
        }
    }

    @Test func tiesNoteWhenExactWasRequested() throws {
        let result = try RankSumTest.run(
            first: [1, 2, 2], second: [2, 3], options: WilcoxonOptions(exactPolicy: .always))
        #expect(result.method == .normal)
        #expect(result.notes.first?.contains("ties") == true)
    }
}
