import Foundation
import Symbolic

/// Exact probabilities of a duplicated row maximum after BF16 rounding (11390 application),
/// and of the window events the article and its variant reason with.
enum DuplicateMaximum {
    /// P(the maximum of n i.i.d. N(μ, σ²) draws, rounded to bf16 (RNE), is attained ≥ 2 times)
    ///   = Σ_v [G_v^n - F_v^n - n q_v F_v^{n-1}],  F_v = P(x < l_v), G_v = P(x < h_v), q_v = G_v - F_v,
    /// over the bf16 values v with rounding interval [l_v, h_v). Bins are enumerated only where
    /// they can matter: below z_L every Φⁿ is under 2^-(w+20); above z_U two draws are that rare.
    static func bf16Probability(n: BigFloat, mu: BigFloat, sigma: BigFloat, bits: Int) throws(EvaluationError) -> BigFloat {
        let w = bits + 24
        let nn = n.rounded(toPrecision: w), m = mu.rounded(toPrecision: w), s = sigma.rounded(toPrecision: w)
        guard nn >= BigFloat(2, precision: w), s.sign > 0 else {
            throw .domainError(function: "bf16 duplicate probability", argument: "n = \(n), σ = \(sigma)", node: "P_dup")
        }
        let logN = nn.log().doubleValue
        let budget = Double(w + 20) * 0.6931471805599453
        // z_L: n log Φ(z_L) = -budget; z_U: log n + log Q(z_U) = -budget/2.
        let zL = bisect(-60, 60) { z in logCDFDouble(z) * Foundation.exp(logN) + budget }
        let zU = bisect(-60, 60) { z in -(logN + logCDFDouble(-z) + budget / 2) }
        let xL = mu.doubleValue + sigma.doubleValue * zL, xU = mu.doubleValue + sigma.doubleValue * zU
        var total = BigFloat(0, precision: w)
        let one = BigFloat(1, precision: w)
        func addBin(_ lower: BigFloat, _ upper: BigFloat) {
            let zl = (lower - m) / s, zh = (upper - m) / s
            let logF = GaussianMaximum.logCDF(zl)
            let q = zl.sign > 0 ? NormalDistribution.survival(zl) - NormalDistribution.survival(zh)
                                : NormalDistribution.cdf(zh) - NormalDistribution.cdf(zl)
            let fn = (nn * logF).exp()
            let r = q / logF.exp()
            // G^n - F^n - n q F^{n-1} = F^n [expm1(n log1p r) - n r]
            total += fn * ((nn * r.log1p()).expm1() - nn * r)
        }
        // Positive bf16 values v = 2^e (1 + k/128): interval [v - ulp/2, v + ulp/2), with the half
        // ulp below a power of two being half as wide.
        func bins(from lowX: Double, to highX: Double, negative: Bool) {
            guard highX > lowX else { return }
            let eLow = Int(Foundation.floor(Foundation.log2(Swift.max(lowX, 0x1p-1000))))
            let eHigh = Int(Foundation.floor(Foundation.log2(highX)))
            for e in eLow...eHigh {
                let ulp = one.timesPowerOfTwo(e - 7)
                for k in 0..<128 {
                    let v = one.timesPowerOfTwo(e) + BigFloat(k, precision: w) * ulp
                    let up = v + ulp.timesPowerOfTwo(-1)
                    let down = v - (k == 0 ? ulp.timesPowerOfTwo(-2) : ulp.timesPowerOfTwo(-1))
                    guard up.doubleValue >= lowX, down.doubleValue <= highX else { continue }
                    if negative { addBin(-up, -down) } else { addBin(down, up) }
                }
            }
        }
        // Bins below 2^eMin are left out. Their terms telescope to at most Φ((2^eMin - μ)/σ)ⁿ:
        // for μ = 0, σ = 1, n ≥ 101 that is below 2^-100 at eMin = -8 (the sum is then exact to 30
        // digits, as every claim here needs; the choice does not depend on the precision, so the
        // two evaluations of a certified value neglect the same mass). Otherwise |x| < 2^eMin is
        // cut where n 2^{eMin+1} φ(0)/σ Φ((2^eMin - μ)/σ)^{n-1} is below 2^-w.
        var eMin = -64
        let cheapCut = Foundation.exp(logN) * logCDFDouble((Foundation.pow(2.0, -8) - mu.doubleValue) / sigma.doubleValue) < -100 * 0.6931471805599453
        if cheapCut {
            eMin = -8
        } else if xL < 0x1p-64 {
            while eMin > -1000 {
                let edge = (Foundation.pow(2.0, Double(eMin)) - mu.doubleValue) / sigma.doubleValue
                let logBound = logN + Double(eMin + 1) * 0.6931471805599453 - Foundation.log(sigma.doubleValue)
                    + Foundation.exp(logN) * logCDFDouble(edge)
                if logBound < -budget { break }
                eMin -= 32
            }
        }
        let tiny = Foundation.pow(2.0, Double(eMin))
        if xU > tiny { bins(from: Swift.max(xL, tiny), to: xU, negative: false) }
        if xL < -tiny { bins(from: Swift.max(-xU, tiny), to: -xL, negative: true) }
        return total.rounded(toPrecision: bits)
    }

    /// 1 - ∫ n φ(m) Φ(m - δ(m))^{n-1} dm: the probability that some other draw lies within δ(m)
    /// below the maximum m. Split around the mode of p_max and at `extra` breakpoints (kinks of δ).
    static func windowProbability(n: BigFloat, bits: Int, node: String, extra: (BigFloat, BigFloat) -> [BigFloat] = { _, _ in [] },
                                  depth: @escaping (BigFloat) -> BigFloat) throws(EvaluationError) -> BigFloat {
        let w = bits + GaussianMaximum.guardBits(n)
        let size = try GaussianMaximum.Size(n, bits: w, node: node)
        let cut = GaussianMaximum.cutoff(logN: size.logN, bits: w)
        let mode = try GaussianMaximum.mode(size)
        let breakpoints = try GaussianMaximum.peakBreakpoints(size) + extra(-cut, cut)
        let c = GaussianMaximum.halfLogTwoPi(w)
        let none = try GaussianMaximum.integrate(over: breakpoints, center: mode, cut: cut, bits: w, accuracy: bits + 8, node: node) { x in
            (size.logN - (x * x).timesPowerOfTwo(-1) - c + size.nMinusOne * GaussianMaximum.logCDF(x - depth(x))).exp()
        }
        return (BigFloat(1, precision: w) - none).rounded(toPrecision: bits)
    }

    /// The article's window ((127/128) m, m] below a positive maximum (empty when m ≤ 0).
    static func relativeWindow(n: BigFloat, bits: Int) throws(EvaluationError) -> BigFloat {
        try windowProbability(n: n, bits: bits, node: "relative window", extra: { _, _ in [BigFloat(0, precision: bits + 16)] }) { x in
            x.sign > 0 ? x.timesPowerOfTwo(-7) : BigFloat(0, precision: x.precision)
        }
    }

    /// Half the bf16 spacing at m below the maximum: the mean depth of the rounding bin under a
    /// maximum placed uniformly in its bin.
    static func halfBinWindow(n: BigFloat, bits: Int) throws(EvaluationError) -> BigFloat {
        try windowProbability(n: n, bits: bits, node: "half-bin window", extra: { a, b in
            // δ jumps at powers of two: split there.
            // Below 2^-8 the maximum never lies (for the n used): the kinks there are not split.
            guard b.sign > 0 else { return [] }
            let lowExponent = a.sign > 0 ? (a.exponent ?? 0) - 1 : -8
            let highExponent = b.exponent ?? 0
            return (lowExponent...highExponent).map { BigFloat(1, precision: bits + 16).timesPowerOfTwo($0) }.filter { $0 > a && $0 < b }
        }) { x in
            guard x.sign > 0, let e = x.exponent else { return BigFloat(0, precision: x.precision) }
            return BigFloat(1, precision: x.precision).timesPowerOfTwo(e - 1 - 8)   // x ∈ [2^{e-1}, 2^e)
        }
    }

    /// The exp-then-bf16 variant: another logit within δ = -log(1 - 2^-9) of the maximum.
    static func expVariant(n: BigFloat, bits: Int) throws(EvaluationError) -> BigFloat {
        let delta = -(-BigFloat(1, precision: bits + 16).timesPowerOfTwo(-9)).log1p()
        return try windowProbability(n: n, bits: bits, node: "exp variant") { _ in delta }
    }

    // MARK: helpers in Double (only to place the enumeration window)

    static func logCDFDouble(_ z: Double) -> Double {
        if z > -37 { return Foundation.log(0.5 * Foundation.erfc(-z / 2.0.squareRoot())) }
        return -z * z / 2 - Foundation.log(-z * (2 * Double.pi).squareRoot())
    }

    /// The root of an increasing function on [a, b] by bisection.
    static func bisect(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> Double {
        var (lo, hi) = (a, b)
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if f(mid) < 0 { lo = mid } else { hi = mid }
        }
        return (lo + hi) / 2
    }
}

extension DuplicateMaximum {
    static let bf16 = ExternalFunction("bf16DuplicateMax", latex: "P_{\\text{dup}}^{\\text{BF16}}", arity: 3) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try bf16Probability(n: args[0], mu: args[1], sigma: args[2], bits: bits)
    }
    static let relative = ExternalFunction("relativeWindowProbability", latex: "P_{\\left(\\frac{127}{128}z_{\\max},\\,z_{\\max}\\right]}", arity: 1) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try relativeWindow(n: args[0], bits: bits)
    }
    static let halfBin = ExternalFunction("halfBinWindowProbability", latex: "P_{\\text{half bin}}", arity: 1) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try halfBinWindow(n: args[0], bits: bits)
    }
    static let variant = ExternalFunction("expVariantProbability", latex: "P_{\\text{dup}}^{\\exp\\to\\text{BF16}}", arity: 1) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try expVariant(n: args[0], bits: bits)
    }
    /// x rounded to bf16 (ties to even), through a Double.
    static let round = ExternalFunction("bf16", latex: "\\operatorname{bf16}", arity: 1) {
        (args: [BigFloat], _: Int) throws(EvaluationError) -> BigFloat in
        BigFloat(BFloat16.round(args[0].doubleValue), precision: 53)
    }
}
