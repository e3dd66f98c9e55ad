// Times S = Σ_{j=1}^{t} (b3^(t-j+1) - b1^(t-j+1)) · sin(j) with the Symbolic package,
// once as a hand-written BigFloat loop and once through the expression evaluator.
//
//   SumBenchmark [--repeat N] [--warmup W] [--terms T] [--precision BITS] [--digits D] [--method all|loop|expr]
//   SumBenchmark --check VALUE VALUE...    (exit 1 unless all agree to 1e-70 relative)
//
// Each timed method prints one machine-readable line on stdout:
//   RESULT<TAB>name<TAB>median seconds<TAB>min seconds<TAB>value (D significant digits)
// Individual repetitions go to stderr; W untimed warm-up runs (default 1) precede them.

import Symbolic
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Options {
    var repetitions = 5
    var warmup = 1
    var terms = 20_000
    var precision = 256
    var digits = 75
    var methods: Set<String> = ["loop", "expr"]
    var check: [String]? = nil
    var tolerance = "1e-70"
}

func usage() -> Never {
    print("""
    usage: SumBenchmark [--repeat N] [--warmup W] [--terms T] [--precision BITS] [--digits D] [--method all|loop|expr]
           SumBenchmark --check VALUE VALUE... [--tolerance 1e-70]
    """)
    exit(2)
}

func parse(_ arguments: [String]) -> Options {
    var options = Options()
    var rest = arguments[...]
    func next<T>(_ flag: String, _ convert: (String) -> T?) -> T {
        guard let text = rest.popFirst(), let value = convert(text) else {
            print("SumBenchmark: \(flag) needs a valid value")
            usage()
        }
        return value
    }
    while let flag = rest.popFirst() {
        switch flag {
        case "--repeat", "-n": options.repetitions = max(1, next(flag) { Int($0) })
        case "--warmup": options.warmup = max(0, next(flag) { Int($0) })
        case "--terms", "-t": options.terms = next(flag) { Int($0) }
        case "--precision", "-p": options.precision = next(flag) { Int($0) }
        case "--digits": options.digits = next(flag) { Int($0) }
        case "--tolerance": options.tolerance = next(flag) { $0 }
        case "--method", "-m":
            let m = next(flag) { $0 }
            switch m {
            case "all": options.methods = ["loop", "expr"]
            case "loop", "expr": options.methods = [m]
            default: usage()
            }
        case "--check":
            var values: [String] = []
            while let v = rest.first, !v.hasPrefix("--") { values.append(v); rest.removeFirst() }
            options.check = values
        case "--help", "-h": usage()
        default:
            print("SumBenchmark: unknown option \(flag)")
            usage()
        }
    }
    return options
}

// MARK: the two Swift ways

/// b3 = 1 - 1e-4 and b1 = 0.9, each correctly rounded once to `bits` (as the C program does).
func parameters(_ bits: Int) -> (b3: BigFloat, b1: BigFloat) {
    (BigFloat(Rational(9999, 10000)!, precision: bits), BigFloat(Rational(9, 10)!, precision: bits))
}

/// The direct loop: the same MPFR operations, in the same order, as benchmarks/sum_mpfr.c.
func directLoop(terms t: Int, precision bits: Int) -> BigFloat {
    let (b3, b1) = parameters(bits)
    var total = BigFloat(0, precision: bits)
    for j in 1...t {
        let n = t - j + 1
        let difference = b3.pow(n) - b1.pow(n)
        let s = BigFloat(j, precision: bits).sin()
        total += difference * s
    }
    return total
}

/// The expression tree, built with the package's builders.
func expression() -> Expr {
    let b3 = Expr.symbol("b3"), b1 = Expr.symbol("b1"), t = Expr.symbol("t")
    return sum("j", 1, t) { j in (b3 ** (t - j + 1) - b1 ** (t - j + 1)) * sin(j) }
}

func evaluateTree(_ e: Expr, terms t: Int, precision bits: Int) -> BigFloat {
    let (b3, b1) = parameters(bits)
    let environment = Environment(values: [
        "b3": .scalar(b3),
        "b1": .scalar(b1),
        "t": .scalar(BigFloat(t, precision: bits)),
    ])
    do {
        return try Evaluator(precision: bits, environment: environment).scalar(e)
    } catch {
        print("SumBenchmark: evaluation failed: \(error)")
        exit(1)
    }
}

// MARK: timing

func seconds(_ d: Duration) -> Double {
    let c = d.components
    return Double(c.seconds) + Double(c.attoseconds) * 1e-18
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func measure(_ name: String, _ options: Options, _ body: () -> BigFloat) -> BigFloat {
    let clock = ContinuousClock()
    var times: [Double] = []
    var value = BigFloat(0, precision: options.precision)
    for _ in 0..<options.warmup { value = body() }
    for r in 1...options.repetitions {
        let start = clock.now
        value = body()
        let elapsed = seconds(clock.now - start)
        times.append(elapsed)
        printError("\(name) rep \(r): \(elapsed) s")
    }
    let text = value.decimalString(digits: options.digits)
    print("RESULT\t\(name)\t\(median(times))\t\(times.min()!)\t\(text)")
    return value
}

func printError(_ s: String) {
    var stream = StandardError()
    print(s, to: &stream)
}

/// Writes to file descriptor 2 (the C `stderr` global is not concurrency-safe in Swift 6).
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var copy = string
        copy.withUTF8 { bytes in _ = writeToStandardError(bytes.baseAddress, bytes.count) }
    }
}

private func writeToStandardError(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int {
    write(2, bytes, count)
}

// MARK: agreement check

/// Every value must agree with the first to `tolerance` relative (compared at 1024 bits).
func check(_ texts: [String], tolerance: String) -> Int32 {
    guard texts.count >= 2 else { print("check: need at least two values"); return 2 }
    let bits = 1024
    guard let tol = BigFloat(tolerance, precision: bits) else { print("check: bad tolerance"); return 2 }
    var values: [BigFloat] = []
    for t in texts {
        guard let v = BigFloat(t, precision: bits), v.isFinite else {
            print("check: cannot parse '\(t)'")
            return 1
        }
        values.append(v)
    }
    let reference = values[0]
    var ok = true
    for (i, v) in values.enumerated().dropFirst() {
        let scale = BigFloat.max(reference.magnitude, v.magnitude)
        let difference = (v - reference).magnitude
        let relative = scale.isZero ? difference : difference / scale
        let agrees = relative <= tol
        ok = ok && agrees
        print("check: value \(i + 1) vs value 1: relative difference \(relative.decimalString(digits: 3)) \(agrees ? "ok" : "DISAGREES (> \(tolerance))")")
    }
    return ok ? 0 : 1
}

// MARK: main

let options = parse(Array(CommandLine.arguments.dropFirst()))
if let values = options.check {
    exit(check(values, tolerance: options.tolerance))
}
printError("terms=\(options.terms) precision=\(options.precision) repeat=\(options.repetitions)")
var results: [BigFloat] = []
if options.methods.contains("loop") {
    results.append(measure("swift-bigfloat-loop", options) { directLoop(terms: options.terms, precision: options.precision) })
}
if options.methods.contains("expr") {
    let e = expression()
    results.append(measure("swift-evaluator", options) { evaluateTree(e, terms: options.terms, precision: options.precision) })
}
if results.count == 2 {
    let status = check(results.map { $0.decimalString(digits: options.digits) }, tolerance: options.tolerance)
    if status != 0 { exit(status) }
}
