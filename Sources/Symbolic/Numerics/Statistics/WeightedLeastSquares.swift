/// Weighted linear least squares y_i ≈ Σ_j β_j f_j(x_i) for observations with known standard
/// errors σ_i (Monte Carlo means, say): minimises Σ ((y_i - Σ_j β_j f_ij)/σ_i)².
///
/// For extrapolating a sequence of noisy estimates to its limit (the coefficient of the constant
/// basis function), with the limit's standard error from the covariance (XᵀWX)⁻¹. The fit's χ²
/// against its degrees of freedom says whether the basis describes the data within its errors.
public struct WeightedLeastSquares: Sendable, Equatable {
    public let coefficients: [Double]
    /// Standard errors of the coefficients, √diag((XᵀWX)⁻¹).
    public let standardErrors: [Double]
    /// Σ residual²/σ².
    public let chiSquared: Double
    public let degreesOfFreedom: Int

    public enum FitError: Error, Sendable, Equatable {
        case shape(String)
        /// The weighted normal equations are singular (dependent basis functions).
        case singular
    }

    /// `design[i][j]` = f_j(x_i); needs more observations than coefficients and σ_i > 0.
    public init(design: [[Double]], values: [Double], standardErrors sigma: [Double]) throws(FitError) {
        let count = values.count
        let p = design.first?.count ?? 0
        guard count == design.count, count == sigma.count, p > 0, design.allSatisfy({ $0.count == p }) else {
            throw .shape("\(design.count) design rows, \(values.count) values, \(sigma.count) errors")
        }
        guard count > p else { throw .shape("\(count) observations for \(p) coefficients") }
        guard sigma.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw .shape("standard errors must be positive") }
        // Normal equations A β = r, A = XᵀWX, r = XᵀWy, W = diag(1/σ²).
        var a = [[Double]](repeating: [Double](repeating: 0, count: p), count: p)
        var r = [Double](repeating: 0, count: p)
        for i in 0..<count {
            let w = 1 / (sigma[i] * sigma[i])
            for j in 0..<p {
                r[j] += w * design[i][j] * values[i]
                for k in 0..<p { a[j][k] += w * design[i][j] * design[i][k] }
            }
        }
        let inverse = try WeightedLeastSquares.invert(a)
        let beta = (0..<p).map { j in (0..<p).reduce(0.0) { $0 + inverse[j][$1] * r[$1] } }
        var chi2 = 0.0
        for i in 0..<count {
            let fitted = (0..<p).reduce(0.0) { $0 + beta[$1] * design[i][$1] }
            let z = (values[i] - fitted) / sigma[i]
            chi2 += z * z
        }
        coefficients = beta
        standardErrors = (0..<p).map { inverse[$0][$0].squareRoot() }
        chiSquared = chi2
        degreesOfFreedom = count - p
    }

    /// Gauss–Jordan with partial pivoting; p is a handful, so nothing cleverer is needed.
    static func invert(_ matrix: [[Double]]) throws(FitError) -> [[Double]] {
        let p = matrix.count
        var a = matrix
        var inverse = (0..<p).map { i in (0..<p).map { $0 == i ? 1.0 : 0.0 } }
        let scale = matrix.flatMap { $0 }.reduce(0) { Swift.max($0, Swift.abs($1)) }
        for column in 0..<p {
            let pivot = (column..<p).max { Swift.abs(a[$0][column]) < Swift.abs(a[$1][column]) } ?? column
            guard Swift.abs(a[pivot][column]) > 1e-14 * scale else { throw .singular }
            a.swapAt(column, pivot)
            inverse.swapAt(column, pivot)
            let d = a[column][column]
            for k in 0..<p {
                a[column][k] /= d
                inverse[column][k] /= d
            }
            for row in 0..<p where row != column {
                let f = a[row][column]
                guard f != 0 else { continue }
                for k in 0..<p {
                    a[row][k] -= f * a[column][k]
                    inverse[row][k] -= f * inverse[column][k]
                }
            }
        }
        return inverse
    }
}
