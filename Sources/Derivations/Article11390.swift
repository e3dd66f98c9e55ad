import Symbolic

extension Articles {
    /// 11390 — the expected maximum of n standard normals (kexue.fm/archives/11390).
    /// Steps follow ../shared/derivations/11390.md; sections are cited by their Chinese headings.
    public static let gaussianMaximum = Derivation(
        11390, title: "The expected maximum of n Gaussians", originalTitle: "n个正态随机数的最大值的渐近估计",
        steps: Article11390.steps)
}

enum Article11390 {
    static let n: Expr = .symbol(Symbol("n"))
    static let z: Expr = .symbol(Symbol("z"))
    static let t: Expr = .symbol(Symbol("t"))
    static let u: Expr = .symbol(Symbol("u"))
    static let x: Expr = .symbol(Symbol("x"))
    /// log n: the path variable of the n → ∞ claims. Their errors decay like powers of 1/log n
    /// (times log log n), so a path in n itself would look stalled; n = e^L.
    static let logN: Expr = .symbol(Symbol("L", latex: "\\log n"))
    static let mu: Expr = .symbol(Symbol("mu"))
    static let sigma: Expr = .symbol(Symbol("sigma"))
    static let width: Expr = .symbol(Symbol("h"))

    static func p(_ z: Expr) -> Expr { .call(.normalPDF, [z]) }
    static func Phi(_ z: Expr) -> Expr { .call(.normalCDF, [z]) }
    static let sqrt2pi = sqrt(2 * Expr.pi)

    /// E[z_max] at n, by quadrature of z p_max (Shared/GaussianMaximum.swift).
    static let expectedMax = Expr.named(Symbol("Ezmax", latex: "\\mathbb{E}[z_{\\max}]"), GaussianMaximum.mean(n))
    static let zStar = Expr.named(Symbol("zstar", latex: "z_*"), GaussianMaximum.modeFunction(n))
    static let sqrt2LogN = sqrt(2 * log(n))
    static let refined = sqrt(2 * log(n / sqrt2pi))
    /// ν = √(2 log((n-1)/√(2π))).
    static let nu = sqrt(2 * log((n - 1) / sqrt2pi))
    /// Φ⁻¹(n/(n+1)) evaluated as Φ⁻¹(1 - 1/(n+1)), exact at any n.
    static let quantileEstimate = Expr.named(Symbol("quantileEstimate", latex: "\\Phi^{-1}\\!\\left(\\frac{n}{n+1}\\right)"),
                                             GaussianMaximum.upperQuantileFunction(1 / (n + 1)))
    /// p_max(z) = n Φ(z)^{n-1} p(z).
    static let pMax = n * Phi(z) ** (n - 1) * p(z)

    /// n = e^L along L = 10⁴, 10⁶, 10⁸ (n up to e^{10⁸}: MPFR's exponent range holds it).
    static let logPath = RegimePath(logN, [10_000, 1_000_000, 100_000_000], .toInfinity)
    static let alongLogN = ParameterSpace([Parameter(n, .derived(exp(logN)))])

    /// The article's sizes for the table and the Laplace comparisons.
    static let tableSizes: [Expr] = [50, 100, 200, 4096, 65536, 1_000_000, 1_000_000_000, 10 ** 20, 10 ** 100]

    static func fixed(_ symbol: Expr, _ value: Expr) -> ParameterSpace { ParameterSpace([Parameter(symbol, .fixed(value))]) }

    static var steps: [Step] { conclusion + upperBound + density + laplace + approximateSolution + inverseSampling + application }
}
