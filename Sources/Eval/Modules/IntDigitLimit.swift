/// CPython's limit on decimal digits converted by `int(text)` (`sys.set_int_max_str_digits`):
/// the conversion is quadratic, so `int('9' * 10**6)` would hold the cell thread for minutes
/// where CPython raises a `ValueError` at once. Per session, as `sys` settings are.
final class IntDigitLimit {
    /// CPython's default; 0 means no limit.
    static let defaultDigits = 4300
    /// CPython refuses limits between 1 and this (`sys.int_info.str_digits_check_threshold`).
    static let threshold = 640

    var maxDigits = IntDigitLimit.defaultDigits

    static func of(_ interpreter: Runtime) -> IntDigitLimit {
        interpreter.state(IntDigitLimit.self) { IntDigitLimit() }
    }

    /// CPython's error for `digits` over the limit in a base that is not a power of two.
    func check(digits: Int, radix: Int) throws {
        guard maxDigits > 0, digits > maxDigits, radix & (radix - 1) != 0 else { return }
        throw PyError(.valueError, "Exceeds the limit (\(maxDigits) digits) for integer string conversion: value has \(digits) digits; use sys.set_int_max_str_digits() to increase the limit")
    }
}
