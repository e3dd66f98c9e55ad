/// A thin QR factorisation A = Q·R of an m×n matrix, k = min(m, n).
public struct QRDecomposition: Sendable {
    /// m×k with orthonormal columns.
    public let q: Matrix
    /// k×n upper triangular (trapezoidal when n > m), with a non-negative diagonal so the
    /// factorisation is unique for full-column-rank A.
    public let r: Matrix
}

extension Matrix {
    /// Householder QR, computed with guard bits and rounded back to `precision`.
    ///
    /// Householder rather than Gram–Schmidt because its Q is orthonormal to working
    /// precision however ill-conditioned A is.
    public func qrDecomposition() throws(LinearAlgebraError) -> QRDecomposition {
        guard isFinite else { throw .nonFinite }
        let bits = precision + LinearAlgebraConstants.guardBits
        let m = rows, n = columns, k = Swift.min(m, n)
        let zero = BigFloat(0, precision: bits)
        // Work on columns: each reflector touches a trailing part of every column.
        var a: [[BigFloat]] = (0..<n).map { j in (0..<m).map { entries[$0 * n + j].rounded(toPrecision: bits) } }
        // Unit Householder vectors v (length m - j, stored for rows j..<m), or nil for "no reflection".
        var reflectors: [[BigFloat]?] = []
        for j in 0..<k {
            var normSquared = zero
            for i in j..<m { normSquared.addProduct(a[j][i], a[j][i]) }
            // A zero column (or a 1×1 tail that is already triangular) needs no reflection.
            if normSquared.isZero || j == m - 1 { reflectors.append(nil); continue }
            let norm = normSquared.squareRoot()
            // alpha has the sign opposite to a_jj so v = x - alpha·e1 suffers no cancellation.
            let alpha = a[j][j].isNegative ? norm : -norm
            var v = Array(a[j][j..<m])
            v[0] -= alpha
            var vNormSquared = zero
            for x in v { vNormSquared.addProduct(x, x) }
            let scale = vNormSquared.squareRoot()
            v = v.map { $0 / scale }
            // Apply H = I - 2vvᵀ to the trailing columns; column j becomes alpha·e1 exactly.
            a[j][j] = alpha
            for i in (j + 1)..<m { a[j][i] = zero }
            for c in (j + 1)..<n { reflect(&a[c], by: v, from: j) }
            reflectors.append(v)
        }
        // Q = H_0 ⋯ H_{k-1} applied to the first k columns of the identity, last reflector first.
        var q: [[BigFloat]] = (0..<k).map { c in (0..<m).map { BigFloat($0 == c ? 1 : 0, precision: bits) } }
        for j in stride(from: k - 1, through: 0, by: -1) {
            guard let v = reflectors[j] else { continue }
            for c in 0..<k { reflect(&q[c], by: v, from: j) }
        }
        // Make diag(R) ≥ 0 by flipping a row of R together with the matching column of Q.
        for j in 0..<k where a[j][j].isNegative {
            for c in j..<n { a[c][j] = -a[c][j] }
            q[j] = q[j].map { -$0 }
        }
        var qEntries: [BigFloat] = []
        qEntries.reserveCapacity(m * k)
        for i in 0..<m { for c in 0..<k { qEntries.append(q[c][i].rounded(toPrecision: precision)) } }
        var rEntries: [BigFloat] = []
        rEntries.reserveCapacity(k * n)
        for i in 0..<k {
            for c in 0..<n { rEntries.append(c < i ? BigFloat(0, precision: precision) : a[c][i].rounded(toPrecision: precision)) }
        }
        return QRDecomposition(q: Matrix(unchecked: m, k, precision: precision, entries: qEntries),
                               r: Matrix(unchecked: k, n, precision: precision, entries: rEntries))
    }
}

/// x[offset...] ← (I - 2vvᵀ) x[offset...] for a unit vector v.
private func reflect(_ x: inout [BigFloat], by v: [BigFloat], from offset: Int) {
    var dot = BigFloat(0, precision: x[offset].precision)
    for (t, vi) in v.enumerated() { dot.addProduct(vi, x[offset + t]) }
    let twice = -dot.timesPowerOfTwo(1)
    for (t, vi) in v.enumerated() { x[offset + t].addProduct(twice, vi) }
}
