import CtDNAStats
import Testing

/// Pearson's r and Spearman's rho, worked out by hand (R's `cor` gives the same).
@Suite struct CorrelationTests {
    @Test func pearson() throws {
        // x = 1, 2, 3; y = 1, 2, 4: means 2 and 7/3; sxy = 3, sxx = 2, syy = 14/3 -> r = 3 / sqrt(28/3)
        let r = try #require(Correlation.pearson([1, 2, 3], [1, 2, 4]))
        #expect(abs(r - 3 / (28.0 / 3).squareRoot()) < 1e-15)
        #expect(Correlation.pearson([1, 2, 3], [3, 2, 1]) == -1)
        #expect(Correlation.pearson([1], [1]) == nil && Correlation.pearson([1, 1], [1, 2]) == nil)
    }

    @Test func spearmanWithTies() throws {
        // ranks of x = 1, 2, 2, 3: 1, 2.5, 2.5, 4; of y = 1, 3, 2, 4 themselves; centred sums
        // sxy = 4.5, sxx = 4.5, syy = 5 -> rho = 4.5 / sqrt(22.5) = sqrt(0.9) (R: 0.9486833)
        let rho = try #require(Correlation.spearman([1, 2, 2, 3], [1, 3, 2, 4]))
        #expect(abs(rho - (0.9).squareRoot()) < 1e-15)
        // monotone: 1 whatever the spacing
        #expect(Correlation.spearman([0.001, 0.01, 0.5], [2, 30, 31]) == 1)
    }
}
