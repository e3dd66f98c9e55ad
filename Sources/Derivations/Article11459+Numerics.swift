import Foundation
import Symbolic

/// Native computations behind 11459's steps: O(t) sums at full precision where the tree form
/// would be O(t²), msign of seeded matrices, and seeded simulations (Double precision, cached
/// in the run's cache as in Shared/WeightRMSSimulation).
enum EqualWeightNumerics {
    static func doubles(_ args: [BigFloat]) -> [Double] { args.map(\.doubleValue) }

    /// The optimal schedules sampled at integer steps, η_max = 1: mode 0 the λ ∝ η pair of
    /// eq:opt-lrt-wdt with x = λ_maxη_max (η_j = (2xj+1)^{-1/2}, λ_jη_j = x/(2xj+1)); mode 1
    /// eq:opt-lrt-wd with x = λη_max (η_j = 1/(xj+1), λη_j = x/(xj+1)). z_t/η_max depends on
    /// x and t only. κ_j is accumulated step by step: t exponentials instead of the O(t²) of
    /// the tree form. Returns [z_t/(η_max t), max_j |t·e^{κ_j}η_j/z_t - 1|].
    static func proportionalWeights(mode: Int, x: BigFloat, steps: Int, precision: Int) -> [BigFloat] {
        let one = BigFloat(1, precision: precision)
        let two = BigFloat(2, precision: precision)
        var kappa = BigFloat(0, precision: precision)
        var weights: [BigFloat] = []
        weights.reserveCapacity(steps)
        for j in 1...max(1, steps) {
            let denominator = (mode == 0 ? two * x : x) * BigFloat(j, precision: precision) + one
            kappa = kappa + x / denominator
            weights.append(mode == 0 ? kappa.exp() / denominator.squareRoot() : kappa.exp() / denominator)
        }
        var z = BigFloat(0, precision: precision)
        for w in weights { z = z + w }
        let count = BigFloat(steps, precision: precision)
        var worst = BigFloat(0, precision: precision)
        for w in weights { worst = BigFloat.max(worst, (count * w / z - one).magnitude) }
        return [z / count, worst]
    }

    /// Arguments: mode (0: λ ∝ η, 1: constant λ), x, t, which (0: z_t/(η_max t), 1: max_j |t·β̄(j,t) - 1| at β = 0).
    static let proportionalSchedule = ExternalFunction(
        "equalWeightDiscrete", latex: "\\mathcal{W}_{\\text{discrete}}", arity: 4, precisionIndependent: false
    ) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        guard let mode = args[0].integerValue, (0...1).contains(mode), let steps = args[2].integerValue, steps >= 1,
              let which = args[3].integerValue, (0...1).contains(which) else {
            throw .unsupported("equalWeightDiscrete(mode, x, t, which) needs mode ∈ {0, 1}, an integer t ≥ 1 and which ∈ {0, 1}")
        }
        let compute = { proportionalWeights(mode: mode, x: args[1], steps: steps, precision: context.precision) }
        let key = "11459-proportional:\(mode),\(args[1].decimalString(digits: 30)),\(steps)@\(context.precision)"
        let values = context.cache.map { $0.value(key, as: [BigFloat].self, compute) } ?? compute()
        return values[which]
    }

    /// Entry `k` (row-major) of msign(m_t) for Muon's momentum m_t = (1-β₁)Σβ₁^{t-i}(c·G_i) over
    /// t = 6 seeded 3×3 Gaussian gradient matrices G_i, at full precision (SVD).
    /// Arguments: c, β₁, seed, k.
    static let muonUpdateEntry = ExternalFunction(
        "muonUpdate", latex: "\\operatorname{msign}(\\boldsymbol{m}_t)", arity: 4, precisionIndependent: false
    ) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let bits = context.precision
        guard let seed = args[2].integerValue, let k = args[3].integerValue, (0..<9).contains(k) else {
            throw .unsupported("muonUpdate(c, β₁, seed, k) needs an integer seed and k ∈ 0…8")
        }
        do {
            let (c, beta1) = (args[0].rounded(toPrecision: bits), args[1].rounded(toPrecision: bits))
            let one = BigFloat(1, precision: bits)
            var m = try Matrix.zeros(rows: 3, columns: 3, precision: bits)
            for i in 0..<6 {
                let g = try Matrix.gaussian(rows: 3, columns: 3, seed: UInt64(seed) &+ UInt64(i), precision: bits)
                m = try beta1 * m + ((one - beta1) * c) * g
            }
            return try m.msign()[k / 3, k % 3]
        } catch {
            throw .unsupported("msign failed: \(error)")
        }
    }

    /// C_sign(x) = [1 + 2Σ_{n≥1}(1-x)^n (2/π) arcsin(β₁^n)]/(2 - x): the exact stationary
    /// ‖θ‖²λ/η of SignSGDM with decay 1 - x on Gaussian gradients (arcsine law). Summed until
    /// β₁^n < 2^{-bits-8}; the tail is below that. Arguments: x, β₁.
    static let signConstant = ExternalFunction(
        "signStationaryC", latex: "C_{\\text{sign}}", arity: 2
    ) { (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        let x = args[0].rounded(toPrecision: bits), beta = args[1].rounded(toPrecision: bits)
        let one = BigFloat(1, precision: bits)
        let cutoff = BigFloat(1, precision: bits).timesPowerOfTwo(-bits - 8)
        var power = beta, decay = one - x, total = BigFloat(0, precision: bits)
        var n = 0
        while power > cutoff && n < 1_000_000 {
            total = total + decay * power.asin()
            power = power * beta
            decay = decay * (one - x)
            n += 1
        }
        let twoOverPi = BigFloat(2, precision: bits) / BigFloat.pi(precision: bits)
        return (one + BigFloat(2, precision: bits) * twoOverPi * total) / (BigFloat(2, precision: bits) - x)
    }
}

// MARK: simulations

extension EqualWeightNumerics {
    static let beta1 = 0.9, beta2 = 0.95

    static func memo(_ cache: EvaluationCache?, _ key: String, _ compute: () -> [Double]) -> [Double] {
        guard let cache else { return compute() }
        return cache.value("11459-simulation:" + key, as: [Double].self, compute)
    }

    /// The mean-field step of eq:u-bar (mode 0: static weights (1-β₃)β₃^{T-i}/(1-β₃^T), β₃ = 1 - λη,
    /// λ = 0.2, η = 2·10⁻³) or of the dynamic version (mode 1: weights e^{κ_i}η_i/z_T for a cosine
    /// η from 2·10⁻³ to 2·10⁻⁴, λ = 0.2). Literal Adam (bias-corrected, ε = 0) on g ~ N(0, 1),
    /// one coordinate per replicate. Returns [E ū², E m̄²/v̄, ratio, delta-method standard error].
    static func meanFieldRatio(mode: Int, steps: Int, coordinates: Int, seed: UInt64, cache: EvaluationCache?) -> [Double] {
        memo(cache, "meanField:\(mode),\(steps),\(coordinates),\(seed)") {
            let lambda = 0.2
            let etas: [Double] = (1...steps).map { i in
                mode == 0 ? 2e-3 : 2e-4 + (2e-3 - 2e-4) * (0.5 + 0.5 * Foundation.cos(Double(i) * Double.pi / Double(steps)))
            }
            var weights = [Double](repeating: 0, count: steps)
            if mode == 0 {
                let b3 = 1 - lambda * 2e-3
                for i in 0..<steps { weights[i] = Foundation.pow(b3, Double(steps - 1 - i)) }
            } else {
                var kappa = 0.0
                for i in 0..<steps {
                    kappa += lambda * etas[i]
                    weights[i] = Foundation.exp(kappa) * etas[i]
                }
            }
            let total = weights.reduce(0, +)
            let normalized = weights.map { $0 / total }
            let statistics = MonteCarlo.run(replicates: coordinates, seed: seed, jobs: 2) { rng in
                var normal = GaussianSampler(rng)
                var m = 0.0, v = 0.0, su = 0.0, sm = 0.0, sv = 0.0
                var p1 = 1.0, p2 = 1.0
                for i in 0..<steps {
                    let g = normal.next()
                    m = beta1 * m + (1 - beta1) * g
                    v = beta2 * v + (1 - beta2) * g * g
                    p1 *= beta1
                    p2 *= beta2
                    let u = (m / (1 - p1)) / (v / (1 - p2)).squareRoot()
                    su += normalized[i] * u
                    sm += normalized[i] * m
                    sv += normalized[i] * v
                }
                rng = normal.generator
                let a = su * su, b = sm * sm / sv
                return [a, b, a * a, b * b, a * b]
            }
            let n = Double(coordinates)
            let (ea, eb) = (statistics[0].mean, statistics[1].mean)
            let varA = statistics[2].mean - ea * ea, varB = statistics[3].mean - eb * eb, cov = statistics[4].mean - ea * eb
            let ratio = ea / eb
            let se = ((varA - 2 * ratio * cov + ratio * ratio * varB) / n).squareRoot() / eb
            return [ea, eb, ratio, se]
        }
    }

    /// Arguments: mode, T, coordinates, seed, which (0 E ū², 1 E m̄²/v̄, 2 ratio, 3 its standard error).
    static let meanField = ExternalFunction(
        "simMeanFieldEMA", latex: "\\mathbb{E}_{\\text{sim}}", arity: 5, precisionIndependent: true
    ) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let a = doubles(args)
        let r = meanFieldRatio(mode: Int(a[0]), steps: Int(a[1]), coordinates: Int(a[2]), seed: UInt64(a[3]), cache: context.cache)
        return BigFloat(r[Int(a[4])], precision: context.precision)
    }

    /// C = ‖θ‖²_RMS λ/η for a homogeneous optimizer at decay x = λη, θ₀ = 0, g ~ N(0, 1),
    /// β = (0.9, 0.95). θ/η obeys φ_t = (1-x)φ_{t-1} - u_t with u independent of η, so C = x E[φ²]
    /// exactly. T = 8/x steps, φ² time-averaged over the last 5/x. optimizer 0: Adam (m/√v),
    /// 1: SignSGDM, 2: Muon on n×n matrices (msign by Jacobi SVD in Double); one coordinate
    /// (or one matrix) per replicate. Returns [C, standard error].
    static func homogeneousConstant(optimizer: Int, x: Double, replicates: Int, size n: Int, seed: UInt64,
                                    cache: EvaluationCache?) -> [Double] {
        memo(cache, "homogeneous:\(optimizer),\(x),\(replicates),\(n),\(seed)") {
            let steps = Int((8 / x).rounded()), window = Int((5 / x).rounded())
            let statistics = MonteCarlo.run(replicates: replicates, seed: seed, jobs: 2) { rng in
                var normal = GaussianSampler(rng)
                var late = 0.0
                if optimizer < 2 {
                    var m = 0.0, v = 0.0, phi = 0.0
                    for t in 1...steps {
                        let g = normal.next()
                        m = beta1 * m + (1 - beta1) * g
                        let u: Double
                        if optimizer == 0 {
                            v = beta2 * v + (1 - beta2) * g * g
                            u = m / v.squareRoot()
                        } else {
                            u = m > 0 ? 1 : (m < 0 ? -1 : 0)
                        }
                        phi = (1 - x) * phi - u
                        if t > steps - window { late += phi * phi }
                    }
                } else {
                    var m = [Double](repeating: 0, count: n * n), phi = m
                    for t in 1...steps {
                        for k in m.indices { m[k] = beta1 * m[k] + (1 - beta1) * normal.next() }
                        let u = msign(m, n)
                        var squares = 0.0
                        for k in phi.indices {
                            phi[k] = (1 - x) * phi[k] - u[k]
                            squares += phi[k] * phi[k]
                        }
                        if t > steps - window { late += squares / Double(n * n) }
                    }
                }
                rng = normal.generator
                return [x * late / Double(window)]
            }
            return [statistics[0].mean, statistics[0].standardError]
        }
    }

    /// msign of a row-major n×n matrix by the Double Jacobi SVD: U·Vᵀ (zero for a failure,
    /// which Gaussian momenta do not produce).
    static func msign(_ entries: [Double], _ n: Int) -> [Double] {
        guard let matrix = try? DoubleMatrix(rows: n, columns: n, entries: entries),
              let svd = try? matrix.singularValueDecomposition(),
              let product = try? svd.u.multiplied(by: svd.v.transposed()) else { return [Double](repeating: 0, count: n * n) }
        return product.entries
    }

    /// Arguments: optimizer, x, replicates, size, seed, which (0: C, 1: standard error).
    static let homogeneous = ExternalFunction(
        "simHomogeneousC", latex: "C_{\\text{sim}}", arity: 6, precisionIndependent: true
    ) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let a = doubles(args)
        let r = homogeneousConstant(optimizer: Int(a[0]), x: a[1], replicates: Int(a[2]), size: Int(a[3]), seed: UInt64(a[4]),
                                    cache: context.cache)
        return BigFloat(r[Int(a[5])], precision: context.precision)
    }
}
