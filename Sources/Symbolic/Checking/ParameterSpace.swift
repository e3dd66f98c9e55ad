/// Where a parameter's values come from when a claim is checked.
public enum Domain: Sendable {
    /// Uniform real in [lower, upper]; sampled values are doubles, hence exact at any precision.
    case uniform(Double, Double)
    /// log-uniform in [lower, upper] (both > 0): for scales such as ηλ ∈ [1e-6, 1e-2].
    case logUniform(Double, Double)
    case integers(ClosedRange<Int>)
    /// One of these exact values (a grid axis for approximations; a random pick for identities).
    case values([Expr])
    /// An exact constant.
    case fixed(Expr)
    /// Computed from the parameters declared before it (β₃ = 1 - ηλ).
    case derived(Expr)
    /// An indexed family of pseudo-random members (vectors when `dimension` is given).
    case family(dimension: Int?, lower: Double, upper: Double)
    /// A matrix with independent N(0, 1) entries (seeded), for matrix identities.
    case gaussianMatrix(rows: Int, columns: Int)
    /// An indexed family of independent N(mean, sd²) random variables, for expectations.
    case gaussianFamily(dimension: Int?, mean: Double, sd: Double)
}

public struct Parameter: Sendable {
    public let symbol: Symbol
    public let domain: Domain
    public init(_ symbol: Symbol, _ domain: Domain) {
        self.symbol = symbol
        self.domain = domain
    }

    /// For encodings that hold their symbols as expressions: `Parameter(beta1, .uniform(0.5, 0.99))`.
    public init(_ expression: Expr, _ domain: Domain) {
        self.init(expression.asSymbol, domain)
    }
}

extension Expr {
    /// The symbol of a `.symbol` expression (or of a named quantity, or a family's name);
    /// any other expression yields a symbol named after its plain text, which binds nothing.
    public var asSymbol: Symbol {
        switch self {
        case let .symbol(s), let .named(s, _), let .indexed(s, _): return s
        default: return Symbol(plainText)
        }
    }
}

/// A declared set of admissible parameter values, with constraints such as β₁ < β₃.
public struct ParameterSpace: Sendable {
    public var parameters: [Parameter]
    public var constraints: [Condition]

    public init(_ parameters: [Parameter], where constraints: [Condition] = []) {
        self.parameters = parameters
        self.constraints = constraints
    }

    public static let empty = ParameterSpace([])

    /// A copy with `symbol` fixed (replacing its declared domain, or added at the front).
    public func fixing(_ symbol: Symbol, to value: Expr) -> ParameterSpace {
        var copy = self
        if let k = copy.parameters.firstIndex(where: { $0.symbol.name == symbol.name }) {
            copy.parameters[k] = Parameter(symbol, .fixed(value))
        } else {
            copy.parameters.insert(Parameter(symbol, .fixed(value)), at: 0)
        }
        return copy
    }
}

/// One point of a parameter space: exact sampled values, derived definitions and family seeds.
public struct Point: Sendable, CustomStringConvertible {
    public enum Entry: Sendable {
        case exact(Expr)
        case sampled(Double)
        case integer(Int)
        case derived(Expr)
        case family(FamilySource)
        case gaussianMatrix(seed: UInt64, rows: Int, columns: Int)
    }
    public var entries: [(Symbol, Entry)]

    public init(_ entries: [(Symbol, Entry)] = []) { self.entries = entries }

    /// The environment at a precision: derived parameters are evaluated in order.
    public func environment(precision: Int, cache: EvaluationCache? = nil) throws(EvaluationError) -> Environment {
        var env = Environment()
        env.cache = cache
        for (symbol, entry) in entries {
            switch entry {
            case let .exact(e), let .derived(e):
                env[symbol.name] = try Evaluator(precision: precision, environment: env).evaluate(e)
            case let .sampled(x): env[symbol.name] = .scalar(BigFloat(x, precision: 53))
            case let .integer(n): env[symbol.name] = .scalar(BigFloat(n, precision: 64))
            case let .family(source): env.families[symbol.name] = source
            case let .gaussianMatrix(seed, rows, columns):
                do {
                    env[symbol.name] = .matrix(try Matrix.gaussian(rows: rows, columns: columns, seed: seed, precision: precision))
                } catch {
                    throw .unsupported("a \(rows)×\(columns) Gaussian matrix: \(error)")
                }
            }
        }
        return env
    }

    public func with(_ symbol: Symbol, _ entry: Entry) -> Point {
        var copy = self
        copy.entries.removeAll { $0.0.name == symbol.name }
        copy.entries.insert((symbol, entry), at: 0)
        return copy
    }

    public var description: String {
        entries.compactMap { symbol, entry -> String? in
            switch entry {
            case let .exact(e): return "\(symbol.name)=\(e.plainText)"
            case let .sampled(x): return "\(symbol.name)=\(x)"
            case let .integer(n): return "\(symbol.name)=\(n)"
            case .derived: return nil
            case let .gaussianMatrix(seed, rows, columns): return "\(symbol.name)~\(rows)×\(columns) Gaussian, seed \(seed)"
            case let .family(source):
                switch source {
                case let .random(seed, dimension, lower, upper):
                    return "\(symbol.name)~U(\(lower), \(upper)) seed \(seed)" + (dimension.map { " dim \($0)" } ?? "")
                case let .gaussian(seed, dimension, mean, sd):
                    return "\(symbol.name)~N(\(mean), \(sd)²) seed \(seed)" + (dimension.map { " dim \($0)" } ?? "")
                case .closure:
                    return "\(symbol.name)=given"
                }
            }
        }.joined(separator: ", ")
    }
}

/// Where a check's points lie: inside the box, or every other one (or every one) on its boundary.
public enum BoundarySearch: Sendable {
    case none, everyOther, always
}

extension Parameter {
    /// Whether the domain is a range with two ends (uniform, log-uniform, integers).
    var isRanged: Bool {
        switch domain {
        case .uniform, .logUniform, .integers: return true
        default: return false
        }
    }

    /// The lower or upper end of a ranged domain.
    func end(upper: Bool) throws(SamplingError) -> Point.Entry {
        switch domain {
        case let .uniform(a, b), let .logUniform(a, b):
            guard a <= b else { throw .emptyDomain(symbol.name) }
            return .sampled(upper ? b : a)
        case let .integers(range):
            return .integer(upper ? range.upperBound : range.lowerBound)
        default:
            throw .emptyDomain(symbol.name)
        }
    }
}

public enum SamplingError: Error, Sendable, Equatable {
    case constraintsUnsatisfiable(String)
    case emptyDomain(String)
}

extension ParameterSpace {
    /// A random point; rejection sampling against the constraints (bounded tries). With
    /// `edges`, each ranged coordinate (uniform, log-uniform, integer) is at one end of its range
    /// half of the time, so corners and faces of the box are searched as well as its inside.
    public func sample(_ rng: inout SplitMix64, edges: Bool = false) throws(SamplingError) -> Point {
        for _ in 0..<10_000 {
            var point = Point()
            for parameter in parameters {
                point.entries.append((parameter.symbol, try edges ? drawNearEdge(parameter, &rng) : draw(parameter, &rng)))
            }
            if try satisfiesConstraints(point) { return point }
        }
        throw .constraintsUnsatisfiable(constraints.map { LaTeXRenderer().renderCondition($0) }.joined(separator: ", "))
    }

    /// Every combination of the `.values` axes; other domains sampled once per combination.
    public func grid(_ rng: inout SplitMix64) throws(SamplingError) -> [Point] {
        var points = [Point()]
        for parameter in parameters {
            if case let .values(options) = parameter.domain {
                points = points.flatMap { p in
                    options.map { option in
                        var q = p
                        q.entries.append((parameter.symbol, .exact(option)))
                        return q
                    }
                }
            } else {
                var next: [Point] = []
                for p in points {
                    var q = p
                    q.entries.append((parameter.symbol, try draw(parameter, &rng)))
                    next.append(q)
                }
                points = next
            }
        }
        var admissible: [Point] = []
        for p in points where try satisfiesConstraints(p) { admissible.append(p) }
        return admissible
    }

    func draw(_ parameter: Parameter, _ rng: inout SplitMix64) throws(SamplingError) -> Point.Entry {
        switch parameter.domain {
        case let .uniform(a, b):
            guard a <= b else { throw .emptyDomain(parameter.symbol.name) }
            return .sampled(a + (b - a) * rng.nextUnit())
        case let .logUniform(a, b):
            guard a > 0, a <= b else { throw .emptyDomain(parameter.symbol.name) }
            let (la, lb) = (a.logarithm, b.logarithm)
            return .sampled((la + (lb - la) * rng.nextUnit()).exponential)
        case let .integers(range):
            return .integer(range.lowerBound + Int(rng.next() % UInt64(range.count)))
        case let .values(options):
            guard !options.isEmpty else { throw .emptyDomain(parameter.symbol.name) }
            return .exact(options[Int(rng.next() % UInt64(options.count))])
        case let .fixed(e): return .exact(e)
        case let .derived(e): return .derived(e)
        case let .family(dimension, lower, upper):
            return .family(.random(seed: rng.next(), dimension: dimension, lower: lower, upper: upper))
        case let .gaussianMatrix(rows, columns):
            guard rows >= 1, columns >= 1 else { throw .emptyDomain(parameter.symbol.name) }
            return .gaussianMatrix(seed: rng.next(), rows: rows, columns: columns)
        case let .gaussianFamily(dimension, mean, sd):
            return .family(.gaussian(seed: rng.next(), dimension: dimension, mean: mean, sd: sd))
        }
    }

    /// The `k`-th point of a check's search: where `boundary` says so, a point on the boundary
    /// of the box, else a random point inside. Boundary points are corners first: every corner
    /// when they fit in the boundary budget, else a set of corners that puts every pair of
    /// ranged coordinates at each of its four combinations of ends (a bound tight where one
    /// parameter is low and another high is found whatever their order); random faces after.
    /// A corner outside the constraints is replaced by a random boundary point.
    public func searchPoint(_ k: Int, of count: Int, _ rng: inout SplitMix64, boundary: BoundarySearch) throws(SamplingError) -> Point {
        let index: Int
        let budget: Int
        switch boundary {
        case .none:
            return try sample(&rng)
        case .everyOther:
            guard k % 2 == 1 else { return try sample(&rng) }
            (index, budget) = (k / 2, count / 2)
        case .always:
            (index, budget) = (k, count)
        }
        let ranged = parameters.indices.filter { parameters[$0].isRanged }
        let corners = ParameterSpace.cornerPatterns(ranged.count, budget: budget)
        if index < corners.count {
            var point = Point()
            for (position, parameter) in parameters.enumerated() {
                if let column = ranged.firstIndex(of: position) {
                    point.entries.append((parameter.symbol, try parameter.end(upper: corners[index][column])))
                } else {
                    point.entries.append((parameter.symbol, try draw(parameter, &rng)))
                }
            }
            if try satisfiesConstraints(point) { return point }
        }
        return try sample(&rng, edges: true)
    }

    /// Corners to visit for `factors` ranged coordinates, each as upper-end flags: all 2^factors
    /// when they fit in `budget` (lower and upper alternating, then each pattern and its
    /// complement), else the rows of a binary covering array of strength 2, when they fit.
    static func cornerPatterns(_ factors: Int, budget: Int) -> [[Bool]] {
        guard factors > 0 else { return [] }
        if factors < 20, 1 << factors <= budget {
            let all = (1 << factors) - 1
            return (0...all).map { index in
                let pattern = (index / 2) ^ (index % 2 == 1 ? all : 0)
                return (0..<factors).map { pattern >> $0 & 1 == 1 }
            }
        }
        // Kleitman–Spencer: N rows, columns distinct ⌈N/2⌉-subsets of rows 1…N-1. Row 0 gives
        // (low, low); two distinct subsets of one size give (low, high) and (high, low); two
        // subsets of more than half of N-1 rows meet, giving (high, high).
        var rows = 2
        while binomial(rows - 1, (rows + 1) / 2) < factors { rows += 1 }
        guard rows <= budget else { return [] }
        let subsets = subsetsOfSize((rows + 1) / 2, from: Array(1..<rows), limit: factors)
        return (0..<rows).map { row in subsets.map { $0.contains(row) } }
    }

    private static func binomial(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1
        for i in 0..<Swift.min(k, n - k) { result = result * (n - i) / (i + 1) }
        return result
    }

    /// The first `limit` subsets of `size` elements, in lexicographic order.
    private static func subsetsOfSize(_ size: Int, from elements: [Int], limit: Int) -> [Set<Int>] {
        var out: [Set<Int>] = []
        func extend(_ chosen: [Int], _ start: Int) {
            guard out.count < limit else { return }
            if chosen.count == size { out.append(Set(chosen)); return }
            guard start < elements.count else { return }
            for i in start..<elements.count { extend(chosen + [elements[i]], i + 1) }
        }
        extend([], 0)
        return out
    }

    /// A draw that lands on an end of a ranged domain with probability 1/2 (each end 1/4).
    func drawNearEdge(_ parameter: Parameter, _ rng: inout SplitMix64) throws(SamplingError) -> Point.Entry {
        let end = rng.next() % 4
        guard end < 2, parameter.isRanged else { return try draw(parameter, &rng) }
        return try parameter.end(upper: end == 1)
    }

    func satisfiesConstraints(_ point: Point) throws(SamplingError) -> Bool {
        guard !constraints.isEmpty else { return true }
        do {
            let env = try point.environment(precision: 128)
            let evaluator = Evaluator(precision: 128, environment: env)
            var locals: [String: Value] = [:]
            for c in constraints where try !evaluator.holds(c, &locals) { return false }
            return true
        } catch {
            return false
        }
    }
}

extension Double {
    var logarithm: Double { BigFloat(self).log().doubleValue }
    var exponential: Double { BigFloat(self).exp().doubleValue }
}
