/// A dense real matrix of MPFR numbers, stored row-major as a value type.
///
/// Every entry is held at the matrix's `precision`, so an operation's rounding is decided
/// by the matrix, not by whichever entry happened to be widest. Binary operations work at
/// the larger precision of their operands, as `BigFloat` does.
public struct Matrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    /// Working precision in bits (clamped to `Precision`'s range, like `BigFloat`'s).
    public let precision: Int
    /// Row-major entries, each at `precision`.
    public private(set) var entries: [BigFloat]

    /// No validation: for code in this module that builds shapes it has already checked.
    init(unchecked rows: Int, _ columns: Int, precision: Int, entries: [BigFloat]) {
        self.rows = rows
        self.columns = columns
        self.precision = precision
        self.entries = entries
    }

    /// A matrix from row-major `entries`, each rounded to `precision`.
    public init(rows: Int, columns: Int, precision: Int, entries: [BigFloat]) throws(LinearAlgebraError) {
        try Matrix.validate(rows: rows, columns: columns)
        guard entries.count == rows * columns else {
            throw .invalidShape("\(rows)×\(columns) needs \(rows * columns) entries, got \(entries.count)")
        }
        let bits = Precision.clamp(precision)
        self.init(unchecked: rows, columns, precision: bits,
                  entries: entries.map { $0.precision == bits ? $0 : $0.rounded(toPrecision: bits) })
    }

    /// From nested rows; every row must have the same length. `precision` defaults to the
    /// widest entry's (53 bits for an empty matrix).
    public init(_ rowArrays: [[BigFloat]], precision: Int? = nil) throws(LinearAlgebraError) {
        let width = rowArrays.first?.count ?? 0
        guard rowArrays.allSatisfy({ $0.count == width }) else {
            throw .invalidShape("ragged rows: lengths \(rowArrays.map(\.count))")
        }
        let flat = rowArrays.flatMap { $0 }
        let bits = precision ?? flat.map(\.precision).max() ?? Precision.minimumBits
        try self.init(rows: rowArrays.count, columns: width, precision: bits, entries: flat)
    }

    /// From nested rows of doubles (converted exactly, then held at `precision`).
    public init(_ rowArrays: [[Double]], precision: Int) throws(LinearAlgebraError) {
        try self.init(rowArrays.map { $0.map { BigFloat($0, precision: precision) } },
                      precision: precision)
    }

    public static func zeros(rows: Int, columns: Int, precision: Int) throws(LinearAlgebraError) -> Matrix {
        try validate(rows: rows, columns: columns)
        let bits = Precision.clamp(precision)
        return Matrix(unchecked: rows, columns, precision: bits,
                      entries: (0..<(rows * columns)).map { _ in BigFloat(0, precision: bits) })
    }

    public static func identity(_ n: Int, precision: Int) throws(LinearAlgebraError) -> Matrix {
        var result = try zeros(rows: n, columns: n, precision: precision)
        for i in 0..<n { result[i, i] = BigFloat(1, precision: result.precision) }
        return result
    }

    /// A square matrix with `values` on the diagonal; precision defaults to the widest value's.
    public static func diagonal(_ values: [BigFloat], precision: Int? = nil) -> Matrix {
        let bits = Precision.clamp(precision ?? values.map(\.precision).max() ?? Precision.minimumBits)
        let n = values.count
        var result = Matrix(unchecked: n, n, precision: bits,
                            entries: (0..<(n * n)).map { _ in BigFloat(0, precision: bits) })
        for i in 0..<n { result[i, i] = values[i] }
        return result
    }

    /// Independent standard normal entries, row-major, by Box–Muller on SplitMix64 uniforms.
    ///
    /// Each pair of uniforms (u1, u2) gives r·cos(2πu2) then r·sin(2πu2) with
    /// r = √(-2 ln(1 - u1)); 1 - u1 lies in (0, 1], so the logarithm is finite. The uniforms
    /// are exact doubles and MPFR rounds correctly, so the matrix is the same on every
    /// platform for a seed, and agrees with `DoubleMatrix.gaussian` for that seed to ~1e-16.
    public static func gaussian(rows: Int, columns: Int, seed: UInt64, precision: Int) throws(LinearAlgebraError) -> Matrix {
        try validate(rows: rows, columns: columns)
        let bits = Precision.clamp(precision)
        var rng = SplitMix64(seed: seed)
        let count = rows * columns
        let one = BigFloat(1, precision: bits)
        let minusTwo = BigFloat(-2, precision: bits)
        let twoPi = BigFloat.pi(precision: bits).timesPowerOfTwo(1)
        var entries: [BigFloat] = []
        entries.reserveCapacity(count + 1)
        while entries.count < count {
            let u1 = BigFloat(rng.nextUnit(), precision: bits)
            let u2 = BigFloat(rng.nextUnit(), precision: bits)
            let radius = (minusTwo * (one - u1).log()).squareRoot()
            let angle = twoPi * u2
            entries.append(radius * angle.cos())
            entries.append(radius * angle.sin())
        }
        entries.removeLast(entries.count - count)
        return Matrix(unchecked: rows, columns, precision: bits, entries: entries)
    }

    /// The same matrix held at another precision.
    public func rounded(toPrecision bits: Int) -> Matrix {
        let clamped = Precision.clamp(bits)
        return Matrix(unchecked: rows, columns, precision: clamped,
                      entries: entries.map { $0.rounded(toPrecision: clamped) })
    }

    /// Entry (i, j). Out-of-range indices trap, as `Array`'s do; shapes, by contrast, are
    /// always checked by throwing operations. A stored value is rounded to `precision`.
    public subscript(i: Int, j: Int) -> BigFloat {
        get { entries[i * columns + j] }
        set { entries[i * columns + j] = newValue.precision == precision ? newValue : newValue.rounded(toPrecision: precision) }
    }

    public var isSquare: Bool { rows == columns }
    public var isEmpty: Bool { rows == 0 || columns == 0 }

    public func row(_ i: Int) -> [BigFloat] { Array(entries[(i * columns)..<((i + 1) * columns)]) }
    public func column(_ j: Int) -> [BigFloat] { (0..<rows).map { entries[$0 * columns + j] } }
    public var rowArrays: [[BigFloat]] { (0..<rows).map(row) }

    /// True when no entry is NaN or infinite.
    public var isFinite: Bool { entries.allSatisfy(\.isFinite) }

    static func validate(rows: Int, columns: Int) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0 else { throw .invalidShape("negative size \(rows)×\(columns)") }
        guard rows.multipliedReportingOverflow(by: columns).overflow == false else {
            throw .invalidShape("size \(rows)×\(columns) overflows")
        }
    }
}

extension Matrix: CustomStringConvertible {
    /// Rows on separate lines, 12 significant digits each: enough to read, short enough to diff.
    public var description: String {
        "\(rows)×\(columns) @\(precision) bits\n" + rowArrays.map { row in
            "[" + row.map { $0.decimalString(digits: 12) }.joined(separator: ", ") + "]"
        }.joined(separator: "\n")
    }
}
