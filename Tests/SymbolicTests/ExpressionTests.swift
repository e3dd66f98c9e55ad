import Testing
@testable import Symbolic

struct ExpressionTests {
    let beta1: Expr = .symbol(Symbol("beta1"))
    let beta2: Expr = .symbol(Symbol("beta2"))
    let t: Expr = .symbol(Symbol("t"))
    let g = Family(Symbol.vector("g"))

    @Test func buildersFoldConstantsAndKeepAuthorOrder() {
        #expect((Expr(2) + 3).rationalValue == Rational(5))
        #expect((beta1 * 1) == beta1)
        #expect((beta1 * 0).rationalValue == .zero)
        #expect(Expr(0.9).rationalValue == Rational(9, 10))
        // Beyond a machine rational the literal stays exact as mantissa · 10^exponent.
        let tiny = Expr(1.5e-30)
        #expect(tiny.rationalValue == nil)
        #expect(try! Evaluator(precision: 200, environment: Environment()).scalar(tiny * Expr(10) ** 30) == BigFloat("1.5", precision: 200)!)
        #expect((1 - beta1).latex == "1 - \\beta_1")
    }

    @Test func latexUsesTheArticlesNotation() {
        #expect(((1 - beta1) / (1 + beta1)).latex == "\\frac{1 - \\beta_1}{1 + \\beta_1}")
        #expect(sqrt((1 - beta1) / (1 + beta1)).latex == "\\sqrt{\\frac{1 - \\beta_1}{1 + \\beta_1}}")
        let m = (1 - beta1) * sum("i", 1, t) { i in beta1 ** (t - i) * g[i] }
        #expect(m.latex == "\\left(1 - \\beta_1\\right) \\sum_{i=1}^t \\beta_1^{t - i} \\boldsymbol{g}_i")
        #expect((beta2 ** (2 * t)).latex == "\\beta_2^{2 t}")
        #expect(rmsNorm(.symbol(Symbol.vector("theta"))).latex == "\\Vert \\boldsymbol{\\theta}\\Vert_{RMS}")
        #expect(Expr.expectation(g[t] ** 2).latex == "\\mathbb{E}\\left[\\boldsymbol{g}_t^2\\right]")
        #expect((-beta1 + beta2).latex == "-\\beta_1 + \\beta_2")
    }

    @Test func substitutionRespectsBoundIndices() {
        let i = Symbol("i")
        let body = sum("i", 1, t) { i in i * beta1 }
        // Substituting the bound index from outside changes nothing inside the sum.
        #expect(body.substituting(i, with: 7) == body)
        #expect(body.substituting(Symbol("t"), with: 3).latex == "\\sum_{i=1}^3 i \\beta_1")
        #expect(body.mentions(Symbol("beta1")))
        #expect(!body.mentions(i))
    }

    @Test func symbolicDerivatives() throws {
        let x = Symbol("x")
        let X: Expr = .symbol(x)
        let f = exp(X ** 2) * sin(X) / (1 + X ** 2)
        let env = Environment(values: ["x": .scalar(BigFloat("0.3", precision: 200)!)])
        let d = try Evaluator(precision: 200, environment: env).scalar(f.differentiated(with: x))
        // By hand: f' = f·(2x + cot x - 2x/(1+x²)).
        let xv = BigFloat("0.3", precision: 200)!
        let one = BigFloat(1, precision: 200)
        let fv = (xv * xv).exp() * xv.sin() / (one + xv * xv)
        let expected = fv * (BigFloat(2, precision: 200) * xv + xv.cos() / xv.sin() - BigFloat(2, precision: 200) * xv / (one + xv * xv))
        #expect(agreementDigits(.scalar(d), .scalar(expected), capBits: 200) > 55)
        #expect(beta1.differentiated(with: Symbol("beta2")).rationalValue == .zero)
    }

    @Test func leibnizRuleForVariableBounds() throws {
        // d/dt ∫_0^t s·e^{-ts} ds = t·e^{-t²} + ∫_0^t (-s²)e^{-ts} ds, checked against a central difference.
        let t = Symbol("t")
        let T: Expr = .symbol(t)
        let f = integral("s", 0, T) { s in s * exp(-T * s) }
        let bits = 200
        func value(_ e: Expr, at x: String) throws -> BigFloat {
            try Evaluator(precision: bits, environment: Environment(values: ["t": .scalar(BigFloat(x, precision: bits)!)])).scalar(e)
        }
        let symbolic = try value(f.differentiated(with: t), at: "1.3")
        let h = "1e-20"
        let difference = (try value(f, at: "1.30000000000000000001") - (try value(f, at: "1.29999999999999999999")))
            / (BigFloat(2, precision: bits) * BigFloat(h, precision: bits)!)
        #expect(agreementDigits(.scalar(symbolic), .scalar(difference), capBits: bits) > 30)
    }
}
