import Foundation

/// Plain text (titles, remarks, evidence) made safe for pdflatex: LaTeX specials escaped, the
/// Unicode math the project's prose uses (β₁, ≈, √, ‖, ⁻¹, …) mapped to math mode, and CJK text
/// — which pdflatex cannot typeset without extra packages — left out (every location carries
/// an English gloss beside the Chinese section name).
public enum LaTeXText {
    static let mathSymbols: [Character: String] = [
        "α": "\\alpha", "β": "\\beta", "γ": "\\gamma", "δ": "\\delta", "ε": "\\varepsilon", "ζ": "\\zeta",
        "η": "\\eta", "θ": "\\theta", "κ": "\\kappa", "λ": "\\lambda", "μ": "\\mu", "ν": "\\nu", "ξ": "\\xi",
        "π": "\\pi", "ρ": "\\rho", "σ": "\\sigma", "τ": "\\tau", "φ": "\\varphi", "ϕ": "\\phi", "χ": "\\chi",
        "ψ": "\\psi", "ω": "\\omega", "Γ": "\\Gamma", "Δ": "\\Delta", "Θ": "\\Theta", "Λ": "\\Lambda",
        "Σ": "\\Sigma", "Φ": "\\Phi", "Ψ": "\\Psi", "Ω": "\\Omega", "Π": "\\Pi",
        "≈": "\\approx", "→": "\\to", "←": "\\leftarrow", "⇒": "\\Rightarrow", "≤": "\\le", "≥": "\\ge", "≠": "\\ne",
        "≪": "\\ll", "≫": "\\gg", "±": "\\pm", "×": "\\times", "·": "\\cdot", "√": "\\surd", "∞": "\\infty",
        "∑": "\\sum", "∫": "\\int", "∂": "\\partial", "∝": "\\propto", "∈": "\\in", "⊙": "\\odot", "‖": "\\Vert",
        "∼": "\\sim", "≜": "\\triangleq", "∀": "\\forall", "∃": "\\exists", "∘": "\\circ", "⊤": "\\top",
        "ℝ": "\\mathbb{R}", "ℤ": "\\mathbb{Z}", "…": "\\ldots", "⋯": "\\cdots", "−": "-", "ℓ": "\\ell",
    ]
    static let subscripts: [Character: String] = [
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "ₖ": "k", "ᵢ": "i", "ⱼ": "j", "ₜ": "t", "ₙ": "n", "ₘ": "m", "₊": "+", "₋": "-",
    ]
    static let superscripts: [Character: String] = [
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "⁻": "-", "⁺": "+", "ᵀ": "\\top", "ⁿ": "n", "ᵗ": "t", "ʲ": "j", "ᵏ": "k",
    ]
    static let accents: [Character: String] = ["\u{0303}": "\\tilde", "\u{0304}": "\\bar", "\u{0302}": "\\hat"]
    static let text: [Character: String] = [
        "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "$": "\\$", "&": "\\&", "#": "\\#", "^": "\\^{}",
        "_": "\\_", "%": "\\%", "~": "$\\sim$", "<": "\\textless{}", ">": "\\textgreater{}", "|": "\\textbar{}",
        "‘": "`", "’": "'", "“": "``", "”": "''", "–": "--", "—": "---", "é": "\\'e", "✓": "\\checkmark{}",
        "ü": "\\\"u", "ö": "\\\"o",
    ]

    static func isCJK(_ c: Character) -> Bool {
        c.unicodeScalars.contains { s in
            (0x2E80...0x9FFF).contains(s.value) || (0xF900...0xFAFF).contains(s.value) || (0xFF00...0xFFEF).contains(s.value)
                || (0x3000...0x303F).contains(s.value)
        }
    }

    /// LaTeX source (a claim rendered from a tree) made safe for pdflatex: every non-ASCII
    /// character an encoding put into a label (β̄ in a \\text{}) becomes \\ensuremath{…}, which
    /// works in text and math mode alike; characters with no mapping are dropped.
    public static func sanitizeSource(_ s: String) -> String {
        var out = ""
        for c in s {
            if c.isASCII { out.append(c); continue }
            if isCJK(c) { continue }
            let base = Character(String(c.unicodeScalars.first!))
            let accent = c.unicodeScalars.dropFirst().first.map { Character(String($0)) }
            var math: String?
            if let accent, let command = accents[accent] {
                math = "\(command){\(mathSymbols[base] ?? String(base))}"
            } else if let m = mathSymbols[c] {
                math = m
            } else if let sub = subscripts[c] {
                math = "_{\(sub)}"
            } else if let sup = superscripts[c] {
                math = "^{\(sup)}"
            }
            if let math { out += "\\ensuremath{\(math)}" }
        }
        return out
    }

    /// Plain text that may be long without spaces (expressions in plain form): a break is
    /// allowed after commas, operators and closing parentheses.
    public static func breakable(_ s: String) -> String {
        var out = ""
        for c in escape(s) {
            out.append(c)
            if ",+*)=".contains(c) { out += "\\allowbreak{}" }
        }
        return out
    }

    /// Escapes `s` for a text paragraph.
    public static func escape(_ s: String) -> String {
        var out = ""
        var pendingMath = ""        // consecutive math characters share one $…$
        func flushMath() {
            if !pendingMath.isEmpty { out += "$" + pendingMath + "$"; pendingMath = "" }
        }
        func appendScript(_ marker: String, _ content: String) {
            let opening = marker + "{"
            if pendingMath.hasSuffix("}"), let range = pendingMath.range(of: opening, options: .backwards),
               !pendingMath[range.upperBound...].dropLast().contains("{"), !pendingMath[range.upperBound...].dropLast().contains("}") {
                pendingMath.removeLast()
                pendingMath += content + "}"
            } else {
                pendingMath += opening + content + "}"
            }
        }
        func appendMath(_ m: String) {
            if let last = pendingMath.last, last.isLetter, m.first?.isLetter ?? false { pendingMath += " " }
            pendingMath += m
        }
        for c in s {
            if isCJK(c) { continue }
            let base = Character(String(c.unicodeScalars.first!))
            let accent = c.unicodeScalars.dropFirst().first.map { Character(String($0)) }
            if let accent, let command = accents[accent] {
                let inner = mathSymbols[base] ?? String(base)
                appendMath("\(command){\(inner)}")
                continue
            }
            if let m = mathSymbols[c] { appendMath(m + (m.last?.isLetter ?? false ? "{}" : "")); continue }
            // Runs of sub- or superscript characters (⁻¹², ₁₂) form one script group.
            if let sub = subscripts[c] { appendScript("_", sub); continue }
            if let sup = superscripts[c] { appendScript("^", sup); continue }
            flushMath()
            if let t = text[c] { out += t; continue }
            if c.isASCII { out.append(c); continue }
            out += "?"
        }
        flushMath()
        // Chinese names left empty parentheses or double spaces behind: tidy them.
        var tidy = out
        while tidy.contains("  ") { tidy = tidy.replacingAll("  ", with: " ") }
        tidy = tidy.replacingAll("( ", with: "(")
        for empty in [" ()", "()", " (, ", "(, "] { tidy = tidy.replacingAll(empty, with: empty.hasSuffix(", ") ? "(" : "") }
        return tidy.trimmingSpaces()
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }

    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
