"""Exact complex numbers re + i·im over Q (Q(i)) or a real number field K (K(i)); the parts may be any exact ring
(e.g. :class:`~exactbell.kernel.poly.Poly`) when only +, -, * are used. Text form: an expression in ``i`` and the
field generator (``"(1 - i)/6"``), read by :func:`read_matrix` with the parser of :mod:`.expr` (never eval)."""
from fractions import Fraction
from math import prod

from .linalg import is_matrix, psd_decide
from .numbers import ExactnessError, binary
from .params import scalar_text


class Gaussian:
    """re + i·im with exact real parts."""

    __slots__ = ("re", "im")

    def __init__(self, re=0, im=0):
        for x in (re, im):
            if isinstance(x, (bool, float, complex, Gaussian)):
                raise ExactnessError(f"{type(x).__name__} {x!r} where an exact real number is required")
        self.re = Fraction(re) if isinstance(re, int) else re
        self.im = Fraction(im) if isinstance(im, int) else im

    @staticmethod
    def lift(x) -> "Gaussian":
        """x as a complex number; Python ints stay ints (they mix with every exact real type)."""
        if isinstance(x, Gaussian):
            return x
        if type(x) is not int:
            return Gaussian(x, 0)  # rejects floats, bools and complex
        g = object.__new__(Gaussian)
        g.re, g.im = x, 0
        return g

    def conj(self) -> "Gaussian":
        return Gaussian(self.re, -self.im)

    _lift = lift  # the other operand of a field operation: floats, bools and complex are rejected
    __add__ = __radd__ = binary(lambda x, y: Gaussian(x.re + y.re, x.im + y.im))
    __sub__ = binary(lambda x, y: Gaussian(x.re - y.re, x.im - y.im))
    __rsub__ = binary(lambda x, y: Gaussian(y.re - x.re, y.im - x.im))
    __mul__ = __rmul__ = binary(lambda x, y: Gaussian(x.re * y.re - x.im * y.im, x.re * y.im + x.im * y.re))
    __truediv__ = binary(lambda x, y: x * y.inverse())
    __rtruediv__ = binary(lambda x, y: y * x.inverse())

    def __neg__(self): return Gaussian(-self.re, -self.im)  # noqa: E704

    def inverse(self) -> "Gaussian":
        n = self.re * self.re + self.im * self.im  # |z|^2
        if n == 0:
            raise ZeroDivisionError("division by zero (complex)")
        n = Fraction(n) if isinstance(n, int) else n  # never let int / int become a float
        return Gaussian(self.re / n, -self.im / n)

    def __pow__(self, n):
        if not isinstance(n, int) or isinstance(n, bool):
            return NotImplemented
        return self.inverse() ** (-n) if n < 0 else prod([self] * n, start=Gaussian(1, 0))

    def __eq__(self, o):
        if isinstance(o, (float, complex)):
            return False
        o = Gaussian.lift(o)
        return self.re == o.re and self.im == o.im

    def __hash__(self):
        return hash(self.re) if self.im == 0 else hash((self.re, self.im))

    def __bool__(self):
        return bool(self.re != 0 or self.im != 0)

    def to_text(self) -> str:
        re, im = _text(self.re), _text(self.im)
        if self.im == 0:
            return re
        imt = "i" if im == "1" else "-i" if im == "-1" else f"{im}*i" if im.startswith("(") else f"({im})*i"
        return imt if self.re == 0 else f"{re} + {imt}"

    def __repr__(self):
        return f"Gaussian({self.to_text()})"


def _text(x) -> str:
    """A part's text, in parentheses unless it is rational."""
    t = scalar_text(x)
    return t if isinstance(x, (int, Fraction)) or getattr(x, "is_rational", bool)() else f"({t})"


def real_sign(x) -> int:
    return x.sign() if hasattr(x, "sign") else (x > 0) - (x < 0)


I, ONE, ZERO = Gaussian(0, 1), Gaussian(1, 0), Gaussian(0, 0)


def conj(z):
    return z.conj() if isinstance(z, Gaussian) else z


def read_matrix(ctx, where, raw, n=None, m=None):
    """The n×m matrix ``raw`` (square of any size when n is None) of scalar expressions with i = √−1."""
    size = len(raw) if n is None and isinstance(raw, list) else n
    if not size or not is_matrix(raw, size, m):
        raise ctx.fail(where, f"must be a {'square' if n is None else f'{n}x{m or n}'} matrix (list of rows)")
    one = ctx.one
    ctx.constants["i"] = Gaussian(0 * one, one)  # the name i exists only here
    try:
        return ctx.guard(where, lambda: [[Gaussian.lift(ctx.scalar(v)) for v in r] for r in raw])
    finally:
        del ctx.constants["i"]


def gaussian_text(z) -> str:
    """Canonical text of a complex scalar, readable back by :func:`read_matrix`."""
    return Gaussian.lift(z).to_text()


def matrix_text(X) -> str:
    return "[" + "; ".join(", ".join(map(gaussian_text, r)) for r in X) + "]"


def herm_psd(M, field=None):
    """:func:`~.linalg.psd_decide` for a Hermitian matrix of Gaussians with parts in ``field`` (None: Q)."""
    one = Gaussian(field.element([1]), field.element([])) if field is not None else Gaussian(1, 0)
    rows = [[Gaussian.lift(z) for z in row] for row in M]
    return psd_decide(rows, conj=conj, sign=lambda z: real_sign(z.re), one=one)
