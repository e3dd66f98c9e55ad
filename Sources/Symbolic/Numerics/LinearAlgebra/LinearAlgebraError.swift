/// Everything a caller can get wrong, reported instead of trapping: shapes come from user
/// data (derivations, sampled parameters), so a bad one must surface as a verdict, not a crash.
public enum LinearAlgebraError: Error, Equatable, Sendable {
    /// Operand shapes do not fit the operation; the text names the operation and the shapes.
    case dimensionMismatch(String)
    /// A shape that cannot exist (negative size, ragged rows, wrong element count).
    case invalidShape(String)
    /// The operation needs a square matrix.
    case notSquare(rows: Int, columns: Int)
    /// The operation needs a symmetric matrix and |a_ij - a_ji| exceeded the tolerance.
    case notSymmetric
    /// An eigenvalue is negative beyond rounding noise.
    case notPositiveSemidefinite
    /// A NaN or infinity in the input: no rotation sequence can converge on it.
    case nonFinite
    /// An iterative decomposition reached its sweep limit without meeting its tolerance.
    case noConvergence(sweeps: Int)
}

/// Constants shared by the decompositions (immutable, so no global mutable state).
enum LinearAlgebraConstants {
    /// Extra bits every BigFloat decomposition carries internally. Convergence is judged
    /// against 2^-precision, so rounding noise at 2^-(precision + guard) can never keep a
    /// rotation alive forever, and results rounded back to `precision` are good to the last bits.
    static let guardBits = 32
    /// Sweep limit: Jacobi methods converge quadratically, so a few dozen sweeps is already
    /// far beyond anything a finite input needs.
    static let maximumSweeps = 100
}
