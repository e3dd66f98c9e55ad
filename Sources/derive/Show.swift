import ArgumentParser
import Derivations
import Symbolic

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show one step: its claim in LaTeX, parameters and full evidence.")

    @Argument(help: "A step ID such as 11267.12.")
    var id: String

    @OptionGroup var options: CheckingOptions

    func run() throws {
        guard let (derivation, step) = Articles.step(id) else {
            throw ValidationError("unknown step ID '\(id)' (try 'derive list')")
        }
        let result = Checker(options: options.checkOptions).check(step)
        try Output.line("\(step.id) — \(step.title)")
        try Output.line("article: \(derivation.number) \(derivation.title) (\(derivation.url))")
        try Output.line("where:   \(step.location)")
        try Output.line("kind:    \(step.kind)")
        try Output.line("claim:   \(step.claim.latex)")
        if let remark = step.remark { try Output.line("remark:  \(remark)") }
        try Output.line("verdict: \(Report.verdictText(result)) (expected: \(step.expected.rawValue))")
        try Output.line("evidence:")
        try Output.lines(EvidenceText.lines(result.printed, indent: "  "))
        if let correction = step.correction, let corrected = result.corrected {
            try Output.line("corrected claim: \(correction.claim.latex)")
            try Output.line("note: \(correction.note)")
            try Output.line("corrected verdict: \(corrected.outcome.rawValue)")
            try Output.lines(EvidenceText.lines(corrected, indent: "  "))
        }
        for table in step.tables {
            try Output.lines(table.render(options.checkOptions))
        }
        try Output.line(String(format: "time: %.3fs", result.seconds))
        try Output.finish()
    }
}

/// Multi-line plain-text evidence.
enum EvidenceText {
    static func lines(_ v: Verdict, indent: String) -> [String] {
        var out = [indent + v.summary]
        switch v.evidence {
        case .none: break
        case let .pending(reason): out.append(indent + "awaiting: " + reason)
        case let .failure(message): out.append(indent + "error: " + message)
        case let .identity(e):
            out.append(indent + "\(e.points) point(s) at \(e.precisionBits) bits (+64 to certify); fewest agreeing digits \(Int(e.minimumDigits)) at \(e.worstPoint)")
            if let c = e.counterexample {
                out.append(indent + "counterexample at \(c.point):")
                out.append(indent + "  lhs = \(c.lhs)")
                out.append(indent + "  rhs = \(c.rhs)")
                out.append(indent + "  relative difference \(c.relativeDifference)")
            }
        case let .sequence(s):
            for c in s.configurations {
                out.append(indent + "at \(c.point.isEmpty ? "(fixed)" : c.point):")
                out.append(indent + "  " + pad(s.variable, 26) + pad("error", 14) + pad(s.orderKind == "geometric" ? "rate" : "order", 10) + "digits")
                for row in c.rows {
                    out.append(indent + "  " + pad(row.step, 26) + pad(row.error, 14) + pad(row.observedOrder ?? "", 10) + "\(Int(row.certifiedDigits))")
                }
                if let limit = c.extrapolatedLimit {
                    out.append(indent + "  extrapolated limit \(limit) (agrees with the claim to \(Int(c.extrapolatedDigits ?? 0)) digits)")
                }
            }
        case let .numeric(n):
            out.append(indent + "value \(n.value) (\(Int(n.certifiedDigits)) certified digits) at \(n.point.isEmpty ? "(fixed)" : n.point); quote \(n.quote), \(n.style)")
        case let .inequality(i):
            out.append(indent + "\(i.points) point(s); smallest margin \(i.smallestMargin) at \(i.worstPoint)")
            if let c = i.counterexample { out.append(indent + "violated at \(c.point): lhs \(c.lhs), rhs \(c.rhs)") }
        case let .monteCarlo(m):
            out.append(indent + "simulation \(m.simulation): \(m.replicates) seeded runs (seed \(m.seed))")
            out.append(indent + "  mean \(m.mean) ± \(m.standardError) (standard error); one run's spread \(m.runSpread)")
            out.append(indent + "  quote \(m.quote) (\(m.quoted == .singleRun ? "one run" : "an expectation")): z = \(m.zScore)")
            if let r = m.reference { out.append(indent + "  exact value \(r); estimate at \(m.referenceZ ?? 0) standard errors") }
        case let .scaling(s):
            out.append(indent + pad("size", 12) + pad("RMS error", 16) + pad("± (rel.)", 12) + "order")
            for row in s.rows {
                out.append(indent + pad("\(row.size)", 12) + pad("\(row.rmsError)", 16) + pad("\(row.relativeUncertainty)", 12) + (row.observedOrder.map { "\($0)" } ?? ""))
            }
        case let .expectation(e):
            out.append(indent + "\(e.points) point(s) × \(e.batches) batches × \(e.samplesPerBatch) draws; fewest agreeing digits \(Int(e.minimumDigits)) at \(e.worstPoint)")
            out.append(indent + (e.exactForSampleMoments ? "  exact for sample moments (linearity or moment rules)" : "  largest |mean difference|/se = \(e.largestZ)"))
        case let .meanField(m):
            if let regime = m.regime {
                out.append(indent + "in its regime:")
                out.append(contentsOf: lines(Verdict(v.outcome, "", .sequence(regime)), indent: indent + "  ").dropFirst())
                out.append(indent + "outside the regime (shown, not judged):")
            }
            out.append(indent + pad("at", 44) + pad("exact", 20) + pad("mean field", 20) + "gap")
            for row in m.rows {
                out.append(indent + pad(row.point, 44) + pad(row.exact, 20) + pad(row.heuristic, 20) + "\(row.relativeGap * 100)%")
            }
        case let .parts(parts):
            for (k, part) in parts.enumerated() {
                out.append(indent + "part (\(Character(UnicodeScalar(97 + k)!))) \(part.outcome.rawValue):")
                out.append(contentsOf: lines(part, indent: indent + "  "))
            }
        }
        return out
    }
}
