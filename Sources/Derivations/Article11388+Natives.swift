import Symbolic

/// The external functions of 11388: each rebuilds its seeded sample from (n, m, seed) at the
/// evaluation precision, so both sides of a claim see the same matrices at every precision.
extension Article11388 {
    typealias D = DualGradientDescent

    /// Integer arguments; one that is not finite or beyond ±10¹⁵ becomes -1, which every caller rejects.
    static func ints(_ args: [BigFloat]) -> [Int] {
        args.map { x in
            let d = x.doubleValue.rounded()
            return d.isFinite && Swift.abs(d) <= 1e15 ? Int(d) : -1
        }
    }

    static func sampleOf(_ a: [Int], _ bits: Int, _ cache: EvaluationCache?) throws -> D.Sample {
        // n, m and the seed come from the step's parameters; an edited one must not trap.
        guard (1...4096).contains(a[0]), (1...4096).contains(a[1]), a[2] >= 0 else {
            throw EvaluationError.unsupported("a sample of shape \(a[0])×\(a[1]) with seed \(a[2])")
        }
        return try D.memo(cache, "sample\(a[0])x\(a[1])s\(a[2])@\(bits)") { try D.sample(a[0], a[1], a[2], bits: bits) }
    }

    /// A native function of (n, m, seed, more…) at the context's precision.
    static func native(_ name: String, _ latex: String, arity: Int, independent: Bool = false,
                       _ body: @escaping @Sendable (D.Sample, [BigFloat], Int, EvaluationCache?) throws -> BigFloat) -> ExternalFunction {
        ExternalFunction(name, latex: latex, arity: arity, precisionIndependent: independent) {
            (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
            try D.evaluating(name) {
                let a = ints(Array(args.prefix(3)))
                let bits = independent ? 128 : context.precision
                let s = try sampleOf(a, CentralDifference.evaluationBits(bits), context.cache)
                return try body(s, Array(args.dropFirst(3)), bits, context.cache).rounded(toPrecision: context.precision)
            }
        }
    }

    /// 1-based indices from a call's arguments, as 0-based ones checked against their ranges: an
    /// edited or mistyped index is an evaluation error, never an out-of-range trap.
    static func indices(_ args: [BigFloat], below bounds: [Int], in name: String) throws -> [Int] {
        try zip(args, bounds).map { x, bound in
            let value = x.doubleValue
            guard value.rounded() == value, value >= 1, value <= Double(bound) else {
                throw EvaluationError.domainError(function: name, argument: x.decimalString(digits: 6), node: "an index in 1...\(bound)")
            }
            return Int(value) - 1
        }
    }

    /// Singular values in decreasing order with their (u_k, v_k) pairs.
    static func sortedSVD(_ m: Matrix) throws -> (values: [BigFloat], outer: (Int) -> Matrix) {
        let svd = try m.singularValueDecomposition()
        let order = svd.singularValues.indices.sorted { svd.singularValues[$0] > svd.singularValues[$1] }
        return (order.map { svd.singularValues[$0] }, { k in D.outer(svd, order[k]) })
    }

    // MARK: gradients by central differences (Richardson on the step)

    static let fdNuclear = native("fdNuclear11388", "\\left[\\nabla_{\\boldsymbol{G}}\\Vert\\boldsymbol{G}\\Vert_*\\right]^{\\text{FD}}_{ij}", arity: 5) { s, a, bits, _ in
        let ij = try indices(a, below: [s.g.rows, s.g.columns], in: "fdNuclear11388")
        let (i, j) = (ij[0], ij[1])
        return try CentralDifference.partial(of: { (x: Matrix) throws -> BigFloat in try x.nuclearNorm() }, at: s.g, row: i, column: j, precision: bits)
    }
    static let fdSigma = native("fdSigma11388", "\\left[\\nabla_{\\boldsymbol{G}}\\sigma_k\\right]^{\\text{FD}}_{ij}", arity: 6) { s, a, bits, _ in
        let kij = try indices(a, below: [Swift.min(s.g.rows, s.g.columns), s.g.rows, s.g.columns], in: "fdSigma11388")
        let (k, i, j) = (kij[0], kij[1], kij[2])
        return try CentralDifference.partial(of: { (x: Matrix) throws -> BigFloat in try sortedSVD(x).values[k] }, at: s.g, row: i, column: j, precision: bits)
    }
    static let outerEntry = native("outer11388", "\\left[\\boldsymbol{u}_k\\boldsymbol{v}_k^{\\top}\\right]_{ij}", arity: 6) { s, a, bits, _ in
        let kij = try indices(a, below: [Swift.min(s.g.rows, s.g.columns), s.g.rows, s.g.columns], in: "outer11388")
        return try sortedSVD(s.g.rounded(toPrecision: bits)).outer(kij[0])[kij[1], kij[2]]
    }
    static let uvEntry = native("uv11388", "\\left[\\boldsymbol{U}\\boldsymbol{V}^{\\top}\\right]_{ij}", arity: 5) { s, a, bits, _ in
        let svd = try s.g.rounded(toPrecision: bits).singularValueDecomposition()
        let ij = try indices(a, below: [s.g.rows, s.g.columns], in: "uv11388")
        return try (svd.u * svd.v.transposed())[ij[0], ij[1]]
    }
    /// msign by the series' other definition M(MᵀM)^{-1/2} (symmetric eigensolver, no SVD).
    static let msignEntry = native("msign11388", "\\left[\\operatorname{msign}(\\boldsymbol{G})\\right]_{ij}", arity: 5) { s, a, bits, _ in
        let g = s.g.rounded(toPrecision: bits)
        let ij = try indices(a, below: [s.g.rows, s.g.columns], in: "msign11388")
        return try (g * (g.transposed() * g).inverseSymmetricSquareRoot())[ij[0], ij[1]]
    }
    static let fdLambda = native("fdLambda11388", "\\left[\\nabla_{\\lambda}\\Vert\\boldsymbol{G}+\\lambda\\boldsymbol{\\Theta}\\Vert_*\\right]^{\\text{FD}}", arity: 5) { s, a, bits, _ in
        let theta = s.theta(Int(a[0].doubleValue))
        let lambda = a[1].rounded(toPrecision: CentralDifference.evaluationBits(bits))
        return try CentralDifference.derivative(precision: bits) { (t: BigFloat) throws -> BigFloat in
            try (s.g + D.scaled(theta, lambda + t)).nuclearNorm()
        }
    }
    static let dualSlope = native("slope11388", "\\operatorname{tr}(\\boldsymbol{\\Theta}^{\\top}\\operatorname{msign}(\\boldsymbol{G}+\\lambda\\boldsymbol{\\Theta}))", arity: 5) { s, a, bits, _ in
        let theta = s.theta(Int(a[0].doubleValue)).rounded(toPrecision: bits)
        return try D.slope(s.g.rounded(toPrecision: bits), theta, a[1].rounded(toPrecision: bits))
    }
    /// tr(ΘᵀΦ) with Φ := msign(G + λΘ) formed first, as the article substitutes it.
    static let thetaPhi = native("thetaPhi11388", "\\operatorname{tr}(\\boldsymbol{\\Theta}^{\\top}\\boldsymbol{\\Phi})", arity: 5) { s, a, bits, _ in
        let theta = s.theta(Int(a[0].doubleValue)).rounded(toPrecision: bits)
        let phi = try (s.g.rounded(toPrecision: bits) + D.scaled(theta, a[1].rounded(toPrecision: bits))).msign()
        return zip(theta.entries, phi.entries).reduce(BigFloat(0, precision: bits)) { $0 + $1.0 * $1.1 }
    }
    static let fdStiefel = native("fdStiefel11388", "\\left[\\nabla_{\\boldsymbol{\\Lambda}}\\Vert\\boldsymbol{G}+\\boldsymbol{W}(\\boldsymbol{\\Lambda}+\\boldsymbol{\\Lambda}^{\\top})\\Vert_*\\right]^{\\text{FD}}_{ab}", arity: 5) { s, a, bits, _ in
        let ab = try indices(a, below: [s.lambda.rows, s.lambda.columns], in: "fdStiefel11388")
        return try CentralDifference.partial(of: { (l: Matrix) throws -> BigFloat in try (s.g + s.w * (l + l.transposed())).nuclearNorm() },
                                             at: s.lambda, row: ab[0], column: ab[1], precision: bits)
    }
    /// (WᵀΦ + ΦᵀW)_ab at X = Λ + Λᵀ; `control` = 1 gives (WᵀΦ)_ab alone.
    static let stiefelGradient = native("stiefelGrad11388", "\\left[\\boldsymbol{W}^{\\top}\\boldsymbol{\\Phi}+\\boldsymbol{\\Phi}^{\\top}\\boldsymbol{W}\\right]_{ab}", arity: 6) { s, a, bits, _ in
        let (g, w, l) = (s.g.rounded(toPrecision: bits), s.w.rounded(toPrecision: bits), s.lambda.rounded(toPrecision: bits))
        let (r, phi) = try D.stiefelResidual(g, w, l + l.transposed())
        let ij = try indices(a, below: [r.rows, r.columns], in: "stiefelGrad11388")
        return a[2].isZero ? r[ij[0], ij[1]] : try (w.transposed() * phi)[ij[0], ij[1]]
    }
    /// ∂‖W‖₂/∂W_ij (kind 0) or ∂‖W‖_F/∂W_ij (kind 1) by central differences, W the generic Gaussian.
    static let fdNormW = native("fdNormW11388", "\\left[\\nabla_{\\boldsymbol{W}}\\Vert\\boldsymbol{W}\\Vert\\right]^{\\text{FD}}_{ij}", arity: 6) { s, a, bits, _ in
        let spectral = a[0].isZero
        let ij = try indices(Array(a.dropFirst()), below: [s.thetaGeneric.rows, s.thetaGeneric.columns], in: "fdNormW11388")
        return try CentralDifference.partial(of: { (x: Matrix) throws -> BigFloat in spectral ? try x.spectralNorm() : x.frobeniusNorm },
                                             at: s.thetaGeneric, row: ij[0], column: ij[1], precision: bits)
    }
    static let normDirectionW = native("normDirW11388", "\\left[\\boldsymbol{\\Theta}\\right]_{ij}", arity: 6) { s, a, bits, _ in
        let w = s.thetaGeneric.rounded(toPrecision: bits)
        let ij = try indices(Array(a.dropFirst()), below: [w.rows, w.columns], in: "normDirW11388")
        let (i, j) = (ij[0], ij[1])
        return a[0].isZero ? try sortedSVD(w).outer(0)[i, j] : w[i, j] / w.frobeniusNorm
    }

    // MARK: the spectral-sphere optimum

    static func root(_ s: D.Sample, _ kind: Int, _ bits: Int, _ cache: EvaluationCache?) throws -> BigFloat {
        try D.memo(cache, "root\(s.g.rows)x\(s.g.columns)k\(kind)\(s.g[0, 0].decimalString(digits: 12))@\(bits)") {
            try D.spectralRoot(s.g.rounded(toPrecision: bits), s.theta(kind).rounded(toPrecision: bits), bits: bits)
        }
    }
    static func phiStar(_ s: D.Sample, _ kind: Int, _ bits: Int, _ cache: EvaluationCache?) throws -> Matrix {
        let l = try root(s, kind, bits, cache)
        return try (s.g.rounded(toPrecision: bits) + D.scaled(s.theta(kind).rounded(toPrecision: bits), l)).msign()
    }
    static let lambdaStar = native("lambdaStar11388", "\\lambda^*", arity: 4) { s, a, bits, c in try root(s, Int(a[0].doubleValue), bits, c) }
    /// ‖G + λΘ‖_* at λ = λ* + offset.
    static let dualValue = native("dual11388", "\\Vert\\boldsymbol{G}+\\lambda\\boldsymbol{\\Theta}\\Vert_*", arity: 5) { s, a, bits, c in
        let kind = Int(a[0].doubleValue)
        let l = try root(s, kind, bits, c) + a[1].rounded(toPrecision: bits)
        return try (s.g.rounded(toPrecision: bits) + D.scaled(s.theta(kind).rounded(toPrecision: bits), l)).nuclearNorm()
    }
    /// tr(GᵀΦ*) + λ·tr(ΘᵀΦ*): the primal value (λ = 0) and the Lagrangian at the feasible Φ*.
    static let primalValue = native("primal11388", "\\operatorname{tr}(\\boldsymbol{G}^{\\top}\\boldsymbol{\\Phi}^*)+\\lambda\\operatorname{tr}(\\boldsymbol{\\Theta}^{\\top}\\boldsymbol{\\Phi}^*)", arity: 5) { s, a, bits, c in
        let kind = Int(a[0].doubleValue)
        let phi = try phiStar(s, kind, bits, c)
        let theta = s.theta(kind).rounded(toPrecision: bits)
        return try (s.g.rounded(toPrecision: bits).transposed() * phi).trace() + a[1] * (theta.transposed() * phi).trace()
    }
    /// |tr(ΘᵀΦ*)| (which = 0) or ‖Φ*ᵀΦ* - I‖_F (which = 1).
    static let feasibility = native("feasible11388", "\\operatorname{res}(\\boldsymbol{\\Phi}^*)", arity: 5) { s, a, bits, c in
        let kind = Int(a[0].doubleValue)
        let phi = try phiStar(s, kind, bits, c)
        if a[1].isZero { return try (s.theta(kind).rounded(toPrecision: bits).transposed() * phi).trace().magnitude }
        return try (phi.transposed() * phi - Matrix.identity(phi.columns, precision: bits)).frobeniusNorm
    }
    /// min f by golden section (independent of the root of f').
    static let goldenMinimum = native("golden11388", "\\min_{\\lambda}\\Vert\\boldsymbol{G}+\\lambda\\boldsymbol{\\Theta}\\Vert_*^{\\text{golden}}", arity: 4) { s, a, bits, c in
        let kind = Int(a[0].doubleValue)
        let guess = try root(s, kind, 64, c).rounded(toPrecision: bits)
        return try D.goldenSection(s.g.rounded(toPrecision: bits), s.theta(kind).rounded(toPrecision: bits), around: guess,
                                   width: BigFloat(0.01, precision: bits), bits: bits).1
    }
    /// λ_K of λ ← λ - η tr(ΘᵀΦ) from λ₀ = 0 at full precision.
    static let descentIterate = native("descent11388", "\\lambda_K", arity: 6) { s, a, bits, _ in
        let kind = Int(a[0].doubleValue)
        let (g, theta) = (s.g.rounded(toPrecision: bits), s.theta(kind).rounded(toPrecision: bits))
        var lambda = BigFloat(0, precision: bits)
        for _ in 0..<Int(a[2].doubleValue) { lambda = lambda - a[1] * (try D.slope(g, theta, lambda)) }
        return lambda
    }
}
