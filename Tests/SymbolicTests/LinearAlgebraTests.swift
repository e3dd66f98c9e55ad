import PropertyBased
import Testing
@testable import Symbolic

/// Identities of the dense linear algebra at 256 bits (≈ 77 digits), where each is asked to
/// hold to at least 70 digits, and of the double-precision twin to about 1e-10.
struct LinearAlgebraTests {
    static let bits = 256
    static let seeds = Gen.int(in: 0...Int.max)
    static let sizes = Gen.int(in: 1...7)

    var bits: Int { Self.bits }

    /// Correct digits of `error` relative to `scale` (capped at the precision's digits).
    func digits(_ error: BigFloat, relativeTo scale: BigFloat) -> Double {
        let cap = Double(Precision.digits(forBits: bits))
        if error.isZero { return cap }
        let denominator = BigFloat.max(scale.magnitude, BigFloat(1, precision: bits).timesPowerOfTwo(-bits))
        return Swift.min(cap, -(error / denominator).log10Magnitude)
    }

    /// Digits to which `a` equals `b`, relative to max(1, max|b|).
    func agreement(_ a: Matrix, _ b: Matrix) throws -> Double {
        try digits(a.maxAbsDifference(b), relativeTo: BigFloat.max(b.maxAbsEntry, BigFloat(1, precision: bits)))
    }

    /// Digits to which QᵀQ = I (orthonormal columns).
    func orthonormalColumns(_ q: Matrix) throws -> Double {
        try agreement(q.transposed() * q, Matrix.identity(q.columns, precision: bits))
    }

    func gaussian(_ m: Int, _ n: Int, _ seed: Int) throws -> Matrix {
        try Matrix.gaussian(rows: m, columns: n, seed: UInt64(seed), precision: bits)
    }

    // MARK: construction and arithmetic

    @Test func constructionAndArithmetic() throws {
        let a = try Matrix([[1, 2, 3], [4, 5, 6]], precision: bits)
        let b = try Matrix([[1, 0], [0, 1], [1, 1]], precision: bits)
        #expect(a.rows == 2 && a.columns == 3 && a.precision == bits)
        #expect(a[1, 2] == BigFloat(6, precision: bits))
        #expect(try a * b == Matrix([[4, 5], [10, 11]], precision: bits))
        #expect(a.transposed() == (try Matrix([[1, 4], [2, 5], [3, 6]], precision: bits)))
        #expect(try a + a == BigFloat(2, precision: bits) * a)
        #expect(try (a - a).maxAbsEntry.isZero)
        #expect(try (a * b).trace() == BigFloat(15, precision: bits))
        #expect(try Matrix([[3, 4]], precision: bits).frobeniusNorm == BigFloat(5, precision: bits))
        #expect(try Matrix.identity(3, precision: bits).trace() == BigFloat(3, precision: bits))
        #expect(try Matrix.zeros(rows: 0, columns: 4, precision: bits).isEmpty)
    }

    @Test func gaussianIsDeterministicAndMatchesTheDoubleStream() throws {
        let a = try gaussian(5, 4, 42), b = try gaussian(5, 4, 42), c = try gaussian(5, 4, 43)
        #expect(a == b)
        #expect(a != c)
        let d = try DoubleMatrix.gaussian(rows: 5, columns: 4, seed: 42)
        #expect(try DoubleMatrix(a).maxAbsDifference(d) < 1e-14)
        // Mean and variance of many draws are those of a standard normal (loose, 4σ-level bounds).
        let big = try DoubleMatrix.gaussian(rows: 200, columns: 100, seed: 7)
        let mean = big.entries.reduce(0, +) / Double(big.entries.count)
        let variance = big.entries.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(big.entries.count)
        #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.06, "mean \(mean), variance \(variance)")
    }

    // MARK: errors

    @Test func shapeErrorsThrowInsteadOfTrapping() throws {
        let a = try gaussian(2, 3, 1), b = try gaussian(2, 3, 2)
        #expect(throws: LinearAlgebraError.dimensionMismatch("product of 2×3 and 2×3")) { try a * b }
        #expect(throws: LinearAlgebraError.self) { try a + b.transposed() }
        #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try a.trace() }
        #expect(throws: LinearAlgebraError.self) { try Matrix([[1, 2], [3]], precision: bits) }
        #expect(throws: LinearAlgebraError.self) { try Matrix.zeros(rows: -1, columns: 2, precision: bits) }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 2, precision: bits, entries: []) }
        #expect(throws: LinearAlgebraError.notSymmetric) { try Matrix([[1, 2], [3, 4]], precision: bits).symmetricEigendecomposition() }
        #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try a.symmetricEigendecomposition() }
        #expect(throws: LinearAlgebraError.notPositiveSemidefinite) { try Matrix([[1, 0], [0, -1]], precision: bits).symmetricSquareRoot() }
        var nan = a
        nan[0, 0] = BigFloat.nan(precision: bits)
        #expect(throws: LinearAlgebraError.nonFinite) { try nan.singularValueDecomposition() }
        let d = try DoubleMatrix.gaussian(rows: 4, columns: 3, seed: 1)
        #expect(throws: LinearAlgebraError.dimensionMismatch("product of 4×3 and 4×3")) { try d * d }
        #expect(throws: LinearAlgebraError.self) { try DoubleMatrix([[1], [2, 3]]) }
        #expect(throws: LinearAlgebraError.nonFinite) { try DoubleMatrix([[.nan]]).singularValueDecomposition() }
    }

    // MARK: QR

    @Test func householderQR() async {
        await propertyCheck(count: 30, input: Self.seeds, Self.sizes, Self.sizes) { seed, m, n in
            do {
                let a = try gaussian(m, n, seed)
                let qr = try a.qrDecomposition()
                let k = min(m, n)
                #expect(qr.q.rows == m && qr.q.columns == k && qr.r.rows == k && qr.r.columns == n)
                #expect(try orthonormalColumns(qr.q) > 70, "QᵀQ = I for \(m)×\(n)")
                #expect(try agreement(qr.q * qr.r, a) > 70, "QR = A for \(m)×\(n)")
                for i in 0..<k {
                    #expect(!qr.r[i, i].isNegative)
                    for j in 0..<min(i, n) { #expect(qr.r[i, j].isZero) }
                }
            } catch {
                Issue.record("\(m)×\(n), seed \(seed): \(error)")
            }
        }
    }

    // MARK: SVD

    func checkSVD(_ g: Matrix, _ label: String) throws {
        let svd = try g.singularValueDecomposition()
        let k = min(g.rows, g.columns)
        #expect(svd.u.rows == g.rows && svd.u.columns == k && svd.v.rows == g.columns && svd.v.columns == k)
        #expect(svd.singularValues.count == k)
        #expect(try orthonormalColumns(svd.u) > 70, "UᵀU = I, \(label)")
        #expect(try orthonormalColumns(svd.v) > 70, "VᵀV = I, \(label)")
        #expect(try agreement(svd.reconstructed(), g) > 70, "UΣVᵀ = G, \(label)")
        #expect(try agreement(svd.u * svd.sigma * svd.v.transposed(), g) > 70, "UΣVᵀ via sigma, \(label)")
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 }, "descending, \(label)")
        #expect(svd.singularValues.allSatisfy { !$0.isNegative })
    }

    @Test func jacobiSVDOnRandomShapes() async {
        await propertyCheck(count: 40, input: Self.seeds, Self.sizes, Self.sizes) { seed, m, n in
            do { try checkSVD(gaussian(m, n, seed), "\(m)×\(n) seed \(seed)") } catch {
                Issue.record("\(m)×\(n), seed \(seed): \(error)")
            }
        }
    }

    @Test func jacobiSVDCoversWideSquareAndTallShapes() throws {
        for (m, n) in [(1, 1), (1, 7), (7, 1), (3, 7), (7, 3), (7, 7), (6, 5), (5, 6)] {
            try checkSVD(gaussian(m, n, 1000 * m + n), "\(m)×\(n)")
        }
    }

    @Test func svdOfDegenerateMatrices() throws {
        // Repeated singular values (an orthogonal Q), exact zeros, and a rank-2 product.
        let q = try gaussian(5, 5, 3).qrDecomposition().q
        let qsvd = try q.singularValueDecomposition()
        let one = BigFloat(1, precision: bits)
        #expect(qsvd.singularValues.allSatisfy { digits($0 - one, relativeTo: one) > 70 })
        try checkSVD(q, "orthogonal")
        let zero = try Matrix.zeros(rows: 4, columns: 3, precision: bits)
        try checkSVD(zero, "zero")
        #expect(try zero.msign() == zero)
        let lowRank = try gaussian(6, 2, 11) * gaussian(2, 5, 12)
        try checkSVD(lowRank, "rank 2")
        #expect(try lowRank.rank() == 2)
        #expect(try gaussian(4, 6, 13).rank() == 4)
    }

    // MARK: symmetric eigen-decomposition

    @Test func symmetricJacobiEigen() async {
        await propertyCheck(count: 30, input: Self.seeds, Self.sizes) { seed, n in
            do {
                let b = try gaussian(n, n, seed)
                let a = try b + b.transposed()  // symmetric and indefinite
                let eigen = try a.symmetricEigendecomposition()
                let v = eigen.eigenvectors
                #expect(try orthonormalColumns(v) > 70, "VᵀV = I, n = \(n)")
                let lambda = Matrix.diagonal(eigen.eigenvalues, precision: bits)
                let scale = BigFloat.max(a.maxAbsEntry, BigFloat(1, precision: bits))
                #expect(try digits((a * v - v * lambda).maxAbsEntry, relativeTo: scale) > 70, "AV = VΛ, n = \(n)")
                #expect(zip(eigen.eigenvalues, eigen.eigenvalues.dropFirst()).allSatisfy { $0 <= $1 }, "ascending")
                #expect(try agreement(eigen.applying { $0 }, a) > 70, "VΛVᵀ = A")
                // The trace is the sum of the eigenvalues.
                let sum = eigen.eigenvalues.reduce(BigFloat(0, precision: bits), +)
                #expect(try digits(sum - a.trace(), relativeTo: scale) > 70)
            } catch {
                Issue.record("n = \(n), seed \(seed): \(error)")
            }
        }
    }

    @Test func squareRootsOfPositiveDefiniteMatrices() async {
        await propertyCheck(count: 20, input: Self.seeds, Self.sizes) { seed, n in
            do {
                let g = try gaussian(n + 2, n, seed)
                let a = try g.transposed() * g  // positive definite with probability 1
                let s = try a.symmetricSquareRoot()
                let inverse = try a.inverseSymmetricSquareRoot()
                #expect(try agreement(s * s, a) > 70, "S² = A, n = \(n)")
                #expect(try agreement(s, s.transposed()) > 70, "S symmetric")
                #expect(try agreement(inverse * a * inverse, Matrix.identity(n, precision: bits)) > 70, "A^(-1/2) A A^(-1/2) = I")
                #expect(try agreement(s * inverse, Matrix.identity(n, precision: bits)) > 70, "A^(1/2) A^(-1/2) = I")
            } catch {
                Issue.record("n = \(n), seed \(seed): \(error)")
            }
        }
    }

    // MARK: msign and norms

    @Test func msignIsThePolarFactor() async {
        await propertyCheck(count: 30, input: Self.seeds, Self.sizes, Self.sizes) { seed, m, n in
            do {
                let g = try gaussian(m, n, seed)
                let o = try g.msign()
                if m >= n {
                    // Full column rank: G = O·(GᵀG)^(1/2) is the polar decomposition, O with orthonormal columns.
                    #expect(try orthonormalColumns(o) > 70, "msign columns, \(m)×\(n)")
                    let root = try (g.transposed() * g).symmetricSquareRoot()
                    #expect(try agreement(o.transposed() * g, root) > 70, "msign(G)ᵀG = (GᵀG)^(1/2), \(m)×\(n)")
                    let viaInverse = try g * (g.transposed() * g).inverseSymmetricSquareRoot()
                    #expect(try agreement(viaInverse, o) > 70, "msign(G) = G(GᵀG)^(-1/2), \(m)×\(n)")
                } else {
                    // Full row rank: orthonormal rows and G·msign(G)ᵀ = (GGᵀ)^(1/2).
                    #expect(try orthonormalColumns(o.transposed()) > 70, "msign rows, \(m)×\(n)")
                    let root = try (g * g.transposed()).symmetricSquareRoot()
                    #expect(try agreement(g * o.transposed(), root) > 70, "G msign(G)ᵀ = (GGᵀ)^(1/2), \(m)×\(n)")
                }
                // Nuclear norm is ⟨msign(G), G⟩, and the norm inequalities.
                let nuclear = try g.nuclearNorm()
                #expect(try digits(nuclear - (o.transposed() * g).trace(), relativeTo: nuclear) > 70, "‖G‖_* = tr(msign(G)ᵀG)")
                let spectral = try g.spectralNorm(), frobenius = g.frobeniusNorm
                let rank = BigFloat(try g.rank(), precision: bits)
                // Equalities hold for rank 1 (m or n = 1), so allow for the last rounding.
                let slack = BigFloat(1, precision: bits) + BigFloat(1, precision: bits).timesPowerOfTwo(16 - bits)
                #expect(spectral <= slack * frobenius && frobenius <= slack * rank.squareRoot() * spectral)
                #expect(frobenius <= slack * nuclear)
            } catch {
                Issue.record("\(m)×\(n), seed \(seed): \(error)")
            }
        }
    }

    @Test func msignOfRankDeficientMatrixIsPartialIsometry() throws {
        // G = AB has rank 2; msign(G) = U_2 V_2ᵀ, so msign(G)ᵀmsign(G) is a rank-2 projector.
        let g = try gaussian(6, 2, 21) * gaussian(2, 4, 22)
        let o = try g.msign()
        let p = try o.transposed() * o
        #expect(try agreement(p * p, p) > 70, "projector")
        #expect(try digits(p.trace() - BigFloat(2, precision: bits), relativeTo: BigFloat(2, precision: bits)) > 70, "rank 2")
        #expect(try digits(g.nuclearNorm() - (o.transposed() * g).trace(), relativeTo: g.nuclearNorm()) > 70)
        // And the pseudo-inverse square root of the singular GᵀG projects onto its range.
        let gram = try g.transposed() * g
        let inverse = try gram.inverseSymmetricSquareRoot()
        #expect(try agreement(inverse * gram * inverse, p) > 60, "A^(-1/2)·A·A^(-1/2) = range projector")
    }

    // MARK: DoubleMatrix

    func checkDoubleSVD(_ g: DoubleMatrix, tolerance: Double) throws -> DoubleSingularValueDecomposition {
        let svd = try g.singularValueDecomposition()
        let k = min(g.rows, g.columns)
        let ik = try DoubleMatrix.identity(k)
        #expect(try (svd.u.transposed() * svd.u).maxAbsDifference(ik) < tolerance, "UᵀU = I")
        #expect(try (svd.v.transposed() * svd.v).maxAbsDifference(ik) < tolerance, "VᵀV = I")
        #expect(try svd.reconstructed().maxAbsDifference(g) < tolerance * max(1, g.maxAbsEntry), "UΣVᵀ = G")
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
        return svd
    }

    @Test func doubleSVDOnSmallRandomShapes() async {
        // Small shapes are where a fixed tolerance against dot-product noise is tightest.
        await propertyCheck(count: 200, input: Self.seeds, Gen.int(in: 1...12), Gen.int(in: 1...12)) { seed, m, n in
            do {
                _ = try checkDoubleSVD(DoubleMatrix.gaussian(rows: m, columns: n, seed: UInt64(seed)), tolerance: 1e-12)
            } catch {
                Issue.record("\(m)×\(n), seed \(seed): \(error)")
            }
        }
    }

    @Test func doubleSVDAndMsign() throws {
        for (m, n) in [(60, 40), (40, 60)] {
            let g = try DoubleMatrix.gaussian(rows: m, columns: n, seed: 99)
            let svd = try checkDoubleSVD(g, tolerance: 1e-10)
            let o = try g.msign()
            let small = min(m, n)
            let orthonormal = m >= n ? try o.transposed() * o : try o * o.transposed()
            #expect(try orthonormal.maxAbsDifference(DoubleMatrix.identity(small)) < 1e-10, "msign orthonormal, \(m)×\(n)")
            // msign(G)ᵀG = VΣVᵀ, symmetric positive semidefinite.
            let root = try o.transposed() * g
            let vsv = try svd.v * DoubleMatrix(rows: small, columns: small, entries: (0..<(small * small)).map {
                $0 / small == $0 % small ? svd.singularValues[$0 / small] : 0
            }) * svd.v.transposed()
            #expect(try root.maxAbsDifference(vsv) < 1e-10, "msign(G)ᵀG = (GᵀG)^(1/2)")
            #expect(try root.maxAbsDifference(root.transposed()) < 1e-10)
            let nuclear = try g.nuclearNorm()
            #expect(try abs(nuclear - root.trace()) < 1e-10 * nuclear, "‖G‖_* = tr(msign(G)ᵀG)")
            let spectral = try g.spectralNorm()
            #expect(spectral <= g.frobeniusNorm && g.frobeniusNorm <= Double(small).squareRoot() * spectral)
            #expect(try g.rank() == small)
        }
    }

    @Test func doubleSVDAgreesWithBigFloatSVD() throws {
        let d = try DoubleMatrix.gaussian(rows: 9, columns: 6, seed: 5)
        let exact = try Matrix(d, precision: bits).singularValueDecomposition().singularValues.map(\.doubleValue)
        let double = try d.singularValues()
        for (x, y) in zip(double, exact) { #expect(abs(x - y) < 1e-13 * exact[0]) }
    }

    @Test func doubleSVDOfRankDeficientAndZeroMatrices() throws {
        let g = try DoubleMatrix.gaussian(rows: 30, columns: 3, seed: 1) * DoubleMatrix.gaussian(rows: 3, columns: 20, seed: 2)
        _ = try checkDoubleSVD(g, tolerance: 1e-10)
        #expect(try g.rank() == 3)
        let o = try g.msign()
        #expect(try abs((o.transposed() * o).trace() - 3) < 1e-10)
        let zero = try DoubleMatrix.zeros(rows: 5, columns: 3)
        _ = try checkDoubleSVD(zero, tolerance: 1e-12)
        #expect(try zero.msign() == zero)
    }

    @Test func doubleSVDOfAThreeHundredByTwoHundredMatrix() throws {
        let g = try DoubleMatrix.gaussian(rows: 300, columns: 200, seed: 2024)
        let svd = try checkDoubleSVD(g, tolerance: 1e-10)
        // Marchenko–Pastur: for 300×200 standard normal entries σ_max ≈ √300 + √200 ≈ 31.5.
        #expect(abs(svd.singularValues[0] - 31.5) < 2, "σ_max = \(svd.singularValues[0])")
    }
}
