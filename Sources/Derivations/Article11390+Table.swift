import Symbolic

/// The table `derive show 11390.3` prints: exact E[z_max] beside the article's estimates and the
/// extreme-value ones, with relative errors, for n = 50 … 10^100.
enum ExpectedMaximumTable {
    /// Working and certifying precisions of the table (independent of the check options).
    static let low = 128 + 32
    static let high = 128 + 96

    static let sizes: [(label: String, exponentOfTen: Int?, value: Int?)] = [
        ("50", nil, 50), ("100", nil, 100), ("200", nil, 200), ("4096", nil, 4096), ("65536", nil, 65536),
        ("10^6", 6, nil), ("10^9", 9, nil), ("10^20", 20, nil), ("10^100", 100, nil),
    ]

    static func size(_ entry: (label: String, exponentOfTen: Int?, value: Int?), bits: Int) -> BigFloat {
        if let k = entry.exponentOfTen { return BigFloat(10, precision: bits).pow(k) }
        return BigFloat(entry.value ?? 0, precision: bits)
    }

    /// The approximations, each a function of n at a precision.
    static let approximations: [(name: String, value: @Sendable (BigFloat, Int) throws(EvaluationError) -> BigFloat)] = [
        ("√(2log n)", { n, _ in (n.log().timesPowerOfTwo(1)).squareRoot() }),
        ("√(2log(n/√2π))", { n, bits in
            ((n.log() - GaussianMaximum.halfLogTwoPi(bits)).timesPowerOfTwo(1)).squareRoot() }),
        ("z_* (Laplace)", { n, bits throws(EvaluationError) in try GaussianMaximum.mode(n: n, bits: bits) }),
        ("Φ⁻¹(n/(n+1))", { n, bits throws(EvaluationError) in
            try GaussianMaximum.upperQuantile(BigFloat(1, precision: bits) / (n + BigFloat(1, precision: bits)), bits: bits) }),
        // Classic normalising constants: a_n = √(2 log n), b_n = a_n - (log log n + log 4π)/(2 a_n).
        ("b_n+γ/a_n", { n, bits in
            let a = (n.log().timesPowerOfTwo(1)).squareRoot()
            let fourPi = BigFloat.pi(precision: bits).timesPowerOfTwo(2)
            let b = a - (n.log().log() + fourPi.log()) / a.timesPowerOfTwo(1)
            return b + BigFloat.eulerGamma(precision: bits) / a }),
        // Quantile form: b = Φ⁻¹(1-1/n), a = n φ(b) (the exact Gumbel scale at b).
        ("Φ⁻¹(1-1/n)+γ/(nφ)", { n, bits throws(EvaluationError) in
            let b = try GaussianMaximum.upperQuantile(BigFloat(1, precision: bits) / n, bits: bits)
            return b + BigFloat.eulerGamma(precision: bits) / (n * NormalDistribution.pdf(b)) }),
    ]

    /// E[z_max] at the two precisions and the digits they share.
    static func exact(_ entry: (label: String, exponentOfTen: Int?, value: Int?)) throws(EvaluationError) -> (BigFloat, Double) {
        let a = try GaussianMaximum.expectedMaximum(n: size(entry, bits: low), bits: low)
        let b = try GaussianMaximum.expectedMaximum(n: size(entry, bits: high), bits: high)
        return (b, agreementDigits(.scalar(a), .scalar(b), capBits: low))
    }

    static let values = Tabulation(
        "E[z_max] by quadrature of z·p_max (split at the Laplace mode), certified at 160 and 224 bits",
        columns: ["n", "E[z_max]", "digits"] + approximations.map(\.name)) { _ in
        var rows: [[String]] = []
        for entry in sizes {
            let (e, digits) = try exact(entry)
            var row = [entry.label, e.decimalString(digits: Swift.min(40, Int(digits))), "\(Int(digits))"]
            for approximation in approximations {
                row.append(try approximation.value(size(entry, bits: high), high).decimalString(digits: 10))
            }
            rows.append(row)
        }
        return rows
    }

    static let errors = Tabulation(
        "relative error (approximation - E)/E; the last two columns are the Gumbel forms (rate O((log n)^-3/2) vs O(log log n/log n) for the square roots and ≈ -γ/(2 log n) for z_* and Φ⁻¹(n/(n+1)))",
        columns: ["n"] + approximations.map(\.name)) { _ in
        var rows: [[String]] = []
        for entry in sizes {
            let (e, _) = try exact(entry)
            var row = [entry.label]
            for approximation in approximations {
                let a = try approximation.value(size(entry, bits: high), high)
                row.append(((a - e) / e).decimalString(digits: 4))
            }
            rows.append(row)
        }
        return rows
    }
}
