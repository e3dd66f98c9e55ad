import Testing
@testable import Symbolic

/// Numbers a user can feed the engine (decimal literals, quotes, exponents, arguments out of a
/// function's domain) end in `nil` or a typed `EvaluationError`, never in a trap or a hang.
struct InputErrorTests {
    let x: Expr = .symbol(Symbol("x"))

    func evaluate(_ e: Expr, x value: String = "-2") throws(EvaluationError) -> Value {
        try Evaluator(precision: 128, environment: Environment(values: ["x": .scalar(BigFloat(value, precision: 128)!)])).evaluate(e)
    }

    /// The node name an error carries, for the cases that name one.
    func node(_ e: Expr) -> String { e.latex }

    // MARK: decimal parsing

    @Test(arguments: [
        "1e-9223372036854775808", "1e9223372036854775807", "1e99999999999999999999", "1e-99999999999999999999",
        "1.5e-9223372036854775808", "0.5e-9223372036854775807", "1e19", "1e-19", "-9223372036854775808",
        "92233720368547758070e-1", "", ".", "e5", "1e", "1.2.3", "abc",
    ])
    func decimalsBeyondMachineRationalsAreNil(text: String) {
        #expect(Rational(decimal: text) == nil)
    }

    @Test func decimalsAtTheEdgesStillParse() {
        #expect(Rational(decimal: "1e18") == Rational(1_000_000_000_000_000_000))
        #expect(Rational(decimal: "1e-18") == Rational(1, 1_000_000_000_000_000_000))
        #expect(Rational(decimal: "-9223372036854775807") == Rational(-Int.max))
        #expect(Rational(decimal: "-.5") == Rational(-1, 2))
        #expect(Rational(decimal: "2.5e-1") == Rational(1, 4))
    }

    @Test func integerPowersNeitherTrapNorLoop() {
        let huge = 1_000_000_000_000_000_000
        #expect(Rational.one.power(huge) == .one)
        #expect(Rational(-1).power(huge + 1) == Rational(-1))
        #expect(Rational(2).power(huge) == nil)
        #expect(Rational(2).power(63) == nil)
        #expect(Rational(2).power(62) == Rational(1 << 62))
        #expect(Rational(3).power(-3) == Rational(1, 27))
        #expect(Rational.one.power(.min) == .one)
        #expect(Rational(-1).power(.min) == .one)
        #expect(Rational(2).power(.min) == nil)
        #expect(Rational.zero.power(-1) == nil)
        #expect(Rational(Int.min).terminatingDecimal == "\(Int.min)")
    }

    @Test(arguments: ["1e99999999999999999999", "1e-9223372036854775808", "-1e9223372036854775807"])
    func bigFloatParsingOfHugeExponentsIsInfiniteOrZero(text: String) throws {
        let value = try #require(BigFloat(text, precision: 128))
        #expect(value.isInfinite || value.isZero)
    }

    @Test func bigFloatParsingRejectsMalformedText() {
        for text in ["", "  ", "1\u{0}2", "1e", "0x", "1.2.3", "--1"] {
            #expect(BigFloat(text, precision: 128) == nil, "\(text.debugDescription)")
        }
    }

    @Test func quotesWithHugeExponentsAreErrorsNotTraps() {
        let value = sqrt(Expr(0.1) / 1.9)
        for quote in ["1e-9223372036854775808", "1e99999999999999999999", "0.2294e-9223372036854775807"] {
            for style in [NumericClaim.Style.leadingDigits, .rounded] {
                let verdict = Checker().check(.numeric(NumericClaim(value, quote: quote, style: style)), label: "x")
                #expect(verdict.outcome == .error, "\(quote): \(verdict.summary)")
            }
        }
    }

    @Test func quotesInScientificNotationCountTheirLastDigit() {
        #expect(Checker.lastDecimalPlace(of: "0.2294") == 4)
        #expect(Checker.lastDecimalPlace(of: ".5") == 1)
        #expect(Checker.lastDecimalPlace(of: "7") == 0)
        #expect(Checker.lastDecimalPlace(of: "1.5e3") == -2)
        #expect(Checker.lastDecimalPlace(of: "2.25E-2") == 4)
        #expect(Checker.lastDecimalPlace(of: "1e-9223372036854775808") == nil)
        let value = Expr(1534.2)
        #expect(Checker().check(.numeric(NumericClaim(value, quote: "1.5e3", style: .leadingDigits)), label: "x").outcome == .holds)
        #expect(Checker().check(.numeric(NumericClaim(value, quote: "1.5e3", style: .rounded)), label: "x").outcome == .holds)
        #expect(Checker().check(.numeric(NumericClaim(value, quote: "1.6e3", style: .rounded)), label: "x").outcome == .fails)
    }

    // MARK: domain errors

    @Test func squareRootsOfNegativesAreDomainErrors() {
        #expect(throws: EvaluationError.domainError(function: "sqrt", argument: "-2.00000000000", node: node(sqrt(x)))) {
            try evaluate(sqrt(x))
        }
        #expect(throws: EvaluationError.domainError(function: "sqrt", argument: "-2.00000000000", node: node(x ** Expr.rational(1, 2)))) {
            try evaluate(x ** Expr.rational(1, 2))
        }
        #expect(throws: EvaluationError.domainError(function: "sqrt", argument: "-2.00000000000", node: node(x ** 0.5))) {
            try evaluate(x ** 0.5)
        }
        for exponent in [Expr.rational(3, 2), .rational(-1, 2), .rational(1, 4), 2.5] {
            let e = x ** exponent
            #expect(throws: EvaluationError.domainError(function: "power", argument: Value.scalar(BigFloat(-2, precision: 128)).description,
                                                        node: node(e))) { try evaluate(e) }
        }
    }

    /// Decided: odd roots of negatives are domain errors too (documented on `Evaluator.power`).
    @Test func oddRootsOfNegativesAreDomainErrors() {
        let e = x ** Expr.rational(1, 3)
        #expect(throws: EvaluationError.domainError(function: "power", argument: Value.scalar(BigFloat(-2, precision: 128)).description,
                                                    node: node(e))) { try evaluate(e) }
        #expect(throws: Never.self) { try evaluate(x ** Expr.rational(1, 3), x: "8") }
    }

    @Test func logarithmsOfNonPositivesAreDomainErrors() {
        #expect(throws: EvaluationError.domainError(function: "log", argument: "-2.00000000000", node: node(log(x)))) { try evaluate(log(x)) }
        #expect(throws: EvaluationError.domainError(function: "log", argument: "0", node: node(log(x)))) { try evaluate(log(x), x: "0") }
        #expect(throws: EvaluationError.domainError(function: "log1p", argument: "-1.00000000000", node: node(log1p(x)))) {
            try evaluate(log1p(x), x: "-1")
        }
    }

    @Test func zeroToNegativePowersAreDivisionsByZero() {
        for exponent in [Expr(-1), -3, .rational(-1, 2), .number(Rational(-1_000_000_000_000_000_000))] {
            let e = x ** exponent
            #expect(throws: EvaluationError.divisionByZero(node: node(e))) { try evaluate(e, x: "0") }
        }
        let literal = Expr(0) ** -1
        #expect(throws: EvaluationError.divisionByZero(node: node(literal))) { try evaluate(literal) }
    }

    @Test(.timeLimit(.minutes(1)))
    func hugeIntegerExponentsOverflowToNonFinite() throws {
        let huge = Expr.number(Rational(1_000_000_000_000_000_000))
        let overflow = Expr(2) ** huge
        #expect(throws: EvaluationError.nonFinite(node: node(overflow))) { try evaluate(overflow) }
        // Beyond Int: still an integer to MPFR, so negative bases keep their parity.
        let beyond = Expr(2) ** (huge * huge)
        #expect(throws: EvaluationError.nonFinite(node: node(beyond))) { try evaluate(beyond) }
        #expect(try evaluate(x ** (huge * huge), x: "-1").scalar == BigFloat(1))
        #expect(try evaluate(x ** (huge * huge + 1), x: "-1").scalar == BigFloat(-1))
        #expect(try evaluate(x ** huge, x: "1").scalar == BigFloat(1))
        #expect(try evaluate(x ** huge, x: "0.5").scalar?.isZero == true)
    }

    @Test(.timeLimit(.minutes(1)))
    func hugeMatrixPowersDoNotLoop() throws {
        let m: Expr = .symbol(Symbol.matrix("M"))
        let identity = try Matrix.identity(2, precision: 128)
        let evaluator = Evaluator(precision: 128, environment: Environment(values: ["M": .matrix(identity)]))
        let value = try evaluator.evaluate(m ** .number(Rational(1_000_000_000_000_000_000)))
        #expect(value.components == identity.entries)
    }

    @Test func sumBoundsOfOppositeExtremesAreTooLarge() {
        let e = sum("i", .number(Rational(-Int.max)), .number(Rational(Int.max))) { $0 }
        #expect(throws: EvaluationError.boundTooLarge(node: node(e), count: .max)) { try evaluate(e) }
    }
}
