"""The numeric layer: solvers and searches that *propose* candidates.

Nothing here is trusted. Floats enter the exact world only through :func:`rationalize`.
"""
from __future__ import annotations

from fractions import Fraction


def rationalize(x, max_denominator: int = 10**6) -> Fraction:
    """Closest rational to the float ``x`` with denominator at most ``max_denominator``."""
    if isinstance(x, Fraction):
        return x.limit_denominator(max_denominator)
    return Fraction(float(x)).limit_denominator(max_denominator)
