import Symbolic

/// Numerical results of the encodings that are useful outside the checks (benchmarks,
/// other programs), as a small public surface over the article-specific code.
public enum ArticleNumerics {
    /// E[max of n i.i.d. standard normals] to `bits` bits, by quadrature in log space split at
    /// the Laplace mode (11390); n may be as large as 10^100.
    public static func expectedMaximumOfGaussians(n: BigFloat, bits: Int) throws(EvaluationError) -> BigFloat {
        try GaussianMaximum.expectedMaximum(n: n, bits: bits)
    }
}
