import Foundation

/// A checked derivation written out as a LaTeX step listing: every step as the article states
/// it (rendered from the expression tree), with the checker's verdict and evidence beside it,
/// and the corrected claim wherever the article slipped. Deterministic: no times, no dates.
public enum LaTeXListing {
    public static let preamble = """
    \\documentclass[10pt]{article}
    \\usepackage[margin=2cm]{geometry}
    \\usepackage{amsmath,amssymb,graphicx,longtable,array}
    \\usepackage[T1]{fontenc}
    \\usepackage{lmodern}
    \\usepackage{xcolor}
    \\usepackage[hidelinks]{hyperref}
    \\setlength{\\parindent}{0pt}
    \\setlength{\\parskip}{4pt}
    % Evidence quotes long plain expressions: prefer loose lines to lines running off the page.
    \\sloppy
    \\newsavebox{\\claimbox}
    % Display a claim; shrink it to the line width only when it is wider (long derivation lines).
    \\newcommand{\\claim}[1]{\\par\\begingroup\\centering\\sbox{\\claimbox}{$\\displaystyle #1$}%
      \\ifdim\\wd\\claimbox>\\linewidth\\resizebox{\\linewidth}{!}{\\usebox{\\claimbox}}\\else\\usebox{\\claimbox}\\fi\\par\\endgroup}
    \\newcommand{\\verdict}[1]{\\textbf{#1}}
    % Operators the encodings' labels use.
    \\providecommand{\\tr}{\\operatorname{tr}}
    \\providecommand{\\diag}{\\operatorname{diag}}
    \\providecommand{\\msign}{\\operatorname{msign}}
    \\providecommand{\\sign}{\\operatorname{sign}}
    \\definecolor{holds}{rgb}{0.0,0.45,0.1}
    \\definecolor{slip}{rgb}{0.7,0.1,0.0}
    \\definecolor{pending}{rgb}{0.4,0.4,0.4}
    """

    /// A standalone document for one article.
    public static func document(_ derivation: Derivation, _ results: [StepResult], steps: [Step], seed: UInt64) -> String {
        let text = body(derivation, results, steps: steps, seed: seed, level: "section")
        return preamble + fallbackOperators(text) + "\n\\begin{document}\n" + text + "\\end{document}\n"
    }

    /// Encodings may name operators of their own (\\softsign, \\tr): every control word the body
    /// uses gets a \\providecommand as an upright operator, a no-op for anything already defined.
    static func fallbackOperators(_ text: String) -> String {
        var words = Set<String>()
        var current = ""
        var inWord = false
        for c in text {
            if inWord {
                if c.isASCII && c.isLetter { current.append(c); continue }
                if !current.isEmpty { words.insert(current) }
                inWord = false
                current = ""
            }
            if c == "\\" { inWord = true }
        }
        if inWord && !current.isEmpty { words.insert(current) }
        // Never touch TeX primitives used as prefixes or environment delimiters.
        let reserved: Set<String> = ["begin", "end", "left", "right", "par", "relax", "def", "let", "else", "fi", "if"]
        return words.subtracting(reserved).sorted().map { "\\providecommand{\\\($0)}{\\operatorname{\($0)}}" }.joined(separator: "\n")
    }

    /// Every article in one document.
    public static func combined(_ articles: [(Derivation, [StepResult], [Step])], seed: UInt64) -> String {
        var text = ""
        for (derivation, results, steps) in articles {
            text += "\\clearpage\n" + body(derivation, results, steps: steps, seed: seed, level: "section")
        }
        return preamble + fallbackOperators(text) + "\n\\title{Checked derivations}\n\\date{}\n\\begin{document}\n\\maketitle\n\\tableofcontents\n"
            + text + "\\end{document}\n"
    }

    static func body(_ derivation: Derivation, _ results: [StepResult], steps: [Step], seed: UInt64, level: String) -> String {
        let byID = Dictionary(results.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var out = "\\\(level){\(derivation.number): \(LaTeXText.escape(derivation.title))}\n"
        out += "Article: \\url{\(derivation.url)}. Checked with seed \(seed); every verdict below is reproduced by "
        out += "\\texttt{derive check ID -{}-seed \(seed)}.\n\n"
        out += summaryTable(results)
        for step in steps {
            guard let result = byID[step.id] else { continue }
            out += stepBlock(step, result)
        }
        return out
    }

    static func summaryTable(_ results: [StepResult]) -> String {
        let count = { (e: Step.Expectation) in results.filter { $0.found == e }.count }
        let approximations = results.filter { ["approximation", "asymptotic", "limit", "mean-field"].contains($0.kind) && $0.found == .holds }.count
        let unexpected = results.filter { !$0.matchesExpectation }.count
        var out = "\\begin{center}\\begin{tabular}{lr}\n"
        out += "steps & \(results.count)\\\\\n"
        out += "hold & \(count(.holds))\\\\\n"
        out += "\\quad of which approximations, limits, mean-field & \(approximations)\\\\\n"
        out += "slips (printed claim fails, corrected holds) & \(count(.failsAsPrinted))\\\\\n"
        out += "pending & \(count(.pending))\\\\\n"
        out += "definitions & \(count(.definition))\\\\\n"
        if unexpected > 0 { out += "\\textcolor{slip}{not as expected} & \(unexpected)\\\\\n" }
        return out + "\\end{tabular}\\end{center}\n\n"
    }

    static func stepBlock(_ step: Step, _ result: StepResult) -> String {
        var out = "\\subsection*{\(step.id) --- \(LaTeXText.escape(step.title))}\n"
        out += "\\addcontentsline{toc}{subsection}{\(step.id) \(LaTeXText.escape(step.title))}\n"
        out += "\\textit{\(LaTeXText.escape(step.location))}; kind: \(LaTeXText.escape(step.kind)).\n"
        for display in displays(step.claim) { out += "\\claim{\(display)}\n" }
        out += verdictLine(result)
        out += evidence(result.printed)
        if let correction = step.correction, let corrected = result.corrected {
            out += "\\textcolor{slip}{\\textbf{Corrected claim.}} \(LaTeXText.escape(correction.note))\n"
            for display in displays(correction.claim) { out += "\\claim{\(display)}\n" }
            out += "Corrected claim: \\verdict{\(corrected.outcome.rawValue)}.\n"
            out += evidence(corrected)
        }
        if let remark = step.remark { out += "\\par\\textit{Remark.} \(LaTeXText.escape(remark))\n" }
        return out + "\n"
    }

    /// One display per part of the claim (multi-part claims are listed part by part).
    static func displays(_ claim: Claim) -> [String] {
        switch claim {
        case let .all(parts):
            // Parts that check one display on several shapes or seeds show it once.
            var seen = Set<String>()
            return parts.flatMap(displays).filter { seen.insert($0).inserted }
        case let .withDigits(_, inner): return displays(inner)
        default: return [LaTeXText.sanitizeSource(claim.latex)]
        }
    }

    static func verdictLine(_ r: StepResult) -> String {
        switch r.found {
        case .holds: return "\\par\\textcolor{holds}{\\verdict{Holds.}} "
        case .failsAsPrinted: return "\\par\\textcolor{slip}{\\verdict{Slip: fails as printed.}} "
        case .pending: return "\\par\\textcolor{pending}{\\verdict{Pending.}} "
        case .definition: return "\\par\\verdict{Definition} (nothing to check). "
        case nil: return "\\par\\textcolor{slip}{\\verdict{\(r.printed.outcome.rawValue.capitalized), not as expected.}} "
        }
    }

    static func number(_ s: String) -> String { LaTeXText.escape(s) }

    /// The evidence of a verdict as text and small tables.
    static func evidence(_ v: Verdict) -> String {
        switch v.evidence {
        case .none: return "\n"
        case let .pending(reason): return "Awaiting: \(LaTeXText.escape(reason)).\n"
        case let .failure(message): return "Error: \(LaTeXText.escape(message)).\n"
        case let .identity(e):
            var out = "Both sides agree to \(Int(e.minimumDigits)) certified digits (required \(e.requiredDigits)) at \(e.points) seeded point\(e.points == 1 ? "" : "s"), "
            out += "evaluated at \(e.precisionBits) bits and again at \(e.precisionBits + 64).\n"
            if let c = e.counterexample {
                out += "\\par Counterexample at \(LaTeXText.breakable(withoutSeeds(c.point))): left side \(number(c.lhs)), right side \(number(c.rhs)), relative difference \(number(c.relativeDifference)).\n"
            }
            return out
        case let .sequence(s):
            var out = ""
            guard let first = s.configurations.first else { return "\n" }
            let orderName = s.orderKind == "geometric" ? "rate" : "order"
            out += "Error along \\texttt{\(LaTeXText.escape(s.variable))} \(s.direction == .toZero ? "$\\to 0$" : "$\\to\\infty$")"
            out += first.point.isEmpty ? ":\n" : " at \(LaTeXText.breakable(withoutSeeds(first.point))):\n"
            out += "\\begin{center}\\begin{tabular}{lll}\n\(LaTeXText.escape(s.variable)) & error & observed \(orderName)\\\\\\hline\n"
            for row in first.rows {
                out += "\(number(row.step)) & \(number(row.error)) & \(row.observedOrder.map(number) ?? "")\\\\\n"
            }
            out += "\\end{tabular}\\end{center}\n"
            if let expected = first.expectedOrder { out += "Expected \(orderName): \(number(format3(expected))). " }
            if let limit = first.extrapolatedLimit, let digits = first.extrapolatedDigits {
                out += "Extrapolated limit \(number(limit)), agreeing with the claimed value to \(Int(digits)) digits. "
            }
            if s.configurations.count > 1 {
                let orders = s.configurations.compactMap(\.lastOrder)
                if let lo = orders.min(), let hi = orders.max() {
                    out += "Over \(s.configurations.count) configurations the last observed \(orderName) ranges over \(number(format3(lo)))--\(number(format3(hi))). "
                } else {
                    out += "Checked over \(s.configurations.count) configurations. "
                }
            }
            return out + "\n"
        case let .numeric(n):
            return "Computed value \(number(n.value)) (\(Int(n.certifiedDigits)) certified digits) against the quoted \(LaTeXText.breakable(n.quote)), read as \(LaTeXText.breakable(n.style)).\n"
        case let .inequality(i):
            var out = "Smallest margin \(number(i.smallestMargin)) over \(i.points) point\(i.points == 1 ? "" : "s").\n"
            if let c = i.counterexample { out += "\\par Violated: left side \(number(c.lhs)), right side \(number(c.rhs)).\n" }
            return out
        case let .monteCarlo(m):
            var out = "Simulation \\texttt{\(LaTeXText.escape(m.simulation))}: \(m.replicates) seeded runs give \(number(formatSignificant(m.mean))) $\\pm$ \(number(format3(m.standardError))) "
            out += "(one run's spread \(number(format3(m.runSpread)))); the quote \(number(m.quote)) is at $z = \(format3(m.zScore))$. "
            if let r = m.reference { out += "Exact value \(number(r)). " }
            return out + "\n"
        case let .meanField(m):
            var out = ""
            if let tolerance = m.tolerance {
                out += "Mean-field value against the exact one (allowed relative gap \(number(format3(100 * tolerance)))\\%):\n"
            } else if let regime = m.regime {
                out += "In its regime: " + evidence(Verdict(v.outcome, "", .sequence(regime)))
                out += "Outside the regime (shown, not judged), the mean-field value against the exact one:\n"
            }
            out += "\\begin{center}\\small\\begin{tabular}{>{\\raggedright\\arraybackslash}p{0.5\\linewidth}lll}\npoint & exact & mean field & gap\\\\\\hline\n"
            for row in m.rows.prefix(16) {
                out += "\(LaTeXText.breakable(withoutSeeds(row.point))) & \(number(shortNumber(row.exact))) & \(number(shortNumber(row.heuristic))) & \(number(format3(100 * row.relativeGap)))\\%\\\\\n"
            }
            if m.rows.count > 16 { out += "\\multicolumn{4}{l}{(\(m.rows.count - 16) more)}\\\\\n" }
            return out + "\\end{tabular}\\end{center}\n"
        case let .expectation(e):
            if e.exactForSampleMoments {
                return "Exact for sample moments over \(e.points) points $\\times$ \(e.batches) batches of \(e.samplesPerBatch) draws (\(Int(e.minimumDigits)) digits): the identity rests on linearity or on the model's moments.\n"
            }
            return "Per-batch differences over \(e.batches) batches of \(e.samplesPerBatch) draws average to zero within \(number(format3(e.largestZ))) standard errors.\n"
        case let .scaling(s):
            var out = "Root-mean-square error over \(s.replicates) seeded draws (expected order \(number(format3(s.expectedOrder)))):\n"
            out += "\\begin{center}\\begin{tabular}{lll}\nsize & RMS error & observed order\\\\\\hline\n"
            for row in s.rows { out += "\(row.size) & \(number(formatSignificant(row.rmsError))) & \(row.observedOrder.map { number(format3($0)) } ?? "")\\\\\n" }
            return out + "\\end{tabular}\\end{center}\n"
        case let .parts(parts):
            if parts.allSatisfy({ $0.outcome == .definition }) { return "\n" }
            var out = "\\begin{itemize}\n"
            for (k, part) in parts.enumerated() {
                let letter = Character(Unicode.Scalar(97 + k) ?? "a")
                out += "\\item (\(letter)) \\verdict{\(part.outcome.rawValue)}: " + evidence(part)
            }
            return out + "\\end{itemize}\n"
        }
    }

    /// Point descriptions without the 20-digit seeds of random families: they follow from the
    /// run's seed and the step ID, and would not fit a line.
    static func withoutSeeds(_ point: String) -> String {
        var out = ""
        var rest = Substring(point)
        while let range = rest.range(of: " seed ") {
            out += rest[..<range.lowerBound]
            rest = rest[range.upperBound...].drop { $0.isNumber }
        }
        return out + rest
    }

    static func shortNumber(_ s: String) -> String {
        guard let x = BigFloat(s, precision: 64) else { return s }
        return x.decimalString(digits: 8)
    }
}
