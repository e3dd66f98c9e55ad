import Derivations
import Foundation
import Symbolic

/// Times E[z_max] = ∫ z n Φ(z)^{n-1} φ(z) dz at D digits for the n given on the command line and
/// prints "RESULT<TAB>swift<TAB>n<TAB>median seconds<TAB>value".
///
///     ZMaxBenchmark [--digits 50] [--repeat 3] N...
var digits = 50
var repeats = 3
var sizes: [String] = []
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--digits": digits = arguments.popFirst().flatMap(Int.init) ?? digits
    case "--repeat": repeats = arguments.popFirst().flatMap(Int.init) ?? repeats
    default: sizes.append(argument)
    }
}
guard !sizes.isEmpty, digits >= 10, repeats >= 1 else {
    FileHandle.standardError.write(Data("usage: ZMaxBenchmark [--digits D ≥ 10] [--repeat R ≥ 1] N...\n".utf8))
    exit(2)
}
// Guard bits beyond the requested digits, as the checker uses (+32).
let bits = Precision.bits(forDigits: digits) + 32
for text in sizes {
    guard let n = BigFloat(text, precision: bits + 400), n >= BigFloat(2, precision: 64) else {
        FileHandle.standardError.write(Data("not a size ≥ 2: \(text)\n".utf8))
        exit(2)
    }
    var times: [Double] = []
    var value = BigFloat(0, precision: bits)
    for _ in 0..<repeats {
        let clock = ContinuousClock()
        let start = clock.now
        do {
            value = try ArticleNumerics.expectedMaximumOfGaussians(n: n, bits: bits)
        } catch {
            FileHandle.standardError.write(Data("E[z_max] failed for n = \(text): \(error)\n".utf8))
            exit(1)
        }
        let elapsed = clock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
    }
    let median = times.sorted()[times.count / 2]
    print("RESULT\tswift\t\(text)\t\(String(format: "%.6f", median))\t\(value.decimalString(digits: digits))")
}
