"""Causal inequalities of Liu–Chiribella §II / Apps. B–C as correlation tables {(a, x): α_{a,x}}.

Coefficients follow claims/001.md §3 (settings uniform; Bob's OCB setting x₂ = 2b + c).
``alpha`` may be a Fraction or a field element; all builders are exact and float-free.
"""
from __future__ import annotations

from fractions import Fraction

from ..kernel.scenario import Scenario

BINARY = Scenario((2, 2), (2, 2))
OCB_SCENARIO = Scenario((2, 4), (2, 2))


def _table(sc, f):
    return {(a, x): f(a, x) for a, x in sc.entries()}


def gyni():
    """I_GYNI = ¼ Σ_{x1,x2} p(a1 = x2, a2 = x1 | x1, x2)."""
    q = Fraction(1, 4)
    return BINARY, _table(BINARY, lambda a, x: q if (a[0] == x[1] and a[1] == x[0]) else Fraction(0))


def lgyni():
    """I_LGYNI = (P¹¹ + P⁰¹ + P¹⁰ + 1)/4 with P¹¹ = p(1,1|1,1), P⁰¹ = p_B(0|0,1), P¹⁰ = p_A(0|1,0)."""
    q = Fraction(1, 4)

    def f(a, x):
        if x == (1, 1):
            return q if a == (1, 1) else Fraction(0)
        if x == (0, 1):
            return q if a[1] == 0 else Fraction(0)
        if x == (1, 0):
            return q if a[0] == 0 else Fraction(0)
        return q
    return BINARY, _table(BINARY, f)


def biased_lgyni(al):
    """I_{LGYNI,α} = α P¹¹ + (1−α)(P⁰¹ + P¹⁰)/2 (App. C, Eq. 48)."""
    h = (1 - al) / 2
    zero = al * 0

    def f(a, x):
        if x == (1, 1):
            return al if a == (1, 1) else zero
        if x == (0, 1):
            return h if a[1] == 0 else zero
        if x == (1, 0):
            return h if a[0] == 0 else zero
        return zero
    return BINARY, _table(BINARY, f)


def biased_ocb(al):
    """I_{OCB,α} = P(a1 = b | c = 0) + α P(a2 = x1 | c = 1) (Eq. 6); α = 1 is OCB."""
    q = Fraction(1, 4)
    zero = al * 0

    def f(a, x):
        b, c = divmod(x[1], 2)
        if c == 0:
            return q + zero if a[0] == b else zero
        return q * al if a[1] == x[0] else zero
    return OCB_SCENARIO, _table(OCB_SCENARIO, f)


def ocb():
    return biased_ocb(Fraction(1))


def ocb_piece(al, xs: int, bs: int):
    """Single-trigger piece (Eq. 31): P(a1 = b | x1 = x*, c = 0) + α P(a2 = x1 | b = b*, c = 1)."""
    h = Fraction(1, 2)
    zero = al * 0

    def f(a, x):
        b, c = divmod(x[1], 2)
        if c == 0:
            return h + zero if (x[0] == xs and a[0] == b) else zero
        return h * al if (b == bs and a[1] == x[0]) else zero
    return OCB_SCENARIO, _table(OCB_SCENARIO, f)


BUILTIN = {"gyni": gyni, "lgyni": lgyni, "ocb": ocb}


NAMED = ("gyni", "lgyni", "ocb", "biased-lgyni", "biased-ocb", "ocb-piece")


def named(name: str, a=None, x_star=None, b_star=None):
    """A built-in inequality by name (``a`` the bias; ``x_star``, ``b_star`` for the OCB pieces)."""
    if name == "gyni":
        return gyni()
    if name == "lgyni":
        return lgyni()
    if name == "ocb":
        return ocb()
    if a is None:
        raise ValueError(f"{name} needs the parameter a")
    if name == "biased-lgyni":
        return biased_lgyni(a)
    if name == "biased-ocb":
        return biased_ocb(a)
    if name == "ocb-piece":
        if x_star not in (0, 1) or b_star not in (0, 1):
            raise ValueError("ocb-piece needs x_star and b_star in {0, 1}")
        return ocb_piece(a, x_star, b_star)
    raise ValueError(f"unknown inequality {name!r} (known: {', '.join(NAMED)})")
