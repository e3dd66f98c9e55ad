import Testing
@testable import Symbolic

/// Mutation testing: the operators, the equivalence and implication rules, and that a mutant
/// is checked exactly as its step.
struct MutationTests {
    let b1: Expr = .symbol(Symbol("beta1"))
    let b2: Expr = .symbol(Symbol("beta2"))
    let t: Expr = .symbol(Symbol("t"))
    let x: Expr = .symbol(Symbol("x"))

    var betas: ParameterSpace {
        ParameterSpace([Parameter(b1, .uniform(0.5, 0.99)), Parameter(b2, .uniform(0.5, 0.999)), Parameter(t, .integers(1...40))])
    }

    @Test func operatorsCoverConstantsExponentsSignsTermsFunctionsAndSwaps() {
        let e = sqrt(1 - b1 ** t) + Expr(0.9) * b2 * t
        let mutations = e.mutations(swaps: betas.swappableSymbols, integerSymbols: [t.asSymbol])
        let ops = Set(mutations.map(\.op))
        for op in [ExprMutation.Operator.constantDigit, .constantDouble, .constantHalf, .exponent, .sign, .termDropped,
                   .functionNeighbour, .symbolSwap, .indexShift] {
            #expect(ops.contains(op), "missing \(op)")
        }
        let descriptions = mutations.map(\.description)
        #expect(descriptions.contains("0.9 → 0.8"))
        #expect(descriptions.contains("0.9 → 1"))
        #expect(descriptions.contains("√ → identity"))
        #expect(descriptions.contains("beta1 ↔ beta2"))
        #expect(descriptions.contains("t → t-1"))
        // Each edit once: no two mutants share a canonical tree.
        #expect(Set(mutations.map(\.mutated.canonical)).count == mutations.count)
    }

    @Test func lastDigitFollowsThePrintedDecimal() {
        #expect(Rational(decimal: "0.225")!.lastDigitUnit == Rational(1, 1000)!)
        #expect(Rational(7).lastDigitUnit == .one)
        #expect(Rational(1, 3)!.lastDigitUnit == Rational(1, 3)!)
        #expect(Quote.neighbours("0.2294") == ["0.2293", "0.2295"])
        #expect(Quote.neighbours("7") == ["6", "8"])
        #expect(Quote.neighbours("-1.50e-3") == ["-1.49e-3", "-1.51e-3"])
        #expect(Quote.neighbours("0.10") == ["0.09", "0.11"])
        #expect(Quote.neighbours("[0.2, 0.3]").isEmpty)
    }

    @Test func namedDefinitionsAndFamilyIndicesAreNotEdited() {
        let family = Family(Symbol("g"))
        let named = Expr.named(Symbol("k"), (1 - b1) / (1 + b1))
        let e = named * family[0]
        // Only the displayed formula is mutated: the name k and the member g_0 are not constants.
        #expect(e.mutations().allSatisfy { $0.op != .constantDigit && $0.op != .constantDouble })
    }

    @Test func aModelsConstantArgumentsAreItsConfigurationNotTheFormula() {
        // f(0.002, 3, β₁ + 0.5): 0.002 and 3 are the run's settings, the same on both sides of a
        // claim; the formula argument β₁ + 0.5 and the factor 2 outside are edited as formulas.
        let model = ExternalFunction("model", latex: "f", arity: 3) { args, _ in args[0] }
        let e = 2 * Expr.external(model, [Expr(0.002), Expr(3), b1 + 0.5])
        let descriptions = e.mutations().map(\.description)
        #expect(!descriptions.contains { $0.hasPrefix("0.002 →") || $0.hasPrefix("3 →") }, "\(descriptions)")
        #expect(descriptions.contains { $0.hasPrefix("2 →") }, "\(descriptions)")
        #expect(descriptions.contains { $0.hasPrefix("1/2 →") }, "\(descriptions)")
    }

    @Test func everyMutantOfATrueIdentityIsKilled() {
        // Σ_{i=0}^{t-1} β₁^i = (1 - β₁^t)/(1 - β₁): any edit of the right side is a wrong formula.
        let step = Step("test.1", "geometric sum", at: "test",
                        claim: .identity(Identity(sum("i", 0, t - 1) { i in b1 ** i }, equals: (1 - b1 ** t) / (1 - b1), over: betas)))
        let results = Checker(options: CheckOptions(points: 8)).mutationTest(step)
        #expect(results.count >= 6)
        #expect(results.allSatisfy { $0.outcome == .killed }, "\(results.filter { $0.outcome != .killed }.map(\.mutation))")
        #expect(results.allSatisfy { $0.kind == "identity" && $0.step == "test.1" })
    }

    @Test func equivalentMutantsNeedAReason() throws {
        // Swapping β₁ and β₂ in (β₁ - β₂)² changes the tree, not the number: exact at every point.
        let identity = Identity((b1 - b2) * (b1 - b2), equals: (b1 - b2) ** 2, over: betas)
        let swapped = try #require(Claim.identity(identity).mutants.first { $0.op == .symbolSwap })
        let reason = Checker(options: CheckOptions(points: 5)).equivalence(swapped, label: "square")
        #expect(reason?.contains("rational arithmetic") == true)
        // A genuinely different edit is not called equivalent.
        let flipped = try #require(Claim.identity(identity).mutants.first { $0.op == .sign })
        #expect(Checker(options: CheckOptions(points: 5)).equivalence(flipped, label: "square") == nil)
        // Piecewise functions are never decided by sampling: |β₂ - β₁| = β₂ - β₁ where β₁ < β₂,
        // but agreement at random points proves nothing about a piecewise claim.
        let ordered = ParameterSpace([Parameter(b1, .uniform(0.1, 0.4)), Parameter(b2, .uniform(0.5, 0.9))])
        let absolute = Identity(b2 - b1, equals: abs(b2 - b1), over: ordered)
        let dropped = try #require(Claim.identity(absolute).mutants.first { $0.description == "|·| → identity" })
        #expect(Checker(options: CheckOptions(points: 5)).equivalence(dropped, label: "abs") == nil)
    }

    @Test func loosenedBoundsAreImpliedNotSurvivors() throws {
        // β₁^t ≤ 1 on (0.5, 0.99): raising the bound is a weaker, true claim; lowering it fails.
        let step = Step("test.2", "power below one", at: "test", claim: .inequality(Inequality(b1 ** t, lessThan: 1, over: betas)))
        let results = Checker(options: CheckOptions(points: 8)).mutationTest(step)
        let raised = try #require(results.first { $0.mutation == "1 → 2" })
        #expect(raised.outcome == .implied)
        let halved = try #require(results.first { $0.mutation == "1 → 1/2 (×½)" })
        #expect(halved.outcome == .killed)
        let reversed = try #require(results.first { $0.mutation == "inequality reversed" })
        #expect(reversed.outcome == .killed)
        // Edits of the bound are decided; β₁^(t-1) ≤ 1 (t → t-1) is true and not weaker pointwise,
        // so it may survive: a true mutant, not a weak check.
        #expect(!results.contains { $0.outcome == .survived && $0.mutation.hasPrefix("1 →") })
    }

    @Test func aTighterBoundThatHoldsIsAlsoTrueAndOneThatFailsAtAnEdgeIsKilled() throws {
        // x ≤ 2 on [0, 1]: the bound 1 (2 → 1) is tighter and true, attained only at the edge
        // x = 1. x < 1 fails only at x = 1, which the check's edge points reach.
        let space = ParameterSpace([Parameter(x, .uniform(0, 1))])
        let step = Step("test.5", "bounded", at: "test", claim: .inequality(Inequality(x, lessThan: 2, over: space)))
        let results = Checker(options: CheckOptions(points: 40)).mutationTest(step)
        let tighter = try #require(results.first { $0.mutation == "2 → 1" })
        #expect(tighter.outcome == .alsoTrue, "\(tighter.reason)")
        #expect(results.first { $0.mutation == "inequality reversed" }?.outcome == .killed)
        #expect(!results.contains { $0.outcome == .survived }, "\(results.filter { $0.outcome == .survived }.map(\.mutation))")
        // The corners come first among the boundary points: x = 1 is the second, whatever the seed.
        for seed in [UInt64(1), 2, 3, 20_250_902] {
            let strict = Checker(options: CheckOptions(points: 20, seed: seed)).check(.inequality(Inequality(x, lessThan: 1, strict: true, over: space)), label: "edge")
            #expect(strict.outcome == .fails, "\(strict.summary)")
        }
    }

    @Test func aViolationNextToTheTightestPointIsFoundByTheMarginSearch() {
        // 4x(1-x) ≤ 0.999 on [0, 1] fails only for |x - ½| < 0.016: the corners hold and random
        // points rarely land there, but the walk from the tightest point reaches it on every seed.
        let space = ParameterSpace([Parameter(x, .uniform(0, 1))])
        let bound = Claim.inequality(Inequality(4 * x * (1 - x), lessThan: .decimal("0.999")!, over: space))
        for seed in [UInt64(1), 2, 3, 4, 5, 20_250_902] {
            let verdict = Checker(options: CheckOptions(points: 6, seed: seed)).check(bound, label: "thin")
            #expect(verdict.outcome == .fails, "seed \(seed): \(verdict.summary)")
        }
        // The true bound 4x(1-x) ≤ 1 is tight at x = ½, where both sides round alike: it holds.
        let tight = Claim.inequality(Inequality(4 * x * (1 - x), lessThan: 1, over: space))
        #expect(Checker(options: CheckOptions(points: 6)).check(tight, label: "tie").outcome == .holds)
        // The walk stays in the claim's space: x < y is never tested at x ≥ y.
        let y: Expr = .symbol(Symbol("y"))
        let ordered = ParameterSpace([Parameter(x, .uniform(0, 1)), Parameter(y, .uniform(0, 1))], where: [Condition(x, .less, y)])
        let below = Claim.inequality(Inequality(x, lessThan: y, strict: true, over: ordered))
        for seed in [UInt64(1), 2, 3] {
            #expect(Checker(options: CheckOptions(points: 6, seed: seed)).check(below, label: "ordered").outcome == .holds)
        }
    }

    @Test func aFormulaStatedInSeveralPartsIsEditedInAllOfThemAtOnce() throws {
        // One display checked at two configurations: y small (the x-term negligible) and y large.
        // The edit must reach both, else the first configuration alone keeps it alive.
        let y: Expr = .symbol(Symbol("y"))
        let small = ParameterSpace([Parameter(x, .uniform(0, 1)), Parameter(y, .uniform(0, 0.001))])
        let large = ParameterSpace([Parameter(x, .uniform(0, 1)), Parameter(y, .uniform(0.5, 1))])
        let single = Claim.inequality(Inequality(x * y, lessThan: 1, over: small)).mutants
        let both = Claim.all([.inequality(Inequality(x * y, lessThan: 1, over: small)), .inequality(Inequality(x * y, lessThan: 1, over: large))]).mutants
        let treeEdits = both.filter { $0.edit != nil }
        #expect(treeEdits.count == single.filter { $0.edit != nil }.count)
        #expect(treeEdits.allSatisfy { $0.description.hasPrefix("parts (a, b): ") }, "\(treeEdits.map(\.description))")
        #expect(treeEdits.allSatisfy { $0.edit?.siblings.count == 1 })
        // The bound 1 → 1/2: xy ≤ 1/2 is true at y ≤ 0.001 (alone, that part would call it
        // "also true") and false at x = y = 1, so made in both parts it is killed.
        let step = Step("test.6", "two configurations", at: "test",
                        claim: .all([.inequality(Inequality(x * y, lessThan: 1, over: small)), .inequality(Inequality(x * y, lessThan: 1, over: large))]))
        let results = Checker().mutationTest(step)
        let halved = try #require(results.first { $0.mutation == "parts (a, b): 1 → 1/2 (×½)" }, "\(results.map(\.mutation))")
        #expect(halved.outcome == .killed, "\(halved.reason)")
        let alone = Checker().mutationTest(Step("test.7", "one configuration", at: "test",
                                                claim: .inequality(Inequality(x * y, lessThan: 1, over: small))))
        #expect(alone.first { $0.mutation == "1 → 1/2 (×½)" }?.outcome == .alsoTrue)
        #expect(!results.contains { $0.outcome == .survived }, "\(results.filter { $0.outcome == .survived }.map(\.mutation))")
    }

    @Test func aSamplingCoordinateIsNotSwappedIntoTheFormula() {
        // y = a·ρ: ρ only draws y; a formula in a and y never has ρ written into it by a slip.
        let a: Expr = .symbol(Symbol("a")), rho: Expr = .symbol(Symbol("rho")), y: Expr = .symbol(Symbol("y")), z: Expr = .symbol(Symbol("z"))
        let space = ParameterSpace([Parameter(a, .uniform(1, 2)), Parameter(rho, .uniform(0, 1)), Parameter(z, .uniform(0, 1)),
                                    Parameter(y, .derived(a * rho))])
        let mutants = Claim.inequality(Inequality(y, lessThan: a, over: space)).mutants.map(\.description)
        #expect(!mutants.contains { $0.contains("rho") }, "\(mutants)")
        // z is a parameter of its own: writing it for a is a slip worth a mutant.
        #expect(mutants.contains("a ↔ z"), "\(mutants)")
    }

    @Test func editsAtTheClaimsOwnOrderAreImpliedAndEditsOfItsLeadingTermAreKilled() throws {
        // (1+h)² ≈ 1 + 2h to order 2 as h → 0: an edit of a term of order h² or smaller is the
        // same claim; an edit of the leading term or of the 2h term is not.
        let h: Expr = .symbol(Symbol("h"))
        let path = RegimePath(h, [Expr.rational(1, 10), .rational(1, 20), .rational(1, 40), .rational(1, 80)], .toZero)
        let claim = Claim.approximation(Approximation((1 + h) ** 2, approximatedBy: 1 + 2 * h + h ** 3, along: path, order: .power(2), over: .empty))
        let results = Checker().mutationTest(Step("test.6", "square", at: "test", claim: claim))
        let cubic = try #require(results.first { $0.mutation == "exponent 3 → 4" })
        #expect(cubic.outcome == .implied, "\(cubic.reason)")
        let linear = try #require(results.first { $0.mutation == "2 → 3" })
        #expect(linear.outcome == .killed)
        #expect(!results.contains { $0.outcome == .survived })
    }

    @Test func editsAtTheOrderTheDerivationNeglectsAreImpliedAndOthersSurvive() throws {
        // A heuristic judged within 10 % at one configuration (q = 1 - ε, ε = 10⁻⁴, n = εt = 1):
        // q^{t+1} for q^t moves it by ε, below any tolerance, and the derivation works at ε → 0
        // where that is its neglected order.
        let q: Expr = .symbol(Symbol("q")), eps: Expr = .symbol(Symbol("eps")), n: Expr = .symbol(Symbol("n"))
        let point = ParameterSpace([Parameter(eps, .fixed(.decimal("0.0001")!)), Parameter(q, .derived(1 - eps)), Parameter(t, .fixed(10_000))])
        let derivation = NeglectedOrder(along: .decades(eps, from: 4, to: 8), order: .power(1),
                                        over: ParameterSpace([Parameter(q, .derived(1 - eps)), Parameter(n, .values([1, 2])),
                                                              Parameter(t, .derived(n / eps))]))
        let heuristic = 1 + q ** t / 100
        let claim = { (neglecting: NeglectedOrder?) in
            Claim.meanField(MeanFieldClaim(Display(1, .approximately, heuristic), exact: 1, heuristic: heuristic, over: point,
                                           tolerance: 0.1, neglecting: neglecting))
        }
        let results = Checker().mutationTest(Step("test.8", "neglected order", at: "test", claim: claim(derivation)))
        let shifted = try #require(results.first { $0.mutation == "exponent +1" }, "\(results.map(\.mutation))")
        #expect(shifted.outcome == .implied, "\(shifted.reason)")
        #expect(shifted.reason.contains("derivation"))
        // Without the derivation's regime the same edit is a survivor (the check cannot see ε).
        let bare = Checker().mutationTest(Step("test.9", "no regime", at: "test", claim: claim(nil)))
        #expect(bare.first { $0.mutation == "exponent +1" }?.outcome == .survived)
    }

    @Test func aMutantEqualToTheOriginalAlongTheWholeRegimeIsEquivalentNotImplied() throws {
        // ‖σ‖ = 1 on the whole path: ‖σ‖² → ‖σ‖³ has the original's value at every point, which
        // is reported as such (equivalent, numerically), not as a claim the original implies.
        let h: Expr = .symbol(Symbol("h")), sigma: Expr = .symbol(Symbol("sigma"))
        let path = RegimePath(h, [Expr.rational(1, 10), .rational(1, 20), .rational(1, 40), .rational(1, 80)], .toZero)
        let claim = Claim.approximation(Approximation((1 + h * norm(sigma) ** 2) ** 2, approximatedBy: 1 + 2 * h * norm(sigma) ** 2, along: path,
                                                      order: .power(2), over: ParameterSpace([Parameter(sigma, .fixed(1))])))
        let results = Checker().mutationTest(Step("test.10", "degenerate", at: "test", claim: claim))
        let cubed = try #require(results.first { $0.expression?.contains("norm(sigma)^3") == true }, "\(results.map(\.mutation))")
        #expect(cubed.outcome == .equivalent, "\(cubed.reason)")
        #expect(cubed.reason.contains("numerical"))
        // At ‖σ‖ = 2 the same edit is a wrong formula, and killed.
        let general = Claim.approximation(Approximation((1 + h * norm(sigma) ** 2) ** 2, approximatedBy: 1 + 2 * h * norm(sigma) ** 2, along: path,
                                                        order: .power(2), over: ParameterSpace([Parameter(sigma, .fixed(2))])))
        let killed = Checker().mutationTest(Step("test.11", "general", at: "test", claim: general))
        #expect(killed.first { $0.expression?.contains("norm(sigma)^3") == true }?.outcome == .killed)
    }

    @Test func aRangeEditThatAddsOnlyZeroTermsIsEquivalent() throws {
        // Σ_{i=1}^t i·β^i from i = 0 adds the term 0·β⁰ = 0: the same sum. From i = 2 it drops
        // β ≠ 0, a different one.
        let identity = Identity(sum("i", 1, t) { i in i * b1 ** i }, equals: sum("i", 1, t) { i in i * b1 ** i }, over: betas)
        let mutants = Claim.identity(identity).mutants
        let checker = Checker(options: CheckOptions(points: 5))
        let fromZero = try #require(mutants.first { $0.description == "1 → 0" && $0.edit?.position.last == 0 }, "\(mutants.map(\.description))")
        #expect(checker.equivalence(fromZero, label: "range")?.contains("exactly 0") == true)
        let fromTwo = try #require(mutants.first { $0.description == "first term of Σ dropped" }, "\(mutants.map(\.description))")
        #expect(checker.equivalence(fromTwo, label: "range") == nil)
    }

    @Test func aQuoteAroundWhichTheClaimStatesAMarginIsJudgedByItsDigits() throws {
        // The unit root of zΦ(z) is 1.1446…: "at most 1.15, within one unit of its last digit".
        let value = Expr.decimal("1.1446")!
        let claim = Claim.numeric(NumericClaim(value, quote: "1.15", style: .around(below: 0.01, above: 0)))
        #expect(Checker().check(claim, label: "q").outcome == .holds)
        let results = Checker().mutationTest(Step("test.7", "root", at: "test", claim: claim))
        for quote in ["1.14", "1.16"] {
            let m = try #require(results.first { $0.mutation == "quote 1.15 → \(quote)" })
            #expect(m.outcome == .killed)
        }
        let factor = Claim.numeric(NumericClaim(Expr(2390), quote: "2621.44", style: .withinFactor(2)))
        #expect(Checker().check(factor, label: "q").outcome == .holds)
        let nearby = Checker().mutationTest(Step("test.8", "count", at: "test", claim: factor))
        let m = try #require(nearby.first { $0.mutation == "quote 2621.44 → 2621.45" })
        #expect(m.outcome == .implied, "\(m.reason)")
        // A quoted interval's text is not judged, so it has no quote edits (they could not fail).
        let interval = Claim.numeric(NumericClaim(Expr(0.25), quote: "0.3", style: .within(0.2, 0.3)))
        #expect(!interval.mutants.contains { $0.op == .quoteDigit })
    }

    @Test func mutantsOfASlipAreMutantsOfItsCorrection() {
        let wrong = Claim.identity(Identity(b1 * b1, equals: 2 * b1, over: betas))
        let right = Claim.identity(Identity(b1 * b1, equals: b1 ** 2, over: betas))
        let step = Step("test.3", "slip", at: "test", claim: wrong, correction: Step.Correction(right, note: "squared"))
        let results = Checker(options: CheckOptions(points: 4)).mutationTest(step)
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { $0.outcome == .killed || $0.outcome == .equivalent })
    }

    @Test func capSpreadsOverOperatorsDeterministically() {
        let e = (Expr(0.9) * b1 + Expr(0.3) * b2 + Expr(0.7) * t) ** 2
        let claim = Claim.identity(Identity(e, equals: e, over: betas))
        let all = claim.mutants
        let a = MutationSample.spread(all, limit: 6), b = MutationSample.spread(all, limit: 6)
        #expect(a.count == 6)
        #expect(a.map(\.description) == b.map(\.description))
        #expect(Set(a.map(\.op)).count >= 4)
    }

    @Test func exactRationalsDecideEquality() {
        let third = ExactRational(Rational(1, 3)!)
        #expect(third + third + third == ExactRational(1))
        #expect(ExactRational(0.1)! != ExactRational(Rational(1, 10)!))
        #expect(ExactRational(Rational(2, 3)!).power(-2) == ExactRational(Rational(9, 4)!))
        #expect(ExactRational(0).reciprocal == nil)
    }
}
