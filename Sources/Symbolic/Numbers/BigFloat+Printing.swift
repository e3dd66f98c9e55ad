import CMPFR

extension BigFloat: CustomStringConvertible {
    /// Scientific notation with `digits` significant digits, e.g. "2.294157e-1".
    /// NaN and infinities print as "nan", "inf", "-inf".
    public func decimalString(digits: Int) -> String {
        if isNaN { return "nan" }
        if isInfinite { return isNegative ? "-inf" : "inf" }
        if isZero { return "0" }
        let count = Swift.max(digits, 1)
        var exp: mpfr_exp_t = 0
        guard let raw = mpfr_get_str(nil, &exp, 10, count, box.pointer, MPFR_RNDN) else { return "nan" }
        defer { mpfr_free_str(raw) }
        var mantissa = String(cString: raw)
        var sign = ""
        if mantissa.hasPrefix("-") { sign = "-"; mantissa.removeFirst() }
        let head = mantissa.prefix(1)
        let tail = mantissa.dropFirst()
        let exponent = Int(exp) - 1
        let body = tail.isEmpty ? String(head) : "\(head).\(tail)"
        return exponent == 0 ? sign + body : "\(sign)\(body)e\(exponent)"
    }

    /// Positional notation when the exponent is moderate, scientific otherwise.
    public func formatted(digits: Int) -> String {
        if !isFinite || isZero { return decimalString(digits: digits) }
        let exponent = Int(log10Magnitude.rounded(.down))
        guard exponent >= -5 && exponent < 12 else { return decimalString(digits: digits) }
        let scientific = decimalString(digits: digits)
        var sign = ""
        var text = Substring(scientific)
        if text.hasPrefix("-") { sign = "-"; text = text.dropFirst() }
        let mantissaPart = text.split(separator: "e").first.map(String.init) ?? String(text)
        let printedExponent = text.split(separator: "e").count > 1 ? Int(text.split(separator: "e")[1]) ?? 0 : 0
        let digitsOnly = mantissaPart.filter { $0 != "." }
        if printedExponent >= 0 {
            let integerCount = printedExponent + 1
            if digitsOnly.count <= integerCount {
                return sign + digitsOnly + String(repeating: "0", count: integerCount - digitsOnly.count)
            }
            let split = digitsOnly.index(digitsOnly.startIndex, offsetBy: integerCount)
            return sign + digitsOnly[..<split] + "." + digitsOnly[split...]
        }
        return sign + "0." + String(repeating: "0", count: -printedExponent - 1) + digitsOnly
    }

    public var description: String { decimalString(digits: Precision.digits(forBits: precision)) }
}

