import PropertyBased
import Testing
@testable import Symbolic

/// Matrix-valued expressions: the Muon identities of 11285 as claims over seeded Gaussian matrices.
struct MatrixExpressionTests {
    let G: Expr = .symbol(Symbol.matrix("G"))
    let c: Expr = .symbol(Symbol("c"))

    func space(rows: Int, columns: Int) -> ParameterSpace {
        ParameterSpace([Parameter(G, .gaussianMatrix(rows: rows, columns: columns)), Parameter(c, .logUniform(1e-3, 10))])
    }

    @Test func muonIdentitiesHoldOnRandomShapes() async {
        await propertyCheck(count: 8, input: Gen.int(in: 1...4), Gen.int(in: 0...3)) { m, extra in
            let n = m + extra  // n ≥ m: GᵀG is invertible
            let gram = transpose(G) * G
            let I = identityMatrix(.number(Rational(m)))
            let options = CheckOptions(digits: 50, points: 3)
            let damped = Claim.identity(Identity(G * (gram + c * I) ** Expr.rational(-1, 2),
                                                 equals: msign(G) * (I + c * gram ** -1) ** Expr.rational(-1, 2),
                                                 over: space(rows: n, columns: m)))
            let traceForm = Claim.identity(Identity(trace(gram ** Expr.rational(1, 2)), equals: trace(transpose(msign(G)) * G),
                                                    over: space(rows: n, columns: m)))
            let nuclear = Claim.identity(Identity(nuclearNorm(G), equals: trace(transpose(msign(G)) * G), over: space(rows: n, columns: m)))
            for claim in [damped, traceForm, nuclear] {
                let verdict = Checker(options: options).check(claim, label: "\(n)x\(m)")
                #expect(verdict.outcome == .holds, "\(n)×\(m): \(verdict.summary)")
            }
        }
    }

    @Test func latexOfMatrixExpressions() {
        let gram = transpose(G) * G
        #expect((G * gram ** Expr.rational(-1, 2)).latex == "\\boldsymbol{G} \\left(\\boldsymbol{G}^{\\top} \\boldsymbol{G}\\right)^{-1/2}")
        #expect(trace(transpose(msign(G)) * G).latex == "\\operatorname{tr}\\left(\\operatorname{msign}\\left(\\boldsymbol{G}\\right)^{\\top} \\boldsymbol{G}\\right)")
    }

    @Test func shapeErrorsAreTyped() {
        let claim = Claim.identity(Identity(G * G, equals: G, over: space(rows: 3, columns: 2)))
        let verdict = Checker().check(claim, label: "shape")
        #expect(verdict.outcome == .error)
        #expect(verdict.summary.contains("dimensions"))
    }
}
