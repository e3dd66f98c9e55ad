/// Thin SVD A = U·diag(σ)·Vᵀ of a `DoubleMatrix`, k = min(m, n).
public struct DoubleSingularValueDecomposition: Sendable {
    /// m×k with orthonormal columns.
    public let u: DoubleMatrix
    /// σ_1 ≥ … ≥ σ_k ≥ 0.
    public let singularValues: [Double]
    /// n×k with orthonormal columns.
    public let v: DoubleMatrix
    /// Jacobi sweeps, counting the final one that found nothing left to rotate.
    public let sweeps: Int

    /// U·diag(σ)·Vᵀ, for checking the factorisation.
    public func reconstructed() -> DoubleMatrix {
        let k = u.columns
        let scaled = DoubleMatrix(unchecked: u.rows, k, entries: u.entries.enumerated().map { $0.element * singularValues[$0.offset % k] })
        return (try? scaled.multiplied(by: v.transposed())) ?? scaled
    }
}

extension DoubleMatrix {
    /// One-sided (Hestenes) Jacobi SVD in double precision; the same method as
    /// `Matrix.singularValueDecomposition`, see there for the why.
    ///
    /// Columns of A and V are kept as contiguous rows of Aᵀ and Vᵀ, so each pair rotation
    /// streams through memory; storage is O(mn + n²). A pair counts as orthogonal when
    /// |a_pᵀa_q| ≤ max(√m, 4)·ε·‖a_p‖‖a_q‖ (ε = 2^-52): the √m allows for the rounding
    /// noise of a length-m dot product, which a tolerance of ε alone could never get under.
    public func singularValueDecomposition() throws(LinearAlgebraError) -> DoubleSingularValueDecomposition {
        guard isFinite else { throw .nonFinite }
        if rows < columns {
            let t = try transposed().singularValueDecomposition()
            return DoubleSingularValueDecomposition(u: t.v, singularValues: t.singularValues, v: t.u, sweeps: t.sweeps)
        }
        let m = rows, n = columns
        let tolerance = Swift.max(Double(m).squareRoot(), 4) * Double.ulpOfOne
        var w = transposed().entries  // row j = column j of A
        var vt = [Double](repeating: 0, count: n * n)  // row j = column j of V
        for j in 0..<n { vt[j * n + j] = 1 }

        var sweeps = 0
        var rotated = n > 1
        try w.withUnsafeMutableBufferPointer { (w: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
            try vt.withUnsafeMutableBufferPointer { (vt: inout UnsafeMutableBufferPointer<Double>) throws(LinearAlgebraError) in
                guard let a = w.baseAddress, let v = vt.baseAddress else { return }
                while rotated {
                    guard sweeps < LinearAlgebraConstants.maximumSweeps else { throw .noConvergence(sweeps: sweeps) }
                    sweeps += 1
                    rotated = false
                    for p in 0..<(n - 1) {
                        let x = a + p * m
                        for q in (p + 1)..<n {
                            let y = a + q * m
                            var alpha = 0.0, beta = 0.0, gamma = 0.0
                            for i in 0..<m {
                                let xi = x[i], yi = y[i]
                                alpha += xi * xi
                                beta += yi * yi
                                gamma += xi * yi
                            }
                            if gamma == 0 || Swift.abs(gamma) <= tolerance * (alpha.squareRoot() * beta.squareRoot()) { continue }
                            rotated = true
                            let zeta = (beta - alpha) / (2 * gamma)
                            let root = (1 + zeta * zeta).squareRoot()
                            // For huge |zeta| the rotation is within rounding of the identity.
                            let t = zeta.isFinite ? (zeta < 0 ? -1 / (root - zeta) : 1 / (zeta + root)) : 0
                            if t == 0 { continue }
                            let c = 1 / (1 + t * t).squareRoot()
                            let s = c * t
                            for i in 0..<m {
                                let xi = x[i], yi = y[i]
                                x[i] = c * xi - s * yi
                                y[i] = s * xi + c * yi
                            }
                            let vp = v + p * n, vq = v + q * n
                            for i in 0..<n {
                                let xi = vp[i], yi = vq[i]
                                vp[i] = c * xi - s * yi
                                vq[i] = s * xi + c * yi
                            }
                        }
                    }
                }
            }
        }

        let norms: [Double] = (0..<n).map { j in
            var sum = 0.0
            for i in 0..<m { sum += w[j * m + i] * w[j * m + i] }
            return sum.squareRoot()
        }
        let order = (0..<n).sorted { norms[$0] > norms[$1] || (norms[$0] == norms[$1] && $0 < $1) }
        var uColumns: [[Double]] = order.map { j in
            norms[j] == 0 ? [] : (0..<m).map { w[j * m + $0] / norms[j] }
        }
        completeOrthonormal(&uColumns, length: m)
        var uEntries = [Double](repeating: 0, count: m * n)
        var vEntries = [Double](repeating: 0, count: n * n)
        for c in 0..<n {
            for i in 0..<m { uEntries[i * n + c] = uColumns[c][i] }
            for i in 0..<n { vEntries[i * n + c] = vt[order[c] * n + i] }
        }
        return DoubleSingularValueDecomposition(u: DoubleMatrix(unchecked: m, n, entries: uEntries),
                                                singularValues: order.map { norms[$0] },
                                                v: DoubleMatrix(unchecked: n, n, entries: vEntries),
                                                sweeps: sweeps)
    }

    public func singularValues() throws(LinearAlgebraError) -> [Double] {
        try singularValueDecomposition().singularValues
    }

    /// σ_1 (0 for an empty matrix).
    public func spectralNorm() throws(LinearAlgebraError) -> Double {
        try singularValues().first ?? 0
    }

    public func nuclearNorm() throws(LinearAlgebraError) -> Double {
        try singularValues().reduce(0, +)
    }

    /// Default cutoff for "zero" singular values: max(m, n)·ε·σ_max, as numpy's `matrix_rank`.
    func negligibleThreshold(largest: Double) -> Double {
        Double(Swift.max(rows, columns, 1)) * Double.ulpOfOne * largest
    }

    /// msign(G) = U_r·V_rᵀ, with the same rank-deficient convention as `Matrix.msign`:
    /// singular values at or below `threshold` (default max(m,n)·ε·σ_max) are dropped.
    public func msign(threshold: Double? = nil) throws(LinearAlgebraError) -> DoubleMatrix {
        let svd = try singularValueDecomposition()
        let cutoff = threshold ?? negligibleThreshold(largest: svd.singularValues.first ?? 0)
        let r = svd.singularValues.prefix { $0 > cutoff }.count
        let k = svd.u.columns
        var result = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for c in 0..<r {
                let uic = svd.u.entries[i * k + c]
                for j in 0..<columns { result[i * columns + j] += uic * svd.v.entries[j * k + c] }
            }
        }
        return DoubleMatrix(unchecked: rows, columns, entries: result)
    }

    public func rank(threshold: Double? = nil) throws(LinearAlgebraError) -> Int {
        let values = try singularValues()
        let cutoff = threshold ?? negligibleThreshold(largest: values.first ?? 0)
        return values.prefix { $0 > cutoff }.count
    }
}

/// Double version of the BigFloat completion in JacobiSVD.swift: fills empty columns with
/// unit vectors orthogonal to the rest (best standard basis vector, Gram–Schmidt twice).
func completeOrthonormal(_ columns: inout [[Double]], length m: Int) {
    for slot in columns.indices where columns[slot].isEmpty {
        let basis = columns.filter { !$0.isEmpty }
        var best: [Double] = []
        var bestNorm = -1.0
        for e in 0..<m {
            var x = [Double](repeating: 0, count: m)
            x[e] = 1
            for _ in 0..<2 {
                for b in basis {
                    var dot = 0.0
                    for i in 0..<m { dot += b[i] * x[i] }
                    for i in 0..<m { x[i] -= dot * b[i] }
                }
            }
            let normSquared = x.reduce(0) { $0 + $1 * $1 }
            if normSquared > bestNorm { bestNorm = normSquared; best = x }
        }
        let norm = bestNorm.squareRoot()
        columns[slot] = best.map { $0 / norm }
    }
}
