extension Evaluator {
    /// Applies a function with domain checks; vector arguments map element-wise
    /// except for the reductions.
    func call(_ function: Function, _ args: [Value], _ node: Expr) throws(EvaluationError) -> Value {
        guard args.count == function.arity else {
            throw .unsupported("\(function.rawValue) takes \(function.arity) argument(s), got \(args.count)")
        }
        func domain(_ ok: (BigFloat) -> Bool, _ map: (BigFloat) -> BigFloat) throws(EvaluationError) -> Value {
            if let bad = args[0].components.first(where: { !ok($0) }) {
                throw .domainError(function: function.rawValue, argument: bad.decimalString(digits: 12), node: node.latex)
            }
            return args[0].mapped(map)
        }
        var zero: BigFloat { BigFloat(0, precision: 64) }
        var one: BigFloat { BigFloat(1, precision: 64) }
        switch function {
        case .sqrt: return try domain({ !$0.isNegative }) { $0.squareRoot() }
        case .exp: return args[0].mapped { $0.exp() }
        case .expm1: return args[0].mapped { $0.expm1() }
        case .log: return try domain({ $0 > zero }) { $0.log() }
        case .log1p: return try domain({ $0 > -one }) { $0.log1p() }
        case .sin: return args[0].mapped { $0.sin() }
        case .cos: return args[0].mapped { $0.cos() }
        case .tan: return args[0].mapped { $0.tan() }
        case .atan: return args[0].mapped { $0.atan() }
        case .asin: return try domain({ $0.magnitude <= one }) { $0.asin() }
        case .erf: return args[0].mapped { $0.erf() }
        case .erfc: return args[0].mapped { $0.erfc() }
        case .abs: return args[0].mapped { $0.magnitude }
        case .gamma: return try domain({ !($0.isInteger && !($0 > zero)) }) { $0.gamma() }
        case .lgamma: return args[0].mapped { $0.lgamma() }
        case .digamma: return args[0].mapped { $0.digamma() }
        case .sign: return args[0].mapped { BigFloat($0.sign, precision: 64) }
        case .normalPDF: return args[0].mapped { NormalDistribution.pdf($0) }
        case .normalCDF: return args[0].mapped { NormalDistribution.cdf($0) }
        case .normalQuantile:
            var out: [BigFloat] = []
            for p in args[0].components {
                do { out.append(try NormalDistribution.quantile(p)) } catch {
                    throw .domainError(function: "normal quantile", argument: p.decimalString(digits: 12), node: node.latex)
                }
            }
            return args[0].dimension == nil ? .scalar(out[0]) : .vector(out)
        case .ceil: return args[0].mapped { $0.ceiling() }
        case .floor: return args[0].mapped { $0.flooring() }
        case .norm: return .scalar(sumOfSquares(args[0]).squareRoot())
        case .rmsNorm:
            let n = BigFloat(args[0].components.count, precision: 64)
            return .scalar((sumOfSquares(args[0]) / n).squareRoot())
        case .componentMean:
            let n = BigFloat(args[0].components.count, precision: 64)
            return .scalar(args[0].components.reduce(BigFloat(0, precision: precision), +) / n)
        case .dot:
            guard let products = args[0].combined(with: args[1], *) else { throw .shapeMismatch(node: node.latex) }
            return .scalar(products.components.reduce(BigFloat(0, precision: precision), +))
        case .transpose, .trace, .msign, .nuclearNorm, .spectralNorm, .frobeniusNorm, .identityMatrix:
            return try matrixFunction(function, args[0], node)
        case .min: return try combine(args[0], args[1], node, BigFloat.min)
        case .max: return try combine(args[0], args[1], node, BigFloat.max)
        }
    }

    func sumOfSquares(_ v: Value) -> BigFloat {
        v.components.reduce(BigFloat(0, precision: precision)) { $0 + $1 * $1 }
    }
}
