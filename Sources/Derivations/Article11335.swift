import Symbolic

extension Articles {
    /// 11335 — a quick estimate of the spectral norm of random matrices (kexue.fm/archives/11335).
    /// Steps follow ../shared/derivations/11335.md.
    public static let randomMatrixNorm = Derivation(
        11335, title: "A quick estimate of the spectral norm of random matrices", originalTitle: "随机矩阵的谱范数的快速估计",
        steps: Article11335.steps)
}

/// Matrix-valued quantities have no expression form yet: exact steps evaluate seeded matrices
/// natively (Article11335+Seeded.swift) and statistical steps run seeded Monte Carlo
/// (Shared/RandomMatrices.swift, Article11335+MonteCarlo.swift), both as external functions.
enum Article11335 {
    static let n: Expr = .symbol("n")
    static let m: Expr = .symbol("m")
    /// n = ak, m = bk: the proportional regime, k → ∞.
    static let a: Expr = .symbol("a")
    static let b: Expr = .symbol("b")
    static let k: Expr = .symbol("k")
    static let seed: Expr = .symbol(Symbol("seed", latex: "s"))
    static let replicates: Expr = .symbol(Symbol("R"))

    static var steps: [Step] { estimate + expectation + smallestSingularValue }

    // MARK: shared expressions

    static func shown(_ name: String, _ latex: String, _ value: Expr) -> Expr { .named(Symbol(name, latex: latex), value) }

    /// c(x) = √2 Γ((x+1)/2)/Γ(x/2) = E‖g‖ for g ~ N(0, I_x).
    static func chiMean(_ x: Expr, _ shownAs: String) -> Expr {
        shown("chiMean_\(shownAs)", "c(\(shownAs))", sqrt(2) * exp(.call(.lgamma, [(x + 1) / 2]) - .call(.lgamma, [x / 2])))
    }

    /// A seeded exact quantity at (seed, n, m), shown as the article writes it.
    static func exact(_ q: SeededQuantity, _ latex: String) -> Expr {
        shown("exact_\(q.rawValue)", latex, seeded(q, latex: latex)(seed, n, m))
    }

    /// How far a probing unit vector is tilted from a half's optimum (11335.6, 11335.24).
    static let tilt: Expr = .symbol(Symbol("tau", latex: "\\tau"))

    /// uᵀWv with one vector tilted by τ from the optimum of its half, shown as uᵀWv.
    static func nearOptimum(_ half: HalfOptimum) -> Expr {
        shown("near_\(half.rawValue)", uWv, nearOptimum(half, latex: uWv)(seed, n, m, tilt))
    }

    /// Random shapes and seeds with a tilt τ from 10⁻³ (at the optimum, slack O(τ²)) to 10²
    /// (a random direction).
    static func tiltedShapes() -> ParameterSpace {
        var space = seededShapes()
        space.parameters.append(Parameter(tilt, .logUniform(1e-3, 100)))
        return space
    }

    /// A Gaussian Monte Carlo statistic at (n, m, R, seed), shown as the article writes it.
    static func simulated(_ o: Observable, _ s: Statistic = .mean, _ latex: String) -> Expr {
        shown("mc_\(o)_\(s.rawValue)", latex, gaussian(o, s, latex: latex)(n, m, replicates, seed))
    }

    static let seedParameter = Parameter(seed, .integers(0...2_000_000_000))

    /// Random shapes 1…7 (n ≥ m when `tall`, n > m when `strictlyTall`) and a seed.
    static func seededShapes(tall: Bool = false, strictlyTall: Bool = false) -> ParameterSpace {
        let constraints: [Condition] = strictlyTall ? [Condition(n, .greater, m)] : tall ? [Condition(n, .greaterOrEqual, m)] : []
        return ParameterSpace([seedParameter, Parameter(n, .integers(1...7)), Parameter(m, .integers(1...7))], where: constraints)
    }

    /// n = ak, m = bk along the path k, for each aspect ratio a (b = 1), R replicates per point.
    static func proportional(_ ratios: [Int], b bValue: Int = 1, replicates r: Int) -> ParameterSpace {
        ParameterSpace([Parameter(a, .values(ratios.map { Expr.number(Rational($0)) })), Parameter(b, .fixed(.number(Rational(bValue)))),
                        Parameter(n, .derived(a * k)), Parameter(m, .derived(b * k)),
                        Parameter(replicates, .fixed(.number(Rational(r)))), seedParameter])
    }

    static let normW = "\\Vert\\boldsymbol{W}\\Vert_2"
    static let expectedNormW = "\\mathbb{E}[\\Vert\\boldsymbol{W}\\Vert_2]"
    static let maxUV = "\\max_{\\Vert \\boldsymbol{u}\\Vert=1, \\Vert \\boldsymbol{v}\\Vert=1} \\boldsymbol{u}^{\\top}\\boldsymbol{W} \\boldsymbol{v}"
    static let maxU = "\\max_{\\Vert \\boldsymbol{u}\\Vert=1} \\boldsymbol{u}^{\\top}\\boldsymbol{W} \\boldsymbol{v}"
    static let maxV = "\\max_{\\Vert \\boldsymbol{v}\\Vert=1} \\boldsymbol{u}^{\\top}\\boldsymbol{W} \\boldsymbol{v}"
    static let minV = "\\min_{\\Vert \\boldsymbol{v}\\Vert=1} \\boldsymbol{u}^{\\top}\\boldsymbol{W} \\boldsymbol{v}"
    static let normWv = "\\Vert \\boldsymbol{W}\\boldsymbol{v}\\Vert"
    static let normUW = "\\Vert \\boldsymbol{u}^{\\top}\\boldsymbol{W}\\Vert"
    static let uWv = "\\boldsymbol{u}^{\\top}\\boldsymbol{W} \\boldsymbol{v}"
    static let sigmaMin = "\\sigma_{\\min}(\\boldsymbol{W})"
    static let minMax = "\\min_{\\Vert \\boldsymbol{v}\\Vert=1}\\max_{\\Vert \\boldsymbol{u}\\Vert=1} \\boldsymbol{u}^{\\top}\\boldsymbol{W} \\boldsymbol{v}"

    static let expectedSigma1 = simulated(.sigmaMax, .mean, expectedNormW)
    static let rootSum = sqrt(n) + sqrt(m)
    static let proportionalPath = RegimePath.increasing(k, [16, 64, 256])
}
