import Symbolic

extension Articles {
    /// 11404 — Asymptotic estimate of AdamW's weight RMS, part 2 (dynamic schedules)
    /// (kexue.fm/archives/11404). Steps follow ../shared/derivations/11404.md.
    public static let weightRMSDynamic = Derivation(
        11404, title: "Asymptotic estimate of AdamW's Weight RMS (part 2)", originalTitle: "AdamW的Weight RMS的渐近估计（下）",
        steps: Article11404.steps)
}

enum Article11404 {
    typealias N = Notation
    static let (beta1, beta2, eta, lambda, t, d) = (N.beta1, N.beta2, N.eta, N.lambda, N.t, N.d)
    static let (mu, sigma, i, j, g) = (N.mu, N.sigma, N.i, N.j, N.g)

    /// η_i and λ_i of a random dynamic schedule (scalar families).
    static let etaSeq = Family(Symbol("etaSeq", latex: "\\eta"))
    static let lambdaSeq = Family(Symbol("lambdaSeq", latex: "\\lambda"))
    static let dynamic = Schedule.given(eta: etaSeq, lambda: lambdaSeq)

    /// κ_x and z_x of the random dynamic schedule, shown under their names.
    static func kappa(_ x: Expr) -> Expr { .named(Symbol("kappa", latex: "\\kappa_{\(x.latex)}"), dynamic.kappaSum(x, index: "l")) }
    static func z(_ x: Expr) -> Expr { .named(Symbol("z", latex: "z_{\(x.latex)}"), dynamic.zSum(x)) }
    static func barBeta(_ k: Int, _ b: Expr, _ jj: Expr) -> Expr {
        .named(Symbol("barBeta\(k)", latex: "\\bar{\\beta}_\(k)(\(jj.latex),t)"), dynamic.averagedWeight(b, j: jj, t: t))
    }

    /// The inventory's random dynamic schedule: η_i ~ U[10⁻³, 10⁻²], λ_i ~ U[0, 0.3], t ∈ [lo, hi].
    static func dynamicSpace(_ extra: [Parameter], steps: ClosedRange<Int> = 5...30) -> ParameterSpace {
        ParameterSpace([Parameter(etaSeq[i], .family(dimension: nil, lower: 1e-3, upper: 1e-2)),
                        Parameter(lambdaSeq[i], .family(dimension: nil, lower: 0, upper: 0.3)),
                        Parameter(t, .integers(steps))] + extra)
    }

    /// A random vector shown under its article name and drawn from the family `source`.
    static func randomVector(_ shown: Symbol, _ source: String) -> Expr { .named(shown, Family(Symbol(source))[0]) }
    static func vectorSource(_ source: String, dimension: Int = 3, _ lower: Double = -1, _ upper: Double = 1) -> Parameter {
        Parameter(Symbol(source), .family(dimension: dimension, lower: lower, upper: upper))
    }

    static let theta = Family(Symbol.vector("theta"))
    static let u = Family(Symbol.vector("u"))
    static let m = Family(Symbol.vector("m"))
    static let v = Family(Symbol.vector("v"))
    static let theta0 = randomVector(Symbol.vector("theta0", latex: "\\boldsymbol{\\theta}_0"), "theta0Sample")

    /// x_t of x_0 = initial, x_s = step(x_{s-1}, s), shown as `name`_t.
    static func recursion(_ name: Symbol, initial: Expr, count: Expr, _ step: (Expr, Expr) -> Expr) -> Expr {
        let previous = Symbol("x_prev", latex: "x"), s = Symbol("s")
        return .recurrence(Recurrence(name, previous: previous, index: s, initial: initial,
                                      step: step(.symbol(previous), .symbol(s)), count: count))
    }

    static func int(_ n: Int) -> Expr { .number(Rational(n)) }

    // MARK: the default setting of the inventory (simulation, large-t sums)

    /// Shape codes of DynamicAdamW (0 constant, 1 linear, 2 cosine, 3 WSD, 4 and 5 optimal).
    static let shapeNames = ["constant", "linear", "cosine", "WSD", "optimal (const λ)", "optimal (λ ∝ η)"]
    /// (η_max, η_min, λ) of each shape in the default setting: peak 2·10⁻³, floor 2·10⁻⁴, λ = 0.2,
    /// T = 5000. The constant schedule uses η = 1.1·10⁻³ (κ_T = 1.1, as cosine and linear).
    static let shapeParameters: [(Expr, Expr, Expr)] = [(0.0011, 0, 0.2), (0.002, 0.0002, 0.2), (0.002, 0.0002, 0.2),
                                                        (0.002, 0, 0.2), (0.002, 0, 0.2), (0.002, 0, 0.2)]
    static let defaultSteps = 5000
    static let coordinates = 10_000
    static let simulationSeed = 11_404_081

    /// Simulated observable `which` (DynamicAdamW.coordinate's order; +8 its standard error).
    static func simulated(_ shape: Int, mean: Expr = 0, _ which: Int) -> Expr {
        let (hi, lo, lam) = shapeParameters[shape]
        return DynamicAdamW.simulation(int(shape), hi, lo, lam, int(defaultSteps), mean, 0.1, int(coordinates),
                                       int(simulationSeed + shape), int(which))
    }

    /// Discrete sum `which` (DynamicAdamW.discrete's order) of a default shape at T steps.
    static func discrete(_ shape: Int, steps: Expr = int(defaultSteps), lambda lam: Expr? = nil, _ which: Int) -> Expr {
        let (hi, lo, l) = shapeParameters[shape]
        return DynamicAdamW.sums(int(shape), hi, lo, lam ?? l, steps, int(which))
    }

    static func continuous(_ shape: Int, _ which: Int) -> Expr {
        let (hi, lo, lam) = shapeParameters[shape]
        return DynamicAdamW.continuous(int(shape), hi, lo, lam, int(defaultSteps), int(which))
    }

    /// The series' reading of "≈" for simulated and mean-field quantities, from part 1 (11307):
    /// at most 5 % on the Weight RMS, i.e. 10.25 % on squares (see Article11307+Statistics).
    static let squareTolerance = 0.1025

    static var steps: [Step] { stepOne + stepTwoThree + exampleOne + exampleTwo + continuum + meanFieldSection + exampleThree + simulation }
}
