import RealModule

/// A dense matrix of doubles, row-major, for Monte Carlo work where matrices have hundreds
/// of rows and `Matrix`'s per-entry MPFR allocation would be far too slow.
///
/// Same shape rules and error type as `Matrix`; the decompositions live in
/// DoubleMatrix+Decompositions.swift.
public struct DoubleMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Row-major entries.
    public private(set) var entries: [Double]

    init(unchecked rows: Int, _ columns: Int, entries: [Double]) {
        self.rows = rows
        self.columns = columns
        self.entries = entries
    }

    public init(rows: Int, columns: Int, entries: [Double]) throws(LinearAlgebraError) {
        try Matrix.validate(rows: rows, columns: columns)
        guard entries.count == rows * columns else {
            throw .invalidShape("\(rows)×\(columns) needs \(rows * columns) entries, got \(entries.count)")
        }
        self.init(unchecked: rows, columns, entries: entries)
    }

    /// From nested rows; every row must have the same length.
    public init(_ rowArrays: [[Double]]) throws(LinearAlgebraError) {
        let width = rowArrays.first?.count ?? 0
        guard rowArrays.allSatisfy({ $0.count == width }) else {
            throw .invalidShape("ragged rows: lengths \(rowArrays.map(\.count))")
        }
        try self.init(rows: rowArrays.count, columns: width, entries: rowArrays.flatMap { $0 })
    }

    /// Each entry of `matrix` rounded to the nearest double.
    public init(_ matrix: Matrix) {
        self.init(unchecked: matrix.rows, matrix.columns, entries: matrix.entries.map(\.doubleValue))
    }

    public static func zeros(rows: Int, columns: Int) throws(LinearAlgebraError) -> DoubleMatrix {
        try Matrix.validate(rows: rows, columns: columns)
        return DoubleMatrix(unchecked: rows, columns, entries: Array(repeating: 0, count: rows * columns))
    }

    public static func identity(_ n: Int) throws(LinearAlgebraError) -> DoubleMatrix {
        var result = try zeros(rows: n, columns: n)
        for i in 0..<n { result[i, i] = 1 }
        return result
    }

    /// Standard normal entries by the same Box–Muller stream as `Matrix.gaussian`, so the
    /// two agree entry by entry (to the platform libm's rounding) for a seed.
    public static func gaussian(rows: Int, columns: Int, seed: UInt64) throws(LinearAlgebraError) -> DoubleMatrix {
        try Matrix.validate(rows: rows, columns: columns)
        var rng = SplitMix64(seed: seed)
        let count = rows * columns
        var entries: [Double] = []
        entries.reserveCapacity(count + 1)
        while entries.count < count {
            let u1 = rng.nextUnit(), u2 = rng.nextUnit()
            let radius = (-2 * Double.log(1 - u1)).squareRoot()
            let angle = 2 * Double.pi * u2
            entries.append(radius * Double.cos(angle))
            entries.append(radius * Double.sin(angle))
        }
        entries.removeLast(entries.count - count)
        return DoubleMatrix(unchecked: rows, columns, entries: entries)
    }

    /// Entry (i, j); out-of-range indices trap, as `Array`'s do.
    public subscript(i: Int, j: Int) -> Double {
        get { entries[i * columns + j] }
        set { entries[i * columns + j] = newValue }
    }

    public var isSquare: Bool { rows == columns }
    public var isFinite: Bool { entries.allSatisfy(\.isFinite) }
    public func row(_ i: Int) -> [Double] { Array(entries[(i * columns)..<((i + 1) * columns)]) }
    public func column(_ j: Int) -> [Double] { (0..<rows).map { entries[$0 * columns + j] } }

    public func transposed() -> DoubleMatrix {
        var result = [Double](repeating: 0, count: entries.count)
        for i in 0..<rows { for j in 0..<columns { result[j * rows + i] = entries[i * columns + j] } }
        return DoubleMatrix(unchecked: columns, rows, entries: result)
    }

    /// self · other, in i-k-j order so the inner loop runs along contiguous rows.
    public func multiplied(by other: DoubleMatrix) throws(LinearAlgebraError) -> DoubleMatrix {
        guard columns == other.rows else {
            throw .dimensionMismatch("product of \(rows)×\(columns) and \(other.rows)×\(other.columns)")
        }
        let n = other.columns
        var result = [Double](repeating: 0, count: rows * n)
        result.withUnsafeMutableBufferPointer { c in
            entries.withUnsafeBufferPointer { a in
                other.entries.withUnsafeBufferPointer { b in
                    for i in 0..<rows {
                        for k in 0..<columns {
                            let aik = a[i * columns + k]
                            if aik == 0 { continue }
                            for j in 0..<n { c[i * n + j] += aik * b[k * n + j] }
                        }
                    }
                }
            }
        }
        return DoubleMatrix(unchecked: rows, n, entries: result)
    }

    public static func * (a: DoubleMatrix, b: DoubleMatrix) throws(LinearAlgebraError) -> DoubleMatrix {
        try a.multiplied(by: b)
    }

    public static func + (a: DoubleMatrix, b: DoubleMatrix) throws(LinearAlgebraError) -> DoubleMatrix {
        try a.elementwise(b, "sum", +)
    }

    public static func - (a: DoubleMatrix, b: DoubleMatrix) throws(LinearAlgebraError) -> DoubleMatrix {
        try a.elementwise(b, "difference", -)
    }

    public static prefix func - (a: DoubleMatrix) -> DoubleMatrix {
        DoubleMatrix(unchecked: a.rows, a.columns, entries: a.entries.map { -$0 })
    }

    public static func * (scalar: Double, a: DoubleMatrix) -> DoubleMatrix {
        DoubleMatrix(unchecked: a.rows, a.columns, entries: a.entries.map { scalar * $0 })
    }

    public static func * (a: DoubleMatrix, scalar: Double) -> DoubleMatrix { scalar * a }

    func elementwise(_ other: DoubleMatrix, _ name: String, _ op: (Double, Double) -> Double) throws(LinearAlgebraError) -> DoubleMatrix {
        guard rows == other.rows, columns == other.columns else {
            throw .dimensionMismatch("\(name) of \(rows)×\(columns) and \(other.rows)×\(other.columns)")
        }
        return DoubleMatrix(unchecked: rows, columns, entries: zip(entries, other.entries).map(op))
    }

    public func trace() throws(LinearAlgebraError) -> Double {
        guard isSquare else { throw .notSquare(rows: rows, columns: columns) }
        return (0..<rows).reduce(0) { $0 + entries[$1 * columns + $1] }
    }

    /// √(Σ a_ij²), scaled by max |a_ij| so squares of large or tiny entries neither overflow nor underflow.
    public var frobeniusNorm: Double {
        let scale = maxAbsEntry
        guard scale > 0, scale.isFinite else { return scale }
        var sum = 0.0
        for x in entries { let y = x / scale; sum += y * y }
        return scale * sum.squareRoot()
    }

    public var maxAbsEntry: Double { entries.reduce(0) { Swift.max($0, Swift.abs($1)) } }

    public func maxAbsDifference(_ other: DoubleMatrix) throws(LinearAlgebraError) -> Double {
        try (self - other).maxAbsEntry
    }
}

extension Matrix {
    /// Each double converted exactly, then held at `precision`.
    public init(_ matrix: DoubleMatrix, precision: Int) {
        let bits = Precision.clamp(precision)
        self.init(unchecked: matrix.rows, matrix.columns, precision: bits,
                  entries: matrix.entries.map { BigFloat($0, precision: bits) })
    }
}
