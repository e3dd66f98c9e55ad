import Testing
@testable import Symbolic

struct BigFloatTests {
    let bits = 256

    func close(_ a: BigFloat, _ b: BigFloat, digits: Double = 70) -> Bool {
        agreementDigits(.scalar(a), .scalar(b), capBits: 256) >= digits
    }

    @Test func resultTakesTheLargerPrecision() {
        let wide = BigFloat(1, precision: 300) / BigFloat(3, precision: 300)
        let narrow = BigFloat(2, precision: 64)
        #expect((wide * narrow).precision == 300)
        #expect((narrow + wide).precision == 300)
        #expect(BigFloat(7).precision == 64)
    }

    @Test func rationalConversionIsCorrectlyRounded() {
        let third = BigFloat(Rational(1, 3)!, precision: bits)
        #expect(close(third * BigFloat(3, precision: bits), BigFloat(1, precision: bits), digits: 76))
        let tenth = BigFloat(Rational(decimal: "0.1")!, precision: bits)
        #expect(tenth == BigFloat("0.1", precision: bits)!)
    }

    @Test func copyOnWriteKeepsCopiesIndependent() {
        let a = BigFloat(5, precision: bits)
        var b = a
        b += BigFloat(1, precision: bits)
        #expect(a == BigFloat(5, precision: bits))
        #expect(b == BigFloat(6, precision: bits))
        var c = BigFloat(2, precision: bits)
        c.addProduct(BigFloat(3, precision: bits), BigFloat(4, precision: bits))
        #expect(c == BigFloat(14, precision: bits))
    }

    @Test func elementaryIdentities() {
        let x = BigFloat("0.7368", precision: bits)!
        let one = BigFloat(1, precision: bits)
        #expect(close(x.sin() * x.sin() + x.cos() * x.cos(), one))
        #expect(close(x.log().exp(), x))
        #expect(close(x.erf() + x.erfc(), one))
        #expect(close(x.expm1(), x.exp() - one, digits: 70))
        #expect(close(x.log1p(), (one + x).log()))
        #expect(close(x.atan().tan(), x))
        #expect(close(x.pow(BigFloat(Rational(1, 2)!, precision: bits)), x.squareRoot()))
        #expect(close(x.pow(3), x * x * x))
        #expect(close(x.root(3).pow(3), x))
        // Γ(6) = 5!, log Γ = log of Γ, ψ(1) = -γ.
        #expect(close(BigFloat(6, precision: bits).gamma(), BigFloat(120, precision: bits)))
        #expect(close(x.lgamma(), x.gamma().log()))
        #expect(close(BigFloat(1, precision: bits).digamma(), -BigFloat.eulerGamma(precision: bits)))
        #expect(close(BigFloat.pi(precision: bits).cos(), -one))
        #expect(close(BigFloat.e(precision: bits).log(), one))
    }

    @Test func parsingAndPrinting() {
        #expect(BigFloat("not a number", precision: 64) == nil)
        #expect(BigFloat("", precision: 64) == nil)
        #expect(BigFloat("1.5e3", precision: 64) == BigFloat(1500))
        let value = BigFloat("0.2294157338705617659072", precision: bits)!
        #expect(value.decimalString(digits: 8) == "2.2941573e-1")
        #expect(value.formatted(digits: 6) == "0.229416")
        #expect(BigFloat(-1500).formatted(digits: 4) == "-1500")
        #expect(BigFloat.nan().decimalString(digits: 5) == "nan")
        let reparsed = BigFloat(value.decimalString(digits: 77), precision: bits)!
        #expect(close(reparsed, value, digits: 75))
    }

    @Test func normalDistribution() throws {
        let bits = 200
        for text in ["0.5", "0.975", "1e-10", "0.999999", "1e-300"] {
            let p = BigFloat(text, precision: bits)!
            let z = try NormalDistribution.quantile(p)
            let back = NormalDistribution.cdf(z)
            #expect(agreementDigits(.scalar(back), .scalar(p), capBits: bits) > 55, "Φ(Φ⁻¹(\(text)))")
        }
        // Symmetry Φ(-x) = 1 - Φ(x) and the survival function without cancellation.
        let x = BigFloat("1.3", precision: bits)!
        #expect(agreementDigits(.scalar(NormalDistribution.cdf(-x)), .scalar(NormalDistribution.survival(x)), capBits: bits) > 55)
        #expect(throws: NormalDistribution.QuantileError.self) { try NormalDistribution.quantile(BigFloat(1, precision: bits)) }
        #expect(throws: NormalDistribution.QuantileError.self) { try NormalDistribution.quantile(BigFloat(-1, precision: bits)) }
    }

    @Test func rationalArithmeticReportsOverflow() {
        #expect(Rational(decimal: "0.95") == Rational(19, 20))
        #expect(Rational(decimal: "1e-4") == Rational(1, 10000))
        #expect(Rational(decimal: "abc") == nil)
        #expect(Rational(1, 0) == nil)
        let big = Rational(Int.max / 2)
        #expect(big.multiplying(Rational(4)) == nil)
        #expect(Rational(2).power(10) == Rational(1024))
    }
}
