"""The lab's decimal: exact decimal numbers as SQLAlchemy's Numeric columns give them —
construction from text, integers and floats, +, -, *, / (28 significant digits), comparisons,
quantize with the common rounding modes, and Python's str and repr. The coefficient is an
integer of the lab's Python (64 bits): plenty for amounts of money, but a quotient keeps about
18 significant digits where CPython keeps 28."""

ROUND_HALF_EVEN = "ROUND_HALF_EVEN"
ROUND_HALF_UP = "ROUND_HALF_UP"
ROUND_DOWN = "ROUND_DOWN"
ROUND_UP = "ROUND_UP"
ROUND_FLOOR = "ROUND_FLOOR"
ROUND_CEILING = "ROUND_CEILING"
_PRECISION = 28


class InvalidOperation(ArithmeticError):
    pass


class DivisionByZero(ZeroDivisionError):
    pass


def _parse(text):
    text = text.strip().replace("_", "")
    sign = 1
    if text[:1] in "+-":
        sign = -1 if text[0] == "-" else 1
        text = text[1:]
    exponent = 0
    if "e" in text.lower():
        text, _, exp = text.lower().partition("e")
        exponent = int(exp)
    whole, _, fraction = text.partition(".")
    digits = whole + fraction
    if not digits or not digits.isdigit():
        raise InvalidOperation("[<class 'decimal.ConversionSyntax'>]")
    return sign * int(digits), exponent - len(fraction)


class Decimal:
    def __init__(self, value="0"):
        if isinstance(value, Decimal):
            self._int, self._exp = value._int, value._exp
        elif isinstance(value, bool):
            self._int, self._exp = int(value), 0
        elif isinstance(value, int):
            self._int, self._exp = value, 0
        elif isinstance(value, float):
            self._int, self._exp = _parse(repr(value))
        elif isinstance(value, str):
            self._int, self._exp = _parse(value)
        elif isinstance(value, tuple):
            sign, digits, exp = value
            number = 0
            for d in digits:
                number = number * 10 + d
            self._int, self._exp = (-number if sign else number), exp
        else:
            raise TypeError(f"conversion from {type(value).__name__} to Decimal is not supported")

    @classmethod
    def _make(cls, number, exp):
        d = cls(0)
        d._int, d._exp = number, exp
        return d

    def __str__(self):
        number, exp = self._int, self._exp
        sign = "-" if number < 0 else ""
        digits = str(abs(number))
        if exp == 0:
            return sign + digits
        adjusted = len(digits) + exp - 1
        if exp > 0:
            mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
            return f"{sign}{mantissa}E+{adjusted}"
        adjusted = len(digits) + exp - 1
        if adjusted < -6:
            mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
            return f"{sign}{mantissa}E{adjusted}"
        point = len(digits) + exp
        if point > 0:
            return f"{sign}{digits[:point]}.{digits[point:]}"
        return f"{sign}0.{'0' * -point}{digits}"

    def __repr__(self):
        return f"Decimal('{self}')"

    def __format__(self, spec):
        if not spec:
            return str(self)
        return format(float(self), spec)

    def _aligned(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return None
        exp = min(self._exp, other._exp)
        return self._int * 10 ** (self._exp - exp), other._int * 10 ** (other._exp - exp), exp

    def __add__(self, other):
        aligned = self._aligned(other)
        if aligned is None:
            return NotImplemented
        a, b, exp = aligned
        return Decimal._make(a + b, exp)

    __radd__ = __add__

    def __sub__(self, other):
        aligned = self._aligned(other)
        if aligned is None:
            return NotImplemented
        a, b, exp = aligned
        return Decimal._make(a - b, exp)

    def __rsub__(self, other):
        return _convert(other) - self

    def __mul__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        return Decimal._make(self._int * other._int, self._exp + other._exp)

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = _convert(other)
        if other is NotImplemented:
            return NotImplemented
        if other._int == 0:
            raise DivisionByZero("[<class 'decimal.DivisionByZero'>]")
        if self._int == 0:
            return Decimal._make(0, self._exp - other._exp)
        # Scale the dividend until the quotient has the context's precision, then drop the zeros
        # an exact quotient does not need.
        shift = 0
        number = self._int
        while len(str(abs(number // other._int))) < _PRECISION and abs(number) < 10 ** 17:
            number *= 10
            shift += 1
        quotient, remainder = divmod(abs(number), abs(other._int))
        if remainder * 2 > abs(other._int) or (remainder * 2 == abs(other._int) and quotient % 2):
            quotient += 1
        negative = (self._int < 0) != (other._int < 0)
        exp = self._exp - other._exp - shift
        ideal = self._exp - other._exp
        while exp < ideal and quotient % 10 == 0 and remainder == 0:
            quotient //= 10
            exp += 1
        return Decimal._make(-quotient if negative else quotient, exp)

    def __rtruediv__(self, other):
        return _convert(other) / self

    def __neg__(self):
        return Decimal._make(-self._int, self._exp)

    def __pos__(self):
        return self

    def __abs__(self):
        return Decimal._make(abs(self._int), self._exp)

    def _compare(self, other):
        aligned = self._aligned(other)
        if aligned is None:
            return None
        a, b, _ = aligned
        return (a > b) - (a < b)

    def __eq__(self, other):
        if isinstance(other, float):
            return float(self) == other
        c = self._compare(other)
        return NotImplemented if c is None else c == 0

    def __lt__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c < 0

    def __le__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c > 0

    def __ge__(self, other):
        c = self._compare(other)
        return NotImplemented if c is None else c >= 0

    def __hash__(self):
        return hash(float(self))

    def __bool__(self):
        return self._int != 0

    def __float__(self):
        return float(str(self))

    def __int__(self):
        if self._exp >= 0:
            return self._int * 10 ** self._exp
        value = abs(self._int) // 10 ** -self._exp
        return -value if self._int < 0 else value

    def quantize(self, exp, rounding=None):
        target = _convert(exp)._exp
        if target <= self._exp:
            return Decimal._make(self._int * 10 ** (self._exp - target), target)
        factor = 10 ** (target - self._exp)
        number = abs(self._int)
        quotient, remainder = divmod(number, factor)
        mode = rounding or ROUND_HALF_EVEN
        negative = self._int < 0
        half = remainder * 2
        if mode == ROUND_HALF_EVEN:
            up = half > factor or (half == factor and quotient % 2 == 1)
        elif mode == ROUND_HALF_UP:
            up = half >= factor
        elif mode == ROUND_DOWN:
            up = False
        elif mode == ROUND_UP:
            up = remainder > 0
        elif mode == ROUND_FLOOR:
            up = remainder > 0 and negative
        else:
            up = remainder > 0 and not negative
        if up:
            quotient += 1
        return Decimal._make(-quotient if negative else quotient, target)

    def as_tuple(self):
        return (1 if self._int < 0 else 0, tuple(int(d) for d in str(abs(self._int))), self._exp)


def _convert(value):
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return NotImplemented
