import Symbolic

/// Exact stationary moments of Adam's update for i.i.d. Gaussian gradients (11267 Extension E1),
/// per coordinate with σ = 1 and mean μ, t → ∞, no bias correction, ε = 0.
///
/// With m = Σ a_k g_k, v = Σ c_k g_k² (a_k = (1-β₁)β₁^k, c_k = (1-β₂)β₂^k, k = 0, 1, …) and
/// 1/v = ∫₀^∞ e^{-sv} ds, Gaussian integrals give
///   E[m²/v] = ∫₀^∞ P(s) [Σ a_k²/(1+x_k) + μ²(Σ a_k/(1+x_k))²] ds,  x_k = 2s c_k,
///   P(s)    = Π_k (1+x_k)^{-1/2} exp(-μ²/2 · x_k/(1+x_k)).
/// The infinite sums are exact: terms are summed directly while x_k ≥ 2^{-bits/4}, and every
/// tail (of log(1+x_k), x_k/(1+x_k), a_k²/(1+x_k), a_k/(1+x_k)) is a power series in x_{k0}
/// with geometric coefficients, summed in closed form (Σ_{k≥k0} β^k x_k^n = β^{k0} x_{k0}^n/(1-ββ₂^n)).
enum AdamStationaryMoments {
    /// E[u²] = E[m²/v] at (β₁, β₂, μ), σ = 1.
    static let updateSecondMoment = ExternalFunction(
        "adamStationaryU2", latex: "\\mathbb{E}_{\\infty}\\!\\left[\\boldsymbol{m}^2/\\boldsymbol{v}\\right]", arity: 3
    ) { (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try secondMoment(beta1: args[0], beta2: args[1], mu: args[2], bits: bits)
    }

    static func secondMoment(beta1: BigFloat, beta2: BigFloat, mu: BigFloat, bits: Int) throws(EvaluationError) -> BigFloat {
        let one = BigFloat(1, precision: bits)
        guard beta1 > BigFloat.zero, beta1 < one, beta2 > BigFloat.zero, beta2 < one else {
            throw .domainError(function: "adamStationaryU2", argument: "β₁ = \(beta1), β₂ = \(beta2)", node: "E[m²/v]")
        }
        let b1 = beta1.rounded(toPrecision: bits), b2 = beta2.rounded(toPrecision: bits)
        let mu2 = (mu * mu).rounded(toPrecision: bits)
        let tail = one.timesPowerOfTwo(-(bits / 4) - 2)
        // Series coefficients 1/(1-β₂^n) for the tails, n = 1…N with x^N below 2^-bits.
        let seriesTerms = 6
        let tailFactors = (1...seriesTerms).map { n in one / (one - b2.pow(n)) }
        let aSquaredFactors = (0...seriesTerms).map { n in one / (one - b1 * b1 * b2.pow(n)) }
        let aLinearFactors = (0...seriesTerms).map { n in one / (one - b1 * b2.pow(n)) }
        let c0 = one - b2, a0 = one - b1
        let result = try Quadrature.integrate(.upperInfinite(from: BigFloat(0, precision: bits)), precision: bits) {
            (s: BigFloat) throws(EvaluationError) -> BigFloat in
            // One pass over k while x_k = 2 s c_k ≥ 2^{-bits/4}; every sum's remaining tail is a
            // power series in the last x (geometric in k), summed in closed form below.
            var x = (s * c0).timesPowerOfTwo(1)
            var a = a0
            var product = one                            // Π (1 + x_k)
            var ratioSum = BigFloat(0, precision: bits)  // Σ x_k/(1 + x_k)
            var aSquared = BigFloat(0, precision: bits)  // Σ a_k²/(1 + x_k)
            var aLinear = BigFloat(0, precision: bits)   // Σ a_k/(1 + x_k)
            // P(s) ≤ Π(1+x_k)^{-1/2}: once that is below 2^-(bits+16) (the a-sums are ≤ 1),
            // the integrand is negligible.
            let cutoff = Double(bits + 16) * 0.6020599913279624 // log10 of 2^{2(bits+16)}
            while x >= tail {
                let q = one + x
                let r = one / q
                product *= q
                if product.log10Magnitude > cutoff { return BigFloat(0, precision: bits) }
                ratioSum += x * r
                aSquared += a * a * r
                aLinear += a * r
                a *= b1
                x *= b2
            }
            var logProduct = product.log()
            // Tails from k0 (x = x_{k0} < 2^{-bits/4}, a = a_{k0}): 1/(1+x_k) = Σ_n (-x_k)^n and
            // Σ_{k≥k0} β^k x_k^n = β^{k0} x^n/(1 - β β₂^n).
            var power = one   // x^n
            for n in 0...seriesTerms {
                let sign = n % 2 == 0 ? one : -one
                aSquared += sign * a * a * power * aSquaredFactors[n]
                aLinear += sign * a * power * aLinearFactors[n]
                if n >= 1 {
                    logProduct -= sign * power * tailFactors[n - 1] / BigFloat(n, precision: bits)
                    ratioSum -= sign * power * tailFactors[n - 1]
                }
                power *= x
            }
            let logP = -(logProduct.timesPowerOfTwo(-1)) - (mu2 * ratioSum).timesPowerOfTwo(-1)
            return logP.exp() * (aSquared + mu2 * aLinear * aLinear)
        }
        guard result.converged else {
            throw .quadratureFailed(node: "E[m²/v]", detail: "no convergence (change \(result.errorEstimate.decimalString(digits: 3)))")
        }
        return result.value
    }
}
