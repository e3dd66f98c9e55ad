/// One checkable step of an article: the claim as printed and, where the article slipped,
/// the corrected claim with a one-line note.
public struct Step: Sendable {
    /// What the encoding expects the checker to find; tests pin it.
    public enum Expectation: String, Sendable, Codable {
        case holds
        /// The printed claim fails and the corrected claim holds.
        case failsAsPrinted
        case pending
        case definition
    }

    public struct Correction: Sendable {
        public let claim: Claim
        public let note: String
        public init(_ claim: Claim, note: String) {
            self.claim = claim
            self.note = note
        }
    }

    public let id: String
    /// Where it stands in the article: section and display.
    public let location: String
    public let title: String
    public let claim: Claim
    public let correction: Correction?
    public let expected: Expectation
    /// Remarks on the encoding (what was read how, what is not checkable).
    public let remark: String?
    /// The inventory's kind; by default the claim's (for a multi-part claim, its first part's).
    public let kind: String
    /// Context tables shown by `derive show`.
    public let tables: [Tabulation]

    public init(_ id: String, _ title: String, at location: String, kind: String? = nil, claim: Claim,
                correction: Correction? = nil, expected: Expectation? = nil, remark: String? = nil,
                tables: [Tabulation] = []) {
        self.id = id
        self.tables = tables
        self.kind = kind ?? claim.kind
        self.title = title
        self.location = location
        self.claim = claim
        self.correction = correction
        self.remark = remark
        if let expected {
            self.expected = expected
        } else if correction != nil {
            self.expected = .failsAsPrinted
        } else if claim.isDefinitionOnly {
            self.expected = .definition
        } else if claim.hasPendingPart {
            self.expected = .pending
        } else {
            self.expected = .holds
        }
    }
}

/// An article: metadata and its steps in order.
public struct Derivation: Sendable {
    public let number: Int
    public let title: String
    public let originalTitle: String
    public let url: String
    public let steps: [Step]

    public init(_ number: Int, title: String, originalTitle: String, steps: [Step]) {
        self.number = number
        self.title = title
        self.originalTitle = originalTitle
        self.url = "https://kexue.fm/archives/\(number)"
        self.steps = steps
    }
}

/// A checked step: the printed claim's verdict, the correction's, and whether that is what
/// the encoding expects.
public struct StepResult: Sendable, Codable {
    public let id: String
    public let kind: String
    public let title: String
    public let expected: Step.Expectation
    public let printed: Verdict
    public let corrected: Verdict?
    public let correctionNote: String?
    public let seconds: Double

    /// The verdict the report shows: what was found, in the expectation's vocabulary.
    public var found: Step.Expectation? {
        switch printed.outcome {
        case .holds: return .holds
        case .definition: return .definition
        case .pending: return .pending
        case .fails: return corrected?.outcome == .holds ? .failsAsPrinted : nil
        case .inconclusive, .error: return nil
        }
    }

    public var matchesExpectation: Bool { found == expected }
}

extension Checker {
    public func check(_ step: Step) -> StepResult {
        let clock = ContinuousClock()
        let start = clock.now
        let printed = check(step.claim, label: step.id)
        let corrected = step.correction.map { check($0.claim, label: step.id + "/corrected") }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return StepResult(id: step.id, kind: step.kind, title: step.title, expected: step.expected, printed: printed,
                          corrected: corrected, correctionNote: step.correction?.note, seconds: seconds)
    }
}
