"""Exact rationals (:class:`fractions.Fraction`, the one rational type): reading them from certificate
values, which rejects floats and decimal literals, size estimates and canonical text."""
from __future__ import annotations

import hashlib
import re
from fractions import Fraction
from numbers import Integral

from .limits import INT_DIGITS

_RATIONAL = re.compile(r"^\s*([+-]?[0-9]+)(?:\s*/\s*([0-9]+))?\s*$")


class ExactnessError(ValueError):
    """A value that must be exact is not (a float, a decimal literal, garbage)."""


def reject_inexact(values, what: str) -> None:
    """Raise :class:`ExactnessError` if any value is a float (Python, complex or NumPy)."""
    for v in values:
        if isinstance(v, (float, complex)) or (type(v).__module__ == "numpy" and not isinstance(v, Integral)):
            raise ExactnessError(f"{what} contains the inexact value {v!r}; use exactbell.numeric.rationalize")


def to_rational(x) -> Fraction:
    """Convert an int, a Fraction or a string "p/q" / "-7" to a Fraction; reject floats."""
    if isinstance(x, (int, Fraction)) and not isinstance(x, bool):
        return Fraction(x)
    if not isinstance(x, str):
        raise ExactnessError(f"{type(x).__name__} {x!r} where an exact number is required (write it as p/q)")
    m = _RATIONAL.match(x)
    if m is None:
        if re.search(r"[0-9]\.[0-9]*|\.[0-9]|[0-9][eE][+-]?[0-9]", x):
            raise ExactnessError(f"decimal literal {x!r} where an exact number is required (write p/q)")
        raise ExactnessError(f"{x!r} is not a rational number of the form p/q")
    if len(m.group(1).lstrip("+-")) > INT_DIGITS or len(m.group(2) or "") > INT_DIGITS:
        raise ExactnessError(f"a number of more than {INT_DIGITS} digits")
    if int(m.group(2) or 1) == 0:
        raise ExactnessError(f"{x!r} has a zero denominator")
    return Fraction(int(m.group(1)), int(m.group(2) or 1))


def binary(f):
    """The binary operation f of an exact number type, the other operand lifted by ``_lift`` (or NotImplemented)."""
    def op(self, o):
        o = self._lift(o)
        return o if o is NotImplemented else f(self, o)
    return op


def bit_size(v) -> int:
    """Estimated bits of an exact value (rational, field element, polynomial, rational function): size bombs."""
    if isinstance(v, int):
        return v.bit_length()
    if isinstance(v, Fraction):
        return v.numerator.bit_length() + v.denominator.bit_length()
    for attr in ("c", "terms", "coeffs"):
        part = getattr(v, attr, None)
        if part is not None:
            vals = part.values() if isinstance(part, dict) else part
            return sum(bit_size(x) + 1 for x in vals)
    if hasattr(v, "re") and hasattr(v, "im"):
        return bit_size(v.re) + bit_size(v.im)
    if hasattr(v, "num") and hasattr(v, "den"):
        return bit_size(v.num) + bit_size(v.den)
    return 1


def format_rational(q: Fraction | int) -> str:
    """Canonical text of a rational: "3/4", "-7", "0"."""
    q = Fraction(q)
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"


def decimal_string(q: Fraction, digits: int = 6) -> str:
    """Decimal approximation of a rational for display only (rounded half away from zero)."""
    q = Fraction(q)
    sign, (whole, frac) = "-" if q < 0 else "", divmod(int(abs(q) * 10**digits + Fraction(1, 2)), 10**digits)
    return f"{sign}{whole}.{frac:0{digits}d}" if digits else f"{sign}{whole}"


def digest(text: str, n: int = 12) -> str:
    """The first n hex digits of the sha256 of a text (how long texts appear in statements)."""
    return hashlib.sha256(text.encode()).hexdigest()[:n]
