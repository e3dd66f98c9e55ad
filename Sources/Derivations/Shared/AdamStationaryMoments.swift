import Symbolic

/// Exact stationary moments of Adam's update for i.i.d. Gaussian gradients (11267 Extension E1),
/// per coordinate with σ = 1 and mean μ, t → ∞, no bias correction, ε = 0.
///
/// With m = Σ a_k g_k, v = Σ c_k g_k² (a_k = (1-β₁)β₁^k, c_k = (1-β₂)β₂^k, k = 0, 1, …) and
/// 1/v = ∫₀^∞ e^{-sv} ds, Gaussian integrals give
///   E[m²/v] = ∫₀^∞ P(s) [Σ a_k²/(1+x_k) + μ²(Σ a_k/(1+x_k))²] ds,  x_k = 2s c_k,
///   P(s)    = Π_k (1+x_k)^{-1/2} exp(-μ²/2 · x_k/(1+x_k)).
/// The infinite sums are exact: terms are summed directly until x_k < 2^{-bits/4}, and the
/// geometric tail of log(1+x_k) and x_k/(1+x_k) is summed in closed form as a power series in
/// x_{k0} (Σ_{k≥k0} x_k^n = x_{k0}^n/(1-β₂^n)).
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
        let negligible = one.timesPowerOfTwo(-bits - 8)
        // Series coefficients 1/(1-β₂^n) for the tails, n = 1…N with x^N below 2^-bits.
        let seriesTerms = 6
        let tailFactors = (1...seriesTerms).map { n in one / (one - b2.pow(n)) }
        let c0 = one - b2, a0 = one - b1
        let result = try Quadrature.integrate(.upperInfinite(from: BigFloat(0, precision: bits)), precision: bits) {
            (s: BigFloat) throws(EvaluationError) -> BigFloat in
            let x0 = (s * c0).timesPowerOfTwo(1)          // x_0 = 2 s c_0
            // Σ a_k²/(1+x_k) and Σ a_k/(1+x_k): a_k decays like β₁^k, so few terms matter.
            var aSquared = BigFloat(0, precision: bits)
            var aLinear = BigFloat(0, precision: bits)
            var a = a0, xk = x0
            var k = 0
            while a >= negligible {
                let q = one + xk
                aSquared += a * a / q
                aLinear += a / q
                a *= b1
                xk *= b2
                k += 1
                if k > 10_000_000 { throw .boundTooLarge(node: "E[m²/v] series", count: k) }
            }
            // Σ log(1+x_k) (as one running product, logged once) and Σ x_k/(1+x_k),
            // directly while x_k ≥ 2^{-bits/4}.
            var x = x0
            var product = one
            var ratioSum = BigFloat(0, precision: bits)
            // P(s) ≤ Π(1+x_k)^{-1/2}: once that is below 2^-(bits+16) relative to the a-sums
            // (which are ≤ 1), the integrand is negligible and the rest need not be summed.
            let cutoff = Double(bits + 16) * 0.6020599913279624 // log10 of 2^{2(bits+16)}
            while x >= tail {
                let q = one + x
                product *= q
                if product.log10Magnitude > cutoff { return BigFloat(0, precision: bits) }
                ratioSum += x / q
                x *= b2
            }
            var logProduct = product.log()
            // Tails from the first k with x_k < 2^{-bits/4}: x is that x_{k0}.
            var power = x
            for n in 1...seriesTerms {
                let term = power * tailFactors[n - 1] / BigFloat(n, precision: bits)
                if n % 2 == 1 { logProduct += term; ratioSum += power * tailFactors[n - 1] } else {
                    logProduct -= term; ratioSum -= power * tailFactors[n - 1]
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
