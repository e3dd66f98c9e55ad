import Symbolic

extension Article11388 {
    static func num(_ x: Int) -> Expr { .number(Rational(x)) }
    static func label(_ name: String, _ latex: String) -> Expr { .symbol(Symbol(name, latex: latex)) }
    static let dPlaceholder: Expr = .symbol("d")

    // MARK: 基本概念 (basic concepts), eq:nuclear-grad

    static var basics: [Step] {
        let gram = transpose(G) * G
        return [
            Step("11388.1", "spectral and nuclear norms from the singular values", at: "基本概念 (basic concepts), prose",
                 kind: "definition",
                 claim: .all([
                    .identity(Identity(nuclearNorm(G), equals: trace(gram ** Expr.rational(1, 2)), over: gaussians(6, 4, [G]))),
                    .identity(Identity(spectralNorm(G) ** 2, equals: spectralNorm(gram), over: gaussians(6, 4, [G]))),
                 ]),
                 remark: "‖G‖_* (Jacobi SVD) = tr((GᵀG)^{1/2}) (symmetric eigensolver) and ‖G‖₂² = λ_max(GᵀG) on seeded 6×4 Gaussians."),
            Step("11388.2", "the SVD and msign of the series", at: "基本概念, text after eq:nuclear-grad", kind: "definition",
                 claim: .all([
                    .identity(Identity(msign(G), equals: G * gram ** Expr.rational(-1, 2), over: gaussians(6, 4, [G]))),
                    .identity(Identity(uvEntry(n, m, s, i, j), equals: msignEntry(n, m, s, i, j), over: entries(6, 4))),
                 ]),
                 remark: "U_{[:, :r]}V_{[:, :r]}ᵀ (SVD) against M(MᵀM)^{-1/2} (eigensolver), as matrices and entrywise."),
            Step("11388.3", "∇‖G‖_* = Σ ∇σ_i (linearity)", at: "基本概念, eq:nuclear-grad (first equality)", kind: "identity",
                 claim: .identity(Identity(fdNuclear(n, m, s, i, j), equals: sum("k", 1, m) { kk in fdSigma(n, m, s, kk, i, j) }, over: entries(6, 4))),
                 remark: "Both sides by central differences (step 2^-(bits/4)·2^-k, Richardson in h²) at random entries of seeded 6×4 samples."),
            Step("11388.4", "∇σ_i = u_i v_iᵀ", at: "基本概念, eq:nuclear-grad (second equality, from 10878)", kind: "gradient",
                 claim: .identity(Identity(fdSigma(n, m, s, k, i, j), equals: outerEntry(n, m, s, k, i, j),
                                           over: entries(6, 4, [Parameter(k, .integers(1...4))]))),
                 remark: "Singular values sorted decreasingly; u_k v_kᵀ is invariant under the joint sign flip. Gaussian samples have simple singular values almost surely."),
            Step("11388.5", "Σ u_i v_iᵀ = UVᵀ", at: "eq:nuclear-grad (third equality)",
                 claim: .identity(Identity(sum("k", 1, m) { kk in outerEntry(n, m, s, kk, i, j) }, equals: uvEntry(n, m, s, i, j), over: entries(6, 4)))),
            Step("11388.6", "UVᵀ = msign(G)", at: "eq:nuclear-grad (fourth equality)",
                 claim: .identity(Identity(uvEntry(n, m, s, i, j), equals: msignEntry(n, m, s, i, j), over: entries(6, 4)))),
            Step("11388.7", "∇_G‖G‖_* = msign(G)", at: "基本概念, eq:nuclear-grad (whole chain)", kind: "gradient",
                 claim: .all([(6, 4), (4, 4), (8, 4), (5, 3)].map { r, c in
                    .identity(Identity(fdNuclear(n, m, s, i, j), equals: msignEntry(n, m, s, i, j), over: entries(r, c)))
                 }),
                 remark: "Central differences of the nuclear norm (step from the working precision, Richardson on the step) against M(MᵀM)^{-1/2}, at random entries of seeded samples of shapes 6×4, 4×4, 8×4, 5×3; the property test repeats it on random shapes."),
        ]
    }

    // MARK: 问题描述 (problem description)

    static let stiefelProblem = label("pStiefel", "\\max_{\\boldsymbol{\\Phi}} \\operatorname{tr}(\\boldsymbol{G}^{\\top}\\boldsymbol{\\Phi}) \\ \\text{s.t.}\\ \\Vert\\boldsymbol{\\Phi}\\Vert_2 = 1,\\, \\boldsymbol{W}^{\\top}\\boldsymbol{W}=\\boldsymbol{I},\\,\\boldsymbol{W}^{\\top}\\boldsymbol{\\Phi}+\\boldsymbol{\\Phi}^{\\top}\\boldsymbol{W} = \\boldsymbol{0}")
    static let sphereProblem = label("pSphere", "\\max_{\\boldsymbol{\\Phi}} \\operatorname{tr}(\\boldsymbol{G}^{\\top}\\boldsymbol{\\Phi}) \\ \\text{s.t.}\\ \\Vert\\boldsymbol{\\Phi}\\Vert_2 = 1,\\, \\operatorname{tr}(\\boldsymbol{\\Theta}^{\\top}\\boldsymbol{\\Phi})=0")
    static func stiefel(_ which: Int) -> Expr { stiefelValue(n, m, s, num(which)) }

    /// Per shape: the dual minimiser X* gives WᵀΦ + ΦᵀW = 0 with Φ = msign(G + WX*) having unit
    /// singular values, and the certificate tr(GᵀΦ) = ‖G + WX*‖_*.
    /// The shapes on which every grid seed has a solution of the stated form (shape table).
    static let stiefelShapesWithSolution = shapes.filter { r, c in r >= 2 * c || (r > c && r % 2 == 0) }

    static func stiefelForm(_ shape: (Int, Int)) -> Claim {
        let space = sampleAt(shape.0, shape.1, seeds: gridSeeds)
        return .all([
            .inequality(Inequality(stiefel(2), lessThan: tiny(40), over: space)),
            .inequality(Inequality(stiefel(3), lessThan: tiny(40), over: space)),
            .identity(Identity(stiefel(0), equals: stiefel(1), over: space)),
        ])
    }
    static func sphereForm(_ shape: (Int, Int)) -> Claim {
        let space = sampleAt(shape.0, shape.1, seeds: gridSeeds)
        return .all([
            .inequality(Inequality(feasibility(n, m, s, 0, 0), lessThan: tiny(40), over: space)),
            .inequality(Inequality(feasibility(n, m, s, 0, 1), lessThan: tiny(40), over: space)),
            .identity(Identity(primalValue(n, m, s, 0, 0), equals: dualValue(n, m, s, 0, 0), over: space)),
        ])
    }

    static var problems: [Step] {
        [
            Step("11388.8", "the Muon + Stiefel problem", at: "问题描述 (problem description), eq:muon-stiefel",
                 claim: .all([
                    .definition(Definition(label("pstar", "p^*"), stiefelProblem)),
                    .inequality(Inequality(stiefel(4), lessThan: tiny(50), over: sampleAt(6, 4, seeds: gridSeeds))),
                 ]),
                 remark: "W is the thin-QR factor of a Gaussian at the working precision: ‖WᵀW - I‖_F < 1e-50."),
            Step("11388.9", "Stiefel solution Φ = msign(G + WX), X symmetric", at: "问题描述, after eq:muon-stiefel (restating 11221)",
                 kind: "optimum",
                 claim: .all(shapes.map(stiefelForm)),
                 correction: Step.Correction(.all(stiefelShapesWithSolution.map(stiefelForm)),
                                             note: "Shape-dependent: a symmetric X with WᵀΦ + ΦᵀW = 0 and Φ = msign(G + WX) exists for n ≥ 2m and for m < n < 2m with n even (4×3, 6×4), but not for 3×3 (n = m odd: no skew-symmetric orthogonal WᵀΦ), 5×3, 5×4, 7×4, 7×5 (m < n < 2m, n odd: the dual minimiser makes G + WX singular) nor for 4×4 seed 1."),
                 remark: "Per shape and seed: X* minimises ‖G + WX‖_* (Armijo descent in double, then pseudo-inverse Newton at the working precision); the form holds when the tangent residual and ‖ΦᵀΦ - I‖ vanish and tr(GᵀΦ) = ‖G + WX*‖_* (weak duality then certifies the maximum). See the shape table.",
                 tables: [stiefelShapeTable]),
            Step("11388.10", "the Muon + spectral-sphere problem", at: "问题描述, eq:muon-spectral",
                 claim: .definition(Definition(label("pstar", "p^*"), sphereProblem))),
            Step("11388.11", "sphere solution Φ = msign(G + λΘ)", at: "问题描述, after eq:muon-spectral (restating 11241)",
                 kind: "optimum",
                 claim: .all(shapes.map(sphereForm)),
                 correction: Step.Correction(.all(shapes.filter { $0.0 > $0.1 }.map(sphereForm)),
                                             note: "Shape-dependent: for n > m the root of tr(ΘᵀΦ) exists on every sample; for n = m, G + λΘ (Θ of rank one) is singular at one λ₀ and tr(Θᵀmsign(G + λΘ)) can jump over 0 there (3×3 seed 1, 4×4 seeds 2 and 3), so no λ of the stated form satisfies the constraint."),
                 remark: "Per shape and seed (Θ = u₁v₁ᵀ of an independent Gaussian): λ* is the root of tr(Θᵀmsign(G + λΘ)) (bracket + safeguarded Newton); the form holds when |tr(ΘᵀΦ)| and ‖ΦᵀΦ - I‖ vanish and tr(GᵀΦ) = ‖G + λ*Θ‖_*.",
                 tables: [sphereShapeTable]),
        ]
    }
}
