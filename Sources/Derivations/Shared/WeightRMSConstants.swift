import Foundation
import Symbolic

/// Exact constants of 11307's extensions.
enum WeightRMSConstants {
    /// C_sign(β₁) = Σ_{k∈ℤ} E[sign(m₀) sign(m_k)] = 1 + (4/π) Σ_{k≥1} arcsin(β₁^k) for stationary
    /// Gaussian m (corr(m₀, m_k) = β₁^|k|, Sheppard's formula E[sign X sign Y] = (2/π) arcsin ρ).
    /// Summed until β₁^k < 2^{-bits-8}; the tail Σ_{k>K} arcsin(β₁^k) < β₁^{K+1}/(1-β₁)·(1+β₁^{2K}) is below that.
    static let signConstant = ExternalFunction(
        "signConstant", latex: "C_{sign}", arity: 1
    ) { (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        let one = BigFloat(1, precision: bits)
        let b1 = args[0].rounded(toPrecision: bits)
        guard b1 > BigFloat.zero, b1 < one else {
            throw .domainError(function: "signConstant", argument: "β₁ = \(b1)", node: "C_sign")
        }
        // Stop once β₁^k/(1-β₁) is negligible.
        let negligible = one.timesPowerOfTwo(-bits - 8) * (one - b1)
        var power = b1
        var total = BigFloat(0, precision: bits)
        var k = 0
        while power >= negligible {
            total += power.asin()
            power *= b1
            k += 1
            if k > 10_000_000 { throw .boundTooLarge(node: "C_sign series", count: k) }
        }
        return one + total * 4 / BigFloat.pi(precision: bits)
    }

    /// E[g_t²/v_{t+j}] for stationary v (g ~ N(0, 1), no bias correction), j = lag ≥ 0; lag < 0
    /// means j → ∞, i.e. E[1/v]. With x_i = 2s(1-β₂)β₂^i and 1/v = ∫₀^∞ e^{-sv} ds,
    ///   E[g_t²/v_{t+j}] = ∫₀^∞ P(s)/(1+x_j) ds,  P(s) = Π_i (1+x_i)^{-1/2}.
    /// P(s) is computed as in `AdamStationaryMoments` (direct product while x_i ≥ 2^{-bits/4},
    /// closed-form geometric tail of Σ log(1+x_i) after).
    static let gradientOverSecondMoment = ExternalFunction(
        "adamLagMoment", latex: "\\mathbb{E}\\left[g_t^2/v_{t+j}\\right]", arity: 2
    ) { (args: [BigFloat], bits: Int) throws(EvaluationError) -> BigFloat in
        try lagMoment(beta2: args[0], lag: Int(args[1].doubleValue.rounded()), bits: bits)
    }

    static func lagMoment(beta2: BigFloat, lag: Int, bits: Int) throws(EvaluationError) -> BigFloat {
        let one = BigFloat(1, precision: bits)
        guard beta2 > BigFloat.zero, beta2 < one else {
            throw .domainError(function: "adamLagMoment", argument: "β₂ = \(beta2)", node: "E[g²/v]")
        }
        let b2 = beta2.rounded(toPrecision: bits)
        let c0 = one - b2
        let cj = lag >= 0 ? c0 * b2.pow(lag) : BigFloat(0, precision: bits)
        let tail = one.timesPowerOfTwo(-(bits / 4) - 2)
        let seriesTerms = 6
        let tailFactors = (1...seriesTerms).map { n in one / (one - b2.pow(n)) }
        let cutoff = Double(bits + 16) * 0.6020599913279624
        let result = try Quadrature.integrate(.upperInfinite(from: BigFloat(0, precision: bits)), precision: bits) {
            (s: BigFloat) throws(EvaluationError) -> BigFloat in
            var x = (s * c0).timesPowerOfTwo(1)
            var product = one
            while x >= tail {
                product *= one + x
                if product.log10Magnitude > cutoff { return BigFloat(0, precision: bits) }
                x *= b2
            }
            var logProduct = product.log()
            var power = x
            for n in 1...seriesTerms {
                let term = power * tailFactors[n - 1] / BigFloat(n, precision: bits)
                if n % 2 == 1 { logProduct += term } else { logProduct -= term }
                power *= x
            }
            let p = (-(logProduct.timesPowerOfTwo(-1))).exp()
            return p / (one + (s * cj).timesPowerOfTwo(1))
        }
        guard result.converged else {
            throw .quadratureFailed(node: "E[g²/v]", detail: "no convergence (change \(result.errorEstimate.decimalString(digits: 3)))")
        }
        return result.value
    }
}
