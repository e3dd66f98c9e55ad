import Symbolic

/// Exact (deterministic) pieces of 11335: a seeded Gaussian W and seeded unit vectors u, v held at
/// the evaluator's precision, and the scalars the article's identities compare. Each identity is
/// checked by two independent routes (an SVD against an eigen-decomposition, a closed form
/// against the value at the maximiser), to the checker's 50 digits.
extension Article11335 {
    /// W ∈ ℝ^{n×m} with i.i.d. N(0,1) entries; u, v uniform on the unit spheres (normalised Gaussian
    /// vectors), all from one seed. Entries are Box–Muller at full precision, so every precision
    /// holds the same matrix to its own rounding.
    struct SeededTriple {
        let w: Matrix
        let u: [BigFloat]
        let v: [BigFloat]
        let bits: Int

        var rows: Int { w.rows }
        var columns: Int { w.columns }

        init(seed: UInt64, rows n: Int, columns m: Int, bits: Int) throws(EvaluationError) {
            do {
                w = try Matrix.gaussian(rows: n, columns: m, seed: seed, precision: bits)
                u = Article11335.normalised(try Matrix.gaussian(rows: n, columns: 1, seed: SplitMix64.mix(seed ^ 0x5EED_0001), precision: bits).entries)
                v = Article11335.normalised(try Matrix.gaussian(rows: m, columns: 1, seed: SplitMix64.mix(seed ^ 0x5EED_0002), precision: bits).entries)
            } catch {
                throw .unsupported("seeded matrix: \(error)")
            }
            self.bits = bits
        }

        /// W x.
        func times(_ x: [BigFloat]) -> [BigFloat] {
            (0..<rows).map { i in
                var s = BigFloat(0, precision: bits)
                for j in 0..<columns { s.addProduct(w[i, j], x[j]) }
                return s
            }
        }

        /// Wᵀ x.
        func transposeTimes(_ x: [BigFloat]) -> [BigFloat] {
            (0..<columns).map { j in
                var s = BigFloat(0, precision: bits)
                for i in 0..<rows { s.addProduct(w[i, j], x[i]) }
                return s
            }
        }

        /// xᵀ W y.
        func bilinear(_ x: [BigFloat], _ y: [BigFloat]) -> BigFloat { Article11335.dot(x, times(y)) }

        func eigen(_ m: Matrix) throws(EvaluationError) -> SymmetricEigendecomposition {
            do { return try m.symmetricEigendecomposition() } catch { throw .unsupported("eigen-decomposition: \(error)") }
        }

        func svd() throws(EvaluationError) -> SingularValueDecomposition {
            do { return try w.singularValueDecomposition() } catch { throw .unsupported("SVD: \(error)") }
        }

        var gram: Matrix {
            get throws(EvaluationError) {
                do { return try w.transposed().multiplied(by: w) } catch { throw .unsupported("WᵀW: \(error)") }
            }
        }

        var outerGram: Matrix {
            get throws(EvaluationError) {
                do { return try w.multiplied(by: w.transposed()) } catch { throw .unsupported("WWᵀ: \(error)") }
            }
        }
    }

    static func dot(_ x: [BigFloat], _ y: [BigFloat]) -> BigFloat {
        var s = BigFloat(0, precision: x.first?.precision ?? 64)
        for (a, b) in zip(x, y) { s.addProduct(a, b) }
        return s
    }

    static func euclidean(_ x: [BigFloat]) -> BigFloat { dot(x, x).squareRoot() }

    static func normalised(_ x: [BigFloat]) -> [BigFloat] {
        let r = euclidean(x)
        return x.map { $0 / r }
    }

    /// The scalars compared by the exact steps; each is a function of (seed, n, m).
    enum SeededQuantity: String, CaseIterable {
        /// √λ_max(WᵀW), by Jacobi eigen-decomposition of the Gram matrix.
        case spectralByEigen
        /// u₁ᵀWv₁ for the top singular pair of a one-sided Jacobi SVD of W.
        case topPairValue
        /// uᵀWv at the seeded unit u, v.
        case bilinear
        case normWv
        case normUW
        /// ‖Wv‖².
        case normWvSquared
        /// vᵀ(WᵀW)v, the Gram matrix formed first.
        case quadraticForm
        /// Σ_j v_j (n v_j) = vᵀ(nI_m)v.
        case scaledIdentityQuadratic
        /// max_u uᵀWv + max_v uᵀWv, each evaluated at its Cauchy–Schwarz maximiser.
        case halfMaxSum
        /// ‖Wv‖ + ‖uᵀW‖.
        case halfMaxSumClosed
        /// min_v uᵀWv + max_u uᵀWv at the minimiser -Wᵀu/‖Wᵀu‖ and the maximiser Wv/‖Wv‖.
        case halfMinMax
        /// -‖uᵀW‖ + ‖Wv‖.
        case halfMinMaxClosed
        /// √λ_min(WᵀW) (n ≥ m): σ_min by the eigen route.
        case smallestByEigen
        /// ‖Wv_m‖ for the last right singular vector of the SVD: the min over v, attained.
        case normAtBottomPair
        /// max_v min_u uᵀWv = max_v (-‖Wv‖), at its maximiser (eigenvector of λ_min(WᵀW)).
        case positionsExchanged
        /// min_u max_v uᵀWv = min_u ‖Wᵀu‖ over the unit sphere of ℝⁿ, at the eigenvector of λ_min(WWᵀ).
        case objectsExchanged
        /// max_u min_v uᵀWv = -min_u ‖Wᵀu‖.
        case bothExchanged
    }

    static func evaluate(_ quantity: SeededQuantity, _ t: SeededTriple) throws(EvaluationError) -> BigFloat {
        switch quantity {
        case .spectralByEigen:
            return try t.eigen(try t.gram).eigenvalues.last?.squareRoot() ?? BigFloat(0, precision: t.bits)
        case .topPairValue:
            let s = try t.svd()
            return t.bilinear(s.u.column(0), s.v.column(0))
        case .bilinear:
            return t.bilinear(t.u, t.v)
        case .normWv:
            return euclidean(t.times(t.v))
        case .normUW:
            return euclidean(t.transposeTimes(t.u))
        case .normWvSquared:
            let y = t.times(t.v)
            return dot(y, y)
        case .quadraticForm:
            let g = try t.gram
            var s = BigFloat(0, precision: t.bits)
            for i in 0..<t.columns { for j in 0..<t.columns { s += t.v[i] * g[i, j] * t.v[j] } }
            return s
        case .scaledIdentityQuadratic:
            let n = BigFloat(t.rows, precision: t.bits)
            return dot(t.v, t.v.map { n * $0 })
        case .halfMaxSum:
            let uStar = normalised(t.times(t.v))
            let vStar = normalised(t.transposeTimes(t.u))
            return t.bilinear(uStar, t.v) + t.bilinear(t.u, vStar)
        case .halfMaxSumClosed:
            return euclidean(t.times(t.v)) + euclidean(t.transposeTimes(t.u))
        case .halfMinMax:
            let uStar = normalised(t.times(t.v))
            let vMin = normalised(t.transposeTimes(t.u)).map { -$0 }
            return t.bilinear(t.u, vMin) + t.bilinear(uStar, t.v)
        case .halfMinMaxClosed:
            return -euclidean(t.transposeTimes(t.u)) + euclidean(t.times(t.v))
        case .smallestByEigen:
            guard t.rows >= t.columns else { throw .domainError(function: "σ_min", argument: "\(t.rows)×\(t.columns)", node: "n ≥ m") }
            return try t.eigen(try t.gram).eigenvalues.first?.squareRoot() ?? BigFloat(0, precision: t.bits)
        case .normAtBottomPair:
            let s = try t.svd()
            return euclidean(t.times(s.v.column(s.v.columns - 1)))
        case .positionsExchanged:
            let e = try t.eigen(try t.gram)
            return -euclidean(t.times(e.eigenvectors.column(0)))
        case .objectsExchanged, .bothExchanged:
            let e = try t.eigen(try t.outerGram)
            let value = euclidean(t.transposeTimes(e.eigenvectors.column(0)))
            return quantity == .objectsExchanged ? value : -value
        }
    }

    /// An integer argument in [minimum, maximum]; a dimension is capped so that an edited or
    /// mistyped size is an evaluation error, not an allocation of gigabytes.
    static func integerArgument(_ x: BigFloat, _ what: String, in function: String, minimum: Int = 1,
                                maximum: Double = 16_384) throws(EvaluationError) -> Int {
        let d = x.doubleValue
        guard d.isFinite, d >= Double(minimum), d <= maximum, d == d.rounded() else {
            throw .domainError(function: function, argument: x.decimalString(digits: 10), node: what)
        }
        return Int(d)
    }

    /// A seeded quantity as a function of (seed, n, m).
    static func seeded(_ quantity: SeededQuantity, latex: String) -> ExternalFunction {
        ExternalFunction("seeded11335.\(quantity.rawValue)", latex: latex, arity: 3) {
            (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
            let name = "seeded11335.\(quantity.rawValue)"
            let seed = try integerArgument(args[0], "seed", in: name, minimum: 0, maximum: 1e15)
            let n = try integerArgument(args[1], "n", in: name)
            let m = try integerArgument(args[2], "m", in: name)
            return try evaluate(quantity, SeededTriple(seed: UInt64(seed), rows: n, columns: m, bits: bits))
        }
    }

    /// The optimum of one half of the max–min problem that a unit vector is tilted away from.
    enum HalfOptimum: String {
        /// u near Wv/‖Wv‖, where uᵀWv reaches ‖Wv‖ (v the seeded one).
        case maximumOverU
        /// v near Wᵀu/‖Wᵀu‖, where uᵀWv reaches ‖uᵀW‖.
        case maximumOverV
        /// v near -Wᵀu/‖Wᵀu‖, where uᵀWv reaches -‖uᵀW‖.
        case minimumOverV
    }

    /// uᵀWv with one vector drawn near the optimum of its half: x = (x* + τg)/‖x* + τg‖ with g the
    /// seeded unit vector, a function of (seed, n, m, τ). A bound "uᵀWv ≤ ‖Wv‖ for every unit u"
    /// has its slack at random u; near u* (τ → 0) the slack is O(τ²), so a bound off by any fixed
    /// amount is violated there while random vectors would never show it.
    static func nearOptimum(_ half: HalfOptimum, latex: String) -> ExternalFunction {
        let name = "seeded11335.nearOptimum.\(half.rawValue)"
        return ExternalFunction(name, latex: latex, arity: 4) { (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
            let seed = try integerArgument(args[0], "seed", in: name, minimum: 0, maximum: 1e15)
            let n = try integerArgument(args[1], "n", in: name)
            let m = try integerArgument(args[2], "m", in: name)
            let tau = args[3]
            guard tau.isFinite, tau >= BigFloat.zero else {
                throw .domainError(function: name, argument: tau.decimalString(digits: 10), node: "τ ≥ 0")
            }
            let t = try SeededTriple(seed: UInt64(seed), rows: n, columns: m, bits: bits)
            func tilted(_ optimum: [BigFloat], _ direction: [BigFloat]) -> [BigFloat] {
                normalised(zip(optimum, direction).map { $0 + tau * $1 })
            }
            switch half {
            case .maximumOverU:
                return t.bilinear(tilted(normalised(t.times(t.v)), t.u), t.v)
            case .maximumOverV:
                return t.bilinear(t.u, tilted(normalised(t.transposeTimes(t.u)), t.v))
            case .minimumOverV:
                return t.bilinear(t.u, tilted(normalised(t.transposeTimes(t.u)).map { -$0 }, t.v))
            }
        }
    }

    /// 11335.11 on a finite sample W_1…W_R (seeds seed+1…seed+R) and the fixed unit v of `seed`:
    /// the sample mean of vᵀW_rᵀW_r v (`meanFirst` false) or vᵀ(sample mean of W_rᵀW_r)v (true).
    static func empiricalQuadratic(meanFirst: Bool, latex: String) -> ExternalFunction {
        let name = "seeded11335.empiricalQuadratic.\(meanFirst ? "meanFirst" : "formFirst")"
        return ExternalFunction(name, latex: latex, arity: 4, precisionIndependent: false) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
            let bits = context.precision
            let seed = try integerArgument(args[0], "seed", in: name, minimum: 0, maximum: 1e15)
            let n = try integerArgument(args[1], "n", in: name)
            let m = try integerArgument(args[2], "m", in: name)
            let r = try integerArgument(args[3], "R", in: name)
            let v = try SeededTriple(seed: UInt64(seed), rows: n, columns: m, bits: bits).v
            let count = BigFloat(r, precision: bits)
            var total = BigFloat(0, precision: bits)
            var gramSum = [BigFloat](repeating: BigFloat(0, precision: bits), count: m * m)
            for k in 1...r {
                let t = try SeededTriple(seed: UInt64(seed + k), rows: n, columns: m, bits: bits)
                let g = try t.gram
                if meanFirst {
                    for index in 0..<(m * m) { gramSum[index] += g.entries[index] }
                } else {
                    let y = t.times(v)
                    total += dot(y, y)
                }
            }
            guard meanFirst else { return total / count }
            var s = BigFloat(0, precision: bits)
            for i in 0..<m { for j in 0..<m { s += v[i] * (gramSum[i * m + j] / count) * v[j] } }
            return s
        }
    }
}
