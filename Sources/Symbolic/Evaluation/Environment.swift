import RealModule

/// Values for the symbols and indexed families of an expression.
public struct Environment: Sendable {
    public var values: [String: Value]
    public var families: [String: FamilySource]
    /// How `E[·]` and `Var[·]` are evaluated; without a model they are an error.
    public var expectations: ExpectationModel?
    /// The checking run's cache of expensive pure values.
    public var cache: EvaluationCache?

    public init(values: [String: Value] = [:], families: [String: FamilySource] = [:], expectations: ExpectationModel? = nil) {
        self.values = values
        self.families = families
        self.expectations = expectations
    }

    public subscript(name: String) -> Value? {
        get { values[name] }
        set { values[name] = newValue }
    }
}

/// Where the members of an indexed family (g_1, g_2, …) come from.
public enum FamilySource: Sendable {
    /// Reproducible pseudo-random members: member (j) component (c) is a fixed function of
    /// (seed, j, c), so any index can be asked for in any order at any precision.
    case random(seed: UInt64, dimension: Int?, lower: Double, upper: Double)
    /// Members from a closure of the integer indices at a precision.
    case closure(@Sendable ([Int], Int) -> Value)
    /// Independent Gaussian members N(mean, sd²) per component: the random variables of an
    /// expectation model. Reproducible per (seed, indices, component) like `.random`.
    case gaussian(seed: UInt64, dimension: Int?, mean: Double, sd: Double)

    /// The same family with another seed (a fresh, independent sample of its members).
    func reseeded(_ salt: UInt64) -> FamilySource {
        switch self {
        case let .random(seed, dimension, lower, upper): return .random(seed: SplitMix64.mix(seed ^ salt), dimension: dimension, lower: lower, upper: upper)
        case let .gaussian(seed, dimension, mean, sd): return .gaussian(seed: SplitMix64.mix(seed ^ salt), dimension: dimension, mean: mean, sd: sd)
        case .closure: return self
        }
    }

    var isGaussian: Bool {
        if case .gaussian = self { return true }
        return false
    }

    func member(_ indices: [Int], precision: Int) -> Value {
        switch self {
        case let .random(seed, dimension, lower, upper):
            let key = indices.reduce(seed) { SplitMix64.mix($0 &+ UInt64(bitPattern: Int64($1)) &* 0x9E37_79B9_7F4A_7C15) }
            func entry(_ component: Int) -> BigFloat {
                let u = SplitMix64.unitInterval(SplitMix64.mix(key &+ UInt64(component) &* 0xD1B5_4A32_D192_ED03))
                return BigFloat(lower + (upper - lower) * u, precision: precision)
            }
            if let d = dimension { return .vector((0..<d).map(entry)) }
            return .scalar(entry(0))
        case let .closure(body):
            return body(indices, precision)
        case let .gaussian(seed, dimension, mean, sd):
            let key = indices.reduce(seed) { SplitMix64.mix($0 &+ UInt64(bitPattern: Int64($1)) &* 0x9E37_79B9_7F4A_7C15) }
            func entry(_ component: Int) -> BigFloat {
                // Box–Muller from two hashed uniforms: each member is a pure function of its key.
                let base = key &+ UInt64(component) &* 0xD1B5_4A32_D192_ED03
                let u1 = 1 - SplitMix64.unitInterval(SplitMix64.mix(base))
                let u2 = SplitMix64.unitInterval(SplitMix64.mix(base ^ 0x5851_F42D_4C95_7F2D))
                let z = (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
                return BigFloat(mean + sd * z, precision: precision)
            }
            if let d = dimension { return .vector((0..<d).map(entry)) }
            return .scalar(entry(0))
        }
    }
}
