/// Functions of matrices built on the two decompositions, and the norms they give.
extension Matrix {
    /// Default tolerance below which a singular value or eigenvalue counts as zero:
    /// max(m, n)·2^-precision·scale, the convention of LAPACK-based rank estimates
    /// (numpy's `matrix_rank`), with the rounding unit taken at this matrix's precision.
    func negligibleThreshold(scale: BigFloat) -> BigFloat {
        BigFloat(Swift.max(rows, columns, 1), precision: precision).timesPowerOfTwo(-precision) * scale.magnitude
    }

    /// Eigenvalues of a symmetric PSD matrix, with negatives inside rounding noise set to 0.
    func semidefiniteEigen() throws(LinearAlgebraError) -> (SymmetricEigendecomposition, threshold: BigFloat) {
        let eigen = try symmetricEigendecomposition()
        let largest = eigen.eigenvalues.map(\.magnitude).max() ?? BigFloat(0, precision: precision)
        // Eigenvalues of a computed PSD matrix (say GᵀG) can come out as -O(n·ε·‖A‖);
        // anything more negative than a comfortable multiple of that is a genuine error.
        let threshold = negligibleThreshold(scale: largest).timesPowerOfTwo(8)
        if let smallest = eigen.eigenvalues.first, smallest < -threshold { throw .notPositiveSemidefinite }
        return (eigen, threshold)
    }

    /// The symmetric positive semidefinite square root S = V·diag(√λ)·Vᵀ, so S·S = A.
    ///
    /// Throws `.notSymmetric` or `.notPositiveSemidefinite`; eigenvalues that are negative
    /// only by rounding noise are treated as 0.
    public func symmetricSquareRoot() throws(LinearAlgebraError) -> Matrix {
        let (eigen, _) = try semidefiniteEigen()
        return eigen.applying { $0.isNegative ? BigFloat(0, precision: $0.precision) : $0.squareRoot() }
    }

    /// The inverse square root V·diag(1/√λ)·Vᵀ of a symmetric positive semidefinite matrix.
    ///
    /// Convention for singular A: eigenvalues at or below max(m,n)·2^(8-precision)·λ_max map
    /// to 0 (the Moore–Penrose pseudo-inverse square root), so S·A·S is the orthogonal
    /// projector onto the range of A. For positive definite A this is the ordinary A^(-1/2).
    public func inverseSymmetricSquareRoot() throws(LinearAlgebraError) -> Matrix {
        let (eigen, threshold) = try semidefiniteEigen()
        return eigen.applying { $0 <= threshold ? BigFloat(0, precision: $0.precision) : BigFloat(1, precision: $0.precision) / $0.squareRoot() }
    }

    /// The matrix sign (polar factor) msign(G) = U·Vᵀ from the thin SVD G = U·Σ·Vᵀ.
    ///
    /// For full-rank G this is the unique m×n matrix with orthonormal columns (m ≥ n) or rows
    /// (m < n) and msign(G)ᵀ·G = (GᵀG)^(1/2). Rank-deficient convention: singular values at
    /// or below `threshold` (default max(m,n)·2^-precision·σ_max) count as zero and their
    /// directions are dropped, giving U_r·V_rᵀ on the nonzero part, so msign(0) = 0.
    public func msign(threshold: BigFloat? = nil) throws(LinearAlgebraError) -> Matrix {
        let svd = try singularValueDecomposition()
        let cutoff = threshold ?? negligibleThreshold(scale: svd.singularValues.first ?? BigFloat(0, precision: precision))
        let r = svd.singularValues.prefix { $0 > cutoff }.count
        var entries: [BigFloat] = []
        entries.reserveCapacity(rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                var sum = BigFloat(0, precision: precision)
                for k in 0..<r { sum.addProduct(svd.u[i, k], svd.v[j, k]) }
                entries.append(sum)
            }
        }
        return Matrix(unchecked: rows, columns, precision: precision, entries: entries)
    }

    /// Number of singular values above `threshold` (default max(m,n)·2^-precision·σ_max).
    public func rank(threshold: BigFloat? = nil) throws(LinearAlgebraError) -> Int {
        let values = try singularValueDecomposition().singularValues
        let cutoff = threshold ?? negligibleThreshold(scale: values.first ?? BigFloat(0, precision: precision))
        return values.prefix { $0 > cutoff }.count
    }

    /// σ_1 + … + σ_k, the dual of the spectral norm.
    public func nuclearNorm() throws(LinearAlgebraError) -> BigFloat {
        try singularValueDecomposition().singularValues.reduce(BigFloat(0, precision: precision), +)
    }

    /// σ_1 = max ‖Ax‖/‖x‖ (0 for an empty matrix).
    public func spectralNorm() throws(LinearAlgebraError) -> BigFloat {
        try singularValueDecomposition().singularValues.first ?? BigFloat(0, precision: precision)
    }
}
