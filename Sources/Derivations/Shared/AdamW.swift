import Symbolic

/// The AdamW recursions (11267 display #1, 11307 display #1) as recurrence nodes, so a step
/// can run the optimizer at arbitrary precision and compare it with a closed form.
/// Vectors are element-wise: the state is a vector when the gradients are.
enum AdamW {
    private static let previous = Symbol("x_prev", latex: "x")
    private static let s = Symbol("s")

    /// 𝒎_t: 𝒎_0 = 0, 𝒎_s = β₁𝒎_{s-1} + (1-β₁)𝒈_s.
    static func momentum(after steps: Expr, beta1: Expr = Notation.beta1, gradients g: Family = Notation.g) -> Expr {
        .recurrence(Recurrence(Symbol.vector("m"), previous: previous, index: s, initial: 0,
                               step: beta1 * .symbol(previous) + (1 - beta1) * g[.symbol(s)], count: steps))
    }

    /// 𝒗_t: 𝒗_0 = 0, 𝒗_s = β₂𝒗_{s-1} + (1-β₂)𝒈_s².
    static func secondMoment(after steps: Expr, beta2: Expr = Notation.beta2, gradients g: Family = Notation.g) -> Expr {
        .recurrence(Recurrence(Symbol.vector("v"), previous: previous, index: s, initial: 0,
                               step: beta2 * .symbol(previous) + (1 - beta2) * g[.symbol(s)] ** 2, count: steps))
    }

    /// 𝜽_t with constant η, λ: 𝜽_s = 𝜽_{s-1} - η(𝒖_s + λ𝜽_{s-1}), for updates 𝒖_s given as a family.
    static func weights(after steps: Expr, initial theta0: Expr, updates u: Family, eta: Expr = Notation.eta,
                        lambda: Expr = Notation.lambda) -> Expr {
        .recurrence(Recurrence(Symbol.vector("theta"), previous: previous, index: s, initial: theta0,
                               step: .symbol(previous) - eta * (u[.symbol(s)] + lambda * .symbol(previous)), count: steps))
    }

    /// Adam's update with bias correction and ε: 𝒖_t = 𝒎̂_t/(√𝒗̂_t + ε).
    static func update(after steps: Expr, beta1: Expr = Notation.beta1, beta2: Expr = Notation.beta2,
                       epsilon: Expr = Notation.epsilon) -> Expr {
        let mHat = momentum(after: steps, beta1: beta1) / (1 - beta1 ** steps)
        let vHat = secondMoment(after: steps, beta2: beta2) / (1 - beta2 ** steps)
        return .named(Symbol.vector("u", latex: "\\boldsymbol{u}_t"), mHat / (sqrt(vHat) + epsilon))
    }
}
