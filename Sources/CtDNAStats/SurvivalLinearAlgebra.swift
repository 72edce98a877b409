/// A symmetric positive semi-definite matrix factored as L D L' (unit lower-triangular L,
/// diagonal D), with pivots below `tolerance` times the largest diagonal entry treated as zero
/// so that a singular matrix gives a generalised inverse instead of an error. This is the
/// convention of the survival package's Cholesky routines (toler.chol = machine epsilon^0.75):
/// a column whose pivot is dropped gets 0 in every solution and a zero row and column in the
/// inverse.
struct SymmetricFactorization {
    /// Lower triangle holds L (below the diagonal); the diagonal holds D, 0 for dropped pivots.
    private var factor: [[Double]]
    /// Number of pivots kept.
    private(set) var rank: Int

    /// Factors `matrix` (only its lower triangle is read).
    init(_ matrix: [[Double]], tolerance: Double = 1.8189894035458565e-12) {
        let n = matrix.count
        var a = matrix
        let largest = (0..<n).reduce(0.0) { max($0, abs(a[$1][$1])) }
        let threshold = largest * tolerance
        var rank = 0
        for i in 0..<n {
            let pivot = a[i][i]
            if !pivot.isFinite || pivot < threshold {
                a[i][i] = 0
                for j in (i + 1)..<max(i + 1, n) { a[j][i] = 0 }
                continue
            }
            rank += 1
            for j in (i + 1)..<max(i + 1, n) {
                let ratio = a[j][i] / pivot
                a[j][i] = ratio
                a[j][j] -= ratio * ratio * pivot
                for k in (j + 1)..<max(j + 1, n) { a[k][j] -= ratio * a[k][i] }
            }
        }
        factor = a
        self.rank = rank
    }

    /// x with A x = b (a generalised solution: components of dropped pivots are 0).
    func solve(_ b: [Double]) -> [Double] {
        let n = factor.count
        var x = b
        for i in 0..<n {   // L y = b
            for k in 0..<i { x[i] -= factor[i][k] * x[k] }
        }
        for i in 0..<n {   // D z = y
            x[i] = factor[i][i] == 0 ? 0 : x[i] / factor[i][i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {   // L' x = z
            for k in (i + 1)..<max(i + 1, n) { x[i] -= factor[k][i] * x[k] }
        }
        return x
    }

    /// The (generalised) inverse, column by column.
    func inverse() -> [[Double]] {
        let n = factor.count
        var inverse = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for column in 0..<n {
            var unit = [Double](repeating: 0, count: n)
            unit[column] = 1
            let solution = solve(unit)
            for row in 0..<n { inverse[row][column] = solution[row] }
        }
        for i in 0..<n where factor[i][i] == 0 {
            for j in 0..<n { inverse[i][j] = 0; inverse[j][i] = 0 }
        }
        // Symmetrise (the two triangles differ only by rounding).
        for i in 0..<n {
            for j in 0..<i {
                let mean = (inverse[i][j] + inverse[j][i]) / 2
                inverse[i][j] = mean
                inverse[j][i] = mean
            }
        }
        return inverse
    }

    /// b' A^- b, the quadratic form of a chi-square statistic.
    func quadraticForm(_ b: [Double]) -> Double {
        zip(solve(b), b).reduce(0) { $0 + $1.0 * $1.1 }
    }
}
