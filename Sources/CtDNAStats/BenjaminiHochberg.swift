/// Benjamini-Hochberg false-discovery-rate adjustment, as R's `p.adjust(p, method = "BH")`.
public enum BenjaminiHochberg {
    /// The BH q-value of every p-value.
    ///
    /// Missing (`nil`) and NaN p-values stay missing and do not count in the number of tests m.
    /// For the i-th smallest of m p-values, q = min over j >= i of min(1, m / j * p(j)).
    /// - Parameter pValues: The p-values, in any order.
    /// - Returns: The q-values, in the same order.
    public static func qValues(_ pValues: [Double?]) -> [Double?] {
        let present = pValues.indices.filter { pValues[$0].map { !$0.isNaN } ?? false }
        let m = Double(present.count)
        // Largest p first, so the running minimum runs from the largest rank down.
        let order = present.sorted { pValues[$0]! > pValues[$1]! }
        var qValues = [Double?](repeating: nil, count: pValues.count)
        var runningMinimum = Double.infinity
        for (offset, index) in order.enumerated() {
            let rank = m - Double(offset)
            runningMinimum = min(runningMinimum, m / rank * pValues[index]!)
            qValues[index] = min(1, runningMinimum)
        }
        return qValues
    }
}
