import Testing
import CtDNAStats

@Suite("Signed-rank test")
struct SignedRankTests {
    /// R's help-page example of ?wilcox.test; values printed by R 4.2.2:
    /// wilcox.test(x, y, paired = TRUE) gives V = 40, p-value = 0.0390625;
    /// with alternative = "greater", p-value = 0.01953125.
    @Test func helpPageExample() throws {
        let x = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
        let y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
        let twoSided = try SignedRankTest.paired(followup: x, baseline: y)
        #expect(twoSided.statistic == 40)
        #expect(twoSided.method == .exact)
        #expect(abs(twoSided.pValue - 0.0390625) <= 1e-10 * 0.0390625)
        let greater = try SignedRankTest.paired(
            followup: x, baseline: y, options: WilcoxonOptions(alternative: .greater))
        #expect(abs(greater.pValue - 0.01953125) <= 1e-10 * 0.01953125)
    }

    /// By hand: differences 1, -2, 3 have ranks 1, 2, 3 and V = 1 + 3 = 4.
    /// Under the null each of the 2^3 = 8 sign patterns is equally likely; the positive-rank
    /// sums are 0, 1, 2, 3, 3, 4, 5, 6, so P(V >= 4) = 3/8 and the two-sided p = 2 * 3/8 = 0.75.
    /// Walsh averages: 1, -2, 3, (1-2)/2 = -0.5, (1+3)/2 = 2, (-2+3)/2 = 0.5;
    /// sorted -2, -0.5, 0.5, 1, 2, 3, so the pseudo-median is (0.5 + 1) / 2 = 0.75.
    @Test func handComputedSmallCase() throws {
        let result = try SignedRankTest.oneSample([1, -2, 3])
        #expect(result.statistic == 4)
        // Like R, the terms are weighted by exp(-3 log 2), so the sum lands a few ulps off 3/4.
        #expect(abs(result.pValue - 0.75) < 1e-14)
        #expect(result.estimate == 0.75)
        #expect(result.observationsUsed == 3)
    }

    /// Fixture case signed_tiny_p_greater: R gives 9.9845990903902153e-22, which 1 - cdf would round to 0.
    @Test func tinyUpperTailKeepsItsDigits() throws {
        let reference = WilcoxonReference.named("signed_tiny_p_greater")
        let result = try reference.run()
        #expect(result.pValue > 0)
        #expect(abs(result.pValue - 9.9845990903902153e-22) <= 1e-8 * 9.9845990903902153e-22)
    }

    @Test func zerosAreDroppedAndExplained() throws {
        let reference = WilcoxonReference.named("signed_zeros_paired")
        let result = try reference.run()
        #expect(result.observationsUsed == 5)
        #expect(result.method == .normal)
        #expect(result.notes.contains { $0.contains("zero differences") })
    }

    @Test func tiesForceTheNormalApproximationWithANote() throws {
        let result = try WilcoxonReference.named("signed_ties_exact_asked").run()
        #expect(result.method == .normal)
        #expect(result.notes.contains { $0.contains("ties") })
    }

    @Test func forcedExactWorksForTwoHundredDifferences() throws {
        let reference = WilcoxonReference.named("signed_n200_forced_exact")
        let result = try reference.run()
        #expect(result.method == .exact)
        #expect(abs(result.pValue - reference.pValue) <= 1e-10 * reference.pValue)
    }

    @Test func allZeroDifferencesAreNotEnough() {
        #expect(throws: StatisticsError.notEnoughObservations(label: "non-zero difference")) {
            try SignedRankTest.paired(followup: [1, 2, 3], baseline: [1, 2, 3])
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteInputIsRejected(bad: Double) {
        do {
            _ = try SignedRankTest.paired(followup: [1, bad], baseline: [0, 0])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("followup value 2"))
        }
    }

    @Test func unequalLengthsAreRejected() {
        #expect(throws: StatisticsError.lengthMismatch(first: 2, second: 1)) {
            try SignedRankTest.paired(followup: [1, 2], baseline: [1])
        }
    }

    @Test func invalidConfidenceLevelIsRejected() {
        #expect(throws: StatisticsError.invalidConfidenceLevel(1)) {
            try SignedRankTest.oneSample([1, 2], options: WilcoxonOptions(confidenceLevel: 1))
        }
    }
}
