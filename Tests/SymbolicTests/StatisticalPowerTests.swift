import Testing
@testable import Symbolic

/// Statistical checks must be able to fail: Monte Carlo claims are sized to detect their
/// stated deviation, expectation identities honour --points and --samples, and no summary
/// contradicts its verdict.
struct StatisticalPowerTests {
    /// Mean of one N(0.3, 1) draw per replicate.
    static let gaussian = Simulation("gaussian", summary: "one N(0.3, 1) draw") { rng in
        var normal = GaussianSampler(rng)
        return [0.3 + normal.next()]
    }

    func claim(quote: String, deviation: Double = 0.01) -> Claim {
        .monteCarlo(MonteCarloClaim(Display(.symbol(Symbol("m")), .approximately, .symbol(Symbol("q"))),
                                    simulation: Self.gaussian, quote: quote, quoted: .expectation, replicates: 256,
                                    relativeDeviation: deviation))
    }

    @Test func monteCarloIsSizedToDetectTheStatedDeviation() throws {
        let verdict = Checker().check(claim(quote: "0.3"), label: "power")
        #expect(verdict.outcome == .holds)
        guard case let .monteCarlo(e) = verdict.evidence else { Issue.record("no evidence"); return }
        // 5 standard errors at 1 % of 0.3 need (5/0.003)² ≈ 2.8 million runs: capped at 16 × 256.
        #expect(e.replicates == 16 * 256)
        #expect((e.detectableRelativeDeviation ?? 0) > 0.01)
        #expect(verdict.summary.contains("detects"))
        // A stated 25 % deviation is within reach; a quote 25 % off then fails.
        let loose = Checker().check(claim(quote: "0.3", deviation: 0.25), label: "power")
        guard case let .monteCarlo(l) = loose.evidence else { Issue.record("no evidence"); return }
        #expect(l.replicates >= 256 && l.replicates < 16 * 256)
        #expect(Checker().check(claim(quote: "0.375", deviation: 0.25), label: "power").outcome == .fails)
    }

    @Test func anExactZeroQuoteIsJudgedInAbsoluteTerms() throws {
        // An identity's difference averaged over replicates: its quote is 0 with no rounding,
        // so a last-digit edit (0 → 1) fails, and the resolution is stated without a scale.
        let centred = Simulation("centred", summary: "one N(0, 1) draw") { rng in
            var normal = GaussianSampler(rng)
            return [normal.next()]
        }
        let claim = { (quote: String) in
            Claim.monteCarlo(MonteCarloClaim(Display(0, .equals, 0), simulation: centred, quote: quote, quoted: .expectation,
                                             replicates: 4000, reference: 0, quoteIsExact: true))
        }
        let zero = Checker().check(claim("0"), label: "zero")
        #expect(zero.outcome == .holds, "\(zero.summary)")
        #expect(zero.summary.contains("from 0"), "\(zero.summary)")
        #expect(zero.evidence.detectableRelativeDeviation == nil)
        let one = Checker().check(claim("1"), label: "zero")
        #expect(one.outcome == .fails, "\(one.summary)")
    }

    @Test func samplesOptionRaisesReplicates() {
        var options = CheckOptions()
        options.samples = 5000
        let verdict = Checker(options: options).check(claim(quote: "0.3", deviation: 1), label: "samples")
        guard case let .monteCarlo(e) = verdict.evidence else { Issue.record("no evidence"); return }
        #expect(e.replicates >= 5000)
    }

    @Test func expectationIdentityHonoursPointsAndSamplesAndSaysWhatItFound() {
        let family = Family(Symbol("z"))
        let z = family[1]
        let sigma: Expr = .symbol(Symbol("sigma"))
        let space = ParameterSpace([Parameter(sigma, .uniform(0.5, 2)),
                                    Parameter(Symbol("z"), .gaussianFamily(dimension: nil, mean: 0, sd: 1))])
        // Var[σz] = σ²: true; a variance formula 33 % wrong must fail.
        let right = Claim.expectationIdentity(ExpectationIdentity(.variance(sigma * z), equals: sigma ** 2, over: space, restsOn: .distribution, points: 3))
        let wrong = Claim.expectationIdentity(ExpectationIdentity(.variance(sigma * z), equals: Expr(4) / 3 * sigma ** 2, over: space,
                                                                  restsOn: .distribution, points: 3))
        var options = CheckOptions(points: 5)
        options.samples = 256
        let holds = Checker(options: options).check(right, label: "variance")
        let fails = Checker(options: options).check(wrong, label: "variance")
        #expect(holds.outcome == .holds)
        #expect(fails.outcome == .fails)
        #expect(fails.summary.contains("differ beyond"))
        #expect(!fails.summary.contains("within Monte Carlo error"))
        guard case let .expectation(e) = holds.evidence else { Issue.record("no evidence"); return }
        #expect(e.points == 5)
        #expect(e.samplesPerBatch == 256)
        #expect((e.detectableRelativeDeviation ?? 1) < 0.33)
    }

    @Test func anIdentityDeclaredToRestOnLinearityMustHoldForEveryBatch() {
        let family = Family(Symbol("z"))
        let (z1, z2) = (family[1], family[2])
        let sigma: Expr = .symbol(Symbol("sigma"))
        let space = ParameterSpace([Parameter(sigma, .uniform(0.5, 2)),
                                    Parameter(Symbol("z"), .gaussianFamily(dimension: nil, mean: 0.3, sd: 1))])
        // Linearity holds for each batch's own draws; Var[σz] = σ² only on average, so read as
        // resting on linearity it is refuted by the first batch, however close it comes.
        let linear = Claim.expectationIdentity(ExpectationIdentity(.expectation(sigma * z1 + 2 * z2), equals: sigma * .expectation(z1) + 2 * .expectation(z2),
                                                                   over: space))
        let onAverage = Claim.expectationIdentity(ExpectationIdentity(.variance(sigma * z1), equals: sigma ** 2, over: space))
        let exact = Checker().check(linear, label: "linearity")
        #expect(exact.outcome == .holds)
        #expect(exact.summary.contains("exact for sample moments"))
        let refuted = Checker().check(onAverage, label: "linearity")
        #expect(refuted.outcome == .fails)
        #expect(refuted.summary.contains("not exact for sample moments"))
    }

    @Test func wobblingErrorOfALimitIsDecidedByItsExtrapolation() {
        // 1 + 1/n - 30/n²: the error falls, rises from n = 40 to 80, then falls; the limit is 1.
        let n: Expr = .symbol(Symbol("n"))
        let sequence = 1 + 1 / n - 30 / n ** 2
        let path = RegimePath.increasing(n, [10, 20, 40, 80, 160])
        let right = Checker().check(.limit(Limit(sequence, tendsTo: 1, along: path, order: .power(1), over: .empty)), label: "wobble")
        #expect(right.outcome == .holds, "\(right.summary)")
        let wrong = Checker().check(.limit(Limit(sequence, tendsTo: Expr(1.01), along: path, order: .power(1), over: .empty)), label: "wobble")
        #expect(wrong.outcome != .holds)
    }

    @Test func aLimitKnownBetterThanSixDigitsMustMatchToItsErrorEstimate() {
        // 1 + 1/n → 1: Richardson in 1/n is exact here, so a claim 10⁻⁷ off is refuted, as it
        // was not when six agreeing digits were enough.
        let n: Expr = .symbol(Symbol("n"))
        let path = RegimePath.increasing(n, [10, 20, 40, 80, 160])
        let right = Checker().check(.limit(Limit(1 + 1 / n, tendsTo: 1, along: path, order: .power(1), over: .empty)), label: "exact")
        #expect(right.outcome == .holds)
        let close = Checker().check(.limit(Limit(1 + 1 / n, tendsTo: Expr(1.0000001), along: path, order: .power(1), over: .empty)), label: "exact")
        #expect(close.outcome == .fails, "\(close.summary)")
    }
}
