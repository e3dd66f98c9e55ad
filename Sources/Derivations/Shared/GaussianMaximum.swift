import Foundation
import Symbolic

/// Exact functionals of z_max = max of n i.i.d. standard normals (11390), for n up to 10^100
/// and far beyond, at arbitrary precision.
///
/// The density p_max(z) = n Φ(z)^{n-1} φ(z) is evaluated in log space,
///   log p_max = log n + (n-1) log Φ(z) - z²/2 - ½ log 2π,   log Φ(z) = log1p(-Q(z)) for z > 0,
/// so nothing overflows or cancels at huge n. Its peak (the Laplace mode z_*, root of
/// (n-1)φ/Φ - z) has width ≈ 1/z_*; quadrature is split at z_* + s·h, h the Laplace width, so the
/// narrow peak is resolved by every piece. n - 1 is formed at the working precision: exact for
/// every n where the -1 matters (n < 2^bits), and harmlessly rounded to n where it does not.
enum GaussianMaximum {
    /// Offsets of the breakpoints around the mode in units of the Laplace width. The left tail
    /// is double-exponential (negligible past -6), the right one exponential (past 32 it is
    /// left to the half-infinite piece).
    static let offsets: [Int] = [-8, -3, 0, 3, 8, 20, 50, 140]

    static func error(_ node: String, _ detail: String) -> EvaluationError {
        .quadratureFailed(node: node, detail: detail)
    }

    static func halfLogTwoPi(_ bits: Int) -> BigFloat {
        (BigFloat.pi(precision: bits).timesPowerOfTwo(1)).log().timesPowerOfTwo(-1)
    }

    /// log Φ(z), accurate in both tails (no log of a number rounded to 1).
    static func logCDF(_ z: BigFloat) -> BigFloat {
        z.sign > 0 ? (-NormalDistribution.survival(z)).log1p() : NormalDistribution.cdf(z).log()
    }

    /// n at working precision with log n and n - 1; n ≥ 1.
    struct Size {
        let n: BigFloat
        let logN: BigFloat
        let nMinusOne: BigFloat
        let bits: Int
        let halfLogTwoPi: BigFloat

        init(_ n: BigFloat, bits: Int, node: String) throws(EvaluationError) {
            let value = n.rounded(toPrecision: bits)
            guard value.isFinite, value >= BigFloat(1, precision: bits) else {
                throw .domainError(function: node, argument: n.decimalString(digits: 12), node: node)
            }
            self.n = value
            self.logN = value.log()
            self.nMinusOne = value - BigFloat(1, precision: bits)
            self.bits = bits
            self.halfLogTwoPi = GaussianMaximum.halfLogTwoPi(bits)
        }

        /// log p_max(z).
        func logDensity(_ z: BigFloat) -> BigFloat {
            let base = logN - (z * z).timesPowerOfTwo(-1) - halfLogTwoPi
            return nMinusOne.isZero ? base : base + nMinusOne * logCDF(z)
        }
    }

    // MARK: the mode and the Laplace width

    /// z_*: the root of d/dz log p_max = (n-1)φ(z)/Φ(z) - z (unique: log p_max is strictly concave).
    static func mode(_ size: Size) throws(EvaluationError) -> BigFloat {
        let bits = size.bits
        if size.nMinusOne.isZero { return BigFloat(0, precision: bits) }
        let logNm1 = size.nMinusOne.log()
        let one = BigFloat(1, precision: bits)
        let c = halfLogTwoPi(bits)
        // At z ≥ √(2 log n) the hazard term is below 1/(√(2π)Φ(1)) < 1 ≤ z, so the root is below.
        let upper = BigFloat.max((size.logN.timesPowerOfTwo(1)).squareRoot(), one) + one
        do {
            let result = try RootFinding.newtonBisection(in: -one, upper, precision: bits) { z in
                let logHazard = -(z * z).timesPowerOfTwo(-1) - c - logCDF(z)      // log φ/Φ
                let ratio = (logNm1 + logHazard).exp()                              // (n-1)φ/Φ
                return (ratio - z, ratio * (-z - logHazard.exp()) - one)
            }
            return result.root
        } catch {
            throw .quadratureFailed(node: "z_*", detail: "\(error)")
        }
    }

    /// 1/√(-(log p_max)'' at z_*) = 1/√(z_*(z_* + φ/Φ) + 1), using (n-1)φ/Φ = z_* there.
    static func laplaceWidth(_ size: Size, mode z: BigFloat) -> BigFloat {
        let hazard = (-(z * z).timesPowerOfTwo(-1) - halfLogTwoPi(size.bits) - logCDF(z)).exp()
        let curvature = size.nMinusOne.isZero ? BigFloat(1, precision: size.bits) : z * (z + hazard) + BigFloat(1, precision: size.bits)
        return BigFloat(1, precision: size.bits) / curvature.squareRoot()
    }

    // MARK: integrals against p_max

    /// |z| beyond which n φ(z)·e^{|tilt| |z|} integrates to below 2^-bits e^-40: every integrand
    /// here is bounded by that (p_max ≤ nφ, 1 - Φⁿ ≤ nQ, Φⁿ ≤ Φ), so the line is cut there.
    static func cutoff(logN: BigFloat, bits: Int, tilt: Double = 0) -> BigFloat {
        let budget = Double(bits) * 0.6931471805599453 + Swift.max(logN.doubleValue, 0) + 40
        return BigFloat((2 * budget).squareRoot() + Swift.abs(tilt) + 1, precision: 64)
    }

    /// ∫ f over [-R, R] split at the breakpoints (those inside). Pieces are taken in the order
    /// given (central ones first), each to an absolute tolerance of 2^-bits times the running
    /// sum of |pieces|, so far-tail pieces cost only what their share of the total needs.
    static func integrate(over breakpoints: [BigFloat], center: BigFloat, lower: BigFloat? = nil, cut: BigFloat, bits: Int,
                          accuracy: Int, node: String, _ f: (BigFloat) -> BigFloat) throws(EvaluationError) -> BigFloat {
        let low = lower ?? -cut
        var inside: [BigFloat] = []
        for b in breakpoints.filter({ $0 > low && $0 < cut }).sorted() where inside.last.map({ $0 < b }) ?? true { inside.append(b) }
        let points = [low] + inside + [cut]
        var pieces: [(BigFloat, BigFloat)] = Array(zip(points, points.dropFirst()))
        // Largest contributions first: pieces by their distance from the peak.
        func distance(_ piece: (BigFloat, BigFloat)) -> BigFloat {
            piece.0 <= center && center <= piece.1 ? BigFloat(0, precision: bits) : BigFloat.min((piece.0 - center).magnitude, (piece.1 - center).magnitude)
        }
        pieces.sort { distance($0) < distance($1) }
        return try integrate(pieces, bits: bits, accuracy: accuracy, node: node, f)
    }

    /// Pieces in order, evaluated at `bits` (the working precision with its guard bits) and
    /// converged to `accuracy` bits: the guard bits absorb the integrand's rounding noise, so
    /// the stopping rule must not ask for them. `scale` (when known) sets the absolute tolerance.
    static func integrate(_ pieces: [(BigFloat, BigFloat)], bits: Int, accuracy: Int, node: String, scale: BigFloat? = nil,
                          _ f: (BigFloat) -> BigFloat) throws(EvaluationError) -> BigFloat {
        var rule = TanhSinhRule(precision: bits, maximumLevel: 10)
        let epsilon = BigFloat(1, precision: bits).timesPowerOfTwo(-accuracy)
        var total = BigFloat(0, precision: bits + 16)
        var absolute = scale?.magnitude.rounded(toPrecision: bits) ?? BigFloat(0, precision: bits)
        for (a, b) in pieces {
            let result = rule.integrate(from: a, to: b, absoluteTolerance: epsilon * absolute, relativeTolerance: epsilon, f)
            guard result.converged else {
                throw error(node, "a piece did not converge (change \(result.errorEstimate.decimalString(digits: 3)))")
            }
            total += result.value
            absolute += result.value.magnitude
        }
        return total.rounded(toPrecision: bits)
    }

    /// Breakpoints z_* + s·h around the mode.
    static func peakBreakpoints(_ size: Size) throws(EvaluationError) -> [BigFloat] {
        let z = try mode(size)
        let h = laplaceWidth(size, mode: z)
        return offsets.map { z + BigFloat($0, precision: size.bits) * h }
    }

    /// ∫ f over the line, split around the mode of p_max. f must be bounded by
    /// p_max(z)·(1 + |z|)²·e^{|tilt||z|} (true of every weight used: 1, z, z², e^{tz}, Q, and of
    /// the window integrands, which are below p_max). Left of the mode p_max increases, so the
    /// whole left tail up to a breakpoint b is below (b + R) p_max(b) (1 + R)² e^{|tilt|R}; when
    /// that is under 2^-(bits+20) of the peak mass the tail is dropped (at n = 10¹⁰⁰ it is
    /// e^{-e^8}, and integrating it costs erfc at large arguments).
    static func integrateAroundMode(_ size: Size, accuracy: Int, tilt: Double = 0, node: String,
                                    _ f: (BigFloat) -> BigFloat) throws(EvaluationError) -> BigFloat {
        let z = try mode(size)
        let h = laplaceWidth(size, mode: z)
        let breakpoints = offsets.map { z + BigFloat($0, precision: size.bits) * h }
        let cut = cutoff(logN: size.logN, bits: size.bits, tilt: tilt)
        let peak = size.logDensity(z) + h.log()
        let floor = peak - BigFloat(Double(accuracy + 20) * 0.6931471805599453, precision: size.bits)
        let one = BigFloat(1, precision: size.bits)
        var left = -cut
        for b in breakpoints where b < z && b > -cut {
            let envelope = size.logDensity(b) + (b + cut).log() + (one + cut).log().timesPowerOfTwo(1)
                + BigFloat(Swift.abs(tilt), precision: size.bits) * cut
            if envelope < floor { left = b }
        }
        return try integrate(over: breakpoints.filter { $0 > left }, center: z, lower: left, cut: cut, bits: size.bits,
                             accuracy: accuracy, node: node, f)
    }

    /// Guard bits: log p_max = log n - z²/2 - … cancels about log₂ log n bits, and nodes near
    /// z ≈ √(2 log n) must resolve the peak width 1/z: another log₂ log n.
    static func guardBits(_ n: BigFloat) -> Int {
        let logN = n.rounded(toPrecision: 64).log().doubleValue
        return 16 + (logN > 2 ? 2 * Int(Foundation.log2(logN).rounded(.up)) : 2)
    }

    /// E[w(z_max)] = ∫ w(z) p_max(z) dz, with log w given (so e^{tz} weights never overflow).
    static func expectation(n: BigFloat, bits: Int, node: String, tilt: Double = 0,
                            logWeight: @escaping (BigFloat) -> BigFloat) throws(EvaluationError) -> BigFloat {
        let w = bits + guardBits(n)
        let size = try Size(n, bits: w, node: node)
        return try integrateAroundMode(size, accuracy: bits + 8, tilt: tilt, node: node) { z in
            (size.logDensity(z) + logWeight(z)).exp()
        }.rounded(toPrecision: bits)
    }

    /// E[w(z_max)] for a signed weight (such as z itself).
    static func expectation(n: BigFloat, bits: Int, node: String,
                            weight: @escaping (BigFloat) -> BigFloat) throws(EvaluationError) -> BigFloat {
        let w = bits + guardBits(n)
        let size = try Size(n, bits: w, node: node)
        return try integrateAroundMode(size, accuracy: bits + 8, node: node) { z in
            weight(z) * size.logDensity(z).exp()
        }.rounded(toPrecision: bits)
    }

    /// E[z_max] = ∫ z p_max(z) dz (the density route of 11390.22).
    static func expectedMaximum(n: BigFloat, bits: Int) throws(EvaluationError) -> BigFloat {
        try expectation(n: n, bits: bits, node: "E[z_max]", weight: { $0 })
    }

    /// E[z_max] = ∫₀^∞ (1 - Φⁿ) dz - ∫_{-∞}^0 Φⁿ dz, 1 - Φⁿ = -expm1(n log1p(-Q)): an independent
    /// route (no density, no mode), split at z₀ + s/z₀ with n Q(z₀) = 1.
    static func expectedMaximumByCDF(n: BigFloat, bits: Int) throws(EvaluationError) -> BigFloat {
        let node = "E[z_max] (CDF form)"
        let w = bits + 16
        let size = try Size(n, bits: w, node: node)
        let one = BigFloat(1, precision: w)
        var z0 = BigFloat(0, precision: w)
        if size.n > BigFloat(2, precision: w) {
            do { z0 = -(try NormalDistribution.quantile(one / size.n)) } catch { throw .quadratureFailed(node: node, detail: "\(error)") }
        }
        let scale = one / BigFloat.max(z0, one)
        let cut = cutoff(logN: size.logN, bits: w)
        let breakpoints = offsets.map { z0 + BigFloat($0, precision: w) * scale }.filter { $0.sign > 0 && $0 < cut }
        let points = [BigFloat(0, precision: w)] + breakpoints + [cut]
        let pieces = Array(zip(points, points.dropFirst()))
        let positive = try integrate(pieces, bits: w, accuracy: bits + 8, node: node) { z in
            -(size.n * (-NormalDistribution.survival(z)).log1p()).expm1()
        }
        // ∫_{-∞}^0 Φⁿ ≤ 2^{-n}·(a constant below 1): negligible once n exceeds the precision.
        var negative = BigFloat(0, precision: w)
        if size.n < BigFloat(w + 16, precision: w) {
            negative = try integrate([(-one, BigFloat(0, precision: w)), (-cut, -one)], bits: w, accuracy: bits + 8, node: node,
                                     scale: positive) { z in
                (size.n * NormalDistribution.cdf(z).log()).exp()
            }
        }
        return (positive - negative).rounded(toPrecision: bits)
    }

    /// Φ⁻¹(1 - q) = -Φ⁻¹(q) for a tail probability q (representable even when 1 - q is not).
    static func upperQuantile(_ q: BigFloat, bits: Int) throws(EvaluationError) -> BigFloat {
        do { return -(try NormalDistribution.quantile(q.rounded(toPrecision: bits))) } catch {
            throw .domainError(function: "upper-tail quantile", argument: q.decimalString(digits: 12), node: "Φ⁻¹(1-q)")
        }
    }

    /// The root of exp(-z²/2)/(z√(2π)) = 1/(n+1) (11390.45), in log form.
    static func tailEquationRoot(n: BigFloat, bits: Int) throws(EvaluationError) -> BigFloat {
        let w = bits + 16
        let one = BigFloat(1, precision: w)
        let logNp1 = (n.rounded(toPrecision: w) + one).log()
        let c = halfLogTwoPi(w)
        let upper = (logNp1.timesPowerOfTwo(1)).squareRoot() + BigFloat(2, precision: w)
        do {
            let result = try RootFinding.newtonBisection(in: one.timesPowerOfTwo(-10), upper, precision: w) { z in
                (logNp1 - (z * z).timesPowerOfTwo(-1) - z.log() - c, -z - one / z)
            }
            return result.root.rounded(toPrecision: bits)
        } catch {
            throw .quadratureFailed(node: "tail equation root", detail: "\(error)")
        }
    }

    /// The root of zΦ(z) = 1 (11390.29); zΦ(z) increases on z > 0.
    static func unitRootOfZPhi(bits: Int) throws(EvaluationError) -> BigFloat {
        let one = BigFloat(1, precision: bits)
        do {
            return try RootFinding.newtonBisection(in: one, BigFloat(2, precision: bits), precision: bits) { z in
                (z * NormalDistribution.cdf(z) - one, NormalDistribution.cdf(z) + z * NormalDistribution.pdf(z))
            }.root
        } catch {
            throw .quadratureFailed(node: "root of zΦ(z) = 1", detail: "\(error)")
        }
    }
}

// MARK: as functions of expressions

extension GaussianMaximum {
    static func mode(n: BigFloat, bits: Int) throws(EvaluationError) -> BigFloat {
        try mode(Size(n, bits: bits + 16, node: "z_*")).rounded(toPrecision: bits)
    }

    /// E[z_max](n) by the density route, split at the Laplace mode.
    static let mean = ExternalFunction("gaussianMaxMean", latex: "\\mathbb{E}_{n}[z_{\\max}]", arity: 1) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try expectedMaximum(n: args[0], bits: bits)
    }

    /// E[z_max](n) by the CDF route (independent of the density code).
    static let meanByCDF = ExternalFunction("gaussianMaxMeanCDF", latex: "\\mathbb{E}^{\\Phi^n}_{n}[z_{\\max}]", arity: 1) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try expectedMaximumByCDF(n: args[0], bits: bits)
    }

    /// E[z_max²](n).
    static let secondMoment = ExternalFunction("gaussianMaxSecondMoment", latex: "\\mathbb{E}_{n}[z_{\\max}^2]", arity: 1) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try expectation(n: args[0], bits: bits, node: "E[z_max^2]", weight: { $0 * $0 })
    }

    /// E[exp(t z_max)](n, t).
    static let momentGenerating = ExternalFunction("gaussianMaxMGF", latex: "\\mathbb{E}_{n}[e^{t z_{\\max}}]", arity: 2) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        let t = args[1]
        return try expectation(n: args[0], bits: bits, node: "E[exp(t z_max)]", tilt: t.doubleValue, logWeight: { z in t * z })
    }

    /// E[Q(z_max)](n) = 1 - E[Φ(z_max)], without the cancellation of 1 - E[Φ].
    static let meanSurvival = ExternalFunction("gaussianMaxMeanQ", latex: "\\mathbb{E}_{n}[1-\\Phi(z_{\\max})]", arity: 1) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try expectation(n: args[0], bits: bits, node: "E[Q(z_max)]", logWeight: { z in
            z.sign > 0 ? NormalDistribution.survival(z).log() : (-NormalDistribution.cdf(z)).log1p()
        })
    }

    /// z_*(n), the mode of p_max.
    static let modeFunction = ExternalFunction("gaussianMaxMode", latex: "z_{*}", arity: 1) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try mode(n: args[0], bits: bits)
    }

    /// Φ⁻¹(1 - q).
    static let upperQuantileFunction = ExternalFunction("upperQuantile", latex: "\\Phi^{-1}_{1-}", arity: 1) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try upperQuantile(args[0], bits: bits)
    }

    /// The root z̃_n of exp(-z²/2)/(z√(2π)) = 1/(n+1).
    static let tailRoot = ExternalFunction("tailEquationRoot", latex: "\\tilde{z}", arity: 1) {
        (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try tailEquationRoot(n: args[0], bits: bits)
    }

    /// The root of zΦ(z) = 1.
    static let zPhiRoot = ExternalFunction("zPhiUnitRoot", latex: "z_{z\\Phi(z)=1}", arity: 0) {
        (_: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try unitRootOfZPhi(bits: bits)
    }
}
