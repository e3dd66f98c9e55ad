import Foundation
import PropertyBased
import Symbolic
import Testing
@testable import Derivations

/// 11285 (Muon): the matrix identities over random shapes, and the native Monte Carlo pieces.
struct MuonTests {
    typealias A = Article11285

    func holds(_ claim: Claim, _ label: String) -> Verdict {
        Checker(options: CheckOptions(digits: 50, points: 3)).check(claim, label: label)
    }

    /// G(GᵀG + cI)^{-1/2} = msign(G)(I + c(GᵀG)^{-1})^{-1/2}, tr((GᵀG)^{1/2}) = tr(msign(G)ᵀG) = ‖G‖_*,
    /// msign(G)ᵀmsign(G) = I and msign(G) = G(GᵀG)^{-1/2}, on random shapes with n ≥ m.
    @Test func matrixIdentitiesOnRandomShapes() async {
        await propertyCheck(count: 10, input: Gen.int(in: 1...5), Gen.int(in: 0...3)) { columns, extra in
            let rows = columns + extra
            let space = A.matrices(rows, columns, A.batch(rows, columns, [Parameter(A.etaMax, .uniform(0.2, 2))]))
            let claims: [Claim] = [
                .identity(Identity(A.G * (A.gram + A.noise * A.I) ** A.minusHalf,
                                   equals: msign(A.G) * (A.I + A.noise * A.gram ** -1) ** A.minusHalf, over: space)),
                .identity(Identity(trace(A.gram ** A.half), equals: trace(transpose(msign(A.G)) * A.G), over: space)),
                .identity(Identity(nuclearNorm(A.G), equals: trace(transpose(msign(A.G)) * A.G), over: space)),
                .identity(Identity(transpose(A.phi()) * A.phi(), equals: A.I, over: space)),
                .identity(Identity(msign(A.G), equals: A.G * A.gram ** A.minusHalf, over: space)),
                .identity(Identity(A.hessian(A.inverseHessian(A.G)), equals: A.G, over: space)),
            ]
            for (k, claim) in claims.enumerated() {
                let verdict = holds(claim, "muon/\(rows)x\(columns)/\(k)")
                #expect(verdict.outcome == .holds, "\(rows)×\(columns) claim \(k): \(verdict.summary)")
            }
        }
    }

    /// The printed B_simple with an unsquared ‖G‖_F fails on every shape; the squared one holds.
    @Test func bSimpleSlipIsShapeIndependent() async {
        await propertyCheck(count: 6, input: Gen.int(in: 1...4), Gen.int(in: 0...3)) { columns, extra in
            let space = A.matrices(columns + extra, columns, [Parameter(A.sigma, .uniform(0.3, 1.4))])
            let printed = holds(.identity(Identity(A.m * A.n * A.sigma ** 2 / trace(A.gram), equals: A.m * A.n * A.sigma ** 2 / frobeniusNorm(A.G),
                                                   over: space)), "bsimple")
            let corrected = holds(.identity(Identity(A.m * A.n * A.sigma ** 2 / trace(A.gram), equals: A.m * A.n * A.sigma ** 2 / frobeniusNorm(A.G) ** 2,
                                                     over: space)), "bsimple")
            #expect(printed.outcome == .fails)
            #expect(corrected.outcome == .holds, "\(corrected.summary)")
        }
    }

    /// Singular values recovered from power sums agree with the SVD.
    @Test func eigenvaluesFromPowerSums() async throws {
        await propertyCheck(count: 20, input: Gen.int(in: 1...4), Gen.int(in: 0...4), Gen.int(in: 1...1_000_000)) { columns, extra, seed in
            guard let g = try? DoubleMatrix.gaussian(rows: columns + extra, columns: columns, seed: UInt64(seed)),
                  let gram = try? g.transposed().multiplied(by: g), let values = try? g.singularValues() else {
                Issue.record("could not build the test matrix")
                return
            }
            var power = gram
            var sums: [Double] = []
            for k in 1...columns {
                if k > 1, let next = try? power.multiplied(by: gram) { power = next }
                sums.append((0..<columns).reduce(0) { $0 + power[$1, $1] })
            }
            let recovered = MuonMeanField.eigenvalues(fromPowerSums: sums).map { $0.squareRoot() }
            let largest = values.first ?? 1
            for (a, b) in zip(recovered, values) {
                #expect(Swift.abs(a - b) <= 1e-6 * largest, "\(recovered) vs \(values)")
            }
        }
    }

    /// The Monte Carlo of E[msign(G̃)] is a pure function of its seed: thread count cannot change it.
    @Test func monteCarloIsReproducible() {
        let s = [2.0, 1.0, 0.5]
        let one = MuonMeanField.firstMoment(singularValues: s, rows: 6, noiseSD: 0.4, pairs: 500, seed: 7, jobs: 1)
        let two = MuonMeanField.firstMoment(singularValues: s, rows: 6, noiseSD: 0.4, pairs: 500, seed: 7, jobs: 2)
        let other = MuonMeanField.firstMoment(singularValues: s, rows: 6, noiseSD: 0.4, pairs: 500, seed: 8, jobs: 2)
        #expect(one.mean == two.mean)
        #expect(one.ratio.mean == two.ratio.mean)
        #expect(one.ratio.mean != other.ratio.mean)
    }

    /// Without noise the Monte Carlo returns msign(G) exactly; with equal singular values the
    /// mean-field ratio is the isotropic (1 + B_simple/B)^{-1/2}.
    @Test func monteCarloLimits() {
        let s = [3.0, 2.0]
        let quiet = MuonMeanField.firstMoment(singularValues: s, rows: 4, noiseSD: 0, pairs: 64, seed: 1, jobs: 2)
        #expect(Swift.abs(quiet.ratio.mean - 1) < 1e-12)
        let equal = [1.5, 1.5, 1.5]
        let c = 0.7
        let meanField = MuonMeanField.meanField(singularValues: equal, rows: 5, c: c)
        let level = c * 3 / (3 * 1.5 * 1.5)  // B_simple/B = c·m/tr(GᵀG)
        #expect(Swift.abs(meanField[0] - 1 / (1 + level).squareRoot()) < 1e-14)
    }

    /// The Kronecker materialisation of H agrees with the trace form at 50 digits for several seeds.
    @Test func kroneckerFormMatchesTraceForm() throws {
        for seed in [1, 2, 3] {
            let kron = try Evaluator(precision: 200, environment: Environment()).scalar(MuonMeanField.kroneckerForm(6, 3, 0.5, 1.3, .number(Rational(seed)), 0))
            let traceForm = try Evaluator(precision: 200, environment: Environment()).scalar(MuonMeanField.kroneckerForm(6, 3, 0.5, 1.3, .number(Rational(seed)), 1))
            #expect(((kron - traceForm) / traceForm).magnitude.doubleValue < 1e-50)
        }
    }
}
