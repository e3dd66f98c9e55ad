import Foundation
import Symbolic

/// Seeded simulations of AdamW and SignSGDMW weights on i.i.d. Gaussian gradients (11307).
///
/// Under the model g ~ N(μ, 1) per coordinate, coordinates are independent, so one replicate of
/// `MonteCarlo.run` is one coordinate, simulated with scalars (no arrays over d); a mean over
/// replicates is a component average ‖·‖²_RMS over d = replicates coordinates. No bias
/// correction, ε = 0 (the article's script). The results are exposed as `ExternalFunction`s so
/// that claims can compare them with the article's formulas; they are Double-precision values of
/// a deterministic seeded computation, cached by their arguments (the checker evaluates every
/// expression at two precisions).
enum WeightRMSSimulation {
    static let beta1 = 0.9, beta2 = 0.95

    /// A simulation result memoized in the run's cache (several observables share one run);
    /// computed directly outside a checking run.
    static func memo(_ cache: EvaluationCache?, _ key: String, _ compute: () -> [Double]) -> [Double] {
        guard let cache else { return compute() }
        return cache.value("11307-simulation:" + key, as: [Double].self, compute)
    }

    static func doubles(_ args: [BigFloat]) -> [Double] { args.map(\.doubleValue) }
    static func key(_ name: String, _ args: [Double]) -> String { name + args.map { "\($0)" }.joined(separator: ",") }

    /// Means and standard errors of every observable.
    static func run(_ replicates: Int, seed: UInt64, _ body: @escaping @Sendable (inout SplitMix64) -> [Double]) -> [Double] {
        let statistics = MonteCarlo.run(replicates: replicates, seed: seed, jobs: 2, body)
        return statistics.map(\.mean) + statistics.map(\.standardError)
    }

    // MARK: the script (final weights)

    /// One coordinate of the script: θ₀ ~ N(0, r0²), T steps of AdamW (sign = false) or
    /// SignSGDMW (sign = true) with g ~ N(mean, 1). Returns [θ_T², time average of θ_t² over
    /// t ∈ (T/2, T]].
    static func coordinate(_ rng: inout SplitMix64, sign: Bool, eta: Double, lambda: Double, steps: Int,
                           mean: Double, theta0: Double) -> [Double] {
        var normal = GaussianSampler(rng)
        var theta = theta0 * normal.next()
        var m = 0.0, v = 0.0
        let decay = 1 - eta * lambda
        var late = 0.0
        let half = steps / 2
        for step in 1...steps {
            let g = mean + normal.next()
            m = beta1 * m + (1 - beta1) * g
            let u: Double
            if sign {
                u = m > 0 ? 1 : (m < 0 ? -1 : 0)
            } else {
                v = beta2 * v + (1 - beta2) * g * g
                u = m / v.squareRoot()
            }
            theta = decay * theta - eta * u
            if step > half { late += theta * theta }
        }
        rng = normal.generator
        return [theta * theta, late / Double(steps - half)]
    }

    /// ‖θ_T‖_RMS of the script over `coordinates` coordinates: sqrt of the component mean of θ_T².
    /// Arguments: sign (0/1), η, λ, T, mean, ‖θ₀‖_RMS, coordinates, seed. `which` = 0 gives
    /// ‖θ_T‖_RMS; 1 gives the root of the time-averaged θ_t² over the second half of the run.
    static func script(_ a: [Double], cache: EvaluationCache?) -> [Double] {
        memo(cache, key("script", a)) {
            let (sign, eta, lambda, steps, mean, theta0) = (a[0] != 0, a[1], a[2], Int(a[3]), a[4], a[5])
            return run(Int(a[6]), seed: UInt64(a[7])) { rng in
                coordinate(&rng, sign: sign, eta: eta, lambda: lambda, steps: steps, mean: mean, theta0: theta0)
            }
        }
    }

    static let weightRMS = ExternalFunction(
        "simWeightRMS", latex: "\\Vert\\boldsymbol{\\theta}_T\\Vert_{RMS}^{\\text{sim}}", arity: 9
    , precisionIndependent: true) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let bits = context.precision
        let a = doubles(args)
        let r = script(Array(a[0..<8]), cache: context.cache)
        return BigFloat(r[Int(a[8])].squareRoot(), precision: bits)
    }

    // MARK: stationary balance (quick estimate, 11307.9 / 11307.11)

    /// One AdamW coordinate at λ = 0.1, η = ηλ/λ: burn-in, then window averages of
    /// [θ_{t-1}u_t, u_t², θ_{t-1}², θ_t²].
    static func balance(_ a: [Double], cache: EvaluationCache?) -> [Double] {
        memo(cache, key("balance", a)) {
            let (etaLambda, burnIn, window, coordinates, seed) = (a[0], Int(a[1]), Int(a[2]), Int(a[3]), UInt64(a[4]))
            let lambda = 0.1, eta = etaLambda / lambda, decay = 1 - etaLambda
            return run(coordinates, seed: seed) { rng in
                var normal = GaussianSampler(rng)
                var theta = (eta / (2 * lambda)).squareRoot() * normal.next()
                var m = 0.0, v = 0.0
                var sums = [0.0, 0.0, 0.0, 0.0]
                for step in 0..<(burnIn + window) {
                    let g = normal.next()
                    m = beta1 * m + (1 - beta1) * g
                    v = beta2 * v + (1 - beta2) * g * g
                    let u = m / v.squareRoot()
                    if step >= burnIn {
                        sums[0] += theta * u
                        sums[1] += u * u
                        sums[2] += theta * theta
                    }
                    theta = decay * theta - eta * u
                    if step >= burnIn { sums[3] += theta * theta }
                }
                rng = normal.generator
                return sums.map { $0 / Double(window) }
            }
        }
    }

    /// Stationary AdamW at ηλ (λ = 0.1): `which` = 0: the dropped cross term plus the kept term of
    /// display #6, -2β₃(1-β₃)E[θ_{t-1}u_t]/λ + (1-β₃)²E[u²]/λ²; 1: the kept term alone;
    /// 2: (1-β₃²)E[θ²]; 3: E[θ²]; 4: E[θ_{t-1}u_t]; 5: cos = E[θu]/√(E[θ²]E[u²]).
    /// Arguments: ηλ, burn-in, window, coordinates, seed, which.
    static let stationaryBalance = ExternalFunction(
        "simBalance", latex: "\\text{sim}_{\\text{AdamW}}", arity: 6
    , precisionIndependent: true) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let bits = context.precision
        let a = doubles(args)
        let r = balance(Array(a[0..<5]), cache: context.cache)
        let lambda = 0.1, b3 = 1 - a[0]
        let (thetaU, u2, theta2) = (r[0], r[1], r[3])
        let kept = (1 - b3) * (1 - b3) * u2 / (lambda * lambda)
        let value: Double
        switch Int(a[5]) {
        case 0: value = kept - 2 * b3 * (1 - b3) * thetaU / lambda
        case 1: value = kept
        case 2: value = (1 - b3 * b3) * theta2
        case 3: value = theta2
        case 4: value = thetaU
        default: value = thetaU / (theta2 * u2).squareRoot()
        }
        return BigFloat(value, precision: bits)
    }

    // MARK: β₃-averages (11307.15, .18, .19)

    /// One coordinate, g ~ N(0, 1), m₀ = v₀ = 0, t steps; normalized β₃-averages ū, m̄, v̄ at t.
    /// Returns [ū², m̄²/v̄, m̄², v̄].
    static func averages(_ a: [Double], cache: EvaluationCache?) -> [Double] {
        memo(cache, key("averages", a)) {
            let (b3, steps, coordinates, seed) = (a[0], Int(a[1]), Int(a[2]), UInt64(a[3]))
            return run(coordinates, seed: seed) { rng in
                var normal = GaussianSampler(rng)
                var m = 0.0, v = 0.0, su = 0.0, sm = 0.0, sv = 0.0
                for _ in 0..<steps {
                    let g = normal.next()
                    m = beta1 * m + (1 - beta1) * g
                    v = beta2 * v + (1 - beta2) * g * g
                    su = b3 * su + m / v.squareRoot()
                    sm = b3 * sm + m
                    sv = b3 * sv + v
                }
                rng = normal.generator
                let scale = (1 - b3) / (1 - Foundation.pow(b3, Double(steps)))
                let (ub, mb, vb) = (scale * su, scale * sm, scale * sv)
                return [ub * ub, mb * mb / vb, mb * mb, vb]
            }
        }
    }

    /// Arguments: β₃, t, coordinates, seed, which: 0 E[ū²], 1 E[m̄²/v̄], 2 E[m̄²]/E[v̄].
    static let betaAverages = ExternalFunction(
        "simAverages", latex: "\\mathbb{E}_{\\text{sim}}", arity: 5
    , precisionIndependent: true) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let bits = context.precision
        let a = doubles(args)
        let r = averages(Array(a[0..<4]), cache: context.cache)
        let value: Double
        switch Int(a[4]) {
        case 0: value = r[0]
        case 1: value = r[1]
        default: value = r[2] / r[3]
        }
        return BigFloat(value, precision: bits)
    }

    // MARK: θ₀ against ū_t (11307.16)

    /// RMS over `repetitions` of (approx/exact - 1) for display #9 at dimension d: θ₀ ~ N(0, 0.1²),
    /// ηλ = 10⁻², λ = 0.1, m and v run `burnIn` steps before θ starts, then t steps.
    /// Arguments: d, t, burn-in, repetitions, seed.
    static let orthogonalityError = ExternalFunction(
        "simTheta0Error", latex: "\\text{RMS}\\left(\\tfrac{\\text{approx}}{\\text{exact}}-1\\right)", arity: 5
    , precisionIndependent: true) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let bits = context.precision
        let a = doubles(args)
        let r = memo(context.cache, key("theta0", a)) {
            let (d, steps, burnIn, repetitions, seed) = (Int(a[0]), Int(a[1]), Int(a[2]), Int(a[3]), UInt64(a[4]))
            let lambda = 0.1, eta = 0.1, decay = 1 - eta * lambda
            let q = Foundation.pow(decay, Double(steps))
            return run(repetitions, seed: seed) { rng in
                var normal = GaussianSampler(rng)
                var exact = 0.0, approx = 0.0
                var theta0Sq = 0.0, uBarSq = 0.0
                for _ in 0..<d {
                    let theta0 = 0.1 * normal.next()
                    var m = 0.0, v = 0.0, theta = theta0
                    for _ in 0..<burnIn {
                        let g = normal.next()
                        m = beta1 * m + (1 - beta1) * g
                        v = beta2 * v + (1 - beta2) * g * g
                    }
                    for _ in 0..<steps {
                        let g = normal.next()
                        m = beta1 * m + (1 - beta1) * g
                        v = beta2 * v + (1 - beta2) * g * g
                        theta = decay * theta - eta * m / v.squareRoot()
                    }
                    // θ_t = qθ₀ - (1-q)ū/λ defines ū exactly.
                    let uBar = (q * theta0 - theta) * lambda / (1 - q)
                    exact += theta * theta
                    theta0Sq += theta0 * theta0
                    uBarSq += uBar * uBar
                }
                approx = q * q * theta0Sq + (1 - q) * (1 - q) * uBarSq / (lambda * lambda)
                rng = normal.generator
                let e = approx / exact - 1
                return [e * e]
            }
        }
        return BigFloat(r[0].squareRoot(), precision: bits)
    }

    // MARK: total update contribution (11307.57–.60, C_Adam)

    static let tucLags = 120

    /// Stationary AdamW at ηλ = 10⁻² (λ = 0.1), per coordinate: burn-in, a window of W steps,
    /// then H = 300 more steps so that ũ_t = (1-β₁)g_t Σ_{k≥t} β₁^{k-t}/√v_k is complete
    /// (β₁³⁰⁰ ≈ 2·10⁻¹⁴). Window averages of [θ_{t-1}ũ_t, θ_{t-1}u_t, θ_{t-1}², ũ_t², u_t²,
    /// g_t²/v_{t+j} for j = 0…tucLags (on every 8th t)].
    /// Arguments: burn-in, window, coordinates, seed.
    static func tuc(_ a: [Double], cache: EvaluationCache?) -> [Double] {
        memo(cache, key("tuc", a)) {
            let (burnIn, window, coordinates, seed) = (Int(a[0]), Int(a[1]), Int(a[2]), UInt64(a[3]))
            let lambda = 0.1, eta = 0.1, decay = 1 - eta * lambda, horizon = 300, lags = tucLags
            return run(coordinates, seed: seed) { rng in
                var normal = GaussianSampler(rng)
                var theta = (eta / (2 * lambda)).squareRoot() * normal.next()
                var m = 0.0, v = 0.0
                for _ in 0..<burnIn {
                    let g = normal.next()
                    m = beta1 * m + (1 - beta1) * g
                    v = beta2 * v + (1 - beta2) * g * g
                    theta = decay * theta - eta * m / v.squareRoot()
                }
                let length = window + horizon
                var gs = [Double](repeating: 0, count: length), vs = gs, us = gs, thetas = gs
                for k in 0..<length {
                    let g = normal.next()
                    m = beta1 * m + (1 - beta1) * g
                    v = beta2 * v + (1 - beta2) * g * g
                    let u = m / v.squareRoot()
                    gs[k] = g; vs[k] = v; us[k] = u; thetas[k] = theta
                    theta = decay * theta - eta * u
                }
                rng = normal.generator
                var s = 0.0
                var sums = [Double](repeating: 0, count: 5)
                var lagSums = [Double](repeating: 0, count: lags + 1)
                var lagCount = 0
                for k in stride(from: length - 1, through: 0, by: -1) {
                    s = 1 / vs[k].squareRoot() + beta1 * s
                    guard k < window else { continue }
                    let tilde = (1 - beta1) * gs[k] * s
                    sums[0] += thetas[k] * tilde
                    sums[1] += thetas[k] * us[k]
                    sums[2] += thetas[k] * thetas[k]
                    sums[3] += tilde * tilde
                    sums[4] += us[k] * us[k]
                    if k % 8 == 0 {
                        lagCount += 1
                        for j in 0...lags { lagSums[j] += gs[k] * gs[k] / vs[k + j] }
                    }
                }
                return sums.map { $0 / Double(window) } + lagSums.map { $0 / Double(lagCount) }
            }
        }
    }

    /// `which`: 0 the kept plus dropped term of eq:tilde-u-rms, (1-β₃)²E[ũ²]/λ² - 2β₃(1-β₃)E[θ_{t-1}ũ_t]/λ;
    /// 1 the kept term; 2 |cos(θ_{t-1}, ũ_t)| = |E[θũ]|/√(E[θ²]E[ũ²]); 3 |cos(θ_{t-1}, u_t)|;
    /// 4 √E[ũ²] (→ ‖ũ_t‖_RMS); 5 Σ_j (1-β₁)β₁^j √E[g_t²/v_{t+j}] (j ≤ tucLags);
    /// 6 C_Adam = E[ũ²]; 7 standard error of E[ũ²].
    /// Arguments: burn-in, window, coordinates, seed, which.
    static let totalUpdateContribution = ExternalFunction(
        "simTUC", latex: "\\text{sim}_{\\text{TUC}}", arity: 5
    , precisionIndependent: true) { (args: [BigFloat], context: ExternalFunction.Context) throws(EvaluationError) -> BigFloat in
        let bits = context.precision
        let a = doubles(args)
        let r = tuc(Array(a[0..<4]), cache: context.cache)
        let count = 5 + tucLags + 1
        let (thetaTilde, thetaU, theta2, tilde2, u2) = (r[0], r[1], r[2], r[3], r[4])
        let lambda = 0.1, b3 = 0.99
        let value: Double
        switch Int(a[4]) {
        case 0: value = (1 - b3) * (1 - b3) * tilde2 / (lambda * lambda) - 2 * b3 * (1 - b3) * thetaTilde / lambda
        case 1: value = (1 - b3) * (1 - b3) * tilde2 / (lambda * lambda)
        case 2: value = Swift.abs(thetaTilde) / (theta2 * tilde2).squareRoot()
        case 3: value = Swift.abs(thetaU) / (theta2 * u2).squareRoot()
        case 4: value = tilde2.squareRoot()
        case 5:
            var total = 0.0, weight = 1 - beta1
            for j in 0...tucLags {
                total += weight * r[5 + j].squareRoot()
                weight *= beta1
            }
            value = total
        case 6: value = tilde2
        default: value = r[count + 3]
        }
        return BigFloat(value, precision: bits)
    }
}
