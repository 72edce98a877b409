import CtDNAModel
import Testing

/// The shared averages. Expected values by hand (and, for the quantiles, as R's default
/// `quantile(x, p)`, type 7, prints them).
@Suite("Averages")
struct AveragesTests {
    @Test func medianOfOddEvenAndNoValues() {
        // sorted [1, 2, 3] -> 2
        #expect(Averages.median([3, 1, 2]) == 2)
        // sorted [1, 2, 3, 4] -> (2 + 3) / 2 = 2.5
        #expect(Averages.median([4, 1, 3, 2]) == 2.5)
        #expect(Averages.median([7]) == 7)
        #expect(Averages.median([]) == nil)
        #expect(Averages.median(sorted: [1, 2, 10]) == 2)
        #expect(Averages.median(sorted: [1, 2, 10, 20]) == 6)
        #expect(Averages.median(sorted: []) == nil)
    }

    /// Moved from Core's AlleleFractionTests ("geometric mean over positive values and median
    /// with zeros"), where these were Core's free functions.
    @Test func geometricMeanOverPositiveValuesAndMedianWithZeros() {
        // exp((log 0.1 + log 0.4) / 2) = sqrt(0.04) = 0.2; the 0 is skipped
        #expect(abs(Averages.geometricMeanOfPositive([0.1, 0, 0.4]) - 0.2) < 1e-15)
        #expect(Averages.geometricMeanOfPositive([0, 0]) == 0)
        // sorted [0, 0.1, 0.3, 0.4] -> (0.1 + 0.3) / 2 = 0.2
        #expect(Averages.median([0.4, 0, 0.1, 0.3]) == 0.2)
        #expect(Averages.median([0.3, 0, 0.1]) == 0.1)
        #expect(Averages.median([]) == nil)
    }

    @Test func geometricMeanEdges() {
        #expect(Averages.geometricMeanOfPositive([]) == 0)
        // one positive value is returned exactly, zeros or not
        #expect(Averages.geometricMeanOfPositive([0.3]) == 0.3)
        #expect(Averages.geometricMeanOfPositive([0, 0.3, 0]) == 0.3)
        // sqrt(2 x 8) = 4; negatives are ignored like zeros: sqrt(4 x 9) = 6
        #expect(abs(Averages.geometricMeanOfPositive([2, 8]) - 4) < 1e-14)
        #expect(abs(Averages.geometricMeanOfPositive([-1, 4, 0, 9]) - 6) < 1e-14)
        // cube root of 0.1 x 0.2 x 0.4 = cube root of 0.008 = 0.2
        #expect(abs(Averages.geometricMeanOfPositive([0.1, 0.2, 0.4]) - 0.2) < 1e-15)
    }

    /// Type 7: position (n - 1) p between order statistics, interpolated linearly. For
    /// x = (1, 2, 4, 10), n - 1 = 3:
    /// p = 0.25 -> 0.75 -> 1 + 0.75 x (2 - 1) = 1.75 (R: quantile(c(1,2,4,10), .25) = 1.75);
    /// p = 0.5 -> 1.5 -> 2 + 0.5 x (4 - 2) = 3, the median;
    /// p = 0.75 -> 2.25 -> 4 + 0.25 x (10 - 4) = 5.5;
    /// p = 0.9 -> 2.7 -> 4 + 0.7 x 6 = 8.2; p = 0 and 1 give the extremes.
    @Test(arguments: [(0.25, 1.75), (0.5, 3.0), (0.75, 5.5), (0.9, 8.2), (0.0, 1.0), (1.0, 10.0)])
    func quantileType7(p: Double, expected: Double) {
        #expect(abs(Averages.quantile([1, 2, 4, 10], p) - expected) < 1e-12)
        // the order of the values does not matter
        #expect(abs(Averages.quantile([10, 1, 4, 2], p) - expected) < 1e-12)
    }

    @Test func quantileOfOneValueIsThatValue() {
        #expect(Averages.quantile([0.42], 0.0) == 0.42)
        #expect(Averages.quantile([0.42], 0.3) == 0.42)
        #expect(Averages.quantile([0.42], 1.0) == 0.42)
    }
}
