import Symbolic

/// Terminal renderings of checked steps.
enum Report {
    static func verdictText(_ r: StepResult) -> String {
        switch r.found {
        case .holds: return "holds"
        case .failsAsPrinted: return "SLIP (corrected holds)"
        case .pending: return "pending"
        case .definition: return "definition"
        case nil:
            return r.printed.outcome == .fails ? "FAILS" : r.printed.outcome.rawValue.uppercased()
        }
    }

    static func table(_ derivation: Derivation, _ rows: [StepResult]) -> String {
        var lines = ["\(derivation.number)  \(derivation.title)  \(derivation.url)"]
        lines.append("  " + pad("ID", 10) + pad("kind", 18) + pad("verdict", 24) + pad("time", 8) + "evidence")
        for r in rows {
            let mark = r.matchesExpectation ? " " : "!"
            let time = r.seconds < 0.01 ? "<0.01s" : "\(Double(Int(r.seconds * 100)) / 100)s"
            var evidence = r.printed.summary
            if let corrected = r.corrected { evidence += " | corrected: " + corrected.summary }
            if !r.matchesExpectation { evidence += " [expected \(r.expected.rawValue)]" }
            lines.append(mark + " " + pad(r.id, 10) + pad(r.kind, 18) + pad(verdictText(r), 24) + pad(time, 8) + evidence)
        }
        return lines.joined(separator: "\n")
    }
}
