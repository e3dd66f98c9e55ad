import Symbolic

/// Native computations of 11388: seeded samples (G, Stiefel W, Θ), the spectral dual root and
/// the Stiefel dual minimiser at high precision, and the double-precision dual iterations.
enum DualGradientDescent {
    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The inventory's sample: G ~ N(0,1); W the thin-QR factor of an independent Gaussian (so
    /// WᵀW = I at the working precision); Θ = u₁v₁ᵀ of a third Gaussian; a generic Gaussian Θ;
    /// Λ ~ N(0,1) m×m. Seeds are consecutive from 8·seed.
    struct Sample {
        let g, w, thetaTop, thetaGeneric, lambda: Matrix
        func theta(_ kind: Int) -> Matrix { kind == 0 ? thetaTop : thetaGeneric }
    }

    static func sample(_ n: Int, _ m: Int, _ seed: Int, bits: Int) throws -> Sample {
        let base = UInt64(seed) &* 8
        let g = try Matrix.gaussian(rows: n, columns: m, seed: base, precision: bits)
        let w = try Matrix.gaussian(rows: n, columns: m, seed: base + 1, precision: bits).qrDecomposition().q
        let top = try outer(Matrix.gaussian(rows: n, columns: m, seed: base + 2, precision: bits).singularValueDecomposition(), 0)
        let generic = try Matrix.gaussian(rows: n, columns: m, seed: base + 3, precision: bits)
        let lambda = try Matrix.gaussian(rows: m, columns: m, seed: base + 4, precision: bits)
        return Sample(g: g, w: w, thetaTop: top, thetaGeneric: generic, lambda: lambda)
    }

    /// u_k v_kᵀ: invariant under the joint sign flip of the singular pair.
    static func outer(_ svd: SingularValueDecomposition, _ k: Int) -> Matrix {
        let (u, v) = (svd.u.column(k), svd.v.column(k))
        let entries = u.flatMap { ui in v.map { ui * $0 } }
        return (try? Matrix(rows: u.count, columns: v.count, precision: svd.u.precision, entries: entries))
            ?? Matrix.diagonal([], precision: svd.u.precision)
    }

    static func memo<T>(_ cache: EvaluationCache?, _ key: String, _ compute: () throws -> T) throws -> T {
        guard let cache else { return try compute() }
        return try cache.value("11388:" + key, as: T.self, compute)
    }

    /// Wraps native work as an external function's typed error.
    static func evaluating(_ what: String, _ body: () throws -> BigFloat) throws(EvaluationError) -> BigFloat {
        do { return try body() } catch let error as EvaluationError { throw error } catch {
            throw EvaluationError.unsupported("\(what): \(error)")
        }
    }

    static func scaled(_ a: Matrix, _ t: BigFloat) -> Matrix { t * a }

    // MARK: spectral sphere (one multiplier λ)

    /// f'(λ) = tr(Θᵀ msign(G + λΘ)).
    static func slope(_ g: Matrix, _ theta: Matrix, _ lambda: BigFloat) throws -> BigFloat {
        let phi = try (g + scaled(theta, lambda)).msign()
        return try (theta.transposed() * phi).trace()
    }

    /// The root λ* of f' (f' is nondecreasing: f is convex): bracketed at 64 bits, then Newton
    /// at `bits` + 32 with the derivative from a difference of f' (a step guide only). When
    /// Newton does not settle (f' jumps over 0 where G + λΘ is singular) the safeguarded
    /// bracketing search runs at full precision and returns the jump point.
    static func spectralRoot(_ g: Matrix, _ theta: Matrix, bits: Int) throws -> BigFloat {
        let work = bits + 32
        let (gw, tw) = (g.rounded(toPrecision: work), theta.rounded(toPrecision: work))
        var bound = BigFloat(1, precision: work)
        for _ in 0..<80 {
            let (lo, hi) = (try slope(gw, tw, -bound), try slope(gw, tw, bound))
            if lo.sign < 0 && hi.sign > 0 { break }
            bound = bound.timesPowerOfTwo(1)
        }
        func search(_ bits: Int, _ lower: BigFloat, _ upper: BigFloat) throws -> BigFloat {
            let (gb, tb) = (gw.rounded(toPrecision: bits), tw.rounded(toPrecision: bits))
            let h = BigFloat(1, precision: bits).timesPowerOfTwo(-bits / 3)
            return try RootFinding.newtonBisection(in: lower, upper, precision: bits) { x in
                guard let value = try? slope(gb, tb, x), let up = try? slope(gb, tb, x + h), let down = try? slope(gb, tb, x - h) else {
                    return (BigFloat(Double.nan, precision: bits), BigFloat(Double.nan, precision: bits))
                }
                return (value, (up - down) / h.timesPowerOfTwo(1))
            }.root
        }
        var x = try search(64, -bound, bound).rounded(toPrecision: work)
        let h = BigFloat(1, precision: work).timesPowerOfTwo(-work / 3)
        let tolerance = BigFloat(1, precision: work).timesPowerOfTwo(-work + 8)
        for _ in 0..<40 {
            let value = try slope(gw, tw, x)
            let derivative = (try slope(gw, tw, x + h) - slope(gw, tw, x - h)) / h.timesPowerOfTwo(1)
            guard derivative > BigFloat(0, precision: work) else { break }
            let step = value / derivative
            x = x - step
            if step.magnitude <= tolerance * BigFloat.max(x.magnitude, BigFloat(1, precision: work)) {
                return x.rounded(toPrecision: bits)
            }
        }
        return try search(work, -bound, bound).rounded(toPrecision: bits)
    }

    /// min_λ f by golden-section search at `bits`, independent of the root: returns the
    /// minimiser (good to about half the digits, f being flat there) and f at it.
    static func goldenSection(_ g: Matrix, _ theta: Matrix, around center: BigFloat, width: BigFloat, bits: Int) throws -> (BigFloat, BigFloat) {
        let f = { (x: BigFloat) throws -> BigFloat in try (g + scaled(theta, x)).nuclearNorm() }
        let ratio = (BigFloat(5, precision: bits).squareRoot() - BigFloat(1, precision: bits)).timesPowerOfTwo(-1)
        var a = center - width, b = center + width
        var c = b - ratio * (b - a), d = a + ratio * (b - a)
        var fc = try f(c), fd = try f(d)
        let stop = BigFloat(1, precision: bits).timesPowerOfTwo(-bits / 2 - 4)
        while (b - a).magnitude > stop {
            if fc < fd { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = try f(c) } else {
                a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = try f(d)
            }
        }
        let x = (a + b).timesPowerOfTwo(-1)
        return (x, try f(x))
    }

    // MARK: Stiefel (a symmetric multiplier X)

    /// Coordinates of symmetric X: E_aa and E_ab + E_ba (a < b). The gradient of
    /// c ↦ ‖G + W X(c)‖_* in these coordinates is the (a,b) entry of WᵀΦ + ΦᵀW (halved on the diagonal).
    static func basis(_ m: Int) -> [(Int, Int)] { (0..<m).flatMap { a in (a..<m).map { (a, $0) } } }

    static func symmetric(_ c: [BigFloat], _ m: Int, bits: Int) throws -> Matrix {
        var x = try Matrix.zeros(rows: m, columns: m, precision: bits).entries
        for (k, (a, b)) in basis(m).enumerated() {
            x[a * m + b] = c[k]
            x[b * m + a] = c[k]
        }
        return try Matrix(rows: m, columns: m, precision: bits, entries: x)
    }

    /// WᵀΦ + ΦᵀW with Φ = msign(G + WX), and Φ.
    static func stiefelResidual(_ g: Matrix, _ w: Matrix, _ x: Matrix) throws -> (residual: Matrix, phi: Matrix) {
        let phi = try (g + w * x).msign()
        let a = try w.transposed() * phi
        return (try a + a.transposed(), phi)
    }

    static func gradient(_ residual: Matrix) -> [BigFloat] {
        basis(residual.rows).map { a, b in a == b ? residual[a, a].timesPowerOfTwo(-1) : residual[a, b] }
    }

    struct StiefelSolution {
        let x: Matrix
        let phi: Matrix
        let residual: BigFloat       // ‖WᵀΦ + ΦᵀW‖_F
        let sigmaMin: BigFloat       // smallest singular value of G + WX
        let newtonSteps: Int
        let converged: Bool
        let flatDirections: Int      // Hessian eigenvalues below 1e-10 of the largest
    }

    /// Minimises X ↦ ‖G + WX‖_* over symmetric X: a double-precision start (`stiefelStart`,
    /// memoized in `cache`), then damped Newton with a pseudo-inverse Hessian (central differences of the gradient at
    /// 128 bits; flat directions make it singular, E7) at `bits`. Converged means the residual
    /// fell below 2^-(bits-16).
    static func stiefelSolve(_ g: Matrix, _ w: Matrix, bits: Int, cache: EvaluationCache? = nil) throws -> StiefelSolution {
        let m = g.columns
        let (gd, wd) = (DoubleMatrix(g), DoubleMatrix(w))
        let key = "stiefel-start:\(g.rows)x\(m):" + gd.entries.prefix(6).map { "\($0)" }.joined(separator: ",")
        let xd = try memo(cache, key) { try stiefelStart(gd, wd) }
        var c = basis(m).map { a, b in BigFloat(xd[a, b], precision: bits) }
        let coarse = 128
        var steps = 0, flat = 0
        let stop = BigFloat(1, precision: bits).timesPowerOfTwo(-(bits - 16))
        var current = try stiefelResidual(g, w, symmetric(c, m, bits: bits))
        var size = current.residual.frobeniusNorm
        var inverse: Matrix? = nil
        var lastRatio = 1.0
        // Damped Newton: the pseudo-inverse Hessian is recomputed only when progress slows (it is
        // the expensive part); a step is halved until the residual shrinks.
        while steps < 16, size > stop {
            steps += 1
            if inverse == nil || lastRatio > 0.01 {
                let (h, nullity) = try stiefelHessian(g.rounded(toPrecision: coarse), w.rounded(toPrecision: coarse),
                                                      c.map { $0.rounded(toPrecision: coarse) }, bits: coarse)
                inverse = h
                flat = nullity
            }
            guard let hessianInverse = inverse else { break }
            let grad = gradient(current.residual)
            let move = try hessianInverse * Matrix(rows: grad.count, columns: 1, precision: coarse, entries: grad.map { $0.rounded(toPrecision: coarse) })
            var damping = BigFloat(1, precision: bits)
            var improved = false
            for _ in 0..<20 {
                let trial = zip(c, move.entries).map { $0 - damping * $1.rounded(toPrecision: bits) }
                let next = try stiefelResidual(g, w, symmetric(trial, m, bits: bits))
                let nextSize = next.residual.frobeniusNorm
                if nextSize < size {
                    lastRatio = (nextSize / size).doubleValue
                    c = trial; current = next; size = nextSize; improved = true
                    break
                }
                damping = damping.timesPowerOfTwo(-1)
            }
            if !improved { break }
        }
        let x = try symmetric(c, m, bits: bits)
        let sigma = try (g + w * x).singularValueDecomposition().singularValues
        return StiefelSolution(x: x, phi: current.phi, residual: current.residual.frobeniusNorm,
                               sigmaMin: sigma.min() ?? BigFloat(0, precision: bits), newtonSteps: steps,
                               converged: size <= stop, flatDirections: flat)
    }

    /// A start for Newton in double precision: the article's dual descent X ← X - 0.05(WᵀΦ + ΦᵀW)
    /// (up to 5000 steps), then Armijo descent on ‖G + WX‖_* from whichever end is lower. Plain
    /// descent alone can stall at a kink (G + WX singular) that is not the minimum.
    static func stiefelStart(_ gd: DoubleMatrix, _ wd: DoubleMatrix) throws -> DoubleMatrix {
        var xd = try stiefelDescent(gd, wd, eta: 0.05, tolerance: 1e-9, cap: 5000, keep: { _ in false }).x
        var value = try (gd + wd * xd).nuclearNorm()
        if !value.isFinite {
            xd = try DoubleMatrix.zeros(rows: gd.columns, columns: gd.columns)
            value = try gd.nuclearNorm()
        }
        var step = 0.05
        for _ in 0..<3000 {
            let phi = try (gd + wd * xd).msign()
            let a = try wd.transposed() * phi
            let r = try a + a.transposed()
            let norm2 = r.frobeniusNorm * r.frobeniusNorm
            if norm2 < 1e-18 { break }
            var accepted = false
            for _ in 0..<30 {
                let trial = try xd - step * r
                let v = try (gd + wd * trial).nuclearNorm()
                // X moves by -step·R; the directional derivative along it is -step·‖R‖²/2.
                if v <= value - 0.25 * step * norm2 { xd = trial; value = v; accepted = true; step *= 1.5; break }
                step *= 0.5
            }
            if !accepted { break }
        }
        return xd
    }

    /// The pseudo-inverse of the Hessian in the symmetric coordinates (central differences of
    /// the gradient), and how many eigenvalues it dropped as flat.
    static func stiefelHessian(_ g: Matrix, _ w: Matrix, _ c: [BigFloat], bits: Int) throws -> (Matrix, Int) {
        let m = g.columns, d = c.count
        let h = BigFloat(1, precision: bits).timesPowerOfTwo(-40)
        var columns: [[BigFloat]] = []
        for k in 0..<d {
            var up = c, down = c
            up[k] = up[k] + h
            down[k] = down[k] - h
            let gu = gradient(try stiefelResidual(g, w, symmetric(up, m, bits: bits)).residual)
            let gl = gradient(try stiefelResidual(g, w, symmetric(down, m, bits: bits)).residual)
            columns.append(zip(gu, gl).map { ($0 - $1) / h.timesPowerOfTwo(1) })
        }
        var entries: [BigFloat] = []
        for i in 0..<d { for j in 0..<d { entries.append((columns[i][j] + columns[j][i]).timesPowerOfTwo(-1)) } }
        let eigen = try Matrix(rows: d, columns: d, precision: bits, entries: entries).symmetricEigendecomposition()
        let largest = eigen.eigenvalues.map(\.magnitude).max() ?? BigFloat(1, precision: bits)
        let cutoff = largest * BigFloat(1e-10, precision: bits)
        let flat = eigen.eigenvalues.filter { $0.magnitude <= cutoff }.count
        let zero = BigFloat(0, precision: bits)
        return (eigen.applying { $0.magnitude <= cutoff ? zero : BigFloat(1, precision: bits) / $0 }, flat)
    }
}
