"""Exact complex numbers re + i·im over Q (the Gaussian rationals Q(i)) or over a real number field K.

:class:`Gaussian` holds two exact real parts (``Fraction`` or :class:`~exactbell.kernel.algebraic.AlgebraicNumber`
of one field, or any exact commutative ring type such as :class:`~exactbell.kernel.poly.Poly` when only
+, -, * are used). Equality is exact; there is no ordering (complex numbers are not ordered), but the
real part of a Hermitian matrix's diagonal has a sign, which is what :func:`herm_psd` passes to the
shared exact LDLᵀ test :func:`exactbell.kernel.linalg.psd_decide`.

Text form (certificates): an expression in ``i`` and, when a field is declared, its generator, e.g.
``"1/6 + 1/6*i"``, ``"(1 - i)/6"``, ``"s/3 + (s/6)*i"``. Parsing goes through the restricted parser of
:mod:`exactbell.kernel.expr` (never eval). No floats anywhere.
"""
from __future__ import annotations

from fractions import Fraction

from .expr import ExprError, FieldAlgebra, parse
from .numbers import ExactnessError, format_rational

_RATIONAL_TYPES = (int, Fraction)


def _real(x):
    """Lift an exact real scalar; reject floats/bools/complex."""
    if isinstance(x, bool):
        raise ExactnessError(f"boolean {x!r} where an exact number is required")
    if isinstance(x, int):
        return Fraction(x)
    if isinstance(x, (float, complex)):
        raise ExactnessError(f"{type(x).__name__} {x!r} where an exact number is required")
    return x


class Gaussian:
    """re + i·im with exact real parts."""

    __slots__ = ("re", "im")

    def __init__(self, re=0, im=0):
        if isinstance(re, Gaussian):
            raise TypeError("Gaussian(re=Gaussian): use the value itself")
        self.re = _real(re)
        self.im = _real(im)

    # -- construction -----------------------------------------------------------------
    @staticmethod
    def lift(x) -> Gaussian:
        return x if isinstance(x, Gaussian) else Gaussian(x, 0)

    def _coerce(self, o):
        if isinstance(o, Gaussian):
            return o
        if isinstance(o, (float, complex)) or isinstance(o, bool):
            raise ExactnessError(f"{type(o).__name__} {o!r} mixed into exact complex arithmetic")
        if isinstance(o, int):  # keep Python ints as ints: they mix with Fraction, fmpq and field elements
            g = object.__new__(Gaussian)
            g.re, g.im = o, 0
            return g
        try:
            return Gaussian(o, 0)
        except (TypeError, ExactnessError):
            return NotImplemented

    # -- arithmetic --------------------------------------------------------------------
    def conj(self) -> Gaussian:
        return Gaussian(self.re, -self.im)

    def norm(self):
        """|z|² = re² + im² (exact, real)."""
        return self.re * self.re + self.im * self.im

    def __add__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return Gaussian(self.re + o.re, self.im + o.im)

    __radd__ = __add__

    def __neg__(self):
        return Gaussian(-self.re, -self.im)

    def __pos__(self):
        return self

    def __sub__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return Gaussian(self.re - o.re, self.im - o.im)

    def __rsub__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return o - self

    def __mul__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return Gaussian(self.re * o.re - self.im * o.im, self.re * o.im + self.im * o.re)

    __rmul__ = __mul__

    def inverse(self) -> Gaussian:
        n = self.norm()
        if n == 0:
            raise ZeroDivisionError("division by zero (complex)")
        if isinstance(n, int):  # never let int / int become a float
            n = Fraction(n)
        return Gaussian(self.re / n, -self.im / n)

    def __truediv__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return self * o.inverse()

    def __rtruediv__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return o * self.inverse()

    def __pow__(self, n):
        if not isinstance(n, int) or isinstance(n, bool):
            return NotImplemented
        if n < 0:
            return self.inverse() ** (-n)
        out, base = Gaussian(1, 0), self
        while n:
            if n & 1:
                out = out * base
            base = base * base
            n >>= 1
        return out

    # -- comparison --------------------------------------------------------------------
    def __eq__(self, o):
        if isinstance(o, (float, complex)):
            return False
        o = self._coerce(o)
        if o is NotImplemented:
            return False
        return self.re == o.re and self.im == o.im

    def __ne__(self, o):
        return not self == o

    def __hash__(self):
        return hash(self.re) if self.im == 0 else hash((self.re, self.im))

    def __bool__(self):
        return bool(self.re != 0 or self.im != 0)

    def is_real(self) -> bool:
        return self.im == 0

    def real_sign(self) -> int:
        """Sign of the real part (exact)."""
        return real_sign(self.re)

    # -- text --------------------------------------------------------------------------
    def to_text(self) -> str:
        re, im = _text(self.re), _text(self.im)
        if self.im == 0:
            return re
        imt = "i" if im == "1" else "-i" if im == "-1" else f"{im}*i" if im.startswith("(") else f"({im})*i"
        if self.re == 0:
            return imt
        return f"{re} + {imt}"

    def __repr__(self):
        return f"Gaussian({self.to_text()})"


def _text(x) -> str:
    if isinstance(x, _RATIONAL_TYPES):
        return format_rational(x)
    if hasattr(x, "is_rational") and x.is_rational():
        return format_rational(x.c[0]) if x.c else "0"
    return f"({x.to_text()})" if hasattr(x, "to_text") else str(x)


def real_sign(x) -> int:
    if hasattr(x, "sign"):
        return x.sign()
    return (x > 0) - (x < 0)


I = Gaussian(0, 1)
ONE = Gaussian(1, 0)
ZERO = Gaussian(0, 0)


def conj(z):
    return z.conj() if isinstance(z, Gaussian) else z


def parse_gaussian(value, field=None) -> Gaussian:
    """Read a complex scalar: an int, a "p/q" string, or an expression in ``i`` (and the field generator).

    ``field`` is an optional real :class:`~exactbell.kernel.algebraic.NumberField`; its generator name may
    then occur in the expression. The name ``i`` is reserved for the imaginary unit.
    """
    if isinstance(value, bool) or isinstance(value, (float, complex)):
        raise ExactnessError(f"{type(value).__name__} {value!r} where an exact complex number is required")
    if field is not None:
        if field.generator == "i":
            raise ExprError("the field generator may not be called 'i' (reserved for the imaginary unit)")
        lift = lambda q: Gaussian(field.element([q]), field.element([]))  # noqa: E731
        names = {"i": Gaussian(field.element([]), field.element([1])), field.generator: Gaussian(field.gen(), field.element([]))}
    else:
        lift = lambda q: Gaussian(Fraction(q), Fraction(0))  # noqa: E731
        names = {"i": Gaussian(0, 1)}
    if isinstance(value, int):
        return lift(value)
    if isinstance(value, Fraction):
        return lift(value)
    if not isinstance(value, str):
        raise ExactnessError(f"{type(value).__name__} {value!r} where an exact complex number is required")
    v = parse(value, FieldAlgebra(names=names, lift=lift))
    return v if isinstance(v, Gaussian) else lift(v)


def gaussian_text(z) -> str:
    """Canonical text of a complex scalar, readable back by :func:`parse_gaussian`."""
    return Gaussian.lift(z).to_text()


def herm_psd(M, field=None):
    """Exact PSD decision for a Hermitian matrix of :class:`Gaussian` entries (shared LDLᵀ).

    Returns :class:`exactbell.kernel.linalg.PSDResult`; raises ValueError when M is not square or not
    Hermitian. ``field``: the real field of the parts (None = Q), used for the unit element.
    """
    from .linalg import psd_decide

    one = Gaussian(field.element([1]), field.element([])) if field is not None else Gaussian(1, 0)
    rows = [[Gaussian.lift(z) for z in row] for row in M]
    for k, row in enumerate(rows):
        if len(row) != len(rows):
            raise ValueError("matrix is not square")
        if row[k].im != 0:
            raise ValueError(f"diagonal entry ({k},{k}) is not real: matrix is not Hermitian")
    if all(isinstance(z.re, Fraction) and isinstance(z.im, Fraction) for row in rows for z in row):
        return _herm_psd_fmpq(rows)
    return psd_decide(rows, conj=conj, sign=lambda z: real_sign(z.re), one=one)


def _herm_psd_fmpq(rows):
    """Same exact decision over Q(i), with python-flint fmpq parts (faster gcds); results back in Fraction."""
    from flint import fmpq

    from .linalg import PSDResult, psd_decide

    def q(x):
        return fmpq(x.numerator, x.denominator)

    def back(z):
        return Gaussian(Fraction(int(z.re.p), int(z.re.q)), Fraction(int(z.im.p), int(z.im.q)))

    fr = [[Gaussian(q(z.re), q(z.im)) for z in row] for row in rows]
    one = object.__new__(Gaussian)
    one.re, one.im = fmpq(1), fmpq(0)
    res = psd_decide(fr, conj=_conj_fmpq, sign=lambda z: (z.re > 0) - (z.re < 0), one=one)
    pivots = [(k, back(d)) for k, d in res.pivots]
    if res.psd:
        return PSDResult(True, pivots)
    return PSDResult(False, pivots, [back(v) for v in res.witness], back(res.witness_value))


def _conj_fmpq(z):
    g = object.__new__(Gaussian)
    g.re, g.im = z.re, -z.im
    return g


__all__ = ["Gaussian", "I", "ONE", "ZERO", "conj", "parse_gaussian", "gaussian_text", "herm_psd", "real_sign"]
