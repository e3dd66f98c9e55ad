/// A = V·diag(λ)·Vᵀ for a symmetric n×n matrix A.
public struct SymmetricEigendecomposition: Sendable {
    /// Eigenvalues in ascending order: λ_1 ≤ λ_2 ≤ … ≤ λ_n.
    public let eigenvalues: [BigFloat]
    /// n×n orthogonal matrix; column j is the unit eigenvector for `eigenvalues[j]`.
    public let eigenvectors: Matrix
    /// Cyclic Jacobi sweeps, counting the final one that found nothing left to rotate.
    public let sweeps: Int

    /// V·diag(f(λ))·Vᵀ: the spectral way to apply a scalar function to A.
    public func applying(_ f: (BigFloat) -> BigFloat) -> Matrix {
        let v = eigenvectors
        let n = v.rows
        let values = eigenvalues.map(f)
        var entries: [BigFloat] = []
        entries.reserveCapacity(n * n)
        for i in 0..<n {
            for j in 0..<n {
                var sum = BigFloat(0, precision: v.precision)
                for k in 0..<n { sum.addProduct(v[i, k] * values[k], v[j, k]) }
                entries.append(sum)
            }
        }
        return Matrix(unchecked: n, n, precision: v.precision, entries: entries)
    }
}

extension Matrix {
    /// Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations.
    ///
    /// A is first checked for symmetry to `symmetryTolerance` relative to max |a_ij|
    /// (default 2^(16-precision), room for the rounding of products like Q·D·Qᵀ) and then
    /// symmetrised as (A + Aᵀ)/2. Each rotation zeroes one off-diagonal entry; sweeps repeat
    /// until every |a_pq| ≤ 2^-precision·max(√|a_pp·a_qq|, ‖A‖_F) — relative to its own
    /// diagonal where that is meaningful, and never below the noise of the whole matrix.
    /// Work is done with guard bits and rounded back to `precision`.
    ///
    /// Jacobi over tridiagonal QR: short, unconditionally convergent, and its eigenvectors
    /// are orthonormal to working precision by construction.
    public func symmetricEigendecomposition(symmetryTolerance: BigFloat? = nil) throws(LinearAlgebraError) -> SymmetricEigendecomposition {
        guard isSquare else { throw .notSquare(rows: rows, columns: columns) }
        guard isFinite else { throw .nonFinite }
        let n = rows
        let bits = precision + LinearAlgebraConstants.guardBits
        let one = BigFloat(1, precision: bits)
        let relative = symmetryTolerance ?? BigFloat(1, precision: precision).timesPowerOfTwo(16 - precision)
        guard isSymmetric(tolerance: relative * maxAbsEntry) else { throw .notSymmetric }

        var a: [[BigFloat]] = (0..<n).map { i in
            (0..<n).map { j in (self[i, j].rounded(toPrecision: bits) + self[j, i].rounded(toPrecision: bits)).timesPowerOfTwo(-1) }
        }
        var v: [[BigFloat]] = (0..<n).map { c in (0..<n).map { BigFloat($0 == c ? 1 : 0, precision: bits) } }
        let tolerance = BigFloat(1, precision: bits).timesPowerOfTwo(-precision)
        var frobeniusSquared = BigFloat(0, precision: bits)
        for row in a { for x in row { frobeniusSquared.addProduct(x, x) } }
        // Rotations are orthogonal, so ‖A‖_F is invariant and the absolute floor can be fixed once.
        let floor = tolerance * frobeniusSquared.squareRoot()

        var sweeps = 0
        var rotated = n > 1
        while rotated {
            guard sweeps < LinearAlgebraConstants.maximumSweeps else { throw .noConvergence(sweeps: sweeps) }
            sweeps += 1
            rotated = false
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n {
                    let apq = a[p][q]
                    if apq.isZero { continue }
                    let magnitude = apq.magnitude
                    if magnitude <= floor || magnitude <= tolerance * (a[p][p] * a[q][q]).magnitude.squareRoot() { continue }
                    rotated = true
                    // J = [[c, s], [-s, c]] in the (p, q) plane; AJ, then JᵀA, zero a_pq. The
                    // smaller root t keeps the angle within π/4, needed for convergence.
                    let theta = (a[q][q] - a[p][p]) / apq.timesPowerOfTwo(1)
                    let root = (one + theta * theta).squareRoot()
                    let t = theta.isNegative ? -one / (root - theta) : one / (theta + root)
                    let c = one / (one + t * t).squareRoot()
                    let s = c * t
                    // Columns p, q of A (A ← AJ), then rows p, q (A ← JᵀA); then V ← VJ.
                    for r in 0..<n {
                        let arp = a[r][p], arq = a[r][q]
                        a[r][p] = c * arp - s * arq
                        a[r][q] = s * arp + c * arq
                    }
                    for r in 0..<n {
                        let apr = a[p][r], aqr = a[q][r]
                        a[p][r] = c * apr - s * aqr
                        a[q][r] = s * apr + c * aqr
                    }
                    // Exactly zero, not rounding noise: the rotation was chosen to make it so.
                    a[p][q] = BigFloat(0, precision: bits)
                    a[q][p] = BigFloat(0, precision: bits)
                    rotate(&v, p, q, c, s)
                }
            }
        }

        let diagonal: [BigFloat] = (0..<n).map { a[$0][$0] }
        let order = (0..<n).sorted { (i: Int, j: Int) -> Bool in
            diagonal[i] < diagonal[j] || (diagonal[i] == diagonal[j] && i < j)
        }
        var vEntries: [BigFloat] = []
        vEntries.reserveCapacity(n * n)
        for i in 0..<n { for c in 0..<n { vEntries.append(v[order[c]][i].rounded(toPrecision: precision)) } }
        return SymmetricEigendecomposition(
            eigenvalues: order.map { diagonal[$0].rounded(toPrecision: precision) },
            eigenvectors: Matrix(unchecked: n, n, precision: precision, entries: vEntries),
            sweeps: sweeps)
    }
}
