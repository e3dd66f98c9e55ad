/// Student's t distribution, as far as the checks need it.
enum StudentT {
    /// The t quantile with ν degrees of freedom at the probability whose normal quantile is z:
    /// the Cornish–Fisher expansion in 1/ν to third order. Within 1.2 % of the exact quantile
    /// for ν ≥ 11 at the tail probabilities the checks use (10⁻⁵ to 10⁻⁶).
    static func quantile(normal z: Double, degreesOfFreedom nu: Double) -> Double {
        let z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z
        return z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu)
            + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu * nu * nu)
    }
}
