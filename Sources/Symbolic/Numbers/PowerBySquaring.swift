/// x^n for n ≥ 0 by repeated squaring: about 2·log₂ n products instead of n. `multiply` may
/// throw (an overflow, a shape error). The square after the last bit is never formed, so it
/// cannot overflow needlessly. One implementation for every number type that needs it.
func powerBySquaring<T, E: Error>(_ base: T, _ n: UInt, one: T, _ multiply: (T, T) throws(E) -> T) throws(E) -> T {
    var result = one
    var square = base
    var remaining = n
    while remaining > 0 {
        if remaining & 1 == 1 { result = try multiply(result, square) }
        remaining >>= 1
        if remaining > 0 { square = try multiply(square, square) }
    }
    return result
}
