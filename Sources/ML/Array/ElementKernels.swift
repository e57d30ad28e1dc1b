/// The element rules of NumPy's ufuncs, one small type each, for `binaryLoop` and
/// `unaryLoop`. Each is generic over the element type so one definition serves every dtype
/// it applies to.

// MARK: - Arithmetic on every numeric type

enum Add<T: NumericElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { T.add(x, y) }
}
enum Subtract<T: NumericElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { T.subtract(x, y) }
}
enum Multiply<T: NumericElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { T.multiply(x, y) }
}

// MARK: - Comparisons

enum Equal<T: ArrayElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> Bool { x == y }
}
enum NotEqual<T: ArrayElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> Bool { x != y }
}
enum Less<T: NumericElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> Bool { x < y }
}
enum LessEqual<T: NumericElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> Bool { x <= y }
}
enum Greater<T: NumericElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> Bool { x > y }
}
enum GreaterEqual<T: NumericElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> Bool { x >= y }
}

// MARK: - Floats

enum Divide<T: FloatElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { x / y }
}
enum FloatFloorDivide<T: FloatElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { pythonFloorDivide(x, y) }
}
enum FloatRemainder<T: FloatElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { pythonRemainder(x, y) }
}
enum FloatPower<T: FloatElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { T.power(x, y) }
}
enum ArcTan2<T: FloatElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { T.arctan2(x, y) }
}
/// NaN wins, as in NumPy's `maximum`. Written as selects so the loop vectorises.
enum FloatMaximum<T: FloatElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { (x >= y || x != x) ? x : y }
}
enum FloatMinimum<T: FloatElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { (x <= y || x != x) ? x : y }
}

// MARK: - Integers

enum IntegerFloorDivide<T: IntegerElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { integerFloorDivide(x, y) }
}
enum IntegerRemainder<T: IntegerElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { integerRemainder(x, y) }
}
enum IntegerPower<T: IntegerElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { integerPower(x, y) }
}
enum IntegerMaximum<T: IntegerElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { x > y ? x : y }
}
enum IntegerMinimum<T: IntegerElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { x < y ? x : y }
}
enum BitwiseAnd<T: IntegerElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { x & y }
}
enum BitwiseOr<T: IntegerElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { x | y }
}
enum BitwiseXor<T: IntegerElement>: BinaryKernel {
    @inline(__always) static func apply(_ x: T, _ y: T) -> T { x ^ y }
}

// MARK: - Bools

enum LogicalOr: BinaryKernel {
    @inline(__always) static func apply(_ x: Bool, _ y: Bool) -> Bool { x || y }
}
enum LogicalAnd: BinaryKernel {
    @inline(__always) static func apply(_ x: Bool, _ y: Bool) -> Bool { x && y }
}
enum BoolLess: BinaryKernel {
    @inline(__always) static func apply(_ x: Bool, _ y: Bool) -> Bool { !x && y }
}
enum BoolLessEqual: BinaryKernel {
    @inline(__always) static func apply(_ x: Bool, _ y: Bool) -> Bool { !x || y }
}
enum BoolGreater: BinaryKernel {
    @inline(__always) static func apply(_ x: Bool, _ y: Bool) -> Bool { x && !y }
}
enum BoolGreaterEqual: BinaryKernel {
    @inline(__always) static func apply(_ x: Bool, _ y: Bool) -> Bool { x || !y }
}

// MARK: - Unary

enum Cast<Source: ArrayElement, Target: ArrayElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: Source) -> Target { x.cast(to: Target.self) }
}
enum Identity<T: ArrayElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { x }
}
enum Square<T: NumericElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.multiply(x, x) }
}
enum FloatNegative<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { -x }
}
enum FloatAbsolute<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { Swift.abs(x) }
}
enum FloatSign<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { x > 0 ? 1 : x < 0 ? -1 : x }
}
enum FloatReciprocal<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { 1 / x }
}
enum SquareRoot<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { x.squareRoot() }
}
enum Floor<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { x.rounded(.down) }
}
enum Ceil<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { x.rounded(.up) }
}
enum Truncate<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { x.rounded(.towardZero) }
}
enum RoundHalfEven<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { x.rounded(.toNearestOrEven) }
}
enum Exp<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.exp(x) }
}
enum Expm1<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.expm1(x) }
}
enum Log<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.log(x) }
}
enum Log2<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.log2(x) }
}
enum Log10<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.log10(x) }
}
enum Log1p<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.log1p(x) }
}
enum Sin<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.sin(x) }
}
enum Cos<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.cos(x) }
}
enum Tan<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.tan(x) }
}
enum ArcSin<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.arcsin(x) }
}
enum ArcCos<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.arccos(x) }
}
enum ArcTan<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.arctan(x) }
}
enum Sinh<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.sinh(x) }
}
enum Cosh<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.cosh(x) }
}
enum Tanh<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { T.tanh(x) }
}
enum IsNaN<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> Bool { x != x }
}
enum IsInfinite<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> Bool { x.isInfinite }
}
enum IsFinite<T: FloatElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> Bool { x.isFinite }
}
enum IsZero<T: ArrayElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> Bool { x == T.zero }
}
enum IntegerNegative<T: IntegerElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { 0 &- x }
}
enum IntegerAbsolute<T: IntegerElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { x < 0 ? 0 &- x : x }
}
enum IntegerSign<T: IntegerElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { x > 0 ? 1 : x < 0 ? 0 &- 1 : 0 }
}
/// 1/x in integers: 1 for 1, -1 for -1, 0 otherwise (NumPy warns for 0 and gives 0).
enum IntegerReciprocal<T: IntegerElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { x == 1 ? 1 : (T.isSigned && x == 0 &- 1) ? x : 0 }
}
enum IntegerInvert<T: IntegerElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> T { ~x }
}
enum IsNegative<T: IntegerElement>: UnaryKernel {
    @inline(__always) static func apply(_ x: T) -> Bool { x < 0 }
}
enum LogicalNot: UnaryKernel {
    @inline(__always) static func apply(_ x: Bool) -> Bool { !x }
}
