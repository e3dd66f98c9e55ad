/// Sequence acceleration at arbitrary precision.
public enum Extrapolation {
    /// Wynn's ε-algorithm. Exact on sequences that are a limit plus a finite sum of geometric
    /// terms; effective on most linearly convergent ones. Once a column has converged, later
    /// columns divide rounding noise by rounding noise, so the answer is the even-column entry
    /// whose own change (from the entry above it in the same column) is smallest.
    /// Returns `nil` for fewer than three terms.
    public static func wynnEpsilon(_ s: [BigFloat]) -> BigFloat? {
        guard s.count >= 3 else { return nil }
        let bits = s.map(\.precision).max() ?? 64
        let one = BigFloat(1, precision: bits)
        var previous = [BigFloat](repeating: BigFloat(0, precision: bits), count: s.count + 1) // ε_{-1}
        var current = s                                                                     // ε_0
        var best: (value: BigFloat, change: BigFloat)? = nil
        func consider(_ column: [BigFloat]) {
            guard column.count >= 2 else { return }
            let value = column[column.count - 1]
            let change = (value - column[column.count - 2]).magnitude
            guard value.isFinite, change.isFinite else { return }
            if best == nil || change < best!.change { best = (value, change) }
        }
        consider(current)
        var column = 0
        while current.count >= 2 {
            var next: [BigFloat] = []
            for k in 0..<(current.count - 1) {
                let difference = current[k + 1] - current[k]
                // An exactly repeated value in an estimate (even) column: it has converged.
                if difference.isZero { return column % 2 == 0 ? current[k + 1] : best?.value }
                next.append(previous[k + 1] + one / difference)
            }
            previous = current
            current = next
            column += 1
            if column % 2 == 0 { consider(current) }
        }
        return best?.value
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
