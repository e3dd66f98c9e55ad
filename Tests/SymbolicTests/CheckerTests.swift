import Testing
@testable import Symbolic

struct CheckerTests {
    let b: Expr = .symbol(Symbol("b"))
    let t: Expr = .symbol(Symbol("t"))
    let eps: Expr = .symbol(Symbol("eps"))
    var space: ParameterSpace {
        ParameterSpace([Parameter(b, .uniform(0.1, 0.99)), Parameter(t, .integers(1...40))])
    }

    @Test func trueIdentityHoldsToRequiredDigits() {
        let claim = Claim.identity(Identity(sum("i", 0, t - 1) { i in b ** i }, equals: (1 - b ** t) / (1 - b), over: space))
        let verdict = Checker().check(claim, label: "geometric")
        #expect(verdict.outcome == .holds)
        guard case let .identity(evidence) = verdict.evidence else { Issue.record("no evidence"); return }
        #expect(evidence.minimumDigits >= 50)
        #expect(evidence.points == 20)
    }

    @Test func boundaryPointsVisitEveryCornerOrEveryPairOfEnds() {
        // Up to the budget: every corner, once. Beyond: every pair of coordinates at each of its
        // four combinations of ends (a strength-2 covering array).
        for factors in 1...12 {
            let corners = ParameterSpace.cornerPatterns(factors, budget: 10)
            if 1 << factors <= 10 {
                #expect(corners.count == 1 << factors && Set(corners).count == corners.count)
                continue
            }
            #expect(!corners.isEmpty && corners.count <= 10, "\(factors) coordinates: \(corners.count) rows")
            for first in 0..<factors {
                for second in (first + 1)..<factors {
                    let seen = Set(corners.map { [$0[first], $0[second]] })
                    #expect(seen.count == 4, "columns \(first), \(second) of \(factors)")
                }
            }
        }
    }

    @Test func aBoundViolatedOnlyWhereOneParameterIsLowAndAnotherHighFailsForEverySeed() {
        // x - y ≤ 0.999 on [0, 1]²: violated only near the corner x = 1, y = 0; random points
        // inside would almost never find it, the corners do at once.
        let x: Expr = .symbol(Symbol("x")), y: Expr = .symbol(Symbol("y"))
        let space = ParameterSpace([Parameter(x, .uniform(0, 1)), Parameter(y, .uniform(0, 1)), Parameter(b, .uniform(0.1, 0.99))])
        for seed in [UInt64(1), 7, 99, 20_250_902, 123_456_789] {
            let verdict = Checker(options: CheckOptions(seed: seed)).check(.inequality(Inequality(x - y, lessThan: 0.999, over: space)), label: "corner")
            #expect(verdict.outcome == .fails, "seed \(seed): \(verdict.summary)")
        }
    }

    @Test func anIdentityIsCheckedAtTheEndsOfItsRange() {
        // b·x/x = b on x ∈ [0, 1]: equal inside, undefined at x = 0, an end of the stated range.
        let x: Expr = .symbol(Symbol("x"))
        let space = ParameterSpace([Parameter(x, .uniform(0, 1)), Parameter(b, .uniform(0.1, 0.99))])
        let verdict = Checker().check(.identity(Identity(b * x / x, equals: b, over: space)), label: "removable")
        #expect(verdict.outcome != .holds, "\(verdict.summary)")
    }

    @Test func falseIdentityFailsWithACounterexample() {
        let claim = Claim.identity(Identity(sum("i", 0, t - 1) { i in b ** i }, equals: (1 - b ** (t + 1)) / (1 - b), over: space))
        let verdict = Checker().check(claim, label: "geometric")
        #expect(verdict.outcome == .fails)
        guard case let .identity(evidence) = verdict.evidence else { Issue.record("no evidence"); return }
        #expect(evidence.counterexample != nil)
    }

    @Test func cancellationIsReportedNotPassed() {
        // ((1 + x) - 1)/x at x = 1e-70: the working precision (≈ 60 digits) loses everything.
        // The 1 is a parameter so that the builders cannot cancel it symbolically.
        let x: Expr = .symbol(Symbol("x")), one: Expr = .symbol(Symbol("one"))
        let claim = Claim.identity(Identity(((one + x) - one) / x, equals: 1,
                                            over: ParameterSpace([Parameter(one, .fixed(1)), Parameter(x, .fixed(1 / Expr(10) ** 70))])))
        #expect(Checker().check(claim, label: "cancel").outcome == .inconclusive)
    }

    @Test func identitiesAgainstZeroUseAScale() {
        // sin(kπ) = 0: relative to 0 no digits could ever agree; against the scale 1 they do.
        let k: Expr = .symbol(Symbol("k"))
        let space = ParameterSpace([Parameter(k, .integers(1...50))])
        let withScale = Claim.identity(Identity(sin(k * .pi), equals: 0, over: space, scale: 1))
        #expect(Checker().check(withScale, label: "zero").outcome == .holds)
        let wrong = Claim.identity(Identity(sin(k * .pi) + Expr.rational(1, 1000), equals: 0, over: space, scale: 1))
        #expect(Checker().check(wrong, label: "zero").outcome == .fails)
        // A second derivative of an unevaluated derivative is formed, not read as 0.
        let x = Symbol("x")
        let twice = Expr.derivative(Expr.derivative(.symbol(x) ** 3, x), x)
        let value = try? Evaluator(precision: 128, environment: Environment(values: ["x": .scalar(BigFloat(2, precision: 128))])).scalar(twice)
        #expect(value == BigFloat(12, precision: 128))
    }

    @Test func sameSeedSameVerdict() {
        let claim = Claim.identity(Identity(b * b, equals: b ** 2, over: space))
        let a = Checker(options: CheckOptions(seed: 5)).check(claim, label: "x")
        let c = Checker(options: CheckOptions(seed: 5)).check(claim, label: "x")
        guard case let .identity(ea) = a.evidence, case let .identity(ec) = c.evidence else { Issue.record("no evidence"); return }
        #expect(ea.worstPoint == ec.worstPoint)
    }

    @Test func approximationReportsObservedOrder() {
        let claim = Claim.approximation(Approximation(1 - eps, approximatedBy: exp(-eps), along: .decades(eps, from: 2, to: 7),
                                                      order: .power(2), over: .empty))
        let verdict = Checker().check(claim, label: "x")
        #expect(verdict.outcome == .holds)
        guard case let .sequence(s) = verdict.evidence, let order = s.configurations.first?.lastOrder else {
            Issue.record("no order"); return
        }
        #expect(abs(order - 2) < 0.01)
        // Claiming first order for a second-order error is caught.
        let wrongOrder = Claim.approximation(Approximation(1 - eps, approximatedBy: exp(-eps), along: .decades(eps, from: 2, to: 7),
                                                           order: .power(1), over: .empty))
        #expect(Checker().check(wrongOrder, label: "x").outcome == .inconclusive)
    }

    @Test func approximationThatDoesNotConvergeFails() {
        let claim = Claim.approximation(Approximation(1 + eps, approximatedBy: 2, along: .decades(eps, from: 2, to: 6),
                                                      over: .empty))
        #expect(Checker().check(claim, label: "x").outcome == .fails)
    }

    @Test func limitsAreExtrapolated() {
        let rightLimit = Claim.limit(Limit((1 - b ** t) / (1 - b), tendsTo: 1 / (1 - b), along: .increasing(t, [10, 20, 40, 80]),
                                           order: .geometric(rate: b), over: ParameterSpace([Parameter(b, .values([0.9, 0.99]))])))
        #expect(Checker().check(rightLimit, label: "x").outcome == .holds)
        let wrongLimit = Claim.limit(Limit((1 - b ** t) / (1 - b), tendsTo: 1 / (1 - b) + Expr.rational(1, 1000),
                                           along: .increasing(t, [10, 20, 40, 80]),
                                           over: ParameterSpace([Parameter(b, .values([0.9]))])))
        #expect(Checker().check(wrongLimit, label: "x").outcome == .fails)
        // 1/n convergence: Richardson in h = 1/n.
        let n: Expr = .symbol(Symbol("n"))
        let euler = Claim.limit(Limit((1 + 1 / n) ** n, tendsTo: .e, along: .increasing(n, [1000, 2000, 4000, 8000, 16000]),
                                      order: .power(1), over: .empty))
        #expect(Checker().check(euler, label: "x").outcome == .holds)
    }

    @Test func quotedNumbers() {
        let value = sqrt(Expr(0.1) / 1.9)
        #expect(Checker().check(.numeric(NumericClaim(value, quote: "0.2294", style: .leadingDigits)), label: "x").outcome == .holds)
        #expect(Checker().check(.numeric(NumericClaim(value, quote: "0.2295", style: .leadingDigits)), label: "x").outcome == .fails)
        #expect(Checker().check(.numeric(NumericClaim(value, quote: "0.229", style: .rounded)), label: "x").outcome == .holds)
        #expect(Checker().check(.numeric(NumericClaim(value, quote: "0.23", style: .rounded)), label: "x").outcome == .holds)
        #expect(Checker().check(.numeric(NumericClaim(value, quote: "0.22", style: .rounded)), label: "x").outcome == .fails)
        #expect(Checker().check(.numeric(NumericClaim(value, quote: "", style: .within(0.2, 0.3))), label: "x").outcome == .holds)
    }

    @Test func inequalities() {
        let holds = Claim.inequality(Inequality(b ** 2, lessThan: b, over: space))
        #expect(Checker().check(holds, label: "x").outcome == .holds)
        let fails = Claim.inequality(Inequality(b, lessThan: b ** 2, over: space))
        #expect(Checker().check(fails, label: "x").outcome == .fails)
    }

    @Test func evaluationErrorsBecomeErrorVerdicts() {
        let claim = Claim.identity(Identity(log(-b), equals: 0, over: space))
        let verdict = Checker().check(claim, label: "x")
        #expect(verdict.outcome == .error)
        #expect(verdict.summary.contains("domain error"))
    }

    @Test func unsatisfiableConstraintsAreReported() {
        let impossible = ParameterSpace([Parameter(b, .uniform(0.1, 0.2))], where: [Condition(b, .greater, 1)])
        let verdict = Checker().check(.identity(Identity(b, equals: b, over: impossible)), label: "x")
        #expect(verdict.outcome == .error)
    }
}
