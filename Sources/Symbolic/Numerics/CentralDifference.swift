/// Derivatives by central differences at arbitrary precision, for checking closed-form
/// gradients (of nuclear norms, singular values, …) to about the working precision.
///
/// The step comes from the precision: h₀ = 2^-(bits/4), then h₀/2, h₀/4, h₀/8. Central
/// differences have an error series in h², which Richardson extrapolation in h² removes up to
/// O(h₀⁸) = 2^-(2·bits). The function must be evaluated at `evaluationBits(bits)`, so that its
/// rounding error divided by the smallest step stays below 2^-bits.
public enum CentralDifference {
    public static let levels = 4

    /// The precision at which the caller evaluates f: bits/4 + 3 bits lost to the division by
    /// the smallest step, plus guard bits for the Richardson weights.
    public static func evaluationBits(_ bits: Int) -> Int { bits + bits / 4 + 24 }

    /// The steps h₀·2^-k, exact powers of two.
    public static func steps(_ bits: Int) -> [BigFloat] {
        (0..<levels).map { k in BigFloat(1, precision: evaluationBits(bits)).timesPowerOfTwo(-(bits / 4) - k) }
    }

    /// f'(0), where `f(t)` evaluates the function at offset t (at `evaluationBits(bits)`).
    /// The result is rounded to `bits`.
    public static func derivative<Failure: Error>(precision bits: Int,
                                                  _ f: (BigFloat) throws(Failure) -> BigFloat) throws(Failure) -> BigFloat {
        let hs = steps(bits)
        var quotients: [BigFloat] = []
        for h in hs {
            let forward = try f(h), backward = try f(-h)
            quotients.append((forward - backward) / h.timesPowerOfTwo(1))
        }
        // Richardson in h²: Neville's scheme at the squared steps.
        let squared = hs.map { $0 * $0 }
        let extrapolated = Extrapolation.richardson(quotients, steps: squared) ?? quotients[quotients.count - 1]
        return extrapolated.rounded(toPrecision: bits)
    }

    /// ∂f/∂X_ij at X by `derivative`, f evaluated at X + t·E_ij (X rounded to the evaluation bits).
    public static func partial<Failure: Error>(of f: (Matrix) throws(Failure) -> BigFloat, at x: Matrix, row i: Int, column j: Int,
                                               precision bits: Int) throws(Failure) -> BigFloat {
        let base = x.rounded(toPrecision: evaluationBits(bits))
        return try derivative(precision: bits) { (t: BigFloat) throws(Failure) -> BigFloat in
            var entries = base.entries
            entries[i * base.columns + j] = entries[i * base.columns + j] + t
            return try f(Matrix(unchecked: base.rows, base.columns, precision: base.precision, entries: entries))
        }
    }
}
