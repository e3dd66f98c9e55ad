import Testing
@testable import Symbolic

struct EvaluatorTests {
    let x: Expr = .symbol(Symbol("x"))

    func evaluate(_ e: Expr, x value: String = "-2") throws(EvaluationError) -> Value {
        try Evaluator(precision: 128, environment: Environment(values: ["x": .scalar(BigFloat(value, precision: 128)!)])).evaluate(e)
    }

    @Test func typedErrorsNameTheNode() {
        #expect(throws: EvaluationError.domainError(function: "log", argument: "-2.00000000000", node: "\\log\\left(x\\right)")) {
            try evaluate(log(x))
        }
        #expect(throws: EvaluationError.divisionByZero(node: "\\frac{1}{x - 1}")) { try evaluate(1 / (x - 1), x: "1") }
        #expect(throws: EvaluationError.unboundSymbol("y")) { try evaluate(x + .symbol(Symbol("y"))) }
        #expect(throws: EvaluationError.unboundFamily("g")) { try evaluate(Family(Symbol("g"))[1]) }
        #expect(throws: EvaluationError.self) { try evaluate(sqrt(x)) }
        #expect(throws: EvaluationError.self) { try evaluate(x ** Expr.rational(1, 3)) }
        #expect(throws: EvaluationError.self) { try evaluate(.expectation(x)) }
        #expect(throws: EvaluationError.self) { try evaluate(sum("i", 1, x) { $0 }, x: "2.5") }
    }

    @Test func recurrencesMatchTheirClosedForms() throws {
        let beta: Expr = .symbol(Symbol("beta"))
        let g = Family(Symbol("g"))
        let prev = Symbol("p"), s = Symbol("s")
        let ema = Expr.recurrence(Recurrence(Symbol("m"), previous: prev, index: s, initial: 0,
                                             step: beta * .symbol(prev) + (1 - beta) * g[.symbol(s)], count: 30))
        let closed = (1 - beta) * sum("i", 1, 30) { i in beta ** (30 - i) * g[i] }
        let env = Environment(values: ["beta": .scalar(BigFloat("0.9", precision: 200)!)],
                              families: ["g": .random(seed: 7, dimension: 4, lower: -1, upper: 1)])
        let evaluator = Evaluator(precision: 200, environment: env)
        let a = try evaluator.evaluate(ema), b = try evaluator.evaluate(closed)
        #expect(a.dimension == 4)
        #expect(agreementDigits(a, b, capBits: 200) > 55)
    }

    @Test func vectorsAreElementWiseAndReduce() throws {
        let v = Symbol.vector("v")
        let env = Environment(values: ["v": .vector([3, 4].map { BigFloat($0, precision: 128) })])
        let evaluator = Evaluator(precision: 128, environment: env)
        #expect(try evaluator.scalar(norm(.symbol(v))) == BigFloat(5, precision: 128))
        #expect(try evaluator.scalar(dot(.symbol(v), .symbol(v))) == BigFloat(25, precision: 128))
        let squared = try evaluator.evaluate(Expr.symbol(v) ** 2)
        #expect(squared.components == [BigFloat(9), BigFloat(16)])
    }
}
