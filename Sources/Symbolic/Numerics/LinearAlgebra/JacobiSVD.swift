/// A thin singular value decomposition A = U·diag(σ)·Vᵀ of an m×n matrix, k = min(m, n).
public struct SingularValueDecomposition: Sendable {
    /// m×k with orthonormal columns.
    public let u: Matrix
    /// σ_1 ≥ σ_2 ≥ … ≥ σ_k ≥ 0.
    public let singularValues: [BigFloat]
    /// n×k with orthonormal columns.
    public let v: Matrix
    /// Sweeps of the one-sided Jacobi iteration, counting the final one that found no
    /// rotation left to do (0 when there is at most one column: nothing to orthogonalise).
    public let sweeps: Int

    /// diag(σ) as a k×k matrix.
    public var sigma: Matrix { Matrix.diagonal(singularValues, precision: u.precision) }

    /// U·diag(σ)·Vᵀ, for checking the factorisation.
    public func reconstructed() -> Matrix {
        // Shapes are consistent by construction, so the products cannot throw.
        let scaled = Matrix(unchecked: u.rows, u.columns, precision: u.precision,
                            entries: u.entries.enumerated().map { $0.element * singularValues[$0.offset % u.columns] })
        return (try? scaled.multiplied(by: v.transposed())) ?? scaled
    }
}

extension Matrix {
    /// One-sided (Hestenes) Jacobi SVD.
    ///
    /// Rotates pairs of columns of A (Vᵀ accumulating the rotations) until every pair is
    /// orthogonal: |a_pᵀa_q| ≤ 2^-precision·‖a_p‖‖a_q‖ for all p < q in one whole sweep. Then
    /// σ_j = ‖a_j‖ and u_j = a_j/σ_j. Work is done at `precision` plus guard bits, so that
    /// threshold sits well above the rounding noise and is always reachable; results are
    /// rounded back to `precision`. Chosen over bidiagonalisation + QR because it is short,
    /// obviously correct, and computes small singular values to high relative accuracy.
    ///
    /// For m < n the SVD of Aᵀ is computed and the roles of U and V swapped. Columns of U
    /// for exactly zero singular values are completed to an orthonormal set.
    public func singularValueDecomposition() throws(LinearAlgebraError) -> SingularValueDecomposition {
        guard isFinite else { throw .nonFinite }
        if rows < columns {
            let t = try transposed().singularValueDecomposition()
            return SingularValueDecomposition(u: t.v, singularValues: t.singularValues, v: t.u, sweeps: t.sweeps)
        }
        let m = rows, n = columns
        let bits = precision + LinearAlgebraConstants.guardBits
        let tolerance = BigFloat(1, precision: bits).timesPowerOfTwo(-precision)
        let one = BigFloat(1, precision: bits)
        var a: [[BigFloat]] = (0..<n).map { j in (0..<m).map { entries[$0 * n + j].rounded(toPrecision: bits) } }
        var v: [[BigFloat]] = (0..<n).map { c in (0..<n).map { BigFloat($0 == c ? 1 : 0, precision: bits) } }

        var sweeps = 0
        var rotated = n > 1
        while rotated {
            guard sweeps < LinearAlgebraConstants.maximumSweeps else {
                throw .noConvergence(sweeps: sweeps)
            }
            sweeps += 1
            rotated = false
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n {
                    var alpha = BigFloat(0, precision: bits), beta = alpha, gamma = alpha
                    for i in 0..<m {
                        alpha.addProduct(a[p][i], a[p][i])
                        beta.addProduct(a[q][i], a[q][i])
                        gamma.addProduct(a[p][i], a[q][i])
                    }
                    if gamma.isZero || gamma.magnitude <= tolerance * (alpha * beta).squareRoot() { continue }
                    rotated = true
                    // The rotation that zeroes the (p, q) entry of AᵀA; the smaller root t keeps
                    // |angle| ≤ π/4, which is what makes the cyclic sweep converge.
                    let zeta = (beta - alpha) / gamma.timesPowerOfTwo(1)
                    let root = (one + zeta * zeta).squareRoot()
                    let t = zeta.isNegative ? -one / (root - zeta) : one / (zeta + root)
                    let c = one / (one + t * t).squareRoot()
                    let s = c * t
                    rotate(&a, p, q, c, s)
                    rotate(&v, p, q, c, s)
                }
            }
        }

        // σ_j = ‖a_j‖, sorted descending (stable, so equal values keep column order).
        let norms: [BigFloat] = a.map { column in
            var sum = BigFloat(0, precision: bits)
            for x in column { sum.addProduct(x, x) }
            return sum.squareRoot()
        }
        let order = (0..<n).sorted { norms[$0] > norms[$1] || (norms[$0] == norms[$1] && $0 < $1) }
        var uColumns: [[BigFloat]] = order.map { j in norms[j].isZero ? [] : a[j].map { $0 / norms[j] } }
        completeOrthonormal(&uColumns, length: m, precision: bits)

        var uEntries: [BigFloat] = [], vEntries: [BigFloat] = []
        uEntries.reserveCapacity(m * n)
        vEntries.reserveCapacity(n * n)
        for i in 0..<m { for c in 0..<n { uEntries.append(uColumns[c][i].rounded(toPrecision: precision)) } }
        for i in 0..<n { for c in 0..<n { vEntries.append(v[order[c]][i].rounded(toPrecision: precision)) } }
        return SingularValueDecomposition(
            u: Matrix(unchecked: m, n, precision: precision, entries: uEntries),
            singularValues: order.map { norms[$0].rounded(toPrecision: precision) },
            v: Matrix(unchecked: n, n, precision: precision, entries: vEntries),
            sweeps: sweeps)
    }
}

/// (x, y) ← (c·x - s·y, s·x + c·y) for columns x = columns[p], y = columns[q]: a plane rotation.
func rotate(_ columns: inout [[BigFloat]], _ p: Int, _ q: Int, _ c: BigFloat, _ s: BigFloat) {
    for i in columns[p].indices {
        let x = columns[p][i], y = columns[q][i]
        columns[p][i] = c * x - s * y
        columns[q][i] = s * x + c * y
    }
}

/// Fills the empty entries of `columns` with unit vectors orthogonal to all the others.
///
/// Candidates are the standard basis vectors, orthogonalised twice by Gram–Schmidt ("twice
/// is enough" for orthogonality to working precision); the one with the largest remainder
/// is taken, so a candidate nearly inside the span is never normalised.
func completeOrthonormal(_ columns: inout [[BigFloat]], length m: Int, precision bits: Int) {
    for slot in columns.indices where columns[slot].isEmpty {
        let basis = columns.filter { !$0.isEmpty }
        var best: [BigFloat] = []
        var bestNorm = BigFloat(-1, precision: bits)
        for e in 0..<m {
            var x = (0..<m).map { BigFloat($0 == e ? 1 : 0, precision: bits) }
            for _ in 0..<2 {
                for b in basis {
                    var dot = BigFloat(0, precision: bits)
                    for i in 0..<m { dot.addProduct(b[i], x[i]) }
                    let minusDot = -dot
                    for i in 0..<m { x[i].addProduct(minusDot, b[i]) }
                }
            }
            var normSquared = BigFloat(0, precision: bits)
            for xi in x { normSquared.addProduct(xi, xi) }
            if normSquared > bestNorm { bestNorm = normSquared; best = x }
        }
        let norm = bestNorm.squareRoot()
        columns[slot] = best.map { $0 / norm }
    }
}
