/// bfloat16 rounding: 8 significant bits (7 stored + the implicit one), exponent range of a
/// 32-bit float, round to nearest with ties to even. Used for the duplicate-maximum
/// probabilities of 11390, where ties among rounded values decide the answer.
public enum BFloat16 {
    /// x rounded to the nearest bfloat16 value (ties to even), returned as a Double.
    public static func round(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x }
        // Round the double directly (rounding to Float first could round twice): keep 8 bits.
        // Subnormal bfloat16 values are not needed here; the exponent range is not clamped.
        let exponent = x.exponent               // x = m · 2^exponent with 1 ≤ |m| < 2
        let scale = Double(sign: .plus, exponent: exponent - 7, significand: 1)  // one unit in the last place
        let scaled = x / scale                  // exact: power-of-two scaling
        let rounded = scaled.rounded(.toNearestOrEven)
        return rounded * scale
    }
}
