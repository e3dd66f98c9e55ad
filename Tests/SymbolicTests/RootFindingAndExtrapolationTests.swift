import PropertyBased
import Testing
@testable import Symbolic

struct RootFindingAndExtrapolationTests {
    let bits = 256

    @Test func cubeRootsOfRandomNumbers() async {
        await propertyCheck(count: 30, input: Gen.double(in: 0.001...1000)) { c in
            let target = BigFloat(c, precision: bits)
            let three = BigFloat(3, precision: bits)
            let result = try? RootFinding.newtonBisection(in: BigFloat(0, precision: bits), BigFloat(1001, precision: bits), precision: bits) { x in
                (x * x * x - target, three * x * x)
            }
            guard let root = result?.root else { Issue.record("no root for \(c)"); return }
            #expect(agreementDigits(.scalar(root), .scalar(target.root(3)), capBits: bits) > 70)
        }
    }

    @Test func normalQuantileAsARoot() throws {
        // Φ(z) = n/(n+1) for n = 10^20, bracketed far from the start.
        let p = BigFloat(1, precision: bits) - BigFloat(1, precision: bits) / (BigFloat(10, precision: bits).pow(20) + 1)
        let result = try RootFinding.newtonBisection(in: BigFloat(0, precision: bits), BigFloat(40, precision: bits), precision: bits) { z in
            (NormalDistribution.cdf(z) - p, NormalDistribution.pdf(z))
        }
        #expect(agreementDigits(.scalar(result.root), .scalar(try NormalDistribution.quantile(p)), capBits: bits) > 60)
    }

    @Test func rootFindingReportsBadBrackets() {
        #expect(throws: RootFinding.Failure.self) {
            try RootFinding.newtonBisection(in: BigFloat(1, precision: 64), BigFloat(2, precision: 64), precision: 64) { x in (x * x + 1, x + x) }
        }
    }

    @Test func wynnAcceleratesGeometricSequences() async {
        // s_n = L + c r^n + d ρ^n: Wynn's ε with five terms removes both geometric terms exactly.
        await propertyCheck(count: 30, input: Gen.double(in: 0.1...0.95), Gen.double(in: 0.1...0.95), Gen.double(in: -2...2)) { r, rho, limit in
            let L = BigFloat(limit, precision: bits)
            let s = (0..<7).map { n in
                L + BigFloat(r, precision: bits).pow(n + 3) - BigFloat(0.5, precision: bits) * BigFloat(rho, precision: bits).pow(n + 3)
            }
            guard let x = Extrapolation.wynnEpsilon(s) else { Issue.record("no extrapolation"); return }
            if abs(r - rho) > 0.05 {
                #expect((x - L).magnitude.log10Magnitude < -50, "r = \(r), ρ = \(rho): \(x) vs \(L)")
            }
        }
    }

    @Test func richardsonRemovesPowerLaws() async {
        // s(h) = L + a h + b h² + c h³ at h = 1/2^k: four terms give L exactly.
        await propertyCheck(count: 30, input: Gen.double(in: -3...3), Gen.double(in: -3...3), Gen.double(in: -3...3)) { a, b, c in
            let L = BigFloat(1, precision: bits)
            let h = (0..<4).map { BigFloat(1, precision: bits).timesPowerOfTwo(-$0 - 1) }
            let s = h.map { L + BigFloat(a, precision: bits) * $0 + BigFloat(b, precision: bits) * $0 * $0 + BigFloat(c, precision: bits) * $0 * $0 * $0 }
            guard let x = Extrapolation.richardson(s, steps: h) else { Issue.record("no extrapolation"); return }
            #expect((x - L).magnitude.log10Magnitude < -70)
        }
    }

    @Test func bfloat16RoundsToEightBitsTiesToEven() {
        #expect(BFloat16.round(1.0) == 1.0)
        #expect(BFloat16.round(1 + 1.0 / 256) == 1.0)          // halfway between 1 and 1 + 2^-7: even is 1
        #expect(BFloat16.round(1 + 3.0 / 256) == 1 + 4.0 / 256) // halfway, odd below: rounds up
        #expect(BFloat16.round(1 + 1.1 / 256) == 1 + 1.0 / 128)
        #expect(BFloat16.round(-3.14159) == -3.140625)
        #expect(BFloat16.round(0.0) == 0.0)
    }
}
