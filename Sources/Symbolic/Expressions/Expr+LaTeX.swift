import Foundation

/// LaTeX in the articles' notation with minimal parentheses.
///
/// Precedence levels: sum < product < unary minus < power < atom. A child is wrapped in
/// \left( \right) only when its level is below what its position needs.
extension Expr {
    public var latex: String { LaTeXRenderer().render(self) }
}

struct LaTeXRenderer {
    enum Level: Int, Comparable {
        case sum = 1, product = 2, negation = 3, power = 4, atom = 5
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    func render(_ e: Expr) -> String { rendered(e).text }

    func wrap(_ e: Expr, atLeast level: Level) -> String {
        let (text, own) = rendered(e)
        return own < level ? "\\left(\(text)\\right)" : text
    }

    func rendered(_ e: Expr) -> (text: String, level: Level) {
        switch e {
        case let .number(r):
            if r.isInteger { return ("\(r.numerator)", r.isNegative ? .negation : .atom) }
            // Decimals as the articles write them (0.9, 0.225); tiny ones as powers of ten.
            if r.denominator >= 10, let decimal = r.terminatingDecimal {
                if decimal.count <= 10 { return (decimal, r.isNegative ? .negation : .atom) }
                if let sci = r.scientific, let mantissa = sci.split(separator: "e").first {
                    let exponent = sci.split(separator: "e").last ?? ""
                    let body = mantissa == "1" || mantissa == "-1" ? "10^{\(exponent)}" : "\(mantissa) \\cdot 10^{\(exponent)}"
                    return (mantissa.hasPrefix("-") && mantissa == "-1" ? "-" + body : body, r.isNegative ? .negation : .power)
                }
            }
            let body = "\\frac{\(r.numerator.magnitude)}{\(r.denominator)}"
            return r.isNegative ? ("-" + body, .negation) : (body, .atom)
        case let .constant(c):
            switch c {
            case .pi: return ("\\pi", .atom)
            case .e: return ("e", .atom)
            case .eulerGamma: return ("\\gamma", .atom)
            case .infinity: return ("\\infty", .atom)
            }
        case let .symbol(s): return (s.latex, .atom)
        case let .indexed(s, indices):
            return (subscripted(s.latex, indices), .atom)
        case let .sum(terms): return (renderSum(terms), .sum)
        case let .product(factors): return renderProduct(factors)
        case let .power(base, exponent): return renderPower(base, exponent)
        case let .call(function, args): return renderCall(function, args)
        case let .external(function, args):
            return ("\(function.latex)\\left(\(args.map(render).joined(separator: ", "))\\right)", .atom)
        case let .boundSum(bound, body):
            return ("\\sum_{\(bound.index.latex)=\(render(bound.lower))}^\(script(bound.upper)) \(wrap(body, atLeast: .product))", .sum)
        case let .integral(bound, body):
            return ("\\int_{\(render(bound.lower))}^\(script(bound.upper)) \(wrap(body, atLeast: .product))\\,d\(bound.index.latex)", .sum)
        case let .boundProduct(bound, body):
            return ("\\prod_{\(bound.index.latex)=\(render(bound.lower))}^\(script(bound.upper)) \(wrap(body, atLeast: .power))", .product)
        case let .piecewise(branches, otherwise):
            let rows = branches.map { "\(render($0.value)) & \(renderCondition($0.condition))" } + ["\(render(otherwise)) & \\text{otherwise}"]
            return ("\\begin{cases} " + rows.joined(separator: " \\\\ ") + " \\end{cases}", .atom)
        case let .recurrence(r):
            return (subscripted(r.name.latex, [r.count]), .atom)
        case let .named(symbol, _): return (symbol.latex, .atom)
        case let .derivative(body, variable):
            return ("\\frac{\\partial}{\\partial \(variable.latex)} \(wrap(body, atLeast: .power))", .product)
        case let .expectation(x): return ("\\mathbb{E}\\left[\(render(x))\\right]", .atom)
        case let .variance(x): return ("\\mathbb{V}ar\\left[\(render(x))\\right]", .atom)
        }
    }

    /// A super- or subscript: braces only when it is more than one character.
    func script(_ e: Expr) -> String {
        let text = render(e)
        return text.count == 1 ? text : "{\(text)}"
    }

    /// Appends a subscript, merging with one the symbol already has (β₃ stays \beta_3).
    func subscripted(_ head: String, _ indices: [Expr]) -> String {
        let index = indices.map(render).joined(separator: ",")
        let needsBraces = index.count > 1
        // A head that already ends in a subscript (𝒈̃_B, β_1) takes the index into it: 𝒈̃_{B,t}.
        if let merged = mergedSubscript(head, index) { return merged }
        return needsBraces ? "\(head)_{\(index)}" : "\(head)_\(index)"
    }

    func mergedSubscript(_ head: String, _ index: String) -> String? {
        if head.hasSuffix("}"), let open = head.range(of: "_{", options: .backwards) {
            let inside = head[open.upperBound..<head.index(before: head.endIndex)]
            guard !inside.contains("{"), !inside.contains("}") else { return nil }
            return head[..<open.lowerBound] + "_{" + inside + "," + index + "}"
        }
        let chars = Array(head)
        if chars.count >= 2, chars[chars.count - 2] == "_", chars[chars.count - 1] != "}" {
            return String(chars.dropLast(2)) + "_{" + String(chars[chars.count - 1]) + "," + index + "}"
        }
        return nil
    }

    func renderCondition(_ c: Condition) -> String {
        let op: String
        switch c.relation {
        case .less: op = "<"
        case .lessOrEqual: op = "\\le"
        case .equal: op = "="
        case .greaterOrEqual: op = "\\ge"
        case .greater: op = ">"
        case .notEqual: op = "\\ne"
        }
        return "\(render(c.lhs)) \(op) \(render(c.rhs))"
    }

    func renderSum(_ terms: [Expr]) -> String {
        var out = ""
        for (k, term) in terms.enumerated() {
            let (negative, magnitude) = splitSign(term)
            let text = wrap(magnitude, atLeast: k == 0 && !negative ? .sum : .product)
            if k == 0 {
                out = negative ? "-" + text : text
            } else {
                out += negative ? " - " + text : " + " + text
            }
        }
        return out
    }

    /// A term written with a leading minus: -3x → (true, 3x); -x → (true, x).
    func splitSign(_ term: Expr) -> (Bool, Expr) {
        if let r = term.rationalValue, r.isNegative, let n = r.negated { return (true, .number(n)) }
        if case let .product(factors) = term, let c = factors.first?.rationalValue, c.isNegative, let n = c.negated {
            return (true, Expr.multiply([.number(n)] + factors.dropFirst()))
        }
        return (false, term)
    }

    func renderProduct(_ factors: [Expr]) -> (String, Level) {
        // Sign first.
        var coefficient = Rational.one
        var rest = factors
        if let c = factors.first?.rationalValue {
            coefficient = c
            rest = Array(factors.dropFirst())
        }
        let negative = coefficient.isNegative
        let magnitude = coefficient.negated.map { negative ? $0 : coefficient } ?? coefficient
        // Numerator and denominator: factors with negative rational exponents go below the bar.
        var numerator: [Expr] = []
        var denominator: [Expr] = []
        if magnitude.numerator != 1 { numerator.append(.number(Rational(magnitude.numerator))) }
        if magnitude.denominator != 1 { denominator.append(.number(Rational(magnitude.denominator))) }
        for factor in rest {
            if case let .power(base, exponent) = factor, let r = exponent.rationalValue, r.isNegative, let n = r.negated,
               !base.involvesMatrix {
                denominator.append(Expr.raise(base, .number(n)))
            } else {
                numerator.append(factor)
            }
        }
        // The articles write a scalar fraction before the vector it scales: \frac{1-β₁}{1+β₁}σ².
        var trailing: [Expr] = []
        if !denominator.isEmpty, numerator.contains(where: { !$0.isBoldFactor }), numerator.contains(where: \.isBoldFactor),
           !denominator.contains(where: \.isBoldFactor) {
            trailing = numerator.filter(\.isBoldFactor)
            numerator = numerator.filter { !$0.isBoldFactor }
        }
        let body: String
        if denominator.isEmpty {
            body = juxtapose(numerator)
        } else if !trailing.isEmpty {
            let top = juxtapose(numerator, inFraction: true)
            body = "\\frac{\(top)}{\(juxtapose(denominator, inFraction: true))} " + juxtapose(trailing)
        } else {
            let top = numerator.isEmpty ? "1" : juxtapose(numerator, inFraction: true)
            body = "\\frac{\(top)}{\(juxtapose(denominator, inFraction: true))}"
        }
        if negative { return ("-" + body, .negation) }
        return (body, denominator.isEmpty && numerator.count == 1 ? rendered(numerator[0]).level : .product)
    }

    /// Factors side by side; a number after another factor gets a \cdot.
    func juxtapose(_ factors: [Expr], inFraction: Bool = false) -> String {
        if factors.count == 1 && inFraction { return render(factors[0]) }
        var out = ""
        for (k, factor) in factors.enumerated() {
            // A Σ standing last needs no parentheses: nothing follows it to be captured.
            let isTrailingSum: Bool
            if case .boundSum = factor, k == factors.count - 1, k > 0 { isTrailingSum = true } else { isTrailingSum = false }
            let text = isTrailingSum ? render(factor) : wrap(factor, atLeast: .power)
            if k > 0 {
                let startsWithDigit = text.first.map { $0.isNumber } ?? false
                out += startsWithDigit ? " \\cdot " : " "
            }
            out += text
        }
        return out
    }

    func renderPower(_ base: Expr, _ exponent: Expr) -> (String, Level) {
        if base.involvesMatrix, let r = exponent.rationalValue, !r.isInteger || r.isNegative {
            // (GᵀG)^{-1/2}: matrix powers keep their exponent; order matters, no fractions.
            return ("\\left(\(render(base))\\right)^{\(r.isNegative ? "-" : "")\(r.numerator.magnitude)\(r.isInteger ? "" : "/\(r.denominator)")}", .power)
        }
        if let r = exponent.rationalValue {
            if r == Rational(1, 2) { return ("\\sqrt{\(render(base))}", .atom) }
            if r.isNegative, let n = r.negated {
                return ("\\frac{1}{\(render(Expr.raise(base, .number(n))))}", .atom)
            }
        }
        let baseText: String
        switch base {
        case .power, .call(.sqrt, _): baseText = "\\left(\(render(base))\\right)"
        default: baseText = wrap(base, atLeast: .atom)
        }
        let exponentText = render(exponent)
        let braced = exponentText.count == 1 ? exponentText : "{\(exponentText)}"
        return ("\(baseText)^\(braced)", .power)
    }

    func renderCall(_ function: Function, _ args: [Expr]) -> (String, Level) {
        let a = args.map(render)
        func named(_ name: String) -> (String, Level) { ("\(name)\\left(\(a.joined(separator: ", "))\\right)", .atom) }
        switch function {
        case .sqrt: return ("\\sqrt{\(a[0])}", .atom)
        case .exp: return ("e^{\(a[0])}", .power)
        case .expm1: return ("\\left(e^{\(a[0])} - 1\\right)", .atom)
        case .log: return named("\\log")
        case .log1p: return ("\\log\\left(1 + \(a[0])\\right)", .atom)
        case .sin: return named("\\sin")
        case .cos: return named("\\cos")
        case .tan: return named("\\tan")
        case .atan: return named("\\arctan")
        case .asin: return named("\\arcsin")
        case .erf: return named("\\operatorname{erf}")
        case .erfc: return named("\\operatorname{erfc}")
        case .abs: return ("\\left|\(a[0])\\right|", .atom)
        case .gamma: return named("\\Gamma")
        case .lgamma: return named("\\log\\Gamma")
        case .digamma: return named("\\psi")
        case .sign: return named("\\mathop{\\text{sign}}")
        case .normalPDF: return named("\\phi")
        case .normalCDF: return named("\\Phi")
        case .normalQuantile: return named("\\Phi^{-1}")
        case .ceil: return ("\\left\\lceil \(a[0]) \\right\\rceil", .atom)
        case .floor: return ("\\left\\lfloor \(a[0]) \\right\\rfloor", .atom)
        case .norm: return ("\\Vert \(a[0])\\Vert", .atom)
        case .rmsNorm: return ("\\Vert \(a[0])\\Vert_{RMS}", .atom)
        case .dot: return ("\(wrap(args[0], atLeast: .power))\\cdot \(wrap(args[1], atLeast: .power))", .product)
        case .componentMean: return ("\\overline{\(a[0])}", .atom)
        case .transpose: return ("\(wrap(args[0], atLeast: .atom))^{\\top}", .power)
        case .trace: return named("\\operatorname{tr}")
        case .msign: return named("\\operatorname{msign}")
        case .nuclearNorm: return ("\\Vert \(a[0])\\Vert_*", .atom)
        case .spectralNorm: return ("\\Vert \(a[0])\\Vert_2", .atom)
        case .frobeniusNorm: return ("\\Vert \(a[0])\\Vert_F", .atom)
        case .identityMatrix: return ("\\boldsymbol{I}", .atom)
        case .min: return named("\\min")
        case .max: return named("\\max")
        }
    }
}

extension Expr {
    /// A bold (vector or matrix) symbol or family member, or a power of one.
    var isBoldFactor: Bool {
        switch self {
        case let .symbol(s), let .indexed(s, _), let .named(s, _): return s.kind != .scalar
        case let .power(base, _): return base.isBoldFactor
        default: return false
        }
    }
}
