import Testing
@testable import Symbolic

@Test func smokeGeometricSum() {
    let beta2 = Symbol("beta2")
    let t = Symbol("t")
    let mu = Symbol("mu"), sigma = Symbol("sigma")
    let b: Expr = .symbol(beta2), tt: Expr = .symbol(t)
    let m2: Expr = .symbol(mu) ** 2 + .symbol(sigma) ** 2
    let lhs = (1 - b) * sum("i", 1, tt) { i in b ** (tt - i) * m2 }
    let rhs = (1 - b ** tt) * m2
    let space = ParameterSpace([Parameter(beta2, .uniform(0.5, 0.999)), Parameter(t, .integers(1...60)),
                                Parameter(mu, .uniform(-2, 2)), Parameter(sigma, .uniform(0.1, 3))])
    let v = Checker().check(.identity(Identity(lhs, equals: rhs, over: space)), label: "x")
    print(lhs.latex, "=", rhs.latex)
    print(v.outcome, v.summary)
    #expect(v.outcome == .holds)
    let wrong = Checker().check(.identity(Identity(lhs, equals: (1 - b ** (tt + 1)) * m2, over: space)), label: "x")
    print(wrong.outcome, wrong.summary)
    let lim = Checker().check(.limit(Limit(rhs, tendsTo: m2, along: .increasing(.symbol(t), [50, 100, 150, 200, 250, 300]), order: .geometric(rate: b), over: ParameterSpace([Parameter(beta2, .values([0.9, 0.95])), Parameter(mu, .fixed(0.3)), Parameter(sigma, .fixed(1))]))), label: "y")
    print(lim.outcome, lim.summary)
    let num = Checker().check(.numeric(NumericClaim(sqrt((1 - 0.9) / (1 + 0.9)), quote: "0.2294", style: .leadingDigits)), label: "z")
    print(num.outcome, num.summary)
    let eps = Symbol("eps")
    let approx = Checker().check(.approximation(Approximation(1 - .symbol(eps), approximatedBy: exp(-.symbol(eps)), along: .decades(.symbol(eps), from: 2, to: 8), order: .power(2), over: .empty)), label: "w")
    print(approx.outcome, approx.summary)
}
