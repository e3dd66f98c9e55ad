/// A value evaluated at two precisions: `value` is the wider evaluation, `digits` the number
/// of significant decimal digits on which the two evaluations agree.
public struct CertifiedValue: Sendable {
    public let value: Value
    public let digits: Double

    /// Evaluates `e` at `point` at the working and the certifying precision.
    public static func evaluate(_ e: Expr, at point: Point, options: CheckOptions) throws(EvaluationError) -> CertifiedValue {
        let low = try Evaluator(precision: options.workingBits, environment: try point.environment(precision: options.workingBits, cache: options.cache)).evaluate(e)
        let high = try Evaluator(precision: options.certifyingBits, environment: try point.environment(precision: options.certifyingBits, cache: options.cache)).evaluate(e)
        let uncertainty = zip(low.components, high.components).map { ($0 - $1).magnitude }.max() ?? BigFloat.zero
        return CertifiedValue(value: high, digits: agreementDigits(low, high, capBits: options.workingBits), uncertainty: uncertainty)
    }

    /// max |working - certifying| over the components: the absolute error of the working value.
    public let uncertainty: BigFloat

    public init(value: Value, digits: Double, uncertainty: BigFloat = BigFloat.zero) {
        self.value = value
        self.digits = digits
        self.uncertainty = uncertainty
    }

    /// Certified digits measured against `scale` rather than the value itself (for values that
    /// may be zero).
    public func digits(relativeTo scale: BigFloat, capBits: Int) -> Double {
        let cap = Double(Precision.digits(forBits: capBits))
        let size = BigFloat.max(value.maximumMagnitude, scale)
        if uncertainty.isZero { return cap }
        if size.isZero { return 0 }
        return Swift.min(cap, Swift.max(0, -(uncertainty / size).log10Magnitude))
    }
}

/// -log10 of max|a - b| / max|b|, capped at the digits `capBits` can hold; equal values get the cap.
public func agreementDigits(_ a: Value, _ b: Value, capBits: Int) -> Double {
    let cap = Double(Precision.digits(forBits: capBits))
    let pairs = zip(a.components, b.components)
    let difference = pairs.map { ($0 - $1).magnitude }.max() ?? BigFloat.zero
    let scale = b.maximumMagnitude
    if difference.isZero { return cap }
    if scale.isZero { return 0 }
    return min(cap, max(0, -(difference / scale).log10Magnitude))
}

/// max|a_i - b_i| / max(max|a_i|, max|b_i|) as a BigFloat (0 when both vanish).
func relativeDifference(_ a: Value, _ b: Value) -> BigFloat? {
    guard a.components.count == b.components.count else { return nil }
    let difference = zip(a.components, b.components).map { ($0 - $1).magnitude }.max() ?? BigFloat.zero
    let scale = BigFloat.max(a.maximumMagnitude, b.maximumMagnitude)
    if difference.isZero { return difference }
    return difference / scale
}
