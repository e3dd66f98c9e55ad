/// A named quantity of a derivation: a parameter (β₁), a bound index (i), a vector (𝒈).
///
/// `name` is what environments bind; `latex` is how the article writes it.
public struct Symbol: Hashable, Sendable, CustomStringConvertible {
    /// Matrices do not commute and are not divided by: the renderer writes their inverse
    /// powers as powers, not fractions.
    public enum Kind: Hashable, Sendable { case scalar, vector, matrix }

    public let name: String
    public let latex: String
    public let kind: Kind

    public init(_ name: String, latex: String? = nil, kind: Kind = .scalar) {
        self.name = name
        self.latex = latex ?? Symbol.defaultLaTeX(for: name)
        self.kind = kind
    }

    /// A bold vector symbol such as 𝒎 (`\boldsymbol{m}`).
    public static func vector(_ name: String, latex: String? = nil) -> Symbol {
        Symbol(name, latex: latex ?? "\\boldsymbol{\(defaultLaTeX(for: name))}", kind: .vector)
    }

    /// A bold matrix symbol such as 𝑮 (`\boldsymbol{G}`).
    public static func matrix(_ name: String, latex: String? = nil) -> Symbol {
        Symbol(name, latex: latex ?? "\\boldsymbol{\(defaultLaTeX(for: name))}", kind: .matrix)
    }

    public var description: String { name }

    static let greek: Set<String> = [
        "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
        "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
        "omega", "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Phi", "Psi", "Omega",
    ]

    /// "beta1" → `\beta_1`, "eta" → `\eta`, "t" → `t`, "theta0" → `\theta_0`.
    static func defaultLaTeX(for name: String) -> String {
        let letters = String(name.prefix { $0.isLetter })
        let rest = String(name.dropFirst(letters.count))
        let head = greek.contains(letters) ? "\\\(letters)" : letters
        guard !rest.isEmpty else { return head }
        let subscriptText = rest.hasPrefix("_") ? String(rest.dropFirst()) : rest
        return subscriptText.count == 1 ? "\(head)_\(subscriptText)" : "\(head)_{\(subscriptText)}"
    }
}
