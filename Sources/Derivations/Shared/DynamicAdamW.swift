import Foundation
import Symbolic

/// Numeric schedules of 11404/11459 for the step-by-step computations that are too long for
/// expression trees: the discrete sums κ_t, z_t, Σβ̄_k, the data terms of eq:w-rms-mu0 and
/// eq:w-rms-simp at t up to 10⁵ (at any precision), and seeded AdamW simulations (Double).
///
/// Shapes (the code passed as the first argument of the external functions):
/// 0 constant η, 1 linear η_max → η_min, 2 cosine η_max → η_min, 3 WSD (t₁ = 0.05T, t₂ = 0.8T,
/// peak η_max), 4 optimal for constant λ: η_max/(λη_max s + 1), 5 the λ ∝ η pair
/// η_max/√(2λη_max s + 1), λ/√(2λη_max s + 1) (λ is then λ_max). All others have constant λ.
struct NumericSchedule: Sendable {
    let shape: Int
    let etaMax: Double
    let etaMin: Double
    let lambda: Double
    let steps: Int

    init(_ a: [Double]) {
        shape = Int(a[0])
        etaMax = a[1]
        etaMin = a[2]
        lambda = a[3]
        steps = Int(a[4])
    }

    /// η at time s (step s when s is an integer), in Double.
    func eta(_ s: Double) -> Double {
        let t = Double(steps)
        switch shape {
        case 0: return etaMax
        case 1: return etaMax + (etaMin - etaMax) * s / t
        case 2: return etaMin + (etaMax - etaMin) * (0.5 + 0.5 * Foundation.cos(s * Double.pi / t))
        case 3:
            let (t1, t2) = (0.05 * t, 0.8 * t)
            if s <= t1 { return s / t1 * etaMax }
            if s <= t2 { return etaMax }
            return (t - s) / (t - t2) * etaMax
        case 4: return etaMax / (lambda * etaMax * s + 1)
        default: return etaMax / (2 * lambda * etaMax * s + 1).squareRoot()
        }
    }

    func decay(_ s: Double) -> Double {
        shape == 5 ? lambda / (2 * lambda * etaMax * s + 1).squareRoot() : lambda
    }

    /// η at step i at `bits` of precision (exact decimal inputs are rounded once, at 53 bits:
    /// the schedule is then a fixed binary one, the same at every precision).
    func eta(_ i: Int, bits: Int) -> BigFloat {
        let s = BigFloat(i, precision: bits), t = BigFloat(steps, precision: bits)
        let hi = BigFloat(etaMax, precision: bits), lo = BigFloat(etaMin, precision: bits)
        let lam = BigFloat(lambda, precision: bits), one = BigFloat(1, precision: bits)
        switch shape {
        case 0: return hi
        case 1: return hi + (lo - hi) * s / t
        case 2:
            let c = (s * BigFloat.pi(precision: bits) / t).cos()
            return lo + (hi - lo) * (one + c).timesPowerOfTwo(-1)
        case 3:
            let t1 = t * BigFloat(1, precision: bits) / BigFloat(20, precision: bits)
            let t2 = t * BigFloat(4, precision: bits) / BigFloat(5, precision: bits)
            if s <= t1 { return s / t1 * hi }
            if s <= t2 { return hi }
            return (t - s) / (t - t2) * hi
        case 4: return hi / (lam * hi * s + one)
        default: return hi / (BigFloat(2, precision: bits) * lam * hi * s + one).squareRoot()
        }
    }

    func decay(_ i: Int, bits: Int) -> BigFloat {
        let lam = BigFloat(lambda, precision: bits)
        guard shape == 5 else { return lam }
        let s = BigFloat(i, precision: bits)
        return lam / (BigFloat(2, precision: bits) * lam * BigFloat(etaMax, precision: bits) * s + BigFloat(1, precision: bits)).squareRoot()
    }
}

enum DynamicAdamW {
    static let beta1 = 0.9, beta2 = 0.95

    // MARK: discrete sums at any precision

    /// [κ_T, z_T, Σ_jβ̄₁(j,T), Σ_jβ̄₂(j,T), Σ_jβ̄₁(j,T)², D₁, D₂, Σ_jη_j², κ_T-weighted gap formula]
    /// for β = (0.9, 0.95), where D₁ = e^{-2κ}(1-β₁)²Σ_j(Σ_{i≥j}e^{κ_i}β₁^{i-j}η_i)² (eq:w-rms-mu0)
    /// and D₂ = e^{-2κ}Σ_j e^{2κ_j}η_j² (eq:w-rms-simp). The inner sums run backwards,
    /// B_j = e^{κ_j}η_j + β₁B_{j+1}, so the cost is O(T).
    static func discrete(_ a: [Double], bits: Int) -> [BigFloat] {
        let schedule = NumericSchedule(a)
        let T = schedule.steps
        let zero = BigFloat(0, precision: bits)
        var kappa = zero
        var w = [BigFloat](), eta2 = [BigFloat]()
        w.reserveCapacity(T)
        var z = zero, nu = zero, d2 = zero, gap1 = zero
        let b1 = BigFloat(9, precision: bits) / BigFloat(10, precision: bits)
        let b2 = BigFloat(19, precision: bits) / BigFloat(20, precision: bits)
        var power1 = BigFloat(1, precision: bits)
        for i in 1...T {
            let e = schedule.eta(i, bits: bits)
            kappa += e * schedule.decay(i, bits: bits)
            let weight = kappa.exp() * e
            w.append(weight)
            eta2.append(e * e)
            z += weight
            nu += e * e
            d2 += weight * weight
            power1 *= b1
            gap1 += weight * power1
        }
        var s1 = zero, s11 = zero, s2 = zero
        var back1 = zero, back2 = zero
        for j in stride(from: T - 1, through: 0, by: -1) {
            back1 = w[j] + b1 * back1
            back2 = w[j] + b2 * back2
            s1 += back1
            s11 += back1 * back1
            s2 += back2
        }
        let one = BigFloat(1, precision: bits)
        let decay2 = (-(kappa.timesPowerOfTwo(1))).exp()
        let c1 = one - b1, c2 = one - b2
        return [kappa, z, c1 * s1 / z, c2 * s2 / z, c1 * c1 * s11 / (z * z), decay2 * c1 * c1 * s11, decay2 * d2, nu,
                one - gap1 / z]
    }

    /// The observable `which` of `discrete` for (shape, η_max, η_min, λ, T); memoized per
    /// precision in the run's cache (one pass serves every observable).
    static let sums = ExternalFunction(
        "dynamicSums", latex: "\\Sigma_{\\text{steps}}", arity: 6, precisionIndependent: false
    ) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let a = args.map(\.doubleValue)
        guard a[4] >= 1, a[4] <= 2_000_000 else { throw .unsupported("dynamicSums: T = \(a[4]) out of range") }
        let key = "11404-discrete:" + a[0..<5].map { "\($0)" }.joined(separator: ",") + "@\(context.precision)"
        let compute = { discrete(Array(a[0..<5]), bits: context.precision) }
        let values = context.cache.map { $0.value(key, as: [BigFloat].self, compute) } ?? compute()
        let which = Int(a[5])
        guard values.indices.contains(which) else { throw .unsupported("dynamicSums: no observable \(which)") }
        return values[which]
    }

    // MARK: simulation (Double)

    /// One coordinate of literal AdamW (11404.1: bias-corrected, ε = 0) on g ~ N(mean, 1) with
    /// θ₀ ~ N(0, r0²), alongside the article's averages with u_i = m_i/√v_i (no bias correction):
    /// ū = Σw_iu_i/z, m̄ = Σw_im_i/z, v̄ = Σw_iv_i/z with w_i = e^{κ_i}η_i.
    /// Returns [θ_T², θ₀², ū², m̄²/v̄, m̄², v̄, m̄, θ₀ū].
    static func coordinate(_ rng: inout SplitMix64, etas: [Double], decays: [Double], weights: [Double], z: Double,
                           mean: Double, r0: Double) -> [Double] {
        let bias = biasFactors(etas.count)
        var normal = GaussianSampler(rng)
        let theta0 = r0 * normal.next()
        var theta = theta0, m = 0.0, v = 0.0
        var au = 0.0, am = 0.0, av = 0.0
        for k in etas.indices {
            let g = mean + normal.next()
            m = beta1 * m + (1 - beta1) * g
            v = beta2 * v + (1 - beta2) * g * g
            let plain = m / v.squareRoot()
            // m̂/√v̂ = (m/√v)·√(1-β₂^i)/(1-β₁^i): the bias factor is precomputed.
            theta -= etas[k] * (bias[k] * plain + decays[k] * theta)
            let w = weights[k]
            au += w * plain
            am += w * m
            av += w * v
        }
        rng = normal.generator
        let (ub, mb, vb) = (au / z, am / z, av / z)
        return [theta * theta, theta0 * theta0, ub * ub, mb * mb / vb, mb * mb, vb, mb, theta0 * ub]
    }

    /// √(1-β₂^i)/(1-β₁^i), i = 1…n.
    static func biasFactors(_ n: Int) -> [Double] {
        var p1 = 1.0, p2 = 1.0
        return (0..<n).map { _ in
            p1 *= beta1
            p2 *= beta2
            return (1 - p2).squareRoot() / (1 - p1)
        }
    }

    /// The schedule's per-step arrays [η_i], [λ_i], [e^{κ_i}η_i] and z_T, in Double.
    static func arrays(_ schedule: NumericSchedule) -> ([Double], [Double], [Double], Double) {
        var etas = [Double](), decays = [Double](), weights = [Double]()
        var kappa = 0.0, z = 0.0
        for i in 1...schedule.steps {
            let e = schedule.eta(Double(i)), l = schedule.decay(Double(i))
            kappa += e * l
            etas.append(e)
            decays.append(l)
            weights.append(Foundation.exp(kappa) * e)
            z += weights.last ?? 0
        }
        return (etas, decays, weights, z)
    }

    /// Means then standard errors of `coordinate`'s observables over `coordinates` coordinates.
    /// Arguments: shape, η_max, η_min, λ, T, mean, ‖θ₀‖_RMS, coordinates, seed.
    static func simulate(_ a: [Double]) -> [Double] {
        let schedule = NumericSchedule(a)
        let (etas, decays, weights, z) = arrays(schedule)
        let (mean, r0, coordinates, seed) = (a[5], a[6], Int(a[7]), UInt64(a[8]))
        let statistics = MonteCarlo.run(replicates: coordinates, seed: seed, jobs: 2) { rng in
            coordinate(&rng, etas: etas, decays: decays, weights: weights, z: z, mean: mean, r0: r0)
        }
        return statistics.map(\.mean) + statistics.map(\.standardError)
    }

    static func memo(_ cache: EvaluationCache?, _ a: [Double]) -> [Double] {
        let key = "11404-simulation:" + a.map { "\($0)" }.joined(separator: ",")
        guard let cache else { return simulate(a) }
        return cache.value(key, as: [Double].self) { simulate(a) }
    }

    /// Observable `which` (index into `coordinate`'s list; +8 for its standard error) of the
    /// simulation with arguments as `simulate`. Double precision, computed once per run.
    static let simulation = ExternalFunction(
        "dynamicAdamW", latex: "\\mathbb{E}_{\\text{sim}}", arity: 10, precisionIndependent: true
    ) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let a = args.map(\.doubleValue)
        let r = memo(context.cache, Array(a[0..<9]))
        let which = Int(a[9])
        guard r.indices.contains(which) else { throw .unsupported("dynamicAdamW: no observable \(which)") }
        return BigFloat(r[which], precision: context.precision)
    }

    // MARK: continuous predictions (Double)

    /// e^{-2κ_T}∫₀ᵀ e^{2κ_s}η_s² ds with κ_s = ∫₀ˢλη, by composite Simpson on the smooth pieces
    /// (WSD's kinks are piece ends); 2·10⁴ panels per piece give ≲ 10⁻¹² relative.
    static func dataIntegral(_ schedule: NumericSchedule) -> (kappa: Double, nu: Double, data: Double) {
        let t = Double(schedule.steps)
        let breaks = schedule.shape == 3 ? [0, 0.05 * t, 0.8 * t, t] : [0, t]
        var kappa = 0.0, nu = 0.0, data = 0.0
        for (a, b) in zip(breaks, breaks.dropFirst()) {
            let n = 20_000, h = (b - a) / Double(n)
            // κ and the integrals advance together; κ on a panel by Simpson of λη.
            var previousF = schedule.eta(a) * schedule.eta(a) * Foundation.exp(2 * kappa)
            for k in 0..<n {
                let x0 = a + Double(k) * h, xm = x0 + h / 2, x1 = x0 + h
                let g = { (x: Double) in schedule.eta(x) * schedule.decay(x) }
                let kappaMid = kappa + h / 12 * (5 * g(x0) + 8 * g(xm) - g(x1))
                let kappaEnd = kappa + h / 6 * (g(x0) + 4 * g(xm) + g(x1))
                let fm = schedule.eta(xm) * schedule.eta(xm) * Foundation.exp(2 * kappaMid)
                let f1 = schedule.eta(x1) * schedule.eta(x1) * Foundation.exp(2 * kappaEnd)
                data += h / 6 * (previousF + 4 * fm + f1)
                nu += h / 6 * (schedule.eta(x0) * schedule.eta(x0) + 4 * schedule.eta(xm) * schedule.eta(xm) + schedule.eta(x1) * schedule.eta(x1))
                kappa = kappaEnd
                previousF = f1
            }
        }
        return (kappa, nu, Foundation.exp(-2 * kappa) * data)
    }

    /// Continuous-time [κ_T, ν_T, e^{-2κ_T}∫e^{2κ_s}η_s² ds] for (shape, η_max, η_min, λ, T, which).
    static let continuous = ExternalFunction(
        "dynamicContinuous", latex: "\\int_{\\text{sched}}", arity: 6, precisionIndependent: true
    ) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let a = args.map(\.doubleValue)
        let key = "11404-continuous:" + a[0..<5].map { "\($0)" }.joined(separator: ",")
        let compute = { () -> [Double] in
            let r = dataIntegral(NumericSchedule(Array(a[0..<5])))
            return [r.kappa, r.nu, r.data]
        }
        let values = context.cache.map { $0.value(key, as: [Double].self, compute) } ?? compute()
        let which = Int(a[5])
        guard values.indices.contains(which) else { throw .unsupported("dynamicContinuous: no observable \(which)") }
        return BigFloat(values[which], precision: context.precision)
    }

    // MARK: exact E[X²/Y] (11404.14), Double

    /// E[X²/Y] for X = Σa_jg_j, Y = Σb_jg_j², g_j ~ N(μ, 1) i.i.d., by
    /// E[X²/Y] = ∫₀^∞ E[X²e^{-sY}] ds with Gaussian tilting (q_j = 1 + 2sb_j):
    /// E[X²e^{-sY}] = Π_k q_k^{-1/2}e^{-sb_kμ²/q_k} · [Σa_j²/q_j + (Σa_jμ/q_j)²].
    /// Substituting s = e^y, trapezoid in y (the integrand decays exponentially at both ends).
    static func ratioExpectation(a: [Double], b: [Double], mu: Double) -> Double {
        var total = 0.0
        let h = 0.01
        var y = -40.0
        while y <= 30 {
            let s = Foundation.exp(y)
            var logZ = 0.0, sa2 = 0.0, sam = 0.0
            for j in a.indices {
                let q = 1 + 2 * s * b[j]
                logZ += -0.5 * Foundation.log(q) - s * b[j] * mu * mu / q
                sa2 += a[j] * a[j] / q
                sam += a[j] * mu / q
            }
            total += Foundation.exp(logZ) * (sa2 + sam * sam) * s * h
            y += h
        }
        return total
    }

    /// β̄₁(j,T), β̄₂(j,T) for j = 1…T (Double, backward recursion).
    static func averagedWeights(_ schedule: NumericSchedule) -> ([Double], [Double]) {
        let (_, _, w, z) = arrays(schedule)
        var a = [Double](repeating: 0, count: w.count), b = a
        var back1 = 0.0, back2 = 0.0
        for j in stride(from: w.count - 1, through: 0, by: -1) {
            back1 = w[j] + beta1 * back1
            back2 = w[j] + beta2 * back2
            a[j] = (1 - beta1) * back1 / z
            b[j] = (1 - beta2) * back2 / z
        }
        return (a, b)
    }

    /// Arguments: shape, η_max, η_min, λ, T, μ, which: 0 the exact E[m̄²/v̄] (σ = 1), 1 the
    /// mean-field E[m̄²]/E[v̄] = ((Σa)²μ² + Σa²)/((Σb)(μ² + 1)), 2 the article's
    /// (μ² + Σβ̄₁²)/(μ² + 1) (eq. of 11404.30).
    static let ratio = ExternalFunction(
        "meanFieldRatio", latex: "\\mathbb{E}\\left[\\bar{m}^2/\\bar{v}\\right]", arity: 7, precisionIndependent: true
    ) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let x = args.map(\.doubleValue)
        let key = "11404-ratio:" + x[0..<6].map { "\($0)" }.joined(separator: ",")
        let compute = { () -> [Double] in
            let (a, b) = averagedWeights(NumericSchedule(Array(x[0..<5])))
            let mu = x[5]
            let sa = a.reduce(0, +), sb = b.reduce(0, +), sa2 = a.reduce(0) { $0 + $1 * $1 }
            return [ratioExpectation(a: a, b: b, mu: mu), (sa * sa * mu * mu + sa2) / (sb * (mu * mu + 1)),
                    (mu * mu + sa2) / (mu * mu + 1)]
        }
        let values = context.cache.map { $0.value(key, as: [Double].self, compute) } ?? compute()
        let which = Int(x[6])
        guard values.indices.contains(which) else { throw .unsupported("meanFieldRatio: no observable \(which)") }
        return BigFloat(values[which], precision: context.precision)
    }
}
