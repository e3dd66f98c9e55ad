import RealModule

/// swift-numerics conformances that fit a type whose precision lives in each value.
///
/// `Real` is deliberately not adopted: it demands static constants (`pi`, `ulpOfOne`,
/// `greatestFiniteMagnitude`) that have no single honest value when every number
/// carries its own precision. Literals and `zero` are exact 64-bit values, so they
/// never lower the precision of a computation they join.
extension BigFloat: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value, precision: 64) }
}

extension BigFloat: AdditiveArithmetic {
    public static var zero: BigFloat { BigFloat(0, precision: 64) }
}

extension BigFloat: SignedNumeric {
    public init?<T: BinaryInteger>(exactly source: T) {
        guard let value = Int(exactly: source) else { return nil }
        self.init(value, precision: 64)
    }
}

extension BigFloat: AlgebraicField {
    public var reciprocal: BigFloat? { isZero ? nil : BigFloat(1, precision: precision) / self }
}

extension BigFloat: ElementaryFunctions {
    public static func exp(_ x: BigFloat) -> BigFloat { x.exp() }
    public static func expMinusOne(_ x: BigFloat) -> BigFloat { x.expm1() }
    public static func cosh(_ x: BigFloat) -> BigFloat { x.cosh() }
    public static func sinh(_ x: BigFloat) -> BigFloat { x.sinh() }
    public static func tanh(_ x: BigFloat) -> BigFloat { x.tanh() }
    public static func cos(_ x: BigFloat) -> BigFloat { x.cos() }
    public static func sin(_ x: BigFloat) -> BigFloat { x.sin() }
    public static func tan(_ x: BigFloat) -> BigFloat { x.tan() }
    public static func log(_ x: BigFloat) -> BigFloat { x.log() }
    public static func log(onePlus x: BigFloat) -> BigFloat { x.log1p() }
    public static func acosh(_ x: BigFloat) -> BigFloat { x.acosh() }
    public static func asinh(_ x: BigFloat) -> BigFloat { x.asinh() }
    public static func atanh(_ x: BigFloat) -> BigFloat { x.atanh() }
    public static func acos(_ x: BigFloat) -> BigFloat { x.acos() }
    public static func asin(_ x: BigFloat) -> BigFloat { x.asin() }
    public static func atan(_ x: BigFloat) -> BigFloat { x.atan() }
    public static func pow(_ x: BigFloat, _ y: BigFloat) -> BigFloat { x.pow(y) }
    public static func pow(_ x: BigFloat, _ n: Int) -> BigFloat { x.pow(n) }
    public static func sqrt(_ x: BigFloat) -> BigFloat { x.squareRoot() }
    public static func root(_ x: BigFloat, _ n: Int) -> BigFloat { x.root(n) }
}
