/// Values for the symbols and indexed families of an expression.
public struct Environment: Sendable {
    public var values: [String: Value]
    public var families: [String: FamilySource]

    public init(values: [String: Value] = [:], families: [String: FamilySource] = [:]) {
        self.values = values
        self.families = families
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
        }
    }
}
