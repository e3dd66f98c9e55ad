/// Elementwise and product arithmetic. Shape errors throw; results are held at the larger
/// precision of the operands, and every dot product is accumulated with fused multiply-adds
/// so each term is rounded once.
extension Matrix {
    public func transposed() -> Matrix {
        var result: [BigFloat] = []
        result.reserveCapacity(entries.count)
        for j in 0..<columns { for i in 0..<rows { result.append(entries[i * columns + j]) } }
        return Matrix(unchecked: columns, rows, precision: precision, entries: result)
    }

    /// The matrix product self · other.
    public func multiplied(by other: Matrix) throws(LinearAlgebraError) -> Matrix {
        guard columns == other.rows else {
            throw .dimensionMismatch("product of \(rows)×\(columns) and \(other.rows)×\(other.columns)")
        }
        let bits = Swift.max(precision, other.precision)
        var result: [BigFloat] = []
        result.reserveCapacity(rows * other.columns)
        for i in 0..<rows {
            for j in 0..<other.columns {
                var sum = BigFloat(0, precision: bits)
                for k in 0..<columns { sum.addProduct(entries[i * columns + k], other.entries[k * other.columns + j]) }
                result.append(sum)
            }
        }
        return Matrix(unchecked: rows, other.columns, precision: bits, entries: result)
    }

    public static func * (a: Matrix, b: Matrix) throws(LinearAlgebraError) -> Matrix { try a.multiplied(by: b) }

    public static func + (a: Matrix, b: Matrix) throws(LinearAlgebraError) -> Matrix {
        try a.elementwise(b, "sum", +)
    }

    public static func - (a: Matrix, b: Matrix) throws(LinearAlgebraError) -> Matrix {
        try a.elementwise(b, "difference", -)
    }

    public static prefix func - (a: Matrix) -> Matrix {
        Matrix(unchecked: a.rows, a.columns, precision: a.precision, entries: a.entries.map { -$0 })
    }

    /// scalar · a, at the larger of the two precisions.
    public static func * (scalar: BigFloat, a: Matrix) -> Matrix {
        let bits = Swift.max(a.precision, scalar.precision)
        return Matrix(unchecked: a.rows, a.columns, precision: bits, entries: a.entries.map { scalar * $0 })
    }

    public static func * (a: Matrix, scalar: BigFloat) -> Matrix { scalar * a }

    func elementwise(_ other: Matrix, _ name: String, _ op: (BigFloat, BigFloat) -> BigFloat) throws(LinearAlgebraError) -> Matrix {
        guard rows == other.rows, columns == other.columns else {
            throw .dimensionMismatch("\(name) of \(rows)×\(columns) and \(other.rows)×\(other.columns)")
        }
        return Matrix(unchecked: rows, columns, precision: Swift.max(precision, other.precision),
                      entries: zip(entries, other.entries).map(op))
    }

    /// Sum of the diagonal; only defined for square matrices.
    public func trace() throws(LinearAlgebraError) -> BigFloat {
        guard isSquare else { throw .notSquare(rows: rows, columns: columns) }
        var sum = BigFloat(0, precision: precision)
        for i in 0..<rows { sum += entries[i * columns + i] }
        return sum
    }

    /// √(Σ a_ij²). MPFR's exponent range is vast, so no scaling against overflow is needed.
    public var frobeniusNorm: BigFloat {
        var sum = BigFloat(0, precision: precision)
        for x in entries { sum.addProduct(x, x) }
        return sum.squareRoot()
    }

    /// max |a_ij| (0 for an empty matrix).
    public var maxAbsEntry: BigFloat {
        entries.reduce(BigFloat(0, precision: precision)) { BigFloat.max($0, $1.magnitude) }
    }

    /// max |a_ij - b_ij|: the test suite's measure of how far two matrices disagree.
    public func maxAbsDifference(_ other: Matrix) throws(LinearAlgebraError) -> BigFloat {
        try (self - other).maxAbsEntry
    }

    /// True when square and |a_ij - a_ji| ≤ tolerance for every pair.
    public func isSymmetric(tolerance: BigFloat) -> Bool {
        guard isSquare else { return false }
        for i in 0..<rows {
            for j in (i + 1)..<columns where (self[i, j] - self[j, i]).magnitude > tolerance {
                return false
            }
        }
        return true
    }
}

extension Matrix {
    /// The matrix with `transform` applied to every entry (precision taken from the results).
    public func mappingEntries(_ transform: (BigFloat) -> BigFloat) throws(LinearAlgebraError) -> Matrix {
        let mapped = entries.map(transform)
        return try Matrix(rows: rows, columns: columns, precision: mapped.map(\.precision).max() ?? precision, entries: mapped)
    }
}
