"""Real number fields Q(α): α the root of m (irreducible, degree ≥ 2) in its canonical isolating interval, the
dyadic (n/2^k, (n+1)/2^k) of least k (one textual form per field). Elements are flint polynomials in α mod m: zero
is exact, signs come from rational interval arithmetic on ever finer isolating intervals (Sturm counts)."""
from __future__ import annotations

from fractions import Fraction
from functools import total_ordering
from itertools import count
from math import floor, prod

from flint import fmpq_poly

from . import limits, upoly
from .numbers import ExactnessError, binary, format_rational, to_rational


class FieldError(ExactnessError):
    """An invalid number-field declaration (reducible polynomial, bad interval ...)."""


class NumberField:
    """Q(α) with α the unique root of ``minpoly`` in the open interval (lo, hi)."""

    def __init__(self, generator: str, minpoly: list[Fraction], lo: Fraction, hi: Fraction):
        m = upoly.flint(minpoly)
        if not 2 <= m.degree() <= limits.FIELD_DEGREE:
            raise FieldError(f"minimal polynomial must have degree 2 to {limits.FIELD_DEGREE} (rationals: degree 1)")
        self.m = m / m.leading_coefficient()
        _, factors = self.m.factor()
        if len(factors) != 1 or factors[0][1] != 1:
            raise FieldError("minimal polynomial is not irreducible over Q")
        self.generator, self.degree = generator, m.degree()
        self.minpoly = upoly.trim(self.m)
        self.lo, self.hi = Fraction(lo), Fraction(hi)  # working interval, refined in place
        if not self.lo < self.hi:
            raise FieldError("isolating interval must have lo < hi")
        if upoly.count_roots(self.minpoly, self.lo, self.hi) != 1:  # no rational roots: open = half-open
            raise FieldError(f"interval ({self.lo}, {self.hi}) does not isolate exactly one root")
        self.interval = self.canonical_interval()

    # -- the real embedding -------------------------------------------------------------
    def refine(self) -> None:
        """Halve the working isolating interval of α (m has no rational root to hit)."""
        mid = (self.lo + self.hi) / 2
        left = upoly.count_roots(self.minpoly, self.lo, mid) == 1
        self.lo, self.hi = (self.lo, mid) if left else (mid, self.hi)

    def canonical_interval(self) -> tuple[Fraction, Fraction]:
        for k in count():
            scale = Fraction(2) ** k
            while self.hi > (floor(self.lo * scale) + 1) / scale:  # until inside one dyadic cell
                self.refine()
            lo = floor(self.lo * scale) / scale
            hi = lo + 1 / scale
            if upoly.count_roots(self.minpoly, lo, hi) == 1:
                return lo, hi

    def __eq__(self, other):
        return isinstance(other, NumberField) and (self.minpoly, self.interval) == (other.minpoly, other.interval)

    def __hash__(self):
        return hash((tuple(self.minpoly), self.interval))

    # -- elements -----------------------------------------------------------------------
    def element(self, coeffs) -> AlgebraicNumber: return AlgebraicNumber(self, coeffs)  # noqa: E704
    def gen(self) -> AlgebraicNumber: return self.element([0, 1])  # noqa: E704

    def describe(self) -> dict:
        g, terms = self.generator, []
        for i, c in reversed(list(enumerate(self.minpoly))):
            if c:
                mono, coef = "" if i == 0 else (g if i == 1 else f"{g}^{i}"), format_rational(c)
                terms.append(f"({coef})*{mono}" if mono and c != 1 else (mono or f"({coef})"))
        return {"generator": g, "minpoly": " + ".join(terms),
                "interval": [format_rational(self.interval[0]), format_rational(self.interval[1])]}

    @classmethod
    def from_spec(cls, spec: dict) -> NumberField:
        """Build from ``{"generator": "s", "minpoly": "s^2 - 2", "interval": ["1", "2"]}``."""
        if not isinstance(spec, dict) or not {"generator", "minpoly", "interval"} <= set(spec):
            raise FieldError("field declaration must be an object with generator, minpoly, interval")
        g = spec["generator"]
        if not isinstance(g, str) or not g.isidentifier():
            raise FieldError(f"generator {g!r} is not a name")
        from .poly import Poly

        coeffs = Poly.parse(spec["minpoly"], [g]).univariate_coefficients(g)
        iv = spec["interval"]
        if not (isinstance(iv, list) and len(iv) == 2):
            raise FieldError("interval must be a list [lo, hi]")
        field = cls(g, coeffs, *map(to_rational, iv))
        if field.interval != tuple(map(to_rational, iv)):
            raise FieldError(f"interval {iv} is not the canonical isolating interval "
                             f"[{format_rational(field.interval[0])}, {format_rational(field.interval[1])}]")
        return field


@total_ordering
class AlgebraicNumber:
    """An element c_0 + c_1 α + … of a :class:`NumberField` (``p`` in flint, ``c`` its coefficients)."""

    __slots__ = ("c", "field", "p")

    def __init__(self, field: NumberField, coeffs):
        if not isinstance(coeffs, fmpq_poly):
            coeffs = upoly.flint(to_rational(x) if isinstance(x, (float, str)) else Fraction(x) for x in coeffs)
        self.field, self.p = field, coeffs % field.m
        self.c = tuple(upoly.trim(self.p))

    def _lift(self, other):
        if isinstance(other, AlgebraicNumber):
            if other.field is not self.field and other.field != self.field:
                raise FieldError("arithmetic between elements of different fields")
            return other
        if isinstance(other, (int, Fraction)) and not isinstance(other, bool):
            return AlgebraicNumber(self.field, [other])
        return NotImplemented

    __add__ = __radd__ = binary(lambda x, y: x.field.element(x.p + y.p))
    __sub__ = binary(lambda x, y: x.field.element(x.p - y.p))
    __rsub__ = binary(lambda x, y: x.field.element(y.p - x.p))
    __mul__ = __rmul__ = binary(lambda x, y: x.field.element(x.p * y.p))
    __truediv__ = binary(lambda x, y: x * y.inverse())
    __rtruediv__ = binary(lambda x, y: y * x.inverse())

    def __neg__(self): return AlgebraicNumber(self.field, -self.p)  # noqa: E704
    def __abs__(self): return -self if self.sign() < 0 else self  # noqa: E704
    def __bool__(self): return bool(self.c)  # noqa: E704
    def is_rational(self) -> bool: return len(self.c) <= 1  # noqa: E704

    def inverse(self) -> AlgebraicNumber:
        """1/x by the extended Euclidean algorithm in Q[t]/(m): s x + t m = g, g a nonzero constant."""
        if not self.c:
            raise ZeroDivisionError("inverse of zero in a number field")
        g, s, _ = self.p.xgcd(self.field.m)
        return AlgebraicNumber(self.field, s / g)

    def __pow__(self, n: int):
        if not isinstance(n, int):
            return NotImplemented
        return self.inverse() ** (-n) if n < 0 else prod([self] * n, start=AlgebraicNumber(self.field, [1]))

    def enclosure(self) -> tuple[Fraction, Fraction]:
        """Exact rational interval containing the value (Horner in interval arithmetic)."""
        lo, hi, a, b = self.field.lo, self.field.hi, Fraction(0), Fraction(0)
        for c in reversed(self.c):
            prods = (a * lo, a * hi, b * lo, b * hi)
            a, b = min(prods) + c, max(prods) + c
        return a, b

    def sign(self) -> int:
        """-1, 0 or 1: refine α's interval until the enclosure excludes 0 (a nonzero element is not 0)."""
        if not self.c:
            return 0
        while True:
            a, b = self.enclosure()
            if a > 0:
                return 1
            if b < 0:
                return -1
            self.field.refine()

    def __eq__(self, o):
        o = self._lift(o)
        return o is not NotImplemented and self.c == o.c

    def __hash__(self):
        return hash(self.c[0]) if len(self.c) == 1 else hash((self.field, self.c)) if self.c else hash(0)

    def __lt__(self, o):
        o = self._lift(o)
        return o if o is NotImplemented else (self - o).sign() < 0

    def to_text(self) -> str:
        """Canonical text, e.g. "1/2 - 3*s + s^2/4" (parses back with the field expression parser)."""
        g, out = self.field.generator, ""
        for i, q in ((i, q) for i, q in enumerate(self.c) if q):
            a, d, mono = abs(q.numerator), q.denominator, g if i == 1 else f"{g}^{i}"
            body = format_rational(abs(q)) if i == 0 else (
                (mono if a == 1 else f"{a}*{mono}") + (f"/{d}" if d != 1 else ""))
            out += (" - " if q < 0 else " + ") + body if out else ("-" if q < 0 else "") + body
        return out or "0"
