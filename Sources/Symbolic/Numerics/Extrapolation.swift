/// Sequence acceleration at arbitrary precision.
public enum Extrapolation {
    /// Wynn's ε-algorithm: the last even column's final entry. Exact on sequences that are a
    /// limit plus a finite sum of geometric terms; effective on most linearly convergent ones.
    /// Returns `nil` for fewer than three terms or when a difference vanishes (already converged).
    public static func wynnEpsilon(_ s: [BigFloat]) -> BigFloat? {
        guard s.count >= 3 else { return nil }
        let bits = s.map(\.precision).max() ?? 64
        var previous = [BigFloat](repeating: BigFloat(0, precision: bits), count: s.count + 1) // ε_{-1}
        var current = s                                                                     // ε_0
        var best: BigFloat? = nil
        var column = 0
        while current.count >= 2 {
            var next: [BigFloat] = []
            for k in 0..<(current.count - 1) {
                let difference = current[k + 1] - current[k]
                if difference.isZero { return best ?? current[k + 1] }
                next.append(previous[k + 1] + BigFloat(1, precision: bits) / difference)
            }
            previous = current
            current = next
            column += 1
            if column % 2 == 0, let last = current.last { best = last }
        }
        return best
    }

    /// Richardson extrapolation to h = 0 of s(h) = L + c₁h + c₂h² + … (polynomial in h), by
    /// Neville's scheme on the given steps. For an error in powers of 1/n pass h = 1/n.
    public static func richardson(_ s: [BigFloat], steps h: [BigFloat]) -> BigFloat? {
        guard s.count == h.count, s.count >= 2 else { return nil }
        var table = s
        for level in 1..<s.count {
            for k in 0..<(s.count - level) {
                let numerator = h[k] * table[k + 1] - h[k + level] * table[k]
                let denominator = h[k] - h[k + level]
                if denominator.isZero { return nil }
                table[k] = numerator / denominator
            }
        }
        return table[0]
    }
}
