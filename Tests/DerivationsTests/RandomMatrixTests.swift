import Foundation
import Symbolic
import Testing
@testable import Derivations

/// The native pieces of 11335: exact identities on seeded matrices, the Sturm/Lanczos singular
/// values against the Jacobi SVD, the bidiagonal model against dense Gaussian matrices, and
/// reproducibility of the Monte Carlo.
///
/// Property-style: each test runs over seeded random shapes (the DerivationsTests target does not
/// depend on swift-property-based, so the generator is SplitMix64 over a range of seeds).
struct RandomMatrixTests {
    static let seeds: [UInt64] = Array(1...12)

    static func shape(_ seed: UInt64, maximum: Int = 7) -> (Int, Int) {
        var rng = SplitMix64(seed: SplitMix64.mix(seed))
        return (1 + Int(rng.next() % UInt64(maximum)), 1 + Int(rng.next() % UInt64(maximum)))
    }

    static func agree(_ a: BigFloat, _ b: BigFloat, digits: Int) -> Bool {
        let scale = BigFloat.max(a.magnitude, b.magnitude)
        if scale.isZero { return true }
        let difference = (a - b).magnitude
        return difference.isZero || -(difference / scale).log10Magnitude >= Double(digits)
    }

    // MARK: exact identities at 256 bits

    /// max_{u,v} uᵀWv = ‖W‖₂: the value at the SVD's top pair equals √λ_max(WᵀW), and the
    /// alternating half-maximisations (u ← Wv/‖Wv‖, v ← Wᵀu/‖Wᵀu‖) climb to it from the seeded start.
    @Test(arguments: seeds)
    func variationalFormOfTheSpectralNorm(seed: UInt64) throws {
        let (n, m) = Self.shape(seed)
        let t = try Article11335.SeededTriple(seed: seed, rows: n, columns: m, bits: 256)
        let sigma = try Article11335.evaluate(.spectralByEigen, t)
        let top = try Article11335.evaluate(.topPairValue, t)
        #expect(Self.agree(sigma, top, digits: 70), "\(n)×\(m): \(sigma) vs \(top)")
        var v = t.v
        var value = t.bilinear(t.u, t.v)
        #expect(value <= sigma)
        for _ in 0..<400 {
            let u = Article11335.normalised(t.times(v))
            v = Article11335.normalised(t.transposeTimes(u))
            let next = t.bilinear(u, v)
            // Each half-maximisation can only increase uᵀWv (up to rounding).
            #expect(next >= value - BigFloat(1, precision: 256).timesPowerOfTwo(-200) * sigma)
            value = next
        }
        #expect(value <= sigma + BigFloat(1, precision: 256).timesPowerOfTwo(-200) * sigma)
        // Power iteration converges at rate (σ₂/σ₁)²; 400 steps give ~12 digits unless σ₂ ≈ σ₁.
        #expect(((sigma - value) / sigma).doubleValue < 1e-6, "\(n)×\(m): climbed to \(value), σ₁ = \(sigma)")
    }

    /// The closed forms of the half-maximisations and of min_v + max_u (eq:core-approx and its σ_min analogue).
    @Test(arguments: seeds)
    func halfMaximisationsInClosedForm(seed: UInt64) throws {
        let (n, m) = Self.shape(seed)
        let t = try Article11335.SeededTriple(seed: seed, rows: n, columns: m, bits: 256)
        #expect(Self.agree(try Article11335.evaluate(.halfMaxSum, t), try Article11335.evaluate(.halfMaxSumClosed, t), digits: 70))
        #expect(Self.agree(try Article11335.evaluate(.halfMinMax, t), try Article11335.evaluate(.halfMinMaxClosed, t), digits: 70))
        #expect(Self.agree(try Article11335.evaluate(.normWvSquared, t), try Article11335.evaluate(.quadraticForm, t), digits: 70))
        // Another unit u' never beats the maximiser: u'ᵀWv ≤ ‖Wv‖.
        let other = try Article11335.SeededTriple(seed: seed &+ 1000, rows: n, columns: m, bits: 256)
        let normWv = try Article11335.evaluate(.normWv, t)
        #expect(t.bilinear(other.u, t.v) <= normWv)
    }

    /// σ_min as min_v ‖Wv‖ (n ≥ m), and the exchanged forms: -σ_min, then 0 (n > m) or σ_min (n = m).
    @Test(arguments: seeds)
    func minMaxFormAndExchanges(seed: UInt64) throws {
        let (p, q) = Self.shape(seed)
        let (n, m) = (Swift.max(p, q), Swift.min(p, q))
        let t = try Article11335.SeededTriple(seed: seed, rows: n, columns: m, bits: 256)
        let sigmaMin = try Article11335.evaluate(.smallestByEigen, t)
        #expect(Self.agree(sigmaMin, try Article11335.evaluate(.normAtBottomPair, t), digits: 70))
        #expect(Self.agree(try Article11335.evaluate(.positionsExchanged, t), -sigmaMin, digits: 70))
        let objects = try Article11335.evaluate(.objectsExchanged, t)
        if n > m {
            #expect(objects.magnitude.doubleValue < 1e-60)
        } else {
            #expect(Self.agree(objects, sigmaMin, digits: 60))
        }
    }

    // MARK: Double-precision singular values

    /// Sturm bisection on a bidiagonal against the Jacobi SVD of the same matrix written out.
    @Test(arguments: seeds)
    func sturmBisectionMatchesJacobi(seed: UInt64) throws {
        var draws = RandomMatrices.Draws(SplitMix64(seed: seed))
        let (p, q) = Self.shape(seed, maximum: 30)
        let (n, m) = (Swift.max(p, q), Swift.min(p, q))
        let b = RandomMatrices.Bidiagonal.gaussianModel(rows: n, columns: m, &draws)
        var entries = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            entries[i * m + i] = b.diagonal[i]
            if i < m - 1 { entries[i * m + i + 1] = b.superdiagonal[i] }
        }
        let singular = try DoubleMatrix(rows: m, columns: m, entries: entries).singularValues()
        let largest = try #require(singular.first), smallest = try #require(singular.last)
        #expect(Swift.abs(b.largestSingularValue() - largest) <= 1e-12 * largest)
        #expect(Swift.abs(b.largestSingularValue(guess: Double(n).squareRoot() + Double(m).squareRoot()) - largest) <= 1e-12 * largest)
        #expect(Swift.abs(b.smallestSingularValue() - smallest) <= 1e-10 * smallest + 1e-13 * largest)
        // ‖Bx‖ and ‖Bᵀx‖ against the explicit product.
        let x = (0..<m).map { _ in draws.gaussian() }
        let dense = RandomMatrices.DenseSample(rows: m, columns: m, entries: entries)
        #expect(Swift.abs(b.normTimes(x) - RandomMatrices.norm(dense.times(x))) <= 1e-12 * b.normTimes(x))
        #expect(Swift.abs(b.normTransposeTimes(x) - RandomMatrices.norm(dense.transposeTimes(x))) <= 1e-12 * b.normTransposeTimes(x))
    }

    /// Full Golub–Kahan–Lanczos has exactly W's singular values; the early-stopped one its σ₁.
    @Test(arguments: seeds)
    func lanczosMatchesJacobi(seed: UInt64) throws {
        let (p, q) = Self.shape(seed, maximum: 40)
        let w = try DoubleMatrix.gaussian(rows: p, columns: q, seed: seed)
        let singular = try w.singularValues()
        let largest = try #require(singular.first), smallest = try #require(singular.last)
        var draws = RandomMatrices.Draws(SplitMix64(seed: seed ^ 0xABC))
        let dense = RandomMatrices.DenseSample(rows: p, columns: q, entries: w.entries)
        let (full, complete) = dense.lanczos(&draws)
        #expect(complete)
        #expect(Swift.abs(full.largestSingularValue() - largest) <= 1e-10 * largest)
        #expect(Swift.abs(full.smallestSingularValue() - smallest) <= 1e-8 * largest)
        let (early, _) = dense.lanczos(&draws, tolerance: 1e-12)
        #expect(Swift.abs(early.largestSingularValue() - largest) <= 1e-9 * largest)
    }

    // MARK: the bidiagonal model against dense Gaussian matrices

    /// The two simulations of the same law agree within 4 standard errors on every observable.
    @Test(arguments: [(24, 12), (10, 10), (9, 27)])
    func bidiagonalModelMatchesDenseMatrices(n: Int, m: Int) {
        let model = MonteCarlo.run(replicates: 3000, seed: 5, jobs: 2,
                                   RandomMatrices.gaussianSimulation(rows: n, columns: m).replicate)
        let dense = MonteCarlo.run(replicates: 3000, seed: 6, jobs: 2) { rng in
            var draws = RandomMatrices.Draws(rng)
            let w = RandomMatrices.DenseSample(rows: n, columns: m, law: .gaussian, &draws)
            let (b, _) = w.lanczos(&draws)
            var u = (0..<n).map { _ in draws.gaussian() }
            var v = (0..<m).map { _ in draws.gaussian() }
            RandomMatrices.normalize(&u)
            RandomMatrices.normalize(&v)
            rng = draws.generator
            return [b.largestSingularValue(), b.smallestSingularValue(), RandomMatrices.norm(w.times(v)), RandomMatrices.norm(w.transposeTimes(u))]
        }
        for k in 0..<4 {
            let z = (model[k].mean - dense[k].mean) / (model[k].standardError * model[k].standardError + dense[k].standardError * dense[k].standardError).squareRoot()
            #expect(Swift.abs(z) < 4, "\(n)×\(m) observable \(k): model \(model[k].mean) ± \(model[k].standardError), dense \(dense[k].mean) ± \(dense[k].standardError)")
        }
    }

    /// E‖Wv‖ = c(n) and E‖uᵀW‖ = c(m) exactly for unit u, v independent of W.
    @Test func halfNormsHaveChiMeans() {
        let (n, m) = (40, 15)
        let s = MonteCarlo.run(replicates: 6000, seed: 8, jobs: 2, RandomMatrices.gaussianSimulation(rows: n, columns: m, smallest: false).replicate)
        let zWv = (s[RandomMatrices.Observable.normWv.rawValue].mean - Article11335.chiMean(n)) / s[RandomMatrices.Observable.normWv.rawValue].standardError
        let zUW = (s[RandomMatrices.Observable.normUW.rawValue].mean - Article11335.chiMean(m)) / s[RandomMatrices.Observable.normUW.rawValue].standardError
        #expect(Swift.abs(zWv) < 4 && Swift.abs(zUW) < 4, "z = \(zWv), \(zUW)")
    }

    /// χ²_k draws have mean k and variance 2k (Marsaglia–Tsang, with the boost below shape 1).
    @Test(arguments: [1, 2, 3, 10, 101])
    func chiSquaredMoments(k: Int) {
        let s = MonteCarlo.run(replicates: 20_000, seed: UInt64(k), jobs: 2) { rng in
            var draws = RandomMatrices.Draws(rng)
            let x = draws.chiSquared(k)
            rng = draws.generator
            return [x, (x - Double(k)) * (x - Double(k))]
        }
        #expect(Swift.abs(s[0].mean - Double(k)) < 4 * s[0].standardError)
        #expect(Swift.abs(s[1].mean - 2 * Double(k)) < 4 * s[1].standardError)
    }

    /// The exact E max|W_ij| of symmetric Pareto entries against simulation.
    @Test func paretoMaximumMean() {
        let count = 400
        let s = MonteCarlo.run(replicates: 20_000, seed: 4, jobs: 2) { rng in
            var draws = RandomMatrices.Draws(rng)
            var largest = 0.0
            for _ in 0..<count { largest = Swift.max(largest, RandomMatrices.EntryLaw.pareto(alpha: 2.2).sample(&draws).magnitude) }
            rng = draws.generator
            return [largest]
        }
        let exact = Article11335.paretoExpectedMax(alpha: 2.2, entries: count)
        #expect(Swift.abs(s[0].mean - exact) < 4 * s[0].standardError, "\(s[0].mean) ± \(s[0].standardError) vs \(exact)")
    }

    // MARK: reproducibility

    @Test func monteCarloIsReproducibleAndThreadCountIndependent() {
        let simulation = RandomMatrices.gaussianSimulation(rows: 48, columns: 16)
        let one = MonteCarlo.run(replicates: 200, seed: 42, jobs: 1, simulation.replicate)
        let again = MonteCarlo.run(replicates: 200, seed: 42, jobs: 2, simulation.replicate)
        #expect(one == again)
        #expect(one != MonteCarlo.run(replicates: 200, seed: 43, jobs: 2, simulation.replicate))
        let dense = RandomMatrices.denseSimulation(rows: 20, columns: 10, law: .rademacher)
        #expect(MonteCarlo.run(replicates: 64, seed: 7, jobs: 1, dense.replicate) == MonteCarlo.run(replicates: 64, seed: 7, jobs: 3, dense.replicate))
    }

    /// The external functions return the same number at both of the checker's precisions.
    @Test func monteCarloExternalsArePrecisionIndependent() throws {
        let f = Article11335.gaussian(.sigmaMax, latex: "E")
        let args = [32, 16, 50, 9].map { BigFloat($0, precision: 64) }
        #expect(try f.evaluate(args, precision: 200, cache: nil).doubleValue == f.evaluate(args, precision: 264, cache: nil).doubleValue)
    }

    // MARK: weighted least squares

    @Test func weightedLeastSquaresRecoversALine() throws {
        let xs = [1.0, 2, 3, 4, 5, 6]
        let fit = try WeightedLeastSquares(design: xs.map { [1, $0] }, values: xs.map { 2 - 0.5 * $0 }, standardErrors: xs.map { _ in 0.1 })
        #expect(Swift.abs(fit.coefficients[0] - 2) < 1e-12 && Swift.abs(fit.coefficients[1] + 0.5) < 1e-12)
        #expect(fit.chiSquared < 1e-20 && fit.degreesOfFreedom == 4)
        // Halving every error halves the coefficients' standard errors.
        let finer = try WeightedLeastSquares(design: xs.map { [1, $0] }, values: xs.map { 2 - 0.5 * $0 }, standardErrors: xs.map { _ in 0.05 })
        #expect(Swift.abs(finer.standardErrors[0] * 2 - fit.standardErrors[0]) < 1e-12)
        #expect(throws: WeightedLeastSquares.FitError.singular) {
            try WeightedLeastSquares(design: xs.map { _ in [1, 2] }, values: xs, standardErrors: xs.map { _ in 1 })
        }
    }
}
