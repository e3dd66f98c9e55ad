/// Matrix values: products are matrix products (scalars and vectors as usual), powers of
/// matrices are taken through the symmetric eigen-decomposition — the articles only raise
/// symmetric positive (semi)definite matrices such as GᵀG to fractional or negative powers.
extension Evaluator {
    func multiplied(_ a: Value, _ b: Value, _ node: Expr) throws(EvaluationError) -> Value {
        do {
            switch (a, b) {
            case let (.matrix(x), .matrix(y)):
                return .matrix(try x.multiplied(by: y))
            case let (.matrix(x), .vector(v)):
                let column = try Matrix(rows: v.count, columns: 1, precision: precision, entries: v)
                return .vector(try x.multiplied(by: column).entries)
            case let (.vector(v), .matrix(y)):
                // A vector on the left is a row vector.
                let row = try Matrix(rows: 1, columns: v.count, precision: precision, entries: v)
                return .vector(try row.multiplied(by: y).entries)
            default:
                return try combine(a, b, node, *)
            }
        } catch let error as LinearAlgebraError {
            throw .shapeMismatch(node: node.latex + " (\(error))")
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw .unsupported("\(error)")
        }
    }

    func matrixPower(_ base: Value, _ exponent: Rational, _ node: Expr) throws(EvaluationError) -> Value {
        guard case let .matrix(m) = base else { throw .shapeMismatch(node: node.latex) }
        do {
            if exponent.isInteger, exponent.numerator >= 0 {
                return .matrix(try integerPower(m, exponent.numerator))
            }
            if exponent == Rational(1, 2) { return .matrix(try m.symmetricSquareRoot()) }
            if exponent == Rational(-1, 2) { return .matrix(try m.inverseSymmetricSquareRoot()) }
            // General rational powers of a symmetric positive definite matrix: V diag(λ^p) Vᵀ.
            let decomposition = try m.symmetricEigendecomposition()
            let p = BigFloat(exponent, precision: precision + 32)
            guard decomposition.eigenvalues.allSatisfy({ $0 > BigFloat.zero }) else {
                throw EvaluationError.domainError(function: "matrix power", argument: "a matrix that is not positive definite", node: node.latex)
            }
            return .matrix(decomposition.applying { $0.pow(p) }.rounded(toPrecision: precision))
        } catch let error as LinearAlgebraError {
            throw .domainError(function: "matrix power", argument: "\(error)", node: node.latex)
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw .unsupported("\(error)")
        }
    }

    /// M^n. Powers up to 64 multiply in order as always (the listings' bits stay put); larger ones
    /// square repeatedly, so that n = 10^18 costs about 120 products instead of never finishing.
    func integerPower(_ m: Matrix, _ n: Int) throws(LinearAlgebraError) -> Matrix {
        var result = try Matrix.identity(m.rows, precision: precision)
        if n <= 64 {
            for _ in 0..<n { result = try result.multiplied(by: m) }
            return result
        }
        return try powerBySquaring(m, UInt(n), one: result) { (a: Matrix, b: Matrix) throws(LinearAlgebraError) -> Matrix in
            try a.multiplied(by: b)
        }
    }

    func matrixFunction(_ function: Function, _ argument: Value, _ node: Expr) throws(EvaluationError) -> Value {
        if function == .identityMatrix {
            guard case let .scalar(n) = argument, let size = n.integerValue, size >= 1, BigFloat(size) == n else {
                throw .notAnInteger(node: node.latex, value: argument.description)
            }
            do { return .matrix(try Matrix.identity(size, precision: precision)) } catch {
                throw .unsupported("\(error)")
            }
        }
        guard case let .matrix(m) = argument else { throw .shapeMismatch(node: node.latex + " needs a matrix") }
        do {
            switch function {
            case .transpose: return .matrix(m.transposed())
            case .trace: return .scalar(try m.trace())
            case .msign: return .matrix(try m.msign())
            case .nuclearNorm: return .scalar(try m.nuclearNorm())
            case .spectralNorm: return .scalar(try m.spectralNorm())
            case .frobeniusNorm: return .scalar(m.frobeniusNorm)
            default: throw EvaluationError.unsupported("\(function.rawValue) of a matrix")
            }
        } catch let error as LinearAlgebraError {
            throw .domainError(function: function.rawValue, argument: "\(error)", node: node.latex)
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw .unsupported("\(error)")
        }
    }
}
